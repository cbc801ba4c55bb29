"""The wording tables: one rule per kind of wording that says an instruction another way, grouped by the family
whose plain command it becomes — fallbacks and defaults, not importing a column, rows, duplicates, splitting a
name, the date order, mapping, and template-level, vague and undo requests. A rule rewrites words to words and
leaves every name as typed; the family that reads the result resolves them.
"""

from __future__ import annotations

import re

from ferry.recipe.editor.rephrase.common import ARROW, DROP_VERBS, FIRST, LAST, MISSING, ROWS, Rule, bare, full

# --- fallbacks and defaults: 'X empty -> Y', 'a blank X means Y', 'use Y as the default X' -----------------
FALLBACK_RULES: list[Rule] = [
    (
        full(rf"(?P<a>.+?)\s+(?:is\s+|are\s+)?{MISSING}{ARROW}(?:use\s+|take\s+)?(?P<b>.+)"),
        r"if \g<a> is empty, use \g<b>",
    ),
    (
        full(rf"(?:an?\s+|the\s+)?{MISSING}\s+(?P<a>.+?)\s+(?:means|is|becomes|should be|=|->|=>)\s+(?P<b>.+)"),
        r"if \g<a> is empty, use \g<b>",
    ),
    (
        full(r"(?:use|take|make|set|pick|put)\s+(?P<b>.+?)\s+as\s+(?:the\s+)?default(?:\s+(?:for|of))?\s+(?P<a>.+)"),
        r"set \g<a> to \g<b> when it is empty",
    ),
    (full(r"(?P<a>.+?)\s+(?:should\s+)?defaults?\s+to\s+(?P<b>.+)"), r"set \g<a> to \g<b> when it is empty"),
    (full(r"default\s+(?:the\s+)?(?P<a>.+?)\s+to\s+(?P<b>.+)"), r"set \g<a> to \g<b> when it is empty"),
    (
        full(
            rf"(?P<a>[^:=]+?){ARROW}(?P<b>.+?)\s+(?:by default|as (?:the\s+)?default|if (?:it'?s\s+)?{MISSING}|"
            rf"when (?:it'?s\s+)?{MISSING}|where {MISSING}|for (?:the\s+)?{MISSING} ones)"
        ),
        r"set \g<a> to \g<b> when it is empty",
    ),
    # 'X, otherwise / else / or else Y' after a colon or arrow: a fallback column
    (
        full(rf"(?P<f>[^:]+?){ARROW}(?P<a>[^,]+?),?\s+(?:otherwise|else|or else|failing that|fallback)\s+(?P<b>.+)"),
        r"\g<f>: \g<a>, fallback \g<b>",
    ),
    (
        full(
            r"(?:use\s+)?(?P<b>.+?)\s+(?:is|as)\s+(?:the\s+|a\s+)?(?:backup|fallback|second choice|alternative|reserve|"
            r"plan b|substitute|second option|second source|(?:the\s+)?(?:next|other) option)\s+(?:for|of|to)\s+"
            r"(?:the\s+)?(?P<f>.+)"
        ),
        r"if \g<f> is empty, use \g<b>",
    ),
    (
        full(
            rf"(?:if|when|where)\s+(?:it'?s\s+|that'?s\s+|it is\s+|that is\s+)?{MISSING}\s*(?:{ARROW}|,)?\s*"
            r"(?:use\s+|take\s+)?(?P<b>.+)"
        ),
        r"if it is empty, use \g<b>",
    ),
    (
        full(
            rf"for\s+(?:the\s+|all\s+|any\s+)?{ROWS}\s+(?:with no|without|missing|lacking)\s+"
            r"(?:an?\s+)?(?P<x>[^,]+),\s*"
            r"(?P<rest>.+)"
        ),
        r"if there is no \g<x>, \g<rest>",
    ),
    # 'if Work Phone is empty then Mobile': 'then' joins the condition as a comma does
    (full(r"(?P<w>if|when|where|whenever)\s+(?P<c>.+?)\s+then\s+(?P<rest>.+)"), r"\g<w> \g<c>, \g<rest>"),
    # 'phone from Work Phone and when that is empty from Mobile'
    (
        full(
            rf"(?P<f>.+?)\s+(?:from|<-|comes from)\s+(?P<a>.+?),?\s+(?:and\s+|but\s+)?(?:when|if|where)\s+(?:that|it)"
            rf"(?:'s|\s+is)\s+{MISSING},?\s+(?:from\s+|use\s+|take\s+)?(?P<b>.+)"
        ),
        r"\g<f>: \g<a>, fallback \g<b>",
    ),
    # 'set US for empty countries', 'fill empty countries with US'
    (
        full(
            r"(?:set|put|use|fill in|write)\s+(?P<b>[\w\u27e6\u27e7-]+)\s+(?:for|in|into)\s+(?:the\s+|all"
            rf"\s+)?{MISSING}\s+"
            r"(?P<a>.+)"
        ),
        r"set \g<a> to \g<b> when it is empty",
    ),
    (
        full(
            rf"(?P<f>[^:=,]+?){ARROW}(?P<a>[^,]+?),?\s+(?:if|when)\s+(?:it'?s\s+|that'?s\s+|it is\s+|that is\s+)?"
            rf"{MISSING},?\s+(?:use\s+|take\s+)?(?P<b>.+)"
        ),
        r"\g<f>: \g<a>, fallback \g<b>",
    ),
    (
        full(
            r"(?:use\s+)?(?P<a>.+?)\s+first,?\s+(?:then\s+)?(?P<b>.+?)\s+(?:as\s+(?:the\s+|a\s+)?(?:fallback|backup|"
            r"second choice|plan b)|second|after that|next)"
        ),
        r"use \g<a> first, then \g<b>",
    ),
    (
        full(
            r"(?:prefer|use|take)\s+(?P<a>.+?),?\s+but\s+(?:use|take)\s+(?P<b>.+?)\s+(?:if|when)\s+(?:it'?s|it is|"
            r"that'?s|"
            rf"that is)\s+{MISSING}"
        ),
        r"use \g<a> first, then \g<b>",
    ),
    (
        full(r"default\s+(?:the\s+)?(?P<a>[\w -]+?)\s+(?:=\s*|:\s*)?(?P<b>[\w\u27e6\u27e7-]+)"),
        r"set \g<a> to \g<b> when it is empty",
    ),
    (
        full(rf"(?P<a>.+?)\s+(?:is\s+|are\s+)?{MISSING}\s+(?:means|is|becomes|should be)\s+(?P<b>.+)"),
        r"if \g<a> is empty, use \g<b>",
    ),
    # 'Work Phone or else Mobile for phone'
    (
        full(
            r"(?P<a>[^,]+?)\s+(?:or else|otherwise|else|or|,\s*fallback|then)\s+(?P<b>[^,]+?)\s*(?:for|as|->|=>|"
            r"\u2192|into|to)"
            r"\s+(?:the\s+)?(?P<f>[\w -]+)"
        ),
        r"\g<f>: \g<a>, fallback \g<b>",
    ),
    (
        full(
            rf"(?P<a>[^,]+?),?\s+(?:and\s+)?(?:if|when)\s+(?:that|it)(?:'s|\s+is)\s+{MISSING},?\s+(?:use\s+|take\s+)?"
            r"(?P<b>.+)"
        ),
        r"use \g<a> first, then \g<b>",
    ),
    (
        full(
            r"fall\s*back\s+(?:on|to)\s+(?:the\s+)?(?P<b>.+?)\s+(?:when|if|where)\s+(?:there'?s|there is)\s+no\s+"
            r"(?P<a>.+)"
        ),
        r"if \g<a> is empty, use \g<b>",
    ),
    (
        full(
            rf"(?:when|if|where)\s+(?:there'?s\s+|there is\s+)?no\s+(?P<a>[^:,]+?)\s*(?:{ARROW}|,)\s*(?:use"
            r"\s+)?(?P<b>.+)"
        ),
        r"if \g<a> is empty, use \g<b>",
    ),
    (
        full(r"(?P<b>[\w\u27e6\u27e7-]+)\s+(?:is|as)\s+(?:the\s+)?default\s+(?:for|of|in)\s+(?:the\s+)?(?P<a>.+)"),
        r"set \g<a> to \g<b> when it is empty",
    ),
    (
        full(
            r"(?:if|when|where)\s+(?:(?:there'?s|there is)\s+no\s+(?P<a>[^,]+?)|(?P<a2>[^,]+?)\s+(?:is|are)"
            rf"\s+{MISSING}),?\s+"
            r"(?:fill|complete|populate|fill in)\s+(?:the\s+)?(?P<f>.+?)\s+(?:with|from|using)\s+(?:the\s+)?(?P<b>.+)"
        ),
        lambda m: f"if {m.group('a') or m.group('a2')} is empty, use {m.group('b')}",
    ),
    (
        full(r"(?P<f>[^:]+?)\s*:\s*(?:take|get|read|fill)\s+(?:it|them)\s+from\s+(?:the\s+)?(?P<a>.+?)(?:\s+column)?"),
        lambda m: f"map {bare(m.group('a'))} to {m.group('f')}",
    ),
    (
        full(
            r"(?:we|i|you)\s+(?:don'?t|do not|won'?t|will not|never)\s+(?:need|want|use)\s+(?P<a>.+?)\s+in\s+(?:the"
            r"\s+)?"
            r"(?:crm|import|target|new system|system)"
        ),
        r"don't import \g<a>",
    ),
    (
        full(r"(?P<a>[\w -]+?)\s+(?:not needed|unnecessary|useless|not wanted|unwanted|no longer needed)"),
        r"don't import \g<a>",
    ),
    (
        full(rf"for\s+(?:the\s+|all\s+|an?\s+)?{MISSING}\s+(?P<a>.+?),?\s+(?:put|use|set|write|take)\s+(?P<b>.+)"),
        r"set \g<a> to \g<b> when it is empty",
    ),
    (
        full(
            r"(?:take|use)\s+(?P<a>[^,]+?),?\s+(?:and\s+)?(?P<b>[^,]+?)\s+(?:if|when)\s+(?:it|that|.+?)\s+(?:is|are|"
            r"'s)\s+"
            rf"{MISSING}"
        ),
        r"use \g<a> first, then \g<b>",
    ),
    # an object said first, as German speakers do: 'the Notes we do not want', 'the rows with test we don't need'
    (
        full(rf"(?P<r>(?:the\s+|all\s+)?{ROWS}\s+.+?)\s+(?:we|i)\s+(?:do not|don'?t|dont)\s+(?:want|need|import|keep)"),
        r"drop \g<r>",
    ),
    (full(r"(?P<x>.+?)\s+(?:we|i)\s+(?:do not|don'?t|dont)\s+(?:want|need|import|keep)"), r"don't import \g<x>"),
    # a dash said as a colon: 'phone - Work Phone first, then Mobile', 'Notes - skip it'
    (full(r"(?P<f>[\w ]+?)\s+(?:-|\u2013|\u2014)\s+(?P<rest>.+)"), r"\g<f>: \g<rest>"),
    # 'Mobile when there's no Work Phone', 'Mobile if Work Phone is empty'
    (
        full(
            r"(?:use\s+|take\s+)?(?P<b>[^,]+?)\s+(?:when|if|where|whenever)\s+(?:there'?s|there is)\s+no\s+"
            r"(?P<a>.+)"
        ),
        r"if \g<a> is empty, use \g<b>",
    ),
    (
        full(rf"(?:use\s+|take\s+)?(?P<b>[^,]+?)\s+(?:when|if|where|whenever)\s+(?P<a>.+?)\s+(?:is|are)\s+{MISSING}"),
        r"if \g<a> is empty, use \g<b>",
    ),
    # 'where X is missing, ...': the condition of the rest
    (full(r"where\s+(?P<c>.+?\s+(?:is|are)\s+" + MISSING + r"),\s*(?P<rest>.+)"), r"if \g<c>, \g<rest>"),
]

