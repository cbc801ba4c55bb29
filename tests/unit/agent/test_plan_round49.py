"""The matcher's round-49 mechanisms: the classes behind the dev47 and dev48 splits' misses (no longer held out),
each shown on the benchmark file and on small CSVs written here, with near neighbours that must not change. A
header-only '<customer|supplier> name' is not split into a person's names; an empty template's only naming column
that is a description is asked as the name; Chinese business header words, French asset-register words, a shop's
'Visible' flag, a deal's 'potential' and a case's opened date are read. Asserts what the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, csv_text, named_in_questions, plan_real_file, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}
ASSETS = ALL["assets"]
PRODUCTS = ALL["products"]
CUSTOMERS = ALL["customers"]
DEALS = ALL["deals"]
TICKETS = ALL["tickets"]


# A header-only name of a party that is as often a business ('客户名称', 'Client Name') is asked, not split.


def test_greaterwms_customer_name_is_not_split_on_its_header_alone() -> None:
    plan = plan_real_file("greaterwms/customer_cn.xlsx", "dev48")
    applied = applied_sources(plan)
    assert "first_name" not in applied and "last_name" not in applied
    assert any("'客户名称'" in q.question for q in plan.questions)


def test_an_empty_client_name_is_asked_not_split(tmp_path: Path) -> None:
    plan = plan_text(tmp_path, "Client Name,Email,City\n", CUSTOMERS)
    assert "first_name" not in applied_sources(plan)
    assert any("'Client Name'" in q.question for q in plan.questions)


def test_a_client_name_of_people_is_still_split(tmp_path: Path) -> None:
    # Near neighbour: values show people's names
    rows = ["Ada Lovelace,ada@example.com", "Grace Hopper,grace@example.com", "Alan Turing,alan@example.com"]
    plan = plan_text(tmp_path, csv_text("Client Name,Email", rows), CUSTOMERS)
    assert applied_sources(plan).get("first_name") == ["Client Name"]


def test_an_empty_full_name_is_still_split(tmp_path: Path) -> None:
    # Near neighbour: the header says a person's name, no party word
    plan = plan_text(tmp_path, "Full Name,Email,City\n", CUSTOMERS)
    assert applied_sources(plan).get("first_name") == ["Full Name"]


# An empty template's only naming column, a description, is asked as the name.


def test_greaterwms_goods_description_is_asked_as_the_name() -> None:
    plan = plan_real_file("greaterwms/goodslist_cn.xlsx", "dev48")
    applied = applied_sources(plan)
    assert "description" not in applied and "name" not in applied
    assert named_in_questions(plan, "商品描述")


def test_an_empty_product_description_alone_is_asked(tmp_path: Path) -> None:
    plan = plan_text(tmp_path, "Product Code,Product Description,Product Cost\n", PRODUCTS)
    assert "description" not in applied_sources(plan)
    assert named_in_questions(plan, "Product Description")


def test_an_empty_description_beside_a_name_keeps_its_field(tmp_path: Path) -> None:
    # Near neighbour: another column names the product
    plan = plan_text(tmp_path, "Product Code,Product Name,Product Description,Product Cost\n", PRODUCTS)
    applied = applied_sources(plan)
    assert applied.get("name") == ["Product Name"]
    assert applied.get("description") == ["Product Description"]


def test_a_description_of_short_names_is_still_the_name(tmp_path: Path) -> None:
    # Near neighbour: values show short names (round 47)
    rows = ["A-1,Kettle,3.10", "A-2,Toaster,4.20", "A-3,Mixer,8.00"]
    plan = plan_text(tmp_path, csv_text("Product Code,Product Description,Product Cost", rows), PRODUCTS)
    assert applied_sources(plan).get("name") == ["Product Description"]


# Chinese business header words: codes, units, the detailed address, the contact phone, a customer's level.


def test_greaterwms_goods_code_unit_and_unit_weight() -> None:
    applied = applied_sources(plan_real_file("greaterwms/goodslist_cn.xlsx", "dev48"))
    assert applied.get("sku") == ["商品编码"]
    assert applied.get("unit") == ["商品单位"]
    assert applied.get("weight") == ["商品单位重量"]


def test_greaterwms_customer_address_phone_and_level() -> None:
    applied = applied_sources(plan_real_file("greaterwms/customer_cn.xlsx", "dev48"))
    assert applied.get("street") == ["详细地址"]
    assert applied.get("phone") == ["联系电话"]
    assert applied.get("customer_group") == ["客户等级"]


def test_traditional_chinese_customer_headers(tmp_path: Path) -> None:
    applied = applied_sources(plan_text(tmp_path, "客戶城市,詳細地址,聯絡電話,客戶等級\n", CUSTOMERS))
    assert applied.get("street") == ["詳細地址"]
    assert applied.get("phone") == ["聯絡電話"]
    assert applied.get("customer_group") == ["客戶等級"]


def test_a_customer_tier_in_english_is_the_group(tmp_path: Path) -> None:
    rows = ["Ada,Lovelace,Gold", "Grace,Hopper,Silver", "Alan,Turing,Gold"]
    plan = plan_text(tmp_path, csv_text("First Name,Last Name,Customer Tier", rows), CUSTOMERS)
    assert applied_sources(plan).get("customer_group") == ["Customer Tier"]


def test_unknown_chinese_words_stay_unread() -> None:
    # Near neighbour: a colour or a unit length is not read as the unit or the weight
    from ferry.agent.normalize import normalize_header

    assert "unread" in normalize_header("商品颜色")
    assert "weight" not in normalize_header("商品单位长度")


# French asset registers: the equipment's number, the misspelt 'Fabriquant', its 'État'.


def test_gestsup_equipment_number_maker_and_state() -> None:
    applied = applied_sources(plan_real_file("gestsup/tassets_template.csv", "dev48"))
    assert applied.get("asset_tag") == ["Numéro de l'équipement"]
    assert applied.get("manufacturer") == ["Fabriquant"]
    assert applied.get("status") == ["État"]


def test_a_french_asset_list_written_for_the_test(tmp_path: Path) -> None:
    rows = ["PC-1,Portable,Dell,Installé", "PC-2,Bureau,HP,En stock", "PC-3,Serveur,Lenovo,Installé"]
    plan = plan_text(tmp_path, csv_text("N° équipement,Nom,Fabriquant,État", rows), ASSETS)
    applied = applied_sources(plan)
    assert applied.get("asset_tag") == ["N° équipement"]
    assert applied.get("manufacturer") == ["Fabriquant"]
    assert applied.get("status") == ["État"]


def test_an_address_etat_of_a_company_is_not_its_status(tmp_path: Path) -> None:
    # Near neighbour: the companies template has no status; 'État' of US states is not put there
    rows = ["Acme,Austin,Texas,US", "Globex,Dallas,Ohio,US", "Initech,Reno,Nevada,US"]
    plan = plan_text(tmp_path, csv_text("Nom,Ville,État,Pays", rows), ALL["companies"])
    assert "État" not in {c for cols in applied_sources(plan).values() for c in cols}


# A shop's 'Visible' flag is the product's status; its 'Featured' flag is not.


def test_okaycms_visible_is_the_status() -> None:
    assert applied_sources(plan_real_file("okaycms/import.csv", "dev48")).get("status") == ["Visible"]


def test_visible_beside_featured(tmp_path: Path) -> None:
    rows = ["A1,Kettle,1,1", "A2,Toaster,0,1", "A3,Mixer,0,0"]
    plan = plan_text(tmp_path, csv_text("SKU,Name,Featured,Visible", rows), PRODUCTS)
    assert applied_sources(plan).get("status") == ["Visible"]


# A deal's 'potential' is its amount; a case opened on a date was created then.


def test_tangly_potential_is_the_amount() -> None:
    assert applied_sources(plan_real_file("tangly-os/opportunities.tsv", "dev47")).get("amount") == ["potential"]


def test_a_potential_owner_is_not_the_amount(tmp_path: Path) -> None:
    # Near neighbour: the word names the deal (Zoho's 'Potentials'), not a sum
    rows = ["Deal A,Bob,Won", "Deal B,Ann,Lost", "Deal C,Eve,Won"]
    plan = plan_text(tmp_path, csv_text("Name,Potential Owner,Stage", rows), DEALS)
    assert "amount" not in applied_sources(plan)


def test_boston_open_dt_is_the_creation_date() -> None:
    assert applied_sources(plan_real_file("qsv/boston311-100.csv", "dev47")).get("created_at") == ["open_dt"]


def test_an_opened_date_beside_a_closed_date(tmp_path: Path) -> None:
    rows = ["1,2024-01-02,2024-01-05,Printer jam", "2,2024-01-03,2024-01-04,No wifi", "3,2024-01-04,,Lost key"]
    plan = plan_text(tmp_path, csv_text("ID,Opened Date,Closed Date,Subject", rows), TICKETS)
    assert applied_sources(plan).get("created_at") == ["Opened Date"]
