"""Duplicate rows: 'remove duplicate emails, keep the latest', 'don't drop duplicates'."""

from __future__ import annotations

import re
from typing import Literal

from ferry.recipe.editor.helpers import fields_question, leftover
from ferry.recipe.editor.resolver import STOPWORDS, Ctx, words_in, words_of
from ferry.recipe.editor.steps import Ask, Question, Step, change, note
from ferry.recipe.model import Dedup

DEDUP_CUE_RE = re.compile(
    r"\b(?:de-?dup\w*|de-?duplicat\w*|duplicat\w*|dupes?|doubles?|repeat\w*|"
    r"(?:one|a single|single|just one|only one) (?:row|record|entry|line|contact)s? (?:per|for each|for every|by)|"
    r"(?:first|last|latest|newest|oldest|earliest|most recent) (?:one|row|record|entry|occurrence|contact|line)s? "
    r"(?:per|for|of|by|with)|unique (?:per|by|on)|more than once|(?:only|just|exactly|at most) once|two times|"
    r"several times|twice|"
    r"(?:first|last|latest|newest|oldest) one (?:wins|counts|stays|is kept|survives|remains))",
    re.I,
)
_DEDUP_OFF_RE = re.compile(
    r"\b(?:don'?t|do not|no|stop|never|without|skip|turn off|disable|no more|no longer)\s+"
    r"(?:the\s+)?(?:de-?dup\w*|remov\w* duplicates|duplicate removal|dropping duplicates|drop\w* duplicates)|"
    r"\b(?:keep|allow|leave|retain|import)\s+(?:all\s+)?(?:the\s+)?duplicat\w*|"
    # hunt 3: the duplicates said to stay ('the duplicates should be kept') keep them, never a dedup
    r"\bduplicat\w*\s+(?:should|must|can|may|shall|will|are\s+to)\s+(?:stay|remain|be\s+(?:kept|allowed|imported|"
    r"retained|left))\b|"
    r"\b(?:remove|drop|delete)\s+(?:the\s+)?(?:dedup\w*|de-duplication|deduplication)\b",
    re.I,
)
# 'don't import duplicate emails': keeping duplicates denied is removing them, not turning the dedup off
_DENIED_KEEP_RE = re.compile(
    r"\b(?:don'?t|do not|never|shouldn'?t|should not|must not|mustn'?t|won'?t)\s+(?:keep|allow|leave|retain|import|"
    r"want|bring over|take over|load)\s+(?:any\s+)?(?:the\s+)?duplicat\w*",
    re.I,
)
# round 21: the everyday verbs of removal too ('throw away any later duplicates' keeps the first, never the last)
_DROPPING = (
    r"\b(?:drop|remove|delete|skip|ignore|discard|throw\s+away|throw\s+out|toss|get\s+rid\s+of|eliminate|purge|"
    r"weed\s+out|filter\s+out|bin|scrap|ditch)\s+(?:the\s+|all\s+(?:the\s+)?|any\s+|those\s+|its\s+|their\s+)?"
)
_DROP_LATER_RE = re.compile(
    _DROPPING + r"(?:later|newer|subsequent|following|next|other|second|further|additional|extra|companions?|"
    r"siblings?|twins?|copies|clones?|echo(?:es)?|lookalikes?)\b",
    re.I,
)
_DROP_EARLIER_RE = re.compile(_DROPPING + r"(?:earlier|older|previous|first)\b", re.I)
_KEEP_LAST_RE = re.compile(r"\b(?:last|latest|newest|most recent|recent|final|later|bottom|youngest)\b", re.I)
DEDUP_WORDS = words_of(
    "keep only first last latest newest oldest earliest most recent final later row rows record records "
    "entry entries line lines contact contacts one per each every by on based using same drop remove "
    "delete dedup dedupe deduplicate de-dup de-duplicate duplicate duplicates dupes dup double doubles "
    "repeated repeats repeat unique occurrence occurrences don't do not no stop never without skip turn "
    "off disable allow leave retain import them those ones keeping remain whichever comes appears earlier "
    "appear appears shows show up occurs occur once wins counts stays kept survives remains more than twice two "
    "times several some we if is just exactly at most single a rest others other removed dropped deleted "
    "there are in the sheet file data list sometimes has have export contains person people address addresses "
    # the verbs a denied keep is said with ('don't load duplicate emails')
    "load bring over want won't shouldn't should must mustn't "
    # round 28: the other rows of a set of repeats said as kin ('drop its companions'): no key ('company')
    "its their companion companions sibling siblings twin twins copy copies clone clones echo echoes lookalike "
    "lookalikes doppelganger doppelgangers"
)


# which row of a set of repeats stays, said alone: it only completes a dedup the message has set already
_ORDER = r"(?:first|last|latest|newest|oldest|earliest|most recent|top|bottom)"
_ROW = r"(?:one|row|record|entry|occurrence|contact|line|appearance)s?"
_KEEP_POLICY_RES = [
    re.compile(
        rf"(?:then\s+)?(?:keep|take|retain|use|import|want)\s+(?:only\s+|just\s+)?(?:the\s+)?{_ORDER}(?:\s+{_ROW})?"
        r"(?:\s+(?:of|for|per|in)\s+(?:each|every|them|those|these|all)(?:\s+(?:one|group|set|email|e-mail))?)?",
        re.I,
    ),
    re.compile(
        rf"(?:only\s+)?(?:the\s+)?{_ORDER}(?:\s+{_ROW})?\s+(?:stays|wins|is kept|counts|survives|remains|"
        r"(?:should|must|shall|will|can|may)\s+(?:stay|win|be kept|count|survive|remain|be imported))",
        re.I,
    ),
    re.compile(
        r"(?:then\s+)?(?:drop|remove|delete|discard|skip|ignore|throw away)\s+(?:all\s+)?(?:the\s+)?"
        r"(?:others?|rest|other ones|remaining ones|later ones|repeats)|(?:the\s+)?(?:rest|others)\s+"
        r"(?:is|are|gets?|will be)\s+(?:removed|dropped|deleted|discarded|skipped|ignored)",
        re.I,
    ),
]


