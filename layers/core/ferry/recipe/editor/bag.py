"""The bag reading: a whole message no clause-by-clause reading understood, read from the names it holds and one
relation word of an instruction family, in any order and with any filler around them (issue 13, round 17).

Fresh voices mostly fail on the wording around an instruction, not on what it names: "Flush the capitals out of the
emails, all lower case", "rows.dedupe(key='email', keep='first')", "Notes column is not on-brand for this import,
let's leave it out". Each `Relation` below says which names one row's change needs (one field, one column, a field
and a value, ...) and the cue words of its family; when the message names exactly those, says one family's cue and
nothing the guards reject, the plain command is read by the families and applied by the session, so every misfit
check of `fit` still runs. A message that names anything else, fits two relations, denies or hedges, or asks about
rows by position is left not understood: a wrong change is worse than a question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ferry.recipe.editor.fallback import Entities, entities, marked
from ferry.recipe.editor.fit import position_scope
from ferry.recipe.editor.helpers import ADJECTIVES
from ferry.recipe.editor.resolver import PRONOUNS, Ctx

# a hedge, a doubt or a retraction anywhere: the message is not a plain request, so no guess is made
_HEDGE_RE = re.compile(
    r"\b(?:maybe|perhaps|might|not sure|unsure|wonder\w*|should we|shall we|whether|kidding|joking|jk|"
    r"never ?mind|wait|hold on|on second thought|or not|if possible|what if|instead of|rather than|except|but|"
    r"as (?:they|it) (?:are|is)|(?:is|are) fine|already|sorry,?\s+no|leave it(?!\s+out)|scratch that|forget it|"
    r"actually)\b|"
    # a change for some rows only ('day first for the German contacts only'): the recipe treats every row alike
    r"\b(?:for|in|on)\s+(?:the\s+|all\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:contacts|rows|records|entries|people|"
    r"customers|ones|leads)\b",
    re.I,
)
# other languages' 'no' said in English ('lowercase the emails? nicht', 'ne pas lowercase'), and disapproval
_NEGATION_RE = re.compile(
    r"\b(?:not|never|no|nor|none|nothing|without|nah|nope|nicht|nein|kein\w*|pas|jamais|non|nie|niet|nee|não|nao|"
    r"nej|nunca|nada|avoid\w*|refrain\w*|forbid\w*|wrong|mistake|disaster|terrible|bad idea)\b|n't\b",
    re.I,
)
# a message that asks for no change now, whatever it names (issue 13, the second hunt): a question ('emails in
# lower case, right?', 'who decided …'; a request said as one, 'could you …?', is none), words heard ('I heard
# …'), a supposition ('imagine', 'in theory', 'what could go wrong'), talk about the change ('explain', 'remind me',
# 'the backlog'), the change skipped ('skip lowercasing'), or its cue word naming people or a tool ('the lowercase
# team', 'the undo button'). Narrow on purpose: 'the client says the dates are day first', 'it would be great if
# …', 'supposed to be lower case' are requests.
_NOT_NOW_RE = re.compile(
    r"^(?!.*\b(?:could|can|would|will|shall) (?:you|u|ya|we|i)\b)(?!.*\b(?:please|pls|plz|mind|possible|chance)\b)"
    r".*\?\s*$|^\W*(?:who|why|which|what(?! about)|how(?! about))\b|"
    r"\b(?:(?:i|we)\s+(?:heard|hear|was told|were told)|said (?:no one|nobody)|(?:could|might) (?:go|ever)|"
    r"imagine|suppose|supposing|hypothetic\w*|in theory|theoretically|as if|yeah right|like (?:that|this|it)"
    r"(?:'ll| will)|explain\w*|remind|backlog|todo|to-do|pros and cons|looks? (?:worse|uglier)|"
    r"skip\w* (?:the )?\w+ing|(?:lower[\s-]?case|dedup\w*|day[\s-]?first|undo|revert|roll-?back|german|"
    r"duplicates?|domain|default) (?:team|crew|folks|crowd|squad|desk|department|button|feature|shortcut|menu|"
    r"people|guys?))\b",
    re.I,
)
# another time than this import ('once we switch CRMs', 'used to', 'next quarter', '… in the pilot'),
# unless the message turns to now ('Last time … This time build the email …'); 'more than once' is no time, and
# 'later' only when said of the thing changed ('lower case them in the CRM later'; not 'the month later', 'talk
# later')
# ('used to', 'in 2022', 'in the old CRM' anywhere in a message are `fit.not_now`'s, checked before any reading)
_OTHER_TIME_RE = re.compile(
    r"\b(?:once (?:we|the|our|they)|until|till|eventually|someday|some day|"
    r"(?:it|them|that|this|those|these|emails?)\s+(?:\w+\s+){0,3}?later|"
    r"tomorrow|yesterday|previously|formerly|(?:we|i|they|someone|somebody) (?:will|won't)|(?:we|i|they)'ll|"
    r"(?:next|last) (?:time|week|month|quarter|year|import|run|sprint)|in the (?:past|future|pilot)|"
    r"after (?:we|go-live|launch))\b",
    re.I,
)
_NOW_RE = re.compile(r"\b(?:this time|from now on|now|going forward|today)\b", re.I)
# 'that wasn't right', 'not what I wanted': a judgement of the last change, no denial of the command
_JUDGED_RE = re.compile(
    r"\b(?:was|is|were|it's|that's)?\s*(?:n't|not)\s+(?:right|correct|ok|okay|good|what i (?:wanted|meant|asked))\b",
    re.I,
)
_LEADING_DENIAL_RE = re.compile(r"^(?:please\s+|pls\s+|just\s+)?(?:don't|do not|dont|never|no need to|stop)\b", re.I)
_UNDO_OBJECT_RE = re.compile(
    r"\b(?:undo|revert\w*|roll\s*back)\s+(?:the|my|our|your|a|an|this)\s+(?P<noun>[\w-]+)", re.I
)
_UNDONE = frozenset(
    {"change", "changes", "edit", "edits", "last", "latest", "previous", "step", "update", "version", "mapping"}
)
_JOINED_RE = re.compile(r"(?<=[a-z])[_.](?=[a-z])")
_ROWS_RE = re.compile(r"\b(?:rows?|records?|contacts?|entries|entry|lines?|people|persons?)\b", re.I)
_CONDITION_RE = re.compile(r"\b(?:if|when|whenever|where|wherever|unless|only|otherwise|else|fallback)\b", re.I)
_MISSING_RE = re.compile(
    r"\b(?:no|without|missing|lacking|lack|lacks|empty|blank|absent|null|none|nothing|unknown|not (?:having|given|"
    r"filled|set|known)|(?:is|are|was|were) not having|(?:has|have|had|gives?|gave) no|(?:doesn't|don't|didn't|"
    r"does not|did not) (?:have|say|give|tell|fill in)|don't have|isn't any|aren't any|"
    r"left (?:it )?(?:blank|empty|out))\b",
    re.I,
)
_CASE_LOWER_RE = re.compile(
    r"\blower[\s-]?cas\w*|\blowercas\w*|\bsmall letters?\b|\bno (?:capital|caps|upper)\w*(?: letters?)?|"
    r"\b(?:capitals?|caps|upper\s*case\w*)\s+(?:\w+\s+){0,4}?out\b|\bwithout (?:capital|caps)\w*|\ball lower\b|"
    r"\bdecapitali[sz]\w*",
    re.I,
)
_COPULA_RE = re.compile(r"\b(?:is|are|was|were|'re|'s)\b", re.I)
_ASKING_RE = re.compile(
    r"\b(?:make|please|pls|plz|kindly|should|must|shall|need|want|convert|change|set|turn|put|force|flush|let's|"
    r"can you|could you|would you|this time|from now on)\b",
    re.I,
)
_CASE_OTHER_RE = re.compile(
    r"\bupper\w*|\btitle[\s-]?case|\bcapitali[sz]e\b|\bkeep (?:the )?capitals|\bproper case", re.I
)
_REPEAT_RE = re.compile(
    r"\bdup\w*|\bdedup\w*|\btwice\b|\bdouble\w*|\bmore than once\b|\b(?:several|many|multiple) times\b|"
    r"\brepeat\w*|\bsame\b|\b(?:two|2|three|several|multiple)\s+[\w-]+\s+(?:with|for|sharing|share)\s+"
    r"(?:one|a single|the same)\b",
    re.I,
)
_FIRST_RE = re.compile(r"\bfirst\b|\bearliest\b|\boldest\b|\boriginal\b", re.I)
# the rows said to go or stay: a description ('the first email is the same as …') asks for nothing
_KEPT_RE = re.compile(
    r"\b(?:keep\w*|kept|only|retain\w*|stay\w*|remov\w*|drop\w*|delet\w*|cut|bin|toss\w*|discard\w*|rest|others|"
    r"dedup\w*|serve|makes)\b",
    re.I,
)
_LATER_RE = re.compile(r"\blast\b|\blatest\b|\bnewest\b|\bmost recent\b|\bmerge\w*|\bcombine\w*", re.I)
# a wish that nothing of it gets in ('let no word cross in', 'let nothing of it through'): not wanting it
_LET_NONE = (
    r"let\s+(?:no|none|nothing|not\s+(?:one|a))(?:\s+[\w']+){0,3}?\s+(?:cross\w*|get\w*|go\w*|come\w*|slip\w*|"
    r"pass\w*|make\s+it|seep\w*|leak\w*)\s+(?:in|into|through|across|over)|"
    r"let\s+(?:no|none|nothing)(?:\s+[\w']+){0,3}?\s+through"
)
_UNWANTED_RE = re.compile(
    r"\b(?:skip\w*|drop\w*|exclud\w*|remov\w*|delet\w*|discard\w*|ignor\w*|omit\w*|leave\s+(?:\w+\s+){0,3}?out|"
    r"left out|no need|not needed|unneeded|needless|unnecessary|useless|no import|not import\w*|don't import|"
    r"do not import|(?:don't|do not|never) (?:need|want|bring|load|keep|take)|not on-brand|not relevant|"
    r"irrelevant|can go|get rid|" + _LET_NONE + r")\b",
    re.I,
)
_LET_NONE_RE = re.compile(_LET_NONE + r"\b", re.I)
# a singular pronoun ('leave it out') for a thing the message calls a column ('The Notes column sleeps — leave it
# out'): the column, never rows
_COLUMN_CALLED_RE = re.compile(r"\bcolumns?\b", re.I)
_SINGULAR_PRONOUNS = frozenset({"it", "its", "that", "this"})
_PLACE_RE = re.compile(r"\b(?:somewhere|some ?place|any field|anywhere|wherever|whichever|keep|kept|store\w*)\b", re.I)
# the column asked for after all: 'import the Notes column' as a command, not 'for this import'
_IMPORT_IT_RE = re.compile(r"(?:^|[.,;!:]\s*|\bplease\s+|\bto\s+)(?:import|bring|load|map|keep)\b", re.I)
_DAY_FIRST_RE = re.compile(
    r"\bday\s+(?:first|before|then|comes first|,?\s*month|and then)\b|\bdd[/.-]mm\b|%d[/.-]%m|"
    r"\bday-first\b|\bfirst (?:is|comes) (?:the )?day\b|\beuropean (?:way|format|style|order|convention|notation)\b",
    re.I,
)
_MONTH_FIRST_RE = re.compile(r"\bmonth\s+(?:first|before|then)\b|\bmm[/.-]dd\b|%m[/.-]%d|\bamerican\b", re.I)
_UNDO_RE = re.compile(
    r"\bundo\b|\brevert\w*|\broll\s*back\b|\brollback\b|\b(?:put|set|bring|change) (?:it|that|everything|things) "
    r"back\b|\bgo back\b|\bprevious version\b|\bback to (?:before|how|the way)\b",
    re.I,
)
_REMOVAL_RE = re.compile(
    r"\b(?:remov\w*|drop\w*|delet\w*|pull\w*|exclud\w*|discard\w*|skip\w*|ignor\w*|cut|bin|toss|throw\w* (?:out|away)|"
    r"get rid|(?:take|leave|filter|kick|throw|toss|pull|cut|get)\w*\s+(?:\w+\s+){0,2}?(?:out|away|off))\b",
    re.I,
)
_KEEP_ROWS_RE = re.compile(r"\b(?:keep|retain|don't (?:drop|lose|remove)|do not (?:drop|lose|remove))\b", re.I)
# a value fetched from elsewhere ('pick the stitch up from the E-mail's domain', 'take company from …'; not rows taken
# from the import): where the condition names a missing value, the message is a fallback, never a row filter (round 32)
_FILL_FROM_RE = re.compile(
    r"\b(?:take|takes|taking|took|pick|picks|picking|picked|fill|fills|filling|filled|fetch\w*|get|gets|grab\w*|"
    r"borrow\w*|draw|draws|drawn|copy|copies|copied|derive\w*|build|builds|make|makes|generate\w*|use|uses|knit\w*|"
    r"source\w*|fall\w*\s+back)\b(?!\s+(?:(?:those|these|the|all|any|such)\s+)?(?:rows?|records?|contacts?|"
    r"entries|lines?|them)\b)(?:\s+[\w'-]+){0,5}?\s+from\s+(?!(?:the\s+|our\s+|this\s+)?"
    r"(?:import|file|sheet|list|data|recipe|migration|batch|set|load)\b)",
    re.I,
)
# a removal word said of a thing, not done to the rows ('a dropped stitch', 'the deleted bit'): no removal
_ATTRIBUTIVE_REMOVAL_RE = re.compile(
    r"\b(?:a|an|the|one|any|some)\s+(?:dropped|deleted|removed|skipped|discarded|lost|cut|missed)\s+"
    r"(?!(?:rows?|records?|contacts?|entries|entry|lines?|people|persons?)\b)[\w'-]+",
    re.I,
)
_MAP_RE = re.compile(r"\b(?:map\w*|from|is|comes?|take|use|same as|basically|goes? (?:in|into|to))\b|=|->|<-|:", re.I)
_CODE_EXCEPTION_RE = re.compile(r"\b(?:except|unless|but)\b(?=[^.;]*\bcountry[\s-]codes?\b)", re.I)
# the code said lacking, or the exception for it: part of the region's own wording, no denial
_CODE_LACKED_RE = re.compile(
    r"\b(?:no|without|not|n't|unless|except)\s+(?:\w+\s+){0,3}?(?:a\s+|any\s+)?country[\s-]codes?\b", re.I
)
_CODE_RE = re.compile(r"\bcountry[\s-]codes?\b|\bprefix\w*|\+\d", re.I)


@dataclass
class Names:
    """What a message names, grouped: each field (a column counts as the field it feeds), columns no field reads,
    the values of the file and the allowed values."""

    keys: set[str]
    spare: set[str]  # columns no field reads
    columns: set[str]
    e: Entities


def _names(ctx: Ctx, e: Entities) -> Names:
    # 'First one makes the team': an ordinal alone is the row kept, not the first_name field
    keys = {k for i, k in e.fields if not (_ordinal(e, i) or _code(e, i))}
    spare: set[str] = set()
    for _, column in e.columns:
        readers = ctx.readers(column)[:1]
        if readers:
            keys.update(readers)
        else:
            spare.add(column)
    return Names(keys, spare, {c for _, c in e.columns}, e)


def _ordinal(e: Entities, i: int) -> bool:
    said = [w.lower() for w in e.words[i : i + e.sizes.get(i, 1)]]
    return bool({"first", "last"} & set(said)) and not any(w.startswith("name") for w in said)


def _code(e: Entities, i: int) -> bool:
    """'no country code': the field's name as the modifier of a phone's code, not the field."""
    end = i + e.sizes.get(i, 1)
    return any(w.lower() in ("code", "codes", "prefix", "prefixes") for w in e.words[end - 1 : end + 1])


Relation = Callable[[Ctx, Names, str], str | None]


def _bare(n: Names, cue: re.Pattern[str] | None = None) -> bool:
    """No value named (a value of the file that is the relation's own cue word, 'duplicate', is that word)."""
    words = n.e.words
    sources = [i for i, _ in n.e.sources if cue is None or not cue.fullmatch(words[i])]
    return not sources and not n.e.targets


def lower_case(ctx: Ctx, n: Names, text: str) -> str | None:
    """'Flush the capitals out of the emails, all lower case': one field and a word of lower case."""
    if not (_bare(n) and len(n.keys) == 1 and not n.spare) or _CASE_OTHER_RE.search(_CASE_LOWER_RE.sub(" ", text)):
        return None
    if not _CASE_LOWER_RE.search(text) or _denied(_CASE_LOWER_RE.sub(" ", text)):
        return None
    if _COPULA_RE.search(text) and not _ASKING_RE.search(text):
        return None  # 'the emails are in small letters' says how they are, not how they should be
    return f"lowercase {next(iter(n.keys))}"


def first_per_key(ctx: Ctx, n: Names, text: str) -> str | None:
    """'rows.dedupe(key='email', keep='first')': one field, a word of repetition and the first one kept."""
    if not (_bare(n, _REPEAT_RE) and len(n.keys) == 1 and not n.spare) or _LATER_RE.search(text):
        return None
    if _MISSING_RE.search(text):
        return None
    if not (_REPEAT_RE.search(text) and _FIRST_RE.search(text) and _KEPT_RE.search(text)) or _denied(text):
        return None
    return f"keep only the first row for each {next(iter(n.keys))}"


def not_imported(ctx: Ctx, n: Names, text: str) -> str | None:
    """'The Notes we do not need, please skip that column': one column no field reads, and a word of not wanting
    it (a place to keep it, rows or a condition make it another instruction)."""
    text = _LET_NONE_RE.sub(" don't import it ", text)  # 'let no line cross in': no rows, and not wanting it
    if not (_bare(n) and not n.keys and len(n.spare) == 1) or _ROWS_RE.search(text) or _CONDITION_RE.search(text):
        return None
    if _PLACE_RE.search(text) or not _UNWANTED_RE.search(text) or _denied(_UNWANTED_RE.sub(" ", text)):
        return None
    if _IMPORT_IT_RE.search(_UNWANTED_RE.sub(" ", text)):
        return None  # 'import the Notes column … don't import it': said both ways
    return f"don't import {next(iter(n.spare))}"


def day_first(ctx: Ctx, n: Names, text: str) -> str | None:
    """'Signup Date is having day first and month after': one date column or field, and the day said first."""
    if not _bare(n) or len(n.columns) + len(n.keys) == 0 or len(n.columns | n.spare) > 1 or len(n.keys) > 1:
        return None
    dated = [f.key for f in ctx.template.fields if f.key in n.keys and f.type in ("date", "datetime")]
    if n.keys and not dated:
        return None
    if not _DAY_FIRST_RE.search(text) or _MONTH_FIRST_RE.search(text) or _denied(text):
        return None
    return f"{next(iter(n.columns), None) or dated[0]} is day first"


def undo(ctx: Ctx, n: Names, text: str) -> str | None:
    """'Oops, that wasn't right, could you put it back how it was?': nothing named, a word of going back."""
    if n.keys or n.columns or not _bare(n) or not _UNDO_RE.search(text):
        return None
    if any(m["noun"].lower() not in _UNDONE for m in _UNDO_OBJECT_RE.finditer(text)):
        return None  # 'git revert the pizza': what is undone is something else
    return None if _denied(_JUDGED_RE.sub(" ", text)) else "undo that"


def rows_without(ctx: Ctx, n: Names, text: str) -> str | None:
    """'Kindly remove the rows which are not having email': one field or column said missing, rows (or a pronoun
    for them) and a verb of removal."""
    named = n.keys | n.spare
    text = _LET_NONE_RE.sub(" ", text)  # 'let no line cross in' names no rows and says nothing missing
    if not (_bare(n) and len(named) == 1) or _KEEP_ROWS_RE.search(text):
        return None
    words = {w.lower() for w in re.findall(r"[\w']+", text)}
    if _FILL_FROM_RE.search(text):
        return None  # the missing value is filled from elsewhere: a fallback, the rows stay
    if not (_ROWS_RE.search(text) or words & PRONOUNS) or not _REMOVAL_RE.search(
        _ATTRIBUTIVE_REMOVAL_RE.sub(" ", text)
    ):
        return None
    if not _ROWS_RE.search(text) and words & PRONOUNS <= _SINGULAR_PRONOUNS and _COLUMN_CALLED_RE.search(text):
        return None  # 'it' is the column the message names, not a row
    if not _MISSING_RE.search(text) or _denied(_MISSING_RE.sub(" ", text)):
        return None
    return f"drop rows without {next(iter(named))}"


def default_value(ctx: Ctx, n: Names, text: str) -> str | None:
    """'If they didn't say which country, just put them down as US': one enum field, one of its values, and the
    field said missing."""
    e = n.e
    if e.sources or len(e.targets) != 1 or n.spare or n.keys != {e.targets[0][1]}:
        return None
    if re.search(r"\b(?:every|all|always|each)\b", text, re.I) or not _MISSING_RE.search(text):
        return None
    if _denied(_MISSING_RE.sub(" ", text)):
        return None
    return f"if {e.targets[0][1]} is empty, use {e.targets[0][2]}"


def column_to_field(ctx: Ctx, n: Names, text: str) -> str | None:
    """'created_at is basically the Signup Date column, map that': an empty field and one column no field reads."""
    if not (_bare(n) and len(n.keys) == 1 and len(n.spare) == 1 and len(n.columns) == 1):
        return None
    key = next(iter(n.keys))
    if ctx.sources(key) or _CONDITION_RE.search(text) or _MISSING_RE.search(text) or not _MAP_RE.search(text):
        return None
    return None if _denied(text) else f"map {next(iter(n.spare))} to {key}"


def phone_region(ctx: Ctx, n: Names, text: str) -> str | None:
    """'All the phone numbers na German, except if them get country code': the phone field, one country said as
    its adjective or name, and a country code."""
    phones = {f.key for f in ctx.template.fields if f.type == "phone"}
    if n.e.sources or not (n.keys - {"country"}) or not (n.keys - {"country"}) <= phones or n.spare:
        return None
    said = {ADJECTIVES[w.lower()] for w in re.findall(r"[A-Za-z]+", text) if w.lower() in ADJECTIVES}
    said |= {value for _, key, value in n.e.targets if key == "country"}
    if len(said) != 1 or not _CODE_RE.search(text) or _denied(_CODE_LACKED_RE.sub(" ", text)):
        return None
    return f"phone numbers without a country code are {next(iter(said))}"


_USE_RE = re.compile(r"\b(?:use|used|take|instead|then|or|fall\s*back|switch|go (?:to|for))\b", re.I)
_OR_IF_NONE_RE = re.compile(
    r"\bor\b[^.;]*\bif\s+(?:there\s+(?:isn't|is not|'s no|is no|is none|are none)|(?:it|that|this)\s+(?:is|'s)\s+"
    r"(?:empty|blank|missing)|none)\b",
    re.I,
)


def fallback_column(ctx: Ctx, n: Names, text: str) -> str | None:
    """'If work phone no dey, make you use the mobile': a field's own column (or the field) said missing, and one
    column no field reads to use then (never when that column is the one said missing: 'no Mobile, use …')."""
    if not (_bare(n) and len(n.keys) == 1 and len(n.spare) == 1) or not _USE_RE.search(text):
        return None
    key, column = next(iter(n.keys)), next(iter(n.spare))
    current = ctx.sources(key)
    if not current or not n.columns - {column} <= set(current):
        return None
    at = next(i for i, c in n.e.columns if c == column)
    missing = _MISSING_RE.search(text)
    said_before = missing is not None and len(re.findall(r"[\w'-]+", text[: missing.start()])) < at
    # 'work number, or the mobile one if there isn't any': the first named, the other after 'or … if none'
    first = min([i for i, c in n.e.columns if c in current] + [i for i, k in n.e.fields if k == key], default=at)
    said_after = first < at and _OR_IF_NONE_RE.search(text) is not None
    if not (said_before or said_after) or marked(n.e, at) or _denied(_MISSING_RE.sub(" ", text)):
        return None
    return f"if there is no {current[0]}, use {column}"


_BUILD_RE = re.compile(r"\b(?:build|generate|create|make|made|derive|construct|cook|up from|from the|out of)\b", re.I)
# rows said to stay: 'don't discharge the row', 'don't turn them away'; the keeping, never a denial of the change
_KEEP_ROW_RE = re.compile(
    r"\b(?:don't|do not|never)\s+(?:\w+\s+){1,2}?(?:the\s+)?(?:rows?|records?|contacts?|them|it|anyone|plate)\b"
    r"(?:\s+away)?",
    re.I,
)


def domain_fill(ctx: Ctx, n: Names, text: str) -> str | None:
    """'Pt has no email on file? Don't discharge the row, generate one from the Website domain': the e-mail field
    said missing or built, one other column, and 'domain'."""
    emails = {f.key for f in ctx.template.fields if f.type == "email"}
    if not (_bare(n) and len(n.keys) == 1 and n.keys <= emails and len(n.spare) == 1) or "domain" not in text.lower():
        return None
    if not (_MISSING_RE.search(text) or _BUILD_RE.search(text)):
        return None
    if _denied(_MISSING_RE.sub(" ", _KEEP_ROW_RE.sub(" ", text))):
        return None
    return f"if {next(iter(n.keys))} is empty, use the domain of {next(iter(n.spare))}"


_SOMEWHERE_RE = re.compile(
    r"\b(?:somewhere|some ?place|some field|any field|anywhere|wherever|whichever|you (?:think|pick|choose|decide))\b",
    re.I,
)


def somewhere(ctx: Ctx, n: Names, text: str) -> str | None:
    """'Notes keep in any field you think good': one column no field reads, and a place left to the reader; read
    as 'put it somewhere', whose answer is a question with the fields to choose from."""
    if not (_bare(n) and not n.keys and len(n.spare) == 1) or not _SOMEWHERE_RE.search(text):
        return None
    if _UNWANTED_RE.search(text) or _denied(text):
        return None
    return f"put {next(iter(n.spare))} somewhere"


RELATIONS: list[Relation] = [
    lower_case, first_per_key, not_imported, day_first, undo, rows_without, default_value, column_to_field,
    phone_region, fallback_column, domain_fill, somewhere,
]  # fmt: skip


def _denied(text: str) -> bool:
    return _NEGATION_RE.search(text) is not None


def not_a_request(message: str) -> bool:
    """Whether the whole message, as typed, asks for no change now (a question, another time, a report, ...)."""
    text = " ".join(message.split())
    return _NOT_NOW_RE.search(text) is not None or (
        _OTHER_TIME_RE.search(text) is not None and not _NOW_RE.search(text)
    )


def bag_commands(ctx: Ctx, message: str) -> list[str]:
    """The plain commands the message's names and relation words say (one, or the message is not read so)."""
    text = " ".join(message.split())
    # (a phone region's own exception, 'German except if they have a country code', is no hedge)
    if _HEDGE_RE.search(_CODE_EXCEPTION_RE.sub(" ", text)) or position_scope(text) or not_a_request(text):
        return []
    n = _names(ctx, entities(ctx, text))
    text = _JOINED_RE.sub(" ", text)  # 'drop_duplicates', 'rows.dedupe': the cue words apart
    # a command denied first ('Don't fill the country with US') is read by no relation but the one whose cue it is
    relations = [not_imported] if _LEADING_DENIAL_RE.match(text) else RELATIONS
    return list(dict.fromkeys(c for relation in relations if (c := relation(ctx, n, text)) is not None))
