"""The matcher's round-33 mechanisms, on small CSVs written here: the classes behind the blind dev23 split's wrong
pairs and drops (dev23's files are not used here). A bare 'Group' of '|'-separated memberships is no department; a
plural 'tags' of free labels is no asset tag; 'template' of a few repeated kinds is offered for the category; a product
'title' of short distinct titles is the product's name; a system prefix on every header ('src_') is noise. Near
neighbours that must not change stay as they were. Asserts what the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, named_in_questions, plan_text, question_about

ALL = {**TEMPLATES, **REAL_TEMPLATES}
EMPLOYEES = ALL["employees"]
ASSETS = ALL["assets"]  # an asset tag (one code), no tags field
PRODUCTS = ALL["products"]  # a name and a description, no title of its own
COMPANIES = ALL["companies"]  # a name, no field a 'src' (a lead's source) names
TICKETS = ALL["tickets"]  # a subject: the title of a ticket


def _people(last: str) -> str:
    rows = [
        ("Mara", "Lind", "mara@corp.example"),
        ("Ivo", "Berg", "ivo@corp.example"),
        ("Tess", "Holm", "tess@corp.example"),
    ]
    return "\n".join(f"{f},{n},{e},{x}" for (f, n, e), x in zip(rows, last.split(","), strict=True)) + "\n"


def test_a_bare_group_of_several_memberships_is_no_department(tmp_path: Path) -> None:
    # Given: 'Group' holds '|'-separated lists of the groups each login belongs to
    text = "First Name,Last Name,Email,Group\n" + _people("Editors|Viewers,Owners|Editors,Viewers|Guests")
    applied = applied_sources(plan_text(tmp_path, text, EMPLOYEES))
    # Then: a person has one department; several groups per row are memberships, not applied as it
    assert "department" not in applied


def test_a_bare_group_of_one_unit_each_stays_the_department(tmp_path: Path) -> None:
    # Near neighbour: one unit's name per row under the same bare header
    text = "First Name,Last Name,Email,Group\n" + _people("Finance,Logistics,Finance")
    assert applied_sources(plan_text(tmp_path, text, EMPLOYEES)).get("department") == ["Group"]


_DEVICES = "name,serial,tags,{kind}\nRouter A,SN-1001,,Edge Router\nRouter B,SN-1002,,Edge Router\n"
_DEVICES += "Switch C,SN-1003,,Access Switch\nSwitch D,SN-1004,,Access Switch\nSwitch E,SN-1005,,Access Switch\n"


def test_plural_tags_are_no_asset_tag(tmp_path: Path) -> None:
    # Given: an empty 'tags' column on an assets template, whose asset tag is one code per asset
    applied = applied_sources(plan_text(tmp_path, _DEVICES.format(kind="model kind"), ASSETS))
    # Then: free labels, several per asset, are not applied as the asset's tag
    assert "asset_tag" not in applied


def test_asset_tag_by_its_own_name_stays_applied(tmp_path: Path) -> None:
    # Near neighbour: the field's own name, empty too
    text = _DEVICES.replace(",tags,", ",asset tag,").format(kind="model kind")
    assert applied_sources(plan_text(tmp_path, text, ASSETS)).get("asset_tag") == ["asset tag"]


def test_tags_stay_tags_where_the_template_has_them(tmp_path: Path) -> None:
    # Near neighbour: a tickets template has a field for free labels
    text = "subject,tags\nPrinter jams,hardware|office\nVPN drops,network\nMail bounces,mail|network\n"
    assert applied_sources(plan_text(tmp_path, text, TICKETS)).get("tags") == ["tags"]


def test_a_template_of_repeated_kinds_is_offered_for_the_category(tmp_path: Path) -> None:
    # Given: 'template' holds two kinds, repeated down five devices
    plan = plan_text(tmp_path, _DEVICES.format(kind="template"), ASSETS)
    # Then: the category question offers it first
    assert "category" not in applied_sources(plan)
    assert "'template'" in question_about(plan, "category")[0]


def test_a_template_of_one_value_per_row_is_not_offered(tmp_path: Path) -> None:
    # Near neighbour: one distinct file name per row is no classification
    text = "name,serial,template\nRouter A,SN-1,edge-a.cfg\nRouter B,SN-2,edge-b.cfg\nSwitch C,SN-3,access-c.cfg\n"
    assert not named_in_questions(plan_text(tmp_path, text, ASSETS), "template")


_BOOKS = (
    "id,title,summary,stock,price\n"
    "11,The Glass Orchard,A family saga spanning three generations of fruit growers in a northern valley.,4,12.50\n"
    "12,Salt and Lanterns,A coastal mystery in which a harbour master vanishes on the night of a storm.,9,9.99\n"
    "13,Quiet Engines,Essays on the machines that keep a small town running through the winter months.,2,15.00\n"
)


def test_a_products_title_of_distinct_titles_is_its_name(tmp_path: Path) -> None:
    # Given: a product template with a name and no title field; 'title' holds short distinct titles
    applied = applied_sources(plan_text(tmp_path, _BOOKS, PRODUCTS))
    # Then: the title is the product's name
    assert applied.get("name") == ["title"]
    assert applied.get("description") != ["title"]


def test_a_title_of_job_titles_on_companies_is_no_name(tmp_path: Path) -> None:
    # Near neighbour: a company's contact's job, under a bare 'title'
    text = "website,title,phone\nacme.example,Sales Manager,+1 555 0100\nglobex.example,Chief Engineer,+1 555 0101\n"
    text += "initech.example,Office Administrator,+1 555 0102\n"
    assert "name" not in applied_sources(plan_text(tmp_path, text, COMPANIES))


def test_a_title_on_tickets_stays_the_subject(tmp_path: Path) -> None:
    # Near neighbour: a template with a subject reads 'title' as it did
    text = "title,description\nPrinter jams,The office printer jams on every page.\nVPN drops,The VPN drops hourly.\n"
    assert applied_sources(plan_text(tmp_path, text, TICKETS)).get("subject") == ["title"]


_ACCOUNTS = "Northwind Traders,Seattle,bill\nContoso Ltd,Redmond,ship\n"
_ACCOUNTS += "Tailspin Toys,Tacoma,bill\nLitware Inc,Everett,ship\n"


def test_a_system_prefix_on_every_header_is_noise(tmp_path: Path) -> None:
    # Given: every header starts 'src_' (an import map's source columns); 'src' names no field of a company
    applied = applied_sources(plan_text(tmp_path, "src_name,src_city,src_kind\n" + _ACCOUNTS, COMPANIES))
    # Then: the word after the prefix names the field
    assert applied.get("name") == ["src_name"]


def test_a_prefix_on_some_headers_only_stays(tmp_path: Path) -> None:
    # Near neighbour: 'src_' on one header of three is that column's own word (a lead's source)
    applied = applied_sources(plan_text(tmp_path, "src_name,city,kind\n" + _ACCOUNTS, COMPANIES))
    assert applied.get("name") != ["src_name"]
