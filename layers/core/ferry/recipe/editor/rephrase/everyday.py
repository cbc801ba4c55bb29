"""Round 21: the everyday verbs and word orders of the usual changes, said the plain way. Each rule names a form of
wording (a verb of taking a column, of removing rows, of keeping a column out; values listed before one verb; a
required field denied with a modal), never one sentence; the message-wide ones are `editor/everyday_words.py`. They
are spellings (`plain._SPELLINGS`): tried only when a clause as typed is not understood or only asked about, and the
result is read by the families like any other clause.
"""

from __future__ import annotations

import re

from ferry.recipe.editor.rephrase.common import DROP_VERBS, ROWS, Rule

_PRONOUN = r"(?:it|them|those|these|that|this|the\s+lot)"
# verbs of getting rid of a thing in a workshop's or a kitchen's words; 'scrap' alone is also the undo verb
# ('scrap that', 'scrap the last change'), so these count only with rows as their object
_SLANG_DROP = r"(?:scrap|bin|ditch|axe|junk|trash|nix|chuck|scratch|strike|toss out|bin off)"
_MODAL = r"(?:must|should|shall|has to|have to|needs? to|is to|are to|will|can|could|may)"

EVERYDAY_SPELLINGS: list[Rule] = [
    # a source column taken with an active verb after a modal, as a Turkish or German speaker puts it:
    # 'Phone must take from Mobile' → 'Phone must come from Mobile'
    (re.compile(rf"\b(?P<m>{_MODAL})\s+(?:take|get|read|pull|draw|fetch)\s+(?=from\b)", re.I), r"\g<m> come "),
    # a source column said with a verb of drawing something off it: 'pull the company off the email domain',
    # 'route phone off the Mobile lane', 'source created_at from Signup Date' → 'take X from Y'
    (
        re.compile(
            r"(?:^|(?<=,\s))(?:please\s+)?(?:route|pull|draw|source|grab|fetch|lift|get)\s+(?!rid\b)"
            r"(?P<x>(?:the\s+)?[\w -]{1,30}?)"
            r"\s+(?:off|out of|from)\s+(?!(?:the\s+)?(?:import|file|sheet|export|load|list|upload|migration)\b)(?=\S)",
            re.I,
        ),
        r"take \g<x> from ",
    ),
    # a column called a lane or a channel, as a dispatcher says it: 'the Mobile lane'
    (re.compile(r"(?<=\w)\s+(?:lanes?|channels?)\b", re.I), " column"),
    # the old source denied after the new one: 'take Mobile, Work Phone not', '…, Work Phone is not needed (for it)'
    # → '… instead of Work Phone'; a scope moved after it ('… For phone') stays after it
    (
        re.compile(
            r",\s*(?!(?:it|this|that|they|these|those|he|she|we|i)\b)(?P<c>(?:the\s+)?\w[\w -]{0,24}?)\s+"
            r"(?:is\s+|are\s+)?not(?:\s+(?:needed|wanted|used|required))?"
            r"(?:\s+(?:for|in)\s+(?:it|this|that|them))?(?=\s+for\s+[\w -]{1,25}$|$)",
            re.I,
        ),
        r" instead of \g<c>",
    ),
    # a correction that names what is not meant first: 'Not the import time, the Signup Date: that's created_at',
    # 'Not the import date but the Signup Date …' (only 'not the …, the …', so 'Not now, …' or 'Not sure, …' is never
    # read as the thing left out; a clause the idioms already read, 'Not the Work Phone, the Mobile one: …', never
    # gets here)
    (re.compile(r"^not\s+the\s+[^,:;]{1,30},\s*(?=the\s+\w)", re.I), ""),
    # a name, then what it is: 'the Signup Date: that's created_at' → 'the Signup Date is created_at' (a name of
    # one or two words after it, never a judgement or another time: 'that's the old phone', 'that's fine')
    (
        re.compile(
            r"^(?P<a>[^:]{1,40}?)\s*:\s*that(?:'s|\s+is)\s+(?P<b>(?:the\s+)?(?!(?:old|previous|former|original|"
            r"current|new|wrong|right|fine|ok|okay|what|not|a|an|how|why)\b)[\w-]+(?:\s+[\w-]+)?)$",
            re.I,
        ),
        r"\g<a> is \g<b>",
    ),
    # a desk phone is the work phone: 'prefer the cell numbers to the desk ones'
    (re.compile(r"\bdesk\s+(?=(?:numbers?|lines?|ones?)\b)", re.I), "work phone "),
    (re.compile(r"\bdesk\s+phones?\b", re.I), "work phone numbers"),
    # rows fronted, then a slang verb of removal on a pronoun: 'Any row with no email, scrap it' → 'drop any row …'
    (
        re.compile(
            rf"^(?P<r>(?:any|every|each|all|the)\s+(?:\w+\s+)?{ROWS}\b[^,]*),\s*(?:just\s+)?{_SLANG_DROP}\s+{_PRONOUN}$",
            re.I,
        ),
        r"drop \g<r>",
    ),
    # … and the same verbs with rows as their object: 'bin the rows without an email'
    (
        re.compile(rf"\b{_SLANG_DROP}\s+(?=(?:any|every|each|all|the|those|these)\s+(?:\w+\s+)?{ROWS}\b)", re.I),
        "drop ",
    ),
    # a list's words for leaving it: 'can come off the list', 'should be struck off' → 'can go' (never 'come off
    # Mobile', a source)
    (
        re.compile(
            rf"\b(?P<m>{_MODAL})\s+(?:come|go|be\s+taken|be\s+struck|be\s+crossed)\s+off"
            r"(?:\s+the\s+(?:list|import|sheet|file|export)\b|$)",
            re.I,
        ),
        r"\g<m> go",
    ),
    # a librarian's or an engineer's verb of taking a column in: 'don't catalogue the Notes', 'don't ingest it'
    (re.compile(r"\b(?:catalogue|catalog|ingest|onboard|accession)\b", re.I), "import"),
    # an old-fashioned negation after the verb and its object: 'bring it not into the import', 'map them not'
    (
        re.compile(
            rf"\b(?P<v>bring|import|take|carry|put|map|include)\s+(?P<o>{_PRONOUN}|the\s+[\w -]{{1,25}}?)\s+not\b",
            re.I,
        ),
        r"do not \g<v> \g<o>",
    ),
    # the duplicates named after keeping the first says nothing more: 'keep the first record and discard the later
    # copies' → 'keep the first record'
    (
        re.compile(
            rf"(?P<k>\bkeep\s+(?:only\s+)?(?:the\s+)?(?:first|earliest|oldest)\b.*?)\s+(?:and|,)\s+{DROP_VERBS}\s+"
            r"(?:the\s+|any\s+|all\s+)?(?:later|other|remaining|subsequent|following|newer|extra)\s+"
            r"(?:copies|duplicates|dupes|ones|rows|records|entries|repeats)\b",
            re.I,
        ),
        r"\g<k>",
    ),
    # values listed, then one verb for all of them: 'Lifecycle values Kunde and Interessent, make them customer
    # and lead' → 'In Lifecycle, make Kunde and Interessent customer and lead'
    (
        re.compile(
            r"^(?P<c>[\w -]{1,25}?)\s+values?\s+(?P<a>[^,]+?\s+and\s+[^,]+?),\s*(?:you\s+|please\s+)?"
            r"(?P<v>make|turn|map|translate|convert|change|set)\s+(?:them|these|those)\s+(?:in)?to\s*(?P<b>.+)$",
            re.I,
        ),
        r"In \g<c>, \g<v> \g<a> \g<b>",
    ),
    (
        re.compile(
            r"^(?P<c>[\w -]{1,25}?)\s+values?\s+(?P<a>[^,]+?\s+and\s+[^,]+?),\s*(?:you\s+|please\s+)?"
            r"(?P<v>make|turn|map|translate|convert|change|set)\s+(?:them|these|those)\s+(?P<b>.+)$",
            re.I,
        ),
        r"In \g<c>, \g<v> \g<a> \g<b>",
    ),
    # a required field denied with a modal or 'to not be': "Email shouldn't be a required field", "the email field
    # to not be required any more" → 'make email optional' (the template decides it; a reason before ', so' goes)
    (
        re.compile(
            r"^(?:.*?,\s*(?:so|therefore|hence)\s+)?(?:the\s+)?(?P<f>[\w -]{1,25}?)(?:\s+field)?\s+"
            r"(?:should(?:n'?t|\s+not)|must(?:n'?t|\s+not)|need(?:n'?t|\s+not)|(?:does|do)(?:n'?t|\s+not)\s+need\s+to|"
            r"to\s+not|not\s+to)\s+be\s+(?:a\s+)?(?:required|mandatory|compulsory|obligatory)(?:\s+field)?"
            r"(?:\s+(?:any\s?more|any\s+longer|now))?$",
            re.I,
        ),
        r"make \g<f> optional",
    ),
]
