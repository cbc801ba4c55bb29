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
    "optional": ("not mandatory", "not obligatory", "not compulsory", "not required"),
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
    "": ("etc.", "etc", "and so on", "and so forth"),
    # what a value stands for
    "means": ("translates to", "translates as", "is to be read as", "stands for"),
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
    phrases = sorted(((p, c) for c, ps in SYNONYMS.items() for p in ps), key=lambda pc: -len(pc[0]))
    rules += [(re.compile(rf"(?<![\w+]){re.escape(p)}(?!\w)", re.I), c) for p, c in phrases]
    return rules + _country_phrases()


_RULES = _compile()


def canonical(text: str) -> str:
    """The clause in the grammar's vocabulary: each everyday word or phrase replaced by the canonical one."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())
