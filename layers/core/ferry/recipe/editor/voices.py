"""Other voices of the same command (issue 13, round 7): the forms a message takes, said in the grammar's words.

Nothing here decides what a name means; each rewrite only changes the form, and the families, the resolver and
`fit.py` read the result as if it had been typed so:

- **code shorthand**: a data engineer's SQL, regex and config (`WHERE E-mail IS NOT NULL`, `x = COALESCE(a, b)`,
  `CASE col WHEN 'a' THEN 'b' END`, `s/a/b/`, `DISTINCT ON (k)`, `ALTER f DROP NOT NULL`, `-- comment`);
- **dictation**: punctuation spoken as words ("comma", "period", "new line"), split words ("e mail");
- **lists**: a header ("To do:", "Two things:") and bullets (`-`, `*`, `•`, `1)`) cut into one instruction each;
- **requests**: a question or a delegation that asks for a change ("could the notes go somewhere?", "make sure X
  is …", "have X filled from Y") is the command; a question about how the recipe *is* ("Are X dropped?") is not
  touched here and stays a question (`fit.state_question`);
- **hedges**: "I think", "probably", "not 100% sure but" say how sure the speaker is, not what to change.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz

_Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]

_NAME = r"[\w\u27e6\u27e7][\w\u27e6\u27e7' .-]*?"  # a column, field or value, or a quote's hole ⟦n⟧

# --- code shorthand -------------------------------------------------------------------------------------------

_NULL_FN = r"(?:coalesce|nvl|ifnull|isnull|nz)"


def _coalesce(m: re.Match[str]) -> str:
    """'f = COALESCE(a, b)': f comes from a, and from b (a column or a constant) when a is empty."""
    target, first, second = ((m.group(g) or "").strip() for g in ("f", "a", "b"))
    if second.startswith("\u27e6") or re.fullmatch(r"[A-Z]{2,3}|\d+", second):  # a constant
        field = target or first
        return f"set {field} to {second} when it is empty"
    if target and target.lower() != first.lower():
        return f"{target} comes from {first}, if {first} is empty use {second}"
    return f"if {first} is empty, use {second}"


def _case_when(m: re.Match[str]) -> str:
    """'CASE col WHEN a THEN b WHEN c THEN d END' → 'in col, a is b and c is d'."""
    pairs = re.findall(r"\bwhen\s+(\S+?)\s+then\s+(\S+)", m.group("body"), re.I)
    said = " and ".join(f"{a} is {b}" for a, b in pairs)
    return f"in {m.group('col').strip()}, {said}" if m.group("col") else said


def _pairs(m: re.Match[str]) -> str:
    """'{a: b, c: d}' → 'a is b and c is d'."""
    pairs = re.findall(r"([^,:{}]+?)\s*(?::|=>|->)\s*([^,:{}]+)", m.group("body"))
    return " and ".join(f"{a.strip()} is {b.strip()}" for a, b in pairs) if pairs else m.group(0)


def _substitutions(m: re.Match[str]) -> str:
    """'s/Deutschland/DE/, s/USA/US/g' → 'Deutschland is DE and USA is US'."""
    pairs = re.findall(r"\bs/([^/]+)/([^/]*)/g?", m.group(0))
    return " and ".join(f"{a} is {b}" for a, b in pairs)


_CODE_CONDITION = r"[^;,]*?(?:!=|<>|==|=|\bis\s+(?:not\s+)?null\b|\bnot\s+null\b|\blike\b)"
_CODE: list[_Rule] = [
    # a SQL comment is a remark after the statement: its own clause
    (re.compile(r"\s*--\s*(?=\S)"), "; "),
    # helper functions that name a known part of a value
    (re.compile(r"\b(?:split_part|substring_index|split)\s*\(\s*(" + _NAME
                + r")\s*,\s*\u27e6\d+\u27e7\s*,\s*(?:2|-1)\s*\)",
                re.I), r"the domain of \1"),
    (re.compile(r"\b(?:domain|domain_of|url_to_domain|email_domain|get_domain)\s*\(\s*(" + _NAME + r")\s*\)", re.I),
     r"the domain of \1"),
    # 'split_part(Full Name, ' ') -> first_name, last_name': a split
    (re.compile(r"\b(?:split_part|split|string_split|str_split)\s*\(\s*(" + _NAME + r")\s*(?:,[^()]*)?\)\s*"
                r"(?:->|=>|\u2192|into|as)\s*(" + _NAME + r")\s*(?:,|and|\+)\s*(" + _NAME + r")\s*$", re.I),
     r"split \1 into \2 and \3"),
    # 'UPDATE contacts SET f = x WHERE f IS NULL' / 'SET f = x': what f holds, when it is empty if so said
    (re.compile(r"^(?:update\s+\w+\s+)?set\s+(?P<f>" + _NAME + r")\s*=\s*(?P<x>.+?)\s+where\s+(?P=f)\s+is\s+null\s*$",
                re.I), r"if \g<f> is empty, use \g<x>"),
    (re.compile(r"^(?:update\s+\w+\s+)?set\s+(?=" + _NAME + r"\s*=)", re.I), ""),
    # 'SELECT * EXCEPT (Notes)' / 'EXCLUDE (Notes)': the column left out
    (re.compile(r"^(?:select\s+\*\s+)?(?:except|exclude)\s*\(\s*(" + _NAME + r")\s*\)\s*$", re.I), r"don't import \1"),
    # 'f = lower(f)': the function said as its verb
    (re.compile(r"^(" + _NAME + r")\s*(?:=|:=)\s*(lower|upper)\s*\(\s*\1\s*\)\s*$", re.I), r"\2case \1"),
    (re.compile(r"^(" + _NAME + r")\s*(?:=|:=)\s*(?:proper|initcap)\s*\(\s*\1\s*\)\s*$", re.I), r"title case \1"),
    # 'created_at = to_date(Signup Date, 'DD/MM/YYYY')': the column, read in that format
    (re.compile(r"^(?:(?P<f>" + _NAME + r")\s*(?:=|:=|<-)\s*)?(?:to_date|parse_date|str_to_date|strptime|to_timestamp|"
                r"date_parse)\s*\(\s*(?P<c>" + _NAME + r")\s*,\s*(?P<fmt>\u27e6\d+\u27e7|[\w%/.-]+)\s*\)\s*$", re.I),
     lambda m: (f"{m.group('f')} comes from {m.group('c')}. " if m.group("f") else "")
     + f"{m.group('c')} format is {m.group('fmt')}"),
    # a spreadsheet's 'f = IF(ISBLANK(a), b, a)' is COALESCE(a, b); any other IF (another test, other branches)
    # is left as typed and asked about
    (re.compile(r"^(?:(?P<f>" + _NAME + r")\s*(?:=|:=)\s*)?=?\s*if\s*\(\s*(?:isblank|isempty)\s*\(\s*(?P<a>" + _NAME
                + r")\s*\)\s*,\s*(?P<b>[^(),]+?)\s*,\s*(?P=a)\s*\)\s*$", re.I), _coalesce),
    # a formula's leading '=' before a function ('=LOWER(E-mail)')
    (re.compile(r"^=\s*(?=\w+\s*\()"), ""),
    # 'f = COALESCE(a, b)' / 'COALESCE(a, b)'
    (re.compile(r"^(?:(?P<f>" + _NAME + r")\s*(?:=|:=|<-|\u2190)\s*)?" + _NULL_FN +
                r"\s*\(\s*(?P<a>" + _NAME + r")\s*,\s*(?P<b>[^()]+?)\s*\)(?=\s*(?:[;,.]|$))", re.I), _coalesce),
    # 'CASE col WHEN a THEN b ... END'
    (re.compile(r"\bcase\s+(?!when\b)(?P<col>" + _NAME + r")\s+(?P<body>(?:when\s+\S+\s+then\s+\S+\s*)+)"
                r"(?:else\s+\S+\s*)?end\b", re.I), _case_when),
    # 'Lifecycle map: …' / 'Land lookup: …': the values of that column
    (re.compile(r"^(?P<x>[\w' -]{2,30}?)\s+(?:map|value map|values map|lookup|translations?)\s*:\s*", re.I),
     r"in \g<x>, "),
    # '{"Kunde": "customer", "Interessent": "lead"}': a mapping written as JSON or a dict
    (re.compile(r"\{(?P<body>[^{}]+)\}"), _pairs),
    # 's/a/b/'
    (re.compile(r"\bs/[^/]+/[^/]*/g?(?:\s*[,;]?\s*s/[^/]+/[^/]*/g?)*"), _substitutions),
    # 'SELECT DISTINCT ON (email) *' / 'ROW_NUMBER() OVER (PARTITION BY email ...) = 1' / 'dedupe on email'
    (re.compile(r"^(?:select\s+)?distinct\s+on\s*\(\s*(" + _NAME + r")\s*\)[^;]*", re.I),
     r"keep only the first row for each \1"),
    (re.compile(r"\brow_number\s*\(\s*\)\s*over\s*\(\s*partition\s+by\s+(" + _NAME + r")\b[^)]*\)\s*=\s*1", re.I),
     r"keep only the first row for each \1"),
    # 'WHERE cond' / 'DELETE WHERE cond' / 'SELECT * FROM contacts WHERE cond': which rows stay or go
    # (only code: 'WHERE' typed as a keyword, or a condition with an operator; 'Where there is no work phone, use
    # the mobile' is a condition of the sentence, not a row filter)
    (re.compile(r"^(?:select\s+\*\s+from\s+\w+\s+)?(?:WHERE|where(?=" + _CODE_CONDITION + r"))\s+"),
     "keep only rows where "),
    (re.compile(r"^delete\s+(?:from\s+\w+\s+)?where\s+(?=" + _CODE_CONDITION + r")", re.I), "drop rows where "),
    # 'Notes != null' is the cell filled, never a value 'null' to compare with
    (re.compile(r"(?<=\w)\s*(?:!=|<>|\u2260)\s*null\b", re.I), " is not empty"),
    (re.compile(r"(?<=\w)\s*==?\s*null\b", re.I), " is empty"),
    (re.compile(r"\bis\s+not\s+null\b", re.I), "is not empty"),
    (re.compile(r"\bis\s+null\b", re.I), "is empty"),
    (re.compile(r"(?<=\w)\s*==\s*(?=\S)"), " is "),
    # 'ALTER email DROP NOT NULL' / 'email NULLABLE': a field not required (the template decides)
    (re.compile(r"^alter\s+(?:table\s+\w+\s+)?(?:alter\s+)?(?:column\s+)?(" + _NAME + r")\s+drop\s+not\s+null\b", re.I),
     r"make \1 optional"),
    (re.compile(r"^alter\s+(?:table\s+\w+\s+)?(?:alter\s+)?(?:column\s+)?(" + _NAME + r")\s+set\s+not\s+null\b", re.I),
     r"make \1 required"),
    (re.compile(r"^(" + _NAME + r")\s+(?:nullable|null ok|can be null)$", re.I), r"make \1 optional"),
    # 'created_at := Signup Date' / 'created_at <- Signup Date': the field comes from the column
    (re.compile(r"^(" + _NAME + r")\s*(?::=|<-|\u2190)\s*(" + _NAME + r")$"), r"\1 comes from \2"),
    # a config key: 'phone: default_region=DE' → 'phone: default region DE'
    (re.compile(r"\b(\w+)[._](region|default_region|format|order|country|value|default)\s*[=:]\s*", re.I),
     lambda m: f"{m.group(1)} {m.group(2).replace('_', ' ')} "),
]  # fmt: skip

# --- dictation, lists -----------------------------------------------------------------------------------------

_SPOKEN: list[_Rule] = [
    (re.compile(r"\s+(?:comma)\s+", re.I), ", "),
    (re.compile(r"\s+(?:period|full stop)(?=\s*$|\s+[a-z])", re.I), ". "),
    (re.compile(r"\s+question mark(?=\s*$|\s+[a-z])", re.I), "? "),
    (re.compile(r"\s+(?:new line|next line|new paragraph|next point|next item)\s+", re.I), "\n"),
    (re.compile(r"\be\s+mail(s|ed)?\b", re.I), r"email\1"),
    (re.compile(r"\s+(?:forward\s+)?slash\s+", re.I), "/"),
    (re.compile(r"\s+at sign\s+", re.I), " @ "),
    # 'never mind, leave it as it is': the message takes itself back, it does not ask to undo the last change
    (
        re.compile(
            r"^(?:never ?mind|forget it|scratch that|forget that)[\s,.;!]+(?=(?:just\s+)?(?:leave|keep)\s+"
            r"(?:it|everything|things|the recipe|that)\s+(?:as it is|as is|alone|unchanged|like (?:it is|that)))",
            re.I,
        ),
        "",
    ),
    # a homophone a dictation app types for 'where' before a condition
    (re.compile(r"^wear(?=\s+(?:the|there|it|a|an)\b)", re.I), "where"),
]

_VERB = (
    r"(?:drop|remove|delete|keep|use|map|split|lowercase|set|treat|translate|skip|exclude|ignore|import|don't|do not|"
    r"make|fill|dedupe|take|put|read|parse|convert|undo|revert)\b"
)
_LISTS: list[_Rule] = [
    # a header before the items says nothing itself ('To do:', 'Two things:', 'Changes please:')
    (re.compile(r"^(?:(?:a\s+)?(?:few|couple of|some|two|three|four|2|3|4)\s+(?:more\s+)?(?:things|changes|points|"
                r"items|requests|fixes)|to[- ]?do|todo|changes?|requests?|fixes|tasks?|action items?|requirements?|"
                r"change requests?|user story|acceptance criteri(?:a|on)|ask|the ask|spec)"
                r"(?:\s+(?:please|for you|to do|to change|for the import))?\s*:\s*", re.I), ""),
    # a preamble before the instruction ('Before you import: …', 'One more thing - …', 'FYI, …')
    (re.compile(r"^(?:before (?:you|we) (?:import|start|run|begin|go)(?: it| this| the file| anything)?|"
                r"before importing|one (?:more|last) thing|fyi|heads up|btw|by the way|just so you know|quick one|"
                r"important)\s*[:,\-\u2013]\s*",
                re.I), ""),
    # an instruction in brackets after another ('dedupe emails (keep top row)'): a clause of its own
    (re.compile(r"\s*\((?P<c>(?:keep|drop|remove|use|take|skip|ignore|leave)\b[^()]{2,60})\)"), r"; \g<c>"),
    # bullets at the start of a line or between items on one line
    # (numbered items are left to the normaliser: 'phone: 1) Work Phone 2) Mobile' is one priority list)
    (re.compile(r"(?:^|\n)\s*[-*\u2022\u00b7\u2013]\s+(?=\S)"), "\n"),
    (re.compile(r"\s+[\u2022\u00b7]\s+"), "\n"),
    # numbered items on one line, each opening with a verb ('1) drop rows with no email 2) lowercase emails'); a
    # priority list of columns ('phone: 1) Work Phone 2) Mobile') stays one instruction
    (re.compile(r"(?:^|(?<=\S)\s+)\d[.)]\s+(?=" + _VERB + r")", re.I), "\n"),
    # the null-coalescing operator ('phone = Work Phone ?? Mobile'); 'configure' before a setting
    (re.compile(r"(?<=\w)\s*\?\?\s*(?=\w)"), " otherwise "),
    (re.compile(r"^(?:please\s+)?(?:configure|set up)\s+(?=[\w' -]+\s*(?:=|:))", re.I), ""),
    # 'X have a website so make the email from its domain': the reason, then the instruction after 'so'
    (re.compile(r",?\s+so\s+(?=(?:please\s+|just\s+)?" + _VERB + r")", re.I), ". "),
    # 'first + last': 'and' between words
    (re.compile(r"(?<=[a-z])\s+\+\s+(?=[a-z])", re.I), " and "),
]  # fmt: skip


_NUMBERED_LINE_RE = re.compile(r"\n\s*\d{1,2}[.)]\s+\S")
_NUMBERED_RE = re.compile(r"(?:^|\n)\s*\d{1,2}[.)]\s+(?=\S)")


_CORRECTION_RE = re.compile(
    r"(?P<wrong>[^\s,;]+?)(?:\.{2,}|\u2026)?\s*[,;\-\u2013\u2014]?\s*"
    r"\b(?:sorry|i mean|i meant|oops|err|erm|correction)\b\s*[,:]?\s+(?P<right>[^\s,;]+)",
    re.I,
)


def _corrected(m: re.Match[str]) -> str:
    """'dd.mm.yyyy... sorry, dd/mm/yyyy' → 'dd/mm/yyyy': a word said again right replaces the one said wrong (only
    a word of the same shape: 'that was wrong, sorry, undo' keeps both)."""
    wrong, right = m.group("wrong").rstrip("."), m.group("right")
    shape = re.compile(r"[\W\d_]")
    same = fuzz.ratio(wrong.lower(), right.lower()) >= 60 or (
        bool(shape.search(wrong)) and bool(shape.search(right)) and len(wrong) > 2
    )
    # two codes ('put DE, sorry, US'): the second replaces the first
    same = same or (wrong.isupper() and right.isupper() and 2 <= len(wrong) <= 3 and 2 <= len(right) <= 3)
    return right if same else m.group(0)


# SQL's value translation: 'CASE Lifecycle WHEN 'Kunde' THEN 'customer' … END' or 'CASE WHEN Lifecycle = 'Kunde'
# THEN 'customer' … END AS status'; no ELSE (what it would do to other values the grammar cannot say)
_CASE_RE = re.compile(
    r"\bCASE\s+(?P<col>\"?[A-Za-z][\w -]*?\"?\s+)?(?P<arms>(?:WHEN\s+[^']*?'[^']*'\s+THEN\s+'[^']*'\s*)+)END"
    r"(?:\s+AS\s+(?P<field>\"?[\w -]+?\"?))?(?=\s*(?:[;.,]|$))",
    re.I,
)
_CASE_ARM_RE = re.compile(
    r"WHEN\s+(?:(?P<col>\"?[A-Za-z][\w -]*?\"?)\s*=\s*)?'(?P<a>[^']*)'\s+THEN\s+'(?P<b>[^']*)'", re.I
)


def _case_said(m: re.Match[str]) -> str:
    """The CASE as the grammar's list of pairs ('Lifecycle: 'Kunde' -> 'customer', …'); as typed when its arms
    test different columns, or test none and name no column."""
    arms = list(_CASE_ARM_RE.finditer(m["arms"]))
    named = {a["col"].strip('" ').lower() for a in arms if a["col"]}
    column = (m["col"] or "").strip('" ')
    if (
        len(named) > 1
        or (column and named)
        or (not column and len(named) != 1)
        or any(not a["col"] for a in arms if named)
    ):
        return m.group(0)
    column = column or (arms[0]["col"] or "").strip('" ')
    pairs = ", ".join(f"'{a['a']}' -> '{a['b']}'" for a in arms)
    field = f" for {m['field'].strip(chr(34) + ' ')}" if m["field"] else ""
    return f"{column}: {pairs}{field}"


def sql_cases(text: str) -> str:
    """Each SQL CASE of the message said as a list of pairs (read before the quotes are cut: its values are quoted)."""
    return _CASE_RE.sub(_case_said, text)


def message_forms(text: str) -> str:
    """The whole message with code shorthand, spoken punctuation and list marks said as the grammar says them."""
    text = _CORRECTION_RE.sub(_corrected, text)
    for pattern, replacement in _SPOKEN + _LISTS:
        text = pattern.sub(replacement, text)
    if _NUMBERED_LINE_RE.search(text):  # a numbered item on a line of its own: an instruction of its own
        text = _NUMBERED_RE.sub("\n", text)
    if not re.search(r"(?<!\d)2[.)]\s", text):  # a list of one item: its number says nothing
        text = re.sub(r"^\s*1[.)]\s+(?=\S)", "", text)
    lines = []
    for line in re.split(r"\n+", text):
        for pattern, replacement in _CODE:
            line = pattern.sub(replacement, line.strip())
        lines.append(line)
    return "\n".join(line for line in lines if line).strip()


# --- requests and hedges (one sentence at a time) --------------------------------------------------------------

_SUBJECT_VERBS = (
    r"be|go|come|use|take|get|fall back|fall through|end up|stay|appear|have|read|keep|default|show up|look|contain"
)
# (a judgement asked for is a question, not a request: 'could the Mobile be better for phone?')
_NO_JUDGEMENT = r"(?!\s+(?:better|worse|good|bad|ok|okay|fine|right|wrong|correct|enough|a problem|an issue)\b)"
_NOT_A_SUBJECT = r"(?!you\b|we\b|i\b|u\b|it\b|there\b|someone\b|anyone\b|that\b|this\b)"
_REQUESTS: list[_Rule] = [
    # 'could the notes go somewhere', 'can rows with no email be dropped': a request with a subject of its own
    (re.compile(rf"^(?:can|could)\s+{_NOT_A_SUBJECT}(?P<np>.{{1,60}}?)\s+be\b{_NO_JUDGEMENT}", re.I),
     r"\g<np> should be"),
    (re.compile(rf"^(?:can|could)\s+{_NOT_A_SUBJECT}(?!.*\sbe\b)(?P<np>.{{1,60}}?)\s+(?P<v>{_SUBJECT_VERBS})\b"
                rf"{_NO_JUDGEMENT}", re.I), r"\g<np> should \g<v>"),
    # 'have the Notes end up somewhere', 'have created_at filled from Signup Date': a delegation
    (re.compile(r"^(?:please\s+)?have\s+(?!it\b|to\b|a\s+look\b)(?P<np>(?:the\s+)?[\w\u27e6\u27e7' -]{1,40}?)\s+"
                rf"(?P<v>{_SUBJECT_VERBS})\b", re.I), r"\g<np> should \g<v>"),
    (re.compile(r"^(?:please\s+)?have\s+(?!it\b|to\b|a\s+look\b)(?P<np>(?:the\s+)?[\w\u27e6\u27e7' -]{1,40}?)\s+"
                r"(?P<p>\w+(?:ed|ted)|split|read|set|kept|built|made|taken|brought|thrown|left|broken(?:\s+up)?|put|"
                r"written|done)\b", re.I),
     r"\g<np> should be \g<p>"),
    # 'make sure (that) X is …', 'have it so (that) X gets …', 'see to it that …', 'ensure that …'
    (re.compile(r"^(?:(?:please\s+)?(?:make sure|make certain|ensure|see to it|have it so|set it up so|arrange it so|"
                r"i want it so|let's have it so)(?:\s+that)?)\s+(?P<rest>.+)$", re.I),
     lambda m: _should(m.group("rest"))),
    # a wish passed on ('I was told phone should use the mobile, could you do that?'): the wish is the command
    (re.compile(r"^(?:i was told|i've been told|i have been told|i hear|i heard|they told me|we were told)\s+"
                r"(?:that\s+)?(?=\S)", re.I), ""),
    (re.compile(r"[\s,;]+(?:could|can|would|will)\s+you\s+(?:please\s+)?do\s+(?:that|this|it)(?:\s+please)?\s*\??$",
                re.I), ""),
    # 'any chance Kunde could be mapped to customer?', 'any chance you could treat …': a request
    (re.compile(r"^(?:is there\s+)?(?:any|some)\s+chance\s+(?:that\s+)?(?:(?:we|you|i)\s+)?"
                r"(?:could|can|might|would)\s+", re.I), ""),
    (re.compile(r"^(?:is there\s+)?(?:any|some)\s+chance\s+(?:that\s+)?(?P<np>.{1,60}?)\s+(?:could|can|might|would)\s+",
                re.I), r"\g<np> should "),
    # 'is it possible that missing emails are generated from the Website?': the wish is the command
    (re.compile(r"^(?:is it possible|would it be possible|is there a way|is there any way)\s+(?:that|for)\s+"
                r"(?P<rest>.+)$", re.I), lambda m: _should(m.group("rest"))),
    # 'can we not import Notes' (after 'can we' went as politeness): the denial of a command
    (re.compile(r"^not\s+(?=(?:import|use|map|drop|keep|split|take|bring|touch|include)\b)", re.I), "don't "),
]  # fmt: skip

# a finite verb after 'make sure X …' said as what X should do
_FINITE = [
    (r"(?:isn't|is not|aren't|are not)", "should not be"),
    (r"(?:doesn't|does not|don't|do not|won't|will not)", "should not"),
    (r"(?:is|are|will be|gets? to be)", "should be"),
    (r"(?:gets|get)", "should get"),
    (r"(?:ends up|end up)", "should end up"),
    (r"(?:comes|come)", "should come"),
    (r"(?:stays|stay)", "should stay"),
    (r"(?:has|have)", "should have"),
    (r"(?:goes|go)", "should go"),
    (r"(?:uses|use)", "should use"),
    (r"(?:falls back|fall back)", "should fall back"),
    (r"(?:appears|appear)", "should appear"),
]
_FINITE_RE = re.compile(r"\s+(?P<v>" + "|".join(f"(?:{p})" for p, _ in _FINITE) + r")\b", re.I)


def _should(rest: str) -> str:
    """'the Notes column isn't carried over' → 'the Notes column should not be carried over'."""
    m = next(
        (m for m in _FINITE_RE.finditer(rest) if rest.count("(", 0, m.start()) <= rest.count(")", 0, m.start())), None
    )  # (not a verb inside brackets: 'the test rows (Lifecycle is test) are not imported')
    if m is None or m.start() == 0:
        return rest
    verb = m.group("v").lower()
    said = next(s for p, s in _FINITE if re.fullmatch(p, verb))
    return f"{rest[: m.start()]} {said}{rest[m.end() :]}"


