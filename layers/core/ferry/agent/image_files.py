"""Picture files under a header naming the pictures (round 48, issue 12): eShopOnContainers' catalog writes
'PictureFileName' over '1.png', '2.png'. The header says images only in part ('picture' before the form words 'file
name'), but every value is the file of a picture: a column of image files whose header points at the images, the
only such column of the sheet, is the images. File names of no picture ('a.pdf'), a header that says nothing of
images ('Attachment' of '1.png'), and two columns of pictures (a thumbnail beside the image) are read as before."""

from __future__ import annotations

import re

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import APPLIED_SCORE, CANDIDATE_FLOOR, NAMING_HEADER, PairScore

_IMAGE_FILE = re.compile(r"^\S+\.(?:png|jpe?g|gif|webp|bmp|svg|tiff?|avif|heic)$", re.IGNORECASE)
# Header evidence from which a header points at the images ('Picture File Name': 0.62); a bare mention is less.
_POINTS = 0.55


def _image_files(col: ColumnInfo) -> bool:
    values = [v.strip() for v in col.samples if v.strip()]
    return bool(values) and all(_IMAGE_FILE.match(v) for v in values)


def image_files_for_images(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Apply the images field from the one column of image files whose header points at the images."""
    pictures = [i for i, col in enumerate(columns) if _image_files(col)]
    if len(pictures) != 1:
        return
    i = pictures[0]
    for j, fld in enumerate(fields):
        pair = pairs[i][j]
        if "images" not in fld.concepts or pair.header < _POINTS or pair.score < CANDIDATE_FLOOR or pair.conflict:
            continue
        reason = f"every value of '{columns[i].header}' is a picture file, and its header points at the images"
        # The values confirm what the header points at: read as a header naming the field.
        header = max(pair.header, NAMING_HEADER)
        pairs[i][j] = PairScore(max(pair.score, APPLIED_SCORE), header, pair.fit, [*pair.reasons, reason])
