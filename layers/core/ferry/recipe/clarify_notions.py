"""Round 13 of issue 13: the key notions of each clarify question class said in everyday and professional words,
put in the words that class's intent listens for, so a paraphrase finds its class whatever the wording. Only
wording changes here; which question it is stays `clarify.py`'s to decide, in its own order.

Each notion is a kind of word (a verb of being left out, an adjective of sameness, a noun of doubt), never a whole
question; `tests/unit/agent/test_editor_probes.py` checks that the other classes' questions keep their class.
"""

from __future__ import annotations

import re

_Rule = tuple[re.Pattern[str], str]

NOTIONS: list[_Rule] = [
    # pseudo-code asking for a value: 'dedupe policy for email == ?', 'email <- ?' keeps its arrow rule below
    (re.compile(r"^\s*(?P<x>[^=?]+?)\s*(?:==|=|:)\s*\?+\s*$"), r"what is the \g<x>?"),
    # a request's label before a colon ('Verify: …', 'Q: …', 'Quick question - …'): the question follows it
    (re.compile(r"^\s*(?:verify|check|confirm|question|q|query|ask|request|fyi|help|quick\s+(?:question|one|check))"
                r"\s*(?::|\s-|\s\u2013|\s\u2014)\s+", re.I), ""),
    # an arrow into a field from its source ('email <- which column?', 'email ← ?'): comes from
    (re.compile(r"\s*(?:<-+|\u2190)\s*"), " comes from "),
    # the rows the import has fewer than the file: 'row count delta', 'difference in row counts', 'fewer rows'
    (re.compile(r"\b(?:(?:the\s+)?row[- ]?counts?\s+(?:delta|difference|gap|mismatch|discrepancy)|"
                r"(?:delta|difference|gap|mismatch|discrepancy)\s+(?:in|of)\s+(?:the\s+)?row[- ]?counts?|"
                r"fewer\s+rows)\b", re.I), "how many rows are dropped"),
    # 'what are we not bringing over?' (nothing said of rows): what is left out is columns
    # (round 31: 'which source columns are you leaving behind …': the columns said before the verb)
    (re.compile(r"^(?:so\s+)?(?:what|which)(?:\s+(?:source\s+)?columns?)?\s+(?:are|is|will|do|does|did)\s+"
                r"(?:we|you|i|ferry|it)\s+(?:not\s+"
                r"(?:bringing|taking|carrying|importing|moving|migrating|pulling)(?:\s+(?:over|across|in|along))?|"
                r"(?:leaving|keeping)\s+(?:out|off|behind|aside)|omitting|excluding)\b"
                r"(?!.*\b(?:rows?|records?|lines?|entries|contacts?)\b)", re.I), "which columns are not imported"),
    # left outside the import: 'stay outside', 'remain outside'
    (re.compile(r"\b(?:stays?|staying|remains?|remaining|(?:are|is|get|gets)\s+(?:kept|left))\s+outside\b", re.I),
     "are not imported"),
    # round 23 (dev28): columns left at home: 'staying home', 'left at home'
    (re.compile(r"\b(?:are|is)\s+(?:staying|stay|kept|left|remaining)\s+(?:at\s+)?home\b", re.I), "are not imported"),
    # a column said short ('what cols arent imported'), a negation written without its apostrophe
    (re.compile(r"\bcols\b", re.I), "columns"),
    (re.compile(r"\b(are|is|do|does|did|were|was|wo|ca)nt\b", re.I), r"\1n't"),
    # values that fail the checks said as a verdict: 'don't check out', 'do not hold up'
    (re.compile(r"\b(?:do(?:es)?\s+not|don'?t|doesn'?t)\s+(?:check\s+out|hold\s+up|pass\s+muster)\b", re.I),
     "are invalid"),
    # values that do not pass the checks: 'do not pass validation', 'fail to meet the format'
    (re.compile(r"\b(?:do(?:es)?\s+not|don'?t|doesn'?t|didn'?t|won'?t|can'?t|cannot|fail(?:s|ed)?\s+to|never|not)\s+"
                r"(?:pass(?:ing)?|clear(?:ing)?|meet(?:ing)?|satisfy(?:ing)?)\s+(?:the\s+)?(?:validation|validity\s+"
                r"checks?|checks?|rules?|format|inspections?|audits?|reviews?|tests?|quality\s+control|qa)\b", re.I),
     "are invalid"),
    # round 27 (dev33): values that fail a check said as a trade's verdict: 'fail inspection', 'flunk the audit'
    (re.compile(r"\b(?:fail(?:s|ed|ing)?|flunk(?:s|ed)?)\s+(?:the\s+)?(?:inspections?|audits?|quality\s+control|qa|"
                r"validation|checks?)\b", re.I), "are invalid"),
    # round 27 (dev33): rows taken out before the import: 'withdrawn', 'held back', 'set aside', 'screened out'
    # (not 'pulled' or 'taken out': 'pulled from', 'taken out of' say where a value comes from)
    # round 28 (dev34): rows sent away at the door: 'turned back / away', 'sent back', 'bounced'
    (re.compile(r"\b(?:are|is|get|gets|will\s+be|were)\s+(?:withdrawn|held\s+back|set\s+aside|screened\s+out|"
                r"filtered\s+out|scrubbed|turned\s+(?:back|away)|sent\s+(?:back|away)|bounced(?:\s+back)?)\b", re.I),
     "are dropped"),
    # round 29 (dev36): rows out of the game: 'walkin' the plank', 'knocked out', 'eliminated', 'voted off'
    (re.compile(r"\b(?:(?:be|are|is|get|gets|will\s+be|were)\s+)?(?:walk(?:s|ing|in'?)?\s+the\s+plank|"
                r"(?:knocked|kicked)\s+out|eliminated|voted\s+off)\b", re.I), " are dropped"),
    (re.compile(r"\b(?:knocks?|kicks?)\s+(?P<o>them|it)\s+out\b", re.I), r"drops \g<o>"),
    # 'the data in X' (never the date a typo away): the values
    (re.compile(r"\bdata\b", re.I), "values"),
    # where a field's values come from: 'origin', 'provenance', 'populated from', 'what feeds X'
    (re.compile(r"\b(?:the\s+)?(?:origin|provenance|lineage|source)\s+of\b", re.I), "where comes from"),
    (re.compile(r"\b(?:is|are|gets?|was|were)\s+(?:populated|sourced|fed|filled|drawn|pulled|derived|taken)\s+from\b",
                re.I), "comes from"),
    # a column with nowhere to go: 'no destination', 'no counterpart'
    (re.compile(r"\bno\s+(?:destination|counterpart|landing\s+spot|slot|matching\s+field|mapping)\b", re.I),
     "no target"),
    # columns left out of the import: 'getting benched', 'left off', 'sidelined', 'you not import'
    (re.compile(r"\b(?:(?:are|is|get|gets|getting|being|been)\s+)?(?:benched|sidelined|shelved|parked|orphaned|"
                r"left\s+off|left\s+on\s+the\s+shelf|not\s+brought\s+in|not\s+pulled\s+in|not\s+picked\s+up|"
                r"not\s+carried\s+(?:over|across)|not\s+(?:hauled|dragged|shipped)\s+(?:in(?:to)?|over|across)|not\s+part\s+of\s+the\s+(?:import|migration|upload)|"
                r"don'?t\s+make\s+(?:it\s+into\s+)?the\s+(?:cut|import))\b", re.I), " not imported"),
    # not arriving with the import: 'not coming in the import', 'not coming over', 'not going in'
    # (round 31: 'aren't travelling into the import', a journey's verb)
    # (round 33: 'will not be coming with us into the import', the future and a company said)
    (re.compile(r"\b(?:(?:are|is)(?:\s+not|n't)|will\s+not\s+be|won'?t\s+be)\s+(?:coming|going|getting|making\s+it|"
                r"travell?ing|riding|heading|moving)(?:\s+with\s+(?:us|you|them|it))?\s+(?:in|into|over|across|through)\b"
                r"(?:\s+(?:with\s+)?(?:the\s+)?(?:import|migration|upload|load))?", re.I), "are not imported"),
    (re.compile(r"\b(?:you|we|ferry|it)\s+(?:do\s+)?not\s+(?:import|bring|take|use|map|load)\b(?!\s+(?:the|any|a)\b)",
                re.I), "are not imported"),
    # round 33: rows discarded as a hand or a list is: 'getting mucked', 'struck / crossed off', 'which rule mucks them'
    (re.compile(r"\b(?:(?:be|are|is|get|gets|getting|being|will\s+be|were)\s+)?(?:mucked|struck\s+(?:off|out)|"
                r"crossed\s+(?:off|out)|scratched\s+off)(?!\s+(?:of\s+)?(?:the\s+)?(?:load|list|import|batch|file|"
                r"upload|run|manifest|migration|books)\b)", re.I), " are dropped"),
    (re.compile(r"\b(?:mucks|strikes\s+off|crosses\s+off)\s+(?P<o>them|it)\b", re.I), r"drops \g<o>"),
    # rows taken off what is loaded: 'being pulled off the load', 'struck from the list'
    (re.compile(r"\b(?:pulled|taken|knocked|struck|kicked|yanked|scratched)\s+(?:off|out\s+of|from)\s+(?:the\s+)?"
                r"(?:load|list|import|batch|file|upload|run|manifest|migration|books)\b", re.I), "dropped"),
    # rows lost to the filters: 'fall out of the import', 'attrition', 'pruned', 'won't make it'
    (re.compile(r"\b(?:shed(?:s|ding)?|fall(?:s|ing)?\s+out|fell\s+out|drop(?:s|ping)?\s+out|attrition|pruned|purged|eliminated|"
                r"rejected|trimmed|cut\s+out|weeded|culled|won'?t\s+make\s+it|won'?t\s+survive|do(?:es)?n'?t\s+survive|"
                r"do(?:es)?n'?t\s+make\s+it|go(?:es)?\s+missing|gets?\s+cut|are\s+cut)\b", re.I), "dropped"),
    # the same value twice: 'identical', 'matching', 'the very same', 'copies', 'clash'
    (re.compile(r"\b(?:the\s+very\s+same|identical|matching|equal|clashing|colliding|one\s+and\s+the\s+same)\b", re.I),
     "the same"),
    (re.compile(r"\b(?:appears?|occurs?|shows?\s+up|comes?\s+up|is\s+there|are\s+there|exists?)\s+"
                r"(?:two|2|three|several|multiple|many)\s+times\b", re.I), "twice"),
    # how the dates were read: 'date convention', 'notation', 'which way round'
    (re.compile(r"\b(?:date\s+)?(?:convention|notation|layout|date\s+style|date\s+order|ordering\s+of\s+the\s+date)\b",
                re.I), "date format"),
    (re.compile(r"\bwhich\s+way\s+round\b", re.I), "which format"),
    # values that fail: 'busted', 'borked', 'faulty', 'corrupt', 'garbled', 'messed up'
    (re.compile(r"\b(?:off[- ]key|out\s+of\s+tune|wonky|dodgy|iffy|janky|duds?)\b", re.I), "invalid"),  # round 23
    (re.compile(r"\b(?:busted|borked|faulty|corrupt(?:ed)?|garbled|mangled|botched|messed[- ]up|screwed[- ]up|"
                r"defective|nonsensical|unusable|not\s+usable|bad\s+ones|wrong\s+ones|no\s+good)\b", re.I), "invalid"),
    # doubt about a mapping: 'tentative', 'borderline', 'a hunch', 'on the fence', 'a coin flip'
    (re.compile(r"\b(?:tentative\w*|borderline|hunch\w*|hesitant|hesitat\w*|questionable|on\s+the\s+fence|"
                r"toss[- ]?ups?|coin[- ]?flips?|fifty[- ]fifty|50/50|gut\s+feel\w*|second[- ]guess\w*|"
                r"not\s+quite\s+sure|"
                r"not\s+(?:entirely|fully|totally|100%)\s+(?:sure|certain|confident))\b", re.I), "unsure"),
    # round 24 (dev30): a simile closing the question (', like two X in one Y?') asks nothing of its own
    (re.compile(r",\s*(?:just\s+|a\s+bit\s+)?like\s+[^,?]{3,50}(?=\?\s*$)", re.I), ""),
    # rows lost over the side: 'go overboard', 'go over the side', 'go by the board'
    (re.compile(r"\b(?:go(?:es)?|went|gone|going|get|gets|thrown|tossed)\s+(?:overboard|over\s+the\s+side|"
                r"by\s+the\s+board)\b", re.I), "are dropped"),
    # values that are dead (a dead signal, a dead end): invalid
    (re.compile(r"\b(?:are|is)\s+dead(?:\s+(?:signals?|ends?|links?|ones?|letters?|wood))?\b", re.I), "are invalid"),
    (re.compile(r"\b(?:match(?:ed)?\s+up|pair(?:ed)?\s+up|line(?:d)?\s+up)\b", re.I), "map"),
]  # fmt: skip


