"""Shapes of a sentence rather than wordings (round 12 of issue 13): the root causes dev13 and the earlier sets
still failed on, each said once for every wording of that shape.

- the object said before a bare verb ('Phone take from Mobile', 'created_at fill from Signup Date') and a bare
  'not' for the negation ('Contact not have email, not import it'): the order and the 'do' a command is said with;
- chat fillers that carry nothing ('lol', 'tbh', 'ngl', 'fr') and chat spellings of words ('em', 'r');
- a double negative that cancels ('I wouldn't not want') and 'I wouldn't mind X going somewhere' (a wish);
- a fronted prepositional topic pointed at again ('for rows that have no email, leave them out');
- a word that moved to the end ('keep the first one only'), a time phrase after a desired state ('… after import');
- a date given as an example after the date order it illustrates ('day first, like the fourth of March is 04/03');
- a second language's closed-class words mixed into English ('Las filas con test en Lifecycle'), 'please' in the
  speaker's language, 'take out the rows', a place left open ('anywhere they fit'), 'Y holds the number we want'.

The session reads the shapes that need the names of the migration: a label before a colon, context told before the
request, and a judgement of what is there before its correction (`Session._unlabelled`, `is_narrative`,
`is_judgement`).

As in the other idiom modules, nothing here decides what a name means: columns, fields and values stay as typed,
and the families, the resolver and `fit.py` still read the result. `RULES` are tried only on a clause the families
did not understand as typed; `message_idioms` works on the whole message (a pronoun or a comma spans clauses).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]
# a noun phrase of a few words, never a condition, a pronoun, a modal or a clause of its own
_NP = (
    r"(?P<x>(?!(?:if|when|where|whenever|and|but|so|then|it|they|we|i|you|please|not|do|don't|there)\b)"
    r"[A-Za-z](?:(?!\s(?:not|no|don't|do|does|to|should|must|shall|need|needs|will|would|can|could|may|might|has|"
    r"have|is|are|was|were|be)\b)[\w' -]){1,40}?)"
)
# the verbs a bare command is said with, after its object in a non-native word order
_BARE_VERB = (
    r"(?P<v>take|fill|get|pull|put|map|bring|import|use|read|treat|make|split|translate|convert|lowercase|drop|"
    r"remove|skip|keep|ignore|exclude|delete|divide|separate|set)"
)

# canonical words ← the closed-class words of a second language mixed into English ('Las filas con test en
# Lifecycle', 'El email', 'sind deutsche Nummern'): articles, prepositions, 'are', and the nouns rows are said with
IDIOMS: dict[str, tuple[str, ...]] = {
    "the": ("el", "los", "las", "der", "les", "gli"),
    "rows": ("filas", "zeilen", "lignes", "righe", "linhas"),
    "with": ("con", "mit", "avec"),
    "in": ("en", "im", "dans", "nel"),
    "are": ("sind", "son"),
    "German": ("deutsche", "deutsch", "alemán", "aleman", "alemanes", "allemand", "tedesco"),
    "numbers": ("nummern", "números", "numeros", "numéros"),
    "is in the format": ("viene en formato", "viene en el formato", "kommt im format", "est au format"),
    "dd/mm/yyyy": ("día/mes/año", "dia/mes/ano", "tag/monat/jahr", "jour/mois/année", "giorno/mese/anno"),
}  # fmt: skip

RULES: list[_Rule] = [
    # the object before a bare verb ('Phone take from Mobile column', 'created_at you take it from Signup Date'):
    # the verb first, its object after it, any pronoun that only pointed back at the object gone
    (re.compile(rf"^(?:the\s+)?{_NP}\s+(?:you\s+)?{_BARE_VERB}\s+(?:(?:it|them)\s+)?"
                r"(?=(?:from|in|into|to|as|somewhere|anywhere)\b)", re.I), r"\g<v> \g<x> "),
    # a bare 'not' for the negation of a command ('Column Notes not bring into import', 'not import it')
    (re.compile(rf"^(?:the\s+)?{_NP}\s+not\s+{_BARE_VERB}\b", re.I), r"don't \g<v> \g<x>"),
    (re.compile(rf"(^|,\s*)not\s+{_BARE_VERB}\b", re.I), r"\1don't \g<v>"),
    # 'X not have email' / 'X does not have a number' said of rows or a column: what it lacks; a condition on a
    # column that 'has no number / value' is that column empty
    (re.compile(r"^(if|when|where|whenever)\s+(?P<x>[\w' -]{1,30}?)\s+(?:has|have|does\s*n[o']t\s+have|"
                r"do\s*n[o']t\s+have|not\s+have)\s+(?:no\s+|any\s+|a\s+)?(?:number|value|data|entry|content|"
                r"anything)\b", re.I), r"\1 \g<x> is empty"),
    (re.compile(r"\b(?P<x>[\w-]+)\s+not\s+(?:have|has)\s+(?:an?\s+|any\s+)?", re.I), r"\g<x> has no "),
    # a word moved to the end: 'keep the first one only' is 'keep only the first one'
    (re.compile(r"(^|,\s*)(keep|take|use|import|retain)\s+(?P<o>(?:the\s+)?(?:first|last|top|earliest|latest|newest|"
                r"oldest)(?:\s+(?:one|row|entry|record|contact))?)\s+only$", re.I), r"\1\2 only \g<o>"),
    # a time phrase after a desired state ('every email is lower case after import'): the state is the command
    (re.compile(r"\s+(?:after|on|upon|post)[- ](?:the\s+)?import(?:ing)?$|\s+once\s+(?:it'?s\s+|they'?re\s+)?"
                r"imported$", re.I), ""),
    # a column said to hold what is wanted ('Mobile holds the number we want'): use it (for the field said before)
    (re.compile(r"^(?P<y>(?!(?:it|they|this|that|which)\b)[\w' -]{1,30}?)\s+(?:holds|has|contains|carries)\s+"
                r"(?:the\s+)?(?:[\w-]+\s+){1,2}(?:we|i)\s+(?:want|need|mean)(?P<f>\s+for\s+[\w' -]+)?$", re.I),
     r"use \g<y>\g<f>"),
    # a place left open said as where the thing fits ('anywhere they fit', 'wherever it belongs'): somewhere
    (re.compile(r"\b(?:anywhere|wherever)\s+(?:they|it)\s+(?:fits?|goes?|belongs?|suits?|works?)\b", re.I),
     "somewhere"),
    # 'take out the rows' is removing them (never 'take X out of …', a source)
    (re.compile(r"\btake\s+out\s+(?!of\b)(?=(?:the\s+|all\s+|any\s+)?(?:rows?|contacts?|records?|entries|ones)\b)",
                re.I), "remove "),
]  # fmt: skip

# chat fillers: said for tone, never a name ('lol', 'tbh', 'ngl', 'kinda'); a lower-case 'fr' ('for real') only at
# the end of a clause and never after a word that would make it the country code ('to fr', 'is fr')
_FILLER_RE = re.compile(
    r"\s*,?\s*\b(?:lol|lmao|lmfao|rofl|ngl|tbh|tbf|imo|imho|fwiw|smh|idk|lowkey|highkey|no\s+cap|fr\s+fr|"
    r"kinda|sorta)\b(?=[\s,.!?]|$)",
    re.I,
)
_FR_RE = re.compile(r"(?<![=>:])(?<!\bto)(?<!\bas)(?<!\bis)(?<!\bbe)(?<!\bin)(?<!\bof)\s+fr(?=\s*(?:[.!?,;]|$))")
# chat spellings: 'skip em' (them), 'notes r useless' (are), 'yeet them' (drop them): lower case only
_CHAT_WORDS = [
    (re.compile(r"(?<=[a-z])\s+em\b(?!-)"), " them"),
    (re.compile(r"(?<=[a-z])\s+r\s+(?=[a-z])"), " are "),
    (re.compile(r"\byeet(?:ed)?\b"), "drop"),
]
# 'please' in the speaker's own language ('per favore read it like that'): the courtesy the normaliser trims
_FOREIGN_PLEASE_RE = re.compile(
    r"\b(?:per\s+favore|por\s+favor|prosz[eę]|tolong|l[uü]tfen|parakal[oó]|kudasai|onegai(?:\s+shimasu)?|"
    r"alstublieft|vänligen|vanligen|pozhaluysta|bitte\s+sch[oö]n)\b",
    re.I,
)
# a double negative that cancels ('I wouldn't not want X'); 'I wouldn't mind X going somewhere' is a wish for it
_NOT_NOT_RE = re.compile(r"\b(?:would\s*n[o']t|do\s*n[o']t|did\s*n[o']t)\s+not\s+(?=want|like|mind|need)", re.I)
_DONT_MIND_RE = re.compile(
    r"\b(?:i|we)\s+(?:would\s*n[o']t|wouldn't|do\s*n[o']t|don't)\s+mind\s+(?:if\s+)?"
    r"(?P<x>(?:the\s+)?[\w' -]{1,30}?)\s+(?:going|ending\s+up|being\s+put|getting\s+put|went|go|goes|ended\s+up)"
    r"\s+(?=(?:somewhere|anywhere|in|into)\b)",
    re.I,
)
# a fronted topic with a preposition, pointed at again by the verb's one object pronoun ('Could you, for rows
# that have no email, just leave them out?', 'With the Notes, put them anywhere'): the object in place
_PREP_TOPIC_RE = re.compile(
    r"(?P<pre>^|(?<=[.!?]\s))(?P<ask>(?:can|could|would|will)\s+you\s*,\s*)?(?:for|with|as\s+for|regarding|"
    r"concerning|about)\s+(?P<x>(?!(?:me|us|now|example|instance)\b)[^,.;!?]{2,40}?)\s*,\s*"
    r"(?P<adv>(?:please\s+|just\s+|kindly\s+|(?:can|could|would|will)\s+you\s+)*)(?P<v>leave|drop|remove|skip|exclude|ignore|delete|keep|put|"
    r"import|lowercase|split|map|move|stick|place)\s+(?:them|it|those|these)"
    r"(?P<p>\s+(?:out|away|off))?(?P<rest>[^.!?]*)",
    re.I,
)
# a date given as an example after the date order it illustrates: ', like the fourth of March is 04/03'
_DATE_ORDER_RE = re.compile(
    r"\b(?:day|month)\s*(?:-\s*)?first\b|\b(?:dd|mm)[/.-](?:mm|dd)\b|\bday\s+(?:comes\s+)?before\b|"
    r"\bmonth\s+(?:comes\s+)?before\b|\beuropean\b|\bamerican\b|\bbritish\b",
    re.I,
)
_DATE_EXAMPLE_RE = re.compile(
    r"\s*[,;(]\s*(?:like|e\.\s?g\.|for\s+example|for\s+instance|i\.\s?e\.|so|meaning|that\s+is)\s*,?\s+"
    r"[^,;.!?]*?\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b[^,;!?]*?\)?(?=\s*(?:[.!?]|$))",
    re.I,
)


def _prep_topic(m: re.Match[str]) -> str:
    particle = (m["p"] or "").strip()
    verb = f"{m['v']} {particle}" if particle else m["v"]
    return f"{m['pre']}{m['ask'] or ''}{m['adv']}{verb} {m['x'].strip()}{m['rest']}"


def _sentence_example(sentence: str) -> str:
    """The sentence without a date example, when it states the date order the example illustrates."""
    head = _DATE_EXAMPLE_RE.split(sentence)[0] if _DATE_EXAMPLE_RE.search(sentence) else sentence
    if head is sentence or not _DATE_ORDER_RE.search(head):
        return sentence
    return _DATE_EXAMPLE_RE.sub("", sentence)


def message_idioms(text: str) -> str:
    """Chat fillers out, chat spellings and double negatives said plainly, a prepositional topic put back in
    place, a date example after the order it shows cut off."""
    text = _FR_RE.sub("", _FILLER_RE.sub("", _FOREIGN_PLEASE_RE.sub("please", text)))
    for pattern, replacement in _CHAT_WORDS:
        text = pattern.sub(replacement, text)
    text = _NOT_NOT_RE.sub("", text)
    text = _DONT_MIND_RE.sub(lambda m: f"put {m['x']} ", text)
    text = _PREP_TOPIC_RE.sub(_prep_topic, text)
    text = re.sub(r"\be\.\s?g\.(?=\s)", "for example", re.sub(r"\bi\.\s?e\.(?=\s)", "that is", text), flags=re.I)
    parts = re.split(r"((?<=[.!?])\s+)", text)
    return "".join(part if i % 2 else _sentence_example(part) for i, part in enumerate(parts))
