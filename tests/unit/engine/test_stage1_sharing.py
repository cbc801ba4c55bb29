"""Stage 1's shared work gives the same part as computing every field on its own rows.

`transform_chunk` builds a field once per distinct value when its column repeats (and keeps those results
across chunks, so a later chunk builds only the values it is the first to hold), shares the ops of fields reading
the same column, and parses a full name once for both `split_name` parts. Each shortcut is checked here against
the plain per-row computation.
"""

from __future__ import annotations

import random

import polars as pl
import pytest

from ferry.core.domain import Template
from ferry.engine import executor
from ferry.engine.memo import ValueMemo
from ferry.engine.ops import field_expr
from ferry.recipe import Recipe

TEMPLATE = Template.model_validate(
    {
        "name": "People",
        "sheet_id": "people",
        "fields": [
            {"key": "first", "type": "string", "required": True},
            {"key": "last", "type": "string", "max": 12},
            {"key": "status", "type": "enum", "values": ["Active", "Lead"], "required": True},
            {"key": "joined", "type": "date"},
            {"key": "upper_name", "type": "string"},
            {"key": "trimmed_name", "type": "string"},
        ],
    }
)
NAMES = ["  Ann van der Berg ", "Smith, John", "li", "", "Jean-Luc  de la Cruz", "O'Neil\tMary", "van", None]
STATUSES = ["active", " LEAD ", "gone", "", None]
DATES = ["04/03/2021", "2021-02-30", "4 Mar 2021", "soon", ""]


def _recipe() -> Recipe:
    trim = {"op": "trim"}
    fields = [
        {
            "field": "first",
            "column": "name",
            "ops": [{"op": "split_name", "part": "first"}, {"op": "case", "to": "title"}],
        },
        {"field": "last", "column": "name", "ops": [{"op": "split_name", "part": "last"}]},
        {"field": "status", "column": "status", "ops": [trim, {"op": "null_tokens"}]},
        {"field": "joined", "column": "joined", "ops": [trim, {"op": "parse_date", "order": "DMY"}]},
        {"field": "upper_name", "column": "name", "ops": [trim, {"op": "case", "to": "upper"}]},
        {"field": "trimmed_name", "column": "name", "ops": [trim]},
    ]
    src = {"file_id": "f", "sheet_id": "s"}
    return Recipe.model_validate({"version": 1, "templates": [{"sheet_id": "people", "source": src, "fields": fields}]})


def _raw(rows: int, seed: int, distinct_names: int) -> pl.DataFrame:
    rnd = random.Random(seed)
    names = [*NAMES, *(f"Given{i} Family{i}" for i in range(distinct_names))]
    return pl.DataFrame(
        {
            "name": [rnd.choice(names) for _ in range(rows)],
            "status": [rnd.choice(STATUSES) for _ in range(rows)],
            "joined": [rnd.choice(DATES) for _ in range(rows)],
        },
        schema={"name": pl.String, "status": pl.String, "joined": pl.String},
    )


def _per_row(raw: pl.DataFrame) -> pl.DataFrame:
    """Every field from its own source column, op by op: nothing shared, no distinct values."""
    tr = _recipe().templates[0]
    fields = {fr.field: fr for fr in tr.fields}
    keys = [f.key for f in TEMPLATE.fields]
    out = raw.with_row_index(executor.ROW, offset=7).with_columns(pl.col(executor.ROW).cast(pl.Int64))
    out = out.with_columns([executor.filled_hash(pl.col(str(fields[k].column))).alias(executor.SRC + k) for k in keys])
    out = out.with_columns([field_expr(fields[k]).alias(executor.OUT + k) for k in keys])
    out = out.with_columns([executor._canonical_enum(TEMPLATE, k, pl.col(executor.OUT + k)).alias(k) for k in keys])
    rules = [executor.rule_expr(f, unique=False).alias(executor.CELL + f.key) for f in TEMPLATE.fields]
    out = out.with_columns(rules)
    return out.select(executor.ROW, *keys, *[executor.SRC + k for k in keys], *[executor.CELL + k for k in keys])


@pytest.mark.parametrize(("rows", "distinct_names"), [(0, 0), (3, 0), (400, 0), (400, 1000), (5000, 20)])
def test_shared_and_distinct_work_equals_per_row(rows: int, distinct_names: int) -> None:
    tr = _recipe().templates[0]
    for seed in range(3):  # the next chunks reuse the cached tables of the first
        raw = _raw(rows, seed, distinct_names)
        part = executor.transform_chunk(tr, TEMPLATE, raw, 7)
        assert part.equals(_per_row(raw), null_equal=True)


