"""The matcher's round-10 mechanisms, each on a small CSV written here, asserting what the user sees in the plan (the
mapping, or the question with the likeliest answer first) and what an answer changes: blocks of qualified address
columns, abbreviated headers, and a record's own name under 'Name' in an issue export.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.agent.memory import Remembered, column_key, value_signature
from ferry.agent.planner import HeuristicPlanner, Plan
from ferry.core.outcomes import Answer, Question
from ferry.ingest import sniff
from tests.unit.agent.helpers import applied_sources, plan_text

CUSTOMERS = REAL_TEMPLATES["customers"]
COMPANIES = {**TEMPLATES, **REAL_TEMPLATES}["companies"]
TICKETS = REAL_TEMPLATES["tickets"]
ASSETS = REAL_TEMPLATES["assets"]
ADDRESS = ("street", "city", "state", "postal_code", "country")

# A person's record with a work, a home and a billing address, each of five columns.
THREE_BLOCKS = (
    "email,first_name,last_name,"
    "work_address,work_city,work_state,work_zip,work_country,"
    "home_address,home_city,home_state,home_zip,home_country,"
    "billing_address,billing_city,billing_state,billing_zip,billing_country\n"
    "a@x.com,Ann,Lee,1 Office Park,Boston,MA,02199,USA,7 Elm St,Salem,MA,01970,USA,PO Box 3,Reno,NV,89501,USA\n"
    "b@x.com,Bo,Kim,2 Office Park,Boston,MA,02199,USA,9 Oak Rd,Lynn,MA,01901,USA,PO Box 4,Reno,NV,89502,USA\n"
    "c@x.com,Cy,Roe,3 Office Park,Boston,MA,02199,USA,4 Ash Ln,Lowell,MA,01850,USA,PO Box 5,Reno,NV,89503,USA\n"
)


def _address_question(plan: Plan) -> Question:
    found = [q for q in plan.questions if q.question.startswith("Which of the file's addresses")]
    assert len(found) == 1, [q.question for q in plan.questions]
    return found[0]


def test_several_qualified_address_blocks_are_one_question_not_a_mix(tmp_path: Path) -> None:
    # Given: a person's record with work, home and billing blocks of the same address fields
    plan = plan_text(tmp_path, THREE_BLOCKS, CUSTOMERS)
    # Then: no address field is applied from any block (before, work street with billing city)...
    applied = applied_sources(plan)
    assert not set(ADDRESS) & set(applied)
    # ...one question asks which block, the person's home address first, each block offered whole
    question = _address_question(plan)
    assert question.options[0].label == (
        "The home address: 'home_address', 'home_city', 'home_state', 'home_zip', 'home_country'"
    )
    assert [o.label.split(":")[0] for o in question.options] == [
        "The home address",
        "The billing address",
        "The work address",
        "None of these",
    ]
    assert not [q.id for q in plan.questions if q is not question and any(f"q_{f}_" in q.id for f in ADDRESS)]


def test_the_answer_maps_the_chosen_block_together(tmp_path: Path) -> None:
    # Given: the three-block file, and the person picks the work address (the third option)
    plan = plan_text(tmp_path, THREE_BLOCKS, CUSTOMERS)
    question = _address_question(plan)
    answered = HeuristicPlanner().answer(plan, [Answer(question_id=question.id, option_id="opt_3")])
    # Then: every address field reads the work block, none another block
    applied = applied_sources(answered)
    assert {f: applied[f] for f in ADDRESS} == {
        "street": ["work_address"],
        "city": ["work_city"],
        "state": ["work_state"],
        "postal_code": ["work_zip"],
        "country": ["work_country"],
    }
    # ...and 'none' leaves them all empty
    none = HeuristicPlanner().answer(plan, [Answer(question_id=question.id, option_id=question.options[-1].id)])
    assert not set(ADDRESS) & set(applied_sources(none))


def test_a_company_is_offered_its_billing_address_first(tmp_path: Path) -> None:
    # Given: a company with an office and a billing address
    text = (
        "name,office_street,office_city,office_zip,billing_street,billing_city,billing_zip\n"
        "Acme,1 Main St,Austin,73301,PO Box 1,Dallas,75201\nGlobex,2 Main St,Austin,73301,PO Box 2,Dallas,75202\n"
    )
    plan = plan_text(tmp_path, text, COMPANIES)
    # Then: asked, the billing block first
    assert _address_question(plan).options[0].label.startswith("The billing address: 'billing_street'")


def test_billing_beside_shipping_applies_the_billing_block_whole(tmp_path: Path) -> None:
    # Given: a customer with a billing and a shipping address, the usual shop export; the shipping block has a
    # second street line the billing one lacks
    text = (
        "email,billing_street,billing_city,billing_zip,shipping_street,shipping_street_2,shipping_city,shipping_zip\n"
        "a@x.com,1 Elm St,Salem,01970,9 Dock Rd,Unit 4,Lynn,01901\n"
        "b@x.com,2 Elm St,Salem,01970,8 Dock Rd,Unit 5,Lynn,01902\n"
    )
    plan = plan_text(tmp_path, text, CUSTOMERS)
    # Then: no question; the billing block is the customer's address, and nothing is taken from the shipping block
    applied = applied_sources(plan)
    assert [applied[f] for f in ("street", "city", "postal_code")] == [
        ["billing_street"],
        ["billing_city"],
        ["billing_zip"],
    ]
    assert "street2" not in applied
    assert not [q for q in plan.questions if q.question.startswith("Which of the file's addresses")]


def test_a_plain_address_beside_a_qualified_block_is_the_record_s_own(tmp_path: Path) -> None:
    # Given: the record's own address beside home and work blocks
    text = (
        "email,street,city,zip,home_street,home_city,work_street,work_city\n"
        "a@x.com,1 Elm St,Salem,01970,9 Oak Rd,Lynn,1 Park,Boston\n"
        "b@x.com,2 Elm St,Salem,01970,8 Oak Rd,Lynn,2 Park,Boston\n"
    )
    plan = plan_text(tmp_path, text, CUSTOMERS)
    # Then: the plain columns are applied as before, and no block question is asked
    applied = applied_sources(plan)
    assert (applied["street"], applied["city"]) == (["street"], ["city"])
    assert not [q for q in plan.questions if q.question.startswith("Which of the file's addresses")]


def test_an_abbreviated_serial_number_header_is_mapped(tmp_path: Path) -> None:
    # Given: an asset import whose serial numbers sit under 'sn'
    text = "asset_tag,sn,name\nA-1,SN-88-1234,Laptop\nA-2,SN-88-9876,Monitor\nA-3,SN-90-0001,Dock\n"
    plan = plan_text(tmp_path, text, ASSETS)
    # Then: 'sn' is read as 'serial number'
    assert applied_sources(plan)["serial_number"] == ["sn"]


def test_an_issue_export_s_name_state_and_creator(tmp_path: Path) -> None:
    # Given: an issue tracker's export: the issue's own 'Name', its workflow 'State Name', and who raised it
    text = (
        "Identifier,Name,State Name,Created By Name,Created At\n"
        "TEST-1,Implement user authentication,Todo,John Doe,2024-01-01\n"
        "TEST-2,Fix login redirect loop,Done,Jane Smith,2024-01-02\n"
        "TEST-3,Add rate limiting to the API,In Progress,John Doe,2024-01-03\n"
    )
    plan = plan_text(tmp_path, text, TICKETS)
    applied = applied_sources(plan)
    # Then: 'Name' is the ticket's subject (not the requester's name), 'Created By Name' the requester's name
    assert applied["subject"] == ["Name"]
    assert applied["requester_name"] == ["Created By Name"]
    # ...and 'State Name' fills status, its workflow words read as the help desk's (nothing left to ask)
    assert applied["status"] == ["State Name"]
    assert not [q for q in plan.questions if q.id.endswith(".q_status_values")]
    status = next(m for m in plan.matches[0].match.matches if m.field == "status")
    assert status.hints["value_map"] == {"Todo": "new", "Done": "solved", "In Progress": "open"}


def test_a_state_of_places_is_no_status(tmp_path: Path) -> None:
    # Given: tickets whose 'state' holds US states (where the requester lives), no address field in the template
    text = "id,subject,state\n1,Printer jam,CA\n2,Login fails,NY\n3,No sound,TX\n4,Slow disk,WA\n"
    plan = plan_text(tmp_path, text, TICKETS)
    # Then: the places are not the ticket's status
    assert "status" not in applied_sources(plan)


def test_a_bare_name_of_people_in_a_ticket_export_is_not_the_subject(tmp_path: Path) -> None:
    # Given: a ticket export whose 'Name' holds people's names beside a 'Subject'
    text = (
        "Subject,Name,Email\nPrinter jam,John Smith,j@x.com\nLogin fails,Mary Jones,m@x.com\n"
        "No sound,Peter Brown,p@x.com\n"
    )
    plan = plan_text(tmp_path, text, TICKETS)
    # Then: the subject is the 'Subject' column
    assert applied_sources(plan)["subject"] == ["Subject"]


def test_a_plain_phone_beside_blocks_stays_the_record_s_phone(tmp_path: Path) -> None:
    # Given: a plain 'phone' beside home and work blocks that carry their own phone numbers
    text = (
        "email,phone,home_phone,home_street,home_city,work_phone,work_street,work_city\n"
        "a@x.com,555-111-2222,555-333-4444,7 Elm St,Salem,555-555-6666,1 Park,Boston\n"
        "b@x.com,555-111-2223,555-333-4445,9 Oak Rd,Lynn,555-555-6667,2 Park,Boston\n"
    )
    plan = plan_text(tmp_path, text, CUSTOMERS)
    # Then: the plain phone is applied; the address is asked, the home block first, without its phone
    assert applied_sources(plan)["phone"] == ["phone"]
    assert _address_question(plan).options[0].label == "The home address: 'home_street', 'home_city'"


def test_a_typed_answer_naming_a_block_maps_that_block(tmp_path: Path) -> None:
    # Given: the three-block file, and the person types their answer
    plan = plan_text(tmp_path, THREE_BLOCKS, CUSTOMERS)
    question = _address_question(plan)
    answered = HeuristicPlanner().answer(plan, [Answer(question_id=question.id, custom="the billing one")])
    # Then: the billing block is mapped whole
    applied = applied_sources(answered)
    assert [applied[f] for f in ("street", "city")] == [["billing_address"], ["billing_city"]]


def test_a_remembered_column_of_a_block_brings_its_block(tmp_path: Path) -> None:
    # Given: the three-block file, and an account that confirmed 'work_city' as the city before
    path = tmp_path / "upload.csv"
    path.write_text(THREE_BLOCKS, encoding="utf-8")
    manifest = sniff(str(path), path.name)
    (work_city,) = [c for c in manifest.sheets[0].columns if c.name == "work_city"]
    remembered = Remembered(
        memory_id="mem_city",
        sheet_id=CUSTOMERS.sheet_id,
        field="city",
        normalized_header=column_key("work_city"),
        value_signature=value_signature(work_city),
        ops=[],
        migration_id="mig_a",
        migration_name="Acme",
        confirmed_at="2026-01-01T00:00:00.000Z",
    )
    plan = HeuristicPlanner().generate({"f1": manifest}, [CUSTOMERS], memory=[remembered])
    # Then: the whole work block is applied, and the which-address question is not asked
    applied = applied_sources(plan)
    assert [applied[f] for f in ADDRESS] == [
        ["work_address"],
        ["work_city"],
        ["work_state"],
        ["work_zip"],
        ["work_country"],
    ]
    assert not [q for q in plan.questions if q.question.startswith("Which of the file's addresses")]
