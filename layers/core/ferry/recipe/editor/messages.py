"""The message normaliser: quotes cut out as holes, politeness trimmed, sentences and soft breaks found.

A quoted part ('Mobile', "Kunde") is replaced by a hole ⟦n⟧ before any pattern reads the text, so a quote
survives every regex untouched and is put back (`Clause.restore`) when a clause is shown or asked about.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ferry.recipe.editor.courtesy import courteous
from ferry.recipe.editor.everyday_words import EVERYDAY_MESSAGE_REWRITES
from ferry.recipe.editor.idioms import message_idioms
from ferry.recipe.editor.voices import clause_forms, message_forms
from ferry.recipe.editor.wrappers import unwrapped

_APOSTROPHE_RE = re.compile(r"(?<=\w)[\u2019\u02bc](?=\w)")
_QUOTED_RE = re.compile(
    r"(?<![\w'])(?:\"([^\"]+)\"|\u201c([^\u201d]+)\u201d|\u2018([^\u2019]+)\u2019|'([^']+)'|`([^`]+)`)(?![\w'])"
)
HOLE_RE = re.compile(r"\u27e6(\d+)\u27e7")
_LEADING_NOISE_RE = re.compile(
    r"^(?:please|pls|plz|kindly|hey|hi|hello|ok(?:ay)?|so|now|also|and|then|and then|just|oh|well|actually|"
    r"great|thanks|cool|alright|next|finally|lastly|one more thing|for now|for the record|would you mind|"
    r"can you|could you|would you|(?:can|could|would|will) u|is it possible to|would it be possible to|"
    r"is there a way to|how (?:do|can) i|"
    r"will you|can we|could we|i(?:'d| would) like (?:you )?to|i want (?:you )?to|i need (?:you )?to|"
    r"we need to|we want to|you should|let'?s|let us|go ahead and|make sure (?:to|that you)|be sure to|"
    # 'please you divide it': a French or German speaker's 'you' before the verb of a command
    r"you(?=\s+(?:divide|split|use|take|map|put|make|set|drop|remove|delete|keep|import|build|create|fill|"
    r"lowercase|translate|treat|read|change|convert|ignore|skip|exclude|leave|generate|construct)\b))"
    r"(?![\w'])[\s,:]*",
    re.I,
)
_TRAILING_NOISE_RE = re.compile(
    r"(?:[\s,]+(?:please|pls|plz|thanks|thank you|thx|yeah|yep|yup|for me|if possible|if you can|if you could|"
    r"from now on|going forward|in (?:the )?future))*[\s.!?,]*$",
    re.I,
)
# 'no org? use ...' / 'Website empty? ...': a question that only sets the condition of the next sentence
_ASKED_CONDITION_RES = [
    (re.compile(r"(^|(?<=[.!;]\s))(?:no|missing|empty|blank)\s+([^?.!;\u27e6]{1,40}?)\s*\?+\s+(?=\S)", re.I),
     r"\1if there is no \2, "),
    (re.compile(r"(^|(?<=[.!;]\s))([^?.!;]{1,40}?)\s+(?:is\s+)?(?:missing|empty|blank)\s*\?+\s+(?=\S)", re.I),
     r"\1if \2 is empty, "),
]  # fmt: skip
_LIST_MARK_RE = re.compile(r"(?:(?<=\s)|(?<=:)|^)(\d)\.\s+(?=\S)")
# a request just made, put back as a question ("Is that something you can change?"): the pattern after its "is", shared
# by the state-question check (fit.py), which must not read it as one, and the tail-question strip (comment_wording.py)
SOMETHING_YOU_CAN = r"(?:that|this|it)\s+something\s+(?:you|we)\b"
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|[;\n]+")
SOFT_BREAK_RE = re.compile(
    # (a dash between two clauses cuts like a comma: 'don't drop them — build one from the domain')
    r"(\s*,\s*(?:and then\s+|and\s+|then\s+|also\s+|plus\s+)?|\s+(?:and then|and also|and|then|also|plus|but)\s+|"
    r"\s*[\u2013\u2014]\s*|\s+-\s+)",
    re.I,
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


# Said before the sentences are cut: German and French words for a missing value, 'someone has no X', a list
# with ' / ' between its items, and 'X? no thanks' (a column not wanted).
_MESSAGE_REWRITES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:fehlt|fehlend|leer|vide|manquant|manque|manquante)\b", re.I), "missing"),
    (re.compile(r"\b(?:someone|somebody|a contact|a row|a person|a record|they|it)\s+(?:has|have)\s+no\b", re.I),
     "there is no"),
    # 'if some contacts didn't give an organisation name': what the rows left out is the value that is missing
    (re.compile(r"\bif\s+(?:the\s+|some\s+|a\s+few\s+|many\s+|a\s+)?(?:contacts?|rows?|records?|people|persons?|"
                r"customers?|clients?)\s+(?:didn'?t|did\s+not|don'?t|do\s+not|doesn'?t|does\s+not|never)\s+"
                r"(?:give|gave|provided?|fill(?:ed)?\s+in|enter(?:ed)?|suppl(?:y|ied))\s+(?:us\s+)?(?:an?|any|their|the)\s+",
                re.I), "if there is no "),
    # 'If e-mail is nothing': a condition's 'nothing' or 'none' is an empty value
    (re.compile(r"\b((?:if|when|whenever|where|wherever)\s+(?!there\b)[^,.;:!?]{1,40}?\s+(?:is|are))\s+(?:nothing|none|nil)\b(?!\s+(?:of|but|else|like|special|new|to)\b)",
                re.I), r"\1 empty"),
    # a fronted scope without its comma ('For each email address keep the first record'): the comma put back
    (re.compile(r"(?:^|(?<=[.!?]\s))((?:for|per)\s+(?:each\s+|every\s+|the\s+)?[\w-]+(?:\s+[\w-]+)?)\s+"
                r"(?=(?:please\s+)?(?:you\s+)?(?:keep|take|use|drop|remove|delete|discard|leave|put|set|map|split|"
                r"make|fill|treat|read|parse|lowercase|import|skip|ignore)\b)", re.I), r"\1, "),
    # a preference without its 'of' ('use Mobile column instead Work Phone column'): the 'of' put back
    (re.compile(r"\b((?:use|take|map|pick|prefer|from)\b[^.,;:!?]{1,40}?\s)instead\s+"
                r"(?!(?:of|please|pls|plz|thanks|thank|now|then|and|but|so|if|when|for|ok|okay)\b)(?=(?:the\s+)?\w)",
                re.I), r"\1instead of "),
    # a legal drafting's fronted scope ('For purposes of the Land column, …'): the scope said as 'In …'
    (re.compile(r"(?:^|(?<=[.!?]\s))(?:for\s+(?:the\s+)?purposes?\s+of|with\s+(?:respect|regard)\s+to|in\s+respect\s+of|"
                r"as\s+regards)\s+(?=[^,.;:!?]{1,40},)", re.I), "In "),
    # a date order said as where the parts go ('signup date goes day then month'): the order the dates are in
    (re.compile(r"\b(?:goes|go|runs|run|reads)\s+(?=(?:day|month|year|dd|mm|yyyy)\b[\s,/.-]+(?:then\s+)?"
                r"(?:day|month|year|dd|mm|yyyy)\b)", re.I), "is "),
    # Indian English: an 'email id' is an email address
    (re.compile(r"\b(e-?mail|mail)\s+ids\b", re.I), r"\1 addresses"),
    (re.compile(r"\b(e-?mail|mail)\s+id\b", re.I), r"\1 address"),
    # chat shorthand: '#' after a kind of phone is its number ('not work#')
    (re.compile(r"\b(work|mobile|cell|office|desk|home|phone)\s?#(?!\w)", re.I), r"\1 number"),
    (re.compile(r"(?<=\w)\s+/\s+(?=\w)"), ", "),
    # 'Given Organization is empty, then ...': a condition, never the given name (acceptance-criteria style)
    (re.compile(r"(?:^|(?<=[.!?;:]\s))given\s+(?!names?\b)(?:that\s+)?"
                r"(?=[^,.;!?]{1,60}?\s(?:is|are|was|were|has|have|holds)\b)", re.I), "if "),
    # 'if country's blank': the verb, not a possessive, before a word for a missing value
    (re.compile(r"(?<=\w)'s\s+(?=(?:empty|blank|missing|unset|null|not\s+(?:there|set|filled))\b)", re.I), " is "),
    (re.compile(r"\be\.\s?g\.(?=\s|,|:|$)", re.I), "for example"),  # not the end of a sentence
    (re.compile(r"\bi\.\s?e\.(?=\s|,|:|$)", re.I), "that is"),
    (re.compile(r"^([^?.!;]{1,40}?)\?+\s+(?:no|nope|nah)(?:,?\s*(?:thanks|thank you|thx))?[.!]*$", re.I),
     r"don't import \1"),
    # an e-mail's frame, by its lines: a greeting line first ('Good morning,', 'Hello Ferry team,'), and a closing
    # line with up to three lines of capitalised words after it (a name, a team, a company) last
    (re.compile(r"^(?i:hi|hello|hey|dear|greetings|morning|hiya|howdy|good\s+(?:morning|afternoon|evening|day))\b"
                r"[^\n.?]{0,40}?[,!.]?[ \t]*\n+"), ""),
    (re.compile(r"\n+[ \t]*(?i:thanks|thank\s+you|many\s+thanks|thanks\s+(?:a\s+lot|again|in\s+advance)|cheers|best|"
                r"best\s+wishes|(?:best|kind|warm|warmest|kindest)\s+regards|regards|sincerely|yours(?:\s+(?:truly|"
                r"sincerely))?|all\s+the\s+best|talk\s+soon|speak\s+soon|br|bye|ta)[,!.]?"
                r"(?:[ \t]*\n[ \t]*[A-Z][\w.'&|-]*(?:[ \t]+[A-Z&|][\w.'&|-]*){0,3}){0,3}\s*$"), ""),
    # a letter's frame: 'Dear team,' before it, 'Best, Jan' / 'Thanks, Petra' / 'Kind regards' after it
    (re.compile(r"^(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))\s+[\w .'-]{1,30}?,\s*(?=\S)", re.I), ""),
    (re.compile(r"(?:^|(?<=[.!?])\s+|\s*\n\s*)(?i:thanks|thank you|many thanks|thanks a lot|best|best regards|"
                r"kind regards|regards|cheers|greetings|all the best|br|bye)[,!.]?(?:\s+[A-Z][\w'-]*){0,2}[.!]*\s*$"),
     ""),
    *EVERYDAY_MESSAGE_REWRITES,  # round 21: a value pair said as a reading, 'the contact's email', …
]  # fmt: skip


# A message relayed for someone else ('The customer would like ...', 'Client reports ...', 'Customer says: ...') is
# that person's own: the reporting verb goes, and their wish is said in the first person ('they want' → 'I want').
_RELAYER = r"(?:the\s+|our\s+|my\s+|a\s+)?(?:customer|client|user|caller|requester|account owner)"
_REPORTED_RE = re.compile(
    rf"(?:^|(?<=[.!?;:,]\s)){_RELAYER}\s+(?:says|said|reports|reported|writes|wrote|mentions|mentioned|tells us|"
    r"told us|explains|explained|notes|noted|points out|pointed out|asks|asked|is asking|wonders|is wondering|requests|"
    r"requested|is requesting)"
    r"(?:\s+(?:if|whether))?\s*:?\s*(?:that\s+)?(?=\S)",
    re.I,
)
_RELAYED_WISH_RE = re.compile(
    rf"\b(?:{_RELAYER}|they)\s+(?P<verb>wants|want|would like|'d like|would prefer|'d prefer|prefers|needs|need|"
    r"doesn't want|does not want|didn't want|did not want|don't want|do not want|would rather|'d rather)\b",
    re.I,
)
_FIRST_PERSON = {"wants": "want", "prefers": "prefer", "needs": "need", "doesn't want": "don't want",
                 "does not want": "do not want"}  # fmt: skip
_RELAYED_CUE_RE = re.compile(rf"\b{_RELAYER}\b", re.I)
# the label a support agent puts before what they relay ('Support ticket: ...', 'Ticket #4411 - ...')
_TICKET_RE = re.compile(r"^(?:support\s+)?(?:ticket|case|request|issue)(?:\s*#?\s*\d+)?\s*[:\-\u2013\u2014]\s*", re.I)


def relayed(text: str) -> str:
    """'The customer would like X dropped' → 'I would like X dropped'; 'Client reports: ...' → '...'. Only in a
    message that names who it relays for, so a plain 'they want' about rows is left alone elsewhere."""
    if not _RELAYED_CUE_RE.search(text):
        return text
    text = _TICKET_RE.sub("", text)
    text = _REPORTED_RE.sub("", text)

    def first_person(m: re.Match[str]) -> str:
        verb = m.group("verb").lower()
        return "I " + _FIRST_PERSON.get(verb, verb.replace("'d ", "would "))

    return _RELAYED_WISH_RE.sub(first_person, text)


def asked_conditions(text: str) -> str:
    """'no org? use the email domain' → 'if there is no org, use the email domain'; a numbered list's '1.' is
    not the end of a sentence."""
    text = re.sub(r"[ \t]{2,}", " ", _HESITATION_RE.sub(" ", text)).strip()  # 'um', 'uh' out before any form
    text = message_forms(relayed(unwrapped(text)))  # a hedge, relayed wish or ticket prefix off; code shorthand
    text = courteous(text)  # courtesy frames, denied opposites, preview lines quoted back
    text = message_idioms(text)  # 'A and B should be C and D'; 'Why is X empty? Map it'; 'from A - no wait, B'
    for pattern, replacement in _MESSAGE_REWRITES:
        text = pattern.sub(replacement, text.strip())
    text = _LIST_MARK_RE.sub(r"\1) ", text)
    for pattern, replacement in _ASKED_CONDITION_RES:
        text = pattern.sub(replacement, text)
    return text


def tidy(text: str) -> str:
    """Politeness and filler off both ends and out of the middle, white space collapsed, then the wordings that
    say an instruction another way (a preference, a fronted phrase, a gerund) rewritten to the plain command."""
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous = text
        text = _LEADING_NOISE_RE.sub("", text).strip()
        text = _TRAILING_NOISE_RE.sub("", text).strip()
        text = _INNER_NOISE_RE.sub("", text).strip()
        text = " ".join(_HESITATION_RE.sub(" ", text).split())
        text = clause_forms(text)  # hedges dropped, a request or delegation said as the command
        text = _preference(_wished(text))
        for pattern, replacement in _REWRITES:
            text = pattern.sub(replacement, text).strip()
    return text


# A preference is the command it prefers: "I'd rather not import X" → "don't import X", "I'd rather have X than
# Y" → "have X", "I'd prefer the dates to be read as ..." → "the dates should be read as ...".
_PREFER_NOT_RE = re.compile(r"\b(?:i|we)(?:'d| would| had)? (?:rather|prefer(?: to)?|sooner)(?: not| to not)\s+", re.I)
_PREFER_RE = re.compile(
    r"(?:^|(?<=,\s)|(?<=\s))(?:i|we)(?:'d| would)? (?:much )?(?:rather|prefer(?: to)?|like(?: to)?)\s+|"
    r"^(?:i|we) (?:prefer|want)\s+(?=\S+\s+\S+)",
    re.I,
)
# 'I'd rather have US', or a preference after a condition ('if there is no country, I'd prefer US'): use it
_PREFER_HAVE_RE = re.compile(
    r"(?<=\S\s)(?:i|we)(?:'d| would)? (?:much )?(?:rather|prefer(?: to)?|like(?: to)?) (?:have|see|get)\s+|"
    r"(?<=\S\s)(?:i|we)(?:'d| would) (?:much )?(?:rather|prefer|like)\s+(?!to\b|not\b)(?=\S+\s*$)",
    re.I,
)
_PREFER_HAVE_START_RE = re.compile(
    r"^(?:i|we)(?:'d| would)? (?:much )?(?:rather|prefer(?: to)?|like(?: to)?) (?:have|see|get)\s+", re.I
)
_THAN_RE = re.compile(r"\s+(?:than|rather than|over)\s+[^,]+$", re.I)
_THAN_WORD_RE = re.compile(r"^\s+(?:than|rather than|over)\s+", re.I)
_TO_BE_RE = re.compile(r"^((?:the\s+)?\w+(?:\s+\w+)?)\s+to be\s+", re.I)


def _preference(text: str) -> str:
    said = _PREFER_NOT_RE.sub("don't ", text)
    said = _PREFER_HAVE_RE.sub("use ", said)
    said = _PREFER_HAVE_START_RE.sub("", said)  # 'I'd rather have the emails lowercase' → 'the emails lowercase'
    said = _PREFER_RE.sub("", said)
    if said == text:
        return text
    # what it is preferred to stays as 'instead of ...' when nothing else is said ('the mobile numbers than the
    # office ones'): the editor can then read which column it replaces
    bare = _THAN_RE.sub("", said)
    if len(bare.split()) <= 6 and not _TO_BE_RE.match(bare):
        said = _THAN_RE.sub(lambda m: " instead of " + _THAN_WORD_RE.sub("", m.group(0)), said)
        return said.strip()
    return _TO_BE_RE.sub(r"\1 should be ", bare).strip()


# a wish with its object and a participle is the command: 'I don't want the Notes brought over' → 'don't import
# the Notes', 'we want the rows without email removed' → 'remove the rows without email' (also once the wish
# was trimmed as a preference: 'the Notes kept in some field')
_WISHED_RE = re.compile(
    r"^(?:(?P<wish>(?:i|we)\s+(?P<neg>don't |do not )?(?:want|need|would like|wish)\s+)|(?=(?:just\s+|only\s+)?"
    r"(?:the|all|any|our)\s))"
    # (the object holds no verb of its own: 'the test rows shouldn't be imported' is already a sentence)
    r"(?P<obj>(?:just\s+|only\s+)?(?:(?:the|all|any|our)\s+)?(?:(?!\b(?:be|been|being|is|are|was|were|get|gets|"
    r"got|should|shouldn't|must|mustn't|will|won't|can|cannot|can't|may|not|have|has|had|do|does)\b)[^,])+?)"
    r"\s+(?P<part>imported|brought over|brought in|taken over|carried over|included|removed|deleted|dropped|"
    r"excluded|skipped|ignored|lowercased|lower-cased|split|mapped|used|kept|taken out|left out|thrown out|"
    r"treated|read|translated|preserved|saved|stored|retained)"
    r"(?P<of>\s+(?<=out\s)of\b)?(?P<rest>\s+(?:in|into|somewhere|anywhere|as|from|the)\b[^,]*)?$",
    re.I,
)


def _wished(text: str) -> str:
    """'I don't want the Notes brought over' → "don't import the Notes"; 'rows taken out of the import' → 'remove
    rows from the import'."""
    return _WISHED_RE.sub(
        lambda m: (
            ("don't " if m.group("neg") else "")
            + f"{_PARTICIPLES.get(m.group('part').lower(), m.group('part'))} {m.group('obj')}"
            + (" from" if m.group("of") else "")
            + (m.group("rest") or "")
        ),
        text,
    )