# --- not importing a column: 'Notes - don't import', 'Notes: skip' -----------------------------------------
UNMAP_RULES: list[Rule] = [
    (
        full(
            r"(?:leave|keep)\s+(?:the\s+)?(?P<a>.+?)\s+out(?:\s+of\s+(?:the\s+)?(?:import|migration|upload|crm|"
            r"recipe))?"
        ),
        r"don't import \g<a>",
    ),
    (full(r"(?:no need for|we can do without|forget about|no use for)\s+(?:the\s+)?(?P<a>.+)"), r"don't import \g<a>"),
    (
        full(r"(?P<f>[^:]+?)\s*:\s*(?:use|take|read|from)\s+(?:the\s+)?(?P<a>.+?)(?:\s+column)?"),
        lambda m: f"map {bare(m.group('a'))} to {m.group('f')}",
    ),
    (
        full(
            r"(?:we|i|you)\s+(?:don'?t|do not|won'?t|will not|shouldn'?t|should not|never)\s+(?:need to\s+|want to\s+)?"
            r"(?:import|need|want|use|keep|bring over|migrate|care about)\s+(?P<a>.+?)(?:\s+(?:at all|anyway|anymore))?"
        ),
        r"don't import \g<a>",
    ),
    (
        full(
            r"(?P<a>.+?)\s+(?:is|are)\s+(?:not to|never to)\s+be\s+(?:imported|brought over|taken over|migrated|"
            r"loaded)|"
            r"(?P<a2>.+?)\s+(?:must not|mustn't|should not|shouldn't|won't|will not|can't|cannot)\s+be\s+"
            r"(?:imported|brought over|taken over|migrated|loaded)"
        ),
        lambda m: f"don't import {m.group('a') or m.group('a2')}",
    ),
    (
        full(
            r"(?:the\s+)?(?P<a>.+?)\s+(?:can|may|could|should|must)\s+be\s+(?:dropped|removed|skipped|ignored|left out|"
            r"deleted|thrown away|discarded)"
        ),
        r"don't import \g<a>",
    ),
    (
        full(r"(?:don'?t|do not|never)\s+(?:take|bring|carry|copy|move)\s+(?:over|across|along)\s+(?P<a>.+)"),
        r"don't import \g<a>",
    ),
    (
        full(r"(?P<a>.+?)\s+(?:stays?|remains?|is left|are left|goes|go|can go|can stay|should stay|must stay)\s+out"),
        r"don't import \g<a>",
    ),
    (
        full(
            r"(?P<a>.+?)\s+(?:(?:is|are)\s+(?:not needed|unnecessary|useless|irrelevant|not relevant|not important|"
            r"junk)|"
            r"(?:won'?t be|will not be|isn'?t|aren'?t|is not|are not)\s+(?:needed|necessary|of use|useful|used))"
        ),
        r"don't import \g<a>",
    ),
    (
        full(
            rf"(?P<a>[^:]+?){ARROW}(?P<v>don'?t import|do not import|not needed|skip(?: it)?|ignore(?: it)?|"
            r"leave (?:it )?out|drop(?: it)?|exclude(?: it)?|not imported|no import|none|nothing|unused|nowhere|"
            r"no field|out|gone|away|trash|bin|don'?t need(?: it)?|not necessary|unnecessary|not wanted|drop it)"
        ),
        lambda m: f"don't import {m.group('a')}",
    ),
]

