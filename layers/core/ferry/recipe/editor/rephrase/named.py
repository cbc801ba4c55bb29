"""Rewrites that need the migration's names: a value of the file, a column, a field the values fit, the field
the message is about. Each reads one kind of wording and, only when the names check out, says it the plain way
('ignore Lifecycle test rows' → 'drop rows where Lifecycle is test'); otherwise it leaves the text as it is.
"""

from __future__ import annotations

import re

from ferry.agent.profile import profile_column
from ferry.recipe.editor.rephrase.common import DROP_VERBS, MISSING, NOUNS, ROWS, bare
from ferry.recipe.editor.resolver import Ctx

# 'ignore Lifecycle test rows', 'leave out the test contacts': a value of exactly one column names the rows
_VALUE_ROWS_RE = re.compile(
    rf"^(?P<verb>{DROP_VERBS}|don'?t import|do not import)\s+(?:the\s+|all\s+|any\s+)?(?:(?P<c>[\w\u27e6\u27e7 -]+?)"
    rf"\s+)?(?P<v>[\w\u27e6\u27e7-]+)(?:\s+(?P<r>{ROWS}))?$",
    re.I,
)


_VALUE_ROWS_IN_RE = re.compile(
    rf"^(?P<verb>{DROP_VERBS}|don'?t import|do not import)\s+(?:the\s+|all\s+|any\s+)?(?P<v>[\w\u27e6\u27e7-]+)\s+"
    rf"(?P<r>{ROWS})\s*(?:\((?P<c1>[^)]+)\)|(?:in|by|from|per|according to)\s+(?:the\s+)?(?P<c2>.+))$",
    re.I,
)


def value_rows(ctx: Ctx, text: str) -> str:
    moved = _VALUE_ROWS_IN_RE.match(text)  # 'exclude test records (Lifecycle)': the column said after the rows
    if moved is not None:
        column = moved.group("c1") or moved.group("c2")
        text = f"{moved.group('verb')} {column} {moved.group('v')} {moved.group('r')}"
    m = _VALUE_ROWS_RE.match(text)
    if m is None:
        return text
    value, _ = ctx.text(m.group("v"))
    holders = [c for c, values in ctx.samples.items() if any(v.strip().lower() == value.lower() for v in values)]
    named = m.group("c")
    if not named and not m.group("r"):
        return text  # 'ignore USA' names neither the rows nor a column: not read as a row filter
    column = ctx.rank_columns(named).name if named else None
    if named and column is None:
        return text
    if column is None:
        if len(holders) != 1:
            return text
        column = holders[0]
    if column not in holders:
        return text
    return f"drop rows where {column} is {m.group('v')}"


# 'Interessent a lead' in a list after 'Kunde is a customer': a file value, then an allowed value, the verb left out
_PAIR_RE = re.compile(
    r"^(?P<v>[\w\u27e6\u27e7-]+)\s+(?:an?\s+|the\s+|as\s+|to\s+|for\s+|means\s+|is\s+|=\s*|->\s*|=>\s*)?"
    r"(?:an?\s+|the\s+)?(?P<w>[\w\u27e6\u27e7-]+)$",
    re.I,
)


_PAIR_NAMED_RE = re.compile(
    r"^(?P<c>.+?)\s+(?P<v>[\w\u27e6\u27e7-]+)\s*(?:->|=>|\u2192|=|:)\s*(?P<f>.+?)\s+(?P<w>[\w\u27e6\u27e7-]+)$"
)


def value_pair(ctx: Ctx, text: str) -> str:
    named = _PAIR_NAMED_RE.match(text)  # 'Lifecycle Kunde -> status customer': the column and the field named too
    if named is not None:
        column, field = ctx.rank_columns(named.group("c")), ctx.field(named.group("f"), via_column=False)
        if column.name and column.score >= 0.9 and field:
            text = f"{named.group('v')} {named.group('w')}"
    m = _PAIR_RE.match(text)
    if m is None:
        return text
    value, _ = ctx.text(m.group("v"))
    target, _ = ctx.text(m.group("w"))
    in_file = any(v.strip().lower() == value.lower() for values in ctx.samples.values() for v in values)
    allowed = any(target.lower() in (x.lower() for x in f.values or []) for f in ctx.template.fields)
    return f"treat {m.group('v')} as {m.group('w')}" if in_file and allowed else text


