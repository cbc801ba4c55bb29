"""Word order and idiom of German and French speakers' English, and the roles people give a column in a
sentence ("the fallback", "the default"), rewritten to the plain command a family reads.

Each rule is one *kind* of wording: a fronted object or phrase ("For phone take the Mobile", "The status Kunde
you must import as customer"), a contrast that only repeats what is not wanted ("..., not the Work Phone"), a
column named as the fallback or backup ("Mobile is the fallback for phone when Work Phone is blank"), a priority
list ("Work Phone first, and if there is none, Mobile"), a default given as a label ("Default country: US"), a
participle instead of a verb ("Full Name broken into first and last name") and a column described by the event
it dates ("Signup Date is when the contact was created"). Names stay as typed; the family resolves them.
"""

from __future__ import annotations

import re

from ferry.recipe.editor.rephrase.common import MISSING, Rule

_WHEN = r"(?:when|if|whenever|where|in case)"
_SPARE = r"(?:fallback|fall-back|back-?up|back-up|reserve|second choice|alternative|spare|substitute|replacement)"
_MODAL = r"(?:must|should|shall|can|have to|has to|need to|needs to|are to|is to)"

ORDER_RULES: list[Rule] = [
    # 'For phone take the Mobile': a fronted 'for <field>' goes after the verb's object
    (
        re.compile(r"^for\s+(?:the\s+)?(?P<f>[^,]+?)\s+(?P<v>take|use|map|get|pick)\s+(?P<x>.+)$", re.I),
        r"\g<v> \g<x> for \g<f>",
    ),
    # 'The status Kunde you must import as customer', 'Contacts without email we skip them': an object fronted
    # before the subject (and a modal), sometimes named again by a pronoun after the verb
    (
        re.compile(
            rf"^(?P<o>.+?)\s+(?:you|we|they|one)\s+(?:{_MODAL}\s+)?(?P<v>import|treat|take|map|read|use|bring over|"
            r"translate|convert|drop|skip|split|leave out|ignore|exclude|remove|keep)(?:\s+(?:them|it|those|these))?"
            r"(?:\s+(?P<rest>(?:as|to|into|for)\s.*))?$",
            re.I,
        ),
        lambda m: f"{m['v']} {m['o']} {m['rest'] or ''}".strip(),
    ),
    # 'For the phone we want the Mobile number': a fronted field with what is wanted for it
    (
        re.compile(r"^for\s+(?:the\s+)?(?P<f>[^,]+?)\s+(?:we|i)\s+(?:want|need|would like|'d like)\s+(?P<x>.+)$", re.I),
        r"use \g<x> for \g<f>",
    ),
    # 'The Mobile column is the one to map to phone': a column named as the one for a field
    (
        re.compile(
            r"^(?P<x>.+?)\s+is\s+the\s+(?:one|column)\s+(?:to\s+(?:map|use|take)|(?:we|i)\s+(?:want|need|use))\s+"
            r"(?:to|for)\s+(?:the\s+)?(?P<f>.+)$",
            re.I,
        ),
        r"map \g<x> to \g<f>",
    ),
    # 'let email be empty': a missing value allowed is the field optional (the template's call, said so)
    (
        re.compile(r"^let\s+(?:the\s+)?(?P<f>.+?)\s+be\s+(?:empty|blank|missing|left empty)$", re.I),
        r"\g<f> can be empty",
    ),
    # 'If two rows share an email, keep only the first one': the duplicates described by what they share
    (
        re.compile(
            r"^(?:if|when|where)\s+(?:two|several|multiple|many|more)\s+(?:\w+\s+)?(?:rows|records|contacts|entries|lines)"
            r"\s+(?:share|have)\s+(?:an?|the\s+same|one)\s+(?P<k>[^,]+?)\s*,\s*(?:then\s+)?(?:keep|import|take)\s+"
            r"(?:only\s+)?the\s+first(?:\s+one|\s+row)?$",
            re.I,
        ),
        r"keep only the first row for each \g<k>",
    ),
    # 'Phone numbers are German unless they say otherwise': the number's own prefix is what says otherwise
    (
        re.compile(
            r"^(?P<a>.*\b(?:phones?|numbers?)\b.*?)\s+unless\s+(?:they|it)\s+(?:say|says|show|shows|state|states|"
            r"indicate|indicates)\s+otherwise$",
            re.I,
        ),
        r"\g<a> unless they have a country code",
    ),
    # 'I want the notes imported somewhere': a wish for a column to go somewhere
    (
        re.compile(
            r"^(?:i\s+(?:want|need|would like|'d like)\s+)?(?P<x>.+?)\s+(?:imported|kept|put|mapped|stored)\s+"
            r"(?P<w>somewhere|anywhere)$",
            re.I,
        ),
        r"put \g<x> \g<w>",
    ),
    # 'The dates we write European': a column fronted before who writes it is how it is written
    (
        re.compile(r"^(?P<x>.+?)\s+(?:we|they|you|people)\s+(?:write|put|note|enter|give)\s+(?P<how>.+)$", re.I),
        r"\g<x> are written \g<how>",
    ),
    # 'First name and last name should be taken from Full Name, by splitting it': the split said as the means
    (
        re.compile(
            r"^(?P<y>.+?)\s+(?:should|must|can|will|are to|have to)\s+(?:be\s+)?(?:taken|made|built|derived|got|"
            r"gotten|come)\s+(?:from|out of)\s+(?P<x>[^,]+?)\s*,?\s+by\s+(?:splitting|separating|dividing|cutting)"
            r"(?:\s+(?:it|them|that|the name))?(?:\s+up)?$",
            re.I,
        ),
        r"split \g<x> into \g<y>",
    ),
    # 'the version from before': the previous version, named by when it was
    (
        re.compile(
            r"^(?:(?:go\s+)?back to\s+|return to\s+)?the\s+(?:version|recipe|state)\s+(?:from\s+)?before$", re.I
        ),
        "go back to the previous version",
    ),
    # 'keep the notes in one of the fields': any field at all
    (re.compile(r"\s+(?:in|into|to)\s+(?:one of the|any of the|one of our)\s+fields$", re.I), " in some field"),
    # 'import Kunde as customer': a value imported as another is a translation
    (re.compile(r"^(?:import|bring over|take|read)\s+(?P<o>.+?)\s+as\s+(?P<t>[^,]+)$", re.I), r"treat \g<o> as \g<t>"),
    # '..., not the Work Phone' / ', not as MM/DD': the alternative not wanted adds nothing to the command
    (re.compile(r",?\s+(?:and\s+|but\s+)?not\s+(?:as\s+|from\s+|in\s+|with\s+)?(?:the\s+)?[^,]+$", re.I), ""),
    # 'Mobile is the fallback for the phone when Work Phone is blank', 'the mobile number as a backup when ...'
    (
        re.compile(
            rf"^(?:use\s+|take\s+)?(?P<x>.+?)\s+(?:is|as|should be|serves as)\s+(?:the|a|an)\s+{_SPARE}"
            rf"(?:\s+(?:for|of)\s+(?:the\s+)?(?P<f>[^,]+?))?\s*,?\s+(?P<c>{_WHEN}\s+.+)$",
            re.I,
        ),
        lambda m: f"{m['c']}, use {m['x']}" + (f" for {m['f']}" if m["f"] else ""),
    ),
    # 'Work Phone first, and if there is none, Mobile' / 'Work Phone first, otherwise Mobile'
    (
        re.compile(
            r"^(?:take\s+|use\s+)?(?P<a>.+?)\s+first\s*,?\s*(?:and\s+)?(?:if\s+(?:there\s+is|there's)\s+(?:none|"
            rf"nothing|no\s+\w+)|if\s+(?:it'?s|it\s+is|that'?s|that\s+is)\s+{MISSING}|otherwise|else|then|and then|"
            r"failing that)\s*,?\s*(?:then\s+)?(?:take\s+|use\s+)?(?P<b>.+)$",
            re.I,
        ),
        r"if \g<a> is empty, use \g<b>",
    ),
    # 'Default country: US', 'default for country = US', 'country default: US'
    (
        re.compile(
            r"^(?:the\s+)?default(?:\s+value)?(?:\s+(?:for|of))?\s+(?:the\s+)?(?P<f>[^:=]+?)\s*(?::|=|->|=>|\s+is|"
            r"\s+should be)\s*(?P<v>.+)$",
            re.I,
        ),
        r"if \g<f> is empty, use \g<v>",
    ),
    (
        re.compile(r"^(?:the\s+)?(?P<f>[^:=]+?)\s+default(?:\s+value)?\s*(?::|=|->|=>|\s+is)\s*(?P<v>.+)$", re.I),
        r"if \g<f> is empty, use \g<v>",
    ),
    # 'Full Name broken into first and last name': a participle for the command
    (
        re.compile(
            r"^(?P<x>.+?)\s+(?:broken|split|separated|divided|cut|splitted)\s+(?:up\s+)?(?P<p>into|in)\s+(?P<y>.+)$",
            re.I,
        ),
        r"split \g<x> into \g<y>",
    ),
    # 'Signup Date is when the contact was created': a date column described by the event it records
    (
        re.compile(
            r"^(?P<x>.+?)\s+(?:is|says|tells|gives|shows|records|holds)\s+(?:the\s+(?:date|day|time)\s+)?"
            r"(?:when|on which|at which)\s+(?:the\s+)?(?:\w+\s+)?(?:was|were|got|is|has been)\s+(?P<p>\w+)$",
            re.I,
        ),
        r"map \g<x> to \g<p>",
    ),
    # 'phones without +49': a dialling code named by example is the country code
    (
        re.compile(r"\b(?:without|with no|lacking|missing)\s+(?:an?\s+|the\s+)?\+\d{1,3}\b", re.I),
        "without a country code",
    ),
    # 'the notes should land in some field', 'end up somewhere': to go
    (re.compile(r"\b(?:land|end up|wind up|be put|be placed|be stored)\s+(?=in\b|into\b|somewhere\b)", re.I), "go "),
]
