"""Issue 13, round 26: the thirty-second set's misses, read by class: a request inside an out-of-office auto-reply
(the thanks, the absence, who to call when urgent and the sign-off set aside; 'Before I go:', 'Meanwhile,' taken
off); trade and hobby figures ('X isn't a lost cause / a dead loss: …', 'X sits this one out', 'X stays on the
bench', 'leave X on the … floor', 'Y is the spare / reserve', 'X are like Y: …'); dialect fillers ("Now y'all,",
'Them Notes', 'down here'); an issue comment's closing offer and value pairs with arrows under a mapping label.
Each phrasing was written for this test and is none of bench/language's corpora (each fails on the code before);
the near neighbours change nothing."""

from __future__ import annotations

import pytest

from .effects import check_changes_nothing, check_row

ROUND_26: list[tuple[int, str]] = [
    # a request inside an out-of-office auto-reply
    (12, "Out of office: I am on holiday until 2 May. While I'm away, please lowercase every email. Best wishes, Tom"),
    (10, "Auto-reply: Thanks for your email. I'm travelling until next Tuesday and will reply when I'm back. In the "
         "meantime, set country to US wherever it is blank."),
    (14, "Automatic reply: I am out of the office until 4 June with limited access to email. Meanwhile, please leave "
         "out the rows where Lifecycle is test. If it's urgent, call Ana."),
    (18, "We're on holiday until the 9th. In the meantime, can we make email not required? Some people never gave "
         "one."),
    # trade and hobby figures
    (1, "Contacts missing an email are not beyond saving: make one from the Website's domain and keep the row."),
    (3, "Phone: Work Phone first, with Mobile as the reserve."),
    (4, "The Notes column sits this game out."),
    (4, "Notes can sit this one out; it isn't part of the import."),
    (4, "Notes remains on the sidelines."),
    (4, "Leave Notes on the workshop floor."),
    (9, "Duplicate emails are like a client registered twice: keep the first row for each and drop the rest."),
    # dialect fillers
    (6, "Okay team: split Full Name into first and last name."),
    (5, "Now folks, Signup Date is written day-month-year round here."),
    (5, "Signup Date is written day-month-year over here, so read it so."),
    (19, "Them Notes need a place to land; shove 'em in whatever field works."),
    # an issue comment: arrowed pairs under a mapping label, a closing offer
    (7, "Lifecycle values need translating: `Kunde` --> `customer`, `Interessent` --> `lead`."),
    (11, "Land mapping: `USA` ==> `US`, `Deutschland` ==> `DE`. Hope this helps!"),
    (11, 'Country names need a mapping: "Deutschland" \u2794 "DE", "USA" \u2794 "US". Let me know if that helps.'),
    (11, "Map Land: USA to US, Deutschland to DE. Happy to open a PR for this."),
]  # fmt: skip


@pytest.mark.parametrize(("row", "text"), ROUND_26)
def test_a_round_26_class_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


# near neighbours: a figure asked about, denied or said with no request; an auto-reply quoted, with nothing asked,
# or with more said in its absence sentence; a mapping label with no pairs; pairs asked about; an offer alone
UNCHANGED: list[str] = [
    "Is Notes sitting this one out?",
    "Notes does not sit this one out.",
    "Don't leave Notes on the floor.",
    "A contact with no email is a lost cause.",
    "Is a contact with no email a lost cause?",
    "Is Mobile the spare?",
    "Mobile is the spare key to the office.",
    "Duplicate emails are like the same patient registered twice?",
    "Sam's auto-reply said: I am out of the office until Monday.",
    "Automatic reply: I'm on leave until 2 June and will reply on my return. Kind regards, Ola",
    "I'm out of the office until Friday, so don't change anything yet.",
    "Land values need mapping.",
    "What does `Deutschland` \u2192 `DE` mean for Land?",
    "Is it true that `USA` \u21d2 `US` in Land?",
    "Happy to open a PR if that helps.",
    "Them rows are fine as they are.",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_a_near_neighbour_changes_nothing(text: str) -> None:
    check_changes_nothing(text)
