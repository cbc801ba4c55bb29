"""The message normaliser: quotes cut out as holes, politeness trimmed, sentences and soft breaks found.

A quoted part ('Mobile', "Kunde") is replaced by a hole ⟦n⟧ before any pattern reads the text, so a quote
survives every regex untouched and is put back (`Clause.restore`) when a clause is shown or asked about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_APOSTROPHE_RE = re.compile(r"(?<=\w)[\u2019\u02bc](?=\w)")
_QUOTED_RE = re.compile(
    r"(?<![\w'])(?:\"([^\"]+)\"|\u201c([^\u201d]+)\u201d|\u2018([^\u2019]+)\u2019|'([^']+)'|`([^`]+)`)(?![\w'])"
)
HOLE_RE = re.compile(r"\u27e6(\d+)\u27e7")
_LEADING_NOISE_RE = re.compile(
    r"^(?:please|pls|plz|kindly|hey|hi|hello|ok(?:ay)?|so|now|also|and|then|and then|just|oh|well|actually|"
    r"great|thanks|cool|alright|next|finally|lastly|one more thing|can you|could you|would you|will you|"
    r"can we|could we|would you mind|i(?:'d| would) like (?:you )?to|i want (?:you )?to|i need (?:you )?to|"
    r"we need to|we want to|you should|let'?s|let us|go ahead and|make sure (?:to|that you)|be sure to)"
    r"(?![\w'])[\s,:]*",
    re.I,
)
_TRAILING_NOISE_RE = re.compile(
    r"(?:[\s,]+(?:please|pls|plz|thanks|thank you|thx|for me|if possible|if you can|if you could))*[\s.!?,]*$",
    re.I,
)
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|[;\n]+")
SOFT_BREAK_RE = re.compile(
    r"(\s*,\s*(?:and then\s+|and\s+|then\s+|also\s+|plus\s+)?|\s+(?:and then|and also|and|then|also|plus|but)\s+)", re.I
)


@dataclass
class Clause:
    """One instruction with its quoted parts cut out as holes ⟦n⟧ (so quotes survive every regex)."""

    text: str
    quotes: list[str]

    def restore(self, text: str | None = None) -> str:
        """The text with each hole put back in quotes."""
        return HOLE_RE.sub(lambda m: quote(self.quotes[int(m.group(1))]), self.text if text is None else text)


def quote(text: str) -> str:
    return f"'{text}'" if "'" not in text else f'"{text}"'


def cut_quotes(message: str) -> Clause:
    text = _APOSTROPHE_RE.sub("'", message)
    quotes: list[str] = []

    def hole(m: re.Match[str]) -> str:
        quotes.append(next(g for g in m.groups() if g is not None))
        return f"\u27e6{len(quotes) - 1}\u27e7"

    return Clause(_QUOTED_RE.sub(hole, text), quotes)


def tidy(text: str) -> str:
    """Politeness and filler off both ends, white space collapsed."""
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous = text
        text = _LEADING_NOISE_RE.sub("", text).strip()
        text = _TRAILING_NOISE_RE.sub("", text).strip()
    return text
