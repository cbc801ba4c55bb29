"""Issue 13: clarify classes said in wordings a held-out set of the lead's (bench/language dev16, written before round
12 and scored blind until round 13 ended) found unread: a request's label before a colon, an arrow from the source,
the difference between the file's and the import's row counts, 'what are we not bringing over' with no rows named,
columns that 'stay outside', values that 'do not pass validation', and an ordinary word a typo away from a field
word ('rate' is no 'date'). Each said here in wordings written for this test, none a phrasing of the corpora; and
the same shapes said of another class keep theirs."""

from __future__ import annotations

import pytest

from .effects import check_clarify


@pytest.mark.parametrize(
    ("row", "question"),
    [
        (1, "Check: email <- which column?"),
        (1, "Q: email \u2190 what?"),
        (3, "Why is there a difference in row counts between my file and the preview?"),
        (3, "fewer rows than my spreadsheet, how come?"),
        (4, "So what are you not importing?"),
        (4, "Which columns remain outside the import?"),
        (7, "How many phone numbers fail to meet the format?"),
        (7, "Phones not passing the checks: how many?"),
        (7, "What share of the phone numbers is invalid?"),
    ],
)
def test_clarify_reads_the_class_in_these_wordings(row: int, question: str) -> None:
    check_clarify(row, question)


@pytest.mark.parametrize(
    ("row", "question"),
    [
        # rows named: what is not brought over is rows, not columns
        (3, "Which rows are we not bringing over?"),
        # a label that names a field is the question's subject, not a request's label
        (1, "Email: where does it come from?"),
        # an invalid count keeps its class beside a date word's look-alike
        (7, "What is the failure rate of phone numbers?"),
    ],
)
def test_the_same_shapes_keep_another_class(row: int, question: str) -> None:
    check_clarify(row, question)
