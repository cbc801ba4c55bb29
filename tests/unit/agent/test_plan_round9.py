"""The matcher's round-9 mechanisms, each on a small CSV written here or on a train-split file of bench/mapping/real
that shows its class, asserting what the user sees in the plan (the mapping, or the question with the right column
first) and what an answer changes. Files of the held-out test and dev8 splits are never used here.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES
from ferry.agent.planner import HeuristicPlanner, Plan
from ferry.core.outcomes import Answer, Question
from tests.unit.agent.helpers import CONTACTS, applied_sources, named_in_questions, plan_real_file, plan_text


def _asking(plan: Plan, column: str) -> Question:
    """The one question whose options name the column."""
    found = [q for q in plan.questions if any(f"'{column}'" in o.label for o in q.options)]
    assert len(found) == 1, [q.question for q in plan.questions]
    return found[0]


def test_a_stage_column_of_status_values_is_asked_about_not_left_out(tmp_path: Path) -> None:
    # Given: contacts whose 'Stage' holds the template's status values (lead/customer/churned); 'stage' is a kindred
    # concept of 'status', so the values alone may not apply it
    text = "Email,First Name,Stage\na@x.com,Ann,lead\nb@x.com,Bob,customer\nc@x.com,Cy,lead\nd@x.com,Di,churned\n"
    plan = plan_text(tmp_path, text, CONTACTS)
    # Then: not applied, but asked, with 'Stage' as the answer one click away...
    assert "status" not in applied_sources(plan)
    question = _asking(plan, "Stage")
    assert question.options[0].label == "Yes, map 'Stage' to status"
    # ...and a yes maps it
    answered = HeuristicPlanner().answer(plan, [Answer(question_id=question.id, option_id="opt_1")])
    assert applied_sources(answered)["status"] == ["Stage"]


def test_a_qualified_status_header_is_asked_not_applied() -> None:
    # Given: Part-DB's parts, whose 'manufacturing_status' of 'active' is the state of the part's production, not of
    # the product record (train split)
    plan = plan_real_file("part-db/part_import_example.csv", "train")
    # Then: state words fit many vocabularies, so the values do not confirm it: asked, the column first
    assert "status" not in applied_sources(plan)
    assert _asking(plan, "manufacturing_status").options[0].label == "'manufacturing_status'"


def test_a_narrower_kind_of_phone_is_no_sure_choice_over_the_plain_one(tmp_path: Path) -> None:
    # Given: contacts (one phone field) with a mobile and a fixed-line number
    text = (
        "email,mobilePhone,fixedPhone\n"
        "a@x.com,06.75.77.83.12,03.32.87.70.12\nb@x.com,06.14.35.90.34,04.43.32.28.34\n"
        "c@x.com,06.41.61.22.56,04.35.79.88.56\n"
    )
    plan = plan_text(tmp_path, text, CONTACTS)
    # Then: the mobile number is not applied as the phone; 'fixedPhone' names the fixed-line phone, the plain one
    # (round 22's lexicon), so it is the phone, without a question
    assert applied_sources(plan)["phone"] == ["fixedPhone"]
    assert not named_in_questions(plan, "mobilePhone")


def test_the_primary_value_beats_the_list_it_was_picked_from(tmp_path: Path) -> None:
    # Given: products with 'Primary Category' and 'Categories' (a comma-separated list), one category field
    text = (
        "SKU,Name,Primary Category,Categories\n"
        'p-1,Chair,Furniture,"Furniture, Office"\np-2,Lamp,Lighting,"Lighting, Office"\n'
        'p-3,Desk,Furniture,"Furniture, Office, Sale"\n'
    )
    plan = plan_text(tmp_path, text, REAL_TEMPLATES["products"])
    # Then: the primary category is the product's category, applied without a question
    assert applied_sources(plan)["category"] == ["Primary Category"]
    assert not named_in_questions(plan, "Primary Category")


def test_an_empty_name_column_is_not_split_while_a_filled_one_is_there(tmp_path: Path) -> None:
    # Given: a member export whose 'displayname' is empty and whose 'fullname' holds handles
    text = "email,fullname,displayname\na@x.com,user4.test,\nb@x.com,user5.test,\nc@x.com,user6.test,\n"
    plan = plan_text(tmp_path, text, REAL_TEMPLATES["employees"])
    # Then: nothing is split from the empty column; splitting 'fullname' is asked, once
    assert "first_name" not in applied_sources(plan)
    assert _asking(plan, "fullname").question == "Should 'fullname' be split into the first and the last name?"
    assert not named_in_questions(plan, "displayname")


def test_full_names_without_a_header_row_are_one_split_question(tmp_path: Path) -> None:
    # Given: a headerless user list (username, email, full name)
    text = "billy.bob, billy.bob@example.com, Billy Bob Jr.\nbilly.joe, billy.joe@example.com, Billy Joe Jr.\n"
    plan = plan_text(tmp_path, text, REAL_TEMPLATES["employees"])
    # Then: one question offers to split the names (not one which-column question per name part)...
    question = _asking(plan, "Billy Bob Jr.")
    assert question.question == "Should 'Billy Bob Jr.' be split into the first and the last name?"
    # ...and a yes fills both parts from it
    answered = HeuristicPlanner().answer(plan, [Answer(question_id=question.id, option_id="opt_1")])
    assert applied_sources(answered)["first_name"] == ["Billy Bob Jr."]
    assert applied_sources(answered)["last_name"] == ["Billy Bob Jr."]


def test_the_header_that_spells_the_fields_label_is_its_key_not_a_bare_id(tmp_path: Path) -> None:
    # Given: customers with a database 'id' and a 'customer_number' (the template labels customer_id 'Customer number')
    text = (
        "id,customer_number,first_name,email\n"
        "0a1dea4bd2de43929ac210fd17339dde,10000,Cleta,c@x.com\n7f3e2b1c9d8a4e6f8a1b2c3d4e5f6a7b,10001,Rae,r@x.com\n"
        "5c4b3a291807f6e5d4c3b2a190817263,10002,Ian,i@x.com\n"
    )
    plan = plan_text(tmp_path, text, REAL_TEMPLATES["customers"])
    # Then: the customer number is the key, applied; the two are no choice to put to the person
    assert applied_sources(plan)["customer_id"] == ["customer_number"]
    assert not named_in_questions(plan, "customer_number")


def test_yes_no_flags_are_neither_a_key_nor_a_choice_for_a_yes_no_field(tmp_path: Path) -> None:
    # Given: partners with 'isCustomer', 'isContact', 'isSupplier' flags beside an 'importId'
    text = (
        "importId,name,email,isCustomer,isContact,isSupplier\n"
        "20,Acme,a@x.com,true,false,true\n21,Globex,g@x.com,false,true,false\n22,Initech,i@x.com,true,false,false\n"
    )
    plan = plan_text(tmp_path, text, REAL_TEMPLATES["customers"])
    # Then: no flag is offered as the customer's number, and flags that fit the opt-in on their values alone are not
    # put to the person as a choice
    for flag in ("isCustomer", "isContact", "isSupplier"):
        assert not any(f"'{flag}'" in o.label for q in plan.questions if "customer_id" in q.id for o in q.options)
    assert not any("marketing_opt_in" in q.id for q in plan.questions)


def test_a_records_name_in_its_description_column_is_offered_for_the_name() -> None:
    # Given: FacturaScripts' products, whose 'descripcion' holds the product names ('Alquiler de oficina/local') and
    # no column names the required product name (train split)
    plan = plan_real_file("facturascripts/productos.csv", "train")
    # Then: the titles are not applied as the description; the name question offers 'descripcion' first
    assert "description" not in applied_sources(plan)
    question = _asking(plan, "descripcion")
    assert question.options[0].label == "'descripcion'"
    answered = HeuristicPlanner().answer(plan, [Answer(question_id=question.id, option_id="opt_1")])
    assert applied_sources(answered)["name"] == ["descripcion"]


def test_a_bare_name_beside_a_first_name_column_is_the_last_name(tmp_path: Path) -> None:
    # Given: leads whose 'name' holds single upper-case surnames beside a 'firstName' column ('Nom' beside 'Prénom')
    text = (
        "email,name,firstName\n"
        "j.roger@example.com,ROGER,Jean-Marc\nb.hubert@example.com,HUBERT,Bastien\nc.morel@example.com,MOREL,Claire\n"
    )
    plan = plan_text(tmp_path, text, CONTACTS)
    # Then: the bare name is the last name, applied beside the first name without a question
    assert applied_sources(plan)["last_name"] == ["name"]
    assert applied_sources(plan)["first_name"] == ["firstName"]
    assert not named_in_questions(plan, "name")
