"""Row filters: 'drop rows without an email', 'drop rows where lifecycle is test or churned', 'don't drop rows
without email'; keeping rows that an earlier filter drops lifts that filter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz.distance import DamerauLevenshtein

from ferry.agent.normalize import fold
from ferry.recipe.editor.helpers import MISSING, allowed_value, full, match
from ferry.recipe.editor.resolver import Ctx
from ferry.recipe.editor.steps import Step, change, note
from ferry.recipe.model import Filter

_ROWS = r"(?:rows?|records?|entries|entry|lines?|contacts?|people|persons|ones)"
_DROP_VERBS = (
    r"drop|remove|delete|ignore|skip|exclude|filter out|filter|throw away|throw out|get rid of|discard|leave out|"
    r"omit|strip out|don'?t import|do not import|don'?t include|do not include|don'?t keep|do not keep|lose|"
    r"ditch|toss|kill|(?:we\s+|i\s+)?(?:don'?t|do not)\s+(?:take|want|need|import|keep|include|load)"
)
_KEEP_VERBS = (
    r"keep only|only keep|import only|only import|include only|only include|keep just|just keep|only want|"
    r"want only|limit (?:it )?to|restrict (?:it )?to|only|keep|import|include|retain"
)
_DROPPED = (
    r"dropped|removed|deleted|ignored|skipped|excluded|filtered out|filtered|thrown away|discarded|left out|"
    r"omitted|go|kept|imported|included|retained"
)
FILTER_PATTERNS = [
    full(
        rf"(?P<neg>don'?t|do not|never|stop|no longer)\s+(?P<verb>drop|remove|delete|ignore|skip|exclude|"
        rf"filter out|filter|discard|lose)(?:ping|ing)?\s+(?:the\s+|any\s+|all\s+|those\s+)?{_ROWS}"
        rf"(?:\s+(?P<cond>.+))?"
    ),
    full(
        rf"(?P<verb>{_DROP_VERBS}|{_KEEP_VERBS})\s+(?:the\s+|any\s+|all\s+|those\s+|these\s+|every\s+|each\s+)?"
        rf"{_ROWS}\s+(?P<cond>.+)"
    ),
    # object first: 'rows without email: delete', 'the rows with Lifecycle test don't take'
    full(rf"(?:the\s+|any\s+|all\s+)?{_ROWS}\s+(?P<cond>.+?)\s*[:,]?\s+(?P<verb>{_DROP_VERBS})(?:\s+(?:them|it))?"),
    # descriptions: 'rows with Lifecycle test are dummy data'
    full(
        rf"(?:the\s+)?{_ROWS}\s+(?P<cond>.+?)\s+(?:are|is)\s+(?:just\s+|only\s+)?(?P<verb>dummy|fake|junk|garbage|bogus|"
        rf"not real|placeholders?|test)(?:\s+(?:data|rows|entries|records|contacts))?"
    ),
    # a condition and an arrow: 'E-mail empty => drop row', 'no email, no row'
    full(
        rf"(?P<bare>.+?)\s*(?:=>|->|\u2192|:|,|then)\s*(?P<verb>{_DROP_VERBS})(?:\s+(?:the\s+|that\s+|this\s+)?"
        rf"(?:{_ROWS}|them|it))?"
    ),
    full(rf"no\s+(?P<none>.+?)\s*(?:,|=>|->|\u2192|=|:|means|then)?\s*no\s+(?:{_ROWS}|import)"),
    full(
        r"(?:filter|rule|condition)\s*:\s*(?P<present>.+?)\s+(?:must|should|has to|needs to)\s+be\s+"
        r"(?:present|set|filled(?: in)?|there|given|non-?empty|not empty)"
    ),
    full(rf"(?P<verb>no)\s+(?:more\s+)?(?P<value>.+?)\s+{_ROWS}"),
    full(
        rf"(?:the\s+|any\s+|all\s+)?{_ROWS}\s+(?P<cond>.+?)\s+(?:should|must|can|will|need to|have to|are to)?"
        rf"\s*(?:be\s+)?(?P<verb>{_DROPPED})(?:\s+out)?"
    ),
    full(
        rf"(?P<cond>(?:if|when|where|whenever)\s+.+?)\s*,?\s+(?:then\s+)?(?P<verb>{_DROP_VERBS}|keep|"
        rf"import)\s+(?:it|them|those|(?:the|that|this|those|these|such)\s+{_ROWS})"  # round 21: any rows pointed at
    ),
    full(rf"(?P<verb>{_DROP_VERBS}|{_KEEP_VERBS})\s+(?:all\s+|the\s+|any\s+)?(?P<value>.+?)\s+{_ROWS}"),
    full(r"(?P<verb>only import|import only|keep only|only keep|only)\s+(?:the\s+)?(?P<value>.+)"),
]


_MISSING_PATTERNS = [
    full(
        r"(?:without|with no|with an? empty|with an? blank|with empty|with blank|with missing|missing|lacking|"
        r"that lack|which lack|that have no|which have no|having no|that has no|which has no|with no value in|"
        r"where there is no|where there'?s no|that don'?t have|which don'?t have|with nothing in|where no|"
        r"that do not have|with no value for|without any|that doesn'?t have|which doesn'?t have|that does not have|"
        r"who (?:don'?t|doesn'?t|do not|does not) have|that has no|that lacks?)\s+(?:an?\s+|any\s+|the\s+)?(?P<x>.+)"
    ),
    full(
        # ('where Notes != null' is the opposite: an operator that denies is no part of the column's name)
        rf"(?:where|whose|in which|if|when|for which|that have|which have|with)\s+(?:the\s+)?"
        rf"(?P<x>(?:(?!!=|<>|\u2260|\bnot\b).)+?)\s+(?:is|are|'s|was|were)?\s*{MISSING}"
    ),
    full(r"(?:where|whose|in which|if|when)\s+(?:there'?s|there is)\s+no\s+(?P<x>.+)"),
    full(
        r"(?:if|when|where)\s+(?:the\s+)?(?P<x>.+?)\s+(?:isn'?t|is not|aren'?t|are not)\s+"
        r"(?:set|given|filled(?: in)?|there|present|available|known)"
    ),
]
# 'where E-mail is filled / is not empty': the cell is there
_FILLED_PATTERNS = [
    full(
        rf"(?:where|whose|in which|if|when|with|that have|which have)\s+(?:the\s+)?(?P<x>.+?)\s+(?:is|are|'s)\s+"
        rf"(?:not\s+{MISSING}|filled(?: in| out)?|present|given|there|available|provided|non-?empty)"
    ),
]
_PRESENT_PATTERNS = [full(r"(?:with|that have|having|which have|containing|that has)\s+(?:an?\s+|some\s+)?(?P<x>.+)")]
_NEGATIVE_REL = (
    r"is not|isn'?t|is no|are not|aren'?t|!=|<>|\u2260|not equal to|does not equal|doesn'?t equal|is other than|"
    r"is anything but|is anything other than|is not one of|is none of|not in|isn'?t one of|other than|not"
)
_POSITIVE_REL = r"is one of|is either|is|are|=|==|equals|is equal to|says|reads|of|in|was|were|set to|marked|:"
_VALUE_PATTERNS = [
    full(
        rf"(?:where|were|whose|in which|if|when|with|that have|having|for which|which have|that has)\s+(?:the\s+)?"
        rf"(?P<x>.+?)\s+(?P<rel>{_NEGATIVE_REL}|{_POSITIVE_REL})\s+(?P<v>.+)"
    ),
    full(
        r"(?:that|which|where|whose)\s+(?:the\s+)?(?P<x>.+?)\s+(?:marks?|flags?|labels?|tags?|lists?|shows?|"
        r"classifies|calls?)\s+(?:as\s+)?(?P<v>.+)"
    ),
    full(r"(?:with|where|whose)\s+(?:the\s+)?(?P<x>.+?)\s+(?P<v>\u27e6\d+\u27e7)"),
    full(r"(?:with|whose|where)\s+(?:the\s+)?(?P<x>.+?)\s+(?P<seen>[\w-]+)"),  # 'with Lifecycle test': a value it holds
    full(r"(?:marked|labelled|labeled|tagged|flagged)\s+(?:as\s+)?(?P<v>.+)"),
]
_KEEP_VERB_RE = re.compile(rf"^(?:{_KEEP_VERBS}|kept|imported|included|retained)$", re.I)


# words that stand for rows or columns already named, never for a value of the file
_NOT_VALUES = frozenset({"these", "those", "they", "them"})
# a word that judges the column itself ('Notes is not needed'): a value only when the column holds it
_JUDGEMENTS = frozenset(
    {
        "needed",
        "required",
        "necessary",
        "wanted",
        "useful",
        "used",
        "important",
        "relevant",
        "mandatory",
        "optional",
        "essential",
        "helpful",
        "interesting",
        "valid",
        "correct",
        # and the words that judge it worthless ('notes are useless, skip them' skips the column, never the rows
        # whose Notes say 'useless')
        "useless",
        "pointless",
        "worthless",
        "unnecessary",
        "unneeded",
        "irrelevant",
        "unwanted",
        "junk",
        "garbage",
        "rubbish",
        "trash",
        "noise",
        "sus",
        "mid",
        "bad",
        "wrong",
        "weird",
        "bogus",
    }
)


@dataclass
class _Condition:
    """Which rows a filter instruction talks about."""

    kind: Literal["missing", "present", "value"]
    target: tuple[Literal["column", "field"], str]
    values: list[str] = field(default_factory=list)
    negated: bool = False


def filter_rows(ctx: Ctx, text: str) -> Step | None:
    for m in match(FILTER_PATTERNS, text):
        groups = m.groupdict()
        if groups.get("neg"):
            return _unfilter(ctx, groups.get("cond"))
        if groups.get("none") or groups.get("present"):
            target = ctx.target(groups.get("none") or groups["present"])
            if target is not None:
                return _filter_step(ctx, _Condition("missing", target), keep=False, only=False)
            continue
        verb = groups["verb"].lower()
        keep = bool(_KEEP_VERB_RE.match(verb))
        if groups.get("bare"):
            cond = _condition(ctx, groups["bare"]) or _condition(ctx, "where " + groups["bare"])
        elif groups.get("value"):
            cond = _value_only(ctx, groups["value"])
        else:
            cond = _condition(ctx, groups["cond"] or "")
        if cond is None:
            continue
        only = "only" in verb or "just" in verb or "limit" in verb
        named = groups.get("value") and keep and not only and cond.kind == "value" and not cond.negated
        if named and not _excluding(ctx, cond.target, cond.values):
            # 'keep the test rows' (round 7): rows named by a value and kept, not 'only' those, while no filter
            # drops them: they are kept already; keeping nothing else is asked for with 'only'
            listed = " or ".join(f"'{v}'" for v in cond.values)
            return note(f"rows with {listed} are already kept (no filter drops them)")
        return _filter_step(ctx, cond, keep, only=only)
    return None


def _joined(ctx: Ctx, said: str) -> bool:
    """Two names joined ('without email and phone'): a filter reads one column or field, never both."""
    parts = [p for p in re.split(r"\s+(?:and|or|&|nor)\s+|\s*[,/+]\s*", said, flags=re.I) if p.strip()]
    return len(parts) > 1 and sum(1 for p in parts if ctx.target(p)) > 1


def _condition(ctx: Ctx, cond: str) -> _Condition | None:
    cond = cond.strip(" ,")
    for m in match(_MISSING_PATTERNS, cond):
        if _joined(ctx, m.group("x")):
            return None
        target = ctx.target(m.group("x"))
        if target:
            return _Condition("missing", target)
    for m in match(_FILLED_PATTERNS, cond):  # before values: 'where E-mail is filled' is no value 'filled'
        if _joined(ctx, m.group("x")):
            return None
        target = ctx.target(m.group("x"))
        if target:
            return _Condition("present", target)
    for m in match(_VALUE_PATTERNS, cond):
        groups = m.groupdict()
        if groups.get("seen"):
            target = ctx.target(groups["x"])
            if target is None:
                continue
            column = [target[1]] if target[0] == "column" else ctx.sources(target[1])
            if ctx.known_value(groups["seen"], column) is None:
                continue  # 'with the E-mail address' names no value
            return _Condition("value", target, [_spelt(ctx, target, groups["seen"])])
        values = _values_list(ctx, groups["v"])
        if not values or any(_NOT_VALUES & set(v.lower().split()) for v in values):
            continue  # 'rows with no e-mail are useless, these ...': a pronoun is never a value of the file
        if re.match(r"(?:no|without)\s", groups.get("x") or "", re.I):
            continue  # 'with no e-mail are ...' says what rows lack, not a value they hold
        if groups.get("x") is None:
            found = _value_only(ctx, groups["v"])
            if found:
                return found
            continue
        target = ctx.target(groups["x"])
        if target is None:
            continue
        column = [target[1]] if target[0] == "column" else ctx.sources(target[1])
        if any(v.lower() in _JUDGEMENTS and ctx.known_value(v, column) is None for v in values):
            continue  # 'Notes is not needed, don't import it' judges Notes: no row is picked by it
        negated = bool(re.fullmatch(_NEGATIVE_REL, (groups.get("rel") or "").lower()))
        return _Condition("value", target, [_spelt(ctx, target, v) for v in values], negated)
    for m in match(_PRESENT_PATTERNS, cond):
        target = ctx.target(m.group("x"))
        if target:
            return _Condition("present", target)
    return None


def _spelt(ctx: Ctx, target: tuple[Literal["column", "field"], str], value: str) -> str:
    """A value as the target's column or enum spells it, one typo corrected ('tset' → test)."""
    kind, name = target
    if kind == "column":
        return ctx.known_value(value, [name]) or value
    near = [v for v in ctx.spec(name).values or [] if _near(value, v)]
    return ctx.known_value(value, ctx.sources(name)) or (near[0] if len(near) == 1 else value)