# --- rows: 'Contacts without e-mail must not be imported', 'rows marked test in Lifecycle', ... -----------------
ROW_RULES: list[Rule] = [
    (
        full(
            rf"(?P<r>(?:the\s+|all\s+|any\s+)?{ROWS}\s+.+?)\s+(?:must not|mustn't|should not|shouldn't|are not to|"
            r"is not to|can't|cannot|may not|won't|will not|need not)\s+be\s+(?:imported|kept|loaded|included|"
            r"migrated|taken|brought over)"
        ),
        r"drop \g<r>",
    ),
    (full(rf"(?P<r>(?:the\s+)?{ROWS}\s+.+?)\s*{ARROW}(?:{DROP_VERBS})"), r"drop \g<r>"),
    (
        re.compile(
            rf"\b(?P<r>{ROWS})\s+(?:marked|flagged|tagged|labell?ed|set)\s+(?:as\s+)?(?P<v>[\w\u27e6\u27e7-]+)"
            r"\s+(?:in|by|under)\s+(?:the\s+)?(?P<c>.+)$",
            re.I,
        ),
        r"\g<r> where \g<c> is \g<v>",
    ),
    (
        re.compile(
            rf"\b(?P<r>{ROWS})\s+(?:that|which|where|whose)\s+(?P<c>.+?)\s+(?:marks?|flags?|tags?|labels?|"
            r"lists?|has|shows?|says?)\s+(?:as\s+)?(?P<v>[\w\u27e6\u27e7-]+)$",
            re.I,
        ),
        r"\g<r> where \g<c> is \g<v>",
    ),
    (re.compile(r"\s+(?:without|with no|missing|lacking)\s+(?:one|any)$", re.I), r" without it"),
    (
        full(
            rf"(?P<r>(?:the\s+)?{ROWS}\s+(?:without|with no|missing|lacking|where|whose|with)\s+.+?)\s+"
            r"(?:out|away|gone)"
        ),
        r"drop \g<r>",
    ),
    # 'Lifecycle=test rows out', 'rows with Lifecycle: test -> out'
    (
        full(
            rf"(?P<c>[^=:]+?)\s*(?:=|:|==)\s*(?P<v>[\w\u27e6\u27e7-]+)\s+(?P<r>{ROWS})\s*(?:->|=>|:)?\s*(?:out|away|"
            r"gone|"
            r"excluded|dropped|skipped|removed)"
        ),
        r"drop rows where \g<c> is \g<v>",
    ),
    (
        full(
            rf"{DROP_VERBS}\s+(?:(?:the\s+)?{ROWS}\s+)?(?:where\s+|with\s+|whose\s+)?(?P<c>[^=:]+?)\s*(?:=|==|"
            r":)\s*(?P<v>.+)"
        ),
        r"drop rows where \g<c> is \g<v>",
    ),
    (
        full(
            rf"(?:the\s+)?(?P<v>[\w\u27e6\u27e7-]+)\s+{ROWS}\s+(?:in|from|of|per)\s+(?:the\s+)?(?P<c>.+?)\s+"
            r"(?:must|should|can|"
            r"have to|has to|need to|needs to)\s+"
            r"(?:go|be dropped|be removed|disappear|be skipped|be ignored|be excluded)"
        ),
        r"drop rows where \g<c> is \g<v>",
    ),
    (
        full(
            rf"(?P<r>(?:the\s+|all\s+)?(?:[\w-]+\s+)?{ROWS}\s+.+?)\s+(?:must|should|can|have to|has to|need to|"
            r"needs to)\s+"
            r"(?:go|be dropped|"
            r"be removed|disappear|be skipped|be ignored|be excluded)"
        ),
        r"drop \g<r>",
    ),
    (
        full(
            rf"(?:every|each|a|any)\s+{ROWS}\s+(?:needs|must have|requires|has to have|should have)\s+(?:an?\s+)?"
            rf"(?P<f>.+?),?\s+(?:so\s+)?{DROP_VERBS}\s+(?:the\s+)?(?:rest|others|other ones|other {ROWS})"
        ),
        r"drop rows without \g<f>",
    ),
    (full(r"(?:filter|throw|take|leave|kick|weed|sort|strip)\s+(?P<x>.+?)\s+out"), r"leave out \g<x>"),
    (
        full(
            rf"(?:an?\s+|any\s+|the\s+|every\s+)?{ROWS}\s+(?:without|with no|missing|lacking)\s+(?:an?\s+)?(?P<f>.+?)"
            r"\s+"
            r"(?:is|are)\s+(?:useless|worthless|no good|not needed|pointless|junk|of no use),?\s*(?:so\s+)?"
            rf"(?:{DROP_VERBS}(?:\s+(?:it|them))?)?"
        ),
        r"drop rows without \g<f>",
    ),
    # 'drop test contacts where Lifecycle is test': the word before the rows only repeats the condition
    (
        full(
            rf"(?P<verb>{DROP_VERBS})\s+(?:the\s+|all\s+)?[\w\u27e6\u27e7-]+\s+(?P<r>{ROWS}\s+(?:where|whose|with)"
            r"\s+.+)"
        ),
        r"\g<verb> \g<r>",
    ),
    (
        full(
            r"(?P<f>.+?)\s+(?:is\s+)?(?:required|mandatory|needed|a must|compulsory)\s+(?:for|in|on)\s+(?:every|each|"
            r"all|any)"
            rf"\s+{ROWS},?\s+(?:otherwise|else|or else|or)\s+{DROP_VERBS}(?:\s+(?:the\s+|that\s+)?(?:{ROWS}|it|them))?"
        ),
        r"drop rows without \g<f>",
    ),
    (re.compile(rf"^{DROP_VERBS}\s+(?=(?:the\s+|all\s+)?{ROWS}\b)", re.I), "drop "),
    (
        re.compile(
            r"\b(?P<w>where|whose|when|if)\s+(?P<c>.+?)\s+(?:says|shows|reads|contains|equals|holds|has the value)\s+",
            re.I,
        ),
        r"\g<w> \g<c> is ",
    ),
    (
        full(
            r"(?P<f>.+?)\s+(?:must|should|has to|needs to)\s+(?:exist|be there|be present|be filled(?: in)?|be set),?"
            r"\s+"
            rf"(?:else|otherwise|or else|or)\s+{DROP_VERBS}(?:\s+(?:the\s+|that\s+)?(?:{ROWS}|it|them))?"
        ),
        r"drop rows without \g<f>",
    ),
    (
        full(
            rf"(?:we|i)\s+(?:only\s+)?(?:want|need|import|keep|care about)\s+(?:only\s+)?(?:the\s+)?{ROWS}\s+(?:that|"
            r"which|who)"
            r"\s+(?:have|has)\s+(?:an?\s+)?(?P<f>.+)"
        ),
        r"drop rows without \g<f>",
    ),
    (
        full(
            rf"(?P<v>[\w\u27e6\u27e7-]+)\s+in\s+(?:the\s+)?(?P<c>.+?)\s*(?:->|=>|\u2192|:)\s*{DROP_VERBS}"
            rf"(?:\s+(?:the\s+)?{ROWS})?"
        ),
        r"drop rows where \g<c> is \g<v>",
    ),
    (
        full(
            rf"(?P<v>{DROP_VERBS})\s+(?:everything|anything|all|all of them|those|them)\s+"
            r"(?P<rest>(?:where|whose|with)\s+.+)"
        ),
        r"drop rows \g<rest>",
    ),
    (
        re.compile(rf"\b(?P<r>{ROWS})\s+with\s+(?P<v>[\w\u27e6\u27e7-]+)\s+in\s+(?:the\s+)?(?P<c>[\w -]+?)$", re.I),
        r"\g<r> where \g<c> is \g<v>",
    ),
    # 'email is a must, drop the rest': the rows without it go
    (
        full(
            r"(?P<f>.+?)\s+(?:is|are)\s+(?:a must|a must-have|mandatory|required|needed|essential|compulsory),?\s+"
            rf"(?:so\s+)?{DROP_VERBS}\s+(?:the\s+)?(?:rest|others|other {ROWS}|{ROWS} without(?: it| one| them)?)"
        ),
        r"drop rows without \g<f>",
    ),
]

