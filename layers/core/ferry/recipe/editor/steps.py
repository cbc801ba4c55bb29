"""What a recogniser hands back: a `Step` for one clause and template, or a `Question` raised as `Ask`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

# What an option resolves to: a clause to apply, None (change nothing), or ("replace", span, text) — the
# clause with that span replaced (resolved against the clause being asked about).
Choice = str | None | tuple[str, str, str]


@dataclass
class Question:
    topic: str
    text: str
    context: str
    options: list[tuple[str, Choice]]
    custom: str | None = None  # a clause with '{answer}' for a custom answer, or None (read it as a message)


class Ask(Exception):
    """Raised by a recogniser that needs a person's decision."""

    def __init__(self, question: Question) -> None:
        super().__init__(question.text)
        self.question = question


@dataclass
class Step:
    """What one clause means for one template."""

    kind: Literal["change", "note", "revert", "ignore", "ask", "unknown"]
    say: str = ""
    apply: Callable[[], str] | None = None
    question: Question | None = None
    score: float = 1.0
    focus: dict[str, str | None] = field(default_factory=dict)  # per template: the field 'it' now means
    templates: list[str] = field(default_factory=list)  # the templates it was read against
    guessed: bool = False  # read by the fallback from names and cues, not by a wording rule
    # read from a description of the data with no word asking for the change ('Some rows are duplicates'): applied
    # only when another clause of the message asks for the same kind of change (`about`), else asked about
    described: Question | None = None
    about: str = ""  # the kind of change ('dedup'), for a description to be confirmed by


def change(apply: Callable[[], str]) -> Step:
    return Step("change", apply=apply)


def note(say: str) -> Step:
    return Step("note", say=say)
