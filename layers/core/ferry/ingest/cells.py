"""How one spreadsheet cell value becomes text: the single rule every reader and the importer share."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

# Excel keeps 15 significant digits; printing more only exposes binary noise (0.1 + 0.2 -> 0.30000000000000004).
_EXCEL_DIGITS = 15
_EXACT_INT_LIMIT = 10**_EXCEL_DIGITS


def cell_text(value: Any) -> str:
    """Text of a workbook cell: '12' not '12.0', dates 'YYYY-MM-DD', datetimes 'YYYY-MM-DDTHH:MM:SS',
    times 'HH:MM:SS', booleans 'TRUE'/'FALSE', empty ''."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):  # before int: bool is an int subclass
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float_text(value)
    if isinstance(value, dt.datetime):  # before date: datetime is a date subclass
        return value.replace(microsecond=0, tzinfo=None).isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.replace(microsecond=0, tzinfo=None).isoformat(timespec="seconds")
    if isinstance(value, dt.timedelta):
        return _duration_text(value)
    return str(value)


def _float_text(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    if value.is_integer() and abs(value) < _EXACT_INT_LIMIT:
        return str(int(value))
    return f"{value:.{_EXCEL_DIGITS}g}"


def _duration_text(value: dt.timedelta) -> str:
    """Durations as Excel shows [h]:mm:ss, so 36 hours stays '36:00:00'."""
    seconds = round(value.total_seconds())
    sign = "-" if seconds < 0 else ""
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
