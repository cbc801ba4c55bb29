"""The matcher's round-48 mechanisms: the classes behind the dev44-dev46 splits' misses (no longer held out), each
shown on the benchmark file and on small CSVs written here, with near neighbours that must not change. A money header
that says on which side of tax its amount is names the amount; a state header whose legend lists a record's states
names the record's status; a 'Company' of one value on every row, beside a column naming each row's company, is the
books the rows are kept in, not the record's company. Asserts what the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, csv_text, named_in_questions, plan_real_file, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}
ASSETS = ALL["assets"]
PRODUCTS = ALL["products"]
CUSTOMERS = ALL["customers"]


# A tax basis ('Pre-Tax', 'excl. VAT') says how an amount is reckoned, not what it is.


def test_qloapps_pre_tax_retail_price_is_the_price_and_cost_is_offered() -> None:
    plan = plan_real_file("qloapps/room_types_import.csv", "dev45")
    assert applied_sources(plan).get("price") == ["Pre-Tax Retail Price"]
    assert named_in_questions(plan, "Pre-Tax Operating Cost")


def test_a_price_excluding_vat_is_the_price(tmp_path: Path) -> None:
    rows = ["A-1,Kettle,19.99", "A-2,Toaster,24.50", "A-3,Mixer,89.00"]
    plan = plan_text(tmp_path, csv_text("SKU,Name,Selling Price (excl. VAT)", rows), PRODUCTS)
    assert applied_sources(plan).get("price") == ["Selling Price (excl. VAT)"]


def test_tax_words_without_a_money_word_keep_their_reading() -> None:
    # Near neighbours: nothing of money is left once the tax basis is gone, or there is no tax basis at all
    from ferry.agent.tax_basis import without_tax_basis  # the round's module (absent before it)

    assert without_tax_basis("Pre-Tax Income") == "Pre-Tax Income"
    assert without_tax_basis("Tax Amount") == "Tax Amount"
    assert without_tax_basis("Tax Rule ID") == "Tax Rule ID"
    assert without_tax_basis("Pre-tax Operating Cost") == "Operating Cost"


def test_a_tax_amount_is_not_read_as_the_price(tmp_path: Path) -> None:
    # Near neighbour: the tax itself, beside the price
    rows = ["A-1,Kettle,19.99,3.80", "A-2,Toaster,24.50,4.66", "A-3,Mixer,89.00,16.91"]
    plan = plan_text(tmp_path, csv_text("SKU,Name,Price,Tax Amount", rows), PRODUCTS)
    assert applied_sources(plan).get("price") == ["Price"]


# A legend of a record's states under '<word> Status' names the record's status.


def test_qloapps_room_status_legend_names_the_status() -> None:
    plan = plan_real_file("qloapps/rooms_import.csv", "dev45")
    column = "Room Status (1 = Active, 2 = Inactive, 3 = Temporarily Inactive)"
    assert applied_sources(plan).get("status") == [column]
    # The codes' values are put to the person, never guessed
    assert any(column in q.question for q in plan.questions)


def test_a_legend_of_states_names_the_status(tmp_path: Path) -> None:
    rows = ["Laptop 1,A-001,1", "Laptop 2,A-002,0", "Router,A-003,1"]
    plan = plan_text(tmp_path, csv_text("Name,Asset Tag,Unit Status (1 = Enabled; 0 = Disabled)", rows), ASSETS)
    assert applied_sources(plan).get("status") == ["Unit Status (1 = Enabled; 0 = Disabled)"]


def test_the_same_header_without_its_legend_is_not_applied(tmp_path: Path) -> None:
    # Near neighbour: no legend, so 'Unit' may be a part of the asset
    rows = ["Laptop 1,A-001,1", "Laptop 2,A-002,0", "Router,A-003,1"]
    plan = plan_text(tmp_path, csv_text("Name,Asset Tag,Unit Status", rows), ASSETS)
    assert "status" not in applied_sources(plan)


def test_a_legend_of_other_words_is_not_read_as_states(tmp_path: Path) -> None:
    # Near neighbour: a payment's states are not the asset's
    rows = ["Laptop 1,A-001,1", "Laptop 2,A-002,2", "Router,A-003,1"]
    plan = plan_text(tmp_path, csv_text("Name,Asset Tag,Payment Status (1 = Paid; 2 = Due)", rows), ASSETS)
    assert "status" not in applied_sources(plan)


# A 'Company' of one value on every row beside a column naming each row's company.


def test_dynamics_customers_account_name_is_the_company() -> None:
    plan = plan_real_file("dynamics-365/Customers.xlsx", "dev44")
    assert applied_sources(plan).get("company") == ["Account Name"]


def test_a_constant_company_beside_account_names_is_left_out(tmp_path: Path) -> None:
    rows = ["ACME-01,Blue Bakery,EU01", "ACME-02,Red Garage,EU01", "ACME-03,Green Grocer,EU01", "ACME-04,Tin Inc,EU01"]
    plan = plan_text(tmp_path, csv_text("Account Number,Account Name,Company", rows), CUSTOMERS)
    assert applied_sources(plan).get("company") == ["Account Name"]


def test_a_varying_company_keeps_the_field(tmp_path: Path) -> None:
    # Near neighbour: 'Company' differs from row to row, so it is each record's company
    rows = ["ACME-01,Blue Bakery,Blue Ltd", "ACME-02,Red Garage,Red plc", "ACME-03,Green Grocer,Green AG"]
    plan = plan_text(tmp_path, csv_text("Account Number,Account Name,Company", rows), CUSTOMERS)
    assert applied_sources(plan).get("company") == ["Company"]


def test_a_constant_company_alone_keeps_the_field(tmp_path: Path) -> None:
    # Near neighbour: the contacts of one company, with no other column naming a company
    rows = ["Ann,Lee,ann@x.example,Blue Ltd", "Bo,Kim,bo@x.example,Blue Ltd", "Cy,Ng,cy@x.example,Blue Ltd"]
    plan = plan_text(tmp_path, csv_text("First Name,Last Name,Email,Company", rows), CUSTOMERS)
    assert applied_sources(plan).get("company") == ["Company"]


# A shop's catalog entry is a product: 'Catalog' before a field's word is the record's word.


def test_eshop_catalog_brand_name_is_the_brand() -> None:
    plan = plan_real_file("eshoponcontainers/CatalogItems.csv", "dev46")
    assert applied_sources(plan).get("brand") == ["CatalogBrandName"]


def test_a_catalog_brand_is_the_product_brand(tmp_path: Path) -> None:
    rows = ["A-1,Kettle,Acme,19.99", "A-2,Toaster,Bolt,24.50", "A-3,Mixer,Acme,89.00"]
    plan = plan_text(tmp_path, csv_text("SKU,Name,Catalog Brand Name,Price", rows), PRODUCTS)
    assert applied_sources(plan).get("brand") == ["Catalog Brand Name"]


def test_a_supplier_brand_is_not_read_as_the_product_brand(tmp_path: Path) -> None:
    # Near neighbour: another party's word before 'Brand Name' is no record word
    rows = ["A-1,Kettle,Acme,19.99", "A-2,Toaster,Bolt,24.50", "A-3,Mixer,Acme,89.00"]
    plan = plan_text(tmp_path, csv_text("SKU,Name,Supplier Brand Name,Price", rows), PRODUCTS)
    assert "brand" not in applied_sources(plan)


# Picture files under a header pointing at the images.


def test_eshop_picture_file_names_are_the_images() -> None:
    plan = plan_real_file("eshoponcontainers/CatalogItems.csv", "dev46")
    assert applied_sources(plan).get("images") == ["PictureFileName"]


def test_photo_files_are_the_images(tmp_path: Path) -> None:
    rows = ["A-1,Kettle,kettle.jpg", "A-2,Toaster,toaster.JPEG", "A-3,Mixer,mixer.webp"]
    plan = plan_text(tmp_path, csv_text("SKU,Name,Photo File Name", rows), PRODUCTS)
    assert applied_sources(plan).get("images") == ["Photo File Name"]


def test_files_of_no_picture_are_not_the_images(tmp_path: Path) -> None:
    # Near neighbour: the same header over documents
    rows = ["A-1,Kettle,kettle.pdf", "A-2,Toaster,toaster.pdf", "A-3,Mixer,mixer.pdf"]
    plan = plan_text(tmp_path, csv_text("SKU,Name,Photo File Name", rows), PRODUCTS)
    assert "images" not in applied_sources(plan)
