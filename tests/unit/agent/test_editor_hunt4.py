"""Issue 13, the fourth hunt for misapplied readings (bench/language/README.md, "A fourth hunt: conditions,
hypotheticals and take-backs"): a message that names a change inside a frame that asks for none (a condition nobody
has met, an answer still out, a counterfactual, what another system does, another file, a change voted down or only
toyed with, a take-back mid-message, not yet, sarcasm) changes nothing, and plain commands beside these forms still
apply."""

from __future__ import annotations

import pytest

from .effects import check_changes_nothing, check_row


@pytest.mark.parametrize(
    "message",
    [
        # a condition nobody has met yet; an answer still out
        "Drop the rows without email only if legal signs off.",
        "If legal approves, we can map Kunde to customer.",
        "Provided the sales team agrees, treat phones without a country code as German.",
        "Pending sign-off from legal, drop the test rows.",
        "If Organization is empty, the client might want the company from the email domain; I'll check.",
        "According to the spec, phones without a code are German - still checking that.",
        # a counterfactual
        "Had we dropped the rows without email, the count would have been lower.",
        "If we had lowercased the emails, would the duplicates have matched?",
        "I'd have kept only the first row per email, had it been my call.",
        # what another system does
        "In Salesforce we map Kunde to customer.",
        "Our old CRM translated Deutschland to DE.",
        "HubSpot drops contacts without an email automatically.",
        "In Pipedrive the country defaults to US.",
        "Mailchimp lowercases emails on its own.",
        "Our ERP reads dates day-first.",
        # another file
        "Lowercase the emails in the Deals template.",
        "Split the names in the other file.",
        "Default country to US for the supplier list.",
        "Drop duplicates in the Accounts sheet, keep the first.",
        # voted down or only toyed with; taken back mid-message; not yet
        "The team voted against lowercasing the emails.",
        "We toyed with the idea of lowercasing the emails.",
        "Default the country to US. Actually no, leave it blank.",
        "Before you lowercase the emails, ask me.",
        "Maybe map Kunde to customer later, once the glossary is final.",
        "I might drop the rows without email tomorrow.",
        # sarcasm
        "Sure, let's just drop every row without email, what could go wrong.",
        "Drop the test rows? As if.",
        "Right, and I suppose phone should come from Mobile too.",
        "Oh sure, and let's drop everyone without an email while we're at it.",
    ],
)
def test_a_message_framed_to_ask_for_no_change_changes_nothing(message: str) -> None:
    check_changes_nothing(message)


@pytest.mark.parametrize(
    ("row", "text"),
    [
        # a condition on the data, not on anyone's approval
        (8, "If a row has no email, drop it."),
        (1, "If the email is missing, use info@ plus the website domain."),
        (10, "If Land is empty, default the country to US."),
        (3, "If Work Phone is empty, fall back to Mobile."),
        (13, "If Organization is empty, take the company from the email domain."),
        # a condition already met, another system as the reason, a leading 'actually' or 'no wait'
        (12, "Legal signed off: lowercase the emails."),
        (7, "Like in our old CRM, map Kunde to customer and Interessent to lead."),
        (2, "Actually, use Mobile for phone."),
        (5, "No wait, the dates are day-first."),
        (9, "Dedupe on email, keep the first - yes, really."),
        (8, "If you can, drop the rows without email."),
        (15, "Created should come from Signup Date."),
        (17, "Undo that."),
        # another file named in a comparison says where else it is done
        (2, "Use Mobile for phone, like in the other file."),
    ],
)
def test_a_plain_command_near_a_framed_form_still_does_its_row(row: int, text: str) -> None:
    check_row(row, text)
