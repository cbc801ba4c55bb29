"""Clauses that lean on the clause beside them: a pronoun whose antecedent is the phrase before, and a statement
of background that carries no instruction of its own.

People front the thing they talk about and point back at it: "The Notes we do not need, leave them out",
"A contact without an email address is useless to us, drop it", "Signup Date holds the creation date, map it to
created_at". Read alone, "leave them out" names nothing; read with its antecedent put in place of the pronoun it
is a plain command. The antecedent is the noun phrase that opens the clause before, cut where its verb starts;
several cuts are offered (longest first) and the session keeps the first one the families understand, so an
antecedent never decides what a name means: the resolver still does.

People also explain before they ask: "Some addresses are in upper case; the email field should be lowercase",
"Our contacts are mostly in Germany, so a phone without a country code is a German number". Such a statement is
background when it is plainly a description (a subject and an indicative verb, no command, wish or modal) and
another clause of the message is understood; the session then applies the rest and says which words it read as
background, so nothing is dropped silently.
"""

from __future__ import annotations

import re

# the verbs (and subject pronouns of a fronted object) at which the opening noun phrase of a clause ends
_PHRASE_END_RE = re.compile(
    r"\s+(?:is|are|was|were|has|have|had|holds?|contains?|includes?|carries|carry|comes?|gets?|looks?|seems?|"
    r"stands?|means?|we|you|they|nobody|no one|must|should|shall|can|could|will|would|need|needs|does|do|don'?t|"
    r"doesn'?t|isn'?t|aren'?t)\b",
    re.I,
)
_LEADING_LINK_RE = re.compile(r"^(?:so|and|but|then|also|because|since|as)\s+", re.I)
_ARTICLE_RE = re.compile(r"^(?:an?|each|every|any)\s+", re.I)
_PRONOUN_RE = re.compile(r"\b(?:them|it|its|their|those|these|they)\b", re.I)

# a command, a wish or a modal: such a clause is an instruction, never background
_INSTRUCTION_RE = re.compile(
    r"\b(?:should|must|shall|need|needs|want|wants|wish|like|prefer|rather|please|let|make|use|take|put|set|map|"
    r"drop|skip|ignore|exclude|remove|delete|keep|import|split|join|combine|merge|translate|convert|change|fill|"
    r"default|treat|read|parse|lowercase|uppercase|format|dedupe|deduplicate|undo|revert|go back|don'?t|do not|"
    r"never|always|only|instead|rather than|if|when|whenever|where|wherever|unless|otherwise|else|once|while|in case|"
    r"provided|fall ?back|backup|"
    # a statement of what is missing is a condition for the clause beside it ('some have no work phone; use
    # the mobile for those'): dropping it would widen that clause, so it is never background
    r"no|not|none|nothing|without|lacks?|lacking|empty|blank|missing|null|absent|->|=>|=|:)\b"
    r"|->|=>|[=:]",
    re.I,
)
# a description: a subject, then an indicative verb
_STATEMENT_RE = re.compile(
    r"^[\w'+ -]{1,60}?\s+(?:(?:still|also|often|usually|mostly|mainly|all|only|sometimes)\s+)?"
    r"(?:is|are|was|were|has|have|holds?|contains?|comes?|looks?|seems?|lives?|sits?|"
    # what a system or a person does with the data, said of the past or as a habit ('Our system exports dates as
    # day/month/year', 'Land uses full names', 'which our CRM treats as different addresses')
    r"uses|used|exports|exported|writes|wrote|stores|stored|lists|listed|shows|records|recorded|spells|spelled|"
    r"types|typed|enters|entered|treats|sees|counts|calls|called|"
    # what people do, said as a habit ('Our sales reps mostly call customers on their mobiles')
    r"call|ring|rings|visit|visits|meet|meets|serve|serves)\b",
    re.I,
)


# 'Contacts without an e-mail still have a website': the rows a condition picks, and what they have instead
_MISSING_HAVE_RE = re.compile(
    r"^(?:the\s+|all\s+|some\s+|many\s+)?(?:contacts?|rows?|records?|entries|entry|people|persons?|lines?)\s+"
    r"(?:without|with no|missing|lacking|that have no|who have no|with an? empty)\s+(?:an?\s+|any\s+)?(?P<x>.+?)\s+"
    r"(?:still\s+|also\s+|usually\s+|often\s+|do\s+|always\s+)*(?:have|has|have got|carry)\s+(?:an?\s+|the\s+)?"
    r"(?P<y>[^,]+?)$",
    re.I,
)


