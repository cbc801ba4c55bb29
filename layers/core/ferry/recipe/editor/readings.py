"""Structured readings: an instruction already cut into intents and names (by a model, `ferry.agent.bedrock`),
said as the plain commands the grammar reads, so it goes through the same resolver and the same questions.

A reading names an intent and the names it needs (`column`, `field`, `value`, ...) as the reader understood
them. Nothing here decides what a name means: each reading becomes one command with the names quoted
("map 'Mobile' to phone"), and the session resolves them against the migration as it resolves anything a user
types — a name that is not there becomes the resolver's question, an ambiguous instruction the family's
question. A reading that does not fit its intent (a missing name, an unknown intent) is not guessed at.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ferry.recipe.editor.messages import quote

Reading = dict[str, Any]


def _q(value: Any) -> str:
    return quote(str(value).strip())


def _values(reading: Reading) -> str:
    pairs = reading.get("values") or {}
    if not isinstance(pairs, dict) or not pairs:
        raise KeyError("values")
    return "treat " + " and ".join(f"{_q(a)} as {_q(b)}" for a, b in pairs.items())


def _date(reading: Reading) -> str:
    order = {"day_first": "day-first", "month_first": "month-first", "year_first": "year-first"}[reading["order"]]
    return f"{_q(reading['column'])} is {order}"


def _email_from_website(reading: Reading) -> str:
    local = str(reading.get("local_part") or "").strip().rstrip("@")
    return f"use {local + '@ + ' if local else ''}the website domain for a missing {reading.get('field') or 'email'}"


# What each intent says, in the grammar's own words. KeyError: the reading lacks a name its intent needs.
RENDER: dict[str, Callable[[Reading], str]] = {
    "map": lambda r: f"map {_q(r['column'])} to {r['field']}",
    "unmap": lambda r: f"don't import {_q(r['column'])}",
    "fallback": lambda r: f"{r['field']}: {_q(r['column'])}, fallback {_q(r['fallback_column'])}",
    "default": lambda r: f"set {r['field']} to {_q(r['value'])} when it is empty",
    "date_order": _date,
    "split_name": lambda r: f"split {_q(r['column'])} into first and last name",
    "translate_values": _values,
    "drop_rows_without": lambda r: f"drop rows without {r['field']}",
    "drop_rows_where": lambda r: f"drop rows where {_q(r['column'])} is {_q(r['value'])}",
    "dedup": lambda r: f"keep only the {r.get('keep') or 'first'} row for each {r['field']}",
    "case": lambda r: f"{r['case']}case {r['field']}",
    "email_from_website": _email_from_website,
    "field_from_email_domain": lambda r: (
        f"{r['field']} should come from the email domain"
        + (f" when {_q(r['column'])} is blank" if r.get("column") else "")
    ),
    "phone_region": lambda r: f"set the phone region to {r['region']}",
    "undo": lambda r: "undo that",
    "make_optional": lambda r: f"make {r['field']} optional",
    "place_column": lambda r: f"put {_q(r['column'])} somewhere",
}
INTENTS = tuple(RENDER)


def commands(readings: list[Reading]) -> list[str] | None:
    """The plain command of each reading, in order; None when any reading is unclear or does not fit its intent
    (the caller then asks, as for any message it cannot read)."""
    out: list[str] = []
    for reading in readings:
        render = RENDER.get(str(reading.get("intent", "")))
        if render is None:
            return None
        try:
            out.append(render(reading))
        except (KeyError, TypeError, AttributeError):
            return None
    return out or None
