"""Round 29 (issue 13): requests laid out as a post, a journal page, release notes, a Markdown table or a telegram,
found as dev35's and dev36's misses. Each layout is known by its own marks and read as the request it carries:

- a forum post: a 'Title: …' line over a body goes (the body says it again); a 'TL;DR:' line is the request, the
  story above it goes; an 'EDIT:' / 'Update:' label and its 'forgot to mention,' go (`_post`);
- a bullet journal (rapid logging): a day heading ('Mon 7 Dec', 'Tuesday, 8 December', 'Wed 9/12') over signifier
  lines: '•' / '·' tasks are read, dash notes read as their own sentence, '○' / '◦' events and done,
  migrated or scheduled tasks ('x', '>', '<') go (`_journal`);
- release notes: a heading line alone ('### Changed', 'Removed', '## [Unreleased]', 'Changelog draft for …:') goes;
  a '- X: no longer imported' line under 'Removed' is 'X is not imported', a '(e.g. …)' example goes (`_release`);
- a Markdown pipe table (header row, '|---|' rule, rows): field/source rows are 'take F from C' (the last source
  column when there is a current and a new one), value rows under '| C | F |' are 'In C, A means B and …'; a label
  line ending in ':' above it and a 'Use this for …' line after it go (`_table`);
- a telegram: 'STOP' between capitalised sentences is a full stop, 'QUERY STOP' a question mark (`_telegram`).
A layout whose words say no action ('for reference', 'nothing to change', 'FYI only') is left as it was.
"""

from __future__ import annotations

import re

_NO_ACTION_RE = re.compile(
    r"\b(?:fyi\s+only|for\s+(?:your\s+)?(?:information|reference)(?:\s+only)?|just\s+fyi|no\s+action|"
    r"nothing\s+to\s+(?:do|change)|don'?t\s+(?:change|do|action)\s+(?:anything|it|this)|do\s+not\s+(?:change|action)|"
    r"not\s+yet|current\s+mapping|as\s+it\s+is\s+now)\b",
    re.I,
)

# --- a forum post ----------------------------------------------------------------------------------------------
_TITLE_RE = re.compile(r"^\s*title\s*:[^\n]*\n\s*\n(?=\s*\S)", re.I)
_TLDR_RE = re.compile(r"(?im)^\s*(?:tl;?\s?dr|tldr)\s*[:\-\u2013]\s*(?P<r>\S[^\n]*)$")
_EDIT_RE = re.compile(
    r"(?im)^\s*(?:edit|edit\s*\d|update|ps|p\.s\.)\s*[:\-\u2013]\s*"
    r"(?:(?:sorry,?\s+)?(?:i\s+)?(?:forgot|meant)\s+to\s+(?:mention|say|add)\s*[,:\-\u2013]?\s*(?:that\s+)?)?"
)


def _post(message: str) -> str | None:
    said = message
    if _TLDR_RE.search(said) and not said.rstrip().endswith("?"):
        said = " ".join(m["r"].strip() for m in _TLDR_RE.finditer(said))
    else:
        said = _TITLE_RE.sub("", said)
    said = _EDIT_RE.sub("", said)
    return said if said != message else None


# --- a bullet journal ------------------------------------------------------------------------------------------
_DAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY_HEADING_RE = re.compile(
    rf"^\s*{_DAY},?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|"
    rf"\d{{1,2}}[./]\d{{1,2}}(?:[./]\d{{2,4}})?)(?:,?\s+\d{{4}})?\s*$",
    re.I,
)
_TASK_RE = re.compile(r"^\s*[\u2022\u00b7*]\s+(?P<t>\S.*)$")
_NOTE_RE = re.compile(r"^\s*[\u2013\u2014-]\s+(?P<t>\S.*)$")
_GONE_RE = re.compile(r"^\s*[\u25cb\u25e6o\u00d7xX><]\s+\S")  # an event, a done, migrated or scheduled task


def _journal(message: str) -> str | None:
    lines = [ln for ln in message.split("\n") if ln.strip()]
    if not lines or not _DAY_HEADING_RE.match(lines[0]):
        return None
    kept: list[str] = []
    for line in lines[1:]:
        if _DAY_HEADING_RE.match(line) or _GONE_RE.match(line):
            continue
        m = _TASK_RE.match(line) or _NOTE_RE.match(line)
        if m is None:
            return None  # not a rapid log: read as typed
        text = re.sub(r"\s*\((?P<n>[^()]{3,})\)\s*$", r". \g<n>", m["t"].strip())  # '(van der goes with it)'
        kept.append(text.rstrip(".") + ".")
    return " ".join(kept) if kept else None


