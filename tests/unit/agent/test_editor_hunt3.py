"""Issue 13, the third hunt for misapplied readings, aimed at rounds 21 and 22's message-wide rewrites (bench/language/
README.md, "A third hunt: the new rewrites"): a message that names a change but asks for none now (someone else's
wish withdrawn, asked about or of another time; an indirect question; a change put off or doubted; rows sent to
another file; a column fine as it is or not needed; a reading said as a question; a 'no' before a gerund; a
relayed refusal; duplicates said to stay) changes nothing, and the plain commands and the dev28 wordings of these
forms still apply."""

from __future__ import annotations

import pytest

from .effects import check_changes_nothing, check_row


@pytest.mark.parametrize(
    "message",
    [
        # a relayed wish asked about, withdrawn, never made, of another time or said as a question
        "Ms. Ito asked me whether we drop the rows without email.",
        "Ms. Ito asked me why the rows without email are dropped.",
        "Priya asked me to ask you if the country defaults to US.",
        "My boss asked me to find out if the emails can be lowercased.",
        "Ms. Ito asked me to drop the rows without email, but she has since withdrawn that.",
        "Nobody asked me to drop the rows without email.",
        "Who asked me to drop the rows without email?",
        "Nobody has asked me to pass on that the emails should be lower case.",
        "The client asked me to drop the rows without email last year.",
        "Jane asked me to lowercase the emails?",
        "Ms. Ito asked me to pass on that she does not want the rows without email dropped.",
        # an indirect question after a story's 'I want' or a notice
        "As the ops lead, I want to know why the rows without email are dropped.",
        "Kindly note whether the rows without email are dropped.",
        # put off or doubted
        "Not now, the rows without email can go",
        "It wouldn't hurt if the emails were lowercased, but not today.",
        "We might as well drop the rows without email - or should we?",
        # somewhere the recipe does not write; a column fine as it is or not needed
        "Drop the rows without email into a separate file",
        "the company: that's fine as is",
        "Mobile, not needed",
        # a reading said as a question
        "Kunde, read as customer?",
        "phone should take from Mobile, not Work Phone?",
        # a 'no' before a gerund; duplicates said to stay
        "no dropping rows without email",
        "I'd sooner the duplicates were kept.",
    ],
)
def test_a_message_that_asks_for_no_change_now_changes_nothing(message: str) -> None:
    check_changes_nothing(message)


@pytest.mark.parametrize(
    ("row", "text"),
    [
        # dev28's misapplied form: a comparison after the request says where else it is done
        (6, "Full Name needs to be split into first and last name, same as on a purchase agreement."),
        (6, "Split Full Name into first and last name, like on the invoices."),
        (2, "Use Mobile for phone, same as for the other sheet."),
        # neighbours of the new checks that are plain commands
        (8, "The client asked me to drop the rows without email."),
        (12, "Ms. Ito asked me to pass on that the emails should be lower case."),
        (14, "Ms. Ito asks that the test rows be dropped."),
        (1, "Note: if the email is missing, use info@ plus the website domain"),
        (2, "phone should take from Mobile."),
        (9, "The duplicates should be dropped, keep the first"),
        (8, "No, drop the rows without email."),
        (8, "Now, drop the rows without email"),
        (17, "belay that"),
        # dev28's misses by class: a formal request of the speakers' own, regional and nursery words, a closing
        # 'take this into account'
        (4, "For now we ask that the Notes column remain stowed and not be imported."),
        (18, "We would like to request that email no longer be required."),
        (8, "Get rid o' the rows wi' nae email."),
        (12, "Emails in wee letters, ken."),
        (12, "Lowercase the emails: little letters, no big letters."),
        (16, "Phones without a country code are German, please take that into account."),
    ],
)
def test_a_plain_command_near_a_hunted_form_still_does_its_row(row: int, text: str) -> None:
    check_row(row, text)