# --- duplicates said as who wins: 'the first row wins when emails are the same' ---------------------------------
DEDUP_RULES: list[Rule] = [
    (
        full(
            r"(?:only\s+)?the\s+(?P<k>first|last|latest|earliest|newest|oldest)\s+(?:row|record|entry|contact|one|"
            r"line)\s+"
            r"(?:per|for each|for every|by|of each)\s+(?P<f>.+?)\s+(?:should|must|may|can|will|is to)\s+"
            r"(?:stay|remain|be kept|survive|be imported)"
        ),
        r"keep only the \g<k> row for each \g<f>",
    ),
    (
        full(
            rf"(?:if|when)\s+(?:there\s+are|there're)\s+(?:two|2|several|multiple|more)\s+{ROWS}\s+(?:with|sharing|"
            r"having)\s+"
            r"(?:the\s+)?same\s+(?P<f>.+?),?\s+(?:keep|take|use)\s+(?:only\s+|just\s+)?the\s+"
            r"(?P<k>first|last|latest|earliest|newest|oldest)(?:\s+(?:one|row|record|entry|contact))?"
        ),
        r"keep only the \g<k> row for each \g<f>",
    ),
    (
        full(
            r"(?:if|when|where)\s+(?:the\s+)?same\s+(?P<f>.+?)\s+(?:is|are)\s+(?:used|there|present|found|seen|"
            r"in the file)?"
            r"\s*(?:twice|more than once|several times|again|two times),?\s+(?:keep|take|use)\s+(?:only\s+|just"
            r"\s+)?the\s+"
            r"(?P<k>first|last|latest|earliest|newest|oldest)(?:\s+(?:one|row|record|entry|contact))?"
        ),
        r"keep only the \g<k> row for each \g<f>",
    ),
    (
        full(
            r"(?:unique|distinct)\s+(?P<f>.+?)(?:\s+only)?(?:,?\s*\(?(?:keep(?:ing)?\s+)?(?:the\s+)?"
            r"(?P<k>first|last)(?:\s+(?:one|row))?(?:\s+wins)?\)?)?"
        ),
        lambda m: f"keep only the {m.group('k') or 'first'} row for each {m.group('f')}",
    ),
    (
        full(
            r"(?:the\s+)?(?P<k>first|last|latest|earliest|newest|oldest)(?:\s+(?:one|row|record|entry|contact))?\s+"
            r"(?:wins|stays|is kept|counts|survives|remains)\s+(?:when|if|where)\s+(?:the\s+)?(?P<f>.+?)\s+"
            r"(?:are|is)\s+(?:the\s+)?same"
        ),
        r"keep only the \g<k> row for each \g<f>",
    ),
    (
        full(
            r"(?:when|if|where)\s+(?:the\s+)?(?P<f>.+?)\s+(?:are|is)\s+(?:the\s+)?same,?\s+(?:keep|take|use)\s+"
            r"(?:only\s+)?the\s+(?P<k>first|last|latest|earliest|newest|oldest)(?:\s+(?:one|row|record|entry))?"
        ),
        r"keep only the \g<k> row for each \g<f>",
    ),
]

