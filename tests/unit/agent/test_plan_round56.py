"""The matcher's round-56 vocabulary classes (issue 12), shown on the benchmark files and on small CSVs written here,
with near neighbours that must not change: joining and leaving a job in the Chinese '时间' wording; notes on the
record's own party under a library's or a club's word for a customer; Chinese work and home prefixes before an address
part; an organisation unit's own code and name on a companies file."""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, csv_text, named_in_questions, plan_real_file, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}
EMPLOYEES = ALL["employees"]
CUSTOMERS = ALL["customers"]
COMPANIES = ALL["companies"]
DATES = ("2019-04-01", "2020-09-15", "2021-01-11")


def _columns(header: str, values: tuple[str, ...]) -> str:
    """A small people file: first and last name, e-mail, then one column `header` holding `values`."""
    people = zip(("Ann", "Bob", "Cid"), ("Lee", "Ray", "Oak"), values, strict=True)
    return csv_text(f"firstname,surname,email,{header}", [f"{f},{s},{f.lower()}@example.com,{v}" for f, s, v in people])


def _all_applied(sources: dict[str, list[str]]) -> list[str]:
    return [column for columns in sources.values() for column in columns]


# Joining and leaving a job, '时间' (time) as '日期' (date).


def test_maxkeys_hire_and_leaving_times_are_the_hire_and_end_dates() -> None:
    sources = applied_sources(plan_real_file("maxkey/Users_Import_Template.xlsx", "dev58"))
    assert sources.get("hire_date") == ["入职时间"]
    assert sources.get("end_date") == ["离职时间"]


def test_written_joining_and_leaving_times_in_traditional_characters(tmp_path: Path) -> None:
    for header, field in (("入職時間", "hire_date"), ("離職時間", "end_date"), ("离职日期", "end_date")):
        assert applied_sources(plan_text(tmp_path, _columns(header, DATES), EMPLOYEES)).get(field) == [header]


def test_the_start_of_working_life_is_no_hire_date(tmp_path: Path) -> None:
    # Near neighbour: '开始工作时间' (when the person began working at all) names no field
    sources = applied_sources(plan_text(tmp_path, _columns("开始工作时间", DATES), EMPLOYEES))
    assert "开始工作时间" not in _all_applied(sources)


# Notes on the record's own party under a library's or a club's word for a customer.


def test_kohas_borrower_notes_are_the_patrons_notes() -> None:
    assert applied_sources(plan_real_file("koha/koha_starter.csv", "dev57")).get("notes") == ["borrowernotes"]


def test_written_patron_and_member_notes(tmp_path: Path) -> None:
    notes = ("likes crime novels", "moved in March", "prefers e-mail")
    for header in ("patronnotes", "Member Notes", "borrower_notes"):
        assert applied_sources(plan_text(tmp_path, _columns(header, notes), CUSTOMERS)).get("notes") == [header]


def test_a_note_for_the_public_catalogue_or_a_contact_is_not_the_record_notes(tmp_path: Path) -> None:
    # Near neighbours in Koha's file: a note shown in the catalogue, a note on the patron's contact
    notes = ("likes crime novels", "moved in March", "prefers e-mail")
    for header in ("opacnote", "contactnote"):
        assert "notes" not in applied_sources(plan_text(tmp_path, _columns(header, notes), CUSTOMERS)), header


# Work and home prefixes before an address part: whole blocks, asked between.


def test_maxkeys_work_and_home_blocks_are_asked_and_the_work_email_applied() -> None:
    plan = plan_real_file("maxkey/Users_Import_Template.xlsx", "dev58")
    sources = applied_sources(plan)
    for column in ("家庭-省", "家庭-城市", "家庭-邮编", "工作-地址"):
        assert named_in_questions(plan, column), column
    assert not {"state", "city", "postal_code", "country"} & set(sources)
    assert sources.get("email") == ["工作邮件"]


def test_written_work_and_home_blocks_are_asked_not_applied(tmp_path: Path) -> None:
    header = "姓,名,工作-城市,工作-邮编,家庭-城市,家庭-邮编"
    rows = ["刘,洋,北京,100000,天津,300000", "陈,静,上海,200000,苏州,215000"]
    plan = plan_text(tmp_path, csv_text(header, rows), EMPLOYEES)
    assert not {"city", "postal_code"} & set(applied_sources(plan))
    assert named_in_questions(plan, "家庭-城市")
    assert named_in_questions(plan, "工作-城市")


def test_a_single_unprefixed_address_block_stays_applied(tmp_path: Path) -> None:
    # Near neighbour: one block with no work or home prefix is the record's own
    rows = ["刘,洋,北京,100000", "陈,静,上海,200000"]
    sources = applied_sources(plan_text(tmp_path, csv_text("姓,名,城市,邮编", rows), EMPLOYEES))
    assert sources.get("city") == ["城市"]
    assert sources.get("postal_code") == ["邮编"]


# An organisation unit's own code and name on a companies file; its parent's are another record's.


def test_maxkeys_org_code_and_name_are_the_companys_own() -> None:
    sources = applied_sources(plan_real_file("maxkey/Orgs_Import_Template.xlsx", "dev58"))
    assert sources.get("external_id") == ["机构编码"]
    assert sources.get("name") == ["机构名称"]
    assert "上级机构名称" not in _all_applied(sources)
    assert "上级机构编码" not in _all_applied(sources)


def test_written_org_code_and_name_in_traditional_characters(tmp_path: Path) -> None:
    header = "上級機構名稱,機構編碼,機構名稱,城市"
    rows = ["總部,B01,北區分部,台北", "總部,B02,南區分部,高雄"]
    sources = applied_sources(plan_text(tmp_path, csv_text(header, rows), COMPANIES))
    assert sources.get("name") == ["機構名稱"]
    assert "上級機構名稱" not in _all_applied(sources)


def test_an_employees_own_organisation_column_is_not_applied(tmp_path: Path) -> None:
    # Near neighbour: on a people file '所属机构' (the unit a person belongs to) is not a safe department or company
    rows = ["刘,洋,总部,liu@example.com", "陈,静,华东分部,chen@example.com"]
    sources = applied_sources(plan_text(tmp_path, csv_text("姓,名,所属机构,邮箱", rows), EMPLOYEES))
    assert "所属机构" not in _all_applied(sources)
