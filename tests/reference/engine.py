"""A plain-Python reference implementation of the recipe semantics, for differential tests only.

It reproduces what `ferry.engine` (polars) does: every op as a small function over one value, the
field pipeline, filters, dedup, the field rules and the execute report. It is written from the op
docstrings in `ferry.recipe.model`, `docs/recipes.md` and the shared constants of `ferry.recipe.spec`,
as straightforward per-value Python: no polars anywhere.

Conventions: a value is `str | None` (None = no value). A source row is a dict of the raw cells of
the sheet by column name ('' = empty cell). "Blank" means None or only `spec.WHITESPACE` characters
(note: not Python's `str.isspace`, which differs on a few code points).

Where the documentation leaves a detail open, the reference takes the engine's reading and says so in
the docstring; where it departs from the engine on purpose (because the engine contradicts the
documented intent), the docstring says "Intent:".
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import phonenumbers

from ferry.core.domain import FileManifest, Template, TemplateField
from ferry.ingest import iter_rows
from ferry.ingest.rows import find_sheet
from ferry.recipe import model as m
from ferry.recipe.spec import (
    BOOLEAN_VALUES,
    CASE_INSENSITIVE_UNIQUE,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    DATE_FORMATS_DAY_FIRST,
    DATE_FORMATS_MONTH_FIRST,
    DATE_FORMATS_YEAR_FIRST,
    DATE_RE,
    DATETIME_FORMATS_DAY_FIRST,
    DATETIME_FORMATS_MONTH_FIRST,
    DATETIME_FORMATS_YEAR_FIRST,
    DATETIME_RE,
    DEFAULT_FALSE,
    DEFAULT_NULL_TOKENS,
    DEFAULT_TRUE,
    EMAIL_RE,
    GROUPING_SPACES,
    INTEGER_RE,
    LENGTH_TYPES,
    MONTHS,
    NAME_PARTICLES,
    NUMBER_RE,
    NUMERIC_TYPES,
    PHONE_RE,
    URL_RE,
    WHITESPACE,
    compile_date_format,
    days_in_month,
    two_digit_year,
)

Value = str | None
Row = dict[str, str]
"""The raw cells of one source row by column name ('' for an empty cell)."""
Inputs = Mapping[str, tuple[str | Path, FileManifest]]
"""file_id -> (local path of the file, its manifest), as for `ferry.engine.execute`."""

ROW = "_row"
ERRORS = "_errors"

DATE_FORMATS = {"MDY": DATE_FORMATS_MONTH_FIRST, "DMY": DATE_FORMATS_DAY_FIRST, "YMD": DATE_FORMATS_YEAR_FIRST}
DATETIME_FORMATS = {
    "MDY": DATETIME_FORMATS_MONTH_FIRST,
    "DMY": DATETIME_FORMATS_DAY_FIRST,
    "YMD": DATETIME_FORMATS_YEAR_FIRST,
}

# --- small helpers ----------------------------------------------------------------------------------


def strip_ws(text: str) -> str:
    """`text` without surrounding `spec.WHITESPACE`."""
    return text.strip(WHITESPACE)


def is_blank(value: Value) -> bool:
    """None, '' or only white space."""
    return value is None or strip_ws(value) == ""


def empty_to_null(value: Value) -> Value:
    """'' becomes None (the engine does this after reading a cell and after every op)."""
    return None if value == "" else value


def split_words(text: str) -> list[str]:
    """The words of `text`, separated by runs of `spec.WHITESPACE`."""
    words: list[str] = []
    current = ""
    for ch in text:
        if ch in WHITESPACE:
            if current:
                words.append(current)
            current = ""
        else:
            current += ch
    if current:
        words.append(current)
    return words


@lru_cache(maxsize=256)
def user_regex(pattern: str) -> re.Pattern[str]:
    """A recipe/template regex for Python's `re`, where `$` means the very end of the value.

    Python's `$` also matches just before a final newline; the documented portable subset (what the
    Rust regex engine does) does not, so outside multi-line mode every `$` that is an anchor becomes `\\Z`.
    """
    compiled = re.compile(pattern)
    if compiled.flags & re.MULTILINE:
        return compiled
    out: list[str] = []
    i = 0
    in_class = False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            j = i + 1
            if pattern[j : j + 1] == "^":
                j += 1
            if pattern[j : j + 1] == "]":  # a ']' first in a class is literal
                j += 1
            out.append(pattern[i:j])
            i = j
            continue
        elif ch == "$":
            out.append(r"\Z")
            i += 1
            continue
        out.append(ch)
        i += 1
    return re.compile("".join(out))


def full_match(pattern: str, text: str) -> re.Match[str] | None:
    """Match of one of the anchored `spec` shapes (`^...$`) against the whole of `text`."""
    return re.fullmatch(pattern, text)


# --- ops: one function per op, (op, value, source row) -> value -------------------------------------


def op_trim(op: m.Trim, value: Value, row: Row) -> Value:
    """Strip surrounding white space."""
    return None if value is None else strip_ws(value)


def _is_letter(ch: str) -> bool:
    """A letter of any script (or another character with case, such as a Roman numeral)."""
    return ch.isalpha() or ch.lower() != ch or ch.upper() != ch or unicodedata.category(ch) == "Nl"


def title_case(text: str) -> str:
    """Each word's first letter in title case, its other letters in lower case.

    A word is a run of letters (any script); combining marks belong to the character before them, so a
    decomposed accent does not end a word ("Rene\u0301e" is one word). A capital sigma ending a word
    becomes the final form `ς`.
    """
    out: list[str] = []
    in_word = False
    for i, ch in enumerate(text):
        if unicodedata.category(ch).startswith("M"):
            out.append(ch)
            continue
        if not in_word:
            out.append(ch.title())
        elif ch == "\u03a3":
            rest = [c for c in text[i + 1 :] if not unicodedata.category(c).startswith("M")]
            out.append("\u03c3" if rest and _is_letter(rest[0]) else "\u03c2")
        else:
            out.append(ch.lower())
        in_word = _is_letter(ch)
    return "".join(out)


def op_case(op: m.Case, value: Value, row: Row) -> Value:
    """lower / upper / title case."""
    if value is None:
        return None
    if op.to == "lower":
        return value.lower()
    if op.to == "upper":
        return value.upper()
    return title_case(value)


def op_null_tokens(op: m.NullTokens, value: Value, row: Row) -> Value:
    """None when the trimmed value is one of the tokens, ignoring case."""
    tokens = DEFAULT_NULL_TOKENS if op.tokens is None else op.tokens
    if value is None or strip_ws(value).upper() in {t.upper() for t in tokens}:
        return None
    return value


# dates ----------------------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _format_regex(fmt: str) -> re.Pattern[str]:
    return re.compile(compile_date_format(fmt).regex)


def _date_parts(fmt: str, text: str) -> dict[str, str | None] | None:
    """The directive groups of `text` read with strftime-style `fmt`, or None when it does not fit."""
    match = _format_regex(fmt).fullmatch(text)
    return match.groupdict() if match else None


def _calendar_date(parts: dict[str, str | None]) -> tuple[int, int, int] | None:
    """(year, month, day) when the parts name a real day of the proleptic Gregorian calendar."""
    year_4, year_2 = parts.get("Y"), parts.get("y")
    year = int(year_4) if year_4 is not None else two_digit_year(int(year_2 or "0"))
    numeric_month = parts.get("m")
    if numeric_month is not None:
        month: int | None = int(numeric_month)
    else:
        name = parts.get("b") or parts.get("B") or ""
        month = MONTHS.get(name.lower())
    day = int(parts.get("d") or "0")
    if month is None or not 1 <= month <= 12 or not 1 <= day <= days_in_month(year, month):
        return None
    return year, month, day


def _clock(parts: dict[str, str | None]) -> tuple[int, int, int] | None:
    """(hour, minute, second) of a real time of day; fractions of a second are dropped.

    Intent: a 12-hour clock hour (%I) is 1-12, and seconds are 00-59 (no leap second 60).
    """
    if "H" in parts:
        hour = int(parts["H"] or "0")
    elif "I" in parts:
        hour12 = int(parts["I"] or "0")
        if not 1 <= hour12 <= 12:
            return None
        hour = hour12 % 12 + (12 if (parts.get("p") or "").upper() == "PM" else 0)
    else:
        hour = 0
    minute = int(parts.get("M") or "0")
    second = int(parts.get("S") or "0")
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def offset_minutes(token: str) -> int | None:
    """Minutes east of UTC of 'Z', 'UTC', 'GMT', '+05', '-0800' or '+02:00'; None when not a real offset."""
    if token.upper() in ("Z", "UTC", "GMT"):
        return 0
    match = re.fullmatch(r"([+-])([0-9]{2}):?([0-9]{2})?", token)
    if not match:
        return None
    hours, minutes = int(match[2]), int(match[3] or "0")
    if hours > 23 or minutes > 59:
        return None
    return (-1 if match[1] == "-" else 1) * (hours * 60 + minutes)


def _day_number(year: int, month: int, day: int) -> int:
    """Proleptic Gregorian day number (1 = 0001-01-01); the calendar repeats every 400 years, which
    lets `datetime.date` count year 0000 too."""
    if year < 400:
        return dt.date(year + 400, month, day).toordinal() - 146097
    return dt.date(year, month, day).toordinal()


def _from_day_number(n: int) -> tuple[int, int, int] | None:
    """(year, month, day) of a day number, None outside years 0000-9999."""
    if n < 1:
        if n + 146097 < 1:
            return None
        d = dt.date.fromordinal(n + 146097)
        return (d.year - 400, d.month, d.day) if d.year >= 400 else None
    if n > dt.date.max.toordinal():
        return None
    d = dt.date.fromordinal(n)
    return d.year, d.month, d.day


def parse_date_value(text: str, formats: Sequence[str]) -> str | None:
    """`YYYY-MM-DD` of the first format that reads `text` as a real date (a time part is not checked)."""
    for fmt in formats:
        parts = _date_parts(fmt, text)
        date = _calendar_date(parts) if parts is not None else None
        if date is not None:
            year, month, day = date
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def parse_datetime_value(text: str, formats: Sequence[str], assume_offset: str) -> str | None:
    """UTC `YYYY-MM-DDTHH:MM:SSZ` of the first format that reads `text` as a real date-time.

    A value without a zone is read at `assume_offset`. Intent: a UTC instant outside years 0000-9999 has
    no `YYYY` spelling, so it counts as unparseable.
    """
    for fmt in formats:
        parts = _date_parts(fmt, text)
        if parts is None:
            continue
        date, clock = _calendar_date(parts), _clock(parts)
        zone = parts.get("z")
        offset = offset_minutes(zone if zone else assume_offset)
        if date is None or clock is None or offset is None:
            continue
        hour, minute, second = clock
        seconds = _day_number(*date) * 86400 + hour * 3600 + minute * 60 + second - offset * 60
        days, rest = divmod(seconds, 86400)
        utc_date = _from_day_number(days)
        if utc_date is None:
            continue
        year, month, day = utc_date
        return f"{year:04d}-{month:02d}-{day:02d}T{rest // 3600:02d}:{rest // 60 % 60:02d}:{rest % 60:02d}Z"
    return None


def op_parse_date(op: m.ParseDate, value: Value, row: Row) -> Value:
    """ISO date of the trimmed value; unparseable values are kept as they are."""
    if value is None:
        return None
    formats = op.formats or DATE_FORMATS[op.order]
    return parse_date_value(strip_ws(value), formats) or value


def op_parse_datetime(op: m.ParseDatetime, value: Value, row: Row) -> Value:
    """ISO UTC date-time of the trimmed value; unparseable values are kept as they are."""
    if value is None:
        return None
    formats = op.formats or DATETIME_FORMATS[op.order]
    return parse_datetime_value(strip_ws(value), formats, op.assume_offset) or value


# numbers --------------------------------------------------------------------------------------------


def _without_currency(text: str) -> str:
    """`text` without one leading and one trailing ISO currency code (any case) and without currency symbols."""
    if text[:3].upper() in CURRENCY_CODES:
        text = text[3:]
    if text[-3:].upper() in CURRENCY_CODES:
        text = text[:-3]
    return strip_ws("".join(ch for ch in text if ch not in CURRENCY_SYMBOLS))


def _percent_of(number: str) -> str:
    """`number` / 100, computed exactly in decimal, written without exponent or trailing zeros.

    Intent: "12% -> 0.12" is exact decimal arithmetic; "1.1%" is 0.011, not a binary float's 0.011000000000000001.
    """
    text = format(Decimal(number).scaleb(-2), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def op_to_number(op: m.ToNumber, value: Value, row: Row) -> Value:
    """A human number in canonical form (`spec.NUMBER_RE`), or the value unchanged when it is not one.

    Peels, in order: surrounding white space, one pair of enclosing parentheses (negative), a currency code
    before/after and currency symbols, trailing `%`, grouping characters (spaces, apostrophes and the
    separator that is not the decimal one); then reads an optional sign. `1.00` becomes `1`.
    Intent: only a balanced `(...)` means negative; a lone parenthesis is not a number.
    """
    if value is None:
        return None
    text = strip_ws(value)
    negative = len(text) >= 2 and text.startswith("(") and text.endswith(")")
    if negative:
        text = strip_ws(text[1:-1])
    text = _without_currency(text)
    percent = text.endswith("%")
    text = strip_ws(text.rstrip("%"))
    grouping = GROUPING_SPACES + ("," if op.decimal == "." else ".")
    text = "".join(ch for ch in text if ch not in grouping)
    if op.decimal == ",":
        text = text.replace(",", ".", 1)
    text = text.removeprefix("+")
    if text.startswith(".") or text.startswith("-."):
        text = text.replace(".", "0.", 1)
    if negative and not text.startswith("-"):
        text = "-" + text
    if not full_match(NUMBER_RE, text):
        return value
    if percent and op.percent:
        text = _percent_of(text)
    whole = re.fullmatch(r"(-?[0-9]+)\.0+", text)
    return whole[1] if whole else text


# other value ops ------------------------------------------------------------------------------------


def op_to_boolean(op: m.ToBoolean, value: Value, row: Row) -> Value:
    """'true' / 'false' for the listed words (trimmed, any case); other values unchanged.

    As in the engine, an empty `true_values`/`false_values` list means the defaults.
    """
    if value is None:
        return None
    word = strip_ws(value).lower()
    if word in {v.lower() for v in op.true_values or DEFAULT_TRUE}:
        return "true"
    if word in {v.lower() for v in op.false_values or DEFAULT_FALSE}:
        return "false"
    return value


@lru_cache(maxsize=65536)
def e164(text: str, region: str | None) -> str | None:
    """E.164 spelling of a possible phone number, None when phonenumbers cannot read it."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def op_phone_e164(op: m.PhoneE164, value: Value, row: Row) -> Value:
    """E.164 of the trimmed value (numbers without a country code read in `region`); else unchanged."""
    if value is None:
        return None
    text = strip_ws(value)
    return (e164(text, op.region) if text else None) or value