# --- release notes ---------------------------------------------------------------------------------------------
_SECTION = r"(?:added|changed|removed|fixed|deprecated|security|known\s+issues|breaking\s+changes?|new|improvements?)"
_SECTION_RE = re.compile(rf"^\s*(?:#+\s*)?{_SECTION}\s*:?\s*$", re.I)
_RELEASE_TITLE_RE = re.compile(
    r"^\s*(?:#+\s*[^\n]*|(?:draft\s+)?(?:change\s*log|release\s+notes|notes)(?:\s+draft)?\b[^\n]*|"
    r"draft\s+(?:release\s+)?notes\b[^\n]*)$",
    re.I,
)
_NO_LONGER_RE = re.compile(r"^(?P<x>[\w .'-]{1,40}?)\s*[:\u2013\u2014-]\s*(?:is\s+)?no\s+longer\s+imported\b", re.I)
_EXAMPLE_RE = re.compile(r"\s*\((?:e\.g\.|eg|for\s+example|i\.e\.)[^()]*\)", re.I)
_IMPORTED_IN_RE = re.compile(
    r"^(?P<x>[\w .'-]{1,30}?)\s+(?:are|is)\s+(?:now\s+)?imported\s+in\s+(?P<c>lower|upper)\s*case", re.I
)


def _release(message: str) -> str | None:
    lines = [ln for ln in message.split("\n") if ln.strip()]
    if not any(_SECTION_RE.match(ln) for ln in lines):
        return None
    section, kept = "", []
    for line in lines:
        if _SECTION_RE.match(line):
            section = re.sub(r"[#:\s]+", " ", line).strip().lower()
            continue
        if _RELEASE_TITLE_RE.match(line) and not line.lstrip().startswith(("-", "*", "\u2022")):
            continue
        if section.startswith(("known", "fixed")):
            continue  # what is known or fixed is news, not a change asked for
        text = _EXAMPLE_RE.sub("", re.sub(r"^\s*[-*\u2022]\s+", "", line)).strip()
        if section == "removed" and (m := _NO_LONGER_RE.match(text)):
            text = f"don't import {m['x'].strip()}"
        elif m := _IMPORTED_IN_RE.match(text):
            text = f"make {m['x'].strip()} {m['c'].lower()}case"
        kept.append(text.rstrip(".") + ".")
    return " ".join(kept) if kept else None


# --- a Markdown table ------------------------------------------------------------------------------------------
_ROW_RE = re.compile(r"^\s*\|(?P<cells>.*)\|\s*$")
_RULE_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_FIELD_HEAD_RE = re.compile(r"^(?:template\s+)?(?:field|target|to|destination)(?:\s+field)?$", re.I)
_SOURCE_HEAD_RE = re.compile(r"^(?:(?:new|current|old)\s+)?(?:source|from|column)(?:\s+column)?$", re.I)


def _cells(line: str) -> list[str]:
    m = _ROW_RE.match(line)
    return [c.strip().strip("`*") for c in m["cells"].split("|")] if m else []


def _table(message: str) -> str | None:
    lines = message.split("\n")
    at = next((i for i in range(len(lines) - 1) if _cells(lines[i]) and _RULE_RE.match(lines[i + 1])), None)
    if at is None or _NO_ACTION_RE.search(message):
        return None
    head = _cells(lines[at])
    end = at + 2
    rows: list[list[str]] = []
    while end < len(lines) and (cells := _cells(lines[end])):
        if len(cells) != len(head):
            return None
        rows.append(cells)
        end += 1
    if not rows or len(head) < 2:
        return None
    if _FIELD_HEAD_RE.match(head[0]) and all(_SOURCE_HEAD_RE.match(h) for h in head[1:]):
        said = " ".join(f"take {r[0]} from {r[-1]}." for r in rows if r[-1])
    elif len(head) == 2 and not any(_SOURCE_HEAD_RE.match(h) or _FIELD_HEAD_RE.match(h) for h in head):
        said = f"In {head[0]}, " + " and ".join(f"{a} means {b}" for a, b in rows) + "."
    else:
        return None
    before = [ln for ln in lines[:at] if ln.strip() and not ln.rstrip().endswith(":")]
    after = [ln for ln in lines[end:] if ln.strip() and not re.match(r"^\s*(?:please\s+)?use\s+this\b", ln, re.I)]
    return "\n".join([*before, said, *after])


# --- a telegram ------------------------------------------------------------------------------------------------
_STOP_RE = re.compile(r"\s+(?:(?P<q>QUERY)\s+)?STOP\b\s*")


def _telegram(message: str) -> str | None:
    letters = [c for c in message if c.isalpha()]
    if not _STOP_RE.search(message) or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return None
    return _STOP_RE.sub(lambda m: "? " if m["q"] else ". ", message).strip()


def posted_request(message: str) -> str:
    """The request a post, journal page, release note, Markdown table or telegram carries, read as plain text; any
    other message comes back as it was."""
    for read in (_telegram, _table, _journal, _release, _post):
        said = read(message)
        if said is not None and said.strip():
            message = said.strip()
    return message