# --- splitting a name column: 'X holds first and last names together', 'X -> first_name + last_name' ---------
SPLIT_RULES: list[Rule] = [
    (
        full(
            r"(?:from|out of)\s+(?:the\s+)?(?P<a>.+?),?\s+(?:make|create|get|build|take|derive)\s+(?:the"
            rf"\s+)?(?:{FIRST})\s+"
            rf"(?:and|&)\s+(?:the\s+)?(?:{LAST})"
        ),
        r"split \g<a> into first and last name",
    ),
    (
        full(r"(?:split|separate)(?:\s+(?:the\s+)?names?)?\s*:\s*(?P<a>.+?)\s*(?:->|=>|\u2192|into|to)\s*.+"),
        r"split \g<a> into first and last name",
    ),
    (
        full(
            r"(?:split|separate|break|cut|divide)(?:\s+up)?\s+(?:the\s+)?(?P<a>.+?)\s+(?:in(?:to)?\s+)?(?:2|two)\s+"
            r"(?:fields|columns|parts)\b.*"
        ),
        r"split \g<a> into first and last name",
    ),
    (
        full(rf"(?P<a>[^:]+?)\s*:\s*(?:split|separate|cut|divide)\b.*\b(?:{FIRST})\b.*\b(?:{LAST})\b.*"),
        r"split \g<a> into first and last name",
    ),
    (
        full(
            rf"(?:take|get|pull|extract|derive|make)\s+(?:the\s+)?(?:{FIRST})\s+(?:and|&)\s+(?:the\s+)?(?:{LAST})\s+"
            r"(?:out of|from)\s+(?:the\s+)?(?P<a>.+)"
        ),
        r"split \g<a> into first and last name",
    ),
    (
        full(
            rf"(?:split|separate|break|cut|divide)(?:\s+up)?\s+(?:the\s+)?(?P<a>.+?)\s*[(:]\s*(?:{FIRST})\s*(?:/|and|"
            r",|\+|&)\s*"
            rf"(?:{LAST})\s*\)?"
        ),
        r"split \g<a> into first and last name",
    ),
    (
        full(
            r"(?:the\s+)?(?P<a>.+?)\s+(?:must|should|has to|needs to|can)\s+be\s+"
            r"(?:separated|split|divided|broken up)\s+"
            rf"(?:in|into)\s+(?:the\s+)?(?:{FIRST})\s+(?:and|&)\s+(?:the\s+)?(?:{LAST})"
        ),
        r"split \g<a> into first and last name",
    ),
    (
        full(
            r"(?P<a>[^,]+?)\s+(?:is|are|has|holds|contains|looks like)\b.*?,\s*(?:so\s+)?"
            r"(?:(?:split|separate|break|cut)\s+(?:it|them|that)(?:\s+up)?"
            r"(?:\s+into (?:first and last(?: names?)?|two(?: parts)?))?|"
            r"(?:make|turn)\s+(?:it|that|them)\s+(?:in(?:to)?\s+)?(?:two|2)\s+(?:fields|columns|parts))"
        ),
        r"split \g<a> into first and last name",
    ),
    (
        full(
            rf"(?:the\s+)?(?:{FIRST})\s+(?:and|&|\+)\s+(?:the\s+)?(?:{LAST})\s+(?:in|into|as)\s+"
            r"(?:separate|different|two|"
            r"their own|distinct)\s+(?:fields|columns),?\s+(?:taken\s+|coming\s+|split\s+)?(?:from|out of)\s+"
            r"(?:the\s+)?"
            r"(?P<a>.+?)"
        ),
        r"split \g<a> into first and last name",
    ),
    (
        full(
            rf"(?:the\s+)?(?:{FIRST})\s+(?:and|&|\+)\s+(?:the\s+)?(?:{LAST})\s+(?:are|is)\s+(?:both\s+|together\s+)*"
            r"(?:in|inside|within)\s+(?:the\s+)?(?P<a>.+?)(?:\s+(?:together|combined|at once))?"
        ),
        r"split \g<a> into first and last name",
    ),
    (
        full(
            rf"(?:the\s+)?(?P<a>.+?)\s+(?:column\s+)?(?:has|holds|contains|includes|is|are|combines|keeps|stores|"
            rf"carries|mixes|puts)\s+(?:both\s+)?(?:the\s+)?(?:{FIRST})\s+(?:and|&|\+|plus)\s+(?:the\s+)?(?:{LAST})"
            r"(?:\s+(?:together|in one|combined|in it|in one (?:field|column|cell)|at once|both))*(?:,?\s+split it)?"
        ),
        r"split \g<a> into first and last name",
    ),
    (
        full(
            rf"(?P<a>.+?){ARROW}(?:{FIRST})\s*(?:\+|and|&|,|/)\s*(?:{LAST})(?:,?\s+(?:please\s+)?split(?: it| that)?)?"
        ),
        r"split \g<a> into first and last name",
    ),
    (
        full(
            rf"(?:the\s+)?(?P<a>.+?)\s+(?:must|should|has to|needs to)\s+(?:be\s+)?(?:cut|split|broken|separated)\s+"
            rf"(?:in(?:to)?\s+)?(?:two|2|parts)?[,:]?\s*(?:the\s+)?(?:{FIRST})\s+(?:and|&)\s+(?:the\s+)?(?:{LAST})"
        ),
        r"split \g<a> into first and last name",
    ),
]

