"""The matcher's round-18 mechanisms, each on a small CSV written here, asserting what the user sees in the plan (the
mapping, or the question with the right column first). Files of the held-out test and dev16 splits are never used.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, named_in_questions, plan_text, question_about

CONTACTS = TEMPLATES["contacts"]
COMPANIES = TEMPLATES["companies"]
EMPLOYEES = REAL_TEMPLATES["employees"]
TICKETS = REAL_TEMPLATES["tickets"]


def test_a_physical_and_a_postal_address_are_one_question(tmp_path: Path) -> None:
    # Given: staff with a physical and a postal address, each of street, city and zip
    text = (
        "Firstname,Surname,Physical_Address,Physical_City,Physical_Zip,Postal_Address,Postal_City,Postal_Zip\n"
        "Ann,Lee,1 Main St,Springfield,12345,PO Box 7,Springfield,12399\n"
        "Bob,Ray,5 Oak Ave,Shelbyville,23456,PO Box 9,Shelbyville,23499\n"
        "Cid,Moe,9 Elm Rd,Ogdenville,34567,PO Box 3,Ogdenville,34599\n"
    )
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: one question offers each address whole, the physical one first; no field is applied from either, and
    # no question asks for the city or the postal code on its own
    (question,) = [q for q in plan.questions if q.id.endswith(".q_address_block")]
    assert question.options[0].label.startswith("The physical address: 'Physical_Address'")
    assert question.options[1].label.startswith("The postal address: 'Postal_Address'")
    assert not {"street", "city", "postal_code"} & set(applied_sources(plan))
    assert not any(f".q_{field}_" in q.id for q in plan.questions for field in ("city", "postal_code"))


def test_a_postal_code_alone_is_still_the_postal_code(tmp_path: Path) -> None:
    # Given: companies with a plain address and a 'Postal Code'
    text = "Name,Street,City,Postal Code\nAcme,1 Main St,Springfield,12345\nBeta,5 Oak Ave,Shelbyville,23456\n"
    plan = plan_text(tmp_path, text, COMPANIES)
    # Then: it fills the postal code, and no address question is asked
    assert applied_sources(plan).get("postal_code") == ["Postal Code"]
    assert not any(q.id.endswith(".q_address_block") for q in plan.questions)


def test_a_date_guess_gives_way_when_the_sheet_is_over_its_budget(tmp_path: Path) -> None:
    # Given: sites with a kind no company type matches, and two dates whose headers say nothing of when the record was
    # created: twelve columns, so one question in the budget
    text = (
        "Ref,Title,Kind,Zone,Operator,Opened On,Closed On,Remarks,Enabled,Active,Visible,Summary\n"
        "HC01,Lakeside Clinic,clinic,South,north-ops,2023-01-05,2030-12-31,,true,true,true,A clinic\n"
        "HC02,Hill Centre,clinic,South,north-ops,2023-02-05,2031-12-31,,true,true,true,A centre\n"
        "W01,River Store,store,Central,north-ops,2022-03-05,2032-12-31,,true,false,true,A store\n"
    )
    plan = plan_text(tmp_path, text, COMPANIES)
    # Then: the creation date is not guessed from the dates' kind alone; the key is still applied
    assert not any(".q_created_at_" in q.id for q in plan.questions)
    assert applied_sources(plan).get("external_id") == ["Ref"]


def test_a_field_asked_about_from_dates_alone_keeps_its_question_within_the_budget(tmp_path: Path) -> None:
    # Given: a short file of tasks whose only date column says nothing of when a ticket was updated
    text = "Title,Due Date\nBuy milk,2024-01-05\nCall Bob,2024-02-05\nFix bike,2024-03-05\n"
    plan = plan_text(tmp_path, text, TICKETS)
    # Then: within its budget of one question the sheet asks what it asked before (nothing is dropped)
    assert len(plan.questions) <= 1
    assert applied_sources(plan).get("subject") == ["Title"]


def test_the_column_holding_the_fields_own_name_is_offered_first(tmp_path: Path) -> None:
    # Given: staff with 'Groups' and a 'Department_title'
    text = (
        "Firstname,Surname,Groups,Department_title\n"
        "Ann,Lee,Analysts,Chemistry\nBob,Ray,Managers,Biology\nCid,Moe,Analysts,Physics\n"
    )
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: if the department is asked, 'Department_title' comes first
    if named_in_questions(plan, "Department_title"):
        assert question_about(plan, "department")[0] == "'Department_title'"
    else:
        assert applied_sources(plan).get("department") == ["Department_title"]


def test_a_mobile_number_does_not_fill_the_gaps_of_the_phone(tmp_path: Path) -> None:
    # Given: contacts whose phone is missing in one row, with a mobile number beside it in every row
    rows = [f"Ann{k},Lee{k},ann{k}@example.com,+1 555 01{k}0,+1 555 01{k}9" for k in range(8)]
    rows[3] = "Bob,Ray,bob@example.com,,+1 555 0299"
    text = "Firstname,Surname,EmailAddress,Phone,MobilePhone\n" + "\n".join(rows) + "\n"
    plan = plan_text(tmp_path, text, CONTACTS)
    # Then: the phone comes from 'Phone' alone: a mobile number is another line, not a stand-in for it
    assert applied_sources(plan).get("phone") == ["Phone"]


def test_a_yes_no_column_named_after_a_status_value_is_mapped_and_asked(tmp_path: Path) -> None:
    # Given: products whose 'Enabled' column says 1 or 0 (a product's status can be 'active')
    text = "Code,Name,Enabled\nA1,Chair,1\nA2,Table,1\nA3,Lamp,0\n"
    plan = plan_text(tmp_path, text, REAL_TEMPLATES["products"])
    # Then: the status is mapped from 'Enabled', its '1' becoming 'active', and the person is asked to confirm it
    assert applied_sources(plan).get("status") == ["Enabled"]
    assert question_about(plan, "status")[0] == "Yes, map 'Enabled' to status"
    status = next(f for t in plan.recipe.templates for f in t.fields if f.field == "status")
    value_maps = [op.model_dump() for op in status.ops if op.op == "map_values"]
    assert value_maps and value_maps[0]["mapping"].get("1") == "active"


def test_the_unit_of_an_applied_weight_gives_way_when_the_sheet_is_over_its_budget(tmp_path: Path) -> None:
    # Given: products with a weight and its 'weight-unit', and a yes/no 'enabled' for the status: twelve columns, so
    # one question in the budget
    text = (
        "sku,name,weight,weight-unit,enabled,family,parent,color,size,material,ean,categories\n"
        "S1,Chair,3.5,KILOGRAM,1,furniture,,red,L,wood,4006381333931,seating\n"
        "S2,Table,12,KILOGRAM,1,furniture,,brown,XL,oak,4006381333948,tables\n"
        "S3,Lamp,1.2,KILOGRAM,0,lighting,,white,S,metal,4006381333955,lamps\n"
    )
    plan = plan_text(tmp_path, text, REAL_TEMPLATES["products"])
    # Then: the weight's unit is not offered for the product's unit of measure; the status question stays
    assert applied_sources(plan).get("weight") == ["weight"]
    assert not any(".q_unit_" in q.id for q in plan.questions)
    assert question_about(plan, "status")[0] == "Yes, map 'enabled' to status"
