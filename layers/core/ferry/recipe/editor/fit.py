"""Whether a reading fits: the checks that turn a wrong change into a question (issue 13, round 5).

A wrong change is the worst outcome of an update, worse than a question, so three kinds of misreading are caught
after a clause is read, whatever family or wording read it:

- a denial over the whole command ("I don't want the website's domain for the email", "do not treat the phones as
  German"): when the clause without its denial reads as the very same change, the denial was not understood
  (`affirmed` gives the clause without it; the session compares the two changes);
- a question about the recipe said like a command ("Are duplicate emails dropped?", "can you tell me if the emails
  are lower-cased?"): `state_question` finds it, and nothing changes;
- a change that does not fit the names and values it touches (`misfit`, on the recipe before and after): a name
  split from a column that holds no names, letter case on a date, number or phone field, a value translated to
  itself, a row filter on a value its column never holds while another column does.

Imports: only `messages`, `steps`, the recipe model and the agent's name concepts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ferry.agent.enums import country_code
from ferry.agent.normalize import fold
from ferry.agent.synonyms import concepts_of
from ferry.core.domain import SheetManifest, Template, TemplateField
from ferry.recipe.editor.messages import SOMETHING_YOU_CAN, quote
from ferry.recipe.editor.steps import Question
from ferry.recipe.model import (
    Affix,
    Case,
    Coalesce,
    Concat,
    Default,
    FieldRecipe,
    FillFrom,
    MapValues,
    Op,
    Recipe,
    SplitName,
    TemplateRecipe,
    UrlToDomain,
)

# --- a denial over the whole command -------------------------------------------------------------------------

# the denial opens the clause ('don't ...', 'we never ...', 'I do not want ...', 'no need to ...'); one inside a
# condition ('use Mobile when Work Phone is not set') or after the command ('..., don't drop the row') is not it
_LEADING_DENIAL_RE = re.compile(
    r"^(?:(?:i|we|you)(?:'d)?\s+)?(?:really\s+|just\s+|also\s+|absolutely\s+)?"
    r"(?:do\s+not|don'?t|did\s+not|didn'?t|never|would\s+not|wouldn'?t|(?:would\s+)?rather\s+not|"
    r"not(?=\s+(?:all|every|each|any)\b)|"
    r"(?:there\s+is\s+|there'?s\s+)?no\s+need\s+to)\s+"
    r"(?:(?:want|need|wish|like)\s+(?:to\s+)?|ever\s+)?",
    re.I,
)
_CONDITION_WORD_RE = re.compile(r"\b(?:if|when|whenever|where|wherever|unless|once|in case|as long as)\b", re.I)
# 'X should not be ...', 'the emails must not be ...': a modal denied in the main clause
_MODAL_DENIAL_RE = re.compile(
    r"\b(?P<m>should|must|shall|will|can|may)(?:\s+not|n'?t)\b|\b(?P<cant>cannot|can'?t|won'?t|shan'?t)\b|"
    r"\b(?P<do>does|do|did)(?:\s+not|n'?t)\s+",
    re.I,
)
# 'Signup Date is not day-first', 'the phones are not from Germany': the copula denied in the main clause
_COPULA_DENIAL_RE = re.compile(r"\b(?P<m>is|are|was|were)\s+not\b|\b(?P<cant>isn'?t|aren'?t|wasn'?t|weren'?t)\b", re.I)
# 'If Organization is blank, don't use the email domain': the denial opens the command after its condition
_AFTER_CONDITION_RE = re.compile(r"^(?P<c>(?:if|when|whenever|where|unless)\b[^,]+,\s*(?:then\s+)?)(?P<rest>.+)$", re.I)
_MODAL_OF = {
    "cannot": "can",
    "can't": "can",
    "cant": "can",
    "won't": "will",
    "wont": "will",
    "shan't": "shall",
    "shant": "shall",
}


def affirmed(text: str) -> str | None:
    """The clause with the denial of its command taken out, or None when its command is not denied."""
    after = _AFTER_CONDITION_RE.match(text)
    if after is not None and (rest := affirmed(after.group("rest"))) is not None:
        return after.group("c") + rest
    m = _LEADING_DENIAL_RE.match(text)
    if m is not None:
        wanted = re.match(r"^(?:i|we)\b", text, re.I) and re.search(r"\b(?:want|need|wish|like)\b", m.group(0), re.I)
        rest = text[m.end() :]
        return (f"{text.split()[0]} want {rest}" if wanted else rest).strip() or None
    for pattern in (_MODAL_DENIAL_RE, _COPULA_DENIAL_RE):
        m = pattern.search(text)
        if m is None or _CONDITION_WORD_RE.search(text[: m.start()]) or len(text[: m.start()].split()) > 6:
            continue
        if m.groupdict().get("do"):  # 'the company doesn't come from ...' → 'the company come from ...'
            return f"{text[: m.start()]}{text[m.end() :]}".strip()
        said = m.group("cant").lower().replace("\u2019", "'") if m.group("cant") else ""
        verb = m.group("m") or _MODAL_OF.get(said) or re.sub(r"n'?t$", "", said)
        return f"{text[: m.start()]}{verb}{text[m.end() :]}".strip()
    return None


def denial_question(text: str) -> Question:
    return Question(
        topic="denied",
        text=(
            f"\u201c{text}\u201d says what should not happen, and the only reading I have would do it. "
            "What should change in the recipe?"
        ),
        context="Say what the recipe should do instead, or leave it as it is.",
        options=[("Leave the recipe as it is", None)],
    )


# the command denied is itself a removal ('we should not drop rows without an email'): a reading that removes is
# then the very change denied, not what the denial asks for
_REMOVAL_COMMAND_RE = re.compile(
    r"^(?:(?:i|we|you)\s+)?(?:(?:should|must|shall|will|can|may|want\s+to|need\s+to|would)\s+)?(?:really\s+)?"
    r"(?:drop|remove|delete|exclude|skip|filter\s+out|throw\s+(?:out|away)|dedupe|deduplicate|get\s+rid\s+of|"
    r"discard|leave\s+out)\b",
    re.I,
)


def denies_a_removal(positive: str) -> bool:
    """The clause without its denial commands a removal itself ('we should drop rows without an email')."""
    return _REMOVAL_COMMAND_RE.match(positive.strip()) is not None


def removes(before: Recipe, after: Recipe) -> bool:
    """The change drops rows or stops reading a column: what a denial most often asks for ('we don't take the
    rows without email', 'the test rows are not real'), so such a reading of a denied clause is kept."""
    old = {tr.sheet_id: tr for tr in before.templates}
    for tr in after.templates:
        was = old.get(tr.sheet_id)
        if was is None:
            continue
        if len(tr.filters) > len(was.filters) or (tr.dedup is not None and was.dedup is None):
            return True
        for fr in was.fields:
            now = next((f for f in tr.fields if f.field == fr.field), None)
            if now is not None and set(fr.source_columns()) - set(now.source_columns()):
                return True
    return False


# --- a question about the recipe said like a command ---------------------------------------------------------

_STATE_QUESTION_RE = re.compile(
    r"^(?:(?:so|and|but|ok|okay|hi|hello|hey|also|just curious|quick question)[,:]?\s+)*"
    # round 33: what the question is about, set before it ('Where a row has no X, does …?', 'For F, is …?', 'F: is
    # …?') asks about the recipe all the same; a command set after such a frame has no auxiliary to open with
    r"(?:(?:when|whenever|where|wherever|if|for|in|on|with|after|once)\b[^,:?]{0,80},\s*|[^,:?]{1,40}:\s*)?"
    r"(?:is|are|was|were|does|do|did|has|have|had|will(?!\s+you\b)|should\s+(?:i|we)|shall\s+(?:i|we)|what\s+if|why|how\s+come|"
    r"(?:can|could)\s+you\s+(?:tell|show)\s+me|do\s+you\s+know|i\s+wonder\s+(?:whether|if)\s+(?:the\s+)?\w+\s+"
    r"(?:is|are|was|were|get|gets))\b"
    r"(?!\s+(?:you\s+mind|it\s+possible|there\s+a\s+way|you\s+think\s+you\s+could|me\s+a\s+favou?r|not\b|"
    # 'Is that something you can change?': a request for what was just said, put as a question
    rf"{SOMETHING_YOU_CAN}))"
    r"[^?]*\?+\s*$",
    re.I,
)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+|[;\n]+")


# a request that asks for an opinion on itself ('can Mobile be the phone, or is that a bad idea?', '... what do you
# think?') or is said to be only a question ('Could the Mobile be the phone? Just asking') asks, it does not command
_OPINION_TAG_RE = re.compile(
    r"(?:^|[,;\s])\s*(?:or\s+(?:is|would)\s+(?:that|it|this)\s+(?:be\s+)?(?:a\s+)?(?:bad|good|dumb|silly|terrible|stupid)"
    r"\s+idea|what\s+do\s+you\s+think|would\s+that\s+(?:make\s+sense|work|be\s+(?:ok|okay|wise|better))|"
    r"does\s+that\s+make\s+sense|(?:good|bad)\s+idea|any\s+thoughts|thoughts|is\s+that\s+(?:ok|okay|wise|smart|right|"
    r"a\s+good\s+idea))\s*\?+\s*$",
    re.I,
)
# a question asked at the end or from the start ('the Website domain, is it used for missing emails?', 'Signup
# Date day first, correct?', 'how do I roll back?', 'which country do rows without Land get, US?')
_CLOSING_QUESTION_RE = re.compile(
    r"[,;]\s*(?:(?:does|do|is|are|did|was|were)\s+(?:it|that|this|they)\b[^?,]*|right|correct|true)\s*\?+\s*$|"
    r"^(?:what|which|how|who)(?:\s+\w+)?\s+(?:do|does|did|is|are|was|were|will|happens?|gets?)\b[^?]*\?+\s*$",
    re.I,
)
_ONLY_ASKING_RE = re.compile(r"^(?:just\s+)?(?:asking|curious|wondering)(?:\s+for\s+a\s+friend)?[.!]*$", re.I)


def state_question(message: str) -> str | None:
    """The last sentence of a message when it asks how the recipe is ('Are duplicates dropped?') rather than
    asking for a change ('Could you drop duplicates?'): a question is answered by clarify, never applied."""
    sentences = [s.strip() for s in _SENTENCE_END_RE.split(message.strip()) if s.strip()]
    if not sentences:
        return None
    last = sentences[-1]
    if _OPINION_TAG_RE.search(last):
        return last
    if len(sentences) > 1 and _ONLY_ASKING_RE.match(last) and sentences[-2].endswith("?"):
        return sentences[-2]
    return last if _STATE_QUESTION_RE.match(last) or _CLOSING_QUESTION_RE.search(last) else None


def state_question_asked(sentence: str) -> Question:
    return Question(
        topic="question",
        text=(
            f"\u201c{sentence}\u201d reads as a question, so nothing changed. Should the recipe change? Say it as an "
            "instruction (for example \u201cdrop duplicate emails\u201d)."
        ),
        context="Questions about the preview (where a field comes from, how many rows drop, ...) go to clarify.",
        options=[("Leave the recipe as it is", None)],
    )


# --- a change that does not fit what it touches ---------------------------------------------------------------

# letter case never fits these: a date, number or phone has none, and an enum's values are spelled by the template
_NO_CASE_TYPES = frozenset({"date", "datetime", "number", "integer", "boolean", "phone", "enum"})
_NAME_WORD_RE = re.compile(r"^[^\W\d_][\w'\u2019.-]*$")


def misfit(
    before: Recipe, after: Recipe, templates: dict[str, Template], sheets: dict[tuple[str, str], SheetManifest]
) -> str | None:
    """Why the change from `before` to `after` does not fit the columns and values it touches, or None."""
    old = {tr.sheet_id: tr for tr in before.templates}
    for tr in after.templates:
        template = templates.get(tr.sheet_id)
        sheet = sheets.get((tr.source.file_id, tr.source.sheet_id))
        if template is None or sheet is None:
            continue
        samples = {c.name: [s for s in c.samples if s.strip()] for c in sheet.columns}
        was = old.get(tr.sheet_id)
        for fr in tr.fields:
            prior = next((f for f in was.fields if f.field == fr.field), None) if was else None
            why = column_misfit(template, fr, prior, samples)
            if why:
                return why
            for op in _new_ops(prior, fr):
                why = _op_misfit(template, fr, op, prior, samples)
                if why:
                    return why
        why = _filter_misfit(tr, was, samples)
        if why:
            return why
    return None


_INSTEAD_OF_RE = re.compile(
    r"\b(?:instead of|rather than|in place of|not from)\s+(?:the\s+)?(?P<col>.+?)\s*(?:column)?\s*[.!]*$", re.I
)


def instead_kept(text: str, before: Recipe, after: Recipe) -> str | None:
    """The clause says a field's value comes from somewhere 'instead of' a column, yet the change it was read as
    keeps that column first for the field it changed ('should come from Website instead of E-mail' read as a
    fallback to Website's domain): the change is not the one asked for."""
    m = _INSTEAD_OF_RE.search(text)
    if m is None:
        return None
    named = m.group("col").strip().lower()
    old = {tr.sheet_id: {f.field: f for f in tr.fields} for tr in before.templates}
    for tr in after.templates:
        for fr in tr.fields:
            prior = old.get(tr.sheet_id, {}).get(fr.field)
            changed = prior is None or prior.model_dump() != fr.model_dump()
            if changed and fr.column is not None and fr.column.lower() == named:
                return f"{fr.field} still comes from {fr.column!r} first, and the message asks for it instead of that"
    return None


# rows picked by their place in the file ('for the first 10 rows', 'row 12', 'the 3rd record'): a recipe acts on
# every row alike, so a change read without that scope would reach rows the message left out
_POSITION_RE = re.compile(
    r"\b(?:(?:first|last|top|bottom|next|other)\s+\d+\s+(?:rows|lines|records|entries|contacts)|"
    r"(?:rows?|lines?|records?)\s+(?:#\s*|no\.?\s*|number\s+)?\d+|\d+(?:st|nd|rd|th)\s+(?:row|line|record))\b",
    re.I,
)


def position_scope(text: str) -> str | None:
    """The clause limits its change to rows at some place in the file, which no recipe step can say."""
    m = _POSITION_RE.search(text)
    if m is None:
        return None
    return f"the recipe treats every row alike, and cannot limit a change to {quote(m.group(0))}"


def unused_columns(named: list[str], before: Recipe, after: Recipe) -> str | None:
    """The clause names a column that the change it was read as neither reads nor stops reading ('email from
    Website or Organization' read as Website's domain alone, 'Mobile and Work Phone: use it'): a part of the
    message was left out of the reading, so it is not the change asked for."""
    old = {tr.sheet_id: tr for tr in before.templates}
    used: set[str] = set()
    for tr in after.templates:
        was = old.get(tr.sheet_id)
        prior = {f.field: f for f in was.fields} if was else {}
        column_of = {f.field: f.column for f in tr.fields if f.column}
        for fr in tr.fields:
            p = prior.get(fr.field)
            if p is None or p.model_dump() != fr.model_dump():
                used |= set(fr.source_columns()) | set(p.source_columns() if p else [])
        known = [f.model_dump() for f in was.filters] if was else []
        for f in tr.filters:
            if f.model_dump() not in known:
                used |= {c for c in (f.column, column_of.get(f.field or "")) if c}
        if tr.dedup is not None and (was is None or was.dedup != tr.dedup):
            used |= {column_of[k] for k in tr.dedup.keys if k in column_of}
    left = [c for c in dict.fromkeys(named) if c not in used]
    if not left or not used:
        return None
    return f"the message names {' and '.join(quote(c) for c in left)}, which that change does not use"


def _new_ops(prior: FieldRecipe | None, fr: FieldRecipe) -> list[Op]:
    known = [op.model_dump() for op in prior.ops] if prior else []
    same_column = prior is not None and prior.column == fr.column
    return [op for op in fr.ops if not (same_column and op.model_dump() in known) or isinstance(op, MapValues)]


_VERB_FIRST_RE = re.compile(r"^(?:put|use|set|make|fill|take|write|enter|give|add|mark)\s+\S", re.I)


def _op_misfit(
    template: Template, fr: FieldRecipe, op: Op, prior: FieldRecipe | None, samples: dict[str, list[str]]
) -> str | None:
    spec = next((f for f in template.fields if f.key == fr.field), None)
    if isinstance(op, SplitName) and fr.column and not _holds_names(fr.column, samples.get(fr.column, [])):
        shown = samples.get(fr.column, [])[:1]
        example = f" (e.g. {quote(shown[0])})" if shown else ""
        return f"'{fr.column}' does not hold people's names{example}, so it cannot be split into first and last name"
    if (why := _shape_misfit(spec, fr, op, samples)) is not None:
        return why
    if isinstance(op, Default) and _VERB_FIRST_RE.match(op.value):
        # 'Organization empty: put US' read as the text 'put US': the verb of the command went into the value
        return f"{quote(op.value)} reads like an instruction, not a {fr.field} value"
    if not isinstance(op, SplitName | Case | MapValues):
        return None
    if isinstance(op, Case) and spec is not None and spec.type in _NO_CASE_TYPES:
        return f"{fr.field} is a {spec.type} field, so letter case does not apply to it"
    if isinstance(op, MapValues) and spec is not None and spec.values:
        before = next((o.mapping for o in (prior.ops if prior else []) if isinstance(o, MapValues)), {})
        held = {fold(s) for c in fr.source_columns() for s in samples.get(c, [])}
        for source, target in op.mapping.items():
            if source in before or target is None:
                continue
            if fold(source) == fold(target) and fold(source) not in held:
                return (
                    f"{quote(source)} is already a {fr.field} value and not one the file holds, so translating it "
                    "to itself changes nothing"
                )
            if fold(source) not in held and fold(source) in {fold(v) for v in spec.values}:
                return (
                    f"{quote(source)} is already a {fr.field} value and not one the file holds (it holds "
                    f"{', '.join(quote(v) for v in sorted(held)[:4])}), so there is nothing to translate"
                )
            swallowed = [
                s
                for c in fr.source_columns()
                for s in samples.get(c, [])
                if fold(source).startswith(f"{fold(s)} ") or fold(source).endswith(f" {fold(s)}")
            ]
            if fold(source) not in held and swallowed:
                # 'Kunde corresponds to customer' read as the value 'Kunde corresponds': a word of the sentence
                # went into a value the file holds
                return (
                    f"{quote(source)} is not a value the file holds, though {quote(swallowed[0])} is, so the other "
                    "words may not belong to it"
                )
            if fold(source) not in held and _COMMAND_WORD_RE.search(source):
                return (
                    f"{quote(source)} is not a value the file holds and reads like an instruction, so it is not "
                    f"a {fr.field} value to translate"
                )
    return None


# a field whose values have a shape of their own: text put around them or two columns joined never fits it
_SHAPED_TYPES = frozenset({"date", "datetime", "number", "integer", "boolean", "phone", "email", "enum"})
_DOMAINISH_RE = re.compile(r"@|^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$", re.I)


def _shape_misfit(spec: TemplateField | None, fr: FieldRecipe, op: Op, samples: dict[str, list[str]]) -> str | None:
    """Text put before or after an enum ('+49 in front of the country'), the name of a column put as text
    ('append the Notes to the company' read as the word 'Notes'), two columns joined into a field with a shape
    ('combine Mobile and Work Phone into phone'), a domain taken from a column holding no address or web link."""
    if isinstance(op, Affix):
        said = f"{op.prefix}{op.suffix}".strip(" ,;:-")
        if fold(said) in {fold(c) for c in samples}:
            return f"{quote(said)} is the name of a column, and the change would add it to {fr.field} as text"
        if spec is not None and spec.values:
            return f"{fr.field} only takes the values {', '.join(spec.values)}, so text around them does not fit"
    if isinstance(op, Concat) and spec is not None and spec.type in _SHAPED_TYPES and len(op.columns()) > 1:
        return f"{fr.field} is a {spec.type} field, so joining {' and '.join(op.columns())} does not give one value"
    if isinstance(op, FillFrom) and any(isinstance(o, UrlToDomain) for o in op.ops):
        values = samples.get(op.column, [])
        if values and not any(_DOMAINISH_RE.search(v.strip()) for v in values):
            return f"'{op.column}' holds values like {quote(values[0])}, no web or e-mail address to take a domain from"
    return None


# words of an instruction, never of a value to translate ('country: fill blanks with US' is a default, not a
# translation of 'fill blanks')
_COMMAND_WORD_RE = re.compile(
    r"\b(?:fill|filled|blank|blanks|empty|missing|default|set|use|when|if|otherwise|else|none|null|replace)\b", re.I
)


def column_misfit(
    template: Template, fr: FieldRecipe, prior: FieldRecipe | None, samples: dict[str, list[str]]
) -> str | None:
    """A column newly read by a phone, email or date field whose values are not phone numbers, addresses or dates
    ('map Signup Date to phone'), unless its name stands for that field."""
    spec = next((f for f in template.fields if f.key == fr.field), None)
    if spec is None:
        return None
    looks = _LOOKS.get(spec.type)
    if spec.type == "string" and not spec.values:
        return _typed_into_text(fr, prior, samples)
    if spec.values:  # an enum: some value of the column must be one it allows ('US', 'Deutschland' for DE)
        allowed = frozenset(fold(v) for v in spec.values)

        def looks(value: str) -> bool:
            return fold(value) in allowed or fold(country_code(value) or "") in allowed

    if looks is None:
        return None
    used = [] if prior is None else prior.source_columns()
    raw = [fr.column] if fr.column else []  # read as they are (a fill from a column's domain is not)
    raw += [c for op in fr.ops if isinstance(op, Coalesce) for c in op.columns()]
    for column in raw:
        values = samples.get(column, [])
        if column in used or not values or concepts_of(column).get(fr.field, 0.0) >= 0.8:
            continue
        fitting = sum(1 for v in values if looks(v))
        if (fitting == 0) if spec.values else (fitting * 2 <= len(values)):
            return f"'{column}' holds values like {quote(values[0])}, not {spec.type} values for {fr.field}"
    return None


def _typed_into_text(fr: FieldRecipe, prior: FieldRecipe | None, samples: dict[str, list[str]]) -> str | None:
    """A text field newly read, as it is, from a column whose every value is a date, phone number or address
    ('company from Signup Date'), unless its name stands for the field."""
    used = [] if prior is None else prior.source_columns()
    raw = [fr.column] if fr.column and all(o.op in ("trim", "null_tokens") for o in fr.ops) else []
    for column in raw:
        values = samples.get(column, [])
        concepts = concepts_of(column)
        if column in used or not values or concepts.get(fr.field, 0.0) >= 0.8:
            continue
        other = [k for k, w in concepts.items() if w >= 0.8 and k in _NOT_NAMES]
        if other:  # 'company from Land': a column whose name says it holds another field's values
            return f"'{column}' holds {other[0]} values like {quote(values[0])}, not {fr.field} values"
        for kind, looks in (("date", _dateish_strict), ("phone", _phoneish), ("e-mail", lambda v: "@" in v)):
            if all(looks(v) for v in values):
                return f"'{column}' holds {kind} values like {quote(values[0])}, not {fr.field} values"
    return None


def _dateish_strict(value: str) -> bool:
    return bool(re.fullmatch(r"\s*\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}\s*", value))


def _phoneish(value: str) -> bool:
    return sum(c.isdigit() for c in value) >= 6 and not re.search(r"[^\d\s+().\-]", value)


def _dateish(value: str) -> bool:
    return bool(re.search(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}|\d{4}|\b\d{1,2}\s+[a-z]{3,}", value, re.I))


_LOOKS = {"phone": _phoneish, "email": lambda v: "@" in v, "date": _dateish, "datetime": _dateish}


# what a column's name can say it holds that is never a person's name
_NOT_NAMES = ("company", "email", "phone", "mobile", "website", "created_at", "country", "status", "city", "address")


def _holds_names(column: str, values: list[str]) -> bool:
    """A column of people's names: its name says so, or most of its values are two to four capitalised words."""
    concepts = concepts_of(column)
    if concepts.get("full_name", 0.0) >= 0.8:
        return True
    if any(concepts.get(k, 0.0) >= 0.8 for k in _NOT_NAMES):  # 'Organization': 'Acme Inc' is no person
        return False
    if not values:
        return False
    named = 0
    for value in values:
        words = value.split()
        if 2 <= len(words) <= 4 and all(_NAME_WORD_RE.match(w) for w in words) and words[-1][:1].isupper():
            named += 1
    return named * 2 > len(values)


def _filter_misfit(tr: TemplateRecipe, was: TemplateRecipe | None, samples: dict[str, list[str]]) -> str | None:
    known = [f.model_dump() for f in was.filters] if was else []
    for f in tr.filters:
        if f.model_dump() in known or f.column is None or f.op not in ("eq", "ne", "in", "not_in"):
            continue
        values = f.value if isinstance(f.value, list) else [f.value or ""]
        held = {fold(s) for s in samples.get(f.column, [])}
        for value in values:
            if fold(value) in held:
                continue
            if fold(value) in {fold(c) for c in samples}:  # 'where Lifecycle is Mobile': a column, not a value
                return f"{quote(value)} is the name of a column, not a value of '{f.column}'"
            elsewhere = [c for c, vs in samples.items() if c != f.column and fold(value) in {fold(v) for v in vs}]
            if elsewhere:
                return f"{quote(value)} is not a value of '{f.column}' but of '{elsewhere[0]}'"
    return None


def misfit_question(text: str, why: str) -> Question:
    return Question(
        topic="misfit",
        text=f"I read \u201c{text}\u201d as a change that does not fit: {why}. What should change in the recipe?",
        context="Name the column or field you mean, or leave the recipe as it is.",
        options=[("Leave the recipe as it is", None)],
    )


def changed_fields(before: Recipe, after: Recipe) -> set[tuple[str, str]]:
    """The (template, field) pairs whose recipe the change altered."""
    old = {tr.sheet_id: {f.field: f.model_dump() for f in tr.fields} for tr in before.templates}
    return {
        (tr.sheet_id, fr.field)
        for tr in after.templates
        for fr in tr.fields
        if old.get(tr.sheet_id, {}).get(fr.field) != fr.model_dump()
    }


def unmaps_touched(before: Recipe, after: Recipe, touched: set[tuple[str, str]]) -> str | None:
    """The change stops reading every column of a field an earlier instruction of the same message just changed
    ('Lowercase the emails. Drop them.'): the second most likely means something else (the rows), so it is asked."""
    old = {tr.sheet_id: {f.field: f for f in tr.fields} for tr in before.templates}
    for tr in after.templates:
        for field, was in old.get(tr.sheet_id, {}).items():
            if (tr.sheet_id, field) not in touched or not was.source_columns():
                continue
            now = next((f for f in tr.fields if f.field == field), None)
            if now is None or not now.source_columns():
                return f"it would stop importing {field}, which an earlier instruction in this message just changed"
    return None


# what a command sets is named before 'to' ('Set the email domain to the Organization', 'Default the country to US
# if the phone starts with +1'): a change read from it that alters none of those fields is not the one asked for
_SET_OBJECT_RE = re.compile(
    r"^(?:(?:please|just|now|then)\s+)?(?:set|default|change|make|turn|switch|update|point)\s+(?P<obj>.+?)\s+"
    r"(?:to|as|into)\s+\S",
    re.I,
)


def set_object(text: str) -> str | None:
    """The words naming what a 'set … to …' command sets, or None when the clause is no such command."""
    m = _SET_OBJECT_RE.match(text.strip())
    return m["obj"] if m else None


def object_missed(named: set[str], changed: set[str]) -> str | None:
    """The fields the command's object names, against the fields the change it was read as altered."""
    if not named or not changed or named & changed:
        return None
    return (
        f"the message sets {' and '.join(sorted(named))}, and the change it reads as alters "
        f"{' and '.join(sorted(changed))} instead"
    )


_OR_RE = re.compile(r"\bor\b", re.I)
# a word that says which source comes first: 'A, or B if it is empty', 'A ?? B', 'prefer A, or else B'
_ORDER_WORD_RE = re.compile(
    r"\b(?:fall\s*back|falling back|fallback|else|otherwise|if|when|where|whenever|empty|blank|missing|first|then|"
    r"instead|backup|prefer\w*|failing)\b|\?\?|\|\|",
    re.I,
)


def or_unordered(text: str, before: Recipe, after: Recipe) -> str | None:
    """'Notes or Organization for company': a bare 'or' between a new column and the field's own one, read as the
    new one first with the old as its fallback; 'or' does not say which comes first, so it is asked."""
    if not _OR_RE.search(text) or _ORDER_WORD_RE.search(text):
        return None
    old = {tr.sheet_id: {f.field: f for f in tr.fields} for tr in before.templates}
    for tr in after.templates:
        for fr in tr.fields:
            prior = old.get(tr.sheet_id, {}).get(fr.field)
            if prior is None or prior.column is None or fr.column in (None, prior.column):
                continue
            if prior.column in fr.source_columns():
                return (
                    f"'or' does not say whether {quote(fr.column or '')} or {quote(prior.column)} comes first "
                    f"for {fr.field}"
                )
    return None


# a topic of two names and one pronoun after it ('Mobile and Work Phone: use it', 'Website and E-mail: take the
# domain from it'): which of the two 'it' means is not said
_TWO_TOPICS_RE = re.compile(
    r"(?:^|(?<=[.!?;]\s))(?P<a>[^,:;.!?]+?)\s+(?:and|&|or|/|plus)\s+(?P<b>[^,:;.!?]+?)\s*(?:[:,]|\s-\s|\u2014)\s*"
    r"(?P<rest>[^.!?;]*\b(?:it|its|that one|this one)\b[^.!?;]*)",
    re.I,
)


def two_topics(text: str, one_name: Callable[[str], str | None]) -> str | None:
    """Why a singular pronoun after a topic of two names cannot be read, or None (`one_name` gives the single column
    or field a phrase names)."""
    for m in _TWO_TOPICS_RE.finditer(text):
        a, b = one_name(m["a"]), one_name(m["b"])
        if a is not None and b is not None and a != b:
            return f"\u201c{m['rest'].strip()}\u201d could be about {quote(a)} or {quote(b)}"
    return None


# the request taken back at the end of the message ('Lowercase the emails, uh, actually no', '…, scratch that')
_RETRACTED_RE = re.compile(
    r"[,;.!?]\s*(?:(?:uh|um|er|hmm|well|oh|wait|actually|sorry|hang on)[,\s]+)*(?:no|nope|nah|scratch that|"
    r"never\s?mind|forget (?:it|that)|(?:just )?(?:kidding|joking)|jk|cancel that|don't|no need to|"
    r"terrible|awful|horrible|no way|bad idea|absolutely not|hell no)\s*[.!]*\s*$|"
    # another language's 'no', also after a colon ('lowercase the emails? nicht', '…: non merci', '…, kein Bedarf');
    # 'Notes: nah.' is the answer for a column, so English words after a colon are no retraction
    r"[,;:.!?]\s*(?:nicht|nein|nee|non|nej|niet|não|nao|jamais|nunca|nie|kein)(?:\s+\w+)?\s*[.!]*\s*$",
    re.I,
)


def retracted(message: str) -> str | None:
    """Why nothing may change: the message ends by taking its request back."""
    m = _RETRACTED_RE.search(message.strip())
    return None if m is None else f"the message ends with {quote(m.group(0).strip(' ,;.!?'))}, taking it back"


# a change said of another time or as a supposition ('Previously, phones … were German', 'after the audit, remove
# …', 'In theory, rows … could be dropped', 'Signup Date was day first in the old system'), or judged absurd
# ('Dropping rows without email would be a disaster'): nothing is asked for now
_NOT_NOW_RE = re.compile(
    r"^\W*(?:previously|formerly|in the past|in theory|theoretically|hypothetically|after (?:the|go-live|launch)\b|"
    r"once (?:we|the)\b|todo\b|as if\b|yeah,? right\b|last time\b(?!.*\b(?:this time|now)\b))|"
    r"\b(?:in the (?:old|previous) \w+|in (?:19|20)\d\d|used to|"
    r"makes no sense|would be (?:a )?(?:disaster|mistake|terrible|bad idea|nightmare))\b",
    re.I,
)


def not_now(message: str) -> str | None:
    """Why nothing may change: the message speaks of another time, supposes, or calls the change absurd."""
    m = _NOT_NOW_RE.search(message.strip())
    return None if m is None else f"{quote(m.group(0).strip(' ,;.!?'))} asks for no change now"


# what happens now, said in the passive, and what should happen 'instead' ('contacts with no email get dropped, pls
# generate one from their website domain instead'): the passive is the complaint, not a removal asked for
_STATUS_REPLACED_RE = re.compile(
    r"\b(?:get|gets|got|are|is|were|was|being|keep\s+getting)\s+(?:(?:just|simply|all|silently)\s+)?(?:dropped|removed|"
    r"deleted|lost|skipped|excluded|thrown\s+away|thrown\s+out|discarded)\b(?P<rest>.*)\binstead\b(?!\s+of\b)",
    re.I | re.S,
)


def status_replaced(message: str) -> str | None:
    """Why nothing may change yet: a removal said as what happens now, with the request for something else
    'instead' beside it; read clause by clause, the complaint would become the very removal it objects to."""
    m = _STATUS_REPLACED_RE.search(message)
    if m is None or not re.search(r"[,;.:]|\b(?:so|but|and|please|pls)\b", m["rest"]):
        return None
    return "the message says what is dropped now and asks for something else instead"


# every repeated row kept ('Emails repeat, keep them all'): a dedup is the opposite of what is asked
_KEEP_ALL_RE = re.compile(
    r"\bkeep\w*\s+(?:them\s+all|all(?:\s+of\s+them)?|both(?:\s+of\s+them)?|them\s+both|every\s*(?:one|thing)|"
    r"each(?:\s+one)?|the\s+duplicates|the\s+doubles)\b",
    re.I,
)


def keeps_all(message: str, before: Recipe, after: Recipe) -> str | None:
    """The change sets or alters a dedup while the message asks to keep every repeated row."""
    was = {tr.sheet_id: tr.dedup for tr in before.templates}
    deduped = any(tr.dedup is not None and tr.dedup != was.get(tr.sheet_id) for tr in after.templates)
    if not deduped or _KEEP_ALL_RE.search(message) is None:
        return None
    return "it would drop repeated rows, and the message asks to keep them all"
