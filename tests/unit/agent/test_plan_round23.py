"""The matcher's round-23 mechanisms, on small CSVs written here: headers that carry a type or flag beside the name
('age:int', 'date:date_of_birth', 'external_id:excluded') or a number sign ('Employee #'), and the labels documented
by widely used systems' import templates (Pacific Timesheet, Personio, Shopify, Vend, HubSpot, Zoho CRM, Pipedrive,
ServiceNow, Mojo Helpdesk, Flexera, ClickUp, Taskworld). Asserts what the user sees in the plan. Files of the
held-out test and dev18 splits are never used.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.agent.annotations import without_annotation
from ferry.agent.synonyms import concepts_of
from tests.unit.agent.helpers import applied_sources, plan_text

PEOPLE = TEMPLATES["people"]
COMPANIES = TEMPLATES["companies"]
DEALS = TEMPLATES["deals"]
EMPLOYEES = REAL_TEMPLATES["employees"]
ASSETS = REAL_TEMPLATES["assets"]
PRODUCTS = REAL_TEMPLATES["products"]
TICKETS = REAL_TEMPLATES["tickets"]


def test_a_type_or_flag_beside_the_name_is_read_off() -> None:
    # A type after or before the name, or an import flag, leaves the name; a lookup or a label's colon stays
    assert without_annotation("age:int") == "age"
    assert without_annotation("date:date_of_birth") == "date_of_birth"
    assert without_annotation("external_id:excluded") == "external_id"
    assert without_annotation("location:_id OF place WHERE ext-id=COL_VAL") == (
        "location:_id OF place WHERE ext-id=COL_VAL"
    )
    assert without_annotation("Checked Out To: Username") == "Checked Out To: Username"
    assert without_annotation("variant:weight") == "variant:weight"


def test_typed_headers_map_on_their_names(tmp_path: Path) -> None:
    # Given: people whose headers carry the value type or an import flag beside the field's name
    text = (
        "external_id:excluded,first_name,last_name,age:int,date:birth_date\n"
        "p1,Ann,Lee,34,1990-02-01\n"
        "p2,Bob,Ray,51,1973-07-15\n"
        "p3,Cy,Doe,28,1996-11-30\n"
    )
    plan = plan_text(tmp_path, text, PEOPLE)
    # Then: each is applied to the field its name gives, and nothing is asked
    applied = applied_sources(plan)
    assert applied["external_id"] == ["external_id:excluded"]
    assert applied["age"] == ["age:int"]
    assert applied["birth_date"] == ["date:birth_date"]
    assert plan.questions == []


def test_a_number_sign_is_the_records_number(tmp_path: Path) -> None:
    # Given: an HR export keyed on 'Employee #' (not a head count) and dated by first and last day
    text = (
        "Employee #,First Name,Last Name,First Day,Last Day\n"
        "1001,Ann,Lee,2019-03-01,2023-06-30\n"
        "1002,Bob,Ray,2020-01-15,\n"
        "1003,Cy,Doe,2021-09-01,\n"
    )
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: the number is the employee's id and the days are the hire and end dates
    applied = applied_sources(plan)
    assert applied["employee_id"] == ["Employee #"]
    assert applied["hire_date"] == ["First Day"]
    assert applied["end_date"] == ["Last Day"]


def test_a_shopify_product_export_maps_cost_weight_and_stock(tmp_path: Path) -> None:
    # Given: Shopify's product CSV columns for a variant's cost, weight in grams and stock
    text = (
        "Handle,Title,Variant SKU,Variant Price,Cost per item,Variant Grams,Variant Inventory Qty\n"
        "chair,Chair,S1,49.90,20.00,5200,12\n"
        "table,Table,S2,99.00,41.50,18000,3\n"
        "lamp,Lamp,S3,19.00,7.25,900,40\n"
    )
    applied = applied_sources(plan_text(tmp_path, text, PRODUCTS))
    # Then: each is applied to its field (Vend's 'Supply Price' is the cost too)
    assert concepts_of("Supply Price").get("cost", 0.0) >= 0.9
    assert applied["cost"] == ["Cost per item"]
    assert applied["weight"] == ["Variant Grams"]
    assert applied["stock_quantity"] == ["Variant Inventory Qty"]
    assert applied["sku"] == ["Variant SKU"]


def test_a_ticket_export_of_task_and_crm_words_maps(tmp_path: Path) -> None:
    # Given: tickets written with a task tracker's and a CRM's words for the subject, the assignee and the channel
    text = (
        "Task ID,Task Name,Ticket owner,Source,Priority\n"
        "T-1,Printer jams,Ann Lee,Email,High\n"
        "T-2,VPN drops,Bob Ray,Phone,Low\n"
        "T-3,Login fails,Ann Lee,Chat,High\n"
    )
    applied = applied_sources(plan_text(tmp_path, text, TICKETS))
    assert concepts_of("Task").get("subject", 0.0) >= 0.9  # Taskworld's template names the subject 'Task'
    # Then: the task's id and name are the ticket's, the owner is the assignee and the source the channel
    assert applied["ticket_id"] == ["Task ID"]
    assert applied["subject"] == ["Task Name"]
    assert applied["assignee"] == ["Ticket owner"]
    assert applied["channel"] == ["Source"]


def test_a_billing_code_is_the_postal_code_and_a_domain_the_website(tmp_path: Path) -> None:
    # Given: Zoho CRM's 'Billing Code' and HubSpot's 'Company Domain Name' in a company list
    assert concepts_of("Billing Code").get("postal_code", 0.0) >= 0.9
    assert concepts_of("Company Domain Name").get("website", 0.0) >= 0.9
    text = (
        "Account Name,Company Domain Name,Billing City,Billing Code\n"
        "Acme,acme.example,Lyon,69001\n"
        "Globex,globex.example,Turin,10121\n"
        "Initech,initech.example,Porto,4000-123\n"
    )
    plan = plan_text(tmp_path, text, COMPANIES)
    # Then: the code fills the postal code and the domain the website, and nothing is asked
    applied = applied_sources(plan)
    assert applied["postal_code"] == ["Billing Code"]
    assert applied["website"] == ["Company Domain Name"]
    assert plan.questions == []


def test_a_lead_title_is_the_deal_name(tmp_path: Path) -> None:
    # Given: a Pipedrive lead export's title beside a value
    text = "Lead title,Value,Expected close date\nNew website,12000,2024-05-01\nSupport plan,3000,2024-06-15\n"
    applied = applied_sources(plan_text(tmp_path, text, DEALS))
    # Then: the title is the deal's name
    assert applied["name"] == ["Lead title"]


def test_a_servicenow_incident_list_maps_its_short_description_to_the_subject(tmp_path: Path) -> None:
    # Given: incidents with ServiceNow's one-line 'Short description' beside the long 'Description'
    text = (
        "Number,Short description,Description,Caller,Priority\n"
        "INC001,Printer jams,The printer on floor 2 jams on every job,Ann Lee,High\n"
        "INC002,VPN drops,The VPN disconnects every hour since Monday,Bob Ray,Low\n"
        "INC003,Login fails,Cannot log in after the password reset,Cy Doe,High\n"
    )
    plan = plan_text(tmp_path, text, TICKETS)
    # Then: the short one is the subject, the long one the description, and nothing is asked
    applied = applied_sources(plan)
    assert applied["subject"] == ["Short description"]
    assert applied["description"] == ["Description"]
    assert plan.questions == []


def test_an_asset_registers_type_and_purchase_order_map(tmp_path: Path) -> None:
    # Given: an asset register with Mojo Helpdesk's and Flexera's words for the category, the order and the user
    text = (
        "Asset Tag,Asset Name,Asset Type,Serial Number,Purchase Order Number,Assign To User\n"
        "A-001,Laptop 14,Laptop,SN123,PO-77,Ann Lee\n"
        "A-002,Monitor 27,Monitor,SN456,PO-78,Bob Ray\n"
        "A-003,Phone X,Phone,SN789,PO-79,Cy Doe\n"
    )
    applied = applied_sources(plan_text(tmp_path, text, ASSETS))
    # Then: the type is the category, the purchase order the order number, the user the one it is assigned to
    assert applied["category"] == ["Asset Type"]
    assert applied["order_number"] == ["Purchase Order Number"]
    assert applied["assigned_to"] == ["Assign To User"]


def test_a_personio_export_maps_the_contract_end_date(tmp_path: Path) -> None:
    # Given: an HR export with Personio's attribute names, the contract's end date among them
    text = (
        "First name,Last name,Position,Office,Hire date,Contract end date\n"
        "Ann,Lee,Engineer,Berlin,2019-03-01,2025-02-28\n"
        "Bob,Ray,Designer,Munich,2020-01-15,2024-12-31\n"
        "Cy,Doe,Analyst,Berlin,2021-09-01,2026-08-31\n"
    )
    applied = applied_sources(plan_text(tmp_path, text, EMPLOYEES))
    # Then: the contract's end is the employment's end date; the hire date and the office are read as before
    assert applied["end_date"] == ["Contract end date"]
    assert applied["hire_date"] == ["Hire date"]
    assert applied["location"] == ["Office"]
