"""Issue 13, round 33: a yes/no question about the recipe's state is asked back, never applied, while a request put
as a question still applies; one reading of an example date; the fortieth set's misses by class (a nested YAML
config of a field, a swap called 'X out, Y in', a default called after a field, a column set aside, rows that are
'only <a>, not <b>' cleared out, a judgement before an undo, 'play X as optional', a subjunctive request, a case
'every one in lowercase', 'take the wire to X', a fallback 'where there's nothing there', 'trace F off the C
column', a nation's numbers, a learner's topic first, clarify's 'mucked / struck off' and 'will not be coming with
us'). Each phrasing was written for this test and is none of bench/language's corpora; the near neighbours change
nothing."""

from __future__ import annotations

import pytest

from ferry.recipe.editor.example_dates import example_dated
from ferry.recipe.editor.nested_config import nested_config_request

from .effects import check_changes_nothing, check_clarify, check_row

# a yes/no question about how the recipe is, with what it is about set before it, or opening with 'will'
STATE_QUESTIONS: list[str] = [
    "Once Work Phone comes up blank, does phone take Mobile?",
    "Where the Organization cell is empty, is company taken from the e-mail's domain?",
    "Signup Date: is 06/07/2024 read as the 6th of July?",
    "For Signup Date, are the dates read with the month first?",
    "Will rows lacking an email be dropped from the import?",
    "Will the addresses in email be put in lowercase?",
    "If a row has no Organization, does it get company from the Website domain?",
]


@pytest.mark.parametrize("text", STATE_QUESTIONS)
def test_a_question_about_the_state_is_never_applied(text: str) -> None:
    check_changes_nothing(text)


# a request put as a question is still a request
REQUEST_QUESTIONS: list[tuple[int, str]] = [
    (18, "Can you make email optional instead of required?"),
    (4, "Could you leave the Notes column out of the import?"),
    (2, "Would you map Mobile to phone?"),
    (12, "Every email ought to be lowercase. Is that something you could do?"),
    (18, "Our client asks that email no longer be required. Is that something we can change?"),
    (18, "I'd like to treat email as optional. Could you set it that way?"),
    (12, "Will you lowercase every email?"),
]  # fmt: skip


@pytest.mark.parametrize(("row", "text"), REQUEST_QUESTIONS)
def test_a_request_put_as_a_question_still_applies(row: int, text: str) -> None:
    check_row(row, text)


ROUND_33: list[tuple[int, str]] = [
    # a nested YAML config of a field
    (7, "status:\n    from: Lifecycle\n    map:\n        Interessent: lead\n        Kunde: customer"),
    (3, "# phone wiring\nphone:\n  source: Work Phone\n  if_empty: Mobile"),
    # a swap called
    (2, "Lineup change, phone \u2014 Work Phone out, Mobile in."),
    # a default called after its field
    (10, "Heads up, country: blank, mark it US. Already filled, leave it alone."),
    # a column set aside
    (4, "Shelve the Notes column. It stays out of the import, not part of the job."),
    (4, "Notes is to be buried."),
    # rows that are only one thing, not another, cleared out
    (14, "The rows where Lifecycle is 'test' were just rehearsals, not real shows. Sweep them out of the load."),
    # a judgement before an undo, and the version before dealt
    (17, "Rough hand with my last edit. Hand me the version before."),
    # required
    (18, "Let's run email as optional from now on."),
    (18, "The board requests that email no longer be required."),
    # a case
    (12, "Paint the emails all the same, each one in lowercase: JO@Site.DE becomes jo@site.de."),
    # a split
    (6, "Take the knife to Full Name and split it in two."),
    # a fallback where there is nothing
    (13, "Harvest company from Organization, and where there's nothing there, take it from the E-mail's domain."),
    # a mapping traced off a column
    (15, "Copy created_at off the Signup Date column, that's its template."),
    # a nation's numbers
    (16, "Numbers without a country code, those are German ones (+49). When a number already has a code, keep its "
         "code."),
    # a learner's topic first
    (1, "The rows where E-mail is missing, do not drop them. For that rows, make the email from the Website domain."),
    (1, "Por favor, the rows where E-mail is missing, do not drop them. For that rows, make the email from the Website "
        "domain."),
    # an example date with 'Example' before it, after the order said by the numbers' places
    (5, "In Signup Date the first number is the day. Example 21/06/2023, that's 21 June."),
]  # fmt: skip


@pytest.mark.parametrize(("row", "text"), ROUND_33)
def test_a_round_33_class_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


UNCHANGED: list[str] = [
    "Is the Notes column to be laid to rest?",  # a figure asked about
    "Don't fold the Notes column.",  # negated
    "Phone: is Work Phone out and Mobile in?",
    "Should we play email as optional?",
    "status:\n  source: ?\n  values: ?",  # a skeleton to fill in
    "The rows where Lifecycle is 'test' are rehearsals, not real shows.",  # a description, no removal
    "Mobile in, Work Phone stays.",  # no field, no swap
    "Would you say the Notes column is to be buried?",  # an opinion asked, not a request
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_a_near_neighbour_changes_nothing(text: str) -> None:
    check_changes_nothing(text)


CLARIFY: list[tuple[int, str]] = [
    (3, "How many rows end up crossed off before the import, and what rule crosses them off?"),
    (4, "Which columns of the file won't be travelling with us into the import?"),
]


@pytest.mark.parametrize(("row", "question"), CLARIFY)
def test_a_round_33_clarify_question_is_answered(row: int, question: str) -> None:
    check_clarify(row, question)


def test_an_example_date_has_one_reading() -> None:
    # the order said elsewhere: the example goes, with its 'e.g.' and separator
    assert example_dated("Signup Date is DD/MM; e.g. 08/09/2024 is the 8th of September.") == "Signup Date is DD/MM."
    # the order not said: the example is the order it shows
    assert example_dated("Signup Date: 08/09/2024 means September 8th.") == "Signup Date: day first."
    assert example_dated("Signup Date: 09/08/2024 means September 8th.") == "Signup Date: month first."
    # no order shown (same numbers, a reading that fits neither, a spelled day without an order said): as typed
    for typed in (
        "Signup Date: 04/04/2024 is 4 April.",
        "Signup Date: 04/05/2024 is 9 May.",
        "Signup Date: 04/05/2024 is the fourth of May.",
    ):
        assert example_dated(typed) == typed
    # an example in the middle, without a separator, is left when the order is said
    mid = "Signup Date is day first as in 08/09/2024 is 8 September today"
    assert example_dated(mid) == mid


def test_a_nested_config_needs_its_shape() -> None:
    flat = "phone: Mobile\nemail: E-mail"  # flat pairs are the snippets' to read
    assert nested_config_request(flat) == flat
    prose = "status:\n  source: Lifecycle\nand please hurry"
    assert nested_config_request(prose) == prose
    other = "status:\n  colour: blue"  # a key of another kind
    assert nested_config_request(other) == other
    assert nested_config_request("email:\n  source: E-mail\n  case: lowercase") == (
        "email comes from E-mail. email: lowercase."
    )
