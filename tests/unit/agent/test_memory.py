"""Mapping memory, the pure part: which column a memory is about (header and value signature), what an executed
recipe confirmed, and a plan with remembered columns applied (the displaced column released, questions dropped)."""

from __future__ import annotations

from typing import Any

from ferry.agent.bedrock import model_confidence
from ferry.agent.memory import (
    REMEMBERED_CONFIDENCE,
    Remembered,
    column_key,
    confirmed_mappings,
    remembered_recipe,
    value_kind,
    value_signature,
)
from ferry.agent.planner import HeuristicPlanner, Plan
from ferry.core.domain import ColumnManifest, FileManifest, SheetManifest
from ferry.core.outcomes import Answer
from ferry.recipe import FieldRecipe, Recipe
from tests.unit.agent.helpers import CONTACTS, sheet

TRIM = [{"op": "trim"}, {"op": "null_tokens", "tokens": None}]


def _manifest(one: SheetManifest) -> dict[str, FileManifest]:
    return {"f1": FileManifest(format="csv", size_bytes=100, sheets=[one])}


def _column(name: str, samples: list[str], header: str | None = None) -> ColumnManifest:
    return ColumnManifest(name=name, header=name if header is None else header, samples=samples, filled=len(samples))


def _memory(
    header: str, signature: str, field: str, ops: list[dict[str, Any]] | None = None, **extra: Any
) -> Remembered:
    values: dict[str, Any] = {
        "memory_id": f"mem_{field}",
        "sheet_id": "contacts",
        "field": field,
        "normalized_header": column_key(header),
        "value_signature": signature,
        "ops": TRIM if ops is None else ops,
        "migration_id": "mig_a",
        "migration_name": "Acme",
        "confirmed_at": "2026-01-01T00:00:00.000Z",
    }
    return Remembered.model_validate({**values, **extra})


def _mapping(plan: Plan, field: str) -> dict[str, Any]:
    return next(m for m in plan.mappings if m["field"] == field)


def _unmapped(plan: Plan) -> list[str]:
    return [c["column"] for c in plan.unmapped_columns]


# ------------------------------------------------------------------------------------------ the column


def test_the_signature_is_the_kind_most_values_are_whatever_their_order() -> None:
    emails = ["a@x.com", "b@y.org", "not given", "c@z.de"]
    # Then: the same values in another order, or other values of the same kind, sign the same
    assert value_signature(_column("c", emails)) == value_signature(_column("c", emails[::-1])) == "email"
    assert value_signature(_column("c", ["x@q.io", "y@q.io"])) == "email"
    # And: the same header with other kinds of values signs differently
    assert value_signature(_column("id", ["1001", "1002", "1003"])) == "number"
    assert value_signature(_column("id", ["AB-1", "CD-2"])) == "text"
    assert value_signature(_column("id", ["2024-01-31", "31/01/2024", "Jan 5, 2024"])) == "date"
    assert value_signature(_column("id", ["+49 30 1234567", "(415) 555-0100"])) == "phone"
    assert value_signature(_column("id", ["https://acme.com", "www.example.org"])) == "url"
    assert value_signature(_column("id", ["yes", "no"])) == "boolean"
    assert value_signature(_column("id", ["a@x.com", "12", "2024-01-01", "Bob"])) == "mixed"
    assert value_signature(_column("id", [])) == "empty"
    assert value_signature(_column("id", ["  ", ""])) == "empty"


def test_value_kinds() -> None:
    assert [value_kind(v) for v in ["1,234.50", "-3", "12%", "$ 9.99", "0049 30 123456"]] == [
        "number",
        "number",
        "number",
        "number",
        "phone",
    ]
    assert [value_kind(v) for v in ["Lovelace", "J. Smith", "Mr.Smith", "mailto:a@b.co"]] == [
        "text",
        "text",
        "text",
        "email",
    ]


def test_the_header_is_compared_as_the_matcher_normalises_it() -> None:
    assert column_key("E-Mail") == column_key("email") == "email"
    assert column_key("Last_Name") == column_key("LastName") == "last name"
    assert column_key("zz_fam") == "zz fam"
    assert column_key("Название") == "название"  # no Latin letters: folded words, never empty


# ------------------------------------------------------------------------------------------ recording