# 'use Mobile instead of Work Phone', 'the mobile numbers instead of the office ones' (a preference): the column
# takes the place of the one it is preferred to, or goes to the one field its values fit
_INSTEAD_RE = re.compile(
    r"^(?:use|take|prefer|pick|go with|have|map|import)?\s*(?:the\s+)?(?P<a>.+?)"
    r"(?:\s+(?:instead of|rather than|over|than|not)\s+(?:the\s+)?(?P<b>.+))?$",
    re.I,
)
_KINDS = {"phone": "phone", "email": "email", "date": "date", "datetime": "date"}


def instead(ctx: Ctx, text: str) -> str:
    m = _INSTEAD_RE.match(text)
    if m is None or not m.group("b"):  # a bare column is no preference: where it goes stays a question
        return text
    a_phrase = re.sub(rf"{NOUNS}$", "", m.group("a"), flags=re.I)
    ranked = ctx.rank_columns(a_phrase)
    if ranked.name is None or ranked.score < 0.9:
        return text
    fields: list[str] = []
    if m.group("b"):
        b_phrase = re.sub(rf"{NOUNS}$", "", m.group("b"), flags=re.I)
        other = ctx.rank_columns(b_phrase)
        if other.name and other.score >= 0.9:
            fields = ctx.readers(other.name)
    if not fields:
        fields = ctx.readers(ranked.name)  # it feeds a field already: that is the one meant (and already so)
    if not fields:
        shares = profile_column(ctx.samples.get(ranked.name, []))
        fit = {"phone": shares.phone, "email": shares.email, "date": shares.date}
        fields = [f.key for f in ctx.template.fields if fit.get(_KINDS.get(f.type, ""), 0.0) >= 0.6]
    if len(fields) != 1:
        return text
    return f"map {ranked.name} to {fields[0]}"


# '03/04/2024 means the 3rd of April, not March 4th': a sample date read out says the order
_MONTHS = [
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
]
_EXAMPLE_DATE_RE = re.compile(
    r"^(?:(?:read|interpret|take|treat|understand)\s+)?(?:(?:the\s+)?(?:date\s+)?)?(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})"
    r"(?:[/.-]\d{2,4})?\s+(?:means|is|=|stands for|as)\s+"
    r"(?:the\s+)?(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>[a-z]+)|(?P<m2>[a-z]+)\s+(?:the"
    r"\s+)?(?P<d2>\d{1,2})"
    r"(?:st|nd|rd|th)?)\b.*$",
    re.I,
)


_LOOKS_LIKE_RE = re.compile(
    r"^(?P<a>.+?)\s+(?:looks like|is like|are like|e\.?g\.?|for example|like|such as)"
    r"\s+(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})"
    r"[/.-]\d{2,4}$",
    re.I,
)


def example_date(text: str) -> str:
    looks = _LOOKS_LIKE_RE.match(text)  # 'Signup Date looks like 31/12/2024': a day above 12 settles the order
    if looks is not None:
        first, second = int(looks.group("d")), int(looks.group("m"))
        if first > 12 >= second:
            return f"{looks.group('a')} is day-first"
        if second > 12 >= first:
            return f"{looks.group('a')} is month-first"
        return text
    m = _EXAMPLE_DATE_RE.match(text)
    if m is None:
        return text
    day = int(m.group("d1") or m.group("d2"))
    month_name = (m.group("m1") or m.group("m2")).lower()
    if month_name not in _MONTHS:
        return text
    month = _MONTHS.index(month_name) + 1
    a, b = int(m.group("a")), int(m.group("b"))
    if (a, b) == (day, month) and a != b:
        return "dates are day-first"
    if (a, b) == (month, day) and a != b:
        return "dates are month-first"
    return text


# 'DE and US instead of Deutschland and USA' (a preference between two lists of values): pair them in order
_LIST_SPLIT_RE = re.compile(r"\s*(?:,|\band\b|&)\s*", re.I)


