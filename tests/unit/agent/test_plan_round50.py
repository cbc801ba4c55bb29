"""The matcher's round-50 mechanisms: the classes behind the dev44-dev48 splits' misses (no longer held out), each
shown on the benchmark file and on small CSVs written here, with near neighbours that must not change. A bare 'text'
of sentences is the description; a subject of a few values repeated over many rows routes the record and gives the
subject to the varied column beside; a yes/no flag whose every value says yes is applied without a question; a
customer's 'membership' is its group and 'Extra Information' a note. Asserts what the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, csv_text, plan_real_file, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}
ASSETS = ALL["assets"]
PRODUCTS = ALL["products"]
CUSTOMERS = ALL["customers"]
TICKETS = ALL["tickets"]

# A bare 'text' of sentences is the record's description.


def test_edb_tickets_text_is_the_description() -> None:
    plan = plan_real_file("edb-tickets/tickets.csv", "dev46")
    assert applied_sources(plan).get("description") == ["text"]


def test_tangly_texts_are_descriptions() -> None:
    assert applied_sources(plan_real_file("tangly-os/opportunities.tsv", "dev47")).get("description") == ["text"]
    assert applied_sources(plan_real_file("tangly-os/articles.tsv", "dev47")).get("description") == ["text"]


SENTENCES = ["Screen flickers after the update", "Cannot log in since Monday", "Printer jams on every page"]


def test_a_written_ticket_text_of_sentences_is_the_description(tmp_path: Path) -> None:
    rows = [f"T-{n},Open,{s}" for n, s in enumerate(SENTENCES)]
    plan = plan_text(tmp_path, csv_text("Ticket ID,Status,Text", rows), TICKETS)
    assert applied_sources(plan).get("description") == ["Text"]


def test_a_text_of_codes_is_not_the_description(tmp_path: Path) -> None:
    # Near neighbour: a 'text' of one-word codes says nothing about the record
    rows = ["T-1,Open,A1", "T-2,Open,B2", "T-3,Closed,C3"]
    plan = plan_text(tmp_path, csv_text("Ticket ID,Status,Text", rows), TICKETS)
    assert "description" not in applied_sources(plan)


def test_a_text_content_is_read_as_before(tmp_path: Path) -> None:
    # Near neighbour: 'Text Content' is more than the bare word; the rule does not read it
    rows = [f"T-{n},Open,{s}" for n, s in enumerate(SENTENCES)]
    plan = plan_text(tmp_path, csv_text("Ticket ID,Status,Text Color", rows), TICKETS)
    assert "description" not in applied_sources(plan)


def test_a_description_beside_a_text_keeps_the_field(tmp_path: Path) -> None:
    # Near neighbour: a column naming the description outright leaves the 'Text' beside it unread
    rows = [f"T-{n},{s},Reply {n} sent to the user" for n, s in enumerate(SENTENCES)]
    plan = plan_text(tmp_path, csv_text("Ticket ID,Description,Text", rows), TICKETS)
    assert not any("Text" in sources for sources in applied_sources(plan).values())


# A subject of a few values repeated over many rows routes the record; the varied column beside is the subject.


def test_boston_subject_of_departments_gives_the_subject_to_the_case_title() -> None:
    plan = plan_real_file("qsv/boston311-100.csv", "dev47")
    assert applied_sources(plan).get("subject") == ["case_title"]


DEPARTMENTS = ["Public Works", "Traffic Division", "Parks Department"]


def _cases(titled: bool, rows: int = 40) -> str:
    header = "Case ID,Subject,Case Title" if titled else "Case ID,Subject"
    lines = []
    for n in range(rows):
        line = f"C-{n},{DEPARTMENTS[n % 3]}"
        lines.append(f"{line},Pothole on street {n}" if titled else line)
    return csv_text(header, lines)


def test_a_written_subject_of_departments_gives_way_to_the_case_title(tmp_path: Path) -> None:
    assert applied_sources(plan_text(tmp_path, _cases(titled=True), TICKETS)).get("subject") == ["Case Title"]


def test_a_repeated_subject_alone_keeps_the_field(tmp_path: Path) -> None:
    # Near neighbour: no other column reads the subject
    assert applied_sources(plan_text(tmp_path, _cases(titled=False), TICKETS)).get("subject") == ["Subject"]


def test_a_short_sheet_of_repeated_subjects_keeps_the_field(tmp_path: Path) -> None:
    # Near neighbour: six rows are too few to tell a routing field from chance repeats
    plan = plan_text(tmp_path, _cases(titled=True, rows=6), TICKETS)
    assert applied_sources(plan).get("subject") == ["Subject"]


# A yes/no flag whose every value says yes needs no question.


def test_qloapps_active_flag_of_ones_is_applied_without_a_question() -> None:
    plan = plan_real_file("qloapps/room_types_import.csv", "dev45")
    assert applied_sources(plan).get("status") == ["Active(0/1)"]
    assert not any("'Active(0/1)'" in q.question for q in plan.questions)


def test_a_written_active_flag_of_yes_only_is_not_asked(tmp_path: Path) -> None:
    rows = ["SKU-1,Chair,TRUE", "SKU-2,Table,TRUE", "SKU-3,Lamp,TRUE"]
    plan = plan_text(tmp_path, csv_text("SKU,Name,Active", rows), PRODUCTS)
    assert applied_sources(plan).get("status") == ["Active"]
    assert not any("'Active'" in q.question for q in plan.questions)


def test_a_sparse_active_flag_is_still_asked(tmp_path: Path) -> None:
    # Near neighbour: a blank in a sparse flag is its 'no'
    rows = ["SKU-1,Chair,TRUE", "SKU-2,Table,", "SKU-3,Lamp,TRUE"]
    plan = plan_text(tmp_path, csv_text("SKU,Name,Active", rows), PRODUCTS)
    assert applied_sources(plan).get("status") == ["Active"]
    assert any("'Active'" in q.question for q in plan.questions)


def test_an_active_flag_with_a_no_is_still_asked(tmp_path: Path) -> None:
    # Near neighbour: what a 'no' stands for only the person knows
    rows = ["SKU-1,Chair,TRUE", "SKU-2,Table,FALSE", "SKU-3,Lamp,TRUE"]
    plan = plan_text(tmp_path, csv_text("SKU,Name,Active", rows), PRODUCTS)
    assert applied_sources(plan).get("status") == ["Active"]
    assert any("'Active'" in q.question for q in plan.questions)


# Vocabulary: a customer's membership is its group; extra information is a note.


def test_contoso_membership_is_the_customer_group() -> None:
    plan = plan_real_file("contoso-chat/customers.csv", "dev46")
    assert applied_sources(plan).get("customer_group") == ["membership"]


def test_qloapps_extra_information_is_the_notes() -> None:
    plan = plan_real_file("qloapps/rooms_import.csv", "dev45")
    assert applied_sources(plan).get("notes") == ["Extra Information"]


def test_a_written_membership_of_tiers_is_the_group(tmp_path: Path) -> None:
    rows = ["ada@example.com,Gold", "grace@example.com,Silver", "alan@example.com,Gold"]
    plan = plan_text(tmp_path, csv_text("Email,Membership", rows), CUSTOMERS)
    assert applied_sources(plan).get("customer_group") == ["Membership"]


def test_a_membership_date_is_not_the_group(tmp_path: Path) -> None:
    # Near neighbour: the date a membership began is no tier
    rows = ["ada@example.com,2021-01-04", "grace@example.com,2022-03-09", "alan@example.com,2020-07-21"]
    plan = plan_text(tmp_path, csv_text("Email,Membership Start Date", rows), CUSTOMERS)
    assert "customer_group" not in applied_sources(plan)


def test_membership_inside_a_longer_header_is_not_the_group(tmp_path: Path) -> None:
    # Near neighbour: a subscription's 'membership_status' and 'membership_level_name' are no customer's tier word
    rows = ["ada@example.com,active,Gold", "grace@example.com,expired,Silver", "alan@example.com,active,Gold"]
    plan = plan_text(tmp_path, csv_text("Email,membership_status,membership_plan", rows), CUSTOMERS)
    assert "customer_group" not in applied_sources(plan)


def test_eshop_available_stock_is_the_stock() -> None:
    plan = plan_real_file("eshoponcontainers/CatalogItems.csv", "dev46")
    assert applied_sources(plan).get("stock_quantity") == ["availablestock"]


def test_a_written_available_stock_is_the_stock_and_available_from_is_not(tmp_path: Path) -> None:
    # Near neighbour: the date an item is available from is no stock
    rows = ["SKU-1,Chair,12,2024-01-04", "SKU-2,Table,3,2024-02-01", "SKU-3,Lamp,40,2024-03-09"]
    plan = plan_text(tmp_path, csv_text("SKU,Name,Available Stock,Available From", rows), PRODUCTS)
    assert applied_sources(plan).get("stock_quantity") == ["Available Stock"]


def test_a_written_extra_information_is_the_notes(tmp_path: Path) -> None:
    rows = ["A-1,Laptop,Dented lid on arrival", "A-2,Monitor,Spare cable in the box", "A-3,Dock,Lent to the lab"]
    plan = plan_text(tmp_path, csv_text("Asset Tag,Name,Extra Information", rows), ASSETS)
    assert applied_sources(plan).get("notes") == ["Extra Information"]