def _near(typed: str, value: str) -> bool:
    a, b = fold(typed), fold(value)
    return a == b or (len(a) > 3 and DamerauLevenshtein.distance(a, b) <= (1 if len(a) <= 6 else 2))


def _values_list(ctx: Ctx, text: str) -> list[str]:
    parts = re.split(r"\s*(?:,|/|\bor\b|\band\b|\bnor\b)\s*", text.strip())
    values = []
    for part in parts:
        value, quoted = ctx.text(part)
        if not value or not (quoted or len(value.split()) == 1 or ctx.is_value(value)):
            return []  # not a list of values: more of the sentence follows
        values.append(value)
    return values


def _value_only(ctx: Ctx, text: str) -> _Condition | None:
    """'drop test rows': the column whose samples hold the value, else the enum field allowing it."""
    values = _values_list(ctx, text)
    if not values:
        return None
    singular = [v for v in values] + [v[:-1] for v in values if v.lower().endswith("s") and len(v) > 3]
    for column, samples in ctx.samples.items():
        seen = {fold(s) for s in samples}
        hits = [v for v in singular if fold(v) in seen]
        if hits and len(hits) >= len(values):
            return _Condition("value", ("column", column), hits[: len(values)])
    for f in ctx.template.fields:
        allowed = [allowed_value(f, v) for v in singular] if f.values else []
        hits = [a for a in allowed if a]
        if f.values and len(hits) >= len(values):
            return _Condition("value", ("field", f.key), list(dict.fromkeys(hits))[: len(values)])
    return None