def instead_values(ctx: Ctx, text: str) -> str:
    m = re.match(
        r"^(?:use\s+|have\s+)?(?:the\s+)?(?:codes?|values?|words?)?\s*(?P<a>.+?)\s+instead of\s+(?:the\s+)?"
        r"(?P<b>.+)$",
        text,
        re.I,
    )
    if m is None:
        return text
    wanted = [w for w in _LIST_SPLIT_RE.split(m.group("a")) if w]
    had = [w for w in _LIST_SPLIT_RE.split(m.group("b")) if w]
    if len(wanted) != len(had) or not wanted:
        return text
    in_file = {v.strip().lower() for values in ctx.samples.values() for v in values}
    allowed = {x.lower() for f in ctx.template.fields for x in f.values or []}
    if all(h.lower() in in_file for h in had) and all(w.lower() in allowed for w in wanted):
        return ", ".join(f"{h} is {w}" for h, w in zip(had, wanted, strict=True))
    return text


# 'in Lifecycle Kunde means customer': the column a value list is about, said first without a comma
_IN_COLUMN_RE = re.compile(r"^(?:in|for|within)\s+(?:the\s+)?(?P<rest>.+)$", re.I)


def in_column(ctx: Ctx, text: str) -> str:
    m = _IN_COLUMN_RE.match(text)
    if m is None or "," in m.group("rest").split(" means ")[0]:
        return text
    words = m.group("rest").split()
    for n in (3, 2, 1):
        head = " ".join(words[:n])
        ranked = ctx.rank_columns(head)
        if len(words) > n + 1 and ranked.name and ranked.score >= 0.9:
            return f"in {head}, {' '.join(words[n:])}"
    return text


# 'Land values Deutschland and USA are DE and US', 'Germany/Deutschland is DE': values of the file paired in order
# with allowed values; of 'A/B' the one the file holds
_LISTS_RE = re.compile(
    r"^(?:(?:in\s+)?(?:the\s+)?[\w -]+?\s+values?:?\s+)?(?P<a>.+?)\s+(?:are|is|mean|means|become|->|=>|=)\s+"
    r"(?:the\s+)?(?:codes?\s+|values?\s+)?(?P<b>.+)$",
    re.I,
)


def value_lists(ctx: Ctx, text: str) -> str:
    m = _LISTS_RE.match(text)
    if m is None:
        return text
    in_file = {v.strip().lower(): v for values in ctx.samples.values() for v in values}
    allowed = {x.lower() for f in ctx.template.fields for x in f.values or []}

    def file_value(word: str) -> str | None:
        options = [w for w in word.split("/") if w.lower() in in_file]
        return options[0] if len(options) == 1 else None

    had = [file_value(w) for w in _LIST_SPLIT_RE.split(m.group("a")) if w]
    wanted = [w for w in _LIST_SPLIT_RE.split(m.group("b")) if w]
    if not had or len(had) != len(wanted) or None in had or any(w.lower() not in allowed for w in wanted):
        return text
    return ", ".join(f"{h} is {w}" for h, w in zip(had, wanted, strict=True))


# 'take the mobil number as phone number': a column (with a noun after it) taken as a field
_TAKE_AS_RE = re.compile(
    r"^(?:(?:take|use|map|put)\s+(?:the\s+)?(?P<a>.+?)\s+(?:as|for|to|into)|(?:the\s+)?(?P<a2>.+?)\s+(?:as|for|into))"
    r"\s+"
    r"(?:the\s+)?(?P<f>[^,]+?)$",
    re.I,
)


def take_as(ctx: Ctx, text: str) -> str:
    m = _TAKE_AS_RE.match(text)
    if m is None:
        return text
    column = ctx.rank_columns(bare(m.group("a") or m.group("a2")))
    field = ctx.field(bare(m.group("f")), via_column=False)
    if column.name is None or column.score < 0.9 or field is None:
        return text
    return f"map {column.name} to {field}"


# 'use DE for Deutschland (for Land)', 'write US instead of USA': an allowed value for a value of the file
_USE_FOR_RE = re.compile(
    r"^(?:(?:for|in)\s+(?:the\s+)?[\w -]+?,?\s+)?(?:use|put|write|take|set)\s+(?P<w>[\w\u27e6\u27e7-]+)\s+"
    r"(?:for|instead of|in place of)\s+(?P<v>[\w\u27e6\u27e7-]+)(?:\s+(?:for|in)\s+(?:the\s+)?[\w -]+)?$",
    re.I,
)


