"""An empty column named for a code scanned on the record (round 59, issue 12): on a template with one tag its records
are labelled with and no barcode field, 'Custom Barcode' or 'QR Code ID' of a template file (openBIS' storage
templates, CARE's asset sheet) is most likely the tag, as a filled 'Barcode' is (round 34, `late_reads`: FOLIO's
items, Atlas CMMS' assets). A filled column is read from its values there (one distinct code per row is applied);
an empty one has no values to tell, so it is asked about, never applied, as a header naming the record's key is. A
'QR code' is read here only: on a template with a barcode field (an EAN/UPC of a product) it is no barcode."""

from __future__ import annotations

from dataclasses import replace

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import ASKED_SCORE, PairScore
from ferry.agent.synonyms import header_words

# The header evidence an asked scanned code is given for the tag: a kind of it, which names it (the budget's
# RESEMBLES_HEADER), so the question about an empty column is kept as one whose answer matters for the file's format.
_ASKED_HEADER = 0.8
# Words that may follow a code's name and still name the code itself ('QR Code ID').
_ID_WORDS = frozenset({"id", "number", "no", "nr", "value"})


def sole_tag_field(fields: list[FieldInfo]) -> int | None:
    """The template's one tag field a scanned code can fill (a unique string named for a tag), or None when there
    is none, more than one, or a barcode field of its own."""
    if any("barcode" in f.concepts for f in fields):
        return None  # the template keeps barcodes in a field of their own
    tags = [j for j, f in enumerate(fields) if f.spec.unique and f.spec.type == "string" and "tag" in f.spec.key]
    return tags[0] if len(tags) == 1 else None


def ask_empty_scanned_codes(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Lift an empty scanned-code column's pair with the template's only tag field to a question."""
    j = sole_tag_field(fields)
    if j is None:
        return
    for i, col in enumerate(columns):
        if not col.empty or col.json_path is not None or not _scanned_code(col.header):
            continue
        pair = pairs[i][j]
        if pair.score < ASKED_SCORE:
            why = f"'{col.header}' names a code scanned on the record, perhaps its {fields[j].spec.key}; empty here"
            asked = pair.asked(why, header=max(pair.header, _ASKED_HEADER), fit=max(pair.fit, 0.0))
            # The code each record is labelled with names the record's own key, as 'Asset No' does: worth a question.
            pairs[i][j] = replace(asked, record_key=True)


def _scanned_code(header: str) -> bool:
    """'Barcode', 'Custom Barcode', 'bar code', 'QR Code ID', 'qrcode'; not 'Barcode Type' (a kind of code, not one):
    only an id word may follow the code's own words."""
    words = header_words(header)
    for end in range(len(words), 0, -1):
        last = words[end - 1]
        if last in {"barcode", "qrcode"} or (end > 1 and words[end - 2] + last in {"barcode", "qrcode"}):
            return all(w in _ID_WORDS for w in words[end:])
    return False