def _filter_step(ctx: Ctx, cond: _Condition, keep: bool, only: bool) -> Step:
    kind, name = cond.target
    shown = name if kind == "field" else f"'{name}'"
    if cond.kind in ("missing", "present"):
        if (cond.kind == "missing") == keep:
            return note(
                f"the recipe can only keep rows where {shown} is filled (filters cannot select empty values), "
                "so that was not changed"
            )
        flt = _make_filter(cond.target, "not_null", None)
        phrase = f"rows without {'an' if shown[:1].lower() in 'aeiou' else 'a'} {shown} are dropped"
    else:
        kind, name = _filter_target(ctx, cond)
        shown = name if kind == "field" else f"'{name}'"
        values = cond.values if kind == "column" else [allowed_value(ctx.spec(name), v) or v for v in cond.values]
        equal = keep != cond.negated
        if len(values) == 1:
            flt = _make_filter((kind, name), "eq" if equal else "ne", values[0])
        else:
            flt = _make_filter((kind, name), "in" if equal else "not_in", values)
        listed = " or ".join(f"'{v}'" for v in values)
        phrase = (
            f"only rows where {shown} is {listed} are kept" if equal else f"rows where {shown} is {listed} are dropped"
        )
    existing = [f for f in ctx.tr.filters if f.model_dump() == flt.model_dump()]
    if existing:
        return note(f"{phrase} already")
    tr = ctx.tr
    undone = _excluding(ctx, (kind, name), cond.values) if keep and cond.kind == "value" and not cond.negated else []
    if undone and not only:
        # 'keep the test rows' after they were dropped: lift that filter rather than keep nothing else
        again = f"rows where {shown} is {' or '.join(repr(v) for v in cond.values)} are kept again"
        return change(lambda: _remove_filters(ctx, undone, again))

    def apply() -> str:
        _remove_filters(ctx, undone, "")
        tr.filters.append(flt)
        return phrase

    return change(apply)


