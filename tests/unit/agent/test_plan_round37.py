"""The matcher's round-37 mechanisms, on small CSVs written here: the classes behind the blind dev27 split's wrong pairs
(dev27's files are not used here). An empty key column gives way to the filled bare 'id'; a system's bookkeeping
column ('sys_created_on') gives way to the record's own ('opened_at'); a bare 'id' of hex keys beside another
column that reads the same key field is asked, not applied; a record's own API address is no website; a 'state' of
lower-case account words is no address state; hex keys under a reference header are no person. Near neighbours that
must not change stay as they were. Asserts what the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.agent.match import AUTO_SCORE, score_sheet
from tests.unit.agent.helpers import applied_sources, csv_text, named_in_questions, plan_text, sheet

ALL = {**TEMPLATES, **REAL_TEMPLATES}
TICKETS = ALL["tickets"]
COMPANIES = ALL["companies"]
CUSTOMERS = ALL["customers"]
EMPLOYEES = ALL["employees"]

_HEX = ["3aa5550b7fe348b98d7b5741afc65534", "9d16e42ecde84c9087537fd5e7f303a2", "aa9f3d767a7d101ce0f62a055bb21628"]


# An empty key column beside the filled bare 'id'.


def test_an_empty_external_id_gives_the_key_to_the_filled_id(tmp_path: Path) -> None:
    # Given: 'external_id' empty on every row, the record's numeric 'id' filled beside it
    text = csv_text("id,name,external_id", ["370326104793,Acme,", "370326181493,Globex,", "370326182013,Initech,"])
    plan = plan_text(tmp_path, text, COMPANIES)
    # Then: the empty column is not applied; the filled 'id' holds the key
    assert applied_sources(plan).get("external_id") == ["id"]


def test_an_empty_notes_beside_a_filled_look_alike_stays_as_it_was(tmp_path: Path) -> None:
    # Near neighbour: only key fields, beside a bare 'id': an empty 'first_name' stays the field, not 'display_name'
    text = csv_text("id,display_name,first_name,email", ["1,Ann Lee,,a@x.org", "2,Bo Li,,b@x.org", "3,Cy Ma,,c@x.org"])
    plan = plan_text(tmp_path, text, CUSTOMERS)
    assert "display_name" not in applied_sources(plan).get("first_name", [])


# A system's bookkeeping column beside the record's own.


def test_a_sys_creation_stamp_gives_way_to_the_opening_date(tmp_path: Path) -> None:
    # Given: ServiceNow-like 'sys_created_on' and 'opened_at' with dates
    rows = [f"T{n},Printer {n},2024-01-0{n} 10:00:00,2024-01-0{n} 10:00:00" for n in (1, 2, 3)]
    plan = plan_text(tmp_path, csv_text("number,short_description,sys_created_on,opened_at", rows), TICKETS)
    # Then: the ticket's opening is its creation date
    assert applied_sources(plan).get("created_at") == ["opened_at"]


def test_a_sys_update_stamp_is_still_offered_for_updated_at(tmp_path: Path) -> None:
    # Near neighbour: no column of the record's own reads updated_at: the bookkeeping column is still offered
    rows = [f"T{n},Printer {n},2024-01-0{n} 10:00:00,2024-01-0{n} 10:00:00,2024-02-0{n} 09:00:00" for n in (1, 2, 3)]
    text = csv_text("number,short_description,sys_created_on,opened_at,sys_updated_on", rows)
    plan = plan_text(tmp_path, text, TICKETS)
    assert named_in_questions(plan, "sys_updated_on") or applied_sources(plan).get("updated_at") == ["sys_updated_on"]


def test_a_sys_creator_gives_way_to_the_opener() -> None:
    # Given: 'sys_created_by' (who keyed the record in) beside 'opened_by_value' (the opener's reference key)
    # Many 'sys_' headers, as ServiceNow's: the shared prefix is read as the sheet's noise, so 'created by' remains.
    columns = {
        "number": ["CHG0000001"],
        "sys_id": [_HEX[1]],
        "sys_mod_count": ["3"],
        "sys_updated_on": ["2021-04-28 22:40:25"],
        "sys_created_by": ["first"],
        "opened_by_value": [_HEX[0]],
    }
    scored = score_sheet(sheet(columns, rows=1), TICKETS)
    j = next(j for j, f in enumerate(scored.fields) if f.spec.key == "requester_name")
    # Then: neither the bookkeeping column nor the reference key reads as the requester at the auto-apply line
    assert all(scored.pairs[i][j].score < AUTO_SCORE for i in range(len(scored.columns)))


# A bare 'id' of hex keys beside another column that reads the key field.


def test_a_hex_id_beside_a_worker_code_is_asked(tmp_path: Path) -> None:
    # Given: Workday-like 'id' of 32-hex keys beside 'worker_code' of employee numbers
    rows = [f"{h},{code},Ann{n}" for n, (h, code) in enumerate(zip(_HEX, ("10010", "10017", "10018"), strict=True))]
    plan = plan_text(tmp_path, csv_text("id,worker_code,first_name", rows), EMPLOYEES)
    # Then: employee_id is not applied from the hex 'id'; the employee numbers are offered
    assert applied_sources(plan).get("employee_id") != ["id"]
    assert named_in_questions(plan, "worker_code") or applied_sources(plan).get("employee_id") == ["worker_code"]


def test_a_numeric_id_beside_a_worker_code_stays_as_it_was(tmp_path: Path) -> None:
    # Near neighbour: an 'id' of plain numbers may be the record's own key: not asked by this class
    rows = [f"{n},{code},Ann{n}" for n, code in zip((1, 2, 3), ("10010", "10017", "10018"), strict=True)]
    plan = plan_text(tmp_path, csv_text("id,worker_code,first_name", rows), EMPLOYEES)
    assert applied_sources(plan).get("employee_id") == ["id"]


def test_a_hex_id_beside_company_id_is_not_settled_as_the_key(tmp_path: Path) -> None:
    # Given: Intercom-like hex 'id' beside 'company_id' of the customer's own keys on the companies template
    rows = [f"{h},C-{n}x,Acme {n}" for n, h in enumerate(_HEX)]
    plan = plan_text(tmp_path, csv_text("id,company_id,name", rows), COMPANIES)
    assert applied_sources(plan).get("external_id") != ["id"]


def test_a_uuid_id_beside_one_tenant_id_is_the_key(tmp_path: Path) -> None:
    # Near neighbour: 'organization_id' holds one tenant on every row: no record's own key, so 'id' is
    rows = [f"b4187a44-41f4-46d7-8460-f15a25b3aad{n},Acme {n},ee5a8cd6-312f-4ae6-b044-e2014f09ecc2" for n in (1, 2, 3)]
    plan = plan_text(tmp_path, csv_text("id,name,organization_id", rows), COMPANIES)
    assert applied_sources(plan).get("external_id") == ["id"]


# A record's own API address; a 'state' of account words; hex keys under a reference header.


def test_an_api_address_is_not_the_website(tmp_path: Path) -> None:
    rows = [f"{n},Acme {n},https://x.zendesk.com/api/v2/organizations/{n}.json" for n in (11, 12, 13)]
    plan = plan_text(tmp_path, csv_text("id,name,url", rows), COMPANIES)
    assert "website" not in applied_sources(plan)


def test_a_web_address_is_still_the_website(tmp_path: Path) -> None:
    rows = [f"{n},Acme {n},https://acme{n}.example.com/about" for n in (11, 12, 13)]
    plan = plan_text(tmp_path, csv_text("id,name,url", rows), COMPANIES)
    assert applied_sources(plan).get("website") == ["url"]


def test_a_state_of_account_words_is_not_the_address_state(tmp_path: Path) -> None:
    rows = ["Ann,Lee,a@x.org,disabled", "Bo,Li,b@x.org,invited", "Cy,Ma,c@x.org,disabled"]
    plan = plan_text(tmp_path, csv_text("first_name,last_name,email,state", rows), CUSTOMERS)
    assert "state" not in applied_sources(plan)


def test_a_state_of_place_names_is_still_the_address_state(tmp_path: Path) -> None:
    rows = ["Ann,Lee,a@x.org,Abia", "Bo,Li,b@x.org,Lagos", "Cy,Ma,c@x.org,Kano"]
    plan = plan_text(tmp_path, csv_text("first_name,last_name,email,state", rows), CUSTOMERS)
    assert applied_sources(plan).get("state") == ["state"]


def test_hex_keys_of_a_person_reference_are_not_the_assignee(tmp_path: Path) -> None:
    rows = [f"T{n},Printer {n},{h}" for n, h in enumerate(_HEX)]
    plan = plan_text(tmp_path, csv_text("number,short_description,assigned_to_value", rows), TICKETS)
    assert "assignee" not in applied_sources(plan)


def test_names_of_an_assignee_are_still_the_assignee(tmp_path: Path) -> None:
    rows = [f"T{n},Printer {n},{who}" for n, who in enumerate(("Ann Lee", "Bo Li", "Cy Ma"))]
    plan = plan_text(tmp_path, csv_text("number,short_description,assigned_to_value", rows), TICKETS)
    assert applied_sources(plan).get("assignee") == ["assigned_to_value"]
