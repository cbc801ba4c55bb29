"""Dates: the order of day and month ('the dates are european', 'dates are DMY') or a format ('DD/MM/YYYY')."""

from __future__ import annotations

import re
from typing import Literal

from ferry.recipe.editor.helpers import foreign, leftover
from ferry.recipe.editor.messages import HOLE_RE
from ferry.recipe.editor.recipe_helpers import map_column, place
from ferry.recipe.editor.resolver import Ctx, words_in, words_of
from ferry.recipe.editor.steps import Step, change, note
from ferry.recipe.model import FieldRecipe, ParseDate, ParseDatetime

ORDER_WORDS: list[tuple[str, str]] = [
    (
        "DMY",
        r"day[- ]?first|days? (?:come )?first|(?:the )?day (?:is |comes )?before (?:the )?month|dd first|"
        r"(?:like|as) in (?:france|germany|europe|the uk|england|britain|spain|italy)|europe(?:an)?(?: style| format)?|"
        r"british|uk style|uk format|german(?: style| format)?|dmy|d/m/y|day/month(?:/year)?|"
        r"day-month(?:-year)?|day\.month(?:\.year)?|little[- ]endian|"
        # the parts listed in their order ('Signup Date is order day, month, year')
        r"day,?\s+(?:then\s+)?month(?:,?\s+(?:then\s+|and\s+)?year)?|not american|not us|dd[/.-]mm(?![/.-])|"
        r"(?:uk|british|german|french|european|en[-_]gb|de[-_]de|fr[-_]fr) locale",
    ),
    (
        "MDY",
        r"month[- ]?first|months? (?:come )?first|(?:the )?month (?:is |comes )?before (?:the )?day|"
        r"(?:like|as) in (?:the us|the usa|america|the states)|american(?: style| format)?|"
        r"us style|us format|u\.s\. style|mdy|m/d/y|month/day(?:/year)?|month-day(?:-year)?|"
        r"month,?\s+(?:then\s+)?day(?:,?\s+(?:then\s+|and\s+)?year)?|mm[/.-]dd(?![/.-])|"
        r"(?:us|american|en[-_]us) locale",
    ),
    ("YMD", r"year[- ]?first|iso(?: ?8601)?(?: style| format)?|ymd|y/m/d|year/month/day|year-month-day|big[- ]endian"),
]
_CONTRAST_RE = re.compile(r"^\s*(?:not|never|rather than|instead of|but not)\s", re.I)
_DATE_CUE_RE = re.compile(r"\b(?:dates?|days?|months?|years?|formats?|formatted|dd|mm|yyyy|yy|iso)\b", re.I)
_DATE_PART = r"(?:%[dmyYbB]|[dD]{1,2}|[mM]{1,4}|[yY]{2,4})"
_FORMAT_RE = re.compile(rf"(?<![\w%])({_DATE_PART})([./\- ])({_DATE_PART})\2({_DATE_PART})(?![\w])")
DATE_WORDS = words_of(
    "date dates day days month months year years first format formats formatted style order written are "
    "is in as use uses using with the read parse interpret treat come comes before after european "
    "american british uk us iso 8601 dmy mdy ymd little big endian not always all every signup should be "
    "numeric they them like e.g. eg for example means put value values france germany europe england britain "
    "spain italy america states usa locale"
)


def date_order(ctx: Ctx, text: str) -> Step | None:
    plain = HOLE_RE.sub(lambda m: ctx.quotes[int(m.group(1))], text)
    fmt_match = _FORMAT_RE.search(plain)
    fmt = _date_format(fmt_match) if fmt_match else None
    order: str | None = _format_order(fmt) if fmt else None
    order_words: list[str] = []
    for name, pattern in ORDER_WORDS:
        found = re.search(rf"\b(?:{pattern})\b", plain, re.I)
        if found and order is None:
            order = name
            order_words = words_in(found.group(0))
            if _CONTRAST_RE.match(plain) and not found.group(0).lower().startswith("not"):
                return Step("ignore")  # ', not month/day' only confirms the order said before it
    example = _worked_example(plain) if order is None and fmt is None else None
    if example is not None:  # '03/04/2024 is the 3rd of April': the example fixes the order
        order, span = example
        plain = plain.replace(span, " day first " if order == "DMY" else " month first ")
        order_words = ["day", "first", "month"]
    if order is None and fmt is None:
        return None
    if not (
        _DATE_CUE_RE.search(plain)
        or fmt
        or any(ctx.spec(m.key).type in ("date", "datetime") for m in ctx.mentions(text) if m.key)
    ):
        return None
    residue = plain.replace(fmt_match.group(0), " ") if fmt_match else plain
    if leftover(ctx, residue, DATE_WORDS | {w.lower() for w in order_words}):
        return None
    if foreign(ctx, text, lambda key: ctx.spec(key).type in ("date", "datetime"), DATE_WORDS):
        return None  # 'dates are day-first and phones are German' is two instructions
    if _names_another_column(ctx, text):
        return None  # 'Notes format is DD/MM/YYYY': no date field reads Notes, so no date field is meant
    keys, to_map = _date_targets(ctx, text)
    if not keys:
        return note(f"{ctx.template.name} has no mapped date field")
    how = f"with the format {_show_format(fmt)}" if fmt else _ORDER_NAMES[order or "MDY"]

    def apply() -> str:
        for key, column in to_map.items():
            map_column(ctx, key, column)
        for key in keys:
            fr = ctx.recipe_field(key)
            if fr is not None:
                _set_date_parsing(fr, ctx.spec(key).type, order, fmt)
        return f"{' and '.join(keys)} {'is' if len(keys) == 1 else 'are'} read {how}"

    return change(apply)


