"""The rewriter: every plain way of saying a clause, one rule at a time, the fewest rewrites first."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from ferry.recipe.editor.rephrase.common import ROWS, Rule, bare
from ferry.recipe.editor.rephrase.everyday import EVERYDAY_SPELLINGS
from ferry.recipe.editor.rephrase.named import NAMED_READERS, example_date
from ferry.recipe.editor.rephrase.order import ORDER_RULES
from ferry.recipe.editor.rephrase.wordings import RULES
from ferry.recipe.editor.resolver import Ctx

# words that make a clause more than a headline's subject: 'I want X to be …' already has its verb
_HAS_VERB = (
    r"(?:i|we|you|want|wants|need|needs|like|would|is|are|was|were|has|have|had|should|must|will|going|got|"
    r"used|how|what|when|if)\b"
)
# up to four words before a headline's 'to', none of them a verb or a subject pronoun
_HEADLINE_SUBJECT = rf"^(?P<s>(?:(?!{_HAS_VERB})[\w'./-]+\s+){{1,4}}?)"

_SPELLINGS: list[Rule] = [
    # what the rows would have suffered otherwise says nothing more: 'fill X, rather than dropping the row'
    (
        re.compile(
            rf",?\s+(?:rather than|instead of)\s+(?:dropping|losing|removing|deleting|skipping)\s+"
            rf"(?:the\s+|those\s+|these\s+|them|it)?\s*(?:{ROWS})?$",
            re.I,
        ),
        "",
    ),
    (re.compile(r"\s+but\s+(?=(?:keep|retain|leave)\b)", re.I), " and "),
    (re.compile(r"\bweb\s+sites?\b", re.I), "website"),
    # where the change is for says nothing more: 'the Notes column is not needed for the import'
    (
        re.compile(
            r"\s+(?:for|in|into|from)\s+(?:the\s+)?(?:import|crm|migration|upload|target|new system|template)$", re.I
        ),
        "",
    ),
    (re.compile(r"\b(?:signifies|signify|corresponds to|correspond to|stands for|stand for|equals)\b", re.I), "means"),
    # everyday names of the usual phone columns: 'the cell phone number', 'the office numbers'
    (
        re.compile(r"\b(?:cell(?:ular)?(?:\s+phone)?|handy|portable|mobile phone)(?=\s+numbers?\b|\s+ones?\b|$)", re.I),
        "mobile",
    ),
    (re.compile(r"\b(?:office|business|work)\s+(?:numbers?|lines?)\b", re.I), "work phone"),
    (re.compile(r"\bseperat", re.I), "separat"),  # a misspelling typo correction cannot settle (two words fit)
    # 'Interessent the same as lead': a value's meaning, the verb left out
    (re.compile(r"\s+(?:is\s+)?(?:the\s+)?same\s+as\s+", re.I), " is "),
    # 'the test rows (Lifecycle = test)': the value named before the rows says what the brackets say
    (
        re.compile(rf"\b(?P<v>\w+)\s+(?P<r>{ROWS})\s*\((?P<c>[^=:)]+?)\s*(?:=|:)\s*(?P=v)\s*\)", re.I),
        r"\g<r> where \g<c> is \g<v>",
    ),
    # 'test contacts (Lifecycle = test)': the condition in brackets
    (
        re.compile(rf"\b(?P<r>{ROWS})\s*\((?P<c>[^=:)]+?)\s*(?:=|:)\s*(?P<v>[^)]+?)\s*\)", re.I),
        r"\g<r> where \g<c> is \g<v>",
    ),
    (re.compile(r"(?<=\w)'s\s+(?=domains?\b)", re.I), " "),  # "the Website's domain" is the Website domain
    # a request put as a wonder or a question about ability says no more than the command: 'I wonder if you could
    # build ...', 'I was wondering whether we can drop ...'
    (
        re.compile(
            r"^(?:i\s+)?(?:wonder|was wondering|am wondering|wondered)\s+(?:if|whether)\s+(?:you|we|one)\s+"
            r"(?:could|can|might|would|may)\s+(?:please\s+)?",
            re.I,
        ),
        "",
    ),
    # round 20: a modal with its negation glued or spelled out: "X oughtn't to be Y", "ought not to" → should not
    (re.compile(r"\bought(?:n'?t| not) to\b", re.I), "should not"),
    (re.compile(r"\bought to\b", re.I), "should"),
    # a headline's infinitive with no verb before it: 'Full Name to be split …' is 'Full Name is to be split …'
    (
        re.compile(
            rf"{_HEADLINE_SUBJECT}to be\s+(?=\w+(?:ed|en)\b|split\b|kept\b|cut\b|left\b|made\b)",
            re.I,
        ),
        r"\g<s>is to be ",
    ),
    # … and 'Signup Date to feed created_at' is 'Signup Date feeds created_at'
    (
        re.compile(rf"{_HEADLINE_SUBJECT}to (?P<v>feed|fill)\s+(?=\S)", re.I),
        r"\g<s>\g<v>s ",
    ),
    # 'form' as a verb of making ('use the website domain to form it', 'form the email from …') is 'build'
    (re.compile(r"(?:(?<=\bto\s)|^)form(?=\s+(?:it|them|one|the\s+\w+)\b)", re.I), "build"),
    # a closing particle of Nigerian English ('day before month o'; 'sha', 'oh') says nothing about the change
    (re.compile(r"(?<=\w)\s+(?:o|oh|sha)(?=\s*(?:[,.!;]|$))", re.I), ""),
    # 'when none is given', 'if there is none': the value missing, said without naming it again
    (
        re.compile(r"\b(?P<w>when|if|where|whenever)\s+(?:none|nothing)\s+is\s+(?:given|set|provided|there)\b", re.I),
        r"\g<w> it is not given",
    ),
    *EVERYDAY_SPELLINGS,  # round 21: everyday verbs and word orders of the usual changes
]


_PARTICIPLES = {
    "used": "use", "taken": "take", "dropped": "drop", "removed": "remove", "deleted": "delete",
    "skipped": "skip", "excluded": "exclude", "ignored": "ignore", "lowercased": "lowercase",
}  # fmt: skip
# the passive after a condition, as German and French speakers put it: 'when Work Phone is empty, then the Mobile
# should be used' → 'when Work Phone is empty, use the Mobile'
_PASSIVE_RE = re.compile(
    rf"(?P<pre>^|,\s*)(?:then\s+)?(?P<obj>[^,]+?)\s+(?:should|must|needs? to|has to|have to|is to|are to|will)\s+be\s+"
    rf"(?P<v>{'|'.join(_PARTICIPLES)}|imported|kept)(?P<tail>\s+(?:for|as|in|into)\s+[^,]+)?$",
    re.I,
)


def _active(text: str) -> str:
    """The passive after a condition made a command; a 'for <field>' after the participle stays with it ('the
    mobile number should be taken for phone' → 'take the mobile number for phone')."""

    def verb(m: re.Match[str]) -> str:
        v = m["v"].lower()
        return _PARTICIPLES.get(v, {"imported": "import", "kept": "keep"}.get(v, v))

    return _PASSIVE_RE.sub(lambda m: f"{m['pre']}{verb(m)} {m['obj']}{m['tail'] or ''}", text)


def rephrasings(ctx: Ctx, text: str) -> list[str]:
    """The clause said the plain way: every rewrite one rule at a time, the fewest rewrites first (each later one
    strays further from the words typed); none when no rule fits."""
    spelt = text
    for pattern, replacement in _SPELLINGS:
        spelt = pattern.sub(replacement, spelt).strip()
    steps: list[Callable[[str], str]] = [_rule(p, r) for p, r in RULES]
    steps += [example_date, *(partial(f, ctx) for f in NAMED_READERS), _active]
    steps += [_rule(p, r) for p, r in ORDER_RULES]
    out: list[str] = [spelt]
    level = [spelt]
    for _ in range(3):  # a rewrite may open another ('rows ... must not be imported' → 'drop rows marked ...')
        level = [said for t in level for step in steps if (said := step(t).strip()) != t and said not in out]
        level = list(dict.fromkeys(level))[:_WIDTH]
        out += level
    # what it is preferred to, when no rule could use it, says nothing more: 'keep the notes instead of drop them'
    bare = _TAIL_RE.sub("", spelt)
    if bare != spelt:
        out += [bare, *rephrasings(ctx, bare)]
    return list(dict.fromkeys(o for o in out if o != text and _plausible(ctx, o)))


_MAP_RE = re.compile(r"^map\s+(?P<a>.+?)\s+to\s+(?P<f>.+?)(?:\s+instead of\s+.+)?$", re.I)


def _plausible(ctx: Ctx, said: str) -> bool:
    """A rewritten mapping names a column of the file and a field of the template; anything else ('map German to
    Notes', from 'Notes are in German') was a rule reading words it was not about, and would only ask nonsense."""
    m = _MAP_RE.match(said)
    if m is None:
        return True
    column = max((ctx.rank_columns(p) for p in (m.group("a"), bare(m.group("a")))), key=lambda r: r.score)
    return column.name is not None and column.score >= 0.8 and ctx.field(m.group("f"), via_column=False) is not None


_WIDTH = 12  # rewrites kept at each depth: rules rarely overlap, so a few cover every reading


def _rule(pattern: re.Pattern[str], replacement: str | Callable[[re.Match[str]], str]) -> Callable[[str], str]:
    return lambda text: pattern.sub(replacement, text)


_TAIL_RE = re.compile(r"\s+(?:instead of|rather than)\s+[^,]+$", re.I)
