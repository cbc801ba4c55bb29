"""Two courtesy columns (round 52, issue 12): a member file may carry a salutation ('Anrede': Herr, Frau; 'Salutation':
Mr, Mrs) and, beside it, an academic or honorific title ('Titel', 'Title': Dr., Prof., Dipl.-Ing.). Both headers name
the salutation in the vocabulary, and a 'Dr.' is one of the template's salutations, so the title took the field and
the salutation, whose 'Herrn' was no allowed value, was left out (JVerein). When a sheet has both, the column whose
values are forms of address is the salutation and the title column is left out. A title column alone, or two columns
whose values do not split so, are read as before."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import APPLIED_SCORE, CANDIDATE_FLOOR, LEFT_OUT_SCORE, NAMING_HEADER, PairScore
from ferry.agent.synonyms import header_words

# Forms of address (the person's sex or standing, not a degree), in the vocabulary's languages, normalised.
_ADDRESS_FORMS = frozenset({
    "mr", "mrs", "ms", "miss", "mister", "mx", "herr", "herrn", "frau", "fraulein", "m", "mme", "mlle", "monsieur",
    "madame", "mademoiselle", "sr", "sra", "srta", "senor", "senora", "senorita", "sig", "sigra", "signor", "signora",
    "dhr", "mevr", "heer", "mevrouw", "firma",
})  # fmt: skip
# Academic and honorific titles (degrees and offices).
_TITLE_WORDS = frozenset({
    "dr", "prof", "professor", "dipl", "ing", "phd", "mag", "med", "rer", "nat", "habil", "msc", "bsc", "mba", "md",
    "doktor", "doctor", "dott", "dottssa", "lic", "eng", "sir", "dame", "rev", "hon",
})  # fmt: skip
# Share of a column's filled values that must be of one kind.
_MOSTLY = 0.8


def _share(col: ColumnInfo, kind: frozenset[str]) -> float:
    values = [v for v in col.samples if v.strip()]
    if not values:
        return 0.0
    hits = sum(1 for v in values if (words := header_words(v)) and all(w in kind for w in words))
    return hits / len(values)


def salutation_beside_a_title(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Give the salutation to the column of forms of address and leave out the title column beside it."""
    for j, fld in enumerate(fields):
        if "salutation" not in fld.concepts:
            continue
        named = [i for i, c in enumerate(columns) if pairs[i][j].header >= NAMING_HEADER and c.json_path is None]
        forms = [i for i in named if _share(columns[i], _ADDRESS_FORMS) >= _MOSTLY]
        titles = [i for i in named if _share(columns[i], _TITLE_WORDS) >= _MOSTLY]
        if len(forms) != 1 or not titles:
            continue
        f = forms[0]
        for t in titles:
            pair = pairs[t][j]
            if pair.score >= CANDIDATE_FLOOR:
                reason = f"'{columns[t].header}' holds titles (degrees); '{columns[f].header}' holds the salutations"
                pairs[t][j] = PairScore(LEFT_OUT_SCORE, pair.header, pair.fit, [*pair.reasons, reason], pair.conflict)
        own = pairs[f][j]
        if own.score < APPLIED_SCORE:
            reason = f"'{columns[f].header}' holds forms of address beside the titles of '{columns[titles[0]].header}'"
            pairs[f][j] = PairScore(APPLIED_SCORE, own.header, max(own.fit, 0.0), [own.reasons[0], reason])
