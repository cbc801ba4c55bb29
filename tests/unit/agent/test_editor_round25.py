"""Issue 13, round 25: the thirty-first set's misses, read by class: a marked request inside a status update (news
around it, 'still waiting on …' about something else); Jira markup ('[~name]', '{{Column}}', a heading over a
'|| X || field ||' table); a purpose after a split; 'X needs splitting into'; 'make so that X is from column Y';
'Is possible to make …?'; removal said 'let go of', 'falls outside the … scope', 'release'; 'attribute X to the …';
undo said 'step back out of that last change'; a label before the rule ("X's note on Y:", 'One A per B:'); a
corrected date order; pairs by position; 'file them in some field'. Each phrasing was written for this test and is
none of bench/language's corpora (each fails on the code before); the near neighbours change nothing."""

from __future__ import annotations

import pytest

from .effects import check_row, check_unchanged

ROUND_25: list[tuple[int, str]] = [
    # a marked request inside a status update
    (12, "Status report: the staging sync ran overnight, no errors. One request for the import: lowercase the "
         "emails. Back tomorrow."),
    (10, "Daily update: still waiting on procurement, QA signed off. Ask: an empty country becomes US."),
    (10, "Status (Thu): licences sorted, still waiting on the security review. Request: set country to US where it is "
         "blank. That's it."),
    (15, "Update from finance: budget approved. Also, for the import, created_at should come from Signup Date."),
    # Jira markup and a purpose after a split
    (6, "[~data.bot] split {{Full Name}} into first and last name please"),
    (6, "Split Full Name into first and last name for the badge printer."),
    (6, "The Full Name column needs splitting into first and last name."),
    (11, "Country pairs:\n|| Land || country ||\n| USA | US |\n| Deutschland | DE |"),
    # learners' wording
    (2, "Please make so that phone is from column Mobile."),
    (18, "Is possible to have email not required? Few people lack it."),
    # removal, blank-filling, undo
    (4, "You can let go of the Notes column; it does not need to go into the import."),
    (4, "Notes falls outside this project's scope."),
    (8, "Release all rows that have no email."),
    (13, "When Organization is empty, attribute company to the domain of the email."),
    (17, "Step back out of the last change, please."),
    # a label before the rule, a corrected date order, pairs by position
    (5, "Editor's note on Signup Date: day first, then month, then year."),
    (5, "Nah, Signup Date is not month first, it's day first."),
    (9, "One guest per email: keep only the first row for each email."),
    (7, "Kunde and Interessent in Lifecycle: the first is customer, the second is lead."),
    (14, "The test rows in Lifecycle are only a rehearsal, not real people: leave them out."),
    (19, "Notes have no place yet; could you file them in some field?"),
]  # fmt: skip


@pytest.mark.parametrize(("row", "text"), ROUND_25)
def test_a_round_25_class_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


# near neighbours: a status update with no marked request, a question kept a question, a purpose that is not a
# split's, a correction that is no date order, a release that is not of rows
UNCHANGED: list[tuple[int, str]] = [
    (12, "Status update: staging sync ran, nothing to do for Ferry this week."),
    (8, "Weekly status: still waiting on legal about dropping the rows without email."),
    (6, "Split Full Name for the seating chart?"),
    (4, "Is possible to let go of the Notes column?"),
    (5, "Signup Date isn't the created date, it's the newsletter date."),
    (8, "Release notes are due on Friday."),
    (17, "Don't step back out of the last change."),
]  # fmt: skip


@pytest.mark.parametrize(("row", "text"), UNCHANGED)
def test_a_near_neighbour_changes_nothing(row: int, text: str) -> None:
    check_unchanged(row, text)