_INNER_NOISE_RE = re.compile(r"(?<=\S)\s+(?:please|pls|plz|kindly)(?=\s+\S)", re.I)
# a speaker's hesitation, wherever it falls ('the signup date thing is um day first'): lower case only, so a column
# spelled 'UM' or 'ER' stays a name
_HESITATION_RE = re.compile(r"(?:^|(?<=\s))(?:u+h+|u+m+|u+h+m+|e+r+m*|hmm+)(?:\s*,)?(?=\s|$)")
_GERUNDS = {
    "taking": "take", "using": "use", "mapping": "map", "putting": "put", "dropping": "drop", "making": "make",
    "setting": "set", "splitting": "split", "removing": "remove", "skipping": "skip", "leaving": "leave",
    "keeping": "keep", "ignoring": "ignore", "changing": "change", "filling": "fill", "treating": "treat",
    "translating": "translate", "lowercasing": "lowercase", "reading": "read", "excluding": "exclude",
    "deleting": "delete", "joining": "join", "combining": "combine", "converting": "convert",
}  # fmt: skip
_PREPOSED = (
    r"(?:into|instead of|for each|for every|per|for(?! example| instance| now| me\b| us\b| the record|"
    r"(?: the| all| any)? (?:contacts?|rows?|records?|entries|people|lines?) (?:with no|without|missing|lacking)\b))"
)
_PARTICIPLES = {
    "imported": "import", "brought over": "import", "brought in": "import", "taken over": "import",
    "carried over": "import", "included": "import", "removed": "remove", "deleted": "delete", "dropped": "drop",
    "excluded": "exclude", "skipped": "skip", "ignored": "ignore", "lowercased": "lowercase",
    "lower-cased": "lowercase", "split": "split", "mapped": "map", "used": "use", "kept": "keep",
    "taken out": "remove", "left out": "leave out", "thrown out": "remove", "treated": "treat",
    "preserved": "preserve", "saved": "save", "stored": "store", "retained": "retain", "read": "read",
    "translated": "translate",
}  # fmt: skip
_REWRITES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    # 'w/o' and 'first/last name'; 'A || B' is A, otherwise B
    (re.compile(r"\s*\|\|\s*"), " otherwise "),
    # 'Germany (DE)', 'the United States (US)': a name with its code in brackets is the code
    (re.compile(r"\b(?:the\s+)?(?:[A-Z][\w.]*\s+){0,3}[A-Z][\w.]*\s*\((?P<c>[A-Z]{2,3})\)"), r"\g<c>"),
    # 'Kunde is the German word for customer': a translation is a meaning
    (re.compile(r"\b(?:is|are)\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:word|term|name|expression)s?\s+for\b", re.I), "means"),
    (re.compile(r"\bw/o\b", re.I), "without"),
    (re.compile(r"\b(first)\s*/\s*(last)\b", re.I), r"\1 and \2"),
    (re.compile(r"\b(?:is|are) meaning\b", re.I), "means"),  # 'Kunde is meaning customer'
    # 'if it's not there I'd take the Mobile': the speaker before a plain verb says nothing
    (re.compile(r"\b(?:i|we)(?:'d| would|'ll| will)\s+(?=(?:take|use|pick|go with)\b)", re.I), ""),
    (re.compile(r"\b(?:(?:is|are) )?(?:standing|stands|stand) for\b", re.I), "means"),
    # German and French speakers' modals: 'the Mobile shall be used', 'the row must go away'
    # a definition in a legal register ('X shall mean Y', 'X shall be deemed to mean Y') is a meaning
    (re.compile(r"\b(?:shall|should)\s+(?:be\s+(?:deemed|taken|construed)\s+to\s+)?mean\b", re.I), "means"),
    (re.compile(r"\bshall\b", re.I), "should"),
    (
        re.compile(r"\b(?:must|should|has to|have to|needs? to)\s+(?:go away|disappear|vanish)", re.I),
        "should be dropped",
    ),
    # a gerund after 'would you mind' is the command ('taking X from Y' → 'take X from Y')
    (re.compile(r"^(" + "|".join(_GERUNDS) + r")\b", re.I), lambda m: _GERUNDS[m.group(1).lower()]),
    # a fronted phrase goes back after the verb: 'Into first and last name, split X' → 'split X into first ...'
    # (not when the phrase holds its own verb: 'For phone take the Mobile, not the Work Phone' is already a command)
    # (a second instruction after it, ', and keep the contact', is its own: the phrase goes before that one)
    (
        re.compile(rf"^({_PREPOSED}\s+(?:(?!\b(?:take|use|map|get|pick|put|set|want|need)\b)[^,])+?),\s*(.+)$", re.I),
        lambda m: _fronted_back(m.group(1), m.group(2)),
    ),
]

_NEXT_CLAUSE_RE = re.compile(r"(?:,\s*(?:and|but|also|and also|plus)\s+|;\s*)", re.I)


def _fronted_back(phrase: str, rest: str) -> str:
    """The fronted phrase put back after the first instruction of the rest, not after every one of them."""
    if re.match(r"(?:and|but|also|so|then)\b", rest, re.I):  # the phrase was a clause of its own
        return f"{phrase}, {rest}"
    m = _NEXT_CLAUSE_RE.search(rest)
    if m is None:
        return f"{rest} {phrase}"
    return f"{rest[: m.start()]} {phrase}{rest[m.start() :]}"