def use_for(ctx: Ctx, text: str) -> str:
    m = _USE_FOR_RE.match(text) or re.match(
        r"^(?P<w>[\w\u27e6\u27e7-]+)\s+(?:for|instead of)\s+(?P<v>[\w\u27e6\u27e7-]+)$", text, re.I
    )
    if m is None:
        return text
    value, target = ctx.text(m.group("v"))[0], ctx.text(m.group("w"))[0]
    in_file = any(v.strip().lower() == value.lower() for values in ctx.samples.values() for v in values)
    allowed = any(target.lower() in (x.lower() for x in f.values or []) for f in ctx.template.fields)
    return f"treat {m.group('v')} as {m.group('w')}" if in_file and allowed else text


# 'if it is empty, use Mobile' after 'map Work Phone to phone': 'it' is the field the message is about
_IT_IS_RE = re.compile(
    r"^(?P<w>if|when|where|whenever)\s+(?:it|that|this|they|that one)(?P<rest>\s+(?:is|are)\b.*|'s\b.*)$", re.I
)


def it_is(ctx: Ctx, text: str) -> str:
    m = _IT_IS_RE.match(text)
    if m is None or not ctx.focus:
        return text
    rest = m.group("rest")
    return f"{m.group('w')} {ctx.focus}{' is' + rest[2:] if rest.startswith(chr(39) + 's') else rest}"


# 'when Land is blank, set country to US': the condition names the column the field reads
_WHEN_SET_RE = re.compile(
    rf"^(?:if|when|where|whenever)\s+(?:the\s+)?(?P<a>.+?)\s+(?:is|are)\s+{MISSING},?\s+(?:then\s+)?(?:(?:set|make|"
    r"put)\s+)?"
    r"(?:the\s+)?(?P<f>[^=:]+?)(?:\s*(?:=|:)\s*|\s+(?:to|as|becomes|is)\s+)(?P<b>.+)$",
    re.I,
)


_SET_WHEN_RE = re.compile(
    r"^(?:(?:set|make|put)\s+)?(?:the\s+)?(?P<f>[^=:]+?)(?:\s*(?:=|:)\s*|\s+(?:to|as|becomes|is)"
    r"\s+)(?P<b>[\w\u27e6\u27e7-]+)\s+"
    rf"(?:if|when|where|whenever)\s+(?:the\s+)?(?P<a>.+?)\s+(?:is|are)\s+{MISSING}$",
    re.I,
)


def when_set(ctx: Ctx, text: str) -> str:
    m = _WHEN_SET_RE.match(text) or _SET_WHEN_RE.match(text)
    if m is None:
        return text
    key = ctx.field(m.group("f"), via_column=False)
    subject = ctx.field(m.group("a"))  # the field itself, or the field its column feeds
    if key is None or subject != key:
        return text
    return f"set {m.group('f')} to {m.group('b')} when it is empty"


# 'contacts without a country are in the US': where they are is the default of a field with allowed values only
_ARE_IN_RE = re.compile(
    rf"^(?:the\s+|all\s+)?{ROWS}\s+(?:without|with no|missing|lacking)\s+(?:an?\s+|any\s+)?(?P<f>.+?)\s+(?:are|is)\s+"
    r"(?:all\s+)?(?:in|based in|located in|living in)\s+(?:the\s+)?(?P<v>.+)$",
    re.I,
)


def are_in(ctx: Ctx, text: str) -> str:
    m = _ARE_IN_RE.match(text)
    key = ctx.field(m.group("f"), via_column=False) if m else None
    if m is None or key is None or not ctx.spec(key).values:
        return text
    return f"set {key} to {m.group('v')} when it is empty"


# The readers, in the order they are tried on each wording.
NAMED_READERS = (
    value_rows, value_pair, instead, instead_values, in_column, value_lists, take_as, use_for, it_is, when_set, are_in,
)  # fmt: skip
