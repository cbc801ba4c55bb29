"""Vague requests ('Put the notes somewhere.') become a question where the column should go; filler ('thanks',
'ok') changes nothing.
"""

from __future__ import annotations

from ferry.recipe.editor.helpers import full, match, where_question
from ferry.recipe.editor.resolver import Ctx
from ferry.recipe.editor.steps import Ask, Step, note

KEEP_COLUMN_PATTERNS = [
    full(
        r"(?:put|keep|import|include|map|use|save|store|bring(?: over)?|add|preserve|retain|carry(?: over)?|"
        r"migrate|load|copy|send|do something with)\s+(?P<a>.+?)(?:\s+(?:somewhere|anywhere|too|as well|also|"
        r"in some field|in a field|some ?place|somewhere else|(?:in|into|to) (?:some|any|another|a|an) "
        r"(?:other )?(?:field|place|column|spot)))?"
    ),
    full(
        r"(?:(?:i|we)\s+)?(?:don'?t|do not)\s+(?:want\s+to\s+)?(?:lose|throw away|forget|ignore)\s+"
        r"(?:what'?s in\s+|what is in\s+|the contents? of\s+|what (?:is|we have) in\s+)?(?P<a>.+?)"
    ),
    full(
        r"(?:i|we)\s+(?:need|want|would like|'d like)\s+(?P<a>.+?)(?:\s+(?:too|as well|also|imported|kept|included))?"
    ),
    full(
        r"(?P<a>.+?)\s+(?:should|must|need to|needs to|has to|have to)\s+(?:be\s+)?(?:imported|kept|included|"
        r"go somewhere|be somewhere|end up somewhere|land somewhere|mapped)(?:\s+somewhere)?"
    ),
    full(r"where (?:do|does|can|should) (?P<a>.+?) go"),
    full(r"(?:what about|how about|and what about)\s+(?P<a>.+?)"),
    full(r"what (?:do|should|can|shall) (?:we|i|you) do with\s+(?P<a>.+?)"),
    full(r"(?P<a>.+?)\s+(?:somewhere|anywhere|too|as well|somewhere too)"),
    full(
        r"(?P<a>.+?)\s+(?:is|are)\s+(?:important|needed|useful|valuable|wanted|relevant|worth keeping)"
        r"(?:\s+(?:for|to)\s+(?:us|me|the team))?(?:\s+(?:too|as well|also))?"
    ),
    full(r"(?P<a>.+?)\s*(?:\u2192|->|=>|:)\s*\?*"),
    full(
        r"(?P<a>.+?)\s+(?:must|should|need to|needs to|has to|have to)\s+(?:also\s+)?(?:come in|go in|get in|be in|"
        r"come along|go|end up|land|be kept|stay)(?:\s+(?:too|as well|also))?(?:,?\s+(?:somewhere|anywhere))?"
    ),
    full(
        r"(?:somewhere|anywhere)(?:\s+in the (?:import|crm|recipe|template))?,?\s+(?P<a>.+?)\s+(?:should|must|can)\s+go"
    ),
]


def keep_column(ctx: Ctx, text: str) -> Step | None:
    for m in match(KEEP_COLUMN_PATTERNS, text):
        ranked = ctx.rank_columns(m.group("a"))
        if not ranked.name or ranked.score < 0.9:
            continue
        readers = ctx.readers(ranked.name)
        if readers:
            return note(f"'{ranked.name}' is already imported into {', '.join(readers)}")
        raise Ask(where_question(ctx, ranked.name))
    return None


# --- filler -------------------------------------------------------------------------------------------