def _filter_target(ctx: Ctx, cond: _Condition) -> tuple[Literal["column", "field"], str]:
    """A value filter on a field reads the output; raw source values ('Kunde', 'test') are matched on the column."""
    kind, name = cond.target
    if kind == "field":
        spec = ctx.spec(name)
        fr = ctx.recipe_field(name)
        raw = fr.column if fr else None
        allowed = {fold(v) for v in spec.values or []}
        samples = {fold(s) for s in ctx.samples.get(raw or "", [])}
        if raw and all(fold(v) in samples and fold(v) not in allowed for v in cond.values):
            return "column", raw
    return kind, name


def _make_filter(target: tuple[str, str], op: str, value: str | list[str] | None) -> Filter:
    kind, name = target
    return Filter.model_validate({kind: name, "op": op, "value": value})


def _excluding(ctx: Ctx, target: tuple[str, str], values: list[str]) -> list[Filter]:
    """Filters on the target that drop rows holding one of `values`."""
    wanted = {fold(v) for v in values}
    found = []
    for f in _filters_on(ctx, target, negative_only=True):
        dropped = f.value if isinstance(f.value, list) else [f.value or ""]
        if f.op in ("ne", "not_in") and wanted & {fold(v) for v in dropped}:
            found.append(f)
    return found


