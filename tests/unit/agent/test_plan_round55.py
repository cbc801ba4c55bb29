"""The matcher's round-55 mechanisms (issue 12), shown on the benchmark files and on small CSVs written here, with
near neighbours that must not change: a bilingual 'X/y' header whose own-language half names no field we know is
asked about, not applied by its English key alone (BlueKing user management's '籍贯/region': a native place, not a
state); empty numbered slots for a user's own fields ('customer1', 'customer2' on BlueKing CMDB's host template) name
no field and are not applied; '负责人' (the person responsible) is the one a record is assigned to."""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, csv_text, named_in_questions, plan_real_file, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}
EMPLOYEES = ALL["employees"]
ASSETS = ALL["assets"]
CUSTOMERS = ALL["customers"]
# A staff sheet with bilingual headers throughout, as BlueKing's, with other people and places.
BILINGUAL = (
    "用户名/username,姓名/full_name,邮箱/email,手机号/phone_number,组织/organizations,直接上级/leaders,年龄/age,"
    "性别/gender,{}"
)
PEOPLE = [
    "liuyang,刘洋,liuyang@example.com,+8613900000001,总部,,31,male,{}",
    "chenjing,陈静,chenjing@example.com,+8613900000002,总部/销售部,liuyang,28,female,{}",
    "zhaolei,赵磊,zhaolei@example.com,+8613900000003,总部/研发部,liuyang,45,male,{}",
]


def _people(header: str) -> str:
    rows = [row.format(value) for row, value in zip(PEOPLE, ("Hunan", "Hubei", "Sichuan"), strict=True)]
    return csv_text(BILINGUAL.format(header), rows)


# A bilingual header's English key alone does not decide when the native half names nothing we know.


def test_bk_users_native_place_is_asked_not_applied_as_the_state() -> None:
    plan = plan_real_file("bk-user/fake_users.xlsx", "dev58")
    sources = applied_sources(plan)
    assert "籍贯/region" not in [column for columns in sources.values() for column in columns]
    assert named_in_questions(plan, "籍贯/region")
    # Near neighbours in the same file: halves that both name the field keep their pairs
    assert sources.get("email") == ["邮箱/email"]
    assert sources.get("phone") == ["手机号/phone_number"]


def test_a_written_bilingual_header_with_an_unknown_native_half_is_not_applied(tmp_path: Path) -> None:
    plan = plan_text(tmp_path, _people("籍贯/region"), EMPLOYEES)
    assert "state" not in applied_sources(plan)
    assert named_in_questions(plan, "籍贯/region")


def test_a_bilingual_header_whose_native_half_names_the_field_or_a_plain_key_stays(tmp_path: Path) -> None:
    # Near neighbours: '省份' is a province; a bare 'region' has no native half to contradict it
    for header in ("省份/region", "region"):
        assert applied_sources(plan_text(tmp_path, _people(header), EMPLOYEES)).get("state") == [header], header


# Empty numbered slots for a user's own fields name no field.


def test_bk_cmdbs_customer_slots_are_not_the_company() -> None:
    sources = applied_sources(plan_real_file("bk-cmdb/import.xlsx", "dev58"))
    assert "company" not in sources


def test_written_empty_numbered_slots_are_not_applied(tmp_path: Path) -> None:
    for slots in ("customer1,customer2", "customer_1,customer_2"):
        text = csv_text(f"hostname,serial,{slots}", [])
        assert "company" not in applied_sources(plan_text(tmp_path, text, ASSETS)), slots


def test_a_lone_slot_a_filled_one_or_numbered_phones_stay(tmp_path: Path) -> None:
    # Near neighbours: one 'customer1' (no sibling), numbered customers with values, numbered phones
    assert applied_sources(plan_text(tmp_path, csv_text("hostname,serial,customer1", []), ASSETS)).get("company") == [
        "customer1"
    ]
    text = csv_text("hostname,serial,customer1,customer2", ["h1,S1,Acme,Beta", "h2,S2,Initech,Beta"])
    assert applied_sources(plan_text(tmp_path, text, ASSETS)).get("company") == ["customer1"]
    text = csv_text("name,email,phone1,phone2", [])
    assert applied_sources(plan_text(tmp_path, text, CUSTOMERS)).get("phone") == ["phone1"]


# '负责人' (the person responsible, Japanese 担当者) is the one a record is assigned to.


def test_bk_cmdbs_person_responsible_is_the_assignee() -> None:
    assert applied_sources(plan_real_file("bk-cmdb/import.xlsx", "dev58")).get("assigned_to") == ["负责人"]


ASSET_ROWS = ["SN-1001,ThinkPad T14,刘洋,13900000001", "SN-1002,Dell R740,陈静,13900000002"]


def test_a_written_person_responsible_in_either_script_is_the_assignee(tmp_path: Path) -> None:
    for header in ("负责人", "負責人"):
        text = csv_text(f"序列号,型号,{header},电话", ASSET_ROWS)
        assert applied_sources(plan_text(tmp_path, text, ASSETS)).get("assigned_to") == [header], header


def test_the_responsible_persons_phone_is_not_the_assignee(tmp_path: Path) -> None:
    # Near neighbour: '负责人电话' names a phone number, not the person
    text = csv_text("序列号,型号,负责人电话,电话", ASSET_ROWS)
    assert "assigned_to" not in applied_sources(plan_text(tmp_path, text, ASSETS))