# --- date order as a description: 'the day comes first in X', 'in X the first number is the day' ---------------
# 'European' says a date order by itself; 'German', 'British', ... only with a word for a format after it
_FORMAT_WORDS = r"(?:way|style|format|order|fashion|manner|notation|convention|dates?)"
_EUROPEAN = (
    rf"(?:(?:european|continental|day[- ]month[- ]year)(?:\s+{_FORMAT_WORDS})?|"
    rf"(?:british|german|french|uk|english)\s+{_FORMAT_WORDS})"
)
DATE_RULES: list[Rule] = [
    (
        full(
            r"(?P<a>.+?)\s+(?:is|are)\s+(?:written|formatted|given|stored|entered|typed|done)?\s*(?:in\s+)?"
            r"(?:the\s+)?"
            rf"{_EUROPEAN}"
        ),
        r"\g<a> is day-first",
    ),
    (
        full(
            r"(?P<a>.+?)\s+(?:is|are)\s+(?:written|formatted|given|stored|entered|typed|done)?\s*(?:in\s+)?"
            r"(?:the\s+)?"
            r"(?:american|month[- ]day[- ]year)(?:\s+(?:way|style|format|order|fashion|manner|notation))?"
        ),
        r"\g<a> is month-first",
    ),
    (
        full(
            r"(?:the\s+)?day\s+(?:comes|is|goes|stands|is written)\s+(?:first|before the month)\s+in\s+(?:the\s+)?"
            r"(?P<a>.+)"
        ),
        r"\g<a> is day-first",
    ),
    (
        full(
            r"(?:in|for)\s+(?P<a>.+?),?\s+the\s+first\s+(?:number|part|value|digits?|figure)s?\s+(?:is|are)\s+"
            r"the\s+day(?:,?\s+not the month)?"
        ),
        r"\g<a> is day-first",
    ),
    (full(r"(?P<a>.+?)\s+(?:starts?|begins?)\s+with\s+the\s+day(?:,?\s+not the month)?"), r"\g<a> is day-first"),
    (full(r"(?:the\s+)?day\s+(?:comes|is|goes)\s+(?:first|before the month)"), r"dates are day-first"),
    # a value described: 'some emails are in capitals, like X' is what to fix
    (
        full(
            r"(?:some|many|a few|several|most|the)\s+(?P<f>.+?)\s+(?:are|is|come|comes)\s+(?:in|with)\s+(?:all\s+)?"
            r"(?:capitals|caps|capital letters|upper ?case|mixed case)"
            r"(?:,?\s+(?:like|e\.g\.|for example|such as)\s+.+)?"
        ),
        r"lowercase the \g<f>",
    ),
]

