"""Stage 1's shared work gives the same part as computing every field on its own rows.

`transform_chunk` builds a field once per distinct value when its column repeats (and keeps those results
across chunks, so a later chunk builds only the values it is the first to hold), shares the ops of fields reading the same column, and parses a full name once for both
`split_name` parts. Each shortcut is checked here against the plain per-row computation.
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


def test_columns_that_repeat_are_built_once_per_distinct_value(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    table = executor._value_table

    def counting(*args: object) -> pl.DataFrame:
        frame = table(*args)  # type: ignore[arg-type]
        built.append(frame.height)
        return frame

    monkeypatch.setattr(executor, "_value_table", counting)
    monkeypatch.setattr(executor, "MEMO", ValueMemo(max_values=100_000, max_per_key=100_000))
    raw = _raw(4000, 1, 50_000)  # names mostly distinct: per row; status and joined repeat: per distinct value
    part = executor.transform_chunk(_recipe().templates[0], TEMPLATE, raw, 7)
    assert part.equals(_per_row(raw), null_equal=True)
    assert sorted(built) == [len(STATUSES), len(DATES)]  # each distinct value once (null too: status has one)
    executor.transform_chunk(_recipe().templates[0], TEMPLATE, raw, 7)
    assert len(built) == 2  # the same values again: looked up, nothing built


def test_a_later_chunk_builds_only_the_values_new_to_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A column whose values are mostly distinct within a chunk but repeat across chunks (dates, names over a
    whole file) is built per row at first and per new value once earlier chunks hold most of its values."""
    built: list[int] = []
    table = executor._value_table

    def counting(*args: object) -> pl.DataFrame:
        frame = table(*args)  # type: ignore[arg-type]
        built.append(frame.height)
        return frame

    monkeypatch.setattr(executor, "_value_table", counting)
    monkeypatch.setattr(executor, "MEMO", ValueMemo(max_values=100_000, max_per_key=100_000))
    tr = _recipe().templates[0]
    first = _raw(3000, 1, 2500)  # some 1,800 distinct names in 3,000 rows: built per distinct value (costly op)
    assert executor.transform_chunk(tr, TEMPLATE, first, 7).equals(_per_row(first), null_equal=True)
    names_built = sum(built) - len(STATUSES) - len(DATES)
    assert names_built > 1000
    built.clear()
    second = _raw(3000, 2, 2500)
    assert executor.transform_chunk(tr, TEMPLATE, second, 3007).equals(
        _per_row(second).with_columns(pl.col(executor.ROW) + 3000), null_equal=True
    )
    assert 0 < sum(built) < names_built  # only the names the first chunk did not hold
