"""Issue 12, class 1 (round 8): a header that names its field outright is mapped even when the values disagree, and
the person is asked to confirm; whole numbers under a header naming a field of words ('address', 'country') are ids
into another table, never mapped without a question."""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import plan_text


def test_a_website_header_over_company_names_is_mapped_and_the_person_asked(tmp_path: Path) -> None:
    # Given: a company list whose 'Website' column holds names, not addresses (the export put the wrong thing there)
    csv = "Company Name,Website,City\nAcme Corp,Acme,Berlin\nGlobex,Globex Group,Paris\nInitech,Initech Ltd,Austin\n"
    plan = plan_text(tmp_path, csv, TEMPLATES["companies"])
    # Then: website comes from 'Website', and a question asks the person to confirm it
    mapped = {m["field"]: m["source"]["column"] for m in plan.mappings if m["source"]}
    assert mapped["website"] == "Website"
    (question,) = [q for q in plan.questions if q.id.endswith(".q_website_conflict")]
    assert question.options[0].label == "Yes, map 'Website' to website"


def test_whole_numbers_under_an_address_header_are_not_mapped_to_the_street(tmp_path: Path) -> None:
    # Given: an ERP partner export whose 'address' holds ids into its address table
    csv = (
        "name,email,address\nAPOLLO,info@apollo.example,62\nMICHEL,l.michel@apollo.example,62\n"
        "BOURGEOIS,b@x.example,13002\n"
    )
    plan = plan_text(tmp_path, csv, REAL_TEMPLATES["customers"])
    # Then: street is not filled from it; the person is asked whether 'address' is the street
    assert "street" not in {m["field"] for m in plan.mappings if m["source"]}
    (question,) = [q for q in plan.questions if q.id.endswith(".q_street_conflict")]
    assert question.options[0].label == "Yes, map 'address' to street"