def keep_policy(ctx: Ctx, text: str) -> Step | None:
    """'keep the first one', 'the rest is removed' after a dedup was set in the same message: which row stays."""
    tr = ctx.tr
    parts = [p for p in re.split(r"\s*(?:,|;|:|\band\b|\bbut\b)\s*", text.strip(" .")) if p]
    if tr.dedup is None or not parts or not all(any(r.fullmatch(p) for r in _KEEP_POLICY_RES) for p in parts):
        return None
    keep: Literal["first", "last"] = "last" if _KEEP_LAST_RE.search(text) else "first"
    dedup_now = tr.dedup

    def apply() -> str:
        tr.dedup = Dedup(keys=dedup_now.keys, keep=keep)
        return f"of the rows repeating the same {' and '.join(dedup_now.keys)}, the {keep} one is kept"

    return change(apply)


def dedup(ctx: Ctx, text: str) -> Step | None:
    step = _dedup(ctx, text)
    if step is not None:
        step.about = "dedup"
    return step


def _dedup(ctx: Ctx, text: str) -> Step | None:
    if (step := keep_policy(ctx, text)) is not None:
        return step
    if not DEDUP_CUE_RE.search(text) and not _DEDUP_OFF_RE.search(text):
        return None
    stems = re.sub(r"\b(?:de-?dup|de-?duplicat|duplicat|dup)\w*", "dedup", text, flags=re.I)
    if leftover(ctx, stems, DEDUP_WORDS):
        return None
    tr = ctx.tr
    if _DEDUP_OFF_RE.search(text) and not _DENIED_KEEP_RE.search(text):
        if tr.dedup is None:
            return note(f"no dedup is set for {ctx.template.name}")
        unique = [f.key for f in ctx.template.fields if f.unique]
        extra = f" ({', '.join(unique)} must still be unique, so repeats are flagged)" if unique else ""

        def off() -> str:
            tr.dedup = None
            return f"duplicate rows are no longer dropped{extra}"

        return change(off)
    # 'the first one' says which row is kept, not a field (first_name) the rows are compared on
    mentions = [
        m for m in ctx.mentions(text) if not all(w.lower() in DEDUP_WORDS | STOPWORDS for w in words_in(m.phrase))
    ]
    keys = list(dict.fromkeys(m.key for m in mentions if m.key))
    if mentions and not keys:
        return None  # 'dedupe on Notes': a column no field reads is no key (the unique field is not what was said)
    if not keys:
        keys = [f.key for f in ctx.template.fields if f.unique]
    if not keys:
        raise Ask(
            fields_question(
                ctx,
                "dedup_keys",
                "Which field makes two rows duplicates?",
                lambda k: f"keep only the first row for each {k}",
            )
        )
    rest = words_in(text)
    for m in mentions:
        rest[m.start : m.start + m.size] = [""] * m.size
    said = " ".join(rest)
    keep: Literal["first", "last"] = "last" if _KEEP_LAST_RE.search(said) else "first"
    if _DROP_LATER_RE.search(said):
        keep = "first"  # 'drop later duplicates': the later ones go, the first stays (and the other way round)
    elif _DROP_EARLIER_RE.search(said):
        keep = "last"

    def apply() -> str:
        tr.dedup = Dedup(keys=keys, keep=keep)
        return f"rows repeating the same {' and '.join(keys)} are dropped, keeping the {keep} one"

    step = change(apply)
    if not _ASKS_RE.search(text):  # 'Some rows are duplicates': a fact, unless the message also asks for the dedup
        step.described = _described_question(text, keys)
    return step


# a word that asks for a dedup or says which row stays; without one, a clause about duplicates only describes
# the data ('the file has duplicates', 'the same email shows up more than once')
_ASKS_RE = re.compile(
    r"\b(?:keep\w*|take|retain\w*|drop\w*|remov\w*|delet\w*|discard\w*|skip\w*|ignor\w*|de-?dup\w*|"
    r"de-?duplicat\w*|dedupe|only|just|first|last|latest|newest|oldest|earliest|most recent|should|must|shall|"
    r"want|need|please|no|not|don'?t|never|unique|single|one (?:row|record|entry|line|contact)|wins|counts|stays|"
    r"survives|import\w*|merge|collapse|get rid|filter\w*|clean\w*|fix|allowed|once per)\b",
    re.I,
)


def _described_question(text: str, keys: list[str]) -> Question:
    on = " and ".join(keys)
    return Question(
        topic="dedup_described",
        text=f"\u201c{text}\u201d says the data has duplicates. Should I drop the repeated rows, and keep which one?",
        context=f"Rows are compared on {on}; left as they are, repeats of a unique field are flagged at execute.",
        options=[
            (f"Keep only the first row for each {on}", f"keep only the first row for each {on}"),
            (f"Keep only the last row for each {on}", f"keep only the last row for each {on}"),
            ("Leave the duplicates as they are", None),
        ],
    )
