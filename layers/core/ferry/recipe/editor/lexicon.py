"""The lexicon: everyday words said in the grammar's own vocabulary, one table of synonyms per meaning.

`canonical` rewrites a clause word by word (a verb, a verb with its particle, a relation, a contraction typed without
its apostrophe) to the words the families read: "chop Full Name into ..." → "split Full Name into ...", "do not take
them over" → "do not import them", "phones belong to Germany" → "phones are German". It never decides what a name
means: columns, fields and values stay as typed and the families resolve them as usual. The dispatcher tries it only
when a clause is not understood as typed, so a wording a family reads directly is never rewritten.
"""

from __future__ import annotations

import re

from ferry.agent.enums import COUNTRIES
from ferry.recipe.editor.helpers import ADJECTIVES

_OBJ = r"(?P<obj>(?:it|them|this|that|those|these|the\s+\w+|\w+)(?:\s+\w+)?)"

# A contraction typed without its apostrophe ('dont drop') is the contraction.
_CONTRACTIONS = {
    "dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't",
    "shouldnt": "shouldn't", "cant": "can't", "wont": "won't", "wouldnt": "wouldn't", "havent": "haven't",
    # a hurried writer's modals ('notes gotta go somewhere')
    "gotta": "has to", "gonna": "going to", "wanna": "want to", "hafta": "have to",
}  # fmt: skip

# canonical words ← the everyday words and phrases that mean them (longest first within a meaning)
SYNONYMS: dict[str, tuple[str, ...]] = {
    # splitting one column into parts
    "split": ("chop up", "chop", "break up", "break apart", "cut up", "pull apart", "tear apart", "separate out",
              "separate", "divide up", "divide"),
    # importing a column ('take over', 'bring in', 'carry across')
    "import": ("take over", "bring over", "carry over", "bring across", "carry across", "bring in", "pull in",
               "take along", "transfer", "migrate"),
    # a value assumed for what is missing
    "use": ("assume", "go with", "opt for", "fall back to", "fall back on", "resort to"),
    # (an idiom holding one of the words below keeps its meaning)
    "drop": ("get rid of", "gets rid of"),
    # where a field's value comes from, said with the field as the subject
    "comes from": ("gets", "receives", "is taken from", "is filled from", "is fed from", "draws on", "draws from"),
    "should come from": ("should get", "should receive"),
    # what rows lack
    "without": ("lacking", "that lack", "which lack", "that have no", "which have no", "that don't have",
                "which don't have", "with no"),
    # a value not there ('when it's not there', 'where Work Phone has nothing')
    "empty": ("not there", "not filled in", "not filled", "not present", "not available"),
    "is empty": ("has nothing", "holds nothing", "has no value", "is left blank"),
    # a column done without ('we can live without the Notes')
    "don't import": ("can live without", "can do without", "could live without", "could do without"),
    # the part of a phone number that names its country
    "country code": ("country prefix", "international prefix", "dialling code", "dialing code", "dial code",
                     "+ prefix", "+prefix", "plus prefix", "plus sign", "leading +", "country dial code"),
    # a field that must be filled
    "optional": ("not mandatory", "not obligatory", "not compulsory", "not required",
                 # a setting written as a spreadsheet or config user writes it
                 "required = false", "required=false", "required: false", "required = no", "required: no",
                 "required false", "mandatory = false", "mandatory: no"),
    "required": ("mandatory", "obligatory", "compulsory"),
    # taking the last change back
    "undo": ("take that last change back", "take the last change back", "take my last change back",
             "take that change back", "take the change back", "didn't want that", "did not want that",
             "didn't mean that", "did not mean that", "not what i wanted", "not what i meant"),
    # an acknowledgement between instructions asks for nothing
    "fine": ("that's fine", "that is fine", "that's ok", "that's okay", "that is ok", "it's fine", "it's ok",
             "that's alright", "no problem", "all good"),
    # the column given up ('reads from Mobile and no more from Work Phone')
    "instead of": ("and no more from", "and no longer from", "and not anymore from", "and not any more from",
                   "no more from", "no longer from"),
    # a list trailing off says nothing more ('without +49 etc')
    "": ("etc.", "etc", "and so on", "and so forth",
         # leaving the choice to the editor adds nothing to what was asked ('keep the Notes in some field,
         # whichever fits'): a vague request is still asked about
         "whichever fits", "whatever fits", "wherever it fits", "whichever works", "whatever works",
         "whichever is best", "wherever you like", "up to you", "your call"),
    # what a value stands for
    "means": ("translates to", "translates as", "is to be read as", "stands for", "is what we call",
              "are what we call", "is what we'd call", "is what we would call"),
    # a spreadsheet user's words: comparison operators, duplicates, ordinals
    "is not": ("<>", "!=", "\u2260"),
    "duplicate": ("dupe", "dup"),
    "duplicates": ("dupes", "dups"),
    "first": ("1st",),
}  # fmt: skip

