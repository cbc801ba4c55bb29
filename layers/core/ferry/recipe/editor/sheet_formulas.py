"""Spreadsheet formulas given for a transform: the formula's functions name the transform the editor has.

'=LOWER([@E-mail])' is a lowercase; 'IF(<X is blank>, "US", X)' a default, 'IF(<X is blank>, [@Mobile], X)' a
fallback and a domain cut from the email ('MID(e, FIND("@", e) + 1, n)') a company from the email domain;
'DATE(RIGHT(G2,4), MID(G2,4,2), LEFT(G2,2))' reads the day from the first two characters: a day-first date; LEFT and
MID/RIGHT around 'FIND(" ", …)' split a name at its space. A formula is parsed into its calls and arguments (quoted
strings kept whole), never read by pattern on its parentheses; one the editor cannot state is left as typed.
The field it is for is said before it ('country: =…', 'created_at =…', 'For email use =…', 'Wrap email in =…').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# where a formula starts: '=' and a function's name and its opening parenthesis
_START_RE = re.compile(r"=\s*([A-Z][A-Z0-9.]*)\s*\(")
# the field a formula is for, said just before it
_TARGET_RES = (
    # 'country: ', 'created_at ', 'Put this in country: '
    re.compile(
        r"(?:^|\n|[.;]\s+)\s*(?P<said>(?:(?:put|use|write|enter|paste|type|add)\s+(?:this|that|the\s+following|it)\s+"
        r"(?:in|into|for|as)\s+)?(?P<f>[A-Za-z][\w-]*(?:\s[A-Z][\w-]*)?))\s*:?\s*$",
        re.I,
    ),
    re.compile(r"\b(?:for|in)\s+(?:the\s+)?(?P<f>[A-Za-z][\w-]*)\s*(?:,\s*)?(?:use|apply|put|write)\s*$", re.I),
    re.compile(r"\b(?:wrap|put)\s+(?:the\s+)?(?P<f>[A-Za-z][\w-]*)\s+(?:in|into|through)\s*$", re.I),
    re.compile(r"\b(?:apply|use|run)\s*$", re.I),
)
# what a sheet says after the formula about copying it down the column: the import runs every row anyway
_FILL_DOWN_RE = re.compile(
    r"\s*,?\s*(?:(?:and\s+)?then\s+|and\s+)?(?:fill|copy|drag)\s+(?:it\s+|that\s+)?down(?:\s+(?:every|each|all(?:\s+the)?)"
    r"\s+rows?|\s+the\s+(?:whole\s+)?column|\s+all\s+the\s+way)?",
    re.I,
)
# a letter said to be a column: '(G is Signup Date)', 'G = Signup Date', 'column G is Signup Date'
_LETTER_RE = re.compile(
    r"\b(?:column\s+)?(?P<l>[A-Z]{1,2})\s+(?:is|=|means)\s+(?:the\s+)?(?P<c>[A-Z][\w-]*(?: [A-Z][\w-]*)?)"
    r"|\b(?P<c2>[A-Z][\w-]*(?: [A-Z][\w-]*)?)\s+is\s+(?:in\s+)?column\s+(?P<l2>[A-Z]{1,2})\b"
)
# a note or sentence that only says which column a letter is: it goes with the formula
_LETTER_NOTE_RE = re.compile(
    r"\(\s*(?:column\s+)?[A-Z]{1,2}\s+(?:is|=|means)\s+[^()\n]+\)"
    r"|(?:^|(?<=[.\n]))\s*[A-Z][\w-]*(?: [A-Z][\w-]*)?\s+is\s+(?:in\s+)?column\s+[A-Z]{1,2}\s*\.(?=\s|$)"
)
# a line that introduces the formula under it ('Read Signup Date the way this formula does (G is Signup Date):')
_INTRO_RE = re.compile(r"^[^\n=]{1,160}:\s*$")


@dataclass
class Call:
    """A function call of a formula: its name and its arguments (each a Call, a reference or a literal)."""

    name: str
    args: list[object]


@dataclass
class Ref:
    """A reference: a structured one ('[@country]', '[@[E-mail]]') or a cell ('G2')."""

    name: str


@dataclass
class Test:
    """A comparison: left, operator, right ('[@country]=""', 'LEN(x)=0')."""

    left: object
    op: str
    right: object


def formula_request(message: str) -> str:
    """The message with each formula it gives for a field said as the transform it names; as typed when none, or
    when one says no transform the editor has."""
    letters = {m["l"] or m["l2"]: m["c"] or m["c2"] for m in _LETTER_RE.finditer(message)}
    out, pos, changed = [], 0, False
    formulas = list(_formulas(message))
    for start, end, tree in formulas:
        if re.match(r"[^.!\n]*\?", message[end:]):  # a formula asked about is no request
            return message
        before = message[pos:start]
        target = None
        for target_re in _TARGET_RES:
            m = target_re.search(before)
            if m:
                target = m.groupdict().get("f")
                before = before[: m.start("said") if target_re is _TARGET_RES[0] else m.start()]
                break
        said = _said(tree, target, letters, [t for _, _, t in formulas])
        if said is None:
            return message
        if said == "":  # the second half of a split said once: its field goes with it ('and last_name =MID(…)')
            before = re.sub(r"^\s*(?:,|and)?\s*[\w-]*\s*$", " ", before)
        lines = before.rstrip().split("\n")
        if lines and _INTRO_RE.match(lines[-1].strip()) and "\n" in message[:start]:
            before = "\n".join(lines[:-1]) + "\n"
        out += [before, said]
        pos, changed = end, True
    if not changed:
        return message
    rest = _FILL_DOWN_RE.sub("", message[pos:], count=1) if _FILL_DOWN_RE.match(message[pos:]) else message[pos:]
    out.append(rest)
    text = _LETTER_NOTE_RE.sub("", "".join(out))
    return re.sub(r"[ \t]+", " ", re.sub(r"\.\s*\.", ".", text)).strip()


def _formulas(message: str) -> list[tuple[int, int, Call]]:
    """Each formula in the message: where it starts ('='), where it ends, and its parse."""
    found, pos = [], 0
    while (m := _START_RE.search(message, pos)) is not None:
        parsed = _Parser(message, m.start() + 1).expression()
        if parsed is None:
            pos = m.end()
            continue
        tree, end = parsed
        if isinstance(tree, Call):
            found.append((m.start(), end, tree))
        pos = end
    return found


class _Parser:
    """A small recursive reader of one formula: calls, references, strings, numbers, comparisons, '+'/'-'/'&'."""

    def __init__(self, text: str, pos: int) -> None:
        self.text, self.pos = text, pos

    def _skip(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t":
            self.pos += 1

    def expression(self) -> tuple[object, int] | None:
        left = self._term()
        if left is None:
            return None
        self._skip()
        while self.pos < len(self.text) and self.text[self.pos] in "+-&*":  # arithmetic: a call of its operator
            sign = self.text[self.pos]
            self.pos += 1
            right = self._term()
            if right is None:
                return None
            left = Call(sign, [left, right])
            self._skip()
        m = re.compile(r"<>|>=|<=|=|<|>").match(self.text, self.pos)
        if m:
            self.pos = m.end()
            right = self._term()
            if right is None:
                return None
            left = Test(left, m.group(), right)
        return left, self.pos

    def _term(self) -> object | None:
        self._skip()
        text, pos = self.text, self.pos
        if pos >= len(text):
            return None
        if text[pos] == '"':
            end = text.find('"', pos + 1)
            if end < 0:
                return None
            self.pos = end + 1
            return text[pos + 1 : end]
        m = re.compile(r"\[@?\[?([^\[\]]+)\]?\]").match(text, pos) or re.compile(r"([A-Z]{1,2}\d+)\b").match(text, pos)
        if m:
            self.pos = m.end()
            return Ref(m.group(1).strip())
        m = re.compile(r"(\d+(?:\.\d+)?)").match(text, pos)
        if m:
            self.pos = m.end()
            return m.group(1)
        m = re.compile(r"([A-Z][A-Z0-9.]*)\s*\(").match(text, pos)
        if not m:
            return None
        self.pos = m.end()
        args: list[object] = []
        self._skip()
        if self.pos < len(text) and text[self.pos] == ")":
            self.pos += 1
            return Call(m.group(1), args)
        while True:
            parsed = self.expression()
            if parsed is None:
                return None
            args.append(parsed[0])
            self._skip()
            if self.pos < len(text) and text[self.pos] == ",":
                self.pos += 1
                continue
            if self.pos < len(text) and text[self.pos] == ")":
                self.pos += 1
                return Call(m.group(1), args)
            return None


def _said(tree: Call, target: str | None, letters: dict[str, str], others: list[Call]) -> str | None:
    """The plain command one formula states for `target`; None when it states none the editor has."""
    column = lambda ref: letters.get(re.sub(r"\d+$", "", ref.name), ref.name)  # noqa: E731
    if tree.name == "LOWER" and len(tree.args) <= 1:
        field = target or (column(tree.args[0]) if tree.args and isinstance(tree.args[0], Ref) else None)
        return f"Lowercase {field}." if field else None
    if tree.name == "DATE" and len(tree.args) == 3:
        return _date_order(tree.args, column)
    if tree.name == "IF" and len(tree.args) == 3:
        return _if_blank(tree.args, target, column)
    if tree.name in ("LEFT", "MID", "RIGHT") and _cut_at_space(tree) is not None:  # a name cut at its space
        parts = [t for t in others if _cut_at_space(t) is not None]
        source = _cut_at_space(tree)
        if len(parts) == 2 and all(_cut_at_space(t) == source for t in parts) and source is not None:
            return "Split " + column(Ref(source)) + "." if tree is parts[0] else ""
    return None


def _date_order(args: list[object], column: object) -> str | None:
    """DATE(year, month, day) from cuts of one cell: the day's cut from the start is a day-first date."""
    cuts = []
    for arg in args:
        if not (isinstance(arg, Call) and arg.name in ("LEFT", "MID", "RIGHT") and arg.args):
            return None
        if not isinstance(arg.args[0], Ref):
            return None
        cuts.append((arg.name, arg.args[0].name))
    if len({ref for _, ref in cuts}) != 1:
        return None
    name = column(Ref(cuts[0][1]))  # type: ignore[operator]
    year, month, day = (kind for kind, _ in cuts)
    if year == "RIGHT" and day == "LEFT" and month == "MID":
        return f"{name} is day-first." if not re.fullmatch(r"[A-Z]{1,2}\d*", name) else "Dates are day-first."
    return None