_HEDGES: list[_Rule] = [
    (re.compile(r"^(?:hmm+|hm|uh|um|erm)\b[\s,.]*", re.I), ""),
    (re.compile(r"^(?:i'?m\s+)?(?:not\s+(?:100\s*%|entirely|totally|completely|quite)?\s*sure|not certain)\s*,?\s*"
                r"but\s+", re.I), ""),
    (re.compile(r"[\s,]+(?:but\s+)?(?:i'?m\s+)?not\s+(?:100\s*%|entirely|totally|completely|quite)\s+sure"
                r"(?:\s+(?:but|though))?(?=[\s,]+(?:let'?s|we can|just)\s+(?:try|see)\b)", re.I), ""),
    (re.compile(r"[\s,]+(?:let'?s|we can|just)\s+(?:try|see)(?:\s+it)?\s*$", re.I), ""),
    (re.compile(r"(?:^|[\s,]+)(?:if i'?m not mistaken|if i am not mistaken|as far as i know|afaik|if i remember "
                r"(?:correctly|right)|iirc|i believe|to my knowledge|unless i'?m wrong)\b[\s,]*", re.I), " "),
    (re.compile(r"[\s,]+i\s+(?:think|guess|suppose|believe)(?:\s+(?:that's|that is|it's|it is)\s+[\w ]{1,20})?\s*$",
                re.I), ""),
    (re.compile(r"\b(?:probably|maybe|perhaps|possibly|presumably|most likely|i guess|i think|i suppose|"
                r"more or less|kind of|sort of)\b[\s,]*", re.I), ""),
    # an intensifier says how much, not what ('we really don't need the Notes')
    (re.compile(r"(?<=\s)(?:really|actually|definitely|honestly|truly|seriously|totally|absolutely)\s+(?=\S)", re.I),
     ""),
]  # fmt: skip
# a hedge at the start ('I think', 'I suppose'); after it, 'we (should) keep …' is the speaker's command
_LEADING_HEDGE_RE = re.compile(
    r"^(?:(?:i|we)\s+(?:think|guess|suppose|believe|reckon|figure|feel like)|"
    r"(?:i|we)(?:'d| would)\s+(?:say|think|guess))(?:\s+that)?\s+(?=\S)",
    re.I,
)
_WE_VERB_RE = re.compile(
    r"^(?:we|you)\s+(?:should\s+|can\s+|could\s+)?(?=(?:keep|drop|remove|use|take|map|split|import|skip|exclude|"
    r"ignore|set|treat|read|lowercase|translate|fill)\b)",
    re.I,
)
# the speaker has not decided yet ('maybe X, not sure yet', 'we might X later'): the hedge stays, nothing is applied
_UNDECIDED_RE = re.compile(
    r"\bnot\s+(?:\w+\s+)?sure\b(?!\s*,?\s*but\b)(?!\s+which\b)|\bnot\s+decided\b|\bhaven't\s+decided\b|"
    r"\bundecided\b|\bwe'?ll\s+see\b|\bthinking\s+(?:about|of)\b|\bconsidering\b|\blater\b|\byet\b|\bdecide\b|"
    r"\bmight\b|\bor not\b|\bwhether\b",
    re.I,
)


def _unhedged(text: str) -> str:
    """The sentence without what only says how sure the speaker is; as typed when they have not decided."""
    if _UNDECIDED_RE.search(text):
        return text
    said = _LEADING_HEDGE_RE.sub("", text)
    if said != text:
        said = _WE_VERB_RE.sub("", said)
    for pattern, replacement in _HEDGES:
        said = pattern.sub(replacement, said).strip()
    return said


_TRAILING_SOFTENER_RE = re.compile(
    r"[\s,]+(?:though|anyway|anyways|as well|if that's ok|if that is ok|if ok)\s*$", re.I
)


def clause_forms(text: str) -> str:
    """One sentence with its hedges dropped and a request or delegation said as the command."""
    text = _TRAILING_SOFTENER_RE.sub("", _unhedged(text))
    for pattern, replacement in _REQUESTS:
        text = pattern.sub(replacement, text).strip()
    return " ".join(text.split())
