"""The matcher's round-54 mechanism: the class behind the most dropped date columns of every dev split (read with
`-v` across all of them), shown on the benchmark files and on small CSVs written here, with near neighbours that must
not change. When a record began is read from a date column whose header says so only in the record's own terms: a
ticket's bare 'date', and a party's start, opening or publication. Asserts what the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, csv_text, plan_real_file, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}
TICKETS = ALL["tickets"]
CUSTOMERS = ALL["customers"]
COMPANIES = ALL["companies"]
EMPLOYEES = ALL["employees"]
DEALS = ALL["deals"]


# A ticket's one bare 'date' is when it was raised, not when it was last updated.


def test_case_logs_bare_date_is_the_creation_date() -> None:
    assert applied_sources(plan_real_file("ushahidi/sample.csv", "dev22")).get("created_at") == ["date"]
    plan = plan_real_file("defectdojo/generic_csv_defect_dojo.csv", "dev40")
    assert applied_sources(plan).get("created_at") == ["Date"]
    plan = plan_real_file("snowflake-quickstarts/support_cases.csv", "dev53")
    assert applied_sources(plan).get("created_at") == ["date"]


ISSUES = [
    "101,Printer jammed,The office printer is jammed again,{d1}",
    "102,VPN down,Cannot connect to the VPN since morning,{d2}",
    "103,New laptop,Request for a new laptop for a new hire,{d3}",
    "104,Password reset,Forgot my password after the holidays,{d4}",
]


def _issues(second_date: bool = False) -> list[str]:
    rows = [r.format(d1="2024-03-01", d2="2024-03-04", d3="2024-03-09", d4="2024-04-11") for r in ISSUES]
    return [f"{r},2024-05-0{n + 1}" for n, r in enumerate(rows)] if second_date else rows


def test_a_written_ticket_list_with_a_bare_datum_is_dated_by_creation(tmp_path: Path) -> None:
    text = csv_text("id,title,details,Datum", _issues())
    sources = applied_sources(plan_text(tmp_path, text, TICKETS))
    assert sources.get("created_at") == ["Datum"]
    assert "updated_at" not in sources


def test_a_bare_date_beside_another_date_or_on_a_deal_changes_nothing(tmp_path: Path) -> None:
    # Near neighbours: a second date column leaves the choice open; a deal's date may be its close date.
    text = csv_text("id,title,details,date,due", _issues(second_date=True))
    assert "created_at" not in applied_sources(plan_text(tmp_path, text, TICKETS))
    text = csv_text("id,name,description,date", _issues())
    assert "created_at" not in applied_sources(plan_text(tmp_path, text, DEALS))


# A party's start (the hire date's words), opening or publication is when its record began.


def test_a_subscription_start_a_member_entry_and_an_opening_are_the_creation_date() -> None:
    plan = plan_real_file("woocommerce-subscriptions/wcs-import-sample.csv", "dev55")
    assert applied_sources(plan).get("created_at") == ["start_date"]
    assert applied_sources(plan_real_file("jverein/datei1.csv", "dev51")).get("created_at") == ["Eintritt"]
    plan = plan_real_file(
        "aplypro/fr-en-adresse-et-geolocalisation-etablissements-premier-et-second-degre.csv", "dev56"
    )
    assert applied_sources(plan).get("created_at") == ["date_ouverture"]
    assert applied_sources(plan_real_file("directorist/dummy.csv", "dev54")).get("created_at") == ["Published"]


MEMBERS = [
    "M-1,Ann,Berg,ann@example.com,2019-01-15,1980-02-03",
    "M-2,Bob,Crux,bob@example.com,2020-06-01,1975-11-30",
    "M-3,Cem,Dorn,cem@example.com,2021-09-20,1990-07-14",
    "M-4,Dan,Eck,dan@example.com,2022-03-05,1985-05-05",
]


def test_a_written_member_list_with_a_joined_date_is_dated_by_creation(tmp_path: Path) -> None:
    text = csv_text("member_no,first_name,last_name,email,Start Date,birthday", MEMBERS)
    sources = applied_sources(plan_text(tmp_path, text, CUSTOMERS))
    assert sources.get("created_at") == ["Start Date"]
    assert sources.get("birth_date") == ["birthday"]


def test_a_start_on_an_employee_or_a_ticket_is_not_the_creation_date(tmp_path: Path) -> None:
    # Near neighbours: an employee's start is the hire date; a ticket's start is the work's, not the record's.
    text = csv_text("employee_no,first_name,last_name,email,Start Date,birthday", MEMBERS)
    sources = applied_sources(plan_text(tmp_path, text, EMPLOYEES))
    assert sources.get("hire_date") == ["Start Date"]
    assert "created_at" not in sources
    text = csv_text("id,title,details,start_date", _issues())
    assert "created_at" not in applied_sources(plan_text(tmp_path, text, TICKETS))


LISTINGS = ["1,Acme,https://acme.example,{}", "2,Bolt,https://bolt.example,{}", "3,Crux,https://crux.example,{}"]


def test_a_written_listing_published_on_a_date_began_then(tmp_path: Path) -> None:
    rows = [r.format(d) for r, d in zip(LISTINGS, ("2023-02-28", "2023-03-15", "2023-04-02"), strict=True)]
    text = csv_text("id,name,website,Published", rows)
    assert applied_sources(plan_text(tmp_path, text, COMPANIES)).get("created_at") == ["Published"]


def test_a_published_flag_on_a_company_is_not_a_date(tmp_path: Path) -> None:
    # Near neighbour: 'Published' of yes/no values is a flag, not when the listing began.
    rows = [r.format(d) for r, d in zip(LISTINGS, ("1", "0", "1"), strict=True)]
    text = csv_text("id,name,website,Published", rows)
    assert "created_at" not in applied_sources(plan_text(tmp_path, text, COMPANIES))
