"""What each row of shared/notes/agent-dialogues.md must do: the checks test_editor.py, test_clarify.py and the
phrasing benchmark (bench/language/run.py) share.

update: one predicate per row of the update table; it raises AssertionError when the `Edit` does not do what the
row requires. clarify: the recipe and preview each row is asked against, and what the answer must contain.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from ferry.recipe import Recipe
from ferry.recipe.clarify import answer_question
from ferry.recipe.editor import Edit, edit_recipe

from .dialogues import CONTACTS, FILE_ID, SHEET_ID, SHEETS, field_of, first_recipe, ops_of


def op(recipe: Recipe, key: str, name: str) -> dict[str, Any]:
    found = [o for o in ops_of(recipe, key) if o["op"] == name]
    assert found, f"{key} has no {name} op: {ops_of(recipe, key)}"
    return found[0]


def changed(e: Edit) -> Recipe:
    assert e.changed and e.recipe is not None, e.summary
    assert e.question is None and not e.revert
    assert e.recipe.version == 2
    e.recipe.validate_against([CONTACTS], SHEETS)
    assert e.summary.endswith(".") and "\n" not in e.summary
    return e.recipe


# --- what each row of the update table must do to the recipe -------------------------------------------


def email_from_website(e: Edit) -> None:
    r = changed(e)
    fill = op(r, "email", "fill_from")
    assert fill["column"] == "Website"
    assert [o["op"] for o in fill["ops"]] == ["trim", "url_to_domain", "affix"]
    local = fill["ops"][2]["prefix"]
    assert local.endswith("@") and local in e.summary  # the summary says which local part it used
    assert field_of(r, "email")["column"] == "E-mail"
    assert not r.templates[0].filters  # the row is kept


def phone_from_mobile(e: Edit) -> None:
    r = changed(e)
    assert field_of(r, "phone")["column"] == "Mobile"
    assert "Work Phone" not in r.templates[0].fields[3].source_columns()
    assert op(r, "phone", "phone_e164")
    assert "Mobile" in e.summary


def phone_falls_back_to_mobile(e: Edit) -> None:
    r = changed(e)
    assert field_of(r, "phone")["column"] == "Work Phone"
    assert op(r, "phone", "coalesce")["columns"] == ["Mobile"]


def notes_not_imported(e: Edit) -> None:
    assert not e.changed and e.recipe is None and e.question is None
    assert "Notes" in e.summary and "already" in e.summary


def dates_day_first(e: Edit) -> None:
    r = changed(e)
    parse = op(r, "created_at", "parse_date")
    assert parse["order"] == "DMY"
    assert not parse.get("formats") or all(f.index("%d") < f.index("%m") for f in parse["formats"])


def dates_dd_mm_yyyy(e: Edit) -> None:
    r = changed(e)
    parse = op(r, "created_at", "parse_date")
    assert parse["order"] == "DMY" and parse["formats"] == ["%d/%m/%Y"]


def names_split(e: Edit) -> None:
    r = changed(e)
    for key, part in (("first_name", "first"), ("last_name", "last")):
        assert field_of(r, key)["column"] == "Full Name"
        assert op(r, key, "split_name")["part"] == part


def status_translated(e: Edit) -> None:
    r = changed(e)
    mapping = op(r, "status", "map_values")["mapping"]
    assert mapping == {"Kunde": "customer", "Interessent": "lead"}


def rows_need_email(e: Edit) -> None:
    r = changed(e)
    assert [f.model_dump(exclude_none=True) for f in r.templates[0].filters] == [{"field": "email", "op": "not_null"}]


def first_row_per_email(e: Edit) -> None:
    r = changed(e)
    assert r.templates[0].dedup is not None
    assert r.templates[0].dedup.model_dump() == {"keys": ["email"], "keep": "first"}


def country_defaults_to_us(e: Edit) -> None:
    r = changed(e)
    assert field_of(r, "country")["column"] == "Land"
    assert ops_of(r, "country")[-1] == {"op": "default", "value": "US"}


def countries_translated(e: Edit) -> None:
    r = changed(e)
    mapping = op(r, "country", "map_values")["mapping"]
    assert mapping["Deutschland"] == "DE" and mapping["USA"] == "US"


def emails_lower_case(e: Edit) -> None:
    r = changed(e)
    assert op(r, "email", "case")["to"] == "lower"


def company_from_email_domain(e: Edit) -> None:
    r = changed(e)
    assert field_of(r, "company")["column"] == "Organization"
    fill = op(r, "company", "fill_from")
    assert fill["column"] == "E-mail" and [o["op"] for o in fill["ops"]] == ["trim", "url_to_domain"]


def lifecycle_test_dropped(e: Edit) -> None:
    r = changed(e)
    filters = [f.model_dump(exclude_none=True) for f in r.templates[0].filters]
    assert filters == [{"column": "Lifecycle", "op": "ne", "value": "test"}]


def created_at_from_signup(e: Edit) -> None:
    r = changed(e)
    assert field_of(r, "created_at")["column"] == "Signup Date"
    assert op(r, "created_at", "parse_date")


def phones_german(e: Edit) -> None:
    r = changed(e)
    assert op(r, "phone", "phone_e164")["region"] == "DE"
    assert "DE" in e.summary


def goes_back(e: Edit) -> None:
    assert e.revert and not e.changed and e.recipe is None and e.question is None


def template_decides(e: Edit) -> None:
    assert not e.changed and e.recipe is None and e.question is None
    assert "template" in e.summary and "email" in e.summary


def asks_where_notes_go(e: Edit) -> None:
    assert not e.changed and e.recipe is None
    assert e.question is not None and e.pending is not None and e.question.allow_custom
    labels = [o.label for o in e.question.options]
    assert labels == ["first_name", "last_name", "Don't import it"]  # the unmapped fields, and not importing
    assert "Notes" in e.question.question


def asks_what_was_meant(e: Edit) -> None:
    assert not e.changed and e.recipe is None
    assert e.question is not None and e.question.allow_custom and e.pending is not None
    assert "did not understand" in e.question.question


# The predicate of each row of the update table (row 5's phrasings may say either day-first or DD/MM/YYYY: the
# day-first check holds for both).
UPDATE_EFFECTS: dict[int, Callable[[Edit], None]] = {
    1: email_from_website, 2: phone_from_mobile, 3: phone_falls_back_to_mobile, 4: notes_not_imported,
    5: dates_day_first, 6: names_split, 7: status_translated, 8: rows_need_email, 9: first_row_per_email,
    10: country_defaults_to_us, 11: countries_translated, 12: emails_lower_case, 13: company_from_email_domain,
    14: lifecycle_test_dropped, 15: created_at_from_signup, 16: phones_german, 17: goes_back,
    18: template_decides, 19: asks_where_notes_go, 20: asks_what_was_meant,
}  # fmt: skip
UNCHANGED_ROWS = frozenset({4, 17, 18, 19, 20})  # rows whose intended effect leaves the recipe as it is
# Row 17 (undo) needs a version to go back from: this change is applied first, then the undo phrasing.
UNDO_FIRST_CHANGE = "Split Full Name into first and last name."


def update_start(row: int) -> Recipe:
    """The recipe a row's instruction is given against: the generated one; row 15's has created_at unmapped."""
    return first_recipe(created_at=None) if row == 15 else first_recipe()


def row_recipe(row: int) -> Recipe:
    """The recipe a row's instruction is sent to; row 17's (an undo) after a first change to go back from."""
    recipe = update_start(row)
    if row == 17:
        first = edit_recipe(recipe, [CONTACTS], SHEETS, UNDO_FIRST_CHANGE)
        assert first.recipe is not None
        recipe = first.recipe
    return recipe


def check_row(row: int, text: str) -> None:
    """Send `text` as the row's instruction (row 17, an undo, after a first change) and check the row's effect."""
    UPDATE_EFFECTS[row](edit_recipe(row_recipe(row), [CONTACTS], SHEETS, text))


def check_row_alone(row: int, text: str) -> None:
    """`check_row`, and nothing changes beside the row's own effect (bench/language's side-change check)."""
    from bench.language.side_changes import side_changes  # it reads this module's row effects

    check_row(row, text)
    start = update_start(row)
    assert side_changes(start, edit_recipe(start, [CONTACTS], SHEETS, text).recipe) == []


def unchanged(e: Edit) -> None:
    """The message changed nothing: no new version, no undo (a question or a note is fine)."""
    assert not e.changed and e.recipe is None and not e.revert, e.summary


def check_changes_nothing(message: str) -> None:
    """Send `message` against the generated recipe: nothing changes, and the recipe passed in is left as it was."""
    recipe = first_recipe()
    before = recipe.model_dump()
    unchanged(edit_recipe(recipe, [CONTACTS], SHEETS, message))
    assert recipe.model_dump() == before


def check_unchanged(row: int, text: str) -> None:
    """Send `text` against the row's recipe and check that it changes nothing."""
    unchanged(edit_recipe(row_recipe(row), [CONTACTS], SHEETS, text))