_FILLER_RE = full(
    r"(?:thanks|thank you|thx|ok|okay|cool|great|perfect|nice|that'?s (?:all|it)|nothing else|"
    r"cheers|done|good|looks good|fine|yes|yep|no worries|"
    # 'fix that' after a problem described ('some emails are in capitals; fix that'): the fix was the description's
    r"(?:i|we)\s+(?:don'?t|do not)\s+(?:trust|like|believe in)\s+(?:the\s+)?[\w\s-]{1,40}|"
    r"(?:for example|for instance|such as|like)\s+\S+(?:\s+or\s+\S+)?|"
    r"(?:drop|remove|delete|skip|discard)\s+(?:the rest|the others|all others|the other ones|all the others)|"
    r"(?:fix|correct|sort out|clean up|repair)\s+(?:that|it|this|them|those|these)(?:\s+(?:up|please))?|"
    # a change of mind says why, not what ('customer changed their mind, undo please'): the rest of the message says
    r"(?:(?:i|we|they|he|she|the\s+\w+|\w+)\s+)?(?:changed|has changed|have changed)\s+(?:my|our|their|his|her)\s+mind|"
    # a reason given after the instruction ('skip the notes column, we don't need it') asks for nothing more
    r"(?:we|i|they|you|nobody|no one)\s+(?:don'?t|do not|never|doesn'?t|does not|won'?t)\s+(?:really\s+)?"
    r"(?:need|use|want|care about|read|look at)\s+(?:it|them|that|those|this|these)(?:\s+(?:anyway|anymore|at all))?|"
    r"(?:it'?s|it is|they'?re|they are)\s+(?:only\s+|just\s+)?(?:useless|not needed|unused|irrelevant|noise|junk|"
    r"rubbish|internal|private)|"
    # 'please import them that way' after a description of how the values are written asks for nothing more
    r"(?:import|read|treat|handle|parse|take|do)\s+(?:them|it|those|these|that|this)\s+(?:that way|like that|"
    r"this way|accordingly|the same way)|"
    # a reason about the data ('the work numbers are old') after the instruction it explains
    r"(?:the\s+)?(?:\w+\s+){0,3}\w+\s+(?:is|are)\s+(?:(?:mostly|often|all|usually)\s+)?(?:old|outdated|stale|obsolete|"
    r"out of date|unreliable|wrong|bad|incomplete|not good|no good|not right|not correct|not reliable|"
    r"(?:not|no longer) (?:used|in use|valid|maintained)(?: any ?more)?))"
)


# 'keep the row', 'the row must stay': the rows a fallback saves are kept anyway, so this asks for no change
_KEEP_ROW_RE = full(
    r"(?:(?:the|that|this|each|every)\s+)?(?:row|record|contact|line|entry)s?\s+"
    r"(?:(?:must|should|has to|have to|needs? to|can|will)\s+(?:stay|remain|be kept|survive|stay in)|"
    r"(?:stays?|remains?|is kept|are kept|survives?))|"
    r"(?:keep|retain|save)\s+(?:them|those|these)|(?:(?:we|you)\s+(?:will\s+)?)?(?:keep|retain|save)\s+"
    r"(?:(?:the|that|this|those|these|every|each|all(?:\s+the)?)\s+)?(?:row|record|contact|line|entry)s?|(?:(?:the|those|these)\s+)?(?:row|record|contact|line|entry)s?\s+(?:we|you)\s+"
    r"(?:keep|retain)|(?:don'?t|do not|dont|never)\s+(?:throw|toss|drop|lose|remove|delete|skip|"
    r"discard)\s+(?:the|that|this|those|these)\s+(?:row|record|contact|line|entry)s?(?:\s+away)?|"
    # 'don't remove anything' beside a fallback: nothing is dropped anyway
    r"(?:don'?t|do not|dont|never)\s+(?:remove|drop|delete|lose|throw away|discard)\s+(?:anything|any\s+(?:row|record|"
    r"contact|line|entry)s?)"
)


def filler(ctx: Ctx, text: str) -> Step | None:
    if _KEEP_ROW_RE.match(text):
        return Step("ignore")
    return Step("ignore") if _FILLER_RE.match(text) or not text.strip() else None