# a German or French speaker's own words for the grammar's, in a message otherwise in English ('Notes: nicht
# importieren', 'annule ça', 'Wenn Organization leer ist, ...'); the values of the file stay as typed
FOREIGN: dict[str, tuple[str, ...]] = {
    "please": ("bitte", "s'il vous plaît", "s'il vous plait", "svp"),
    "don't import": ("nicht importieren", "nicht übernehmen", "ne pas importer", "pas importer"),
    "import": ("importieren", "übernehmen", "importer"),
    "undo": ("rückgängig machen", "rückgängig", "annule ça", "annuler ça", "annule", "annuler"),
    "drop": ("löschen", "entfernen", "supprimer"),
    "keep": ("behalten", "garder"),
    "if": ("wenn", "falls"),
    "is": ("ist",),
}  # fmt: skip

# A separable verb with its object between ('take them over', 'bring the notes in').
_SEPARABLE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b(?:take|bring|carry)\s+{_OBJ}\s+(?:over|across|along|in)\b", re.I), r"import \g<obj>"),
    (re.compile(rf"\b(?:break|chop|cut|split)\s+{_OBJ}\s+(?:up|apart)\b", re.I), r"split \g<obj>"),
    # 'make two (columns) of it' / 'make two out of Full Name': a split
    (re.compile(rf"\bmake\s+two(?:\s+\w+)?\s+(?:out\s+)?of\s+{_OBJ}", re.I), r"split \g<obj>"),
    # an adverb between a verb and its object says nothing: 'import also the notes'
    (re.compile(r"\b(import|use|map|drop|keep|take|split)\s+(?:also|too|as well|additionally)\s+", re.I), r"\1 "),
    # rows allowed to lack a field: the field is optional ('contacts may have no email')
    (
        re.compile(
            r"\b(?:\w+\s+)?(?:may|can|are allowed to|might)\s+(?:have no|lack|be without)\s+(?:an?\s+)?(\w+)", re.I
        ),
        r"\1 is optional",
    ),
    # an object fronted before a speaker who will not take it: 'The notes we will not take' → 'don't import ...'
    (
        re.compile(
            r"^(?P<obj>(?:the\s+)?\w+(?:\s+\w+)?)\s+(?:we|i)\s+(?:will not|won't|don't|do not|shall not|"
            r"cannot|can't)\s+(?:(?:want|need|wish)\s+to\s+)?(?:take|import|bring|use|need|want|keep)"
            r"(?:\s+(?:over|in|along))?$",
            re.I,
        ),
        r"don't import \g<obj>",
    ),
    # an object fronted before a speaker who wants it kept: 'The Notes I want to keep' → 'keep The Notes'
    (
        re.compile(
            r"^(?P<obj>(?:the\s+)?\w+(?:\s+\w+)?)\s+(?:we|i)\s+(?:want|need|would like|wish)\s+to\s+"
            r"(?P<verb>keep|import|have)$",
            re.I,
        ),
        r"\g<verb> \g<obj>",
    ),
    # 'Work Phone out, Mobile in (for phone)': one column swapped for another
    (
        re.compile(r"^(?P<a>[\w' -]{2,30}?)\s+out\s*,?\s+(?P<b>[\w' -]{2,30}?)\s+in(?P<f>\s+for\s+[\w' -]+)?$", re.I),
        r"use \g<b> instead of \g<a>\g<f>",
    ),
    # 'if there's none then mobile': a condition on the column just named, and its fallback without a verb
    (
        re.compile(r"\b(if|when|where)\s+there(?:'s|\s+is)\s+(?:none|nothing|no one)(?=\s*(?:,|then\b|$))", re.I),
        r"\1 it is empty",
    ),
    (re.compile(r"\b(it is empty),?\s+then\s+(?!use\b|take\b|fill\b|set\b)", re.I), r"\1, use "),
    # spreadsheet words: a function applied to a column ('apply LOWER() to E-mail', 'LOWER(E-mail)') is its verb,
    # a blank cell is an empty value, and a filter on a negated condition keeps the rows that meet it (a filter on
    # 'X = v' may show those rows or take them out: left to the families, which ask)
    *(
        rule
        for f, verb in (("lower", "lowercase"), ("upper", "uppercase"), ("trim", "trim"))
        for rule in (
            (re.compile(rf"=?\b(?:apply\s+|use\s+)?{f}\s*\(\s*\)\s*(?:to|on)\s+", re.I), f"{verb} "),
            (re.compile(rf"=?\b{f}\s*\(\s*(?P<arg>[^()]+?)\s*\)", re.I), rf"{verb} \g<arg>"),
        )
    ),
    # a fallback named first and its condition after ('phone: Work Phone; fallback Mobile if blank')
    (
        re.compile(
            r"^(?:fallback|fall back|backup|else|otherwise)\s+(?:to\s+|on\s+|is\s+)?(?P<x>[\w' -]+?)\s+(?:if|when)\s+"
            r"(?:it(?:'s|\s+is)\s+)?(?:blank|empty|missing)$",
            re.I,
        ),
        r"if it is empty, use \g<x>",
    ),
    # a condition typed without its 'if' ('work phone empty use mobile', 'no org take the email domain')
    (
        re.compile(
            r"^(?P<x>(?!if\b|when\b|where\b)[\w' -]{2,30}?)\s+(?:is\s+|are\s+)?(?:empty|blank|missing)\s*,?\s+"
            r"(?:then\s+)?(?P<rest>(?:use|take|fill|get|build|make)\b.*)$",
            re.I,
        ),
        r"if \g<x> is empty, \g<rest>",
    ),
    (
        re.compile(
            r"\b(?:the\s+)?(?:blanks?|blank cells|empty cells|empties|nulls?)\s+(?:in|of)\s+(?:the\s+)?"
            r"(?P<col>[\w' -]+?)(?:\s+col(?:umn)?)?(?=\s*(?:,|$))",
            re.I,
        ),
        r"rows where \g<col> is empty",
    ),
    (
        re.compile(
            r"\bfill\s+(?:the\s+|any\s+|all\s+)?(?:blanks?|blank cells|empty cells|empties|gaps|nulls?)\s+"
            r"(?:with|from)\s+(?P<v>[\w' -]+?)$",
            re.I,
        ),
        r"use \g<v> when empty",
    ),
    (
        re.compile(
            r"\b(?:blanks?|blank cells|empty cells|empties|gaps|nulls?)\s+(?:filled|taken)\s+(?:with|from)\s+", re.I
        ),
        r"if empty use ",
    ),
    (
        re.compile(r"^filter\s+(?!out\b)(?P<cond>[\w' -]+?\s+(?:is not|isn't|<>|!=|\u2260)\s*\S.*)$", re.I),
        r"keep only rows where \g<cond>",
    ),
    # a German or French speaker's verb last, after its object ('Notes bitte nicht importieren')
    (
        re.compile(
            r"^(?P<obj>[\w' -]{2,40}?)\s+(?:(?:please|bitte|svp)\s+)?(?:nicht|pas)\s+"
            r"(?:importieren|übernehmen|importer)$",
            re.I,
        ),
        r"don't import \g<obj>",
    ),
    # a bracket holding only a phone prefix or digits ('German (+49)') repeats what the words say
    (re.compile(r"\s*\(\s*\+?\d[\d\s]*\)"), ""),
]


