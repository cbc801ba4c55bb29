"""The lexicon: everyday words said in the grammar's own vocabulary, one table of synonyms per meaning.

`canonical` rewrites a clause word by word (a verb, a verb with its particle, a relation, a contraction typed without
its apostrophe) to the words the families read: "chop Full Name into ..." → "split Full Name into ...", "do not take
them over" → "do not import them", "phones belong to Germany" → "phones are German". It never decides what a name
means: columns, fields and values stay as typed and the families resolve them as usual. The dispatcher tries it only
when a clause is not understood as typed, so a wording a family reads directly is never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ferry.agent.enums import COUNTRIES
from ferry.recipe.editor.helpers import ADJECTIVES
from ferry.recipe.editor.idioms import RULES as IDIOM_RULES
from ferry.recipe.editor.idioms import TABLES as IDIOM_TABLES

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
    "don't import": ("can live without", "can do without", "could live without", "could do without",
                     "won't be needing", "will not be needing", "won't need", "will not need"),
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
         "whichever is best", "wherever you like", "up to you", "your call",
         # round 7
         "where you think it fits", "wherever you think it fits", "where you see fit", "wherever you see fit",
         "wherever it fits best", "where it fits best", "where you think best", "wherever you think best",
         "in there", "over there"),
    # what a value stands for
    "means": ("translates to", "translates as", "is to be read as", "stands for", "is what we call",
              "are what we call", "is what we'd call", "is what we would call",
              # a formal register's verbs of meaning
              "denotes", "denote", "signifies", "signify", "corresponds to", "correspond to", "equates to"),
    # a spreadsheet user's words: comparison operators, duplicates, ordinals
    "is not": ("<>", "!=", "\u2260"),
    "duplicate": ("dupe", "dup"),
    "duplicates": ("dupes", "dups"),
    "first": ("1st",),
    "UK locale": ("en-GB locale", "en_GB locale", "en-gb", "en_gb", "british locale", "uk format", "british format"),
    "US locale": ("en-US locale", "en_US locale", "en-us", "en_us", "american locale", "american format"),
    # round 7: words other voices use for the same thing ('exclude col Notes from the output', 'divide in the name
    # and the surname', 'keep them in some place')
    "column": ("col",),
    "columns": ("cols",),
    "the import": ("the output", "the target", "the result", "the migration", "the load", "the final file",
                   "the new system"),
    "should go somewhere": ("need a home", "needs a home", "need a place", "needs a place", "need a spot",
                            "needs a spot", "need somewhere to go", "needs somewhere to go"),
    # getting into the import is being imported ('rows missing an email shouldn't make it into the import')
    "be imported": ("make it into the import", "make it into the file", "make it in", "get into the import",
                    "end up in the import", "go into the import", "make it through"),
    "somewhere": ("in some place", "some place", "someplace", "in some spot", "in a place"),
    "first name and last name": ("the name and the surname", "name and surname", "the name and surname",
                                 "name and the surname", "given name and family name", "forename and surname",
                                 "the name and the family name", "name and family name"),
    "last name": ("surname", "family name"),
    "first name": ("given name", "forename", "christian name"),
    # how values arrive ('dates in Signup Date come as day month year')
    "are": ("come as", "come in as", "arrive as", "are given as", "are formatted as", "are written as"),
    "is": ("comes as", "comes in as", "arrives as", "is given as", "is formatted as"),
}  # fmt: skip

# round 8: British, Australian and Indian English, and an over-polite or a terse register, by meaning (a table of its
# own, since a meaning may already have a row above)
REGISTER: dict[str, tuple[str, ...]] = {
    "drop": ("get shot of", "chuck out", "chuck away", "throw out", "throw away", "toss out", "weed out",
             "kick out", "strip out", "bin", "ditch", "axe", "junk", "nix",
             # a formal or professional register's verbs of removal ('Discharge any row that has no email')
             "discharge", "expunge", "purge", "eliminate"),
    "undo": ("scratch that", "scrap that", "forget that change", "put it back how it was",
             "put it back the way it was", "put things back how they were", "put things back the way they were",
             "set it back", "roll it back"),
    "dropped": ("binned", "ditched", "axed", "scrapped", "junked", "chucked out", "tossed out", "weeded out",
                "kicked out", "thrown away"),
    "build": ("knock up", "whip up", "cook up", "conjure up", "make up"),
    "put": ("stick", "pop", "bung", "shove", "park"),
    "somewhere": ("wherever", "some field or other", "one field or another", "some field or another"),
    "don't import": ("shan't be needing", "shall not be needing", "shan't need", "won't be wanting",
                     "don't be needing"),
    "should": ("ought to",),
    "they have": ("they've got", "they have got"),
    "we have": ("we've got", "we have got"),
    "it has": ("it's got", "it has got"),
    "don't have": ("haven't got", "have not got", "don't have got"),
    "doesn't have": ("hasn't got", "has not got"),
    "day first": ("day then month", "day before month", "day before the month", "day and then month",
                  "day and then the month", "day comes first", "day goes first"),
    "month first": ("month then day", "month before day", "month before the day", "month comes first"),
    "empty": ("nothing's there", "nothing is there", "nothing in it"),
    "country code": ("+country code", "+ country code", "plus country code", "+code", "+ code"),
    "has": ("column says", "column shows", "column reads"),
    "": ("at the front", "at the start", "in front", "not fussed which", "not fussed", "don't mind which",
         "do not mind which", "don't care which", "any will do", "any one will do", "either is fine",
         "any field will do", "if that's alright", "for me please"),
}  # fmt: skip

# a German or French speaker's own words for the grammar's, in a message otherwise in English ('Notes: nicht
# importieren', 'annule ça', 'Wenn Organization leer ist, ...'), and any speaker's own 'please' (Spanish, Italian,
# Dutch, Polish, Czech, Turkish, Somali, Swahili); the values of the file stay as typed
FOREIGN: dict[str, tuple[str, ...]] = {
    "please": ("bitte", "s'il vous plaît", "s'il vous plait", "svp", "por favor", "per favore", "alstublieft",
               "proszę", "prosím", "lütfen", "fadlan", "tafadhali"),
    "don't import": ("nicht importieren", "nicht übernehmen", "ne pas importer", "pas importer"),
    "import": ("importieren", "übernehmen", "importer"),
    "undo": ("rückgängig machen", "rückgängig", "annule ça", "annuler ça", "annule", "annuler"),
    "drop": ("löschen", "entfernen", "supprimer"),
    "keep": ("behalten", "garder"),
    "if": ("wenn", "falls"),
    "is": ("ist",),
}  # fmt: skip

# a participle of the passive ('are treated as', 'should be dropped') and the verb of its command
_PASSIVE = {
    "treated": "treat", "read": "read", "parsed": "parse", "interpreted": "interpret",
    "assumed to be": "treat as", "converted": "convert", "turned": "turn", "translated": "translate",
    "dropped": "drop", "removed": "remove", "deleted": "delete", "skipped": "skip", "excluded": "exclude",
    "ignored": "ignore", "imported": "import", "split": "split", "separated": "separate", "divided": "divide",
    "lowercased": "lowercase", "lower-cased": "lowercase", "mapped": "map", "filled": "fill", "kept": "keep",
    "deduplicated": "dedupe", "deduped": "dedupe", "normalised": "normalise", "normalized": "normalise",
    "carried over": "import", "brought over": "import", "taken over": "import", "left out": "leave out",
    "thrown out": "drop", "binned": "drop", "ditched": "drop", "chucked out": "drop", "axed": "drop",
    "scrapped": "drop", "tossed out": "drop", "weeded out": "drop", "kicked out": "drop", "junked": "drop",
    "filtered out": "filter out", "broken up": "split", "broken": "split", "chopped": "split",
    "saved": "keep", "stored": "keep", "preserved": "keep", "retained": "keep", "placed": "put", "put": "put",
    "generated": "generate", "built": "build", "derived": "derive", "created": "create",
}  # fmt: skip

# A separable verb with its object between ('take them over', 'bring the notes in').
_SEPARABLE: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(rf"\b(?:take|bring|carry)\s+{_OBJ}\s+(?:over|across|along|in)\b", re.I), r"import \g<obj>"),
    (re.compile(rf"\b(?:break|chop|cut|split)\s+{_OBJ}\s+(?:up|apart)\b", re.I), r"split \g<obj>"),
    # 'make two (columns) of it' / 'make two out of Full Name': a split
    (re.compile(rf"\bmake\s+two(?:\s+\w+)?\s+(?:out\s+)?of\s+{_OBJ}", re.I), r"split \g<obj>"),
    # 'knock one up from the domain', 'chuck them out': a separable verb of building or of removing
    (re.compile(rf"\b(?:knock|whip|cook|conjure|make)\s+{_OBJ}\s+up\b", re.I), r"build \g<obj>"),
    (re.compile(rf"\b(?:chuck|toss|kick|weed)\s+{_OBJ}\s+(?:out|away)\b", re.I), r"drop \g<obj>"),
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
    # round 7: an object fronted before whoever must do it, named again by a pronoun or not ('the notes I want to
    # keep them in some place', 'the Full Name you have to divide ...'): the verb with its object put back
    (
        re.compile(
            r"^(?P<obj>(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)\s+(?:we|i|you)\s+(?:want to|need to|have to|must|should|"
            r"would like to|wish to)\s+(?P<verb>keep|put|split|divide|separate|import|use|store|save|map|drop|remove|"
            r"lowercase|translate|skip|exclude)(?:\s+(?:it|them))?(?P<rest>\s+.+)?$",
            re.I,
        ),
        r"\g<verb> \g<obj>\g<rest>",
    ),
    # no row kept without a value ('no row should be imported without an email'): rows without it are dropped
    (
        re.compile(
            r"^(?:no\s+(?:rows?|contacts?|records?|entries|entry|lines?|people|one)|nothing|none)\s+(?:should|must|may|can|"
            r"is to|are to|will|shall)\s+(?:be|get)\s+(?:imported|kept|loaded|included|brought over|taken over)\s+"
            r"(?P<w>without|with no|lacking)\s+(?P<x>.+)$",
            re.I,
        ),
        r"drop rows without \g<x>",
    ),
    # rows with their condition in brackets ('the test rows (Lifecycle is test) should not be imported')
    (
        re.compile(
            r"\b(?:the\s+)?(?:[\w-]+\s+)?(?:rows|contacts|records|entries|lines)\s*\(\s*(?:where\s+|with\s+|i\.e\.\s+)?"
            r"(?P<c>[^()]+?\s+(?:is|=|==|are)\s+[^()]+?)\s*\)",
            re.I,
        ),
        r"rows where \g<c>",
    ),
    (
        re.compile(
            r"\b(?:the\s+)?(?:[\w-]+\s+)?(?:rows|contacts|records|entries|lines)\s*\(\s*(?P<c>[\w-]+)\s*[:=]?\s*(?P<v>[\w-]+)\s*\)",
            re.I,
        ),
        r"rows where \g<c> is \g<v>",
    ),
    # the condition in brackets at the end ('the test contacts should be excluded (Lifecycle test)'): beside the rows
    (
        re.compile(
            r"^(?P<pre>.*?)\b(?:the\s+)?(?:[\w-]+\s+)?(?P<rows>rows|contacts|records|entries)\b(?P<mid>[^()]*?)\s*\(\s*"
            r"(?P<c>[\w-]+)\s*(?:is|=|==|:)?\s*(?P<v>[\w-]+)\s*\)\s*$",
            re.I,
        ),
        r"\g<pre>rows where \g<c> is \g<v>\g<mid>",
    ),
    # rows described by a value and its column in apposition ('Test contacts, marked as test in Lifecycle, should be
    # skipped'): the rows where the column holds the value
    (
        re.compile(
            r"^(?:the\s+)?(?:[\w-]+\s+)?(?:contacts|rows|records|entries|lines),?\s+(?:marked|flagged|labell?ed|tagged)\s+"
            r"(?:as\s+)?(?P<v>\S+)\s+in\s+(?P<c>[\w' -]+?),?\s+"
            r"(?P<rest>(?:should|must|are|have to|need to|shall)\b.*)$",
            re.I,
        ),
        r"rows where \g<c> is \g<v> \g<rest>",
    ),
    # the column that holds what is wanted ('Mobile holds the number we want'): that column is used
    (
        re.compile(
            r"^(?:the\s+)?(?P<c>[\w' -]+?)\s+(?:holds|has|contains|carries|is)\s+the\s+(?:right\s+|correct\s+|good\s+)?"
            r"(?:number|value|one|data|phone|email|address|date|name)s?\s+(?:we|i)\s+(?:want|need|should use)$",
            re.I,
        ),
        r"use \g<c>",
    ),
    # the program the file came from says nothing ('the dates come from Excel in UK locale')
    (
        re.compile(
            r"\s+(?:come|comes|came|are|were|was|is)\s+(?:exported\s+|taken\s+)?from\s+(?:ms\s+)?"
            r"(?:excel|google sheets|sheets|numbers|libreoffice|openoffice|salesforce|hubspot|(?:the|our)\s+crm)\b"
            r"(?:\s+(?=in\b))?",
            re.I,
        ),
        " are ",
    ),
    # a phone number that already has its country code stays as it is: said beside a region, it asks for nothing
    (
        re.compile(
            r"^(?:and\s+)?(?:keep|leave)\s+(?:the\s+ones|those|the\s+numbers|numbers|them)\s+(?:that|which|with)\s+"
            r"(?:already\s+)?(?:have|has|start\s+with|carry|come\s+with)\s+(?:a\s+|an\s+|their\s+)?(?:\+|country code|"
            r"prefix|plus)\S*(?:\s+as\s+(?:they\s+are|is))?$",
            re.I,
        ),
        "fine",
    ),
    # the passive said as the command ('phone numbers without a country code should be treated as German' → 'treat
    # phone numbers without a country code as German'; '… should not be imported' → "don't import …")
    (
        re.compile(
            r"^(?P<obj>(?!it\b|this\b|that\b)(?:(?!\b(?:is|are|was|were|if|when|whenever|where|wherever|unless|but)\b)"
            r"[^,;]){2,60}?)\s+(?:should|must|shall|has to|have to|"
            r"needs? to|is to|are to|are|is|will|gets?)(?P<neg>\s+not)?\s+"
            r"(?!.*\b(?:already|always|never|currently|still|usually|often|sometimes|today)\b)(?:be\s+|get\s+)?(?P<part>"
            + "|".join(sorted(_PASSIVE, key=len, reverse=True))
            + r")\b(?P<rest>.*)$",
            re.I,
        ),
        lambda m: (
            ("don't " if m.group("neg") else "")
            + f"{_PASSIVE[m.group('part').lower()]} {m.group('obj')}{m.group('rest')}"
        ),
    ),
    # a column ranked first and another second ('the work phone is first choice, second choice is the mobile'): the
    # second is the fallback of the first
    (
        re.compile(
            r"^(?:the\s+)?(?P<a>[\w' -]{2,30}?)\s+(?:is|as)\s+(?:the\s+)?(?:first|1st|primary|preferred|main)\s+"
            r"(?:choice|option|source|pick)\s*[,;]?\s*(?:and\s+|then\s+)?(?:the\s+)?(?:second|2nd|backup|fallback|"
            r"secondary)(?:\s+(?:choice|option|source|pick))?\s*(?:is\s+|:\s*)?(?:the\s+)?(?P<b>[\w' -]{2,30}?)$",
            re.I,
        ),
        r"if \g<a> is empty, use \g<b>",
    ),
    # a label and a command naming it by a pronoun ('notes: put them in some field'): the pronoun is the label
    (
        re.compile(r"^(?P<x>[\w' -]{2,30}?)\s*:\s*(?P<pre>(?:[\w'-]+\s+){1,3}?)(?:it|them)\b(?P<post>.*)$", re.I),
        r"\g<pre>\g<x>\g<post>",
    ),
    # a verb last after its object and a denial, as German speakers say it ('the Notes not import')
    (
        re.compile(r"^(?P<obj>[\w' -]{2,40}?)\s+(?:please\s+)?not\s+(?P<v>import|bring over|take over|use|map)$", re.I),
        r"don't \g<v> \g<obj>",
    ),
    # 'split Full Name into two: first and last': the count before the parts says nothing
    (
        re.compile(r"\binto\s+(?:two|2)(?:\s+(?:parts|pieces|columns|fields))?\s*[:,]?\s*(?=(?:the\s+)?first\b)", re.I),
        "into ",
    ),
    # the day named as the first number ('the first number in Signup Date is the day', 'the day comes first')
    (
        re.compile(
            r"^(?:in\s+)?(?:the\s+)?(?:first|1st|leading)\s+(?:number|part|digits?|value|component|one|field)\s+"
            r"(?:in|of)\s+(?P<c>[\w' -]+?)\s+(?:is|are|means|gives|shows)\s+the\s+day$",
            re.I,
        ),
        r"\g<c> is day first",
    ),
    (
        re.compile(r"^(?:in\s+)?(?P<c>[\w' -]+?)\s*,?\s+the\s+day\s+(?:comes|is|goes)\s+first$", re.I),
        r"\g<c> is day first",
    ),
    (re.compile(r"^the\s+day\s+(?:comes|is|goes)\s+first\s+in\s+(?P<c>[\w' -]+?)$", re.I), r"\g<c> is day first"),
    # the value wanted said as what a field is ('the phone number we want is the mobile one'): what it should be
    (
        re.compile(
            r"^(?:the\s+)?(?P<f>[\w' -]+?)\s+(?:(?:that|which)\s+)?(?:we|i)\s+(?:want|need|would like)\s+"
            r"(?:is|are)\s+(?P<rest>(?:the\s+)?[\w-]+\s+(?:one|ones|column|number|numbers)\b.*)$",
            re.I,
        ),
        r"\g<f> should be \g<rest>",
    ),
    # rows that must not be lost are kept ('We can't lose those rows'): said beside a fallback, it asks for nothing
    (
        re.compile(
            r"^(?:we|you|i)\s+(?:can't|cannot|can not|must not|mustn't|shouldn't|should not|don't want to|"
            r"do not want to)\s+(?:afford to\s+)?lose\s+(?:those|these|the|them|any|any of the|such)?\s*"
            r"(?:rows|contacts|records|entries|people|lines|data)?$",
            re.I,
        ),
        "keep the rows",
    ),
    # the split point and the rule the name split follows anyway ('split on space, last word is the last name')
    (
        re.compile(
            r"\bsplit\s+(?:(?:it|them)\s+)?(?:on|at|by)\s+(?:the\s+)?(?:last\s+|first\s+)?(?:spaces?|whitespace|"
            r"blanks?)\b",
            re.I,
        ),
        "split",
    ),
    (
        re.compile(
            r"^(?:the\s+)?last\s+(?:word|token|part)\s+(?:is|=|becomes|goes to)\s+(?:the\s+)?last[\s_]name$", re.I
        ),
        "fine",
    ),
    # a fallback or default given as a setting ('country fallback: US', 'status default = lead')
    (
        re.compile(
            r"^(?P<x>[\w' -]{2,30}?)\s+(?:fallback|default|backup|if empty|when empty|if blank|when blank)\s*"
            r"[:=]\s*(?P<v>[\w\u27e6\u27e7' -]{1,30})$",
            re.I,
        ),
        r"if \g<x> is empty, use \g<v>",
    ),
    # a label and a bare verb ('Full Name: split', 'E-mail: lowercase'): the verb applied to the label
    (
        re.compile(
            r"^(?P<x>[\w' -]{2,30}?)\s*:\s*(?P<v>split|lowercase|uppercase|drop|skip|dedupe|ignore|exclude|import|"
            r"don't import|translate)$",
            re.I,
        ),
        r"\g<v> \g<x>",
    ),
    # a column said to be not needed or free to go ('Notes - not needed', 'Notes can go'): not imported
    (
        re.compile(
            r"^(?P<x>[\w' -]{2,30}?)\s*(?:[-\u2013\u2014:]\s*(?:not needed|unneeded|unnecessary|not wanted|not used|"
            r"unused|useless|irrelevant)|\s+(?:is|are)\s+(?:not needed|unneeded|unnecessary|not wanted))$",
            re.I,
        ),
        r"don't import \g<x>",
    ),
    # ('the notes should go' is where they go, asked about; only 'can go' / 'may go' lets a column go)
    (re.compile(r"^(?P<x>[\w' -]{2,30}?)\s+(?:can|may)\s+go(?:\s+away)?$", re.I), r"don't import \g<x>"),
    # 'filter: email not empty' / 'Work Phone not empty': the missing copula
    (re.compile(r"^filter\s*:\s*", re.I), "filter "),
    (
        re.compile(
            r"(?<=\w)(?<!\bis)(?<!\bare)(?<!\bdo)(?<!\bdoes)(?<!\bshould)(?<!\bmust)(?<!\bcan)(?<!\bwill)\s+not\s+"
            r"(?=(?:empty|blank|null|missing)\b)",
            re.I,
        ),
        " is not ",
    ),
    # a split 'in' its parts, as German, French and Italian say it ('divide it in the name and the surname')
    (
        re.compile(
            r"\b(split|divide|separate|break)((?:\s+\w+){0,3}?)\s+in\s+(?=(?:the\s+)?(?:first|name|given|two|2|"
            r"forename)\b)",
            re.I,
        ),
        r"\1\2 into ",
    ),
    # an apposition naming the column ('created_at is the date of signup, column Signup Date'): the column it names
    (
        re.compile(
            r"^(?P<f>[\w' -]+?)\s+(?P<v>is|are|comes from|should come from)\s+[^,]{1,40},\s*(?:the\s+|i\.e\.\s+)?"
            r"(?:column|col)\s+(?P<c>[\w' -]+)$",
            re.I,
        ),
        r"\g<f> \g<v> the \g<c> column",
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
    # a label before it says whose blanks ('country: fill blanks with US')
    (
        re.compile(
            r"^(?P<x>[\w' -]{2,30}?)\s*:\s*fill\s+(?:the\s+|any\s+|all\s+)?(?:blanks?|blank cells|empty cells|empties|"
            r"gaps|nulls?)\s+(?:with|from)\s+(?P<v>[\w' -]+?)$",
            re.I,
        ),
        r"set \g<x> to \g<v> when it is empty",
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
            pattern = (
                rf"\b(?:belongs?\s+to|(?:is|are)\s+from|comes?\s+from|(?:is|are)\s+in|defaults?\s+to)\s+(?:{spelled})\b"
            )
            out.append((re.compile(pattern, re.I), f"are {adjective[code]}"))
    return out


def _compile() -> list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]]:
    rules: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
        (re.compile(rf"\b{bad}\b", re.I), good) for bad, good in _CONTRACTIONS.items()
    ]
    rules += IDIOM_RULES + _SEPARABLE
    tables = [
        *SYNONYMS.items(),
        *REGISTER.items(),
        *FOREIGN.items(),
        *(item for table in IDIOM_TABLES for item in table.items()),
    ]
    phrases = sorted(((p, c) for c, ps in tables for p in ps), key=lambda pc: -len(pc[0]))
    rules += [(re.compile(rf"(?<![\w+]){re.escape(p)}(?!\w)", re.I), c) for p, c in phrases]
    return rules + _country_phrases()


_RULES = _compile()


def canonical(text: str) -> str:
    """The clause in the grammar's vocabulary: each everyday word or phrase replaced by the canonical one."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())