def op_email_normalize(op: m.EmailNormalize, value: Value, row: Row) -> Value:
    """Lower-cased address without surrounding white space, angle brackets and `mailto:` (in any order).

    Intent: `<mailto:a@b.com>` and `mailto: <a@b.com>` are `a@b.com` too.
    """
    if value is None:
        return None
    text = strip_ws(value)
    while True:
        peeled = strip_ws(text.strip("<>"))
        if peeled[:7].lower() == "mailto:":
            peeled = strip_ws(peeled[7:])
        if peeled == text:
            return text.lower()
        text = peeled


def op_url_to_domain(op: m.UrlToDomain, value: Value, row: Row) -> Value:
    """The lower-cased host: scheme, user info, port, path, query, fragment and a leading `www.` removed."""
    if value is None:
        return None
    text = strip_ws(value).lower()
    scheme = re.match(r"[a-z][a-z0-9+.-]*://", text)
    if scheme:
        text = text[scheme.end() :]
    at, slash = text.find("@"), text.find("/")
    if at >= 0 and (slash < 0 or at < slash):
        text = text[at + 1 :]
    host = re.split(r"[/:?#]", text, maxsplit=1)[0]
    return host.removeprefix("www.").strip(".")


def op_split(op: m.Split, value: Value, row: Row) -> Value:
    """One part of the value split on `sep` (None for an index out of range)."""
    if value is None:
        return None
    parts = value.split(op.sep)
    if op.part == "first":
        return parts[0]
    if op.part == "last":
        return parts[-1]
    return parts[op.index] if -len(parts) <= op.index < len(parts) else None


