"""Round 28 (issue 13): rows said to stay are never dropped, found as dev34's first wrong change ("Don't weed them
out: grow them one on their Website's domain and keep the row" dropped the rows without an e-mail: a typo fix read
'weed' as 'need', and "don't need them" as rows not wanted).

- a removal denied ("don't weed / bin / toss / throw them out", 'never drop the rows', 'no need to remove it') or the
  rows said kept ('keep the row(s)', 'the row stays (in)', 'leave the rows in') anywhere in a message: no change of
  that message may add a row filter; it is asked back as a misfit instead (`guarded`);
- the denial said before the request it makes room for ("Don't weed them out: grow them one …") goes, and a keeping
  said after it another way ('; the row stays in', '. The rows remain.', 'and keep them in') is said 'and keep the
  row', as the request's own words read it (`without_kept_rows`).
"""

from __future__ import annotations

import re

from ferry.recipe.editor.fit import misfit_question
from ferry.recipe.editor.messages import cut_quotes
from ferry.recipe.editor.session import Edit, Session
from ferry.recipe.model import Recipe

_DENIAL = r"(?:don'?t|do\s+not|never|no\s+need\s+to|please\s+don'?t|divvent|dinnae|dinna|dain't)"
_ROW_OBJECT = (
    r"(?:them|it|(?:(?:the|those|these|any|our)\s+)?(?:rows?|records?|contacts?|entr(?:y|ies))|those|these|anyone)"
)
# removal verbs, said alone ('drop', 'delete') or with a particle after the object ('weed them out', 'bin them')
_REMOVAL_VERB = (
    r"(?:drop|delete|remove|erase|discard|exclude|skip|lose|scrap|dump|axe|purge|cull|ditch|bin|chuck|toss|"
    r"throw|kick|weed|root|pull|prune|thin|turn|send|filter|strip|cut|get\s+rid\s+of|rip|tear|uproot)"
)
_DENIED_REMOVAL_RE = re.compile(
    rf"\b{_DENIAL}\s+(?:just\s+|simply\s+|ever\s+)?{_REMOVAL_VERB}\w*\s+(?:(?:\w+\s+){{0,2}}?{_ROW_OBJECT}\b)?", re.I
)
# (not 'keep rows where …': a condition makes it a filter that keeps some rows only)
_KEPT_RE = re.compile(
    r"\bkeep\s+(?:the\s+|that\s+|those\s+|these\s+)?(?:rows?|records?|contacts?|entr(?:y|ies))\b"
    r"(?!\s+(?:where|whose|with|that|which|if|when|whe?re|having|only|for|in|from|marked|tagged|of)\b)|"
    r"\b(?:the|that|those|these)\s+(?:rows?|records?|contacts?)\s+(?:stays?|remains?)(?:\s+in)?\b|"
    r"\bleave\s+(?:the\s+|those\s+)?(?:rows?|records?|contacts?|them)\s+in\b|\bkeep\s+(?:them|it)\s+in\b",
    re.I,
)
# "Don't weed them out: <request>" -> "<request>"; the denial is the rows kept, the request after it says the rest
_LEADING_DENIAL_RE = re.compile(
    rf"(?:^|(?<=[.!\n])\s*)(?P<d>{_DENIAL}\s+(?:just\s+)?{_REMOVAL_VERB}\w*\s+(?:\w+\s+){{0,2}}?{_ROW_OBJECT}"
    r"(?:\s+(?:out|away|off|up|back))?)\s*[:;,\u2013\u2014]\s*(?=\w)",
    re.I,
)
# ', and keep the row.' / '; the row stays in.' at the end: the keeping restated after the request
_TRAILING_KEPT_RE = re.compile(
    r"\s*[,;.]?\s*(?:and\s+)?(?:keep\s+(?:them|it)\s+in|(?:the|that)\s+(?:row|record|contact)s?\s+(?:stays?|remains?)"
    r"(?:\s+in)?)\s*(?P<end>[.!]?)\s*$",
    re.I,
)