# --- mapping in everyday verbs and preferences ----------------------------------------------------------------
MAP_RULES: list[Rule] = [
    # 'map created_at to Signup Date': the field named first (the rewrite is kept only if the names fit that way)
    (full(r"map\s+(?P<f>.+?)\s+(?:to|onto|with)\s+(?P<a>.+)"), r"map \g<a> to \g<f>"),
    (full(r"(?P<f>[^<]+?)\s*(?:<-|<=|<==|\u2190|\u21d0)\s*(?P<a>.+)"), r"map \g<a> to \g<f>"),
    (
        full(
            r"(?P<a>.+?)\s+(?:must|should|has to|needs to|is to|shall|can)\s+be\s+used\s+(?:for|as)\s+(?:the\s+)?"
            r"(?P<f>[^,]+?)(?:,?\s+(?:not|instead of|rather than)\s+(?:the\s+)?(?P<b>.+))?"
        ),
        lambda m: f"map {bare(m.group('a'))} to {m.group('f')}",
    ),
    (
        full(
            r"(?:the\s+)?(?P<f>.+?)\s+(?:is|are)\s+(?:in|stored in|found in|kept in|given in|held in|under)\s+"
            r"(?:the\s+)?"
            r"(?P<a>.+?)(?:\s+column)?"
        ),
        r"map \g<a> to \g<f>",
    ),
    (
        full(
            r"(?P<a>.+?)\s+(?:is|are)\s+(?:the\s+)?(?:better|best|right|correct|real|proper|preferred|main|actual)\s+"
            r"(?!than\b)(?P<f>.+?)(?:\s+(?:column|source|one))?"
        ),
        r"map \g<a> to \g<f>",
    ),
    (
        full(
            r"(?:put\s+|have\s+|want\s+)?(?:the\s+)?(?P<a>.+?)\s+(?:in|into|for|as)\s+(?:the\s+)?(?P<f>[^,]+?),?\s+"
            r"(?:not|instead of|rather than)\s+(?:the\s+)?(?P<b>.+)"
        ),
        lambda m: f"map {bare(m.group('a'))} to {m.group('f')} instead of {bare(m.group('b'))}",
    ),
    (full(r"for (?:the\s+)?(?P<f>[\w-]+)(?:\s+field)?,?\s+(?:use\s+|take\s+)?(?P<a>.+)"), r"map \g<a> to \g<f>"),
    (
        full(
            r"(?:switch|change|point|move|repoint|flip|swap|turn)\s+(?:the\s+)?(?P<f>.+?)\s+(?:over\s+)?"
            r"(?:to|at|onto)\s+(?:the\s+)?(?P<a>.+?)"
        ),
        r"map \g<a> to \g<f>",
    ),
    (
        full(
            r"(?:the\s+)?(?P<a>.+?)\s+(?:is|are)\s+(?:better|preferable|more useful)\s+than\s+.+?\s+for\s+"
            r"(?:the\s+)?(?P<f>[^,]+?)(?:,.*)?"
        ),
        r"map \g<a> to \g<f>",
    ),
]