def _filters_on(ctx: Ctx, target: tuple[str, str], *, negative_only: bool = False) -> list[Filter]:
    kind, name = target
    names = {name}
    if kind == "field":
        fr = ctx.recipe_field(name)
        names |= set(fr.source_columns()) if fr else set()
    else:
        names |= set(ctx.readers(name))
    found = [f for f in ctx.tr.filters if (f.field or f.column) in names]
    return [f for f in found if f.op in ("ne", "not_in", "not_null")] if negative_only else found


def _remove_filters(ctx: Ctx, filters: list[Filter], phrase: str) -> str:
    ctx.tr.filters = [f for f in ctx.tr.filters if all(f is not g for g in filters)]
    return phrase


def _unfilter(ctx: Ctx, cond_text: str | None) -> Step:
    if not cond_text:
        return Step("ignore", say="")
    cond = _condition(ctx, cond_text)
    if cond is None:
        return Step("ignore", say="")
    kind, name = cond.target
    shown = name if kind == "field" else f"'{name}'"
    found = _filters_on(ctx, cond.target)
    if cond.kind == "missing":
        found = [f for f in found if f.op == "not_null"]
    if not found:
        return note(f"no filter drops rows by {shown}")
    return change(lambda: _remove_filters(ctx, found, f"rows are no longer dropped by {shown}"))
