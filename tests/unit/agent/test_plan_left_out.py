"""Columns the matcher would otherwise leave out silently (neither mapped nor asked about), on real exports of the
train and dev3 splits of bench/mapping/real: they join the question already asked about their field, or, without a
header row, the values' kind points them to the template's only field of that kind. Test-split files are never used.
"""

from __future__ import annotations

from ferry.agent.match import gtin_valid
from ferry.agent.planner import HeuristicPlanner, Plan
from ferry.core.outcomes import Answer
from tests.unit.agent.helpers import plan_real_file


def _plan(name: str, split: str) -> Plan:
    return plan_real_file(name, split)


def test_a_left_out_phone_column_turns_the_yes_no_question_into_a_choice_of_columns() -> None:
    # Given: Roundcube's Outlook-style contact export, where 'Business Phone' names phone but holds odd values and
    # 'Primary Phone' (the labelled phone) names it too but nothing used or offered it
    plan = _plan("roundcube/all.csv", "train")
    # Then: one question about phone, offering both columns (no yes/no about 'Business Phone' alone, no second one)
    (question,) = [q for q in plan.questions if ".q_phone_" in q.id]
    labels = [o.label for o in question.options]
    assert question.id.endswith(".q_phone_column")
    # (round 14: the 'Primary' one, the record's own, is offered first)
    assert labels[0] == "'Primary Phone'" and "'Business Phone'" in labels
    assert labels[-1].startswith("None of these") and len(labels) <= 5
    # When: the person picks 'Primary Phone'
    pick = next(o.id for o in question.options if o.label == "'Primary Phone'")
    answered = HeuristicPlanner().answer(plan, [Answer(question_id=question.id, option_id=pick)])
    # Then: phone is filled from it
    (phone,) = [m for m in answered.mappings if m["field"] == "phone"]
    assert phone["source"]["column"] == "Primary Phone"


def test_headerless_small_counts_are_offered_for_the_only_whole_number_field() -> None:
    # Given: django-oscar's sample catalogue, a CSV without a header row (its first row is a book)
    plan = _plan("django-oscar/books-small.csv", "dev3")
    # Then: the column of small whole numbers ('6', '2', ...) is offered for the stock quantity, the product
    # template's one whole-number field, and not applied without asking
    (question,) = [q for q in plan.questions if q.id.endswith(".q_stock_quantity_column")]
    assert question.options[0].label == "'6'"
    assert not [m for m in plan.mappings if m["field"] == "stock_quantity" and m["source"]]


def test_a_headerless_postal_code_is_not_taken_for_a_count() -> None:
    # Given: Corteza's headerless sample of people ('John', 'Doe', ..., '08075'), whose template has one
    # whole-number field (age)
    plan = _plan("corteza/test.csv", "train")
    # Then: the zero-padded postal code is not offered as the age
    assert not any(q.id.endswith(".q_age_column") and "'08075'" in [o.label for o in q.options] for q in plan.questions)


def test_a_bare_name_header_left_out_is_offered_for_the_records_own_name() -> None:
    # Given: Frappe Books' parties, whose 'Name' holds the party's name ('Randoe', 'Saipan'), and a customer template
    # asking which column holds the company
    plan = _plan("frappe-books/parties.csv", "dev3")
    # Then: 'Name' is one of the company question's options, not left for the person to notice alone
    (question,) = [q for q in plan.questions if q.id.endswith(".q_company_column")]
    assert "'Name'" in [o.label for o in question.options]
    # And: it is not applied without asking (the header alone cannot tell a person from a company)
    assert not [m for m in plan.mappings if m["field"] == "company" and m["source"]]


def test_an_unsure_split_of_a_bare_name_is_asked_and_a_yes_fills_both_name_parts() -> None:
    # Given: Ghost's member import, whose 'name' holds 'joe' and 'test' (too few, too short to be sure of names)
    plan = _plan("ghost/valid-members-import.csv", "dev")
    # Then: splitting 'name' into first and last name is not applied, but asked once (not left out silently)
    assert not [m for m in plan.mappings if m["field"] in ("first_name", "last_name") and m["source"]]
    (question,) = [q for q in plan.questions if "'name'" in q.question]
    assert "split" in question.question
    # When: the person says yes
    answered = HeuristicPlanner().answer(plan, [Answer(question_id=question.id, option_id="opt_1")])
    # Then: both the first and the last name come from 'name'
    sources = {m["field"]: m["source"]["column"] for m in answered.mappings if m["source"]}
    assert sources["first_name"] == sources["last_name"] == "name"


def test_warehouse_names_are_not_offered_as_a_persons_name_to_split() -> None:
    # Given: OpenBoxes' locations, whose 'name' holds 'Central Warehouse (NYC)', 'Boston Warehouse', ...
    plan = _plan("openboxes/locations.csv", "dev3")
    # Then: no question offers to split them into first and last name
    assert not [q for q in plan.questions if "split" in q.question]


def test_headerless_isbn_columns_are_offered_for_the_barcode() -> None:
    # Given: django-oscar's headerless catalogue, two columns of ISBN-13s ('9780115531446', ...)
    plan = _plan("django-oscar/books-small.csv", "dev3")
    # Then: their check digits make them article numbers: both are offered in one barcode question, none applied
    (question,) = [q for q in plan.questions if q.id.endswith(".q_barcode_column")]
    assert {"'9780115531446'", "'9780115531446_2'"} <= {o.label for o in question.options}
    assert not [m for m in plan.mappings if m["field"] in ("barcode", "sku") and m["source"]]


def test_a_check_digit_tells_an_article_number_from_a_run_of_digits() -> None:
    assert gtin_valid("9780115531446") and gtin_valid("036000291452") and gtin_valid("96385074")
    assert not gtin_valid("9780115531447") and not gtin_valid("0000000000000") and not gtin_valid("12345")