# a worked example: a date as the file writes it and the day it stands for, in either order ('Signup Date is written
# 25/03/2024 for the 25th of March', 'the 3rd of April is 03/04/2024'); which number is the day gives the order
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?P<mon>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)"
_NTH = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_SPELLED = (rf"(?:the\s+)?{_NTH}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?",
            rf"{_MONTH}\s+(?:the\s+)?{_NTH}(?:,?\s+\d{{4}})?")  # fmt: skip
_WRITTEN = r"(?P<a>\d{1,2})[./-](?P<b>\d{1,2})[./-]\d{2,4}"
_EXAMPLE_RES = [re.compile(rf"{_WRITTEN}[^.;\d]{{0,40}}?\b{spelled}\b", re.I) for spelled in _SPELLED] + [
    re.compile(rf"\b{spelled}[^.;\d]{{0,40}}?{_WRITTEN}", re.I) for spelled in _SPELLED
]


def _worked_example(text: str) -> tuple[Literal["DMY", "MDY"], str] | None:
    """The order a worked example fixes, and the words that say it; None when it fixes none ('03/03/2024')."""
    for pattern in _EXAMPLE_RES:
        m = pattern.search(text)
        if m is None or m["mon"][:3].lower() not in _MONTHS:
            continue
        a, b, day, month = int(m["a"]), int(m["b"]), int(m["d"]), _MONTHS.index(m["mon"][:3].lower()) + 1
        if a == b:
            return None
        if (a, b) == (day, month):
            return "DMY", m.group(0)
        if (a, b) == (month, day):
            return "MDY", m.group(0)
    return None


_ORDER_NAMES = {"DMY": "day first (DD/MM/YYYY)", "MDY": "month first (MM/DD/YYYY)", "YMD": "year first (YYYY-MM-DD)"}


def _date_targets(ctx: Ctx, text: str) -> tuple[list[str], dict[str, str]]:
    """Date fields the clause names (directly or by their column), else every mapped date field; and the
    unmapped date column named, to map onto the one date field still empty."""
    dated = [f.key for f in ctx.template.fields if f.type in ("date", "datetime")]
    named: list[str] = []
    to_map: dict[str, str] = {}
    for m in ctx.mentions(text):
        if m.key in dated:
            named.append(m.key)
        elif m.kind == "column" and m.key is None:
            free = [k for k in dated if not ctx.sources(k)]
            if len(free) == 1:
                to_map[free[0]] = m.name
                named.append(free[0])
    if named:
        return list(dict.fromkeys(named)), to_map
    return [k for k in dated if ctx.sources(k)], to_map


def _names_another_column(ctx: Ctx, text: str) -> bool:
    """The clause names a column that feeds a field of another type, or no field while no date field is free."""
    dated = [f.key for f in ctx.template.fields if f.type in ("date", "datetime")]
    free = [k for k in dated if not ctx.sources(k)]
    for m in ctx.mentions(text):
        if m.kind == "column" and (m.key not in dated) and not (m.key is None and len(free) == 1):
            return True
    return False


def _date_format(m: re.Match[str]) -> str | None:
    parts = [m.group(1), m.group(3), m.group(4)]
    sep = m.group(2)
    out = []
    for part in parts:
        low = part.lower()
        if part.startswith("%"):
            out.append(part)
        elif low.startswith("d"):
            out.append("%d")
        elif low in ("m", "mm"):
            out.append("%m")
        elif low == "mmm":
            out.append("%b")
        elif low == "mmmm":
            out.append("%B")
        elif low == "yy":
            out.append("%y")
        elif low == "yyyy":
            out.append("%Y")
        else:
            return None
    kinds = {p[1].lower() if p[1] not in "bB" else "m" for p in out}
    return sep.join(out) if kinds == {"d", "m", "y"} else None


_ORDERS: dict[str, Literal["DMY", "MDY", "YMD"]] = {"DMY": "DMY", "MDY": "MDY", "YMD": "YMD"}


def _format_order(fmt: str | None) -> Literal["DMY", "MDY", "YMD"] | None:
    if not fmt:
        return None
    found = re.findall(r"%([dmbByY])", fmt)
    order = "".join({"d": "D", "m": "M", "b": "M", "B": "M", "y": "Y", "Y": "Y"}[c] for c in found)
    return _ORDERS.get(order)


def _show_format(fmt: str | None) -> str:
    shown = (fmt or "").replace("%d", "DD").replace("%m", "MM").replace("%Y", "YYYY").replace("%y", "YY")
    return shown.replace("%b", "Mon").replace("%B", "Month")


def _set_date_parsing(fr: FieldRecipe, ftype: str, order: str | None, fmt: str | None) -> None:
    op = next((o for o in fr.ops if isinstance(o, ParseDate | ParseDatetime)), None)
    if op is None:
        op = ParseDatetime() if ftype == "datetime" else ParseDate()
        place(fr.ops, op)
    known = _ORDERS.get(order or "")
    if known:
        op.order = known
    if fmt:
        op.formats = [fmt]
    elif op.formats and order in ("DMY", "MDY"):
        # planner formats name an order themselves; swap the day/month of those reading the other way
        op.formats = list(
            dict.fromkeys(_swap_day_month(f) if _format_order(f) not in (order, "YMD", None) else f for f in op.formats)
        )


def _swap_day_month(fmt: str) -> str:
    return fmt.replace("%d", "\0").replace("%m", "%d").replace("\0", "%m")
