"""The matcher's round-28 mechanisms, on small CSVs written here: classes of labelled column the plan left out
silently (neither mapped nor named in a question), each now asked with its field among the options, never applied,
with near neighbours that must still not be asked. (1) A column joins a question about its field that the budget
steps asked late. (2) A header naming only a person's name ('user_name') over whole person names, for a field holding
a person in a role (the requester). (3) Prose values for a free description, which outrank a guess the matcher was
unsure of. (4) A column of words between an address's street and its state, in a file without a header row: the city.
(5) Values that are paths of categories ('Books > Fiction'). Files of the held-out test split are never used.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, named_in_questions, plan_text, question_about

ALL = {**TEMPLATES, **REAL_TEMPLATES}
CUSTOMERS, PEOPLE, PRODUCTS, TICKETS = ALL["customers"], ALL["people"], ALL["products"], ALL["tickets"]


def _csv(header: list[str], rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


# An ERP's partner export (its documented import columns), three invented partners.
_PARTNER_HEADER = [
    "importId", "partnerTypeSelect", "isContact", "isCustomer", "isSupplier", "isEmployee", "name", "firstName",
    "titleSelect", "languageCode", "address", "email", "fixedPhone", "mobilePhone", "invoiceSendingFormatSelect",
    "paymentMode.importId", "paymentCondition.importId", "partnerCategory.code", "currency.code",
    "blockingList.importId", "rejectCounter", "companySet_importId", "customerAccount_code", "supplierAccount_code",
    "mainPartner_importId", "customerTypeSelect", "supplierTypeSelect", "industrySector.importId", "user.importId",
    "team.importId", "source.id", "fiscalPosition.importId", "picture_fileName", "invoicesCopySelect",
    "registrationCode",
]  # fmt: skip
_PARTNER_ROWS = [
    ["31", "1", "false", "true", "false", "false", "NORDWIND", "", "", "en", "70", "office@nordwind.example",
     "01.22.33.44.55", "", "emailpaper", "8", "6", "SME", "EUR", "", "", "1", "411100", "401100", "", "3", "1", "4",
     "11", "2", "5", "", "", "1", "111 222 333 00011"],
    ["32", "2", "true", "false", "false", "false", "HALE", "Ruth", "2", "en", "70", "r.hale@nordwind.example",
     "01.22.33.44.56", "06.11.22.33.44", "", "", "", "", "", "", "", "1", "", "", "31", "", "", "", "", "", "", "",
     "", "2", "222 333 444 00022"],
    ["33", "1", "false", "true", "false", "false", "ORBIT", "", "", "fr", "71", "contact@orbit.example",
     "01.98.76.54.32", "", "emailpaper", "8", "6", "INDIV", "EUR", "", "", "1", "411101", "", "", "1", "", "2", "11",
     "2", "5", "", "", "1", "333 444 555 00033"],
]  # fmt: skip


def test_a_column_naming_a_field_joins_the_question_the_budget_asked_late(tmp_path: Path) -> None:
    # Given: 'customerTypeSelect' asked late, within the budget, as pointing at the customer group; beside it
    # 'partnerCategory.code' names the group ('partner' reads as another party, so it is asked about on no own)
    text = _csv(_PARTNER_HEADER, _PARTNER_ROWS, delimiter=";")
    plan = plan_text(tmp_path, text, CUSTOMERS)
    # Then: the customer-group question offers both columns
    options = " ".join(question_about(plan, "customer_group"))
    assert "'partnerCategory.code'" in options and "'customerTypeSelect'" in options
    # And: columns that say nothing of the group do not join it, and it is not applied
    assert "'currency.code'" not in options and "'isCustomer'" not in options
    assert "customer_group" not in applied_sources(plan)


_TICKET_ROWS = [
    ["Printer jams", "The printer jams on every second page.", "marta lindqvist", "open"],
    ["VPN drops", "The VPN drops after ten minutes.", "jonas weber", "closed"],
    ["New laptop", "Please order a laptop for the new hire.", "amira haddad", "open"],
]


def test_a_user_name_of_whole_names_is_asked_for_the_requester(tmp_path: Path) -> None:
    # Given: tickets whose 'user_name' holds people's names written in full
    text = _csv(["Subject", "Description", "user_name", "Status"], _TICKET_ROWS)
    plan = plan_text(tmp_path, text, TICKETS)
    # Then: it is asked about for the requester's name (a user's name is any person's: never applied)
    assert "'user_name'" in " ".join(question_about(plan, "requester_name"))
    assert "requester_name" not in applied_sources(plan)


def test_a_user_name_of_logins_is_not_asked_for_the_requester(tmp_path: Path) -> None:
    # Given: the same tickets whose 'user_name' holds logins, not names
    logins = ["mlindqvist", "jweber", "ahaddad"]
    rows = [[s, d, login, st] for (s, d, _, st), login in zip(_TICKET_ROWS, logins, strict=True)]
    plan = plan_text(tmp_path, _csv(["Subject", "Description", "user_name", "Status"], rows), TICKETS)
    # Then: nothing asks about it
    assert not named_in_questions(plan, "user_name")


# A help desk's topic export (its import columns), one invented ticket.
_TOPIC_HEADER = [
    "id", "forum_id", "user_id", "user_name", "name", "posts_count", "waiting_on", "last_post_date", "closed_date",
    "last_post_id", "current_status", "private", "assigned_user_id", "cheatsheet", "points", "post_cache",
    "created_at", "updated_at", "locale", "doc_id", "channel", "kind",
]  # fmt: skip


def _topic(post: str) -> list[str]:
    return [
        "7", "1", "3", "marta lindqvist", "Printer drops every job after the first page", "1", "admin",
        "2024-03-02 09:15:00 UTC", "", "", "new", "true", "", "false", "0", post, "2024-03-02 09:15:00 UTC",
        "2024-03-02 09:15:00 UTC", "en", "2", "email", "ticket",
    ]  # fmt: skip


def test_prose_under_a_silent_header_is_asked_for_the_description(tmp_path: Path) -> None:
    # Given: a ticket export whose first message ('post_cache') is prose; its budget of two questions was spent on a
    # look-alike category guess and an unsure assignee guess (lookup ids)
    post = "The office printer stops after one page. Restarting it did not help. Could someone look at it?"
    plan = plan_text(tmp_path, _csv(_TOPIC_HEADER, [_topic(post)]), TICKETS)
    # Then: the prose is asked about for the description, the requester's name too, within the same budget
    assert "'post_cache'" in " ".join(question_about(plan, "description"))
    assert "'user_name'" in " ".join(question_about(plan, "requester_name"))
    assert len(plan.questions) == 2
    assert "description" not in applied_sources(plan)


def test_a_short_title_under_a_silent_header_is_not_asked_for_the_description(tmp_path: Path) -> None:
    # Given: the same export whose 'post_cache' holds a short title, no sentence
    plan = plan_text(tmp_path, _csv(_TOPIC_HEADER, [_topic("Printer drops jobs")]), TICKETS)
    # Then: it is not asked about for the description
    assert not any(".q_description_" in q.id for q in plan.questions)


def test_prose_beside_an_applied_description_is_not_asked(tmp_path: Path) -> None:
    # Given: tickets whose description is applied and whose 'Comment' holds prose
    comments = [
        "The customer called twice today. Escalate it if the jams go on.",
        "Fixed by the network team this morning. Closed after a test call.",
        "Waiting for the budget owner to approve it. Ordered once approved.",
    ]
    rows = [[s, d, c, st] for (s, d, _, st), c in zip(_TICKET_ROWS, comments, strict=True)]
    plan = plan_text(tmp_path, _csv(["Subject", "Description", "Comment", "Status"], rows), TICKETS)
    # Then: the description stays applied from 'Description' and no question offers 'Comment' for it
    assert applied_sources(plan)["description"] == ["Description"]
    assert not any(".q_description_" in q.id for q in plan.questions)


def test_a_column_of_words_between_street_and_state_is_asked_for_the_city(tmp_path: Path) -> None:
    # Given: a file without a header row: names, a street, a town, a state and a postal code
    text = "Anna,Berg,14 Elm Street,Springfield,IL,62704\nTom,Reyes,9 Oak Avenue,Madison,WI,53703\n"
    text += "Lena,Vogt,221 Pine Road,Springfield,IL,62701\n"
    plan = plan_text(tmp_path, text, PEOPLE)
    # Then: the town is asked about for the city, not applied
    assert "'Springfield'" in " ".join(question_about(plan, "city"))
    assert "city" not in applied_sources(plan)


def test_numbers_between_street_and_state_are_not_asked_for_the_city(tmp_path: Path) -> None:
    # Given: the same file with flat numbers where the town was
    text = (
        "Anna,Berg,14 Elm Street,3,IL,62704\nTom,Reyes,9 Oak Avenue,12,WI,53703\nLena,Vogt,221 Pine Road,7,IL,62701\n"
    )
    plan = plan_text(tmp_path, text, PEOPLE)
    # Then: nothing asks about the city
    assert not any(".q_city_" in q.id for q in plan.questions)


_BOOKS = [
    ["Book", "Books > Fiction", "9780115531446", "Prepare for Your Practical Driving Test", "Gardners", "10.32", "6"],
    ["Book", "Books > Travel", "9780955337819", "Better Photography", "Gardners", "12.99", "7"],
    ["Book", "Books > Fiction", "9781844497966", "Toward the Unknown Region", "Bertrams", "8.50", "3"],
]


def test_category_paths_in_a_file_without_a_header_are_asked_for_the_category(tmp_path: Path) -> None:
    # Given: a product file without a header row whose second column holds breadcrumbs
    text = "".join(",".join(row) + "\n" for row in _BOOKS)
    plan = plan_text(tmp_path, text, PRODUCTS)
    # Then: the breadcrumbs are asked about for the category
    assert "'Books > Fiction'" in " ".join(question_about(plan, "category"))
    assert "category" not in applied_sources(plan)


def test_category_paths_under_a_header_naming_nothing_are_asked_within_the_budget(tmp_path: Path) -> None:
    header = ["SKU", "Name", "Price", "Breadcrumb"]
    rows = [
        ["A-100", "Desk lamp", "19.90", "Home > Lighting > Desk lamps"],
        ["A-102", "Kettle", "25.50", "Home > Kitchen"],
    ]
    plan = plan_text(tmp_path, _csv(header, rows), PRODUCTS)
    assert "'Breadcrumb'" in " ".join(question_about(plan, "category"))


def test_lists_and_places_are_no_category_paths(tmp_path: Path) -> None:
    # Given: a column of '|'-separated colour lists where the breadcrumbs were
    text = "".join(",".join([r[0], "red|blue", *r[2:]]) + "\n" for r in _BOOKS)
    plan = plan_text(tmp_path, text, PRODUCTS)
    # Then: nothing asks about the category
    assert not any(".q_category_" in q.id for q in plan.questions)
    # Given: a storage place written as a path beside a category already applied
    header = ["SKU", "Name", "Price", "Category", "Bin"]
    rows = [
        ["A-100", "Desk lamp", "19.90", "Lighting", "Room 1->Shelf 2"],
        ["A-102", "Kettle", "25.50", "Kitchen", "Room 2->Shelf 1"],
    ]
    plan = plan_text(tmp_path, _csv(header, rows), PRODUCTS)
    # Then: the place is offered for nothing
    assert applied_sources(plan)["category"] == ["Category"]
    assert not named_in_questions(plan, "Bin")
