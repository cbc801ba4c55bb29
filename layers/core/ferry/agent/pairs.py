"""The lines the matcher draws on a pair's raw score, and the scores themselves: one (column, field) pair's evidence
(PairScore) and every pair of a sheet (ScoredSheet). ferry.agent.match computes them; ferry.agent.left_out reads them
to offer the columns the assignment left out."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ferry.agent.calibrate import calibrated
from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.synonyms import BROADER

# Raw score at or above which a mapping is applied without asking. The line is drawn on the raw score, not on the
# calibrated confidence, so refitting the calibration table changes what a confidence says, never what is applied.
AUTO_SCORE = 0.8
# Raw-score floor below which a pair is not a candidate at all.
CANDIDATE_FLOOR = 0.3
# Raw score from which a candidate that is not sure enough to apply is put to the person as a question.
QUESTION_FLOOR = 0.45
# The scores a late re-reading gives a pair it settles: left out (no longer a candidate), asked (put to the person,
# never applied) or applied (past the auto-apply line, with a header read as naming the field).
LEFT_OUT_SCORE = CANDIDATE_FLOOR * 0.8
ASKED_SCORE = (QUESTION_FLOOR + AUTO_SCORE) / 2
APPLIED_SCORE = 0.9
# The question floor of a sheet without a header row.
HEADERLESS_FLOOR = 0.2
# An empty column in a sheet of at most this many rows (a template, a sample) is mapped on its header alone.
EMPTY_SURE_ROWS = 50
# Field kinds whose values identify them without a header (a phone number, a postal code, a state, a given name).
VALUE_KINDS = frozenset({"email", "url", "phone", "country", "postal", "region", "street", "given", "date"})
# A header at least this sure names the field outright (its name, or a whole-header synonym).
SURE_HEADER = 0.97
# Raw score from which a column is offered for a required field no column clearly matches.
REQUIRED_FLOOR = 0.35
# Two candidates for a required/unique field closer than this (raw score) are 'close': we ask.
CLOSE_MARGIN = 0.08
# The confidence a proposal put to the person as a question is given at most: that of a raw score just short of
# the auto-apply line (a plausible, unconfirmed match is not 0.99 sure).
UNSURE = calibrated(0.79)
# A close rival whose header is at least this near the field's name makes a sure-looking pair a choice when the
# chosen column's header does not name the field outright ('Product Image 1' beside 'Product Thumbnail' for images).
RIVAL_HEADER = 0.85
# A header below this only resembles the field (a related word, a shared word, a spelling): applied without
# asking only when the values confirm it ('Note' is not surely a product's description, 'kind' not its category).
NAMING_HEADER = 0.88
# One-word headers that name different things in different systems ('title' is a job title, a salutation, a
# subject or a product name): without values to tell which, such a column is asked about, not applied.
AMBIGUOUS_HEADERS = frozenset({"title", "name", "type", "kind", "code", "number", "no", "value", "status", "class"})


# Headers that say only 'name' (in several languages): a person's whole name, unless a surname column stands beside.
BARE_NAMES = frozenset({"name", "nombre", "nom", "nome", "naam", "vorname name"})


@dataclass
class PairScore:
    """The raw score of one (column, field) pair and the evidence behind it."""

    score: float
    header: float
    fit: float
    reasons: list[str]
    conflict: bool = False
    split: bool = False  # the column feeds this field only by splitting a full name
    record_key: bool = False  # the header names the record's own number, and the field is the template's key

    def asked(
        self,
        why: str | None = None,
        *,
        keep: int | None = None,
        first: bool = False,
        score: float = ASKED_SCORE,
        header: float | None = None,
        fit: float | None = None,
    ) -> PairScore:
        """This pair put to the person, never applied: scored ASKED_SCORE (or `score`), `why` added after the first
        `keep` of its reasons (all of them when None), or before them when `first`. The rest of its evidence (header
        and fit unless given, conflict) and its flags (split, record_key) are kept, so a late re-reading that asks a
        pair no longer forgets that it splits a full name or names the record's key."""
        kept = self.reasons if keep is None else self.reasons[:keep]
        added = [why] if why else []
        return replace(
            self,
            score=score,
            header=self.header if header is None else header,
            fit=self.fit if fit is None else fit,
            reasons=[*added, *kept] if first else [*kept, *added],
        )


def ask_pairs(pairs: list[list[PairScore]], i: int, fields: list[int], why: str) -> None:
    """Column i's pairs with `fields` that would be applied are put to the person instead, saying `why`."""
    for j in fields:
        if pairs[i][j].score > ASKED_SCORE:
            pairs[i][j] = pairs[i][j].asked(why)


@dataclass
class ScoredSheet:
    """Every pair score of a sheet against a template (columns x fields)."""

    columns: list[ColumnInfo]
    fields: list[FieldInfo]
    pairs: list[list[PairScore]]

    def ranked(self) -> list[tuple[str, str, float]]:
        """(source column, field, raw score) for every pair, best first; ties keep column/field order."""
        flat = [
            (c.source, f.spec.key, self.pairs[i][j].score)
            for i, c in enumerate(self.columns)
            for j, f in enumerate(self.fields)
        ]
        return sorted(flat, key=lambda t: -t[2])


def names_broader(col: ColumnInfo, fld: FieldInfo) -> bool:
    """The header names only a broader concept than the field's ('Variant Price' for sale_price): a kind-of match
    the other way round, which no value of the broader kind can confirm."""
    if set(col.concepts) & set(fld.concepts):
        return False
    # One way only: 'manufacturer' and 'brand', 'notes' and 'description' stand in for each other (either way).
    return any(c in BROADER.get(f, ()) and f not in BROADER.get(c, ()) for c in col.concepts for f in fld.concepts)
