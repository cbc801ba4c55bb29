"""Issue 13, round 15: mechanisms that read wordings nobody listed, each said in wordings written for this test (none
is a phrasing of bench/language's corpora): a speaker's hesitations anywhere in a clause, 'X's blank', a vague head
noun after a name, a place left to the reader and a delegation after it, a preference said as a comparison or a
substitution, a belief verb for how values read, rows kept off the import, the rest said with a passive of
removal, a value said again with a verb of repetition, a date order said with ordinals, a topic said before the
command on its pronoun (with or without a comma), an e-mail's greeting and signature, and a country code said as
its digits (`ferry.recipe.editor.idioms.spoken`, `messages.py`, `session.py`)."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe

from .dialogues import CONTACTS, SHEETS
from .effects import check_row, update_start

ROUND_15: list[tuple[int, str]] = [
    (15, "er, created_at comes from uh Signup Date"),
    (8, "uhm if the email's missing, uh, remove that row"),
    (12, "the email stuff should be all lowercase"),
    (19, "Put the Notes in whichever field you think is best."),
    (19, "keep Notes somewhere, your call"),
    (2, "It would be better to take Mobile than Work Phone for phone."),
    (2, "swap in Mobile for Work Phone as the source for phone"),
    (16, "When phone has no country code, assume they are German."),
    (14, "Keep the Lifecycle test rows out of the migration."),
    (9, "For each email keep the first row; the others should be removed."),
    (9, "If an email appears more than once, keep the first row, delete the others."),
    (5, "Signup Date: first comes the day, then the month."),
    (4, "Notes field, we do not need it, don't import it."),
    (19, "The Notes I want them stored somewhere."),
    (19, "Notes has our call logs; keep them somewhere, you choose."),
    (10, "Good afternoon,\nIf country is empty, set it to US.\nWarm regards,\nJo Park\nOperations"),
    (16, "Treat numbers with no +49 prefix as German ones."),
    (2, "phone comes from Mobile. Not from Work Phone!"),
    (10, "Empty countries must read US."),
    (14, "Rows flagged as test in Lifecycle should be removed."),
    (11, "The Land column holds Deutschland and USA. They should become DE and US."),
    (3, "Work Phone is sometimes blank. When it is, take Mobile for phone."),
    (2, "The phone should be filled from the mobile column, Mobile."),
    (18, "Can the email be optional instead?"),
    (4, "The Notes column. Do not want it."),
    (9, "Some emails appear twice. Only keep the first instance."),
    (10, "US is our default country."),
    (13, "company comes from Organization. Failing that, take the domain of the email."),
    (3, "Phone is taken from Work Phone; if not, from Mobile."),
    (13, "company from Organization, or else the domain part of the email address"),
    (4, "So I'm looking at Notes: we could just exclude it."),
    (12, "We can lowercase all the emails."),
    (2, "phone = Mobile (previously Work Phone)"),
    (3, "phone from Work Phone, falling back on Mobile"),
    (13, "company from Organization; the email's domain as a backup."),
    (19, "Notes: any field, no idea which"),
    (12, "Speaking as the data owner, lowercase the emails."),
    (14, "From a QA standpoint, drop rows where Lifecycle is test."),
]


@pytest.mark.parametrize(("row", "text"), ROUND_15)
def test_a_round_15_mechanism_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


def test_a_removal_of_a_field_the_same_message_just_changed_is_asked_about() -> None:
    e = edit_recipe(update_start(12), [CONTACTS], SHEETS, "Make the emails lowercase. Then remove them.")
    assert e.question is not None and not e.changed
    assert "earlier instruction in this message" in e.question.question


def test_a_value_map_in_a_column_the_file_lacks_is_not_applied_to_the_column_that_holds_the_values() -> None:
    for text in ("In Telex translate Deutschland to DE", "In Telex, Deutschland is DE"):
        e = edit_recipe(update_start(11), [CONTACTS], SHEETS, text)
        assert not e.changed and e.question is not None, e.summary
