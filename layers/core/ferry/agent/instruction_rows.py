"""A row of per-column instructions under the header is no data: bulk-upload templates write what each column takes
under its name ('Mandatory field', 'Allowed values: yes, no. Default: no', 'Date format: yyyy-mm-dd', or a sentence
about the column) before the first record. Read as a value it dilutes every column's values ('Mandatory field' beside
one e-mail address is half of the e-mail column) and turns sure mappings into questions.
"""

from __future__ import annotations

import re

from ferry.core.domain import SheetManifest

# A cell that tells what the column takes: a requirement, the values or format allowed, a default.
_INSTRUCTION = re.compile(
    r"(mandatory|optional|required|allowed values|accepted values|possible values|date format|format|default)\b",
    re.IGNORECASE,
)
# A cell this long is a sentence about the column rather than one record's value, when the row holds instructions.
SENTENCE_WORDS = 6


def is_instruction(cell: str) -> bool:
    text = cell.strip()
    return bool(_INSTRUCTION.match(text)) or len(text.split()) >= SENTENCE_WORDS


def instruction_row(sheet: SheetManifest) -> bool:
    """The first data row tells what each column takes: at least three of its cells, and most of its filled ones,
    are instructions, two of them by their opening words (a row of long free-text values is no instruction row)."""
    firsts = [c.samples[0] for c in sheet.columns if c.samples and c.samples[0].strip()]
    told = [f for f in firsts if _INSTRUCTION.match(f.strip())]
    return len(told) >= 2 and sum(map(is_instruction, firsts)) >= max(3, 0.6 * len(firsts))
