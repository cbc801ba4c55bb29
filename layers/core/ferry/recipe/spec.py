"""The shared definition of what each recipe op and field rule means, in plain data.

Both executors (polars in ferry.engine, the pure-Python reference in tests/reference) build on these
constants and patterns, so the two cannot drift apart. Everything here is polars-free: the API
function imports it to validate recipes.

Regular expressions here use a portable subset (no lookaround, no backreferences, `[0-9]` instead of
`\\d`) so Python's `re` and the Rust `regex` crate behind polars match exactly the same strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Unicode White_Space plus the zero-width characters that spreadsheets leave behind (BOM, ZWSP).
# Explicit because Python's str.strip() and Rust's char::is_whitespace disagree on a few code points.
WHITESPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\u200b\ufeff"
)

DEFAULT_NULL_TOKENS: tuple[str, ...] = ("NA", "N/A", "NULL", "NONE", "NIL", "NAN", "#N/A", ".", "-", "--", "?")
DEFAULT_TRUE: tuple[str, ...] = ("true", "t", "yes", "y", "1", "on", "x", "✓")
DEFAULT_FALSE: tuple[str, ...] = ("false", "f", "no", "n", "0", "off")

# Symbols stripped by to_number, and the ISO codes accepted before or after a number.
CURRENCY_SYMBOLS = "$€£¥₹₩₽₺₪₫฿¢₦₱₴₲₡"
CURRENCY_CODES: tuple[str, ...] = ("USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "INR", "CNY", "SEK", "NOK")
# ISO 4217 codes of the currencies most exports carry (a superset of the above): what tells a column of currency
# codes from one of other three-letter words when the mapping agent reads values.
ISO_CURRENCIES = frozenset(
    re.findall(
        r"[A-Z]{3}",
        " ".join(CURRENCY_CODES)
        + " CZK HUF RON BGN HRK ISK TRY RUB UAH ILS AED SAR QAR PLN DKK KWD EGP ZAR NGN KES GHS MAD MXN BRL ARS CLP COP"
        " PEN UYU VES HKD SGD TWD KRW THB MYR IDR PHP VND PKR BDT LKR",
    )
)
# Characters accepted as a thousands separator in addition to the non-decimal one of `,` and `.`.
GROUPING_SPACES = " \u00a0\u202f'\u2019"

# --- canonical output shapes, checked by the field rules ------------------------------------------

NUMBER_RE = r"^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$"
INTEGER_RE = r"^-?[0-9]+$"
DATE_RE = r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$"
DATETIME_RE = (
    r"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$"
)
_ATOM = "A-Za-z0-9!#$%&'*+/=?^_`{|}~-"
EMAIL_RE = (
    rf"^[{_ATOM}]+(\.[{_ATOM}]+)*@"
    r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$"
)
PHONE_RE = r"^\+[1-9][0-9]{6,14}$"
URL_RE = (
    r"^[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*"
    r"(:[0-9]{1,5})?([/?#][^ \t\r\n]*)?$"
)
BOOLEAN_VALUES = ("true", "false")

# Field types whose uniqueness is case-insensitive (an email is the same address in any case).
CASE_INSENSITIVE_UNIQUE = frozenset({"string", "email", "url", "enum"})
# Field types whose `min`/`max` bound the value; for every other type except boolean/date/datetime
# they bound the length in characters.
NUMERIC_TYPES = frozenset({"integer", "number"})
LENGTH_TYPES = frozenset({"string", "email", "phone", "url", "enum"})

# Rules in the order they are checked; a cell reports only its first failing rule.
RULE_ORDER = ("required", "type", "enum", "pattern", "min", "max", "min_length", "max_length", "unique")

MONTHS: dict[str, int] = {
    **{
        m: i + 1
        for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))
    },
    **{
        m: i + 1
        for i, m in enumerate(
            (
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            )
        )
    },
    "sept": 9,
}

# --- date formats ---------------------------------------------------------------------------------

DATE_FORMATS_MONTH_FIRST: tuple[str, ...] = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%m/%d/%Y",
    "%m-%d-%Y",
    "%m.%d.%Y",
    "%m/%d/%y",
    "%Y%m%d",
    "%d %b %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%B %d, %Y",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S%z",
)
DATE_FORMATS_DAY_FIRST: tuple[str, ...] = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%d/%m/%y",
    "%Y%m%d",
    "%d %b %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%B %d, %Y",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S%z",
)
DATETIME_FORMATS_MONTH_FIRST: tuple[str, ...] = (
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S%z",
    "%Y-%m-%dT%H:%M%z",
    "%Y-%m-%d %H:%M%z",
    "%m/%d/%Y %H:%M:%S%z",
    "%m/%d/%Y %H:%M%z",
    "%m/%d/%Y %I:%M:%S %p%z",
    "%m/%d/%Y %I:%M %p%z",
    "%Y-%m-%d%z",
    "%m/%d/%Y%z",
)
DATETIME_FORMATS_DAY_FIRST: tuple[str, ...] = (
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S%z",
    "%Y-%m-%dT%H:%M%z",
    "%Y-%m-%d %H:%M%z",
    "%d/%m/%Y %H:%M:%S%z",
    "%d/%m/%Y %H:%M%z",
    "%d.%m.%Y %H:%M:%S%z",
    "%d.%m.%Y %H:%M%z",
    "%Y-%m-%d%z",
    "%d/%m/%Y%z",
    "%d.%m.%Y%z",
)

DATE_FORMATS_YEAR_FIRST: tuple[str, ...] = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
    "%d %b %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%B %d, %Y",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S%z",
)
DATETIME_FORMATS_YEAR_FIRST: tuple[str, ...] = (
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S%z",
    "%Y-%m-%dT%H:%M%z",
    "%Y-%m-%d %H:%M%z",
    "%Y/%m/%d %H:%M:%S%z",
    "%Y/%m/%d %H:%M%z",
    "%Y-%m-%d%z",
)

# Lower-case words that belong to the last name that follows them ("van der Berg", "de la Cruz").
NAME_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "st", "st.", "ter",
     "ten", "bin", "ibn", "al", "el", "mac", "zu"}
)  # fmt: skip

# Each strftime directive we accept, as a named regex group (names are the directive letters).
_DIRECTIVES: dict[str, str] = {
    "Y": r"(?P<Y>[0-9]{4})",
    "y": r"(?P<y>[0-9]{2})",
    "m": r"(?P<m>[0-9]{1,2})",
    "d": r"(?P<d>[0-9]{1,2})",
    "b": r"(?P<b>[A-Za-z]{3,4})\.?",
    "B": r"(?P<B>[A-Za-z]{3,9})",
    "H": r"(?P<H>[0-9]{1,2})",
    "I": r"(?P<I>[0-9]{1,2})",
    "M": r"(?P<M>[0-9]{2})",
    # Seconds may carry a fraction; outputs keep whole seconds.
    "S": r"(?P<S>[0-9]{2})(?:[.,](?P<f>[0-9]{1,9}))?",
    "p": r"(?P<p>[AaPp][Mm])",
    # The offset is optional so one format covers "with" and "without" a zone.
    "z": r" *(?P<z>[Zz]|UTC|GMT|[+-][0-9]{2}(?::?[0-9]{2})?)?",
}
SUPPORTED_DIRECTIVES = "".join(_DIRECTIVES) + "%"


class DateFormatError(ValueError):
    """A date format uses a directive the engine does not support, or repeats one."""


@dataclass(frozen=True)
class DateFormat:
    """One strftime-style format compiled to an anchored regex with named groups."""

    source: str
    regex: str
    groups: frozenset[str]


def compile_date_format(fmt: str) -> DateFormat:
    """Compile `fmt` (strftime directives %Y %y %m %d %b %B %H %I %M %S %p %z) to an anchored regex.

    A space in the format matches one or more spaces; every other character matches itself.
    """
    parts: list[str] = []
    groups: set[str] = set()
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == "%":
            if i + 1 >= len(fmt):
                raise DateFormatError(f"format {fmt!r} ends with a lone '%'")
            d = fmt[i + 1]
            if d == "%":
                parts.append("%")
            elif d in _DIRECTIVES:
                if d in groups:
                    raise DateFormatError(f"format {fmt!r} uses %{d} twice")
                groups.add(d)
                parts.append(_DIRECTIVES[d])
            else:
                raise DateFormatError(
                    f"format {fmt!r} uses %{d}; supported: " + " ".join("%" + c for c in SUPPORTED_DIRECTIVES)
                )
            i += 2
            continue
        parts.append(" +" if ch == " " else re.escape(ch))
        i += 1
    if "S" in groups:
        groups.add("f")
    has_year = bool(groups & {"Y", "y"})
    has_month = bool(groups & {"m", "b", "B"})
    if not (has_year and has_month and "d" in groups):
        raise DateFormatError(f"format {fmt!r} needs a year (%Y or %y), a month (%m, %b or %B) and a day (%d)")
    if len(groups & {"Y", "y"}) > 1 or len(groups & {"m", "b", "B"}) > 1 or len(groups & {"H", "I"}) > 1:
        raise DateFormatError(f"format {fmt!r} gives the same date part twice")
    if ("I" in groups) != ("p" in groups):
        raise DateFormatError(f"format {fmt!r}: %I (12-hour clock) and %p (AM/PM) go together")
    return DateFormat(source=fmt, regex="^" + "".join(parts) + "$", groups=frozenset(groups))


def two_digit_year(yy: int) -> int:
    """The century rule of Python's strptime: 69-99 are 1900s, 00-68 are 2000s."""
    return 1900 + yy if yy >= 69 else 2000 + yy