def full_name_parts(value: str) -> tuple[str | None, str | None]:
    """(given names, last name): "Last, First" or "First [Middle] [particles] Last"; one word is a first name."""
    words = split_words(value)
    if not words:
        return None, None
    text = " ".join(words)
    if "," in text:
        last, first = text.split(",", 1)
        return strip_ws(first) or None, strip_ws(last) or None
    if len(words) == 1:
        return words[0], None
    start = len(words) - 1  # the last name starts here, taking the particles before it (keep one given name)
    while start > 1 and words[start - 1].lower() in NAME_PARTICLES:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])


def op_split_name(op: m.SplitName, value: Value, row: Row) -> Value:
    """The given names (`first`) or the last name (`last`) of a full name."""
    if value is None:
        return None
    first, last = full_name_parts(value)
    return first if op.part == "first" else last


def op_affix(op: m.Affix, value: Value, row: Row) -> Value:
    """`prefix + value + suffix` for a non-blank value.

    Intent: like everywhere else ("blank" = null or only white space), a white-space-only value is left alone.
    """
    if is_blank(value):
        return value
    return f"{op.prefix}{value}{op.suffix}"


def op_concat(op: m.Concat, value: Value, row: Row) -> Value:
    """The trimmed non-blank cells of `columns` joined with `sep` (the current value is replaced)."""
    parts = [strip_ws(row[c]) for c in op.columns()]
    return op.sep.join(p for p in parts if p)


