"""match_sheet end to end: what a user sees in the preview and in the questions."""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import COMPANIES, CONTACTS, DEALS, PROVIDERS
from ferry.agent import match_sheet
from tests.unit.agent.helpers import manifest_from_csv, sheet


def _scenario() -> dict[str, list[str]]:
    return {
        "Full Name": ["Anna Schmidt", "John Smith", "Marie van der Berg"],
        "E-mail": ["anna@x.de", "john@y.com", "marie@z.fr"],
        "Work Phone": ["+49 30 1234567", "(415) 555-0100"],
        "Mobile": ["+49 170 1234567"],
        "Organization": ["Acme GmbH", "Globex"],
        "Website": ["https://acme.de", "globex.com"],
        "Signup Date": ["03/04/2024", "05/06/2023"],
        "Land": ["Deutschland", "USA", "France"],
        "Lifecycle": ["Kunde", "Interessent", "test", "churned"],
        "Notes": ["call back", "VIP"],
    }


def test_e_mail_header_maps_to_email_with_high_confidence() -> None:
    result = match_sheet(sheet(_scenario()), CONTACTS)
    email = result.match_for("email")
    assert email is not None and email.column == "E-mail" and email.auto_applied
    assert email.confidence >= 0.9
    assert "email addresses" in email.rationale


def test_full_name_is_split_into_first_and_last_name() -> None:
    result = match_sheet(sheet(_scenario()), CONTACTS)
    first, last = result.match_for("first_name"), result.match_for("last_name")
    assert first is not None and last is not None
    assert first.column == last.column == "Full Name"
    assert first.hints == {"split": "full_name", "part": "first"}
    assert last.hints["part"] == "last"


def test_enum_columns_get_value_maps_and_unknown_values_become_one_question() -> None:
    result = match_sheet(sheet(_scenario()), CONTACTS)
    country, status = result.match_for("country"), result.match_for("status")
    assert country is not None and country.hints["value_map"] == {"Deutschland": "DE", "USA": "US", "France": "FR"}
    assert status is not None and status.hints["value_map"]["Kunde"] == "customer"
    questions = [q for q in result.questions if q.kind == "enum_values"]
    assert len(questions) == 1 and "'test'" in questions[0].question and questions[0].allow_custom


def test_ambiguous_signup_dates_ask_day_first_or_month_first() -> None:
    result = match_sheet(sheet(_scenario()), CONTACTS)
    created = result.match_for("created_at")
    assert created is not None and created.column == "Signup Date" and created.hints["date_order"] is None
    assert [q.field for q in result.questions if q.kind == "date_order"] == ["created_at"]


def test_unused_columns_are_listed_and_phone_region_comes_from_the_country_column() -> None:
    result = match_sheet(sheet(_scenario()), CONTACTS)
    assert "Notes" in result.unmapped_columns and "E-mail" not in result.unmapped_columns
    phone = result.match_for("phone")
    assert phone is not None and phone.column == "Work Phone" and phone.hints["default_region"] == "DE"


def test_day_first_dates_are_settled_by_the_data_without_a_question() -> None:
    result = match_sheet(sheet({"Email": ["a@b.com"], "Created": ["25/03/2024", "01/04/2024"]}), CONTACTS)
    created = result.match_for("created_at")
    assert created is not None and created.hints["date_order"] == "DMY"
    assert not [q for q in result.questions if q.kind == "date_order"]


def test_a_column_of_emails_under_a_misleading_header_still_matches_email() -> None:
    result = match_sheet(sheet({"Kontaktdaten": ["a@b.com", "c@d.de", "e@f.fr"], "Firma": ["Acme"]}), CONTACTS)
    email = result.match_for("email")
    assert email is not None and email.column == "Kontaktdaten"
    assert "matched by its values" in email.rationale


def test_a_required_field_with_two_close_candidates_yields_a_question() -> None:
    columns = {"Email": ["a@b.com", "c@d.de"], "E-mail": ["x@y.com", "z@w.de"]}
    result = match_sheet(sheet(columns), CONTACTS)
    email = result.match_for("email")
    assert email is not None and not email.auto_applied
    question = next(q for q in result.questions if q.field == "email")
    assert question.kind == "which_column"
    assert {o.label for o in question.options} >= {"'Email'", "'E-mail'"}


def test_dads_email_is_asked_about_not_silently_mapped() -> None:
    result = match_sheet(sheet({"Dads email": ["dad@x.com", "pa@y.de"], "Name": ["Anna Schmidt"]}), CONTACTS)
    email = result.match_for("email")
    assert email is not None and not email.auto_applied
    assert any(q.kind == "other_party" and q.field == "email" for q in result.questions)


def test_json_cells_are_matched_by_their_keys() -> None:
    cells = ['{"email": "a@b.com", "company": "Acme"}', '{"email": "c@d.de", "company": "Globex"}']
    result = match_sheet(sheet({"payload": cells}), CONTACTS)
    email = result.match_for("email")
    assert email is not None and email.column == "payload" and email.hints["json_path"] == "$.email"


def test_surname_holding_given_names_is_not_auto_mapped_to_last_name(real_data: Path) -> None:
    result = match_sheet(manifest_from_csv(real_data / "w3c-csvw" / "test001.csv"), CONTACTS)
    mapping = result.auto_mapping()
    assert mapping.get("Surname") != "last_name"
    assert mapping.get("FamilyName") == "last_name"


def test_misaligned_messy_merge_maps_by_values_not_by_misleading_headers(real_data: Path) -> None:
    result = match_sheet(manifest_from_csv(real_data / "dedupe-examples" / "csv_example_messy_input.csv"), PROVIDERS)
    mapping = result.auto_mapping()
    assert mapping.get("Email Address") is None  # holds dates
    assert mapping.get("Purple binder service type") == "email"  # holds the emails
    assert mapping.get("Website") != "website"  # holds Yes/No


def test_salesforce_all_caps_account_export_maps_billing_address(real_data: Path) -> None:
    manifest = manifest_from_csv(real_data / "salesforce-dataloader" / "accountData.csv")
    mapping = match_sheet(manifest, COMPANIES).auto_mapping()
    assert mapping["BILLINGCITY"] == "city" and mapping["BILLINGCOUNTRY"] == "country"
    assert mapping["NUMBEROFEMPLOYEES"] == "employees" and mapping["NAME"] == "name"
    assert "SHIPPINGCITY" not in mapping


def test_salesforce_stage_names_get_a_value_map_and_one_question(real_data: Path) -> None:
    result = match_sheet(manifest_from_csv(real_data / "salesforce-dataloader" / "opportunityData.csv"), DEALS)
    stage = result.match_for("stage")
    assert stage is not None and stage.column == "STAGENAME" and stage.auto_applied
    assert stage.hints["value_map"]["Negotiation/Review"] == "Negotiation"
    assert len([q for q in result.questions if q.kind == "enum_values"]) == 1


def test_a_vendor_suffixed_react_example_file_maps_its_people(real_data: Path) -> None:
    from bench.mapping.templates import PEOPLE

    result = match_sheet(manifest_from_csv(real_data / "react-spreadsheet-import" / "exampleFile.csv"), PEOPLE)
    mapping = result.auto_mapping()
    assert mapping["firstname"] == "first_name" and mapping["lastname"] == "last_name"
    assert mapping["email"] == "email" and mapping["manager"] == "is_manager"


def test_matching_is_deterministic() -> None:
    first = match_sheet(sheet(_scenario()), CONTACTS).model_dump()
    assert all(match_sheet(sheet(_scenario()), CONTACTS).model_dump() == first for _ in range(3))
