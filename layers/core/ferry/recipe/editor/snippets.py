"""Round 30 (issue 13): a key/value snippet as the request's layout. A JSON object ('{"phone": "Mobile"}', on one
line or several, in a ```json fence or bare) or YAML-ish 'key: value' lines, as the whole message or under a label
line ending in ':' ('Mapping change for phone, as JSON:', 'Country codes for the Land values:'), is read as its pairs,
'K: V, K: V' (a field and its column, or a value and what it becomes); the label goes, and so does a note in brackets
on its own line after the snippet ('(Work Phone no longer feeds it.)'). A snippet said to be for reference, the
current state or nothing to change, one with nested or non-text values, and a message with any other prose are left
as typed.
"""

from __future__ import annotations

import json
import re

_FENCE_RE = re.compile(r"^\s*```[\w-]*\s*$")
_LABEL_RE = re.compile(r"^[^\n{}:?]{3,120}:\s*$")
_NOTE_RE = re.compile(r"^\s*\([^()\n]{1,160}\)\s*$")
_YAML_PAIR_RE = re.compile(
    r"""^\s*(?:-\s+)?["']?(?P<k>[^"':{}\n]{1,40}?)["']?\s*:\s*["']?(?P<v>[^"'{}\n]{1,40}?)["']?\s*,?\s*$"""
)
# a label that shows the snippet rather than asking for it
_NOT_ASKED_RE = re.compile(
    r"\b(?:reference|for\s+info|fyi|current(?:ly)?|as\s+it\s+is|as\s+is|today|existing|nothing\s+to\s+change|"
    r"don'?t\s+change|no\s+change|example|sample|what\s+(?:we|you)\s+have|old)\b",
    re.I,
)


def snippet_request(message: str) -> str:
    """`message` with a key/value snippet (and its label) said as 'K: V, K: V'; any other message as it was."""
    lines = [line for line in message.strip().split("\n") if line.strip() and not _FENCE_RE.match(line)]
    if not lines or lines[-1].rstrip().endswith("?"):
        return message  # round 33: 'Signup Date: is 03/04/2024 the 3rd of April?' asks, it is no value
    label = lines[0] if _LABEL_RE.match(lines[0]) else None
    body = lines[1:] if label is not None else lines
    if body and _NOTE_RE.match(body[-1]):
        body = body[:-1]
    if not body or (label is not None and _NOT_ASKED_RE.search(label)):
        return message
    pairs = _json_pairs("\n".join(body)) or _yaml_pairs(body)
    if not pairs:
        return message
    return ", ".join(f"{key}: {value}" for key, value in pairs) + "."


def _json_pairs(text: str) -> list[tuple[str, str]]:
    if not text.lstrip().startswith("{"):
        return []
    try:
        loaded = json.loads(text)
    except ValueError:
        return []
    if not isinstance(loaded, dict) or not loaded:
        return []
    if not all(isinstance(v, str) and v.strip() and k.strip() for k, v in loaded.items()):
        return []  # nested objects, lists, numbers: not a flat mapping
    return [(k.strip(), v.strip()) for k, v in loaded.items()]


def _yaml_pairs(lines: list[str]) -> list[tuple[str, str]]:
    """'K: V' lines (indented or not, quoted or not); only when every line is one and there are at least two, or one
    under a label (a lone 'phone: Mobile' is read as it is already)."""
    matches = [_YAML_PAIR_RE.match(line) for line in lines]
    if not all(matches) or len(lines) > 20:
        return []
    pairs = [(m.group("k").strip(), m.group("v").strip()) for m in matches if m]
    # a mapping's keys are names, each said once, and a value holds no second 'key: ': a chat log's '[13:20] Ines:
    # …' lines (a time, a speaker said on every line) are a layout of their own, not a snippet
    keys = [key.casefold() for key, _ in pairs]
    if len(set(keys)) < len(keys) or any(not key[0].isalpha() or ": " in value for key, value in pairs):
        return []
    return pairs