# --- clarify: the preview a question is asked about, and what the answer must contain -----------------------

SOURCE = {"file_id": FILE_ID, "sheet_id": SHEET_ID}


def mapping(field: str, column: str | None, confidence: float, rationale: str, **transform: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "template": "Contacts",
        "field": field,
        "source": {**SOURCE, "column": column} if column else None,
        "confidence": confidence,
        "rationale": rationale,
    }
    if transform:
        out["transform"] = transform
    return out


MAPPINGS = [
    mapping("first_name", None, 0.0, "no column is a clear match"),
    mapping("last_name", None, 0.0, "no column is a clear match"),
    mapping("email", "E-mail", 0.97, "header 'E-mail' names email; values are email addresses"),
    mapping("phone", "Work Phone", 0.74, "header 'Work Phone' names phone; 'Mobile' is almost as likely",
            default_region=None),
    mapping("company", "Organization", 0.95, "header 'Organization' names company"),
    mapping("created_at", "Signup Date", 0.93, "header 'Signup Date' names created_at",
            date_order=None, date_formats=["%d/%m/%Y", "%m/%d/%Y"]),
    mapping("country", "Land", 0.91, "'Land' is German for country; values are countries"),
    mapping("status", "Lifecycle", 0.62, "header 'Lifecycle' names status; 'test' matches no allowed value"),
]  # fmt: skip


