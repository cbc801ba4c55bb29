"""Which text encoding a delimited file uses.

Order of evidence: a byte-order mark decides alone; then UTF-16 without one (NUL bytes in every
other position); then UTF-8, which is valid by accident practically never once a file holds any
non-ASCII byte; then charset-normalizer over the lines that hold non-ASCII bytes, re-ranked so
that a short sample still lands in the right script (see `_best_single_byte`). A later byte that
contradicts the guess is handled by `redetect`, which looks at more of the file.
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes
from charset_normalizer.cd import encoding_languages, mb_encoding_languages
from charset_normalizer.constant import FREQUENCIES
from charset_normalizer.utils import is_multi_byte_encoding

from ferry.core.errors import FileRejected
from ferry.ingest.formats import binary_kind, not_a_spreadsheet

UTF8 = "utf-8"
_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE = ("utf-16", "utf-16-le", "utf-16-be", "utf-32")

# Legacy encodings people's tools still write, most common first: the order breaks exact ties
# (cp1250 and cp1252 decode most Western text identically; Windows' default wins).
LEGACY_ENCODINGS: tuple[str, ...] = (
    "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "koi8_u",
    "iso8859_5", "cp1253", "iso8859_7", "cp1254", "iso8859_9", "cp1255", "iso8859_8", "cp1256",
    "iso8859_6", "cp1257", "iso8859_13", "iso8859_4", "cp1258", "cp874", "tis_620", "mac_roman",
    "cp437", "cp850", "cp866", "shift_jis", "cp932", "euc_jp", "gb18030", "big5", "cp949", "euc_kr",
)  # fmt: skip
_PRIORITY = {name: rank for rank, name in enumerate(LEGACY_ENCODINGS)}

EVIDENCE_BYTES = 64 * 1024
# Candidates whose mess ratio is this close to the best are ranked by script and letter
# frequency instead: on a few short names the mess ratio cannot tell Greek from Cyrillic.
_CHAOS_SLACK = 0.05
_SCORED_CHARS = 8000
# Mean log-probability per letter by which a less common codec must beat a more common one.
_FIT_MARGIN = 0.15
# Control bytes other than tab, line breaks, form feed, ESC (ISO-2022) and the DOS end-of-file mark;
# a few strays (a NUL from a broken export) are data, more than 1% of the head means binary.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 26, 27))
_CONTROL_SHARE = 0.01
_HIGH_BYTES = bytes(range(128, 256))
_MIX_CHUNK = 1024 * 1024
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_LINE_END = re.compile(rb"\r\n|\r|\n")
_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n|$)")
_AFTER_LONE_CR = re.compile(rb"(?<=\r)(?!\n)")
_WORD = re.compile(r"[^\W\d_]+")
_CJK_WORDS = ("CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH", "IDEOGRAPHIC")
_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC", "HEBREW", "ARABIC", "THAI", "HANGUL", "ARMENIAN", "GEORGIAN")


@dataclass(frozen=True)
class EncodingGuess:
    codec: str
    # A byte-order mark is the file's own statement: bytes contradicting it are an error, not a hint.
    declared: bool = False
    # A UTF-8 file with some lines in a legacy single-byte code page: the bytes UTF-8 refuses are read in it.
    fallback: str | None = None


def cannot_decode(line: int) -> FileRejected:
    return FileRejected(
        f"We couldn't work out the text encoding of this file: the characters around line {line} don't "
        "match the rest. Save it as 'CSV UTF-8' and upload it again."
    )


def detect_encoding(scan: bytes, *, complete: bool) -> EncodingGuess:
    """Guess the codec of a delimited text file from its first bytes (`complete`: they are the whole file)."""
    for bom, codec in _BOMS:
        if scan.startswith(bom):
            return EncodingGuess(codec, declared=True)
    head = scan[:EVIDENCE_BYTES]
    wide = _utf16_without_bom(head) if b"\x00" in head else None
    if wide is not None:
        return EncodingGuess(wide)
    if len(head.translate(None, _CONTROL_BYTES)) < len(head) * (1 - _CONTROL_SHARE):
        raise not_a_spreadsheet(binary_kind(head))
    if scan.isascii() or _is_utf8(scan, final=complete):
        return EncodingGuess(UTF8)
    fallback = mixed_fallback(scan if complete else scan[: scan.rfind(b"\n") + 1])
    if fallback is not None:
        return EncodingGuess(UTF8, fallback=fallback)
    legacy = guess_legacy(non_ascii_lines(scan), excluded=())
    if legacy is None:
        raise not_a_spreadsheet("binary data, not text")
    return EncodingGuess(legacy)


def redetect(evidence: bytes, failed: Iterable[str], line: int) -> str:
    """A new codec once `failed` ones met a byte they cannot decode; `evidence` holds the lines
    with non-ASCII bytes seen so far, including the ones around the failure."""
    codec = guess_legacy(evidence, excluded=failed)
    if codec is None:
        raise cannot_decode(line)
    return codec


def mixed_encodings(line: int) -> FileRejected:
    return FileRejected(
        f"Part of this file is not valid UTF-8 text (around line {line}) while the rest is. "
        "Save it as 'CSV UTF-8' and upload it again."
    )


def mixes_utf8(path: Path, failure_offset: int) -> bool:
    """Whether a file that stopped decoding as UTF-8 at `failure_offset` is UTF-8 with stray bytes
    rather than a legacy encoding: non-ASCII text already decoded before the failure, or more valid
    UTF-8 sequences than stray high bytes overall. Reading it in any legacy codec would garble it."""
    valid = high = 0
    position = 0
    with path.open("rb") as raw:
        for chunk in iter(lambda: raw.read(_MIX_CHUNK), b""):
            if position < failure_offset and not chunk[: failure_offset - position].isascii():
                return True
            position += len(chunk)
            valid += sum(len(match) for match in _UTF8_SEQUENCE.findall(chunk))
            high += len(chunk) - len(chunk.translate(None, _HIGH_BYTES))
    return valid > high - valid


def mixed_fallback(data: bytes) -> str | None:
    """The legacy single-byte code page of the lines of `data` that are not UTF-8, when other lines are
    UTF-8 text (non-ASCII characters of a known script, so a code page's accidental UTF-8 does not count);
    None when the lines do not mix so, or the other lines fit no single-byte code page."""
    utf8_lines = 0
    refused: list[bytes] = []
    for line in _LINE.findall(non_ascii_lines(data)):
        try:
            text = line.decode(UTF8)
        except UnicodeDecodeError:
            refused.append(line)
            continue
        if not text.isascii() and all(_plausible_utf8(char) for char in text if not char.isascii()):
            utf8_lines += 1
    if not utf8_lines or not refused:
        return None
    codec = guess_legacy(
        b"".join(refused), excluded=(name for name in LEGACY_ENCODINGS if is_multi_byte_encoding(name))
    )
    return codec


def _plausible_utf8(char: str) -> bool:
    if _script(char) is not None:
        return True
    return unicodedata.category(char)[0] in "PSZN"


def fallback_errors(codec: str) -> str:
    """The name of a codec error handler that reads the bytes UTF-8 refuses in `codec` (a single-byte code
    page): `open(..., encoding="utf-8", errors=fallback_errors("cp1252"))` reads a mixed file line by line
    right. A byte `codec` cannot decode either stays an error."""
    name = f"ferry-fallback-{codec}"
    try:
        codecs.lookup_error(name)
    except LookupError:

        def handler(exc: UnicodeError) -> tuple[str, int]:
            if not isinstance(exc, UnicodeDecodeError):
                raise exc
            try:
                return exc.object[exc.start : exc.end].decode(codec), exc.end
            except UnicodeDecodeError:
                raise exc from None

        codecs.register_error(name, handler)
    return name


def decode_lines(raw: BinaryIO, codec: str, fallback: str) -> Iterator[str]:
    """The lines of a mixed file, each decoded whole in `codec` (UTF-8) or, when that refuses it, in
    `fallback`; line breaks kept (LF, CRLF or a lone CR), as `io.TextIOWrapper(newline="")` gives them.
    A line neither decodes raises UnicodeDecodeError whose `object` is that line and whose end is where
    `raw` stands (so `raw.tell() - len(exc.object) + exc.start` is the byte's offset in the file)."""
    while piece := raw.readline(_MIX_CHUNK):
        for line in _AFTER_LONE_CR.split(piece):
            if not line:
                continue
            try:
                yield line.decode(codec)
            except UnicodeDecodeError:
                yield line.decode(fallback)


def refused_lines(path: Path, *, keep: int = 5) -> tuple[int, list[int]]:
    """How many lines of the file are not UTF-8, and the 1-based numbers of the first `keep` of them."""
    count = 0
    first: list[int] = []
    number = 1
    decoder = codecs.getincrementaldecoder(UTF8)()
    bad = False
    with path.open("rb") as raw:
        while piece := raw.readline(_MIX_CHUNK):
            for part in _AFTER_LONE_CR.split(piece):
                ends = part.endswith((b"\n", b"\r"))
                if not bad and not part.isascii():
                    try:
                        decoder.decode(part, final=ends)
                    except UnicodeDecodeError:
                        bad = True
                if ends:
                    if bad:
                        count += 1
                        if len(first) < keep:
                            first.append(number)
                    number += 1
                    bad = False
                    decoder.reset()
    if bad:
        count += 1
        if len(first) < keep:
            first.append(number)
    return count, first


def non_ascii_lines(data: bytes, limit: int = EVIDENCE_BYTES) -> bytes:
    """The lines of `data` that hold non-ASCII bytes, up to `limit` bytes: the part worth detecting on."""
    picked: list[bytes] = []
    total = position = 0
    while total < limit and (found := _HIGH_BYTE.search(data, position)) is not None:
        start = max(data.rfind(b"\n", 0, found.start()), data.rfind(b"\r", 0, found.start())) + 1
        end = _LINE_END.search(data, found.end())
        position = end.end() if end else len(data)
        picked.append(data[start:position])
        total += position - start
    return b"".join(picked)


def is_wide(codec: str) -> bool:
    """UTF-16/32: ASCII bytes are not characters, so byte-level checks do not apply."""
    return codec in _WIDE


@dataclass(frozen=True)
class _Candidate:
    codec: str
    text: str
    chaos: float
    order: int  # charset-normalizer's own ranking


def guess_legacy(evidence: bytes, *, excluded: Iterable[str]) -> str | None:
    """The most plausible single- or multi-byte legacy codec for `evidence`, or None when none fits."""
    excluded = set(excluded)
    allowed = [name for name in LEGACY_ENCODINGS if name not in excluded]
    if not allowed:
        return None
    candidates = [
        _Candidate(codec, str(match), match.chaos, order)
        for order, match in enumerate(from_bytes(evidence, cp_isolation=allowed))
        for codec in match.could_be_from_charset
        if codec in allowed and _decodes(evidence, codec)
    ]
    if not candidates:
        return None
    best_chaos = min(candidate.chaos for candidate in candidates)
    near = [candidate for candidate in candidates if candidate.chaos <= best_chaos + _CHAOS_SLACK]
    finalists = []
    single_byte = [candidate for candidate in near if not is_multi_byte_encoding(candidate.codec)]
    if single_byte:
        finalists.append(_best_single_byte(single_byte))
    multi_byte = [candidate for candidate in near if is_multi_byte_encoding(candidate.codec)]
    if multi_byte:
        # Frequency tables of 26 characters say nothing about CJK: keep charset-normalizer's order.
        finalists.append(min(multi_byte, key=lambda candidate: (_mixed_script_share(candidate.text), candidate.order)))
    return min(finalists, key=lambda candidate: (round(_mixed_script_share(candidate.text), 2), candidate.order)).codec


def _best_single_byte(candidates: list[_Candidate]) -> _Candidate:
    """The most common codec whose reading is about as plausible as the best one.

    Readings that put letters of two scripts in one word (a Hebrew letter inside 'Crédito') are
    dropped first. Among the rest, letter frequencies pick the script (Greek names read as Cyrillic use rare
    letters), but they cannot tell a list of Zürich and São Paulo (cp1252) from Zürich and Săo Paulo
    (cp1250), so a more common codec wins unless its letters fit clearly worse.
    """
    least_mixed = min(round(_mixed_script_share(candidate.text), 2) for candidate in candidates)
    plausible = [candidate for candidate in candidates if round(_mixed_script_share(candidate.text), 2) == least_mixed]
    fits = {candidate.codec: _letter_fit(candidate.codec, _letters(candidate.text)) for candidate in plausible}
    best_fit = max(fits.values())
    return min(
        (candidate for candidate in plausible if fits[candidate.codec] >= best_fit - _FIT_MARGIN),
        key=lambda candidate: _PRIORITY[candidate.codec],
    )


def _letters(text: str) -> list[str]:
    return [char for char in text if not char.isascii()][:_SCORED_CHARS]


def _mixed_script_share(text: str) -> float:
    mixed = total = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        non_ascii = sum(1 for char in word if not char.isascii())
        total += non_ascii
        if len({_script(char) for char in word} - {None}) > 1:
            mixed += non_ascii
        if total > _SCORED_CHARS:
            break
    return mixed / total if total else 0.0


@lru_cache(maxsize=8192)
def _script(char: str) -> str | None:
    if char.isascii():
        return "LATIN" if char.isalpha() else None
    first = unicodedata.name(char, "").split(" ", 1)[0]
    if first in _CJK_WORDS:
        return "CJK"
    return first if first in _SCRIPTS else None


def _letter_fit(codec: str, chars: list[str]) -> float:
    """Mean log-probability of the characters under the best-fitting language of `codec` (Zipf on
    charset-normalizer's frequency tables; characters outside a table get a floor)."""
    if not chars:
        return 0.0
    lowered = [char.lower() for char in chars]
    return max((_mean_log_probability(language, lowered) for language in _languages(codec)), default=-99.0)


def _mean_log_probability(language: str, chars: list[str]) -> float:
    table, floor = _zipf_table(language)
    return sum(table.get(char, floor) for char in chars) / len(chars)


@lru_cache(maxsize=64)
def _zipf_table(language: str) -> tuple[dict[str, float], float]:
    ranked = FREQUENCIES[language]
    harmonic = sum(1 / (rank + 1) for rank in range(len(ranked)))
    table = {char: math.log(1 / (rank + 1) / harmonic) for rank, char in enumerate(ranked)}
    return table, math.log(1 / (2 * len(ranked) + 1) / harmonic)


@lru_cache(maxsize=64)
def _languages(codec: str) -> tuple[str, ...]:
    languages = mb_encoding_languages(codec) if is_multi_byte_encoding(codec) else encoding_languages(codec)
    if "Latin Based" in languages:
        languages = [name for name, chars in FREQUENCIES.items() if all(ord(char) < 0x250 for char in chars)]
    return tuple(name for name in languages if name in FREQUENCIES)


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _is_utf8(data: bytes, *, final: bool) -> bool:
    # Incremental, so a character cut by the end of the sample is not held against the file.
    try:
        codecs.getincrementaldecoder(UTF8)().decode(data, final=final)
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'-be' when NULs sit in one byte position of each pair (ASCII-range text), else None."""
    even, odd = head[0::2], head[1::2]
    if not even or not odd:
        return None
    even_nuls, odd_nuls = even.count(0) / len(even), odd.count(0) / len(odd)
    for codec, wide_nuls, narrow_nuls in (("utf-16-le", odd_nuls, even_nuls), ("utf-16-be", even_nuls, odd_nuls)):
        if wide_nuls > 0.4 and narrow_nuls < 0.05 and _is_text(head[: len(head) // 2 * 2], codec):
            return codec
    return None


def _is_text(data: bytes, codec: str) -> bool:
    try:
        text = codecs.getincrementaldecoder(codec)().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return "\x00" not in text
