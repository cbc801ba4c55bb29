"""The review of flagged rows: plain questions per group, a sensible proposed patch, and decisions."""

from __future__ import annotations

import pytest

from ferry.core.domain import Template
from ferry.core.errors import InvalidRequest
from ferry.core.outcomes import Answer
from ferry.imports.review import IssueCount, build_review, resolve_decision

CONTACTS = Template.model_validate(
    {
        "name": "Contacts",
        "sheet_id": "contacts",
        "fields": [
            {"key": "email", "type": "email", "required": True, "unique": True},
            {"key": "phone", "label": "Phone number", "type": "phone"},
            {"key": "status", "type": "enum", "values": ["lead", "customer"]},
            {"key": "name", "type": "string", "required": True},
        ],
    }
)


def _issue(column: str, rule: str, count: int, *samples: str) -> IssueCount:
    return IssueCount(sheet_id="contacts", column=column, rule=rule, count=count, samples=list(samples))


def test_each_group_is_one_plain_question_in_field_and_rule_order() -> None:
    issues = [
        _issue("name", "required", 2),
        _issue("email", "unique", 4, "a@x.com"),
        _issue("email", "type", 12, "nope", "x@"),
        _issue("phone", "type", 1, "12"),
        _issue("status", "enum", 3, "prospect"),
    ]
    review = build_review([CONTACTS], issues, set())
    assert review is not None
    by_id = {q.id: q for q in review.questions}
    assert list(by_id) == ["contacts.email.type", "contacts.email.unique", "contacts.phone.type",
                           "contacts.status.enum", "contacts.name.required"]  # fmt: skip
    assert by_id["contacts.email.type"].question == (
        "12 emails in Contacts are not valid email addresses — what should happen to them?"
    )
    assert by_id["contacts.email.unique"].question == (
        "4 rows in Contacts repeat an email that an earlier row already has — what should happen to them?"
    )
    assert by_id["contacts.phone.type"].question == (
        "1 phone number value in Contacts is not a valid phone number — what should happen to it?"
    )
    assert by_id["contacts.status.enum"].question == (
        "3 status values in Contacts are not one of the allowed values (lead, customer) — what should happen to them?"
    )
    assert by_id["contacts.name.required"].question == "2 rows in Contacts have no name — what should happen to them?"
    assert by_id["contacts.email.type"].details.model_dump() == {
        "sheet_id": "contacts", "column": "email", "affected_count": 12, "sample_values": ["nope", "x@"],
        "error": "type",
    }  # fmt: skip
    unique_context = by_id["contacts.email.unique"].context
    assert unique_context.startswith("Email must be unique across rows (compared ignoring case)")


def test_the_proposed_patch_dedups_repeats_clears_optional_cells_and_deletes_rows_missing_required_values() -> None:
    issues = [_issue("email", "unique", 4), _issue("phone", "type", 1), _issue("name", "required", 2),
              _issue("email", "type", 3)]  # fmt: skip
    review = build_review([CONTACTS], issues, set())
    assert review is not None
    actions = {a.question_id: (a.action, a.value, a.key_column) for a in review.proposed_patch.actions}
    assert actions == {
        "contacts.email.type": ("delete_invalid_rows", None, None),
        "contacts.email.unique": ("dedup_keep_first", None, "email"),
        "contacts.phone.type": ("set_value", "", None),
        "contacts.name.required": ("delete_invalid_rows", None, None),
    }
    options = {q.id: [o.id for o in q.options] for q in review.questions}
    assert options["contacts.email.unique"] == ["keep_first", "keep_flagged"]
    assert options["contacts.phone.type"] == ["clear_cells", "delete_rows", "keep_flagged"]
    assert options["contacts.name.required"] == ["delete_rows", "keep_flagged"]
    assert {q.id: q.allow_custom for q in review.questions}["contacts.email.unique"] is False
    assert review.proposed_patch.summary.startswith("Delete the 3 rows of Contacts whose email is not a valid email")


def test_kept_groups_are_not_asked_again_and_nothing_left_is_no_review() -> None:
    issues = [_issue("phone", "type", 1), _issue("email", "type", 3)]
    kept = {("contacts", "phone", "type")}
    review = build_review([CONTACTS], issues, kept)
    assert review is not None and [q.id for q in review.questions] == ["contacts.email.type"]
    assert build_review([CONTACTS], [_issue("phone", "type", 1)], kept) is None


def test_answers_override_the_proposed_patch_per_question() -> None:
    review = build_review([CONTACTS], [_issue("phone", "type", 1), _issue("status", "enum", 3)], set())
    assert review is not None
    actions = resolve_decision(
        review,
        [
            Answer(question_id="contacts.phone.type", option_id="delete_rows"),
            Answer(question_id="contacts.status.enum", custom=" customer "),
        ],
    )
    assert [(a.action, a.value) for a in actions] == [("delete_invalid_rows", None), ("set_value", "customer")]
    assert [(a.action, a.value) for a in resolve_decision(review, [])] == [("set_value", ""), ("set_value", "")]


@pytest.mark.parametrize(
    ("answer", "param"),
    [
        (Answer(question_id="contacts.nope.type", option_id="delete_rows"), "answers[0].question_id"),
        (Answer(question_id="contacts.email.unique", option_id="clear_cells"), "answers[0].option_id"),
        (Answer(question_id="contacts.email.unique", custom="x@y.com"), "answers[0].custom"),
    ],
)
def test_unknown_questions_options_and_custom_text_where_not_allowed_are_400(answer: Answer, param: str) -> None:
    review = build_review([CONTACTS], [_issue("email", "unique", 2)], set())
    assert review is not None
    with pytest.raises(InvalidRequest) as raised:
        resolve_decision(review, [answer])
    assert raised.value.extra["param"] == param


def test_a_question_answered_twice_is_400() -> None:
    review = build_review([CONTACTS], [_issue("phone", "type", 1)], set())
    assert review is not None
    twice = [Answer(question_id="contacts.phone.type", option_id="keep_flagged")] * 2
    with pytest.raises(InvalidRequest, match="answered twice"):
        resolve_decision(review, twice)