def _count_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the value tables `transform_chunk` builds from now on (with an empty `MEMO`)."""
    built: list[int] = []
    table = executor._value_table

    def counting(*args: object) -> pl.DataFrame:
        frame = table(*args)  # type: ignore[arg-type]
        built.append(frame.height)
        return frame

    monkeypatch.setattr(executor, "_value_table", counting)
    monkeypatch.setattr(executor, "MEMO", ValueMemo(max_values=100_000, max_per_key=100_000))
    return built


def test_columns_that_repeat_are_built_once_per_distinct_value(monkeypatch: pytest.MonkeyPatch) -> None:
    built = _count_builds(monkeypatch)
    raw = _raw(4000, 1, 20)  # every column repeats its values
    part = executor.transform_chunk(_recipe().templates[0], TEMPLATE, raw, 7)
    assert part.equals(_per_row(raw), null_equal=True)
    names = raw["name"].n_unique()
    # each distinct value once per column (null too: status and name have one): the four fields reading
    # 'name' share one table
    assert sorted(built) == sorted([len(STATUSES), len(DATES), names])
    executor.transform_chunk(_recipe().templates[0], TEMPLATE, raw, 7)
    assert len(built) == 3  # the same values again: looked up, nothing built


def test_a_later_chunk_builds_only_the_values_new_to_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A costly column whose values are mostly distinct within a chunk but repeat across chunks (phones, dates,
    names over a whole file) is built per distinct value, and a later chunk builds only the values it is the
    first to hold."""
    built = _count_builds(monkeypatch)
    tr = _recipe().templates[0]
    first = _raw(3000, 1, 2500)
    assert executor.transform_chunk(tr, TEMPLATE, first, 7).equals(_per_row(first), null_equal=True)
    names_built = max(built)  # the split_name fields (costly): some 1,800 distinct names in 3,000 rows
    assert names_built > 1000
    built.clear()
    second = _raw(3000, 2, 2500)
    assert executor.transform_chunk(tr, TEMPLATE, second, 3007).equals(
        _per_row(second).with_columns(pl.col(executor.ROW) + 3000), null_equal=True
    )
    assert 0 < max(built) < names_built  # only the names the first chunk did not hold


def test_a_column_of_new_values_goes_back_to_per_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """When a chunk's values are mostly new to the field again, the next chunks build it per row (no
    table), and the results stay those of the per-row computation throughout."""
    built = _count_builds(monkeypatch)
    tr = _recipe().templates[0]
    for n in range(4):
        raw = _raw(2000, 10 + n, 0).with_columns(  # 1,600 names in a chunk (some twice), never in another
            pl.Series("name", [f"Given{n}x{i * 4 // 5} Family{i * 4 // 5}" for i in range(2000)])
        )
        built.clear()
        offset = 7 + 2000 * n
        expected = _per_row(raw).with_columns(pl.col(executor.ROW) + 2000 * n)
        assert executor.transform_chunk(tr, TEMPLATE, raw, offset).equals(expected, null_equal=True)
        name_tables = [h for h in built if h > 100]
        # chunk 0: tried per distinct value (one table for the fields of 'name'); chunk 1: mostly new, so
        # dropped; then per row
        assert len(name_tables) == (1 if n < 2 else 0)


def test_a_costly_column_of_distinct_values_is_built_per_row_from_the_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """A chunk whose sample says nearly every value of a costly column is distinct (e-mails, amounts) is built per
    row at once: looking its values up would cost more than building them. The results are the per-row ones."""
    built = _count_builds(monkeypatch)
    tr = _recipe().templates[0]
    raw = _raw(2000, 21, 0).with_columns(pl.Series("name", [f"Given{i} Family{i}" for i in range(2000)]))
    expected = _per_row(raw)
    assert executor.transform_chunk(tr, TEMPLATE, raw, 7).equals(expected, null_equal=True)
    assert not [h for h in built if h > 100]  # no table of the names' values


def test_a_costly_column_nearly_all_distinct_but_drawn_from_a_small_set_is_looked_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A chunk of 20,000 names nearly all distinct (the sample sees few repeats) but drawn from 24,000 names (the
    sample's repeats say the set is about one chunk's worth, not the dozens of chunks of e-mails) goes through a
    value table from the first chunk: the next chunks of the file repeat its names. The results are the per-row
    ones."""
    built = _count_builds(monkeypatch)
    tr = _recipe().templates[0]
    rnd = random.Random(5)
    for n in range(2):
        raw = _raw(20_000, 30 + n, 0).with_columns(
            pl.Series(
                "name", [f"Given{i % 400} Family{i // 400}" for i in (rnd.randrange(24_000) for _ in range(20_000))]
            )
        )
        estimate = executor.distinct_estimate(raw["name"], executor._SAMPLE)
        assert estimate > 0.9 * raw.height  # what once sent it per row
        expected = _per_row(raw).with_columns(pl.col(executor.ROW) + 20_000 * n)
        assert executor.transform_chunk(tr, TEMPLATE, raw, 7 + 20_000 * n).equals(expected, null_equal=True)
        name_tables = [h for h in built if h > 100]
        assert name_tables, "the names went per row"
        built.clear()