def test_an_executed_recipe_confirms_every_field_that_reads_a_column_with_values() -> None:
    # Given: a recipe with a column field, a constant, a field reading an empty column, one reading a column
    # whose header cell was blank, and a full name split into two fields
    contacts = SheetManifest(
        sheet_id="sheet_1",
        name="contacts",
        columns=[
            _column("zz_fam", ["Lovelace", "Hopper"]),
            _column("Fax", []),
            _column("column_3", ["x", "y"], header=""),
            _column("Full Name", ["Ada Lovelace", "Grace Hopper"]),
        ],
        row_count=2,
        header_row=0,
    )
    recipe = Recipe.model_validate(
        {
            "templates": [
                {
                    "sheet_id": "contacts",
                    "source": {"file_id": "f1", "sheet_id": "sheet_1"},
                    "fields": [
                        {"field": "last_name", "column": "zz_fam", "ops": TRIM},
                        {"field": "status", "column": None, "ops": [{"op": "default", "value": "lead"}]},
                        {"field": "phone", "column": "Fax", "ops": TRIM},
                        {"field": "company", "column": "column_3", "ops": []},
                        {"field": "first_name", "column": "Full Name", "ops": [{"op": "split_name", "part": "first"}]},
                        {"field": "email", "column": None, "ops": []},
                    ],
                }
            ]
        }
    )
    # When: its confirmed mappings are read
    confirmed = confirmed_mappings(recipe, [CONTACTS], {("f1", "sheet_1"): contacts})
    # Then: only the fields reading a named column with values, each with its column's key and its ops
    assert [(c.field, c.header, c.normalized_header, c.value_signature) for c in confirmed] == [
        ("last_name", "zz_fam", "zz fam", "text"),
        ("first_name", "Full Name", "full name", "text"),
    ]
    assert confirmed[0].ops == TRIM and confirmed[0].template == "Contacts" and confirmed[0].sheet_id == "contacts"
    assert confirmed[1].ops == [{"op": "split_name", "part": "first"}]


# ------------------------------------------------------------------------------------------ applying


def _people_sheet() -> SheetManifest:
    return sheet(
        {
            "Surname": ["Schmidt", "Smith", "Berg"],
            "zz_fam": ["Lovelace", "Hopper", "Noether"],
            "E-mail": ["anna@x.de", "john@y.com", "marie@z.fr"],
            "Signup Date": ["03/04/2024", "05/06/2023"],
        }
    )


def test_a_remembered_column_takes_its_field_and_releases_the_matchers_pick() -> None:
    planner = HeuristicPlanner()
    manifests = _manifest(_people_sheet())
    before = planner.generate(manifests, [CONTACTS])
    assert _mapping(before, "last_name")["source"]["column"] == "Surname"
    assert [q.id for q in before.questions] == ["contacts.q_created_at_date_order"]
    # When: the account remembers zz_fam as last_name, and the signup dates as day-first created_at
    dmy = [*TRIM, {"op": "parse_date", "order": "DMY"}]
    memory = [_memory("zz_fam", "text", "last_name"), _memory("Signup Date", "date", "created_at", dmy)]
    plan = planner.generate(manifests, [CONTACTS], memory=memory)
    # Then: zz_fam is last_name with the remembered ops, at high confidence, saying where it was confirmed
    last_name = _mapping(plan, "last_name")
    assert last_name["source"] == {"file_id": "f1", "sheet_id": "sheet_1", "column": "zz_fam"}
    assert last_name["confidence"] == REMEMBERED_CONFIDENCE
    assert last_name["rationale"] == "as confirmed in migration Acme"
    assert last_name["transform"] == TRIM
    # And: the column the matcher had chosen is released, listed as unmapped
    assert "Surname" in _unmapped(plan) and "zz_fam" not in _unmapped(plan)
    # And: the question about the remembered date field is dropped; its order is the remembered one
    assert plan.questions == []
    created = next(f for f in plan.recipe.templates[0].fields if f.field == "created_at")
    assert created.column == "Signup Date" and [op.model_dump() for op in created.ops][-1]["order"] == "DMY"
    # And: the rest is the matcher's, and the plan reads the same after a (no-)answer and through its JSON
    assert _mapping(plan, "email") == _mapping(before, "email")
    again = planner.answer(Plan.model_validate(plan.model_dump(mode="json", by_alias=True)), [])
    assert (again.recipe, again.mappings, again.unmapped_columns) == (plan.recipe, plan.mappings, plan.unmapped_columns)


def test_a_field_the_matcher_gave_a_remembered_column_is_released() -> None:
    # Given: memory says Surname is the company (however odd), which the matcher read as last_name
    plan = HeuristicPlanner().generate(
        _manifest(_people_sheet()), [CONTACTS], memory=[_memory("Surname", "text", "company")]
    )
    # Then: company reads Surname, last_name reads nothing and says why
    assert _mapping(plan, "company")["source"]["column"] == "Surname"
    last_name = _mapping(plan, "last_name")
    assert last_name["source"] is None and last_name["confidence"] == 0.0
    assert last_name["rationale"] == "not mapped: 'Surname' is company, as confirmed in migration Acme"
    assert "Surname" not in _unmapped(plan)


