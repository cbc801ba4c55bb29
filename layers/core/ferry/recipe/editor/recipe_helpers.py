"""Recipe helpers: where an op goes in a field's pipeline, and the field edits more than one instruction
family makes (map a column onto a field, split a full name, translate values).
"""

from __future__ import annotations

from typing import Literal

from ferry.recipe.editor.resolver import Ctx, name_fields
from ferry.recipe.model import (
    Case,
    Default,
    FieldRecipe,
    MapValues,
    Op,
    PhoneE164,
    SplitName,
    TemplateRecipe,
    Trim,
    field_from_mapping,
)

# Where each op goes in a field's pipeline: sources, cleaning, fallbacks, value maps, typing, final touches.
_STAGE = {
    "trim": 0, "concat": 1, "coalesce": 1, "json_extract": 1, "regex_extract": 1, "split": 2, "split_name": 2,
    "url_to_domain": 2, "null_tokens": 3, "fill_from": 4, "map_values": 5, "parse_date": 6, "parse_datetime": 6,
    "to_number": 6, "to_boolean": 6, "phone_e164": 6, "email_normalize": 6, "case": 7, "affix": 7, "default": 8,
}  # fmt: skip


def place(ops: list[Op], op: Op) -> None:
    """Insert `op` at its stage: after every op of the same or an earlier stage."""
    stage = _STAGE[op.op]
    index = next((i for i, o in enumerate(ops) if _STAGE[o.op] > stage), len(ops))
    ops.insert(index, op)


def put(tr: TemplateRecipe, fr: FieldRecipe) -> None:
    for i, existing in enumerate(tr.fields):
        if existing.field == fr.field:
            tr.fields[i] = fr
            return
    tr.fields.append(fr)


def ops_columns(fr: FieldRecipe) -> list[str]:
    """Columns read by the ops besides the main column (fallbacks, joins)."""
    return [c for op in fr.ops for c in op.columns()]


# --- field edits more than one family makes -----------------------------------------------------------


def apply_name_split(ctx: Ctx, column: str, targets: list[str]) -> str:
    last = name_fields(ctx)[1:]
    for i, key in enumerate(targets):
        part: Literal["first", "last"] = "last" if key in last or (len(targets) > 1 and i == 1) else "first"
        put(ctx.tr, FieldRecipe(field=key, column=column, ops=[Trim(), SplitName(part=part)]))
    verb = "is" if len(targets) == 1 else "are"
    return (
        f"{' and '.join(targets)} {verb} split from '{column}' "
        "(the last word is the last name, with particles like 'van der')"
    )


def map_column(ctx: Ctx, key: str, column: str) -> str:
    old = ctx.recipe_field(key)
    new = fresh(ctx, key, column)
    if old is not None:
        # what a person set about the field stays: phone region, default value, letter case
        for op in old.ops:
            if isinstance(op, PhoneE164) and op.region:
                for mine in new.ops:
                    if isinstance(mine, PhoneE164):
                        mine.region = op.region
            if isinstance(op, Default | Case):
                place(new.ops, op)
    put(ctx.tr, new)
    was = old.source_columns() if old is not None else []
    instead = f" instead of {' and '.join(repr(c) for c in was)}" if was and was != [column] else ""
    return f"{key} now comes from '{column}'{instead}"


def fresh(ctx: Ctx, key: str, column: str) -> FieldRecipe:
    return FieldRecipe.model_validate(field_from_mapping(key, column, ctx.spec(key).type))


def field_recipe(ctx: Ctx, key: str) -> FieldRecipe:
    """The field's recipe, added empty when the recipe has none yet."""
    fr = ctx.recipe_field(key)
    if fr is None:
        fr = FieldRecipe(field=key)
        put(ctx.tr, fr)
    return fr


def value_map_op(ctx: Ctx, key: str) -> MapValues:
    """The field's value translation, added empty at its stage when there is none yet."""
    fr = field_recipe(ctx, key)
    op = next((o for o in fr.ops if isinstance(o, MapValues)), None)
    if op is None:
        op = MapValues(mapping={})
        place(fr.ops, op)
    return op


def apply_value_map(ctx: Ctx, key: str, mapping: dict[str, str | None]) -> str:
    op = value_map_op(ctx, key)
    lowered = {k.strip().lower(): k for k in op.mapping}
    for source, target in mapping.items():
        op.mapping.pop(lowered.get(source.strip().lower(), source), None)
        op.mapping[source] = target
    shown = ", ".join(f"'{s}' \u2192 {t if t is not None else 'empty'}" for s, t in mapping.items())
    return f"{key} maps {shown}"
