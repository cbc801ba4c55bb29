"""The executor on real files: counts, flagged rows, reading paths, filters/dedup, atomic commit, preview, report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ferry.core.domain import FileManifest, Template
from ferry.engine import ERRORS, ROW, error_columns, execute, flagged_expr, preview, read_output, read_source
from ferry.engine import executor as executor_module
from ferry.engine import parts as parts_module
from ferry.engine.csv_export import EXPORT_FILTERS
from ferry.ingest import iter_rows, polars_csv_options
from ferry.recipe import Recipe, recipe_from_mapping

from .conftest import ACCOUNTS, COMMA_IN_QUOTES, PEOPLE_MAPPING, sniffed

Input = tuple[Path, FileManifest]


def people_recipe(people: Template, **extra: Any) -> Recipe:
    r = recipe_from_mapping(PEOPLE_MAPPING, people, "f1", "sheet_1")
    if extra:
        data = r.model_dump(by_alias=True)
        data["templates"][0].update(extra)
        r = Recipe.model_validate(data)
    return r


def test_example_file_flags_the_three_spaced_emails(example_input: Input, people: Template, tmp_path: Path) -> None:
    result = execute(people_recipe(people), [people], {"f1": example_input}, tmp_path)
    frame = read_output(result.outputs["people"])
    assert frame.height == 1000 and result.report["totalRows"] == 1000
    flagged = frame.filter(flagged_expr(error_columns(frame)))
    email_errors = flagged.filter(pl.col(ERRORS).struct.field("email").is_not_null())
    assert email_errors["email"].to_list() == [
        "zsa zsa.lipson@mailmail.com",
        "zsa zsa.izaak@mailmail.com",
        "zsa zsa.donoghue@mailmail.com",
    ]
    # apostrophes are valid in email local parts
    apostrophes = frame.filter(pl.col("email").str.contains("'"))
    assert apostrophes.height > 0 and not apostrophes.select(flagged_expr(error_columns(frame))).to_series().any()
    assert result.report["invalidCellCount"] == flagged.height
    assert result.report["templates"] == [{"templateName": "People", "sheetId": "people", "rowCount": 1000}]
    assert frame[ROW].to_list() == list(range(1, 1001))
    assert set(frame["manager"].unique().to_list()) <= {"true", "false"}


def test_report_profile_and_fill_warning(example_input: Input, people: Template, tmp_path: Path) -> None:
    r = people_recipe(people)
    data = r.model_dump(by_alias=True)
    # map `team` through a table that drops every value: the output is hollow although the source is full
    team = next(f for f in data["templates"][0]["fields"] if f["field"] == "team")
    team["ops"].append({"op": "regex_extract", "pattern": "^ZZZ$"})
    report = execute(Recipe.model_validate(data), [people], {"f1": example_input}, tmp_path).report
    cols = {c["column"]: c for c in report["profile"]["columns"]}
    assert cols["email"]["source"] == {"column": "email", "filled": 1000, "distinct": 1000, "total": 1000}
    assert cols["team"]["output"]["filled"] == 0 and cols["team"]["source"]["filled"] > 0
    assert [w["column"] for w in report["profile"]["warnings"]] == ["team"]
    assert set(report) == {"totalRows", "templates", "invalidCellCount", "profile"}


def test_cp1252_file_reads_through_iter_rows(tmp_path: Path) -> None:
    path, manifest = sniffed(ACCOUNTS)
    assert polars_csv_options(manifest, "sheet_1") is None
    raw = read_source(path, manifest, "sheet_1")
    expected = list(iter_rows(path, manifest, "sheet_1"))
    assert raw.height == len(expected) == manifest.sheets[0].row_count
    assert raw.rows() == [tuple(r) for r in expected]
    t = Template.model_validate(
        {
            "name": "Accounts",
            "sheet_id": "accounts",
            "fields": [{"key": "name", "type": "string", "required": True}, {"key": "city", "type": "string"}],
        }
    )
    r = recipe_from_mapping({"name": "NAME", "city": "BILLINGCITY"}, t, "sf", "sheet_1")
    result = execute(r, [t], {"sf": (path, manifest)}, tmp_path)
    assert result.report["totalRows"] == len(expected)


def test_small_chunks_give_the_same_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    path, manifest = sniffed(ACCOUNTS)
    whole = read_source(path, manifest, "sheet_1")
    monkeypatch.setattr(executor_module, "CHUNK_ROWS", 7)
    assert read_source(path, manifest, "sheet_1").equals(whole)
    assert read_source(path, manifest, "sheet_1", limit=10).equals(whole.head(10))


def test_leading_zeros_are_kept(tmp_path: Path) -> None:
    path, manifest = sniffed(COMMA_IN_QUOTES)
    assert polars_csv_options(manifest, "sheet_1") is not None
    t = Template.model_validate(
        {"name": "A", "sheet_id": "a", "fields": [{"key": "zip", "type": "string"}, {"key": "city", "type": "string"}]}
    )
    result = execute(
        recipe_from_mapping({"zip": "zip", "city": "city"}, t, "f", "sheet_1"), [t], {"f": (path, manifest)}, tmp_path
    )
    frame = read_output(result.outputs["a"])
    assert frame["zip"].to_list() == ["08123"] and frame["city"].to_list() == ["Anytown, WW"]


def test_filters_and_dedup(example_input: Input, people: Template, tmp_path: Path) -> None:
    r = people_recipe(
        people,
        filters=[{"field": "team", "op": "eq", "value": "Developers"}],
        dedup={"keys": ["first_name"], "keep": "first"},
    )
    frame = read_output(execute(r, [people], {"f1": example_input}, tmp_path).outputs["people"])
    source = pl.read_csv(example_input[0], infer_schema=False).with_row_index(ROW, offset=1)
    devs = source.filter(pl.col("team") == "Developers")
    expected = devs.filter(pl.col("firstname").str.to_lowercase().is_first_distinct())
    assert frame[ROW].to_list() == expected[ROW].cast(pl.Int64).to_list()
    last = people_recipe(people, dedup={"keys": ["first_name"], "keep": "last"})
    frame_last = read_output(execute(last, [people], {"f1": example_input}, tmp_path).outputs["people"])
    assert frame_last.height == source["firstname"].str.to_lowercase().n_unique()


def test_column_filters_look_at_source_cells_case_insensitively(
    example_input: Input, people: Template, tmp_path: Path
) -> None:
    r = people_recipe(people, filters=[{"column": "team", "op": "ne", "value": " developers "}])
    frame = read_output(execute(r, [people], {"f1": example_input}, tmp_path).outputs["people"])
    source = pl.read_csv(example_input[0], infer_schema=False).with_row_index(ROW, offset=1)
    kept = source.filter(pl.col("team").str.to_lowercase().ne_missing("developers"))
    assert frame[ROW].to_list() == kept[ROW].cast(pl.Int64).to_list()
    assert "Developers" not in frame["team"].to_list()


def test_failure_mid_write_commits_nothing(
    example_input: Input, people: Template, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = people.model_copy(update={"sheet_id": "people2", "name": "People 2"})
    r = people_recipe(people)
    data = r.model_dump(by_alias=True)
    data["templates"].append({**data["templates"][0], "sheet_id": "people2"})
    recipe = Recipe.model_validate(data)
    real_write = parts_module.write_output
    calls: list[Path] = []

    def failing_write(frame: pl.DataFrame, path: Path) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError("disk full")
        real_write(frame, path)

    monkeypatch.setattr(parts_module, "write_output", failing_write)
    with pytest.raises(OSError, match="disk full"):
        execute(recipe, [people, second], {"f1": example_input}, tmp_path)
    assert not (tmp_path / "committed").exists()
    assert not (tmp_path / "staging").exists()

    # a previous commit survives a failed re-run untouched
    monkeypatch.setattr(parts_module, "write_output", real_write)
    first = execute(recipe, [people, second], {"f1": example_input}, tmp_path)
    before = sorted(p.name for p in (tmp_path / "committed").iterdir())
    calls.clear()
    monkeypatch.setattr(parts_module, "write_output", failing_write)
    with pytest.raises(OSError):
        execute(recipe, [people, second], {"f1": example_input}, tmp_path)
    assert sorted(p.name for p in (tmp_path / "committed").iterdir()) == before
    assert read_output(first.outputs["people2"]).height == 1000
    assert not (tmp_path / "staging").exists()


def test_preview(example_input: Input, people: Template) -> None:
    (sheet,) = preview(people_recipe(people), [people], {"f1": example_input}, n=50)
    assert sheet["sheetId"] == "people" and len(sheet["rows"]) == 50 and sheet["rowCount"] == 1000
    assert sheet["columns"] == [f.key for f in people.fields]
    assert sheet["rows"][0]["email"] == "christy.rodmann@mailmail.com"
    # row 11 has years 'I love pizza': one type error in the sample, extrapolated to 20 per 1000 rows
    assert sheet["errors"] == [{"row": 11, "column": "age", "error": "type", "value": "I love pizza"}]
    assert sheet["invalidRowCount"] == 20


def test_unique_and_dedup_hold_across_streaming_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(executor_module, "CHUNK_ROWS", 7_000)  # 18 chunks
    n = 120_000
    keys = [f"K{(i * 7919) % 50_000}" for i in range(n)]
    path = tmp_path / "big.csv"
    path.write_text("key,other\n" + "".join(f"{k},{i}\n" for i, k in enumerate(keys)), encoding="utf-8")
    path_manifest = sniffed(path)
    t = Template.model_validate(
        {
            "name": "B",
            "sheet_id": "b",
            "fields": [{"key": "key", "type": "string", "unique": True}, {"key": "other", "type": "string"}],
        }
    )
    r = recipe_from_mapping({"key": "key", "other": "other"}, t, "f", "sheet_1")
    frame = read_output(execute(r, [t], {"f": path_manifest}, tmp_path / "a").outputs["b"])
    seen: set[str] = set()
    expected = []
    for k in keys:
        expected.append("unique" if k.lower() in seen else None)
        seen.add(k.lower())
    assert frame[ERRORS].struct.field("key").to_list() == expected
    data = r.model_dump(by_alias=True)
    data["templates"][0]["dedup"] = {"keys": ["key"], "keep": "last"}
    deduped = read_output(execute(Recipe.model_validate(data), [t], {"f": path_manifest}, tmp_path / "b").outputs["b"])
    last = {k: i + 1 for i, k in enumerate(keys)}
    assert deduped[ROW].to_list() == sorted(last.values())
    assert deduped[ERRORS].struct.field("key").null_count() == deduped.height
    assert len(list((tmp_path / "b" / "committed" / "b" / "rows").glob("*.parquet"))) == 18


def test_chunked_execute_equals_one_chunk(
    example_input: Input, people: Template, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = people_recipe(people, dedup={"keys": ["last_name"], "keep": "last"})
    whole = execute(r, [people], {"f1": example_input}, tmp_path / "one", exports=EXPORT_FILTERS)
    monkeypatch.setattr(executor_module, "CHUNK_ROWS", 37)
    chunked = execute(r, [people], {"f1": example_input}, tmp_path / "many", exports=EXPORT_FILTERS)
    assert chunked.report == whole.report
    assert read_output(chunked.outputs["people"]).equals(read_output(whole.outputs["people"]))
    for name in ("valid", "invalid", "all"):
        assert (chunked.outputs["people"] / f"{name}.csv").read_bytes() == (
            whole.outputs["people"] / f"{name}.csv"
        ).read_bytes()


def test_all_is_written_from_the_parts_as_the_execute_would_write_it(
    example_input: Input, people: Template, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given: an execute in many parts, once as the API runs it (valid and invalid only) and once with every export
    r = people_recipe(people, dedup={"keys": ["last_name"], "keep": "last"})
    monkeypatch.setattr(executor_module, "CHUNK_ROWS", 37)
    lean = execute(r, [people], {"f1": example_input}, tmp_path / "lean").outputs["people"]
    full = execute(r, [people], {"f1": example_input}, tmp_path / "full", exports=EXPORT_FILTERS).outputs["people"]
    assert not (lean / "all.csv").exists() and len(parts_module.output_parts(lean)) > 2
    for name in ("valid", "invalid"):
        assert (lean / f"{name}.csv").read_bytes() == (full / f"{name}.csv").read_bytes()
    # When: `all` is written from the committed parts afterwards
    rows = parts_module.write_export_from_parts(parts_module.output_parts(lean), tmp_path / "all.csv")
    # Then: the same bytes the execute writes, every row once
    assert (tmp_path / "all.csv").read_bytes() == (full / "all.csv").read_bytes()
    assert rows == read_output(full).height


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.sampled_from(["a", "A", "b", "", "ab", "é"])), max_size=40), st.booleans())
def test_first_distinct_is_polars_own_whatever_the_hashes(values: list[str | None], last: bool) -> None:
    series = pl.Series(values, dtype=pl.String)
    expected = series.is_last_distinct() if last else series.is_first_distinct()
    assert executor_module.first_distinct(series, last=last).equals(expected)
    # And: with every hash colliding, the values still decide
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pl.Series, "hash", lambda self, *a, **k: pl.Series([7] * len(self), dtype=pl.UInt64))
        assert executor_module.first_distinct(series, last=last).equals(expected)


def test_first_distinct_of_struct_keys() -> None:
    keys = pl.DataFrame({"a": ["x", "x", "y", None, None], "b": ["1", "1", "1", None, "2"]}).select(pl.struct("a", "b"))
    series = keys.to_series()
    assert executor_module.first_distinct(series).to_list() == [True, False, True, True, True]
    assert executor_module.first_distinct(series, last=True).equals(series.is_last_distinct())


def test_two_fields_of_one_column_report_that_columns_counts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # first and last name read 'Full Name' (counted once for both); 'City' is read by one field (a near neighbour)
    monkeypatch.setattr(executor_module, "CHUNK_ROWS", 7)
    names = ["Ann Lee", "  ", "", "Bo Kim", "Ann Lee", "Cy Day", "bo kim", "", "Ed Fox", "Ann Lee"] * 3
    cities = ["Oslo", "", "Rome", "Oslo", " ", "Nice", "Rome", "Oslo", "", "Bonn"] * 3
    path = tmp_path / "names.csv"
    path.write_text(
        "Full Name,City\n" + "".join(f"{n},{c}\n" for n, c in zip(names, cities, strict=True)), encoding="utf-8"
    )
    t = Template.model_validate(
        {
            "name": "N",
            "sheet_id": "n",
            "fields": [{"key": k, "type": "string"} for k in ("first_name", "last_name", "city")],
        }
    )
    split = [("first_name", "first"), ("last_name", "last")]
    fields = [{"field": k, "column": "Full Name", "ops": [{"op": "split_name", "part": p}]} for k, p in split]
    fields.append({"field": "city", "column": "City", "ops": [{"op": "trim"}]})
    r = Recipe.model_validate(
        {
            "version": 1,
            "templates": [{"sheet_id": "n", "source": {"file_id": "f", "sheet_id": "sheet_1"}, "fields": fields}],
        }
    )
    source = {
        c["column"]: c["source"]
        for c in execute(r, [t], {"f": sniffed(path)}, tmp_path / "o").report["profile"]["columns"]
    }
    filled_names = [n for n in names if n.strip()]
    expected = {"filled": len(filled_names), "distinct": len(set(filled_names))}
    for field in ("first_name", "last_name"):
        assert {k: source[field][k] for k in ("filled", "distinct")} == expected
    filled_cities = [c for c in cities if c.strip()]
    assert (source["city"]["filled"], source["city"]["distinct"]) == (len(filled_cities), len(set(filled_cities)))
