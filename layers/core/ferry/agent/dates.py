"""Date recognition and day/month order inference from sample values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

DateOrder = Literal["DMY", "MDY", "YMD"]

_TIME = r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:[AaPp][Mm])?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
_ISO_RE = re.compile(r"^(\d{4})[-/.\\](\d{1,2})[-/.\\](\d{1,2})" + _TIME + r"$")
_NUMERIC_RE = re.compile(r"^(\d{1,2})([-/.\\])(\d{1,2})\2(\d{2}|\d{4})" + _TIME + r"$")
# A zone written as a name after a time of day; UTC and GMT are the only ones that need no table of offsets.
_ZONE_NAME_RE = re.compile(r"(?<=\d) +(UTC|GMT)$")
_COMPACT_RE = re.compile(r"^(19|20)(\d{2})(\d{2})(\d{2})$")
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11,
    "dec": 12, "januar": 1, "februar": 2, "marz": 3, "mai": 5, "juni": 6, "juli": 7, "okt": 10, "dez": 12,
    "janv": 1, "fevr": 2, "mars": 3, "avr": 4, "juin": 6, "juil": 7, "aout": 8, "sept": 9, "ene": 1, "abr": 4,
    "ago": 8, "dic": 12,
}  # fmt: skip
_TEXT_MONTH_RE = re.compile(r"^(\d{1,2})[ .\-/]*([A-Za-z]{3,9})\.?[ ,.\-/]*(\d{2,4})" + _TIME + r"$")
_MONTH_FIRST_RE = re.compile(r"^([A-Za-z]{3,9})\.?[ \-/]*(\d{1,2})(?:st|nd|rd|th)?,?[ \-/]*(\d{4})" + _TIME + r"$")


@dataclass
class DateProfile:
    """What the samples say about dates: share that parse, the day/month order and strptime-style formats."""

    share: float = 0.0
    order: DateOrder | None = None
    ambiguous: bool = False
    has_time: bool = False
    formats: list[str] = field(default_factory=list)
    evidence: str = ""


def _valid(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def _numeric_format(sep: str, year_len: int, order: DateOrder, has_time: bool) -> str:
    year = "%Y" if year_len == 4 else "%y"
    body = f"%d{sep}%m{sep}{year}" if order == "DMY" else f"%m{sep}%d{sep}{year}"
    return body + (" %H:%M:%S" if has_time else "")


def profile_dates(samples: list[str]) -> DateProfile:
    """Classify samples as dates and settle the order: a first part above 12 means day-first, a second above 12
    means month-first; ISO `YYYY-MM-DD` is unambiguous. When nothing settles it, `ambiguous` is True."""
    values = [s.strip() for s in samples if s.strip()]
    if not values:
        return DateProfile()
    parsed = 0
    with_time = 0
    can_dmy = can_mdy = True
    numeric_seps: set[tuple[str, int]] = set()
    formats: set[str] = set()
    evidence = ""
    day_first_hint = False
    for value in values:
        # Rails and many exports spell the zone as a name ('2018-01-22 18:58:59 UTC'): the format keeps it literally.
        zone = _ZONE_NAME_RE.search(value)
        value = value[: zone.start()] if zone else value
        if m := _ISO_RE.match(value):
            month, day = int(m.group(2)), int(m.group(3))
            if _valid(day, month) and 1800 <= int(m.group(1)) <= 2200:
                parsed += 1
                sep = value[4]
                time = m.group(4) is not None
                with_time += time
                clock = "T%H:%M:%S" if "T" in value else " %H:%M:%S" if time else ""
                formats.add(f"%Y{sep}%m{sep}%d" + clock + (" " + zone.group(1) if zone and time else ""))
            continue
        if m := _NUMERIC_RE.match(value):
            first, second = int(m.group(1)), int(m.group(3))
            if not (_valid(first, second) or _valid(second, first)):
                continue
            parsed += 1
            with_time += m.group(5) is not None
            numeric_seps.add((m.group(2), len(m.group(4))))
            if m.group(2) == ".":
                day_first_hint = True  # 'dd.mm.yyyy' is the German/European convention
            if first > 12:
                can_mdy = False
                evidence = evidence or f"'{value}' has a day above 12 first"
            if second > 12:
                can_dmy = False
                evidence = evidence or f"'{value}' has a day above 12 second"
            continue
        if _COMPACT_RE.match(value):
            month, day = int(value[4:6]), int(value[6:8])
            if _valid(day, month):
                parsed += 1
                formats.add("%Y%m%d")
            continue
        if (m := _TEXT_MONTH_RE.match(value)) and m.group(2).lower()[:4].rstrip(".") in _MONTHS | {
            k[:4]: v for k, v in _MONTHS.items()
        }:
            parsed += 1
            formats.add("%d %b %Y")
            continue
        if (m := _MONTH_FIRST_RE.match(value)) and m.group(1).lower()[:3] in _MONTHS:
            parsed += 1
            formats.add("%b %d %Y")
            continue
    profile = DateProfile(share=parsed / len(values), has_time=with_time > parsed / 2 if parsed else False)
    if numeric_seps:
        if can_dmy and not can_mdy:
            order: DateOrder | None = "DMY"
        elif can_mdy and not can_dmy:
            order = "MDY"
        elif can_dmy and can_mdy and day_first_hint:
            order = "DMY"
            evidence = "dotted dates (dd.mm.yyyy) are day-first by convention"
        elif can_dmy and can_mdy:
            order = None
            profile.ambiguous = True
            evidence = "no value has a number above 12 in the day or month position"
        else:
            order = None  # contradictory: some values day-first, some month-first
            evidence = "values disagree on day/month order"
            profile.ambiguous = True
        profile.order = order
        for sep, year_len in sorted(numeric_seps):
            for candidate in ("DMY", "MDY") if order is None else (order,):
                formats.add(_numeric_format(sep, year_len, candidate, profile.has_time))
    elif formats and all(f.startswith("%Y") for f in formats):
        profile.order = "YMD"
    profile.formats = sorted(formats)
    profile.evidence = evidence
    return profile
