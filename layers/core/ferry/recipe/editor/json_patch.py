"""A pasted JSON Patch (RFC 6902): a list of operations on the recipe's paths, said as the plain commands they state.

'[{"op": "replace", "path": "/fields/phone/source", "value": "Mobile"}]' is 'Map phone to Mobile.'. The list is read
with `json`, never by pattern on its braces; a message with a patch the editor cannot state in full (an unknown op,
a path outside /fields/<field>/…) is left as typed, so it is asked about as before. A 'test' op only states what the
recipe holds: it is context and drops out, so a question after it is what is asked. A line that introduces the patch
('Patch for status (its source stays Lifecycle):', 'Please apply:') goes with it.
"""

from __future__ import annotations

import json
import re
from typing import Any

# a line ending in ':' that introduces what follows ('Please apply:', 'Patch for status (…):')
_INTRO_RE = re.compile(r"^[^\n:{}\[\]]{1,120}:\s*$")
# the fields a patch may speak of: a key of letters, digits and underscores
_FIELD_RE = re.compile(r"^[A-Za-z][\w]*$")


def patch_request(message: str) -> str:
    """The message with a pasted JSON Patch said as plain commands; the message as typed when it holds none, or one
    with an operation the editor cannot state."""
    found = _patch(message)
    if found is None:
        return message
    start, end, ops = found
    said = [_said(op) for op in ops]
    if any(s is None for s in said):
        return message
    before = message[:start].rstrip()
    lines = before.split("\n")
    if lines and _INTRO_RE.match(lines[-1].strip()):  # the line that introduces the patch goes with it
        before = "\n".join(lines[:-1]).rstrip()
    commands = " ".join(s for s in said if s)
    return "\n\n".join(p for p in (before, commands, message[end:].strip()) if p)


def _patch(message: str) -> tuple[int, int, list[dict[str, Any]]] | None:
    """Where the first JSON list of operations starts and ends, and its operations; None when there is none."""
    decoder = json.JSONDecoder()
    for match in re.finditer(r"\[", message):
        try:
            value, end = decoder.raw_decode(message, match.start())
        except ValueError:
            continue
        if isinstance(value, list) and value and all(_is_op(v) for v in value):
            return match.start(), end, value
    return None


def _is_op(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("op"), str) and isinstance(value.get("path"), str)


def _said(op: dict[str, Any]) -> str | None:
    """The plain command one operation states; '' for a 'test' (context only); None when it states none we read."""
    kind, value = op["op"].lower(), op.get("value")
    parts = [p.replace("~1", "/").replace("~0", "~") for p in op["path"].strip("/").split("/")]
    if kind == "test":
        return ""
    if len(parts) < 3 or parts[0] != "fields" or not _FIELD_RE.match(parts[1]):
        return None
    field, key, rest = parts[1], parts[2], parts[3:]
    if kind == "remove":
        return _removed(field, key, rest)
    if kind not in ("add", "replace"):
        return None
    if key in ("source", "sources", "columns", "column") and not rest:
        column = value[0] if isinstance(value, list) and len(value) == 1 else value
        return f"Map {field} to {_quoted(column)}." if isinstance(column, str) and column else None
    if key == "value_map":
        pairs = {rest[0]: value} if len(rest) == 1 else value if not rest else None
        if not isinstance(pairs, dict) or not pairs or not all(isinstance(v, str) for v in pairs.values()):
            return None
        said = " and ".join(f"{_quoted(k)} means {v}" for k, v in pairs.items())
        return f"In {field}, {said}."
    if key == "default" and not rest and isinstance(value, str) and value:
        return f"When {field} is empty, set it to {_quoted(value)}."
    if key == "default_country" and not rest and isinstance(value, str) and value:
        return f"Phone numbers without a country code are from {value}."
    if key == "required" and not rest and isinstance(value, bool):
        return f"Make {field} {'required' if value else 'optional'}."
    return None


def _removed(field: str, key: str, rest: list[str]) -> str | None:
    """A removed source leaves the field empty; other removals are no command the grammar has."""
    return f"Leave {field} empty." if key in ("source", "sources", "columns", "column") and not rest else None


def _quoted(text: str) -> str:
    return f"'{text}'" if "'" not in text else text
