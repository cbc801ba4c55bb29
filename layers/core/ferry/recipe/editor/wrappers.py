"""What a request comes wrapped in, taken off before the message is cut into sentences: a hedge of understatement
('X might as well be US, I'd have thought'), a wish relayed for someone else ('Ms. Okafor asked me to pass on that
…'), a ticket's or commit's prefix ('Story: as the ops lead, … I want …, so …', 'chore(template): …'), a notice
frame ('Kindly note …') and a naval 'belay'. Also a bare 'no' before a verb, a non-native negation ('no delete
them'), said as 'do not': such a clause never does what its verb says.

Each rule keeps the request's polarity: a hedge that refuses ('I'd rather X didn't …', 'it would be a shame if X
were dropped') says the refusal plainly, never the act.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_START = r"(?:^|(?<=[.!?]\s)|(?<=\n))"
# a relayed wish may follow a greeting or a fronted phrase: 'Hi team, Ms. Okafor asked me to …'
_CLAUSE_START = r"(?:^|(?<=[.!?,;:]\s)|(?<=\n))"
# an honorific's full stop ends no sentence: 'Ms. Okafor asked …' is one sentence
_HONORIFIC_RE = re.compile(r"\b(Mr|Ms|Mrs|Mx|Dr|Prof|Messrs|Mme|Mlle)\.(?=\s+[A-Z])")
# a conventional commit's type and scope: 'chore(template): …' → 'template: …' (the scope may name the field)
_COMMIT_RE = re.compile(
    r"(?m)^(?:feat|fix|chore|refactor|docs|style|perf|build|ci|test|revert|wip)\((?P<scope>[\w ./-]{1,30})\)!?:\s*"
)
# a user story: 'Story: as the ops lead, <request with I want>, so (that) <purpose>' → the request (the role is a
# person's: 'as a fallback, I want Mobile' is no story)
_STORY_RE = re.compile(
    _START + r"(?:(?:user\s+)?story\s*:\s*)?as\s+(?:an?|the|our)\s+"
    r"(?![\w' -]*\b(?:fallback|default|backup|alternative|rule|result|precaution|example|exception|workaround|"
    r"substitute|replacement|option|source|column|field|value|first|second|last|matter|whole)\b)[\w' -]{1,40}?,\s*"
    r"(?P<ask>[^.;!?]*?\b(?:I|we)\s+(?:want|need|would\s+like|'d\s+like)\b[^.;!?]*?)"
    r"(?:,?\s+so(?:\s+that)?\s+[^.;!?]+)?(?=[.;!?]|$)",
    re.I,
)
_BELAY_RE = re.compile(r"\bbelay\b(?=\s+(?:that|this|the|my|your|it|last)\b)", re.I)
# a notice before a statement: 'Kindly note Signup Date is …', 'Please note that …', 'Note that …'
_NOTICE_RE = re.compile(
    _START + r"(?:(?:please|kindly|do)\s+(?:note|be\s+advised|bear\s+in\s+mind)(?:\s+that|\s*[:,])?|note\s+that)"
    r"\s+(?=\S)",
    re.I,
)
# who a wish is relayed for: a titled name, a first name (and surname), or a role; never a denial or a question
# ('Nobody asked me to drop X', 'Who asked me to drop X?' relay no wish)
_PERSON = (
    r"(?!(?:Nobody|No|None|Noone|Neither|Never|Who|Whoever|What|Why|Which|When|Where|How|Did|Does|Do|Has|Have|Had)\b)"
    r"(?:(?:Mr|Ms|Mrs|Mx|Dr|Prof)\.?\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?|[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?|"
    r"(?:my|our|the)\s+(?:boss|manager|director|team\s+lead|lead|supervisor|colleague|client|customer|CEO|CFO|CTO))"
)
_PASSED_ON_RE = re.compile(
    _CLAUSE_START
    + _PERSON
    + r"\s+(?:has\s+|had\s+)?(?:asked|asks|wants|wanted|would\s+like|'d\s+like|told)\s+me\s+to\s+"
    r"(?:pass\s+on|pass\s+along|relay|tell\s+you|let\s+you\s+know|mention|say|convey|forward|flag)"
    r"(?:\s+to\s+you)?(?:\s+that)?[\s,:]*(?=\S)"
)
_ASKED_ME_TO_RE = re.compile(
    _CLAUSE_START
    + _PERSON
    + r"\s+(?:has\s+|had\s+)?(?:asked|asks|wants|wanted|would\s+like|'d\s+like)\s+me\s+to\s+(?=\w)"
)
# a mandative subjunctive: 'Mr Brandt asks that rows … be skipped' → 'rows … should be skipped'
_ASKS_THAT_RE = re.compile(
    _CLAUSE_START + _PERSON + r"\s+(?:has\s+)?(?:asks|asked|requests|requested|insists|insisted|would\s+ask|suggests|"
    r"suggested|proposes|proposed|prefers|recommends|recommended)\s+that\s+(?P<x>[^.;!?]{1,80}?)\s+(?P<neg>not\s+)?be\b"
)
# the same said by the speakers themselves, formally: 'At this time we ask that the Notes remain stowed and not be
# imported', "We'd like to request that email no longer be a required field" (dev28, hunt 3)
_WE_ASK_THAT_RE = re.compile(
    _CLAUSE_START + r"(?:(?:at\s+this\s+time|for\s+now|today)\s*,?\s*)?(?:we|I)(?:'d\s+like\s+to|\s+would\s+like\s+to|"
    r"\s+must|\s+kindly|\s+respectfully)?\s+(?:ask|request|require|insist)\s+that\s+(?P<x>[^.;!?]{1,80}?)"
    r"(?:\s+(?:remain|stay)\s+[\w-]+\s+and)?\s+(?P<neg>not\s+|no\s+longer\s+)?be\b",
    re.I,
)
_THINKING = (
    r"(?:suspect|think|believe|imagine|gather|guess|reckon|suppose|expect|presume|assume|daresay|dare\s+say|"
    r"'d\s+say|would\s+say|should\s+think|'d\s+have\s+thought|would\s+have\s+thought|'d\s+imagine)"
)
# 'are, I suspect, customer and lead' / '…, I'd have thought.' / 'I suspect that …'
_ASIDE_RE = re.compile(r",\s*(?:I|we)\s+" + _THINKING + r"\s*,\s*", re.I)
# (not before a question mark: 'Mobile, I suppose?' asks)
_TRAILING_THOUGHT_RE = re.compile(r",?\s*(?:I|we)\s+" + _THINKING + r"(?=\s*(?:[.!;]|$))", re.I)
_LEADING_THOUGHT_RE = re.compile(
    _START + r"(?:I|we)\s+(?:suspect|gather|daresay|'d\s+have\s+thought|would\s+have\s+thought|'d\s+imagine)"
    r"(?:\s+that)?\s+(?=\S)",
    re.I,
)
# 'X might as well be US' is 'X should be US'; 'we might as well drop …' is 'drop …'
_AS_WELL_BE_RE = re.compile(r"\b(?:might|may|could)\s+(?:just\s+)?as\s+well\s+(not\s+)?be\b", re.I)
_AS_WELL_RE = re.compile(_START + r"(?:we|you|I)\s+(?:might|may|could)\s+(?:just\s+)?as\s+well\s+(?=\w)", re.I)
# a doubt about one column with a better one said after it: "I'm not sure A is quite the right column for F; B
# might serve rather better" → 'B is the right column for F, not A'
_BETTER = (
    r"(?:might|would|could|may)\s+(?:serve|do|work|suit|fit|be)(?:\s+(?:rather|far|much|a\s+lot|a\s+bit|somewhat))?"
    r"\s+better"
)
_DOUBT_BETTER_RE = re.compile(
    r"(?:I'?m|I\s+am)\s+not\s+(?:sure|convinced|certain)\s+(?:that\s+)?(?P<a>[^.;,!?]{1,40}?)\s+is\s+"
    r"(?:quite\s+|really\s+|entirely\s+)?(?:the\s+right|a\s+good|the\s+best|the\s+ideal|the\s+proper)\s+"
    r"(?:column|source|choice|one|fit)\s+for\s+(?P<f>[^.;,!?]{1,30}?)\s*[.;,]\s*(?:and\s+)?(?:perhaps\s+|maybe\s+)?"
    rf"(?P<b>[^.;,!?]{{1,40}}?)\s+{_BETTER}\b",
    re.I,
)
_BETTER_FOR_RE = re.compile(
    rf"(?P<b>\b[^.;,!?]{{1,40}}?)\s+{_BETTER}\s+for\s+(?P<f>[^.;,!?]{{1,30}}?)\s+than\s+(?P<a>[^.;,!?]{{1,40}}?)"
    r"(?=\s*(?:[.;!?]|$))",
    re.I,
)
# the past subjunctive of a wish, said as the modal: 'X didn't come' → 'X should not come'
_SUBJUNCTIVE = r"(?P<x>[^,;.!?]{1,60}?)\s+(?P<v>didn't|did\s+not|weren't|were\s+not|wasn't|was\s+not|were|was)\s+"
_RATHER_RE = re.compile(
    r"\b(?:I|we)(?:'d|\s+would|\s+had)\s+(?:much\s+)?(?:rather|sooner|prefer\s+it\s+if)\s+"
    r"(?!(?:not|have|see|get|to|keep|lose|use|take|drop|import|skip|leave|be)\b)"
    r"(?=(?:the|a|an|all|any|our|my|their|those|these|this|that|every|each|you|it|they)\b|(?-i:[A-Z]))" + _SUBJUNCTIVE,
    re.I,
)
# a consent by understatement ('it would be no great tragedy if X weren't required'): the wish said as it is
_NO_HARM_IF_RE = re.compile(
    _START + r"(?:it\s+(?:would|'d)\s+be\s+no\s+(?:great\s+|big\s+|real\s+|terrible\s+|huge\s+)?(?:tragedy|loss|harm|"
    r"disaster|problem|hardship|bad\s+thing|crime|sin|bother)|it\s+(?:would|'d)\s+do\s+no\s+harm|it\s+wouldn't\s+"
    r"(?:hurt|harm|matter|be\s+(?:a|any)\s+(?:problem|bad\s+thing)|be\s+the\s+end\s+of\s+the\s+world)|"
    r"(?:I|we)\s+wouldn't\s+(?:mind|object|complain)|(?:I|we)\s+(?:would|'d)\s+not\s+(?:mind|object))\s+if\s+"
    + _SUBJUNCTIVE,
    re.I,
)
# a refusal by understatement ('it would be a shame if X were dropped'): the wish is the opposite of the clause
_PITY_IF_RE = re.compile(
    _START + r"it\s+(?:would|'d)\s+be\s+(?:a|an)\s+(?:great\s+|real\s+|terrible\s+|awful\s+)?(?:shame|pity|tragedy|"
    r"loss|mistake)\s+if\s+" + _SUBJUNCTIVE,
    re.I,
)
_ALONG_RE = re.compile(
    r"\bshould\s+(not\s+)?(?:come|tag|go)\s+along(?:\s+(?:for\s+the\s+ride|with\s+(?:the\s+)?(?:rest|others)))?\b", re.I
)
# a bare 'no' before a verb and its object: a negation in Spanish (and many learners') English
_NO_VERB_RE = re.compile(
    r"(?<![\w'])(?<!\bwith\s)(?<!\bhave\s)(?<!\bhas\s)no\s+(?P<v>delete|remove|drop|import|change|map|keep|split|"
    r"skip|include|exclude|put|make|set|fill|lowercase|translate|convert|ignore|leave|generate|build|create|touch|"
    r"bring|move|merge|dedupe|migrate|load|copy|add|apply|cut|discard|erase|filter|modify|alter|edit|overwrite|"
    r"replace|take|lose|throw)\s+(?=(?:them|it|those|these|this|that|the|any|all|my|our|their|his|her|its|an?|"
    r"rows?|columns?|contacts?|records?|entries)\b|(?-i:[A-Z]))",
    re.I,
)

# hunt 3: a bare 'no' before a gerund and its object ('no dropping rows without email') is 'do not drop'
_NO_GERUND_RE = re.compile(
    r"(?<![\w'])(?<!\bwith\s)(?<!\bhave\s)(?<!\bhas\s)no\s+(?P<v>delet|remov|dropp|import|chang|mapp|splitt|"
    r"skipp|lowercas|translat|convert|ignor|dedup|merg|discard|eras|filter|touch)ing\s+"
    r"(?=(?:them|it|those|these|the|any|all|my|our|their|an?|rows?|columns?|contacts?|records?|entries)\b|(?-i:[A-Z]))",
    re.I,
)
_GERUND_STEM = {"delet": "delete", "remov": "remove", "dropp": "drop", "chang": "change", "mapp": "map",
                "splitt": "split", "skipp": "skip", "lowercas": "lowercase", "translat": "translate",
                "ignor": "ignore", "dedup": "dedupe", "merg": "merge", "eras": "erase"}  # fmt: skip
# a relayed refusal in the third person ('Ms. Ito asked me to pass on that she does not want X dropped'): the
# speaker's own refusal, so the wish reading keeps its 'not'
_THEY_DO_NOT_WANT_RE = re.compile(_CLAUSE_START + r"(?:she|he|they)\s+(?:does|do|did)(?:n't|\s+not)\s+(?=want\b)", re.I)
# a comparison after the request ('…, same as on a purchase agreement', '…, like on the invoices'): it says where
# else it is done, not a second change
_COMPARISON_TAIL_RE = re.compile(
    r",\s*(?:(?:(?:just\s+|exactly\s+)?(?:the\s+)?same\s+as|just\s+like|exactly\s+like)\s+(?:(?:on|in|with|for)\s+)?|"
    r"(?:like|as)\s+(?:on|in|with)\s+)"
    r"(?:a|an|the|our|their|every|any|most)\s+[^.;!?,]{1,40}?(?=\s*(?:[.!;]|$))",
    re.I,
)

# said with no object at the end of its clause ('Contacts without email: no delete.'): the rows it is about kept
_NO_REMOVAL_RE = re.compile(
    r"(?<![\w'])(?<!\bwith\s)no\s+(?P<v>delete|remove|drop|erase|discard)(?=\s*(?:[.,;!?]|$))", re.I
)


def _modal(x: str, verb: str, refused: bool = False) -> str:
    """'X' with the past subjunctive 'didn't' / 'weren't' / 'were' said as 'should (not) (be)'; `refused` turns
    the polarity (a shame if it happened: it should not)."""
    verb = " ".join(verb.lower().split())
    negative = verb in ("didn't", "did not", "weren't", "were not", "wasn't", "was not")
    if refused:
        negative = not negative
    be = "" if verb in ("didn't", "did not") else "be "
    if x.strip().lower() == "you":  # 'I'd rather you didn't import X' is "don't import X"
        return ("don't " if negative else "") + be
    return f"{x} should {'not ' if negative else ''}{be}"


_RULES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (_HONORIFIC_RE, r"\1"),
    (_COMMIT_RE, r"\g<scope>: "),
    (_STORY_RE, r"\g<ask>"),
    (_BELAY_RE, "undo"),
    (_NOTICE_RE, ""),
    (_PASSED_ON_RE, ""),
    (_ASKED_ME_TO_RE, ""),
    (_ASKS_THAT_RE, lambda m: f"{m['x']} should {'not ' if m['neg'] else ''}be"),
    (_WE_ASK_THAT_RE, lambda m: f"{m['x']} should {m['neg'] or ''}be"),
    (_ASIDE_RE, " "),
    (_TRAILING_THOUGHT_RE, ""),
    (_LEADING_THOUGHT_RE, ""),
    (_AS_WELL_BE_RE, r"should \1be"),
    (_AS_WELL_RE, ""),
    (_DOUBT_BETTER_RE, r"\g<b> is the right column for \g<f>, not \g<a>"),
    (_BETTER_FOR_RE, r"\g<b> is the right column for \g<f>, not \g<a>"),
    (_RATHER_RE, lambda m: _modal(m["x"], m["v"])),
    (_NO_HARM_IF_RE, lambda m: _modal(m["x"], m["v"])),
    (_PITY_IF_RE, lambda m: _modal(m["x"], m["v"], refused=True)),
    (_ALONG_RE, r"should \1be imported"),
    (_NO_GERUND_RE, lambda m: f"do not {_GERUND_STEM.get(m['v'].lower(), m['v'].lower())} "),
    (_THEY_DO_NOT_WANT_RE, "I do not "),
    (_COMPARISON_TAIL_RE, ""),
    (_NO_VERB_RE, r"do not \g<v> "),
    (_NO_REMOVAL_RE, r"do not \g<v> them"),
]


def unwrapped(text: str) -> str:
    """The message with what surrounds its request taken off, and a bare 'no' before a verb said as 'do not'."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text