def test_memory_applies_only_to_the_same_header_with_the_same_kind_of_values_in_its_template() -> None:
    planner = HeuristicPlanner()
    manifests = _manifest(_people_sheet())
    plain = planner.generate(manifests, [CONTACTS])
    for memory in (
        _memory("zz_fam", "number", "last_name"),  # the same header held numbers
        _memory("zz_family", "text", "last_name"),  # another header
        _memory("zz_fam", "text", "last_name", sheet_id="companies"),  # another template
        _memory("zz_fam", "text", "nickname"),  # a field the template no longer has
        _memory("zz_fam", "text", "last_name", ops=[{"op": "coalesce", "columns": ["Maiden Name"]}]),  # not here
    ):
        assert planner.generate(manifests, [CONTACTS], memory=[memory]).mappings == plain.mappings, memory


def test_the_later_confirmation_wins_when_two_columns_were_confirmed_for_one_field() -> None:
    older = _memory("Surname", "text", "last_name", memory_id="mem_1", confirmed_at="2026-01-01T00:00:00.000Z")
    newer = _memory("zz_fam", "text", "last_name", memory_id="mem_2", confirmed_at="2026-02-01T00:00:00.000Z")
    plan = HeuristicPlanner().generate(_manifest(_people_sheet()), [CONTACTS], memory=[newer, older])
    assert _mapping(plan, "last_name")["source"]["column"] == "zz_fam"
    assert "Surname" in _unmapped(plan)


def test_a_split_full_name_is_remembered_for_both_fields() -> None:
    one = sheet({"Kontakt": ["Ada Lovelace", "Grace Hopper"], "E-mail": ["a@x.de", "b@y.com"]})
    memory = [
        _memory("Kontakt", "text", "first_name", [{"op": "split_name", "part": "first"}]),
        _memory("Kontakt", "text", "last_name", [{"op": "split_name", "part": "last"}]),
    ]
    plan = HeuristicPlanner().generate(_manifest(one), [CONTACTS], memory=memory)
    fields = {f.field: f for f in plan.recipe.templates[0].fields}
    assert fields["first_name"].column == fields["last_name"].column == "Kontakt"
    assert [op.model_dump() for op in fields["last_name"].ops] == [{"op": "split_name", "part": "last"}]


def test_a_model_recipe_takes_the_remembered_fields() -> None:
    # Given: the matcher's plan with memory applied, and a model's recipe that read zz_fam as the company
    manifests = _manifest(_people_sheet())
    heuristic = HeuristicPlanner().generate(manifests, [CONTACTS], memory=[_memory("zz_fam", "text", "last_name")])
    model = Recipe.model_validate(
        {
            "templates": [
                {
                    "sheet_id": "contacts",
                    "source": {"file_id": "f1", "sheet_id": "sheet_1"},
                    "fields": [
                        {"field": "last_name", "column": "Surname", "ops": TRIM},
                        {"field": "company", "column": "zz_fam", "ops": TRIM},
                        {"field": "email", "column": "E-mail", "ops": TRIM},
                    ],
                }
            ]
        }
    )
    # When: memory is applied to it
    fields = {f.field: f for f in remembered_recipe(model, heuristic.matches).templates[0].fields}
    # Then: last_name reads zz_fam as remembered, the company reads nothing, the rest is the model's
    assert fields["last_name"] == FieldRecipe.model_validate({"field": "last_name", "column": "zz_fam", "ops": TRIM})
    assert fields["company"].column is None and fields["email"].column == "E-mail"
    # And: its confidence and rationale are memory's
    last_name = heuristic.matches[0].match.match_for("last_name")
    assert model_confidence(["zz_fam"], last_name) == (REMEMBERED_CONFIDENCE, "as confirmed in migration Acme")


def test_no_memory_changes_nothing() -> None:
    planner = HeuristicPlanner()
    manifests = _manifest(_people_sheet())
    assert planner.generate(manifests, [CONTACTS], memory=[]) == planner.generate(manifests, [CONTACTS])
    plan = planner.generate(manifests, [CONTACTS], memory=[_memory("zz_fam", "text", "last_name")])
    answered = planner.answer(plan, [Answer(question_id="contacts.q_nothing", option_id="opt_1")])
    assert _mapping(answered, "last_name")["source"]["column"] == "zz_fam"
