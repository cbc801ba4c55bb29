"""Issue 13, round 30: the thirty-seventh set's misses, read by class: a key/value snippet (a JSON object or 'K: V'
lines, under a label line or alone) as the request's layout; figures of new voices (a column thrown back or a
position closed out, rows burnt, a mulligan or the wheel turned back, required downgraded to optional, a market's
quote, the cards' reading); a mathematician's definitions by cases and uniqueness imposed; asides ('Do me a favor',
'Whaddaya got … for'); learners' word order; and the one list of mapping verbs (a hookup verb maps). Each phrasing was
written for this test and is none of bench/language's corpora; the near neighbours change nothing."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import fallback
from ferry.recipe.editor.mapping import MAP_PATTERNS, MAP_VERBS
from ferry.recipe.editor.snippets import snippet_request

from .effects import check_changes_nothing, check_row

ROUND_30: list[tuple[int, str]] = [
    # a key/value snippet under a label, or alone
    (2, 'New source for phone:\n\n```json\n{"phone": "Mobile"}\n```'),
    (2, '{\n  "phone": "Mobile"\n}\n\n(Mobile is the better column.)'),
    (7, "Status values, Lifecycle -> status:\n\n  Kunde: customer\n  Interessent: lead"),
    (7, '{"Interessent": "lead", "Kunde": "customer"}'),
    (11, 'Codes for country:\n{"USA": "US", "Deutschland": "DE"}'),
    (11, "- Deutschland: DE\n- USA: US"),
    # a column let go
    (4, "Release Notes back into the water."),
    (4, "Exit the Notes stake entirely."),
    (4, "Notes is a minnow, not worth the trouble. Toss the whole column back."),
    # rows removed
    (14, "Shred every record whose Lifecycle is test, and none of them goes into the import."),
    # a step undone
    (17, "Let me have a mulligan on my last edit."),
    (17, "Turn back the clock, please."),
    # required and optional
    (18, "Please relax email from mandatory to optional."),
    (18, "Be a sport: make email optional."),
    # a market, an oracle
    (16, "Our phones are listed on the German exchange."),
    (5, "The stars tell me about Signup Date: the day comes first, then the month."),
    (5, "Signup Date: the day comes first, then the month; 07/08/2024 is the seventh of August."),
    (19, "Notes should go somewhere in the import. Which field, the runes can't say; you choose."),
    # a definition
    (13, "Define company = Organization if Organization is present; otherwise company = the domain of E-mail."),
    (9, "Enforce uniqueness on email, keeping the first row of each."),
    # a gap said as a situation
    (13, "Organization turns up blank on some rows. On those rows use the email's domain for company; where there is "
         "an Organization, keep it."),
    # asides
    (12, "What do you got emails in caps for, like ANNA@X.DE? Make 'em lowercase."),
    (12, "Capitals everywhere in the emails. Lowercase the lot, please."),
    (6, "Split Full Name into first and last name; a 'de la' sticks with the surname."),
    (16, "Treat the phones as German. Ones with their own country code stay as they are."),
    # learners' word order
    (1, "Some rows have not E-mail. Those rows not remove please. Build email from domain of Website."),
    (15, "Signup Date column, it is date of registration. Please give it to created_at."),
    (7, "In Lifecycle are German words. Kunde means customer, Interessent means lead. Please write this in status."),
    # a hookup verb maps ('plug', 'patch' are no other verbs' typos)
    (2, "Plug Mobile into phone."),
    (2, "Patch the Mobile column into phone."),
]  # fmt: skip


@pytest.mark.parametrize(("row", "text"), ROUND_30)
def test_a_round_30_class_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


UNCHANGED: list[str] = [
    'For reference, the current mapping:\n\n{"phone": "Work Phone"}',  # a snippet shown, not asked for
    'Would {"phone": "Mobile"} be valid input?',  # a snippet quoted in a question
    "Example of the format:\n\n  Kunde: customer",  # an example label
    "Don't throw Notes back.",  # a figure negated
    "Should we close out the Notes position?",  # a figure asked about
    "What does a mulligan on the last change do?",
    "Never burn every row whose Lifecycle is test.",
    "Is email quoted in the German market?",
    "Do me a favor.",  # an aside alone
    "Impose uniqueness on email?",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_a_near_neighbour_changes_nothing(text: str) -> None:
    check_changes_nothing(text)


def test_a_snippet_with_nested_values_or_prose_is_left_as_typed() -> None:
    nested = 'Mapping:\n{"phone": {"from": "Mobile"}}'
    prose = "Mapping:\nphone: Mobile\nand please also lowercase emails"
    assert snippet_request(nested) == nested
    assert snippet_request(prose) == prose
    assert snippet_request('{"phone": "Mobile"}') == "phone: Mobile."


def test_a_chat_log_or_a_repeated_key_is_not_a_snippet() -> None:
    # the lead's mend: time-stamped chat lines and a speaker on every line are the chat layout's, not a mapping's
    chat = "[09:05] Omar: Mobile -> phone\n[09:06] Omar: thx"
    speaker = "Dana: put Mobile in phone\nDana: and Email in email"
    assert snippet_request(chat) == chat
    assert snippet_request(speaker) == speaker
    assert snippet_request("phone: Mobile\nemail: E-mail") == "phone: Mobile, email: E-mail."


def test_the_hookup_verbs_are_in_the_one_list_of_mapping_verbs() -> None:
    first = MAP_PATTERNS[0][0]
    for verb in ("wire", "hook up", "plug", "patch", "map"):
        assert verb in MAP_VERBS
        assert first.match(f"{verb} Mobile to phone")
    assert {"wire", "hook", "plug", "patch"} <= fallback._ASKING
