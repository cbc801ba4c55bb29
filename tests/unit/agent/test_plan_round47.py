"""The matcher's round-47 mechanisms: the classes behind the dev41 and dev42 splits' misses (no longer held out), each
shown on the benchmark file and on small CSVs written here, with near neighbours that must not change. A thing's short
description is its name when nothing else names it; ids under '<another thing> <field>' (a part's state) are asked,
not applied; a network's node is an asset; a borrower is the one a lent item is assigned to. Asserts what the user
sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, csv_text, named_in_questions, plan_real_file, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}
ASSETS = ALL["assets"]
PRODUCTS = ALL["products"]
COMPANIES = ALL["companies"]


# A thing's short description is its name when no other column names it.


def test_lubelogger_supply_description_is_the_part_name() -> None:
    plan = plan_real_file("lubelogger/supplysample.csv", "dev42")
    assert applied_sources(plan).get("name") == ["Description"]
    assert "description" not in applied_sources(plan)  # 'Notes' is not pulled onto the description in its place


def test_lubelogger_plan_description_is_the_job_subject() -> None:
    plan = plan_real_file("lubelogger/plansample.csv", "dev42")
    assert applied_sources(plan).get("subject") == ["Description"]


def test_a_description_of_short_names_names_the_product(tmp_path: Path) -> None:
    rows = ["BR-01,Front Bumper,95.14", "BR-02,Rear Light,12.00", "BR-03,Oil Filter,8.50"]
    plan = plan_text(tmp_path, csv_text("SKU,Description,Price", rows), PRODUCTS)
    assert applied_sources(plan).get("name") == ["Description"]


def test_a_description_of_sentences_is_no_name(tmp_path: Path) -> None:
    # Near neighbour: the values are sentences, not names
    rows = [
        'BR-01,"Fits most sedans. Chrome finish.",95.14',
        'BR-02,"A red rear light. Sold as a pair.",12.00',
        'BR-03,"Spin-on filter. Change every 5000 miles.",8.50',
    ]
    plan = plan_text(tmp_path, csv_text("SKU,Description,Price", rows), PRODUCTS)
    assert applied_sources(plan).get("name") != ["Description"]


def test_a_description_beside_a_name_column_stays_the_description(tmp_path: Path) -> None:
    # Near neighbour: another column names the product
    rows = ["BR-01,Bumper,Front Bumper,95.14", "BR-02,Light,Rear Light,12.00", "BR-03,Filter,Oil Filter,8.50"]
    plan = plan_text(tmp_path, csv_text("SKU,Product Name,Description,Price", rows), PRODUCTS)
    assert applied_sources(plan).get("name") == ["Product Name"]
    assert applied_sources(plan).get("description") == ["Description"]


def test_a_company_description_is_no_company_name(tmp_path: Path) -> None:
    # Near neighbour: an organisation's description does not name it
    rows = ["https://a.example,Software maker", "https://b.example,Bakery chain", "https://c.example,Law firm"]
    plan = plan_text(tmp_path, csv_text("Website,Description", rows), COMPANIES)
    assert applied_sources(plan).get("name") != ["Description"]


# Ids under a header that only resembles an enum field: perhaps a part's state, asked.


def test_opennms_interface_status_is_not_the_node_status() -> None:
    plan = plan_real_file("opennms/testcsv.csv", "dev41")
    assert "status" not in applied_sources(plan)


def test_ids_under_a_part_status_are_not_applied(tmp_path: Path) -> None:
    rows = ["Laptop 1,A-001,1", "Laptop 2,A-002,2", "Router,A-003,1"]
    plan = plan_text(tmp_path, csv_text("Name,Asset Tag,PortStatus", rows), ASSETS)
    assert "status" not in applied_sources(plan)


def test_ids_under_the_status_itself_are_still_applied(tmp_path: Path) -> None:
    # Near neighbour: the header names the field; its ids are mapped and their values asked, as before
    rows = ["Laptop 1,A-001,1", "Laptop 2,A-002,2", "Router,A-003,1"]
    plan = plan_text(tmp_path, csv_text("Name,Asset Tag,Status", rows), ASSETS)
    assert applied_sources(plan).get("status") == ["Status"]


def test_a_part_status_of_allowed_words_is_unchanged(tmp_path: Path) -> None:
    # Near neighbour: words the field allows are no ids; the column is offered for the status as before
    rows = ["Laptop 1,A-001,available", "Laptop 2,A-002,retired", "Router,A-003,in_use"]
    plan = plan_text(tmp_path, csv_text("Name,Asset Tag,PortStatus", rows), ASSETS)
    assert named_in_questions(plan, "PortStatus")


# A network's node is the monitored device: the assets file's own record word.


def test_opennms_node_label_is_the_asset_name() -> None:
    plan = plan_real_file("opennms/myinventory.csv", "dev41")
    assert applied_sources(plan).get("name") == ["Node_Label"]


def test_a_node_label_names_the_device(tmp_path: Path) -> None:
    rows = ["bbone-gw1,10.0.0.1,Office,Core router", "rt-01,10.0.0.2,Lab,Lab switch", "sw-3,10.0.0.3,Lab,Spare"]
    plan = plan_text(tmp_path, csv_text("Node Label,IP,Location,Node Notes", rows), ASSETS)
    assert applied_sources(plan).get("name") == ["Node Label"]
    assert applied_sources(plan).get("notes") == ["Node Notes"]


def test_a_bare_label_is_still_no_name(tmp_path: Path) -> None:
    # Near neighbour: with no record word, 'Label' says nothing of whose label it is
    rows = ["bbone-gw1,10.0.0.1,Office", "rt-01,10.0.0.2,Lab", "sw-3,10.0.0.3,Lab"]
    plan = plan_text(tmp_path, csv_text("Label,IP,Location", rows), ASSETS)
    assert "name" not in applied_sources(plan)


# Vocabulary: a borrower is the one a lent item is assigned to.


def test_a_borrower_of_an_asset_is_its_assignee(tmp_path: Path) -> None:
    rows = ["Drill,T-1,Ann Lee", "Saw,T-2,Bo Chan", "Ladder,T-3,Cy Diaz"]
    plan = plan_text(tmp_path, csv_text("Name,Asset Tag,Borrowed By", rows), ASSETS)
    assert applied_sources(plan).get("assigned_to") == ["Borrowed By"]


def test_a_borrowed_date_is_no_assignee(tmp_path: Path) -> None:
    # Near neighbour: the day it was lent, not who has it
    rows = ["Drill,T-1,2026-01-31", "Saw,T-2,2026-06-30", "Ladder,T-3,2026-12-01"]
    plan = plan_text(tmp_path, csv_text("Name,Asset Tag,Borrowed On", rows), ASSETS)
    assert "assigned_to" not in applied_sources(plan)
