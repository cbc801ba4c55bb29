"""The matcher on exports from systems it has never seen: it maps more and never drops a column silently.

One test per class of miss, each on a real file (train split of bench/mapping/real, or shared/data/real), asserting
what the user sees in the plan: the mapping, or the question about that column. Files of the held-out test split
are never used here.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from bench.mapping.templates import PEOPLE, PROVIDERS, REAL_TEMPLATES, TEMPLATES
from ferry.__main__ import plan_files
from ferry.agent.planner import HeuristicPlanner, Plan
from ferry.agent.profile import profile_column
from ferry.core.domain import Template
from ferry.core.outcomes import Answer
from ferry.engine import preview
from ferry.ingest import sniff

ROOT = Path(__file__).resolve().parents[3]
BENCH = ROOT / "bench" / "mapping" / "real"
SHARED = ROOT.parent / "shared" / "data" / "real"
LABELS = {e["file"]: e for e in json.loads((BENCH / "labels.json").read_text(encoding="utf-8"))}


def _train(name: str) -> Path:
    assert LABELS[name]["split"] == "train", f"{name} is held out: never tune or test on it"
    return BENCH / name


def _template(sheet_id: str) -> Template:
    return {**TEMPLATES, **REAL_TEMPLATES}[sheet_id]


def _mapped(plan: Plan) -> dict[str, str]:
    return {m["field"]: m["source"]["column"] for m in plan.mappings if m["source"]}


def _mapping(plan: Plan, field: str) -> dict[str, Any]:
    return next(m for m in plan.mappings if m["field"] == field)


def _questions(plan: Plan) -> dict[str, Any]:
    return {q.id.split(".", 1)[1]: q for q in plan.questions}


def _unmapped(plan: Plan) -> set[str]:
    return {c["column"] for c in plan.unmapped_columns}


def _preview(plan: Plan, path: Path, template: Template) -> list[dict[str, Any]]:
    (file_id,) = {t.source.file_id for t in plan.recipe.templates}
    (sheet,) = preview(plan.recipe, [template], {file_id: (path, sniff(path, path.name))}, n=20)
    rows: list[dict[str, Any]] = sheet["rows"]
    return rows


def test_1_a_header_naming_the_field_over_values_that_disagree_is_asked_with_that_column_first() -> None:
    # Given: one row whose 'Contact Phone Number' is an unformatted run of ten digits
    template = TEMPLATES["locations"]
    plan, _ = plan_files([str(SHARED / "csv-spectrum/location_coordinates.csv")], [template])
    # Then: phone is not filled silently from it, nor left out: the person is asked, the column is the 'yes'
    question = _questions(plan)["q_phone_conflict"]
    assert question.options[0].label == "Yes, map 'Contact Phone Number' to phone"
    assert "Contact Phone Number" not in _unmapped(plan)
    # And: answering yes maps it, and the preview reads the digits as a phone number
    answered = HeuristicPlanner().answer(plan, [Answer(question_id=question.id, option_id="opt_1")])
    assert _mapped(answered)["phone"] == "Contact Phone Number"


def test_1_bare_local_numbers_under_a_phone_header_are_asked_about_too() -> None:
    # Given: the merged provider list whose 'Phone' holds 7-digit local numbers
    plan, _ = plan_files([str(SHARED / "dedupe-examples/csv_example_messy_input.csv")], [PROVIDERS])
    # Then: a question about 'Phone' for phone, yes first
    question = _questions(plan)["q_phone_conflict"]
    assert [o.label for o in question.options] == ["Yes, map 'Phone' to phone", "No, leave phone empty"]


def test_2_emails_and_phones_inside_json_cells_are_extracted_with_an_op_the_preview_shows(tmp_path: Path) -> None:
    # Given: Mautic's demo leads re-exported the way CRMs store contact points: JSON lists of labelled values for
    # emails (home first, work second) and an object with primary/additional keys for phones
    source = _train("mautic/fakeleaddata.csv")
    with source.open(encoding="utf-8", newline="") as fh:
        rows = [row for row in csv.DictReader(fh) if row["email"] and row["phone"]][:5]
    path = tmp_path / "crm_export.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["First Name", "Last Name", "emails", "phones"])
        for n, row in enumerate(rows):
            emails = [{"type": "home", "email": f"home{n}@example.org"}, {"type": "work", "email": row["email"]}]
            phones = {"primary": row["phone"], "additional": []}
            writer.writerow([row["firstname"], row["lastname"], json.dumps(emails), json.dumps(phones)])
    # Then: profiling looks inside the cells: lists of objects with labelled values, an object with keys
    with path.open(encoding="utf-8", newline="") as fh:
        cells = list(csv.DictReader(fh))
    emails_profile = profile_column([c["emails"] for c in cells])
    assert emails_profile.json_array == 1.0 and emails_profile.json_item_keys == ["email", "type"]
    assert profile_column([c["phones"] for c in cells]).json_keys == ["additional", "primary"]
    # When: the file is planned onto the contacts template
    contacts = TEMPLATES["contacts"]
    plan, _ = plan_files([str(path)], [contacts])
    # Then: email reads the work item of each list and phone the primary value, with a json_extract op shown
    email, phone = _mapping(plan, "email"), _mapping(plan, "phone")
    assert email["source"]["column"] == "emails" and phone["source"]["column"] == "phones"
    assert {"op": "json_extract", "path": "$[1].email"} in email["transform"]
    assert {"op": "json_extract", "path": "$.primary"} in phone["transform"]
    assert "work/primary value of the JSON" in email["rationale"]
    # And: the preview holds the extracted values
    previewed = _preview(plan, path, contacts)
    assert [r["email"] for r in previewed] == [r["email"].lower() for r in rows]
    assert [r["phone"] for r in previewed][:1] == [rows[0]["phone"]]  # no country to read it in: kept as written


def test_2_a_json_object_cell_is_profiled_by_its_keys() -> None:
    # Given: Vendure's product import, whose 'product:owner' cells hold JSON objects
    sheet = sniff(_train("vendure/product-import.csv"), "product-import.csv").sheets[0]
    owner = next(c for c in sheet.columns if c.name.strip() == "product:owner")
    # Then: the profile sees the objects and their keys
    profile = profile_column(owner.samples)
    assert profile.json_object == 1.0 and profile.json_keys == ["id"]


def test_3_full_names_in_a_short_file_are_recognised_and_split(tmp_path: Path) -> None:
    # Given: a short file (3 rows) whose 'name' holds the full names of Mautic's demo leads
    source = _train("mautic/fakeleaddata.csv")
    with source.open(encoding="utf-8", newline="") as fh:
        people = [row for row in csv.DictReader(fh) if row["firstname"] and row["email"]][:3]
    managers = [f"{row['firstname']} {row['lastname']}" for row in people]
    path = tmp_path / "people.csv"
    path.write_text("name,email\n" + "".join(f"{m},{row['email']}\n" for m, row in zip(managers, people, strict=True)))
    # Then: the names are recognised
    assert profile_column(managers).full_name == 1.0
    # And: first and last name are both mapped by splitting 'name'
    plan, _ = plan_files([str(path)], [TEMPLATES["contacts"]])
    first, last = _mapping(plan, "first_name"), _mapping(plan, "last_name")
    assert first["source"]["column"] == last["source"]["column"] == "name"
    assert "100% of 3 sampled values start with a known given name" in first["rationale"]
    rows = _preview(plan, path, TEMPLATES["contacts"])
    assert (rows[0]["first_name"], rows[0]["last_name"]) == tuple(managers[0].split(" ", 1))


def test_3_given_names_from_many_countries_are_known() -> None:
    # Given: the Keila export's non-English given names (Icelandic, German) and Ekylibre's French ones
    sheet = sniff(_train("keila/import_excel.csv"), "import_excel.csv").sheets[0]
    first = next(c for c in sheet.columns if c.name == "First name")
    # Then: most are known given names
    assert profile_column(first.samples).given_name >= 0.6


def test_4_values_carry_a_column_whose_header_says_something_else() -> None:
    # Given: the merged provider list: URLs live under 'Center Director', emails under 'Purple binder service type'
    plan, _ = plan_files([str(SHARED / "dedupe-examples/csv_example_messy_input.csv")], [PROVIDERS])
    # Then: the emails are mapped on their values alone; the URLs are asked about, 'Center Director' first
    assert _mapped(plan)["email"] == "Purple binder service type"
    question = _questions(plan)["q_website_column"]
    assert question.options[0].label == "'Center Director'"


def test_4_a_file_without_a_header_row_is_read_on_its_values() -> None:
    # Given: a CSV whose first line is a record (John, Doe, 120 jefferson st., Riverside, NJ, 08075)
    plan, _ = plan_files([str(_train("corteza/test.csv"))], [PEOPLE])
    asked = {q.options[0].label.strip("'").strip() for q in plan.questions if q.options}
    mapped = {c.strip() for c in _mapped(plan).values()}
    # Then: the given names, the streets, the states and the postal codes are mapped or asked about on their values
    assert {"John", "120 jefferson st.", "NJ", "08075"} <= asked | mapped


def test_5_headers_in_other_languages_and_vendor_words_are_understood() -> None:
    # French (Ekylibre): Nom is the last name beside Prénom; 'Nom entité' is the organisation
    plan, _ = plan_files([str(_train("ekylibre/entities.csv"))], [TEMPLATES["contacts"]])
    assert {k: _mapped(plan).get(k) for k in ("first_name", "last_name", "company")} == {
        "first_name": "Prénom",
        "last_name": "Nom",
        "company": "Nom entité",
    }
    # camelCase vendor words (X2CRM): quoteAmount is the amount, salesStage the stage
    plan, _ = plan_files([str(_train("x2crm/x2Leads.csv"))], [TEMPLATES["deals"]])
    assert _mapped(plan)["amount"] == "quoteAmount" and _mapped(plan)["stage"] == "salesStage"
    # Prefixed and record-word headers (Vendure, Mautic): stockOnHand, taxCategory, product:keywords, companycity
    plan, _ = plan_files([str(_train("vendure/product-import.csv"))], [REAL_TEMPLATES["products"]])
    vendure = {k: v.strip() for k, v in _mapped(plan).items()}
    assert vendure["stock_quantity"] == "stockOnHand" and vendure["tax_class"] == "taxCategory"
    assert vendure["tags"] == "product:keywords"
    plan, _ = plan_files([str(_train("mautic/fakecompanydata.csv"))], [TEMPLATES["companies"]])
    assert {_mapped(plan)[k] for k in ("city", "state", "country", "industry")} == {
        "companycity",
        "companystate",
        "companycountry",
        "companyindustry",
    }
    # HR words (Sentrifugo): 'Date of joining' is the start date
    plan, _ = plan_files([str(_train("sentrifugo/import_employees.xlsx"))], [REAL_TEMPLATES["employees"]])
    assert _mapped(plan)["hire_date"] == "Date of joining"


def test_6_a_clear_header_is_mapped_without_values_to_confirm_it() -> None:
    # Given: FacturaScripts' one-row warehouse seed: city, address, postcode and phone are empty
    plan, _ = plan_files([str(_train("facturascripts/almacenes.csv"))], [TEMPLATES["locations"]])
    # Then: the Spanish headers alone map them, and the rationale says the column is empty
    mapped = _mapped(plan)
    assert {k: mapped.get(k) for k in ("city", "street", "postal_code", "phone")} == {
        "city": "ciudad",
        "street": "direccion",
        "postal_code": "codpostal",
        "phone": "telefono",
    }
    assert "the column is empty in this file" in _mapping(plan, "city")["rationale"]
    # And: an optional field whose header is a synonym is mapped (Open Source POS: 'Address2', one row)
    plan, _ = plan_files([str(_train("opensourcepos/importCustomers.csv"))], [REAL_TEMPLATES["customers"]])
    assert _mapped(plan)["street2"] == "Address2"


def test_7_small_ids_for_a_list_field_are_mapped_with_a_value_map_question() -> None:
    # Given: Thelia's customers, whose TITLE is 1 or 2 (ids of Thelia's customer titles)
    path = _train("thelia/customers.csv")
    template = REAL_TEMPLATES["customers"]
    plan, _ = plan_files([str(path)], [template])
    # Then: TITLE fills salutation, and the person is asked what each id is, with a value map
    assert _mapped(plan)["salutation"] == "TITLE"
    question = _questions(plan)["q_salutation_values"]
    assert question.question.startswith("'TITLE' holds ids ('1', '2')") and question.allow_custom
    # When: the person answers with the map
    answered = HeuristicPlanner().answer(plan, [Answer(question_id=question.id, custom="1=Mr, 2=Mrs")])
    # Then: the preview shows the titles
    assert {r["salutation"] for r in _preview(answered, path, template)} == {"Mr", "Mrs"}