def op_map_values(op: m.MapValues, value: Value, row: Row) -> Value:
    """The mapping's value for the trimmed, lower-cased value; unmapped values kept (or `default`)."""
    if value is None:
        return None
    table = {strip_ws(k).lower(): v for k, v in op.mapping.items()}
    key = strip_ws(value).lower()
    if key in table:
        return table[key]
    return value if op.default is None else op.default


def op_default(op: m.Default, value: Value, row: Row) -> Value:
    """`value` of the op for a blank value."""
    return op.value if is_blank(value) else value


def op_coalesce(op: m.Coalesce, value: Value, row: Row) -> Value:
    """The first non-blank of the (trimmed) current value and the (trimmed) cells of `columns`."""
    for candidate in [value, *(row[c] for c in op.columns())]:
        if not is_blank(candidate):
            return strip_ws(candidate or "")
    return None


def op_fill_from(op: m.FillFrom, value: Value, row: Row) -> Value:
    """The trimmed value when not blank, else the cell of `column` run through the op's own `ops`."""
    if not is_blank(value):
        return strip_ws(value or "")
    other = empty_to_null(row[op.column])
    for inner in op.ops:
        other = empty_to_null(apply_op(inner, other, row))
    return other


def op_regex_extract(op: m.RegexExtract, value: Value, row: Row) -> Value:
    """Capture `group` of the first match of `pattern` (None without a match)."""
    if value is None:
        return None
    match = user_regex(op.pattern).search(value)
    return match.group(op.group) if match else None


