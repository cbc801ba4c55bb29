"""Text a person sees later (names, labels, filenames): no NUL or other control characters, no bidirectional
overrides or isolates (U+202A-U+202E, U+2066-U+2069, which make `txt.exe` read as `exe.txt`), never blank.

`Name` (one line, not blank) and `Text` (may span lines or be empty) are `str` annotations for pydantic models;
a violation is a validation error on that field (a 400 naming it).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator

BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_LINE_BREAKS = frozenset("\t\n\r")


def check_name(value: str) -> str:
    """A one-line name: no control character, no bidi control, not blank."""
    _check(value, allow=frozenset())
    if not value.strip():
        raise ValueError("must not be blank")
    return value


def check_text(value: str) -> str:
    """Free text: tabs and line breaks are fine; NUL, other control characters and bidi controls are not."""
    _check(value, allow=_LINE_BREAKS)
    return value


def _check(value: str, allow: frozenset[str]) -> None:
    for ch in value:
        if ch in BIDI_CONTROLS:
            raise ValueError(f"must not contain the invisible direction control U+{ord(ch):04X}")
        if (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0) and ch not in allow:
            raise ValueError("must not contain NUL or other control characters" if ch == "\x00" else
                             f"must not contain the control character U+{ord(ch):04X}")  # fmt: skip


Name = Annotated[str, AfterValidator(check_name)]
Text = Annotated[str, AfterValidator(check_text)]
