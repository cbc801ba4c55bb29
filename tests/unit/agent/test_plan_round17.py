"""The matcher's round-17 mechanisms, each on a small CSV written here, asserting what the user sees in the plan (the
mapping, or the question with the right column in it). Files of the held-out test and dev15 splits are never used.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, named_in_questions, plan_text, question_about

COMPANIES = TEMPLATES["companies"]
PEOPLE = TEMPLATES["people"]
EMPLOYEES = REAL_TEMPLATES["employees"]


def test_a_bare_id_beside_other_records_ids_is_the_records_own(tmp_path: Path) -> None:
    # Given: clients whose 'id' sits beside the id of the organisation they belong to
    text = (
        "id,name,organization_id\n"
        "3f1c9a2e-0001,Big Company,9d2e7b10-aaaa\n3f1c9a2e-0002,Small Company,9d2e7b10-aaaa\n"
        "3f1c9a2e-0003,Other Company,9d2e7b10-bbbb\n"
    )
    plan = plan_text(tmp_path, text, COMPANIES)
    # Then: 'id' is applied as the company's id and no question asks about it
    assert applied_sources(plan).get("external_id") == ["id"]
    assert "organization_id" not in applied_sources(plan).get("external_id", [])
    assert not any(q.field == "external_id" for q in plan.questions)


def test_a_login_name_is_offered_after_another_key_candidate(tmp_path: Path) -> None:
    # Given: people with a login name and a student number
    text = (
        "username,studentid,email,firstname,lastname\n"
        "kevin01,1001,kevin@example.com,Kevin,Ex\njenny01,1002,jenny@example.com,Jenny,Ex\n"
        "dow01,1003,dow@example.com,Dow,Ex\nbob01,1004,bob@example.com,Bob,Ex\n"
    )
    plan = plan_text(tmp_path, text, PEOPLE)
    # Then: the login name is not applied; the question about the person's id offers the student number first
    assert "external_id" not in applied_sources(plan)
    assert question_about(plan, "external_id")[0] == "'studentid'"
    assert named_in_questions(plan, "username")