def _json_text(node: Any) -> str | None:
    """A JSON value as cell text: strings as they are, true/false, numbers as Python writes them, objects
    and arrays as JSON. Intent: unpaired UTF-16 surrogates (`"\\ud83d"`) cannot be text; they become U+FFFD."""
    if node is None:
        return None
    if isinstance(node, bool):
        return "true" if node else "false"
    text = json.dumps(node, ensure_ascii=False) if isinstance(node, (dict, list)) else str(node)
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def op_json_extract(op: m.JsonExtract, value: Value, row: Row) -> Value:
    """The value at `path` (`$.a.b[0]`) of a JSON cell; None when the cell is not JSON or the path is missing."""
    if value is None:
        return None
    try:
        node: Any = json.loads(value)
    except ValueError:
        return None
    for name, index in re.findall(r"\.([A-Za-z0-9_-]+)|\[([0-9]+)\]", op.path[1:]):
        if name:
            if not isinstance(node, dict) or name not in node:
                return None
            node = node[name]
        else:
            if not isinstance(node, list) or int(index) >= len(node):
                return None
            node = node[int(index)]
    return _json_text(node)


OPS: dict[type, Callable[[Any, Value, Row], Value]] = {
    m.Trim: op_trim,
    m.Case: op_case,
    m.NullTokens: op_null_tokens,
    m.ParseDate: op_parse_date,
    m.ParseDatetime: op_parse_datetime,
    m.ToNumber: op_to_number,
    m.ToBoolean: op_to_boolean,
    m.PhoneE164: op_phone_e164,
    m.EmailNormalize: op_email_normalize,
    m.UrlToDomain: op_url_to_domain,
    m.Split: op_split,
    m.SplitName: op_split_name,
    m.Affix: op_affix,
    m.Concat: op_concat,
    m.MapValues: op_map_values,
    m.Default: op_default,
    m.Coalesce: op_coalesce,
    m.FillFrom: op_fill_from,
    m.RegexExtract: op_regex_extract,
    m.JsonExtract: op_json_extract,
}