def sample_rows(n: int = 50) -> list[dict[str, Any]]:
    rows = []
    for i in range(1, n + 1):
        day = 1 + i % 12  # no day above 12 in the sample: the order cannot be read from the data
        rows.append(
            {"first_name": None, "last_name": None, "email": f"p{i}@acme.com", "phone": None,
             "company": "Acme", "created_at": f"2024-{(i % 12) + 1:02d}-{day:02d}", "country": "DE",
             "status": "customer"}
        )  # fmt: skip
    return rows


ERRORS = [
    {"row": 7, "column": "phone", "error": "type", "value": "0171 2345678"},
    {"row": 12, "column": "email", "error": "required", "value": None},
    {"row": 12, "column": "phone", "error": "type", "value": "030 1234567"},
    {"row": 12, "column": "status", "error": "enum", "value": "test"},
    {"row": 19, "column": "phone", "error": "type", "value": "12"},
    {"row": 30, "column": "email", "error": "unique", "value": "jane@acme.com"},
]


def make_preview(
    recipe: Recipe, dropped: dict[str, int] | None = None, errors: list[dict[str, Any]] = ERRORS
) -> dict[str, Any]:
    """A stored preview body of the scenario: 120 rows in the file, the first 50 in the preview."""
    kept = 50 - sum((dropped or {}).values())
    sheet: dict[str, Any] = {
        "templateName": "Contacts",
        "sheetId": "contacts",
        "columns": [f.key for f in CONTACTS.fields],
        "rows": sample_rows(kept),
        "errors": errors,
        "rowCount": 120,
        "sampleRowCount": 50,
        "invalidRowCount": 10,
    }
    if dropped is not None:
        sheet["droppedRows"] = dropped
    return {
        "summary": "Contacts: 6 of 8 fields mapped from contacts.csv.",
        "recipe": recipe.model_dump(by_alias=True),
        "mappings": MAPPINGS,
        "unmapped_columns": [{**SOURCE, "column": c} for c in ("Full Name", "Mobile", "Website", "Notes")],
        "sheets": [sheet],
    }


