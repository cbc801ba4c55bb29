"""A yes/no flag whose every value says yes needs no question (round 50, issue 12): QloApps' 'Active(0/1)' of '1' on
every row fills a products status that can be 'active'. Its 'yes' values become that value and what a 'no' stands for
only the person knows, so a flag with 'no' values is applied and asked to be confirmed (`match`). When the sniffer saw
every different value of the column (fewer than it keeps), every row is filled and none is a 'no', every row maps and
nothing is left for the person to decide: the mapping is applied without the question. A flag with one 'no' among its
values, a sparse flag whose blanks are its 'no' (OpenMRS' 'Void/Retire' of 'true' or nothing), and a column of more
different values than the sniffer keeps (some unseen), are asked as before."""

from __future__ import annotations

from ferry.agent import questions as ask
from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.models import FieldMatch, MatchQuestion

# Different values the sniffer keeps of a column (ColumnManifest.samples: up to 10); fewer means all were seen.
_KEPT = 10


def flag_questions(fld: FieldInfo, flag: ColumnInfo, match: FieldMatch) -> list[MatchQuestion]:
    """The confirm question for a yes/no flag applied to one of the field's values, unless every value says yes."""
    # Every row filled (a blank in a sparse flag is its 'no') and every different value seen.
    all_seen = len(flag.samples) < _KEPT and flag.filled >= flag.rows > 0
    if all_seen and match.hints.get("value_map") and not match.hints.get("unmatched_values"):
        match.rationale += "; every value says yes"
        return []
    return [ask.conflict(fld, flag, f"Its header is one of the {fld.spec.key} values; its values say yes/no")]