def apply_op(op: Any, value: Value, row: Row) -> Value:
    """One op on one value; `row` holds the raw source cells the op may read."""
    return OPS[type(op)](op, value, row)


def field_value(fr: m.FieldRecipe | None, row: Row) -> Value:
    """A field's output value: its cell ('' is null; no column: null) through its ops, '' becoming null."""
    if fr is None:
        return None
    value = empty_to_null(row[fr.column]) if fr.column else None
    for op in fr.ops:
        value = empty_to_null(apply_op(op, value, row))
    return value


def canonical_enum(f: TemplateField, value: Value) -> Value:
    """An enum value spelled as in the template when it matches one ignoring case."""
    if f.type != "enum" or not f.values or value is None:
        return value
    return {v.lower(): v for v in f.values}.get(value.lower(), value)


# --- rules: one function per rule, each True when the (present) value fails it ------------------------


def _real_date(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)


TYPE_SHAPES = {
    "integer": INTEGER_RE,
    "number": NUMBER_RE,
    "date": DATE_RE,
    "datetime": DATETIME_RE,
    "email": EMAIL_RE,
    "phone": PHONE_RE,
    "url": URL_RE,
}


def fails_type(f: TemplateField, v: str) -> bool:
    """Not in the canonical shape of the field's type (`spec` regexes; dates and times must exist).

    Intent (docs: "ISO date/datetime that exist"): a date-time's hour is 00-23, minute and second 00-59,
    and its offset a real one (hours 00-23, minutes 00-59).
    """
    if f.type == "boolean":
        return v not in BOOLEAN_VALUES
    shape = TYPE_SHAPES.get(f.type)
    if shape is None:
        return False
    match = full_match(shape, v)
    if match is None:
        return True
    if f.type == "date":
        return not _real_date(int(match[1]), int(match[2]), int(match[3]))
    if f.type == "datetime":
        hour, minute, second = int(match[4]), int(match[5]), int(match[6])
        real_time = hour <= 23 and minute <= 59 and second <= 59 and offset_minutes(match[8]) is not None
        return not (_real_date(int(match[1]), int(match[2]), int(match[3])) and real_time)
    return False


def fails_enum(f: TemplateField, v: str) -> bool:
    """An enum value not among `values` (ignoring case)."""
    return f.type == "enum" and bool(f.values) and v.lower() not in {x.lower() for x in f.values or []}


def fails_pattern(f: TemplateField, v: str) -> bool:
    """No match of `pattern` anywhere in the value (`re.search`)."""
    return f.pattern is not None and user_regex(f.pattern).search(v) is None


def _number(v: str) -> float | None:
    try:
        return float(v)
    except ValueError:
        return None


def fails_min(f: TemplateField, v: str) -> bool:
    """A number/integer below `min`."""
    num = _number(v) if f.type in NUMERIC_TYPES and f.min is not None else None
    return num is not None and f.min is not None and num < f.min


def fails_max(f: TemplateField, v: str) -> bool:
    """A number/integer above `max`."""
    num = _number(v) if f.type in NUMERIC_TYPES and f.max is not None else None
    return num is not None and f.max is not None and num > f.max


def fails_min_length(f: TemplateField, v: str) -> bool:
    """Fewer characters than `min` (string/email/phone/url/enum)."""
    return f.type in LENGTH_TYPES and f.min is not None and len(v) < f.min


def fails_max_length(f: TemplateField, v: str) -> bool:
    """More characters than `max` (string/email/phone/url/enum)."""
    return f.type in LENGTH_TYPES and f.max is not None and len(v) > f.max


VALUE_RULES: tuple[tuple[str, Callable[[TemplateField, str], bool]], ...] = (
    ("type", fails_type),
    ("enum", fails_enum),
    ("pattern", fails_pattern),
    ("min", fails_min),
    ("max", fails_max),
    ("min_length", fails_min_length),
    ("max_length", fails_max_length),
)


