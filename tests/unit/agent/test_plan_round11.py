"""The matcher's round-11 mechanisms, each on a small CSV written here or on a train-split file of bench/mapping/real
that shows its class, asserting what the user sees in the plan (the mapping, or the question with the right column
first). Files of the held-out test and dev9 splits are never used here.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.agent.profile import profile_column
from tests.unit.agent.helpers import CONTACTS, applied_sources, named_in_questions, plan_text

CUSTOMERS = REAL_TEMPLATES["customers"]
COMPANIES = {**TEMPLATES, **REAL_TEMPLATES}["companies"]
TICKETS = REAL_TEMPLATES["tickets"]


def test_a_national_name_for_the_tax_number_is_mapped(tmp_path: Path) -> None:
    # Given: an Indian party list whose tax registration number is headed 'GSTIN No.'
    text = "Company,Email,GSTIN No.\nAcme Ltd,a@acme.in,27AAPFU0939F1ZV\nBeta Pvt,b@beta.in,29AAACB1234C1Z5\n"
    plan = plan_text(tmp_path, text, CUSTOMERS)
    # Then: it fills the VAT number field, without a question
    assert applied_sources(plan)["tax_id"] == ["GSTIN No."]
    assert not named_in_questions(plan, "GSTIN No.")


def test_an_italian_tax_code_is_the_tax_number_where_the_template_has_no_tax_class(tmp_path: Path) -> None:
    # Given: customers with a 'tax_code' (codice fiscale) column; the customers template has no tax class
    text = "first_name;last_name;tax_code\nMario;Rossi;RSSMRA80A01H501U\nAnna;Bianchi;BNCNNA85B41F205X\n"
    plan = plan_text(tmp_path, text, CUSTOMERS)
    # Then: the tax code is the customer's tax number
    assert applied_sources(plan)["tax_id"] == ["tax_code"]


def test_a_customer_category_is_the_customer_group(tmp_path: Path) -> None:
    # Given: customers whose 'Customer Category' says which segment each belongs to
    text = "Email,Last Name,Customer Category\na@x.com,Ames,Retail\nb@x.com,Bell,Wholesale\nc@x.com,Cole,Retail\n"
    plan = plan_text(tmp_path, text, CUSTOMERS)
    # Then: it fills customer_group
    assert applied_sources(plan)["customer_group"] == ["Customer Category"]


def test_a_bare_category_of_a_ticket_is_no_customer_group(tmp_path: Path) -> None:
    # Given: tickets with a 'Category' (the template's topic) and a 'Group' of agents
    text = "Subject,Category,Group\nLogin fails,Account,Tier 1\nRefund,Billing,Tier 2\nSlow page,Technical,Tier 1\n"
    plan = plan_text(tmp_path, text, TICKETS)
    # Then: 'Category' is the ticket's topic
    assert applied_sources(plan)["category"] == ["Category"]


def test_lists_of_json_records_are_no_description(tmp_path: Path) -> None:
    # Given: an issue export whose 'Comments' cells hold JSON lists of comment records, one cut short by the export
    # (so the records cannot be taken apart into columns of their own)
    text = (
        "Name,Priority,Comments\n"
        'Login fails,high,"[{""comment"": ""Looking into it"", ""created_by"": ""Ann""}]"\n'
        'Refund,low,"[{""comment"": ""Done"", ""created_by"": ""Bob""}, '
        '{""comment"": ""Closed"", ""created_by"": ""Cy""}]"\n'
        'Slow page,low,"[{""comment"": ""Profiling the qu"\n'
        "Typo,low,[]\n"
    )
    plan = plan_text(tmp_path, text, TICKETS)
    # Then: the comments are not imported as the ticket's description, nor asked about as one
    assert "description" not in applied_sources(plan)
    assert not named_in_questions(plan, "Comments")


def test_numbered_placeholders_are_no_evidence_against_the_header() -> None:
    # Given: generated test values that differ only by a running number
    assert profile_column(["Person Name 1", "Person Name 2"]).placeholder
    assert profile_column(["First1 Last1", "First2 Last2", "First3 Last3"]).placeholder
    # ...but real names, phone digits and e-mail addresses are not placeholders
    assert not profile_column(["Jane Doe", "John Doe"]).placeholder
    assert not profile_column(["1111111111", "2222222222"]).placeholder
    assert not profile_column(["test1@x.dev", "test2@x.dev"]).placeholder


def test_a_name_column_of_numbered_placeholders_is_split(tmp_path: Path) -> None:
    # Given: a generated user file whose only name column holds 'First1 Last1', 'First2 Last2', ...
    rows = "".join(f"test{n}@test.dev,First{n} Last{n},en\n" for n in range(1, 6))
    plan = plan_text(tmp_path, "email,name,language\n" + rows, CUSTOMERS)
    # Then: the header decides, as for an empty column: split into first and last name, without a question
    applied = applied_sources(plan)
    assert applied["first_name"] == ["name"] and applied["last_name"] == ["name"]
    assert not named_in_questions(plan, "name")


def test_a_first_name_of_numbered_placeholders_is_mapped_without_a_question(tmp_path: Path) -> None:
    # Given: a shop's sample contacts, 'First Name' of 'Person Name 1', 'Person Name 2'
    text = "First Name,Last Name,Email\nPerson Name 1,Doe,p1@example.com\nPerson Name 2,Roe,p2@example.com\n"
    plan = plan_text(tmp_path, text, CONTACTS)
    # Then: mapped on its header, and nobody is asked to confirm it
    assert applied_sources(plan)["first_name"] == ["First Name"]
    assert not named_in_questions(plan, "First Name")


def test_one_letter_billing_and_shipping_blocks_apply_the_billing_one(tmp_path: Path) -> None:
    # Given: a membership export whose billing and shipping addresses are 'pmpro_b*' and 'pmpro_s*' columns
    head = "user_email,first_name,last_name,pmpro_baddress1,pmpro_bcity,pmpro_bzipcode,pmpro_bphone,"
    head += "pmpro_saddress1,pmpro_scity,pmpro_szipcode,pmpro_sphone\n"
    rows = (
        "a@x.com,Ann,Ames,1 Elm St,Springfield,01970,555-0101,9 Dock Rd,Portland,04101,555-0199\n"
        "b@x.com,Bob,Bell,2 Elm St,Springfield,01970,555-0102,8 Dock Rd,Portland,04102,555-0198\n"
        "c@x.com,Cy,Cole,3 Elm St,Springfield,01970,555-0103,7 Dock Rd,Portland,04103,555-0197\n"
    )
    plan = plan_text(tmp_path, head + rows, CUSTOMERS)
    # Then: the billing block is the customer's address, applied whole; nothing asks billing-or-shipping field by field
    applied = applied_sources(plan)
    assert [applied[f] for f in ("street", "city", "postal_code")] == [
        ["pmpro_baddress1"],
        ["pmpro_bcity"],
        ["pmpro_bzipcode"],
    ]
    assert not any(named_in_questions(plan, c) for c in ("pmpro_bcity", "pmpro_scity", "pmpro_bzipcode"))


def test_codes_are_not_offered_for_a_field_of_words(tmp_path: Path) -> None:
    # Given: a partner list whose only company-like column is a ledger account code of numbers
    text = "firstName,name,email,customerAccount_code\nAnn,Ames,a@x.com,411100\nBob,Bell,b@x.com,411100\n"
    plan = plan_text(tmp_path, text, CUSTOMERS)
    # Then: account numbers are no company name, and the person is not asked whether they are
    assert "company" not in applied_sources(plan)
    assert not named_in_questions(plan, "customerAccount_code")
