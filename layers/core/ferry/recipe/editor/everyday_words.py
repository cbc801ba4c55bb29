"""Round 21: message-wide wordings of the usual changes that a clause reading would take the wrong way before any
rephrasing is tried ('read as' corrected to 'lead as'; 'the contact's email' read without its condition), so they
are said the plain way before the sentences are cut (`messages._MESSAGE_REWRITES`). Each is a form, never a
sentence."""

from __future__ import annotations

import re

_HOLE = r"\u27e6\d+\u27e7"  # a quoted part, cut out before these rules run
_ROWS = r"(?:rows?|records?|contacts?|lines?|entries|ones)"
_DROP = r"(?:drop|skip|ignore|exclude|remove|delete|discard|leave out|throw away|throw out|filter out)"

EVERYDAY_MESSAGE_REWRITES: list[tuple[re.Pattern[str], str]] = [
    # a value pair said as a reading: 'Kunde, read as customer', "'Deutschland' shall be construed as DE"
    # (a date order is no value: 'Signup Date, read as day first' is left to the date families)
    (re.compile(r"(?:,\s*(?:read|taken|treated|counted)|\s+(?:is|are|(?:is|are)\s+to\s+be|should\s+be|shall\s+be|must\s+be|to\s+be)\s+"
                r"(?:understood|interpreted|construed|regarded))\s+as\s+"
                r"(?!(?:an?\s+|the\s+)?(?:day|month|year|dd|mm|yyyy|us|european|iso|american|british|dates?|text|"
                r"numbers?|strings?|empty|blank|missing|null)\b)(?=[\w\u27e6])", re.I), " means "),
    # a legal drafting's 'the term' before a quoted value: "the term 'Kunde' shall mean customer"
    (re.compile(rf"\b(?:the\s+)?(?:term|word|label|expression)\s+(?={_HOLE})", re.I), ""),
    # whose email or phone it is says nothing more: 'the domain of the contact's email' → 'of the email'
    (re.compile(r"\b(?:contact|person|customer|client|row|record|user)'s\s+(?=e-?mails?\b|phones?\b)", re.I), ""),
    # a receptionist's 'turn them away' is dropping them: 'please don't turn them away'
    (re.compile(rf"\bturn\s+((?:the\s+|any\s+|those\s+|these\s+)?{_ROWS}|it|them|those|these)\s+away\b", re.I),
     r"drop \1"),
    # a company's website is the website: 'build one from their company website's domain' (never Organization)
    (re.compile(r"\b(?:company|business|firm)(?:'s)?\s+(?=web\s?sites?\b|homepages?\b)", re.I), ""),
    # a field said with its kind after it: 'the created_at date', 'the company name' → the field alone (only a
    # field's key as the template spells it, so 'first name' or 'email address' never lose a word)
    (re.compile(r"\b(company|created_at|updated_at|status|country)\s+(?:name|date|field|value)\b(?!\s+(?:of|is)\b)",
                re.I), r"\1"),
    # rows fronted, then the pronoun before its verb (Turkish, Japanese order): 'Lifecycle is test, these rows you
    # ignore' → '…, ignore these rows'
    (re.compile(rf",\s*((?:these|those|such|all\s+the|all)\s+{_ROWS}|them)\s+(?:you\s+|we\s+)?(?:please\s+)?({_DROP})"
                rf"(?=\s*(?:[.!;]|$))", re.I), r", \2 \1"),
    # dev28 (hunt 3): regional and nursery words for the usual ones. Scots 'nae' (no), "o'" (of), a closing ', ken'
    # or ', aye' (a tag, no instruction), ', no the …' (not the …); South African 'now-now' (soon: now); a
    # kindergarten's 'little letters' (lower case) and 'big letters' (capitals)
    (re.compile(r"\bnae\b", re.I), "no"),
    (re.compile(r"(?<=\s)o'(?=\s+(?:the|a|an|their|them|those|these|it)\b)", re.I), "of"),
    (re.compile(r",\s*(?:ken|aye|ja|hey|lah)\s*(?=[.!?;]|$)", re.I), ""),
    (re.compile(r",\s*aye\s*,", re.I), ","),
    (re.compile(r",\s*no\s+(?=the\s)", re.I), ", not "),
    (re.compile(r"\s*\bnow-now\b", re.I), ""),
    # a column said not to be needed ('Mobile, not needed', 'Notes: not needed') is not imported: never the
    # column the field should take ('Mobile, not Work Phone')
    (re.compile(r"^\W*((?:the\s+)?[\w -]{1,30}?)\s*[,:-]\s*(?:is\s+|are\s+)?not\s+(?:needed|wanted|necessary|relevant)"
                r"\s*[.!]?\s*$", re.I), r"don't import \1"),
    (re.compile(r"\b(?:should|must)\s+(?:use|be\s+in|be\s+written\s+in)\s+(?:little|small|tiny|wee)\s+letters\b", re.I),
     "should be lower case"),
    (re.compile(r"\b(?:little|small|tiny|wee)\s+letters\b", re.I), "lower case"),
    (re.compile(r"\b(?:big|large)\s+(?:capital\s+)?letters\b", re.I), "capital letters"),
    # a closing 'please take this into account' after a statement asks for nothing more than the statement
    (re.compile(r"[,;]?\s*(?:so\s+)?(?:please\s+)?(?:take|keep)\s+(?:this|that|it)\s+into\s+(?:account|consideration)"
                r"\s*(?:please\s*)?(?=[.!]|$)", re.I), ""),
]  # fmt: skip
