"""Template `pattern`s: only regular expressions the engine runs in linear time, checked without it.

The engine matches patterns with polars, whose Rust `regex` engine guarantees time linear in the input
but knows no look-around and no backreferences, and refuses a pattern whose compiled program would pass
its size limit (10 MiB). The API imports no dataframe library, so `pattern_problem` checks the same
things in pure Python: it parses the pattern with Python's own parser (the syntax both engines share),
refuses the constructs Rust lacks by name, and estimates the compiled size from the parsed tree with
per-construct costs measured against polars (`\\w` is a Unicode class of hundreds of ranges, so `\\w{209}`
is the longest run Rust compiles). The estimate is deliberately high, so a pattern accepted here compiles.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

MAX_PATTERN_LENGTH = 1000
# Estimated program units (about one per NFA state of a plain ASCII literal); polars compiles up to
# ~327,000 of them (`a{327673}`), so this keeps a margin for the estimate's error.
MAX_PATTERN_COST = 250_000

_parser: Any = importlib.import_module("re._parser")
_MAXREPEAT: int = _parser.MAXREPEAT
# Python-only syntax the parser accepts and drops or reads differently from Rust.
_TEXTUAL = (
    (re.compile(r"\(\?#"), "a comment group `(?#…)`"),
    (re.compile(r"\\N\{"), "a named character `\\N{…}` (write the character itself)"),
    (re.compile(r"(?<!\\)(?:\\\\)*\{,"), "a quantifier without its minimum `{,n}` (write `{0,n}`)"),
)
_CATEGORY_COST = {
    "CATEGORY_WORD": 1600,
    "CATEGORY_NOT_WORD": 1600,
    "CATEGORY_DIGIT": 160,
    "CATEGORY_NOT_DIGIT": 400,
    "CATEGORY_SPACE": 25,
    "CATEGORY_NOT_SPACE": 64,
}
_ANY_COST = 32
_IGNORECASE_FACTOR = 6
_REJECTED_FLAGS = ((re.ASCII, "the ASCII flag `(?a)`"), (re.LOCALE, "the locale flag `(?L)`"))


_SUPERLINEAR = ("look-", "backreference", "conditional", "atomic", "possessive")


class _Refused(Exception):
    """A construct the engine does not run, named for the message."""


def pattern_problem(pattern: str) -> str | None:
    """Why `pattern` cannot be a template or recipe pattern (a phrase to follow "pattern …"), or None."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        return f"is {len(pattern):,} characters long; patterns are limited to {MAX_PATTERN_LENGTH:,}"
    try:
        parsed = _parser.parse(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        return f"is not a valid regular expression: {exc}"
    for finder, construct in _TEXTUAL:
        if finder.search(pattern):
            return f"uses {construct}, which the import engine does not support"
    try:
        for flag, construct in _REJECTED_FLAGS:
            if parsed.state.flags & flag:
                raise _Refused(construct)
        cost = _cost(parsed, ignorecase=bool(parsed.state.flags & re.IGNORECASE))
    except _Refused as refused:
        construct = str(refused)
        why = (
            " (it only runs patterns it can match in time proportional to the text: no look-around, no backreferences)"
            if any(word in construct for word in _SUPERLINEAR)
            else ""
        )
        return f"uses {construct}, which the import engine does not support{why}"
    except RecursionError:
        return "nests groups too deeply"
    if cost > MAX_PATTERN_COST:
        return (
            "is too large for the import engine once its repetitions are expanded "
            "(for example `\\w{200}` or `(?:\\w{1000}){100}`); use a shorter count or a simpler class"
        )
    return None


def _cost(subpattern: Any, *, ignorecase: bool) -> int:
    total = 0
    for op, av in subpattern.data if hasattr(subpattern, "data") else subpattern:
        total += _item_cost(str(op), av, ignorecase=ignorecase)
        if total > MAX_PATTERN_COST:
            return total  # already too large; skip the rest
    return total


def _item_cost(name: str, av: Any, *, ignorecase: bool) -> int:
    case = _IGNORECASE_FACTOR if ignorecase else 1
    if name == "LITERAL":
        return (1 if av < 128 else 2) * case
    if name == "NOT_LITERAL" or name == "ANY":
        return _ANY_COST
    if name == "IN":
        return _class_cost(av) * case
    if name == "AT":
        if str(av) == "AT_END_STRING":
            raise _Refused("`\\Z` (write `$` for the end of the text)")
        return 1
    if name == "SUBPATTERN":
        _group, add_flags, _del_flags, body = av
        for flag, construct in _REJECTED_FLAGS:
            if add_flags & flag:
                raise _Refused(construct)
        inner_case = (ignorecase or bool(add_flags & re.IGNORECASE)) and not bool(_del_flags & re.IGNORECASE)
        return 1 + _cost(body, ignorecase=inner_case)
    if name == "BRANCH":
        return sum(2 + _cost(branch, ignorecase=ignorecase) for branch in av[1])
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        low, high, body = av
        copies = low + 1 if high == _MAXREPEAT else high
        return 2 + _cost(body, ignorecase=ignorecase) * max(copies, 1)
    if name == "ASSERT":
        return _refuse("a look-ahead `(?=…)`" if av[0] == 1 else "a look-behind `(?<=…)`")
    if name == "ASSERT_NOT":
        return _refuse("a negative look-ahead `(?!…)`" if av[0] == 1 else "a negative look-behind `(?<!…)`")
    if name == "GROUPREF":
        return _refuse("a backreference (`\\1` or `(?P=name)`)")
    if name == "GROUPREF_EXISTS":
        return _refuse("a conditional group `(?(1)…)`")
    if name == "ATOMIC_GROUP":
        return _refuse("an atomic group `(?>…)`")
    if name == "POSSESSIVE_REPEAT":
        return _refuse("a possessive quantifier (`*+`, `++`, `?+`)")
    return _refuse(f"the construct {name.lower()}")


def _class_cost(items: list[tuple[Any, Any]]) -> int:
    cost = 0
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            cost += _ANY_COST
        elif name == "LITERAL":
            cost += 1 if av < 128 else 2
        elif name == "RANGE":
            cost += 3 if av[1] < 128 else 5
        elif name == "CATEGORY":
            cost += _CATEGORY_COST.get(str(av), 1600)
        else:
            cost += _ANY_COST
    return cost


def _refuse(construct: str) -> int:
    raise _Refused(construct)
