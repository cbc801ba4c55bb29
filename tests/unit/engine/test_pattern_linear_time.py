"""Issue 15: template patterns run only on polars' linear-time engine, never on Python's backtracking `re`.

`(?=a)(a+)+$` used to fall back to `re` and take 21 s on `"a" * 25 + "!"`; `(?:\\w{1000}){100}` passed the
API and failed the run later as "Something went wrong".
"""

from __future__ import annotations

import itertools
import random
import time

import polars as pl
import pytest

from ferry.core.domain import Template, TemplateField
from ferry.core.outcomes import StepFailed
from ferry.core.patterns import pattern_problem
from ferry.engine.rules import cell_errors

EVIL = "a" * 25 + "!"


def _template(pattern: str) -> Template:
    # model_construct: a template stored before the API checked patterns skips validation, as these do.
    field = TemplateField.model_construct(key="x", type="string", pattern=pattern)
    return Template.model_construct(name="T", sheet_id="t", fields=[field])


def _frame(values: list[str]) -> pl.DataFrame:
    return pl.DataFrame({"x": values, "_row": list(range(1, len(values) + 1))})


def test_a_lookahead_pattern_fails_fast_naming_the_field_instead_of_backtracking() -> None:
    started = time.monotonic()

    with pytest.raises(StepFailed) as failed:
        cell_errors(_frame([EVIL] * 3), _template("(?=a)(a+)+$"))

    assert time.monotonic() - started < 2
    assert "The template field 'x' has a pattern the import engine can't use" in str(failed.value)
    assert "look-ahead" in str(failed.value)


def test_a_nested_quantifier_runs_in_linear_time_on_the_evil_input() -> None:
    started = time.monotonic()

    errors = cell_errors(_frame([EVIL] * 1000 + ["aaaa"]), _template("^(a+)+$"))

    assert time.monotonic() - started < 2
    assert len(errors) == 1000 and {e["rule"] for e in errors} == {"pattern"}


def test_a_pattern_too_large_to_compile_fails_naming_the_field() -> None:
    with pytest.raises(StepFailed) as failed:
        cell_errors(_frame(["x"]), _template("(?:\\w{1000}){100}"))

    assert "The template field 'x'" in str(failed.value)
    assert "too large" in str(failed.value)


def _compiles_in_polars(pattern: str) -> bool:
    try:
        pl.select(pl.lit("").str.contains(pattern))
    except pl.exceptions.PolarsError:
        return False
    return True


ATOMS = ["a", "é", ".", "\\w", "\\d", "\\s", "\\W", "[a-z]", "[^,]", "[\\w.-]", "(?:ab|cd)", "\\b", "^", "$"]
COUNTS = ["", "*", "+", "?", "{3}", "{2,40}", "{150}", "{1000}", "{5,}"]


def test_every_pattern_the_api_accepts_compiles_in_the_engine() -> None:
    rng = random.Random(15)
    patterns = {atom + count for atom, count in itertools.product(ATOMS, COUNTS)}
    for _ in range(300):
        inner = "".join(rng.choice(ATOMS) + rng.choice(COUNTS) for _ in range(rng.randint(1, 3)))
        flags = rng.choice(["", "(?i)", "(?s)"])
        patterns.add(f"{flags}(?:{inner}){rng.choice(COUNTS)}")
    accepted = [pattern for pattern in sorted(patterns) if pattern_problem(pattern) is None]

    assert len(accepted) > 100
    assert [pattern for pattern in accepted if not _compiles_in_polars(pattern)] == []