# 'Some contacts have no work phone but they have a mobile': the same, said as what they lack and what they have
_LACK_BUT_HAVE_RE = re.compile(
    r"^(?:the\s+|all\s+|some\s+|many\s+)?(?:contacts?|rows?|records?|entries|entry|people|persons?|lines?)\s+"
    r"(?:have|has)\s+no\s+(?P<x>.+?)\s*,?\s+(?:but|yet)\s+(?:(?:they|it|those|these)\s+)?(?:still\s+|do\s+|does\s+)?"
    r"(?:have|has)\s+(?:an?\s+|the\s+)?(?P<y>[^,]+?)$",
    re.I,
)


# 'Some contacts didn't give an organisation name': the rows a condition picks, said as what they left out; only
# the clause that points at those rows as a whole ('In those cases, …') takes it, since nothing is said they have
_NOT_GIVEN_RE = re.compile(
    r"^(?:the\s+|all\s+|some\s+|many\s+|a\s+few\s+)?(?:contacts?|rows?|records?|entries|entry|people|persons?|"
    r"customers?|clients?|leads?)\s+(?:didn'?t|did\s+not|don'?t|do\s+not|never|haven'?t|have\s+not)\s+"
    r"(?:give|gave|provided?|fill(?:ed)?\s+in|enter(?:ed)?|suppl(?:y|ied)|have|had)\s+(?:us\s+)?"
    r"(?:an?\s+|any\s+|their\s+|the\s+)?(?P<x>[\w -]+?)$",
    re.I,
)


# the clause points at the rows the description picked as a whole ('In those cases could you use the mobile?')
_THOSE_CASES_RE = re.compile(
    r"^(?:(?:so|and|then)\s+)?(?:in|for)\s+(?:those|these|such|that|this|them|which)(?:\s+(?:cases?|contacts?|rows?|"
    r"records?|situations?|ones))?\s*,?\s*(?:then\s+)?",
    re.I,
)


def points_at_cases(clause: str) -> bool:
    """'in such cases use the mobile': the clause points back at the rows the clause before described."""
    return _THOSE_CASES_RE.match(clause.strip()) is not None


def conditioned(before: str, pointing: str) -> str | None:
    """'Contacts without an e-mail still have a website; the address can come from its domain' → 'if e-mail is
    empty, the address can come from website domain': the condition kept, the pronoun the thing they have."""
    m = _MISSING_HAVE_RE.match(before.strip()) or _LACK_BUT_HAVE_RE.match(before.strip())
    if m is None:
        given = _NOT_GIVEN_RE.match(before.strip())
        bare = _THOSE_CASES_RE.sub("", pointing.strip())
        if given is None or bare == pointing.strip() or has_pronoun(bare):
            return None
        return f"if {given['x']} is empty, {bare}"
    if (bare := _THOSE_CASES_RE.sub("", pointing.strip())) != pointing.strip() and not has_pronoun(bare):
        return f"if {m['x']} is empty, {bare}"  # 'in those cases, use the mobile number': the condition itself
    resolved = with_antecedent(pointing, m["y"])
    return f"if {m['x']} is empty, {resolved}" if resolved is not None else None


# a description of rows said with a pronoun for them ('they have Lifecycle set to test'): the rows that do
_PRONOUN_ROWS_RE = re.compile(
    r"^(?:they|these|those)\s+(?:all\s+)?(?P<rest>(?:have|has|had|are|were)\s+.{3,60})$", re.I
)


# a clause that opens with its speaker and a verb of need: the thing pointed back at is the object
_SUBJECT_VERB_RE = re.compile(
    r"^(?:we|i)\s+(?:do not|don'?t|dont|never|no longer)\s+(?:really\s+)?(?:need|want|use)\s+(?P<o>.+?)"
    r"(?:\s+(?:in|for|from)\s+(?:the\s+)?(?:template|import|crm|migration|new system))?$",
    re.I,
)


def has_pronoun(clause: str) -> bool:
    return _PRONOUN_RE.search(clause) is not None