def rule_applies(rule: str, f: TemplateField) -> bool:
    """Whether field `f` is checked for `rule` at all (by its type and settings)."""
    return {
        "type": f.type == "boolean" or f.type in TYPE_SHAPES,
        "enum": f.type == "enum" and bool(f.values),
        "pattern": f.pattern is not None,
        "min": f.type in NUMERIC_TYPES and f.min is not None,
        "max": f.type in NUMERIC_TYPES and f.max is not None,
        "min_length": f.type in LENGTH_TYPES and f.min is not None,
        "max_length": f.type in LENGTH_TYPES and f.max is not None,
    }[rule]


def unique_key(f: TemplateField, v: str) -> str:
    """What uniqueness compares: the value, lower-cased for string/email/url/enum."""
    return v.lower() if f.type in CASE_INSENSITIVE_UNIQUE else v


def field_errors(f: TemplateField, values: Sequence[Value]) -> list[str | None]:
    """Per value of the column of field `f` (in row order), the first rule it fails or None.

    Blank values fail `required` (when set) and nothing else; every present value counts as an occurrence
    for `unique` (the second and later occurrences fail it) whatever else it fails.
    """
    checks = [(rule, fails) for rule, fails in VALUE_RULES if rule_applies(rule, f)]
    seen: set[str] = set()
    out: list[str | None] = []
    for v in values:
        if v is None or is_blank(v):
            out.append("required" if f.required else None)
            continue
        key = unique_key(f, v)
        repeated = key in seen
        seen.add(key)
        failed = next((rule for rule, fails in checks if fails(f, v)), None)
        out.append(failed or ("unique" if f.unique and repeated else None))
    return out


# --- the executor -----------------------------------------------------------------------------------


def keeps(flt: m.Filter, value: Value) -> bool:
    """Whether filter `flt` keeps a row whose filtered value (output field or raw cell) is `value`."""
    seen = None if is_blank(value) else strip_ws(value or "").lower()
    if flt.op == "not_null":
        return seen is not None
    wanted = flt.value if isinstance(flt.value, list) else [flt.value or ""]
    hit = seen is not None and seen in {strip_ws(w).lower() for w in wanted}
    return hit if flt.op in ("eq", "in") else not hit


def dedup(rows: list[dict[str, Any]], d: m.Dedup) -> list[dict[str, Any]]:
    """Rows whose key values (lower-cased) repeat dropped, keeping the first or last; all-null keys kept."""

    def key(r: dict[str, Any]) -> tuple[str | None, ...]:
        return tuple(None if r[k] is None else r[k].lower() for k in d.keys)

    ordered = rows if d.keep == "first" else rows[::-1]
    seen: set[tuple[str | None, ...]] = set()
    kept: list[dict[str, Any]] = []
    for r in ordered:
        k = key(r)
        if all(part is None for part in k) or k not in seen:
            kept.append(r)
        seen.add(k)
    return kept if d.keep == "first" else kept[::-1]


@dataclass
class Built:
    """One template's reference result: output rows and, per field, the raw source cells behind them."""

    template: Template
    recipe: m.TemplateRecipe
    rows: list[dict[str, Any]]
    source: dict[str, list[Value]] = field(default_factory=dict)


def build_template(
    tr: m.TemplateRecipe, template: Template, columns: Sequence[str], cells: Iterable[list[str]]
) -> Built:
    """Apply one TemplateRecipe to the data rows of its sheet (`cells`, each a list of strings by `columns`)."""
    by_field = {fr.field: fr for fr in tr.fields}
    keys = [f.key for f in template.fields]
    # A field whose ops read only its own column is a function of that one cell: computed once per distinct cell.
    memo: dict[str, dict[str, Value]] = {
        fr.field: {} for fr in tr.fields if fr.column and fr.source_columns() == [fr.column]
    }

    def output(f: TemplateField, source: Row) -> Value:
        fr = by_field.get(f.key)
        if fr is None or fr.column is None or f.key not in memo:
            return canonical_enum(f, field_value(fr, source))
        seen = memo[f.key]
        cell = source[fr.column]
        if cell not in seen:
            seen[cell] = canonical_enum(f, field_value(fr, source))
        return seen[cell]

    rows: list[dict[str, Any]] = []
    for number, cell_list in enumerate(cells, start=1):
        source = dict(zip(columns, cell_list, strict=True))
        if not all(keeps(flt, source[flt.column]) for flt in tr.filters if flt.column is not None):
            continue
        out: dict[str, Any] = {ROW: number}
        for f in template.fields:
            out[f.key] = output(f, source)
        out["__source__"] = {
            k: source[fr.column] if (fr := by_field.get(k)) is not None and fr.column else None for k in keys
        }
        rows.append(out)
    for flt in tr.filters:
        if flt.field is not None:
            rows = [r for r in rows if keeps(flt, r[flt.field])]
    if tr.dedup is not None:
        rows = dedup(rows, tr.dedup)
    errors = {f.key: field_errors(f, [r[f.key] for r in rows]) for f in template.fields}
    source_cells = {k: [r["__source__"][k] for r in rows] for k in keys}
    final = [
        {ROW: r[ROW], **{k: r[k] for k in keys}, ERRORS: {k: errors[k][i] for k in keys}} for i, r in enumerate(rows)
    ]
    return Built(template=template, recipe=tr, rows=final, source=source_cells)


