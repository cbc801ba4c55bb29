"""What a delimited file's raw lines say beyond their cells: which line breaks it uses, and whether it holds a
quote csv forgives but polars reads differently (which keeps the file off the engine's polars fast path).

Two ways to the same answer. `LineAudit.watch` looks at each line on its way to csv.reader; `audit_blocks`
reads the file again in blocks cut at line breaks, counting the breaks as bytes and searching each block
with polars' regex engine, about ten times faster than Python's `re` on the per-line pattern. The block read is
exact for codecs in which a line-break byte is never part of another character (UTF-8 and the legacy code pages
`detect_encoding` picks); UTF-16/32, UTF-8 mixed with a code page, and files of a few MB (where importing
polars costs more than the watch) are watched line by line.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ferry.ingest.dialect import QUOTECHAR

LineBreak = Literal["\n", "\r\n", "\r"]

_QUOTE = QUOTECHAR.encode()
_BLOCK_BYTES = 256 * 1024  # with its text in polars and the line carried over, well under a MB held


def bad_quote_pattern(delimiter: str) -> re.Pattern[str]:
    """Matches a quote that RFC 4180 does not allow: an odd run of quotes with ordinary characters on
    both sides (`5" screen`, `"a"b`). csv and polars disagree on such cells, so their presence
    keeps a file off the polars fast path."""
    boundary = _boundary(delimiter)
    return re.compile(f"(?<=[^{boundary}])(?:{QUOTECHAR}{QUOTECHAR})*{QUOTECHAR}(?=[^{boundary}])")


def _bad_quote_block_pattern(delimiter: str) -> str:
    """`bad_quote_pattern` without look-around, for polars (whose regex engine has none): the neighbours are
    matched instead of looked at, which finds a match exactly where the look-around version does. Line breaks
    are boundaries, so no match spans two lines."""
    boundary = _boundary(delimiter)
    return f"[^{boundary}](?:{QUOTECHAR}{QUOTECHAR})*{QUOTECHAR}[^{boundary}]"


def _boundary(delimiter: str) -> str:
    return re.escape(delimiter) + r"\r\n" + QUOTECHAR


@dataclass
class LineAudit:
    """Counts of each line break, and whether any line holds an irregular quote."""

    breaks: dict[LineBreak, int] = field(default_factory=lambda: {"\n": 0, "\r\n": 0, "\r": 0})
    irregular_quoting: bool = False

    def watch(self, lines: Iterable[str], bad_quote: re.Pattern[str]) -> Iterator[str]:
        """Pass `lines` (read with newline='') through, auditing each one."""
        lf = crlf = cr = 0
        irregular = False
        search = bad_quote.search
        try:
            for line in lines:
                if line.endswith("\r\n"):
                    crlf += 1
                elif line.endswith("\n"):
                    lf += 1
                elif line.endswith("\r"):
                    cr += 1
                if not irregular and QUOTECHAR in line and search(line):
                    irregular = True
                yield line
        finally:
            self.breaks = {"\n": lf, "\r\n": crlf, "\r": cr}
            self.irregular_quoting = irregular

    def line_terminators(self) -> list[LineBreak]:
        return [kind for kind, count in sorted(self.breaks.items(), key=lambda item: -item[1]) if count]


def audit_blocks(path: Path, codec: str, delimiter: str) -> LineAudit:
    """`LineAudit.watch`'s result for a whole file (decodable in `codec`, one not UTF-16/32), read in blocks."""
    import polars as pl  # imported here: only the worker functions that sniff uploads carry polars

    pattern = _bad_quote_block_pattern(delimiter)
    utf8 = codec in ("utf-8", "utf-8-sig")
    lf = crlf = cr = 0
    irregular = False
    carry = b""
    with path.open("rb") as raw:
        # csv reads the text without its BOM, so the search skips it too
        if codec == "utf-8-sig" and raw.read(len(codecs.BOM_UTF8)) != codecs.BOM_UTF8:
            raw.seek(0)
        while True:
            block = raw.read(_BLOCK_BYTES)
            data = carry + block if carry else block
            cut = len(data) if not block else _line_cut(data)
            data, carry = (data[:cut], data[cut:]) if cut < len(data) else (data, b"")
            returns = data.count(b"\r")
            pairs = data.count(b"\r\n") if returns else 0
            crlf += pairs
            lf += data.count(b"\n") - pairs
            cr += returns - pairs
            if not irregular and _QUOTE in data:
                # UTF-8 goes to polars as bytes (no Python string); a code page is decoded first
                lines = pl.Series([data]).cast(pl.String) if utf8 else pl.Series([data.decode(codec)])
                irregular = bool(lines.str.contains(pattern).item())
            if not block:
                break
    return LineAudit({"\n": lf, "\r\n": crlf, "\r": cr}, irregular)


def _line_cut(data: bytes) -> int:
    """Where to cut `data` so that every line before the cut is whole: after its last '\\n', or after its last
    '\\r' unless that is the final byte (a '\\n' may follow in the next block); 0 keeps it all for the next."""
    newline = data.rfind(b"\n")
    if newline >= 0:
        return newline + 1
    ret = data.rfind(b"\r", 0, len(data) - 1)
    return ret + 1
