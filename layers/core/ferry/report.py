"""The execute report: row counts, rows with invalid cells, and a source-vs-output fill profile."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl

if TYPE_CHECKING:
    from ferry.engine.executor import TemplateFrame

# A column is flagged when its output fill rate is below this share of its source fill rate.
FILL_DROP_RATIO = 0.8


def column_profile(s: pl.Series, column: str | None) -> dict[str, Any]:
    """`{column, filled, distinct, total}`: filled = non-blank values, distinct among them."""
    filled_values = s.filter(s.is_not_null() & (s.str.strip_chars() != ""))
    return {
        "column": column,
        "filled": filled_values.len(),
        "distinct": filled_values.n_unique(),
        "total": s.len(),
    }


def _shape(column: str | None, counts: tuple[int, int], total: int) -> dict[str, Any]:
    return {"column": column, "filled": counts[0], "distinct": counts[1], "total": total}


def _profiles(frame: pl.DataFrame, columns: list[str]) -> dict[str, tuple[int, int]]:
    """(filled, distinct) of each column, computed in one parallel pass."""
    exprs: list[pl.Expr] = []
    for c in columns:
        v = pl.col(c)
        mask = v.is_not_null() & (v.str.strip_chars() != "")
        exprs += [mask.sum().alias(f"f{len(exprs)}"), v.filter(mask).n_unique().alias(f"f{len(exprs) + 1}")]
    row = frame.lazy().select(exprs).collect().row(0) if exprs else ()
    return {c: (int(row[2 * i]), int(row[2 * i + 1])) for i, c in enumerate(columns)}


def build_report(built: list[TemplateFrame]) -> dict[str, Any]:
    """The API's execute report for the built templates."""
    from ferry.engine.executor import error_columns, flagged_expr

    columns: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    invalid_rows = 0
    for tf in built:
        invalid_rows += int(tf.frame.select(flagged_expr(error_columns(tf.frame)).sum()).item())
        by_field = {fr.field: fr for fr in tf.recipe.fields}
        keys = [f.key for f in tf.template.fields]
        src_prof, out_prof = _profiles(tf.source, keys), _profiles(tf.frame, keys)
        n = tf.frame.height
        for f in tf.template.fields:
            fr = by_field.get(f.key)
            source = _shape(fr.column if fr else None, src_prof[f.key], n)
            output = _shape(f.key, out_prof[f.key], n)
            columns.append({"template": tf.template.sheet_id, "column": f.key, "source": source, "output": output})
            total = source["total"]
            if total and source["filled"]:
                src_rate, out_rate = source["filled"] / total, output["filled"] / total
                if out_rate < FILL_DROP_RATIO * src_rate:
                    warnings.append(
                        {
                            "template": tf.template.sheet_id,
                            "column": f.key,
                            "sourceFillRate": round(src_rate, 4),
                            "outputFillRate": round(out_rate, 4),
                            "message": f"{f.key}: {output['filled']} of {total} rows filled after mapping, "
                            f"against {source['filled']} in source column {source['column']!r}",
                        }
                    )
    return {
        "totalRows": sum(tf.frame.height for tf in built),
        "templates": [
            {"templateName": tf.template.name, "sheetId": tf.template.sheet_id, "rowCount": tf.frame.height}
            for tf in built
        ],
        "invalidCellCount": invalid_rows,
        "profile": {"columns": columns, "warnings": warnings},
    }