def edited(*messages: str) -> Recipe:
    recipe = first_recipe()
    for message in messages:
        e = edit_recipe(recipe, [CONTACTS], SHEETS, message)
        assert e.recipe is not None, e.summary
        recipe = e.recipe
    return recipe


def contains(*parts: str) -> Callable[[str], None]:
    def check(answer: str) -> None:
        for part in parts:
            assert part in answer, f"{part!r} not in {answer!r}"

    return check


FILTER_MESSAGES = ("Ignore the rows where Lifecycle is test", "drop rows without an email",
                   "keep only the first row for each email", "Dates are day-first")  # fmt: skip


class ClarifyRow(NamedTuple):
    recipe: str  # "base": the generated recipe; "filtered": it after FILTER_MESSAGES
    dropped: dict[str, int] | None  # the preview's droppedRows
    check: Callable[[str], None]  # raises AssertionError when the answer lacks what the row requires


CLARIFY_ROWS: dict[int, ClarifyRow] = {
    1: ClarifyRow("base", None, contains("email comes from the column 'E-mail'", "trimmed", "email address", "0.97")),
    2: ClarifyRow("base", None, contains("Row 12", "email is empty but required", "'030 1234567'", "E.164",
                                         "'test' is not one of lead, customer, churned")),
    3: ClarifyRow("filtered", {"filters": 4, "dedup": 2}, contains("6 rows are dropped", "4 by the filters",
                                                                   "'Lifecycle' is 'test'", "2 by dedup on email",
                                                                   "about 14")),
    4: ClarifyRow("base", None, contains("'Full Name'", "'Mobile'", "'Website'", "'Notes'")),
    5: ClarifyRow("base", None, contains("no dedup is set", "must be unique", "flags the second and later rows",
                                         "1 such cells", "Keep only the first row for each email")),
    6: ClarifyRow("filtered", None, contains("created_at reads 'Signup Date' as day first (DD/MM/YYYY)",
                                             "did not settle", "no preview value has a day above 12")),
    7: ClarifyRow("base", None, contains("3 phone values are invalid", "first 50 preview rows (of 120)", "about 7",
                                         "'0171 2345678'", "Phone numbers are German")),
    8: ClarifyRow("base", None, contains("phone from 'Work Phone' (0.74", "status from 'Lifecycle' (0.62",
                                         "first_name")),
}  # fmt: skip


def clarify_recipe(name: str) -> Recipe:
    """The recipe a clarify row is asked about, by its ClarifyRow.recipe name."""
    return edited(*FILTER_MESSAGES) if name == "filtered" else first_recipe()


def check_clarify(row: int, question: str) -> None:
    """Ask `question` about the row's recipe and preview and check the answer holds what the row requires."""
    spec = CLARIFY_ROWS[row]
    recipe = clarify_recipe(spec.recipe)
    spec.check(answer_question(recipe, [CONTACTS], make_preview(recipe, spec.dropped), question))
