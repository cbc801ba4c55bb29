"""The report's profile names the source columns no field imports: a hollow import must be visible."""

from __future__ import annotations

from pathlib import Path

from ferry.core.domain import FileManifest, Template
from ferry.engine import execute
from ferry.recipe import Recipe, recipe_from_mapping

from .conftest import PEOPLE_MAPPING

Input = tuple[Path, FileManifest]


def test_a_dropped_source_column_is_listed_and_warned_about(
    example_input: Input, people: Template, tmp_path: Path
) -> None:
    # Given: the example file (1,000 people) and a recipe that stopped importing `lastname`
    recipe = recipe_from_mapping({**PEOPLE_MAPPING, "last_name": None}, people, "f1", "sheet_1")
    # When: it is executed
    report = execute(recipe, [people], {"f1": example_input}, tmp_path).report
    # Then: the source column is in the profile, with its fill count and no output
    unread = [c for c in report["profile"]["columns"] if c["output"] is None]
    distinct = unread[0]["source"]["distinct"]
    source = {"column": "lastname", "filled": 1000, "distinct": distinct, "total": 1000}
    assert unread == [{"template": "people", "column": None, "source": source, "output": None}]
    assert distinct > 1
    # And: a warning says so in plain words
    (warning,) = [w for w in report["profile"]["warnings"] if w.get("sourceColumn")]
    assert warning["message"] == "`lastname` (1,000 filled) is not imported"
    assert warning["template"] == "people" and warning["sourceFillRate"] == 1.0 and warning["outputFillRate"] == 0.0


def test_every_column_imported_means_no_unread_column(example_input: Input, people: Template, tmp_path: Path) -> None:
    recipe = recipe_from_mapping(PEOPLE_MAPPING, people, "f1", "sheet_1")
    report = execute(recipe, [people], {"f1": example_input}, tmp_path).report
    assert [c for c in report["profile"]["columns"] if c["output"] is None] == []
    assert report["profile"]["warnings"] == []


def test_a_column_another_template_of_the_same_sheet_imports_is_not_warned_about(
    example_input: Input, people: Template, tmp_path: Path
) -> None:
    names = Template.model_validate(
        {"name": "Names", "sheet_id": "names", "fields": [{"key": "surname", "type": "string"}]}
    )
    first = recipe_from_mapping({**PEOPLE_MAPPING, "last_name": None}, people, "f1", "sheet_1")
    second = recipe_from_mapping({"surname": "lastname"}, names, "f1", "sheet_1")
    recipe = Recipe(templates=[*first.templates, *second.templates])
    report = execute(recipe, [people, names], {"f1": example_input}, tmp_path).report
    warned = {w.get("sourceColumn") for w in report["profile"]["warnings"]}
    assert "lastname" not in warned
    # The names template alone leaves the other columns out: they are named once, for the sheet
    assert not [c for c in report["profile"]["columns"] if c["output"] is None and c["source"]["column"] == "lastname"]
