"""The matcher's round-57 classes of wrong auto-applied pairs (issue 12), shown on the benchmark files and on small
CSVs written here, with near neighbours that must not change: another table's keys under an id-suffixed header are no
coded value of an enum; a system's bare row id beside an empty column named for a business key field is asked; a
remark on another column is not the record's notes; a type or status named for the record, none of whose words is
the field's, is asked."""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, csv_text, named_in_questions, plan_real_file, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}
CONTACTS = ALL["contacts"]
CUSTOMERS = ALL["customers"]
COMPANIES = ALL["companies"]
EMPLOYEES = ALL["employees"]
DEALS = ALL["deals"]
HUNT_FILES = Path(__file__).resolve().parents[3] / "bench" / "mapping" / "hunt" / "files"
PEOPLE = ("Ann,Lee,ann@example.com", "Bob,Ray,bob@example.com", "Cid,Oak,cid@example.com", "Dee,Fox,dee@example.com")


def _people(header: str, values: tuple[str, ...]) -> str:
    """Four people (first and last name, e-mail), then one column `header` holding `values`."""
    return csv_text(f"First Name,Last Name,Email,{header}", [f"{p},{v}" for p, v in zip(PEOPLE, values, strict=True)])


def _all_applied(sources: dict[str, list[str]]) -> list[str]:
    return [column for columns in sources.values() for column in columns]


# Another table's keys under an id-suffixed header.


def test_the_hunts_status_and_country_ids_are_asked_not_applied(tmp_path: Path) -> None:
    text = (HUNT_FILES / "e06_lone_company_id.csv").read_text(encoding="utf-8")
    plan = plan_text(tmp_path, text, CONTACTS)
    sources = applied_sources(plan)
    assert "status" not in sources and "country" not in sources
    assert named_in_questions(plan, "status_id") and named_in_questions(plan, "country_id")


def test_written_id_suffixed_keys_for_an_enum_are_asked(tmp_path: Path) -> None:
    for header in ("status_id", "Status ID", "statusId"):
        plan = plan_text(tmp_path, _people(header, ("3", "1", "2", "3")), CONTACTS)
        assert "status" not in applied_sources(plan), header
        assert named_in_questions(plan, header), header


def test_coded_values_under_a_bare_or_explained_header_stay_applied(tmp_path: Path) -> None:
    # Near neighbours: a bare 'Status' of the system's codes, and codes the header explains, keep their values question
    for header in ("Status", "Status ID (1 = lead; 2 = customer)"):
        plan = plan_text(tmp_path, _people(header, ("1", "2", "1", "2")), CONTACTS)
        assert applied_sources(plan).get("status") == [header], header


def test_an_id_suffixed_country_of_country_codes_stays_applied(tmp_path: Path) -> None:
    # Near neighbour: 'country_id' whose values are the field's own codes
    plan = plan_text(tmp_path, _people("country_id", ("DE", "FR", "US", "GB")), CONTACTS)
    assert applied_sources(plan).get("country") == ["country_id"]


# A system's row id beside an empty column named for a business key field.


def test_greenhouses_user_id_is_asked_beside_its_empty_employee_id() -> None:
    plan = plan_real_file("greenhouse/user.csv", "dev28")
    assert "employee_id" not in applied_sources(plan)
    assert named_in_questions(plan, "employee_id") and named_in_questions(plan, "id")


def test_a_written_row_id_beside_an_empty_customer_number_is_asked(tmp_path: Path) -> None:
    rows = [f"{4177623000 + n},,{p}" for n, p in enumerate(PEOPLE)]
    plan = plan_text(tmp_path, csv_text("id,customer_id,First Name,Last Name,Email", rows), CUSTOMERS)
    assert "customer_id" not in applied_sources(plan)
    assert named_in_questions(plan, "customer_id") and named_in_questions(plan, "id")