def _country_phrases() -> list[tuple[re.Pattern[str], str]]:
    """'belong to Germany', 'are from France': the country's adjective ('are German'), as the families read it."""
    adjective: dict[str, str] = {}
    for word, code in ADJECTIVES.items():
        if len(word) > 3 and word.isalpha():
            adjective.setdefault(code, word)
    out = []
    for code, names in COUNTRIES.items():
        if code not in adjective:
            continue
        spelled = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if len(n) > 3)
        if spelled:
            pattern = rf"\b(?:belongs?\s+to|(?:is|are)\s+from|comes?\s+from|(?:is|are)\s+in)\s+(?:{spelled})\b"
            out.append((re.compile(pattern, re.I), f"are {adjective[code]}"))
    return out


def _compile() -> list[tuple[re.Pattern[str], str]]:
    rules = [(re.compile(rf"\b{bad}\b", re.I), good) for bad, good in _CONTRACTIONS.items()]
    rules += _SEPARABLE
    tables = [*SYNONYMS.items(), *FOREIGN.items()]
    phrases = sorted(((p, c) for c, ps in tables for p in ps), key=lambda pc: -len(pc[0]))
    rules += [(re.compile(rf"(?<![\w+]){re.escape(p)}(?!\w)", re.I), c) for p, c in phrases]
    return rules + _country_phrases()


_RULES = _compile()


def canonical(text: str) -> str:
    """The clause in the grammar's vocabulary: each everyday word or phrase replaced by the canonical one."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())