# Round 29: a removal named as the thing NOT done, in any position ('build one instead of dropping the row', 'rather
# than removing them, …', 'without deleting any contact', 'not drop')
_NOT_DONE = r"(?:instead\s+of|rather\s+than|in\s+place\s+of|not|never|without)"
_REMOVING = rf"(?:{_REMOVAL_VERB}|remov|delet|eras|exclud|los)\w*"  # 'removing', 'deleting': the -ing forms too
_NOT_DONE_REMOVAL_RE = re.compile(rf"\b{_NOT_DONE}\s+(?:just\s+|simply\s+)?{_REMOVING}\b", re.I)
# the alternative said after the request ('…, instead of dropping the row.') or before it ('Rather than removing
# those rows, <request>'): the request is read alone
_TRAILING_ALTERNATIVE_RE = re.compile(
    rf"\s*,?\s*\b(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+{_REMOVING}\s+"
    rf"(?:\w+\s+){{0,2}}?{_ROW_OBJECT}\b[^.!?\n]*(?=[.!\n]|$)",
    re.I,
)
_LEADING_ALTERNATIVE_RE = re.compile(
    rf"(?:^|(?<=[.!\n])\s*)(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+{_REMOVING}\s+"
    rf"(?:\w+\s+){{0,2}}?{_ROW_OBJECT}\b[^.!?\n,:;]*[,:;]\s*(?=\w)",
    re.I,
)


# a clause that is only a condition ('if email != null', 'when E-mail is filled,'): a 'keep the row' right after it
# keeps some rows only, a filter ('if email != null keep the row'), unlike one said after the request it makes room for
_CONDITION_ONLY_RE = re.compile(
    r"(?:^|[.?;:\n]|!(?!=))\s*(?:only\s+)?(?:if|when|whenever|where|as\s+long\s+as|provided(?:\s+that)?)\b"
    r"(?:[^,.!?;:\n]|!=)*"
    r",?\s*(?:then\s+)?$",
    re.I,
)


def _kept_unconditionally(message: str) -> bool:
    return any(_CONDITION_ONLY_RE.search(message[: m.start()]) is None for m in _KEPT_RE.finditer(message))


def keeps_rows(message: str) -> bool:
    """Whether the message denies a removal, names one as the thing not done, or says the rows stay."""
    denied = any(r.search(message) is not None for r in (_DENIED_REMOVAL_RE, _NOT_DONE_REMOVAL_RE))
    return denied or _kept_unconditionally(message)


def without_kept_rows(message: str) -> str:
    """The request a denied removal or a kept row is said around, read alone; a message ending in '?', or one with
    nothing else asked, comes back as it was."""
    if message.rstrip().endswith("?"):
        return message
    said = _LEADING_DENIAL_RE.sub(lambda m: "" if m.start() == 0 else " ", message)
    said = _LEADING_ALTERNATIVE_RE.sub(lambda m: "" if m.start() == 0 else " ", said)
    said = _TRAILING_ALTERNATIVE_RE.sub("", said)
    cut = _TRAILING_KEPT_RE.sub(lambda m: f" and keep the row{m['end'] or '.'}", said)
    if len(re.findall(r"\w+", cut)) < 4:
        return message  # nothing asked but the keeping: read as typed
    return cut.strip()


def _filters(recipe: Recipe) -> list[str]:
    return [f.model_dump_json() for tr in recipe.templates for f in tr.filters]


def guarded(session: Session, before: Recipe, message: str, edit: Edit) -> Edit:
    """`edit`, unless it adds a row filter to a message that says the rows stay: that is asked back."""
    if not edit.changed or edit.recipe is None or not keeps_rows(message):
        return edit
    if not set(_filters(edit.recipe)) - set(_filters(before)):
        return edit
    why = "it says the rows stay, so no rows are dropped"
    return session.ask(misfit_question(message.strip(), why), [], [], cut_quotes(message.strip()))
