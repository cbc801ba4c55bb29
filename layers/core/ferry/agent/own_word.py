"""A field taken by a synonym of it ('ProductType' for a product's category) while another column carries the field's
own word ('CategoryPath'): which of the two holds the field is the person's choice, so neither is applied unasked.
The synonym may be right (Shopify's product type is its category), the column named by the field's word as well."""

from __future__ import annotations

from ferry.agent import questions as ask
from ferry.agent.evidence import SECONDARY_WORDS
from ferry.agent.models import SheetMatch
from ferry.agent.pairs import UNSURE, ScoredSheet
from ferry.agent.stems import stems_of

# Header evidence from which a header is the field's own name, not a synonym of it.
_OWN_NAME = 1.0
# Words another column adds to the field's own word and still names it ('category path', 'category tree').
_EXTRA = 1


def ask_synonym_beside_own_word(scored: ScoredSheet, result: SheetMatch) -> None:
    """An applied column whose header names the field by a synonym only, beside an unapplied column of values whose
    header is the field's own word and one more ('ProductType' and 'CategoryPath' for category): asked which."""
    applied = {c for m in result.matches if m.auto_applied for c in m.columns}
    index = {c.source: i for i, c in enumerate(scored.columns)}
    for j, fld in enumerate(scored.fields):
        match = result.matches[j]
        if not match.auto_applied or len(match.columns) != 1 or match.column not in index:
            continue
        i = index[match.column]
        own = stems_of(fld.spec.key)
        if scored.pairs[i][j].header >= _OWN_NAME or not own or own <= stems_of(scored.columns[i].header):
            continue
        for r, other in enumerate(scored.columns):
            words = stems_of(other.matched or other.header)
            extra = words - own
            if other.source in applied or other.empty or not own <= words or len(extra) != _EXTRA:
                continue
            if any(ch.isdigit() for ch in other.header):
                continue  # 'street_1' beside 'address': one line of several, the numbered ones are parts
            if extra & SECONDARY_WORDS or scored.pairs[r][j].fit <= -0.5 or other.json_path is not None:
                continue
            if other.other_party:
                continue  # 'team_lead' beside 'department': another person, who carries the word only as a modifier
            match.auto_applied = False
            match.confidence = min(match.confidence, UNSURE)
            match.rationale += f"; '{other.source}' carries the word {fld.spec.key} itself"
            why = f"'{match.column}' is a synonym of {fld.spec.key}, '{other.source}' has its own word"
            result.questions.append(ask.which_column(fld, [scored.columns[i], other], why))
            break