def antecedents(clause: str) -> list[str]:
    """The noun phrases that may open a clause, longest first ('Rows where Lifecycle is test are junk' →
    'Rows where Lifecycle is test', 'Rows where Lifecycle')."""
    text = _LEADING_LINK_RE.sub("", clause.strip())
    if (rows := _PRONOUN_ROWS_RE.match(text)) is not None:  # 'they have Lifecycle set to test': those rows
        return [f"rows that {rows['rest']}"]
    said = _SUBJECT_VERB_RE.match(text)
    if said is not None:  # 'We don't need the notes in the template, leave them out': the object is meant
        return [said["o"]] if len(said["o"].split()) <= 8 else []
    cuts = [m.start() for m in _PHRASE_END_RE.finditer(text) if m.start() > 0]
    if not cuts and len(text.split()) <= 5:
        cuts = [len(text)]  # 'The phone field, it should come from Mobile': a bare noun phrase, said first
    phrases = [text[:cut].strip(" ,") for cut in reversed(cuts)]
    # 'A contact without an email' points at every such contact: the article off
    phrases = [_ARTICLE_RE.sub("", p) for p in phrases]
    # rows named by a word inside the clause ('QA left test rows in the export'): tried after its opening phrases
    for m in _ROWS_PHRASE_RE.finditer(text):
        if m.start() > 0:  # the word before the rows, then the condition after them ('records with Lifecycle = test')
            phrases += [m.group(0)] if m["lead"] else []
            phrases += [m.group(0)[len(m["lead"] or "") :]] if m["cond"] else []
    return [p for p in dict.fromkeys(phrases) if p and not _PRONOUN_RE.fullmatch(p) and len(p.split()) <= 8]


_ROWS_PHRASE_RE = re.compile(
    r"\b(?P<lead>(?!(?:the|some|many|these|those|all|any|no|our|my|of|in|with|without)\b)[\w-]+\s+)?"
    r"(?:rows|records|entries|lines)\b(?P<cond>\s+(?:with|where|whose)\s+[^.,;()]{1,40})?",
    re.I,
)


def with_antecedent(clause: str, phrase: str) -> str | None:
    """The clause with its one pronoun replaced by the phrase; None when it has no pronoun, or several."""
    found = list(_PRONOUN_RE.finditer(clause))
    if len(found) != 1:
        return None
    m = found[0]
    return clause[: m.start()] + phrase + clause[m.end() :]


def is_background(clause: str) -> bool:
    """A plain description with no command, wish or modal in it ('The Land column has country names')."""
    text = _LEADING_LINK_RE.sub("", clause.strip())
    return bool(_STATEMENT_RE.match(text)) and not _INSTRUCTION_RE.search(text)


# 'many contacts don't have one', 'only a few have a country code already': how many rows have something, said
# after the instruction it explains
_REASON_RE = re.compile(
    r"^(?:(?:only|just)\s+)?(?:many|most|some|several|few|a few|a lot|lots|a number|plenty|not many|hardly any|"
    r"almost all|nearly all|not everyone|not everybody|not all|nobody|no one|hardly anyone)(?:\s+of)?"
    r"(?:\s+(?:the|our|them|these|those))?(?:\s+[\w-]+){0,2}?\s+"
    r"(?:(?:never|rarely|seldom|often|usually|always|still|simply|just)\s+)?"  # 'most of them never had one'
    # 'not everyone gives one': what people give or fill in, as well as what they have
    r"(?:have|has|had|lack|don'?t have|do not have|doesn'?t have|come|came|are|were|gives?|gave|provides?|"
    r"provided|fills? in|filled in)\b(?!.*\b(?:so|then|please|"
    r"use|take|set|map|drop|keep|should|must|make)\b)[^,;]{0,60}$",
    re.I,
)


# said with the speaker as the subject: 'we have a number of contacts without one'
_HAVE_REASON_RE = re.compile(
    r"^(?:we|i|they)\s+(?:have|had|'ve got|have got)\s+(?:many|some|several|a few|a lot of|lots of|a number of|"
    r"plenty of|loads of|heaps of|quite a few)\s+[\w-]+\s+(?:with|without|that|who|which)\b(?!.*\b(?:so|then|please|"
    r"use|take|set|map|drop|keep|should|must|make)\b)[^,;]{0,60}$",
    re.I,
)


def is_trailing_reason(clause: str) -> bool:
    """A statement of how many rows have (or lack) something, with no command in it: the reason for the
    instruction before it ('Make the email optional. Many contacts don't have one')."""
    text = _LEADING_LINK_RE.sub("", clause.strip())
    return bool(_REASON_RE.match(text) or _HAVE_REASON_RE.match(text))