# --- the report -------------------------------------------------------------------------------------

FILL_DROP_RATIO = 0.8


def fill_profile(values: Sequence[Value], column: str | None) -> dict[str, Any]:
    """`{column, filled, distinct, total}`: filled = non-blank values, distinct among them (exact spelling)."""
    filled = [v for v in values if not is_blank(v)]
    return {"column": column, "filled": len(filled), "distinct": len(set(filled)), "total": len(values)}


def build_report(built: Sequence[Built]) -> dict[str, Any]:
    """The execute report: row counts, rows with an invalid cell, and the source-vs-output fill profile."""
    columns: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    for b in built:
        by_field = {fr.field: fr for fr in b.recipe.fields}
        for f in b.template.fields:
            fr = by_field.get(f.key)
            source = fill_profile(b.source[f.key], fr.column if fr else None)
            output = fill_profile([r[f.key] for r in b.rows], f.key)
            columns.append({"template": b.template.sheet_id, "column": f.key, "source": source, "output": output})
            total = len(b.rows)
            if total and source["filled"]:
                src_rate, out_rate = source["filled"] / total, output["filled"] / total
                if out_rate < FILL_DROP_RATIO * src_rate:
                    warnings.append(
                        {
                            "template": b.template.sheet_id,
                            "column": f.key,
                            "sourceFillRate": round(src_rate, 4),
                            "outputFillRate": round(out_rate, 4),
                            "message": f"{f.key}: {output['filled']} of {total} rows filled after mapping, "
                            f"against {source['filled']} in source column {source['column']!r}",
                        }
                    )
    return {
        "totalRows": sum(len(b.rows) for b in built),
        "templates": [
            {"templateName": b.template.name, "sheetId": b.template.sheet_id, "rowCount": len(b.rows)} for b in built
        ],
        "invalidCellCount": sum(
            1 for b in built for r in b.rows if any(rule is not None for rule in r[ERRORS].values())
        ),
        "profile": {"columns": columns, "warnings": warnings},
    }


def reference_build_all(recipe: m.Recipe, templates: list[Template], inputs: Inputs) -> list[Built]:
    """Every template of `recipe` built from its sheet (read with `ferry.ingest.iter_rows`)."""
    by_id = {t.sheet_id: t for t in templates}
    sheets = {(fid, s.sheet_id): s for fid, (_, manifest) in inputs.items() for s in manifest.sheets}
    recipe.validate_against(templates, sheets)
    cache: dict[tuple[str, str], list[list[str]]] = {}
    built: list[Built] = []
    for tr in recipe.templates:
        path, manifest = inputs[tr.source.file_id]
        key = (tr.source.file_id, tr.source.sheet_id)
        if key not in cache:
            cache[key] = list(iter_rows(path, manifest, tr.source.sheet_id))
        columns = find_sheet(manifest, tr.source.sheet_id).column_names
        built.append(build_template(tr, by_id[tr.sheet_id], columns, cache[key]))
    return built


def reference_execute(recipe: m.Recipe, templates: list[Template], inputs: Inputs) -> dict[str, Any]:
    """`{"outputs": {sheet_id: [{"_row", <field>..., "_errors": {field: rule | None}}]}, "report": {...}}`.

    The counterpart of `ferry.engine.execute` + `read_output` (rows in output order) and its `report`.
    """
    built = reference_build_all(recipe, templates, inputs)
    return {"outputs": {b.template.sheet_id: b.rows for b in built}, "report": build_report(built)}
