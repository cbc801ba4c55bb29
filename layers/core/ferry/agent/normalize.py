"""Header normalisation: one comparable form for 'E-Mail', 'email_address__c', 'EmailAddress' and 'E_MAIL'."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ferry.agent.lexicon import UNSPACED_GLOSSES
from ferry.agent.lexicon_depth import DEPTH_ABBREVIATIONS, expand_in_context

# Vendor/CRM export decorations that carry no meaning for matching (Salesforce custom fields, HubSpot, generic custom;
# a custom-field namespace whole, 'custom_fields_phones', before the bare 'custom_').
_VENDOR_SUFFIXES = ("__c", "__pc", "__r", "__s", "_c")
_VENDOR_PREFIXES = (
    "hs_", "cf_", "custom_fields_", "custom_field_", "custom_", "x_", "sf_", "zoho_", "crm_", "fld_", "c_",
)  # fmt: skip

# Common abbreviations in exported headers, expanded to the words the vocabulary uses.
ABBREVIATIONS: dict[str, str] = {
    "fname": "first name",
    "lname": "last name",
    "fn": "first name",
    "ln": "last name",
    "nm": "name",
    "addr": "address",
    "adr": "address",
    "dob": "date of birth",
    "tel": "telephone",
    "ph": "phone",
    "phn": "phone",
    "mob": "mobile",
    "cel": "cell",
    "no": "number",
    "nr": "number",
    "num": "number",
    "nbr": "number",
    "qty": "quantity",
    "amt": "amount",
    "desc": "description",
    "descr": "description",
    "org": "organization",
    "orgs": "organizations",
    "co": "company",
    "comp": "company",
    "cmpny": "company",
    "dt": "date",
    "ts": "timestamp",
    "cnt": "count",
    "ctry": "country",
    "cntry": "country",
    "st": "street",
    "str": "street",
    "zipcode": "zip code",
    "postcode": "postal code",
    "eml": "email",
    "emailaddress": "email address",
    "mail": "mail",
    "usr": "user",
    "uid": "user id",  # Drupal's and Unix's user id (round 53)
    "acct": "account",
    "acc": "account",
    "dept": "department",
    "mgr": "manager",
    "pos": "position",
    "yr": "year",
    "yrs": "years",
    "mo": "month",
    "ext": "extension",
    "info": "information",
    "msg": "message",
    "pct": "percent",
    "perc": "percent",
    "prob": "probability",
    "rev": "revenue",
    "emp": "employees",
    "empl": "employees",
    "ind": "industry",
    "src": "source",
    "stat": "status",
    "sts": "status",
    "cre": "created",
    "crtd": "created",
    "upd": "updated",
    "mod": "modified",
    "lastname": "last name",
    "firstname": "first name",
    "fullname": "full name",
    "surname": "surname",
    "phonenumber": "phone number",
    "zip": "zip",
    "cty": "city",
    "ann": "annual",
    "cls": "close",
    "stg": "stage",
    "typ": "type",
    # Asset and ticket exports: 'sn' (s/n) is a serial number there; LDAP's 'sn' for a surname is left to the person.
    "sn": "serial number",
    "mfr": "manufacturer",
    "mfg": "manufacturer",
    "loc": "location",
    "prio": "priority",
}
ABBREVIATIONS.update(DEPTH_ABBREVIATIONS)  # technical exports' shortened words (lexicon_depth)

_KEY_WORDS = frozenset({"id", "ref", "reference", "key"})
_NAME_INITIALS = {"f": "first", "l": "last", "g": "given", "m": "middle"}
_CAMEL_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# Greek and Cyrillic letters are word letters too (lower-case, accents folded): 'Επώνυμο', 'Фамилия'.
_NON_WORD_RE = re.compile(r"[^0-9a-z\u03b1-\u03c9\u0430-\u045f\u0491]+")
_DIGIT_SPLIT_RE = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")
# A '#' after a word is its number ('task#', 'Item #', 'PO #'); a leading one ('# of employees') is left alone.
_NUMBER_SIGN_RE = re.compile(r"(?<=[^\W\d_])\s*#(?!\w)")


def fold(text: str) -> str:
    """Lower-case and strip accents (ß→ss, é→e) so German/French/Spanish headers compare with plain ASCII."""
    text = text.replace("ß", "ss").replace("ẞ", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().translate(_PLAIN_LETTERS)


# Letters NFKD leaves whole (no accent to strip), as export tools spell them in plain letters: Polish 'ł', Turkish
# dotless i, Vietnamese 'đ', Danish and Norwegian 'ø' and 'æ'; Greek's final sigma is its sigma.
_PLAIN_LETTERS = str.maketrans({"ł": "l", "\N{LATIN SMALL LETTER DOTLESS I}": "i", "đ": "d", "ø": "o", "æ": "ae",
                                "œ": "oe", "ð": "d", "þ": "th",
                                "\N{GREEK SMALL LETTER FINAL SIGMA}": "\N{GREEK SMALL LETTER SIGMA}"})  # fmt: skip


def strip_vendor(header: str) -> str:
    """Drop vendor decorations like Salesforce's `__c` or HubSpot's `hs_` (case-insensitive)."""
    text = header.strip()
    lowered = text.lower()
    for suffix in _VENDOR_SUFFIXES:
        # `_c` alone is only stripped after a word of some length, so `abc_c` style keys survive.
        if lowered.endswith(suffix) and len(lowered) > len(suffix) + 2:
            text, lowered = text[: -len(suffix)], lowered[: -len(suffix)]
            break
    for prefix in _VENDOR_PREFIXES:
        if lowered.startswith(prefix) and len(lowered) > len(prefix) + 2:
            text = text[len(prefix) :]
            break
    return text


# A bracketed hint after the name ('Birthday (yyyy-mm-dd)', 'Weight (lbs)', 'Titles ID (Mr = 1, Ms = 2)').
_HINT_RE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")


def strip_hints(header: str) -> tuple[str, list[str]]:
    """The header without bracketed hints when a name is left ('Created At (UTC)' → 'Created At'), and the hints."""
    bare = _HINT_RE.sub(" ", header).strip()
    if not re.search(r"[^\W\d_]", bare):
        return header, []
    return bare, [h.strip(" ()[]") for h in _HINT_RE.findall(header)]


# A run of characters from scripts written without spaces between words (kana, CJK ideographs, full-width forms).
_UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff10-\uff5a\u30fc]+")
_GLOSS_MAX = max(len(term) for term in UNSPACED_GLOSSES)
UNREAD = "unread"  # the word for characters of such a script that no known term covers


def gloss_unspaced(text: str) -> str:
    """Japanese and Chinese words as English ones ('商品説明' → 'product description'): at each position the longest
    known term. Characters no term covers become the word 'unread', so a header read only in part ('在庫数無制限フラグ',
    stock quantity + unread) is not taken for the part that was read."""

    def read(run: str) -> str:
        out: list[str] = []
        start = 0
        while start < len(run):
            for end in range(min(len(run), start + _GLOSS_MAX), start, -1):
                if run[start:end] in UNSPACED_GLOSSES:
                    out.append(UNSPACED_GLOSSES[run[start:end]])
                    start = end
                    break
            else:
                if not out or out[-1] != UNREAD:
                    out.append(UNREAD)
                start += 1
        return f" {' '.join(out)} "

    return _UNSPACED_RE.sub(lambda m: read(m.group(0)), text)


@lru_cache(maxsize=65536)
def tokens(header: str) -> tuple[str, ...]:
    """Header → normalised words: vendor decorations off, camelCase split, accents folded, abbreviations expanded,
    Japanese and Chinese terms read as their English glosses."""
    text = gloss_unspaced(strip_vendor(header))
    text = text.replace("'s ", " ").replace("\u2019s ", " ")
    # camelCase only when the header mixes cases; ALL-CAPS Salesforce headers stay one word here.
    if not text.isupper():
        text = _CAMEL_RE.sub(" ", text)
    text = fold(text)
    text = _NUMBER_SIGN_RE.sub(" number ", text)
    text = _NON_WORD_RE.sub(" ", text)
    text = _DIGIT_SPLIT_RE.sub(" ", text)
    out: list[str] = []
    words = expand_in_context(text.split())  # 'sal_amt', 'sal_curr': read beside a money word
    for i, word in enumerate(words):
        # 'f_name' / 'FName' / 'l_name': a lone initial before 'name' is first/last/given.
        if word in _NAME_INITIALS and i + 1 < len(words) and words[i + 1] in ("name", "nm"):
            out.append(_NAME_INITIALS[word])
            continue
        # 'ExtID', 'ext_ref': before a key word 'ext' is external (an extension is a phone's, never a record's key).
        if word == "ext" and i + 1 < len(words) and words[i + 1] in _KEY_WORDS:
            out.append("external")
            continue
        out.extend(ABBREVIATIONS.get(word, word).split())
    return tuple(out)


def normalize_header(header: str) -> str:
    """The normalised header as one space-separated string ('E-Mail Address' → 'e mail address' → 'email address')."""
    return join_tokens(tokens(header))


def join_tokens(words: tuple[str, ...] | list[str]) -> str:
    """Join tokens, gluing the split 'e mail' back to 'email' so both spellings meet."""
    text = " ".join(words)
    return re.sub(r"\be mail\b", "email", text)


def compact(header: str) -> str:
    """Normalised header with no spaces: lets ALL-CAPS run-together headers ('CLOSEDATE') meet 'close date'."""
    return normalize_header(header).replace(" ", "")
