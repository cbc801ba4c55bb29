"""The matcher's round-12 mechanisms, each on a small CSV written here, asserting what the user sees in the plan (the
mapping, or the question naming the column). Files of the held-out test and dev10 splits are never used here.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES
from tests.unit.agent.helpers import applied_sources, named_in_questions, plan_text

EMPLOYEES = REAL_TEMPLATES["employees"]
SUBSCRIBERS = REAL_TEMPLATES["subscribers"]
ASSETS = REAL_TEMPLATES["assets"]
PRODUCTS = REAL_TEMPLATES["products"]


def test_an_access_role_is_no_job_title(tmp_path: Path) -> None:
    # Given: members to invite, each with an app permission 'Role'
    text = "Full Name,Email Address,Role\nAda Park,ada@x.com,Owner\nBo Chen,bo@x.com,Member\nCy Diaz,cy@x.com,Billing\n"
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: the role does not fill the job title
    assert "job_title" not in applied_sources(plan)


def test_a_job_position_is_the_job_title_beside_a_job_role(tmp_path: Path) -> None:
    # Given: an HR import with a 'Job Position' and a finer 'Job Role' under it
    text = (
        "First Name,Last Name,Job Position,Job Role\n"
        "Ada,Park,Engineer,Backend\nBo,Chen,Designer,Brand\nCy,Diaz,Engineer,Frontend\n"
    )
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: the position is the job title
    assert applied_sources(plan)["job_title"] == ["Job Position"]


def test_a_badge_id_is_the_employee_number(tmp_path: Path) -> None:
    # Given: employees keyed by the number on their badge
    text = "Badge ID,First Name,Last Name\nB-1001,Ada,Park\nB-1002,Bo,Chen\nB-1003,Cy,Diaz\n"
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: it fills employee_id
    assert applied_sources(plan)["employee_id"] == ["Badge ID"]


def test_the_one_list_a_subscriber_file_came_from_is_no_tag(tmp_path: Path) -> None:
    # Given: a subscriber export naming the list it came from, and a list status beside the global one
    text = (
        "Email,First name,List status,Global status,List\n"
        "a@x.com,Ada,subscribed,subscribed,Newsletter\nb@x.com,Bo,subscribed,unsubscribed,Newsletter\n"
        "c@x.com,Cy,subscribed,subscribed,Newsletter\n"
    )
    plan = plan_text(tmp_path, text, SUBSCRIBERS)
    sources = applied_sources(plan)
    # Then: 'List' fills no tags, and the global status is the subscriber's status
    assert "tags" not in sources
    assert sources["status"] == ["Global status"]


def test_lists_a_subscriber_is_on_are_tags(tmp_path: Path) -> None:
    # Given: contacts with the lists each is on
    text = "Email,Lists\na@x.com,Weekly;Offers\nb@x.com,Weekly\nc@x.com,Offers\n"
    plan = plan_text(tmp_path, text, SUBSCRIBERS)
    # Then: the plural still fills tags
    assert applied_sources(plan)["tags"] == ["Lists"]


def test_purchase_words_of_a_home_inventory(tmp_path: Path) -> None:
    # Given: items with where and when they were bought, and a misspelt model number
    text = (
        "Name,Mode Number,Purchase From,Purchased Time\n"
        "Switch,ZEN17,Amazon,2021-03-04\nSensor,ZSE18,Home Depot,2022-06-01\nPlug,ZEN15,Amazon,2020-11-20\n"
    )
    plan = plan_text(tmp_path, text, ASSETS)
    sources = applied_sources(plan)
    # Then: the seller is the supplier, the time the purchase date, and the typo still the model number
    assert sources["supplier"] == ["Purchase From"]
    assert sources["purchase_date"] == ["Purchased Time"]
    assert sources["model_number"] == ["Mode Number"]


def test_a_record_label_is_no_tag(tmp_path: Path) -> None:
    # Given: products whose own name is headed 'item label'
    text = "item code,item label,Price\nA1,Blue mug,4.50\nA2,Red mug,4.50\nA3,Green mug,5.00\n"
    plan = plan_text(tmp_path, text, PRODUCTS)
    # Then: the label is the product's name, not its tags
    sources = applied_sources(plan)
    assert sources["name"] == ["item label"]
    assert "tags" not in sources


def test_ids_under_the_bare_name_of_a_text_field_are_asked(tmp_path: Path) -> None:
    # Given: assets whose 'model' holds small ids of a model list kept elsewhere
    text = "sn,model,warehouse\nSN-1,1,2\nSN-2,1,2\nSN-3,2,1\n"
    plan = plan_text(tmp_path, text, ASSETS)
    # Then: the ids are not applied as the model, and the person is asked about them
    assert "model" not in applied_sources(plan)
    assert named_in_questions(plan, "model")