# a question of where a field's values come from, whatever else it names ('the origin of the data in email')
_SOURCE_NOTION_RE = re.compile(
    r"\bwhere\s+(?:does|do|did)?\s*(?:\w+\s+){0,4}?comes?\s+from\b|\bwhere\s+comes\s+from\b", re.I
)


# another class's key notion in the same question: the classes keep their own order then
_OTHER_CLASS_RE = re.compile(
    r"\b(?:formats?|assum\w*|day[- ]first|month[- ]first|order|confiden\w*|unsure|sure|invalid|dropped|filter\w*|"
    r"duplicat\w*|same|twice|not\s+imported|unmapped|flagged|how\s+many)\b",
    re.I,
)


def asks_for_a_source(text: str) -> bool:
    """The question (in class words) asks where something comes from: the source class is tried first."""
    return bool(_SOURCE_NOTION_RE.search(text)) and not _OTHER_CLASS_RE.search(text)


_CONTRACTED_RE = re.compile(r"\b(are|is|was|were)n'?t\b", re.I)


def in_class_words(text: str) -> str:
    """The question with each class's everyday and professional notions said in that class's words."""
    # a contracted negation said in full, so every notion written with 'are not' hears "aren't" too
    text = _CONTRACTED_RE.sub(lambda m: f"{m.group(1)} not", text)
    for pattern, replacement in NOTIONS:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())