def _blank_tested(cond: object) -> tuple[Ref, bool] | None:
    """The reference a condition tests for blank, and whether the test is 'is blank' (True) or 'is not' (False)."""
    if isinstance(cond, Call) and cond.name == "ISBLANK" and len(cond.args) == 1 and isinstance(cond.args[0], Ref):
        return cond.args[0], True
    if isinstance(cond, Call) and cond.name == "NOT" and len(cond.args) == 1:
        inner = _blank_tested(cond.args[0])
        return (inner[0], not inner[1]) if inner else None
    if isinstance(cond, Test):
        left, right = cond.left, cond.right
        if isinstance(left, Call) and left.name == "LEN" and len(left.args) == 1 and right == "0":
            left, right = left.args[0], ""
        if isinstance(left, Ref) and right == "" and cond.op in ("=", "<>", ">"):
            return left, cond.op == "="
    return None


def _if_blank(args: list[object], target: str | None, column: object) -> str | None:
    """IF(<R is blank>, then, else): a default, a fallback column or the email's domain when R is empty."""
    tested = _blank_tested(args[0])
    if tested is None:
        return None
    ref, is_blank = tested
    when_blank, otherwise = (args[1], args[2]) if is_blank else (args[2], args[1])
    if not (isinstance(otherwise, Ref) and otherwise.name == ref.name):
        return None
    name = column(ref)  # type: ignore[operator]
    field = target or name
    if isinstance(when_blank, str) and when_blank:
        return f"When {field} is empty, set it to '{when_blank}'."
    if isinstance(when_blank, Ref):
        return f"Use {column(when_blank)} for {field} when {name} is empty."  # type: ignore[operator]
    if _email_domain(when_blank):
        return f"When {name} is empty, take {field} from the email domain."
    return None


def _email_domain(expr: object) -> bool:
    """MID(e, FIND("@", e) + 1, n) or RIGHT(e, LEN(e) - FIND("@", e)): the part of e after its '@'."""
    if not (isinstance(expr, Call) and expr.name in ("MID", "RIGHT") and len(expr.args) >= 2):
        return False
    return _finds(expr.args[1], "@")


def _finds(expr: object, char: str) -> bool:
    """Whether a position is worked out from where `char` is found (FIND / SEARCH, within '+' / '-')."""
    if not isinstance(expr, Call):
        return False
    if expr.name in ("FIND", "SEARCH"):
        return expr.args[:1] == [char]
    return expr.name in ("+", "-", "LEN") and any(_finds(a, char) for a in expr.args)


def _cut_at_space(tree: Call) -> str | None:
    """The reference a LEFT / MID / RIGHT cuts at its first space (FIND(" ", R)); None when it is no such cut."""
    if len(tree.args) < 2 or not isinstance(tree.args[0], Ref):
        return None
    return tree.args[0].name if _finds(tree.args[1], " ") else None