def days_in_month(year: int, month: int) -> int:
    """Days in `month` of `year` (proleptic Gregorian)."""
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def parse_offset_minutes(z: str | None) -> int | None:
    """Minutes east of UTC of an offset token ('Z', 'UTC', '+02:00', '-0800', '+05'), None if absent."""
    if not z:
        return None
    if z.upper() in ("Z", "UTC", "GMT"):
        return 0
    sign = -1 if z[0] == "-" else 1
    digits = z[1:].replace(":", "")
    hours = int(digits[:2])
    minutes = int(digits[2:4]) if len(digits) > 2 else 0
    return sign * (hours * 60 + minutes)


OFFSET_RE = r"^(Z|[+-][0-9]{2}:[0-9]{2})$"

# Regex features that Python accepts but the Rust engine behind polars rejects (or reads differently).
_NON_PORTABLE = re.compile(r"\(\?<?[=!]|\\[1-9]|\(\?P=|\\Z|\(\?[aLu]")


def check_portable_regex(pattern: str) -> str | None:
    """Why `pattern` cannot be used by both engines, or None when it is fine."""
    try:
        re.compile(pattern)
    except re.error as exc:
        return f"is not a valid regular expression: {exc}"
    if _NON_PORTABLE.search(pattern):
        return "uses lookaround, backreferences or Python-only syntax, which the engine does not support"
    return None
