"""cell_text: the one rule for turning a workbook cell into text."""

from __future__ import annotations

import datetime as dt

import pytest

from ferry.ingest import cell_text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ("", ""),
        ("0123", "0123"),
        ("  padded  ", "  padded  "),
        (12.0, "12"),
        (-3.0, "-3"),
        (0.0, "0"),
        (40, "40"),
        (1.27, "1.27"),
        (41800000.01, "41800000.01"),
        (0.1 + 0.2, "0.3"),
        (4915112345678.0, "4915112345678"),
        (1e20, "1e+20"),
        (True, "TRUE"),
        (False, "FALSE"),
        (dt.date(1971, 1, 1), "1971-01-01"),
        (dt.datetime(1971, 1, 1, 4, 14), "1971-01-01T04:14:00"),
        (dt.datetime(1948, 1, 1, 14, 57, 13, 500), "1948-01-01T14:57:13"),
        (dt.time(13, 30), "13:30:00"),
        (dt.timedelta(hours=36, minutes=5), "36:05:00"),
    ],
)
def test_cell_values_become_the_text_a_person_sees(value: object, text: str) -> None:
    assert cell_text(value) == text