def test_a_row_id_beside_an_empty_external_id_or_alone_stays_applied(tmp_path: Path) -> None:
    # Near neighbours: the old system's id is the external id (Zendesk); a lone 'id' is the employee's key
    rows = [f"{4177623000 + n},,Acme {n},https://acme{n}.example.com" for n in range(4)]
    plan = plan_text(tmp_path, csv_text("id,external_id,Name,Website", rows), COMPANIES)
    assert applied_sources(plan).get("external_id") == ["id"]
    rows = [f"{4177623000 + n},{p}" for n, p in enumerate(PEOPLE)]
    plan = plan_text(tmp_path, csv_text("id,First Name,Last Name,Email", rows), EMPLOYEES)
    assert applied_sources(plan).get("employee_id") == ["id"]


# A remark on another column of the file.


def test_datevs_remark_on_its_other_contact_column_is_not_the_notes() -> None:
    sources = applied_sources(plan_real_file("datev/EXTF_Stammdaten.csv", "dev34"))
    assert "Bemerkung (Sonstige)" not in _all_applied(sources)


def test_a_written_remark_on_another_column_is_not_the_notes(tmp_path: Path) -> None:
    remarks = ("after 5pm only", "office line", "ask for Ann", "mornings")
    written = (("Other", "Notes (Other)"), ("Sonstige", "Bemerkung (Sonstige)"), ("Extra", "Comment [Extra]"))
    for other, header in written:
        rows = [f"{p},+49 30 1234{n},{r}" for n, (p, r) in enumerate(zip(PEOPLE, remarks, strict=True))]
        plan = plan_text(tmp_path, csv_text(f"First Name,Last Name,Email,{other},{header}", rows), CUSTOMERS)
        assert "notes" not in applied_sources(plan), header
        assert not named_in_questions(plan, header), header


def test_notes_with_a_bracket_naming_no_column_stay_the_notes(tmp_path: Path) -> None:
    # Near neighbour: the bracket qualifies the notes ('internal'), it names no column of the file
    remarks = ("VIP customer", "prefers e-mail", "moved in March", "asked for a discount")
    rows = [f"{p},+49 30 1234{n},{r}" for n, (p, r) in enumerate(zip(PEOPLE, remarks, strict=True))]
    plan = plan_text(tmp_path, csv_text("First Name,Last Name,Email,Phone,Notes (internal)", rows), CUSTOMERS)
    assert applied_sources(plan).get("notes") == ["Notes (internal)"]


# A type or status named for the record, none of whose words is the field's.


def test_skillrxs_provider_type_of_a_medical_field_is_asked_not_applied() -> None:
    plan = plan_real_file("skillrx/providers.csv", "dev41")
    assert "type" not in applied_sources(plan)
    assert named_in_questions(plan, "Provider_Type")


def test_a_written_lead_status_of_a_leads_own_states_is_asked(tmp_path: Path) -> None:
    plan = plan_text(tmp_path, _people("Lead Status", ("Open", "Converted", "Closed", "Open")), CONTACTS)
    assert "status" not in applied_sources(plan)
    assert named_in_questions(plan, "Lead Status")


def test_a_record_named_state_whose_values_fit_or_a_whole_synonym_stays_applied(tmp_path: Path) -> None:
    # Near neighbours: 'Lead Status' of the field's own values; 'Company Type' of Customer/Partner; an employee's
    # 'Employment Status' (a synonym of employment_type as a whole) of codes no value matches
    plan = plan_text(tmp_path, _people("Lead Status", ("lead", "customer", "lead", "churned")), CONTACTS)
    assert applied_sources(plan).get("status") == ["Lead Status"]
    rows = [f"Acme {n},https://acme{n}.example.com,{t}" for n, t in enumerate(("Customer", "Partner", "Customer"))]
    plan = plan_text(tmp_path, csv_text("Name,Website,Company Type", rows), COMPANIES)
    assert applied_sources(plan).get("type") == ["Company Type"]
    plan = plan_text(tmp_path, _people("Employment Status", ("PERM", "TEMP", "PERM", "PERM")), EMPLOYEES)
    assert applied_sources(plan).get("employment_type") == ["Employment Status"]