# --- template-level, vague and undo wordings ----------------------------------------------------------------
OTHER_RULES: list[Rule] = [
    # 'Deutschland is Germany = DE': a name with its code after '=' is the code
    (re.compile(r"\b(?P<v>is|means)\s+(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*\s*=\s*(?P<c>[A-Z]{2,3})\b"), r"\g<v> \g<c>"),
    # 'treat Kunde like customer': 'like' after a verb of reading is 'as'
    (
        full(r"(?P<v>treat|handle|read|consider|count|take)\s+(?P<rest>.+\slike\s.+)"),
        lambda m: f"{m.group('v')} {m.group('rest').replace(' like ', ' as ')}",
    ),
    (
        full(
            r"(?P<t>.+?)\s+(?:does not|doesn't|do not|don't|need not|needn't)\s+(?:have to|need to|)\s*be\s+"
            r"(?:filled(?: in)?|set|given|present|there|provided)"
        ),
        r"make \g<t> optional",
    ),
    (
        full(r"(?P<t>.+?)\s+(?:should not|shouldn't|must not|mustn't|need not|needn't)\s+be\s+(?:required|mandatory)"),
        r"make \g<t> optional",
    ),
    (
        full(r"where\s+(?:can|should|could|do|shall)\s+(?:i|we|you)\s+(?:put|keep|store|import)\s+(?P<a>.+)"),
        r"put \g<a> somewhere",
    ),
    (
        full(r"(?:find|pick|choose)\s+(?:a|some|any)\s+(?:place|spot|home|field)\s+for\s+(?P<a>.+)"),
        r"put \g<a> somewhere",
    ),
    (
        full(r"(?:i|we)\s+(?:don'?t|do not)\s+want\s+to\s+(?:lose|drop|throw away|miss)\s+(?P<a>.+)"),
        r"don't lose \g<a>",
    ),
    (
        full(
            r"(?:scrap|cancel|discard|ditch|drop|throw away|forget|reverse|back out|remove|delete|kill|toss)\s+"
            r"(?:that|the|my|your|this)?\s*(?:last|latest|previous|recent|most recent)?\s*(?:change|edit|update|step|"
            r"modification)s?(?:\s+(?:you|i)\s+(?:just\s+)?made)?"
        ),
        "undo that",
    ),
]

# 'Deutschland must be DE', 'Kunde should become customer': a wish about a value is the value's meaning
OTHER_RULES.append(
    (
        re.compile(
            r"\s+(?:must|should|shall|has to|needs to|will|is to)\s+(?:be|become)\s+(?!used\b|imported\b)", re.I
        ),
        " is ",
    )
)

RULES: list[Rule] = (
    FALLBACK_RULES + UNMAP_RULES + ROW_RULES + DEDUP_RULES + SPLIT_RULES + DATE_RULES + MAP_RULES + OTHER_RULES
)
