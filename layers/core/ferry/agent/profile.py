"""Value profiling: what a column's sample values are (emails, phones, URLs, dates, numbers, names, JSON...)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ferry.agent.dates import DateProfile, profile_dates
from ferry.agent.enums import country_code
from ferry.agent.names import is_given_name
from ferry.agent.normalize import fold

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
# An address at a host of one label ('foi@localhost', a test or intranet mail host): still an e-mail address.
_LOCAL_EMAIL_RE = re.compile(r"^[A-Za-z0-9][\w.%+-]*@[A-Za-z][A-Za-z0-9-]+$")
URL_RE = re.compile(r"^(https?://)?(www\.)?[^\W_][\w\-]*(\.[\w\-]+)*\.[^\W\d_]{2,}(:\d+)?(/\S*)?$", re.I)
_PHONE_CHARS_RE = re.compile(r"^\+?[\d\s().\-/]+(?:\s*(?:x|ext\.?)\s*\d+)?$", re.I)
# Leading-dot decimals ('.5', WooCommerce weights) are numbers too.
_NUMBER_RE = re.compile(r"^[-+]?((\d{1,3}([,. ']\d{3})+|\d+)([.,]\d+)?|\.\d+)([eE][-+]?\d+)?$")
# A DOI: the directory code 10, a registrant code of four or more digits, a slash and the item's suffix.
_DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
_DECIMAL_RE = re.compile(r"^[-+]?\d+[.,]\d{1,4}$")
_INT_RE = re.compile(r"^[-+]?\d+$")
_BOOL_WORDS = frozenset(
    {"true", "false", "yes", "no", "y", "n", "t", "f", "ja", "nein", "oui", "non", "si", "wahr", "falsch", "x"}
)
_NAME_TOKEN_RE = re.compile(r"^[^\W\d_][^\W\d_'\u2019\-]*\.?$")
_PARTICLES = frozenset({"van", "von", "der", "de", "la", "le", "du", "di", "da", "del", "ten", "ter", "zu", "the",
                        "dos", "das", "do", "y", "e", "bin", "al"})  # fmt: skip
STREET_WORDS = frozenset(
    {
        "st", "street", "rd", "road", "ave", "av", "avenue", "blvd", "boulevard", "lane", "ln", "dr", "drive", "way",
        "ct", "court", "pl", "place", "sq", "square", "hwy", "highway", "pkwy", "parkway", "terrace", "ter", "cres",
        "crescent", "close", "strasse", "str", "weg", "platz", "allee", "gasse", "ring", "damm", "rue",
        "chemin", "impasse", "calle", "avenida", "plaza", "paseo", "carrer", "via", "viale",
        "piazza", "corso", "rua", "travessa", "largo", "straat", "laan", "plein", "gracht", "suite", "apt", "po",
    }
)  # fmt: skip
_HOUSE_NUMBER_RE = re.compile(r"^\d{1,5}[a-z]?\b|\b\d{1,5}[a-z]?$", re.I)
_NUMBER_FIRST_RE = re.compile(r"^\d{1,5}[a-z]?,?\s+[^\W\d_]{2,}\.?\s+[^\W\d_]{2,}", re.I)
_POSTAL_RE = re.compile(
    r"^(\d{5}(-\d{4})?|\d{4}|\d{4} ?[A-Z]{2}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|\d{3}-\d{4}|"
    r"\d{2}-\d{3}|\d{5}-\d{3})$",
    re.I,
)
# US states, Canadian provinces and Australian states: codes and names (folded).
_REGIONS = frozenset(
    {
        "al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "ga", "hi", "id", "il", "in", "ia", "ks", "ky", "la",
        "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok",
        "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy", "dc", "ab", "bc", "mb",
        "nb", "nl", "ns", "nt", "nu", "on", "pe", "qc", "sk", "yt", "nsw", "vic", "qld", "tas", "act",
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
        "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
        "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
        "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
        "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
        "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming", "ontario", "quebec",
        "british columbia", "alberta", "manitoba", "saskatchewan", "nova scotia", "new south wales", "victoria",
        "queensland", "tasmania", "bavaria", "bayern", "hessen", "sachsen", "berlin", "hamburg", "bremen",
    }
)  # fmt: skip

# Common given names across English-, German-, French- and Spanish-speaking countries (lower-case, accents folded);
# the broad international list is ferry.agent.names (gender-guesser's dictionary).
# fmt: off
GIVEN_NAMES = frozenset(
    [
        "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
        "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
        "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob",
        "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel",
        "gregory", "alexander", "frank", "patrick", "raymond", "jack", "dennis", "jerry", "tyler", "aaron", "jose",
        "adam", "nathan", "henry", "douglas", "zachary", "peter", "kyle", "ethan", "walter", "noah", "jeremy",
        "christian", "keith", "roger", "terry", "gerald", "harold", "sean", "austin", "carl", "arthur", "lawrence",
        "dylan", "jesse", "jordan", "bryan", "billy", "joe", "bruce", "gabriel", "logan", "albert", "willie", "alan",
        "juan", "wayne", "elijah", "randy", "roy", "vincent", "ralph", "eugene", "russell", "bobby", "mason", "philip",
        "louis", "harry", "homer", "bart", "ned", "moe", "mary", "patricia", "jennifer", "linda", "elizabeth",
        "barbara", "susan", "jessica", "sarah", "karen", "lisa", "nancy", "betty", "margaret", "sandra", "ashley",
        "kimberly", "emily", "donna", "michelle", "carol", "amanda", "dorothy", "melissa", "deborah", "stephanie",
        "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "angela", "shirley", "anna", "brenda", "pamela",
        "emma", "nicole", "helen", "samantha", "katherine", "christine", "debra", "rachel", "carolyn", "janet",
        "catherine", "maria", "heather", "diane", "ruth", "julie", "olivia", "joyce", "virginia", "victoria", "kelly",
        "lauren", "christina", "joan", "evelyn", "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline",
        "martha", "gloria", "teresa", "ann", "sara", "madison", "frances", "kathryn", "janice", "jean", "abigail",
        "alice", "judy", "sophia", "grace", "denise", "amber", "doris", "marilyn", "danielle", "beverly", "isabella",
        "theresa", "diana", "natalie", "brittany", "charlotte", "marie", "kayla", "alexis", "lori", "marge", "maggie",
        "christy", "linet", "lucy", "lily", "chloe", "ella", "mia", "ava", "zoe", "molly", "ruby", "holly", "hans",
        "klaus", "jurgen", "uwe", "wolfgang", "stefan", "andreas", "markus", "martin", "dieter", "gunter", "horst",
        "helmut", "manfred", "werner", "gerhard", "bernd", "rainer", "lukas", "leon", "finn", "jonas", "felix",
        "maximilian", "elias", "ben", "luis", "moritz", "niklas", "tim", "jan", "tobias", "sebastian", "florian",
        "matthias", "sven", "jens", "dirk", "heike", "ursula", "monika", "petra", "sabine", "susanne", "gabriele",
        "renate", "karin", "brigitte", "ingrid", "erika", "claudia", "stefanie", "julia", "lena", "lea", "sophie",
        "emilia", "katharina", "johanna", "anke", "birgit", "silke", "kerstin", "greta", "ida", "frieda", "pierre",
        "michel", "philippe", "alain", "nicolas", "christophe", "francois", "laurent", "frederic", "olivier", "julien",
        "sebastien", "guillaume", "thierry", "antoine", "hugo", "lucas", "raphael", "theo", "mathis", "nathalie",
        "isabelle", "sylvie", "francoise", "valerie", "sandrine", "celine", "camille", "manon", "ines", "juliette",
        "amelie", "aurelie", "elodie", "antonio", "manuel", "francisco", "javier", "jesus", "carlos", "miguel",
        "rafael", "pedro", "angel", "alejandro", "fernando", "pablo", "jorge", "alberto", "sergio", "diego", "andres",
        "ramon", "enrique", "vicente", "mario", "raul", "ruben", "adrian", "carmen", "josefa", "isabel", "dolores",
        "pilar", "rosa", "ana", "lucia", "paula", "elena", "marta", "cristina", "sofia", "valentina", "camila",
        "daniela", "gabriela", "mohammed", "ahmed", "ali", "omar", "fatima", "aisha", "wei", "li", "ming", "yuki",
        "hiroshi", "kenji", "priya", "raj", "amit", "rahul", "anil", "sunita",
    ]
)
# fmt: on


@dataclass
class ColumnProfile:
    """Shares of sample values of each kind (0..1), plus date details and a one-line description."""

    n: int = 0
    email: float = 0.0
    url: float = 0.0
    phone: float = 0.0
    phone_digits: float = 0.0  # bare runs of 7-15 digits: a phone when the header says so, an id otherwise
    integer: float = 0.0
    small_int: float = 0.0  # whole numbers below 10,000: counts, flags, or ids into a lookup list
    number: float = 0.0
    boolean: float = 0.0
    json_object: float = 0.0
    json_array: float = 0.0
    given_name: float = 0.0
    person_name: float = 0.0
    full_name: float = 0.0
    surname: float = 0.0  # one capitalised word that is not a known given name
    multiword: float = 0.0  # two or more words
    street: float = 0.0
    region: float = 0.0
    postal: float = 0.0
    country: float = 0.0
    alpha: float = 0.0
    mean_len: float = 0.0
    distinct: int = 0
    dates: DateProfile = field(default_factory=DateProfile)
    json_keys: list[str] = field(default_factory=list)
    json_item_keys: list[str] = field(default_factory=list)
    # Numbered placeholders of generated test data ('Person Name 1', 'First1 Last1'): the same words in every row,
    # only a running number changes. They say nothing about the field, for or against: the header decides.
    placeholder: bool = False

    @property
    def date(self) -> float:
        return self.dates.share

    @property
    def json(self) -> float:
        return self.json_object + self.json_array

    def kind(self) -> str:
        """The dominant kind of value, in words a user understands."""
        ranked = [
            (self.email, "email addresses"),
            (self.url, "web addresses"),
            (self.date, "dates"),
            (self.phone, "phone numbers"),
            (self.boolean if self.boolean > self.number else 0.0, "yes/no values"),
            (self.number, "numbers"),
            (self.json_object, "JSON objects"),
            (self.json_array, "JSON lists"),
            (self.country, "countries"),
            (self.full_name, "full person names"),
            (self.given_name, "given names"),
            (self.person_name, "person names"),
        ]
        share, label = max(ranked, key=lambda item: item[0])
        return label if share >= 0.6 else "text"


def _is_phone(value: str) -> float:
    if not _PHONE_CHARS_RE.match(value):
        return 0.0
    digits = sum(ch.isdigit() for ch in value)
    if not 7 <= digits <= 15 or _DECIMAL_RE.match(value):
        return 0.0
    if value.isdigit():
        # A bare run of digits may be an id or a number; a national number with its trunk 0 is a phone.
        if value[0] == "0" and 9 <= digits <= 11 and value[1] != "0":
            return 1.0
        return 0.5 if digits >= 10 else 0.3
    if re.match(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$", value):
        return 0.0  # a date, not a phone
    if _DOI_RE.match(value):
        return 0.0  # a DOI ('10.1007/11111': registrant prefix, slash, suffix), not a phone
    return 1.0


def _name_tokens(value: str) -> list[str]:
    return [t for t in value.replace(",", " ").split() if t.lower() not in _PARTICLES]


def _looks_like_name(tokens: list[str], value: str) -> bool:
    """Capitalised words (any alphabet), or all-lower-case words that start with a known given name."""
    if not tokens or len(tokens) > 4 or not all(_NAME_TOKEN_RE.match(t) for t in tokens):
        return False
    if all(t[0].isupper() for t in tokens):
        return True
    return value.islower() and len(tokens) >= 2 and _given(tokens[0])


def _given(token: str) -> bool:
    folded = fold(token.strip("."))
    return folded in GIVEN_NAMES or is_given_name(folded)


def _is_street(value: str) -> bool:
    words = [w.strip(".,#") for w in fold(value).replace('"', " ").split()]
    if len(words) < 2:
        return False
    has_number = bool(_HOUSE_NUMBER_RE.search(value.strip()))
    has_word = any(w in STREET_WORDS for w in words) or any(
        w.endswith(("strasse", "str", "weg", "straat", "laan", "gasse", "platz")) for w in words
    )
    # '120 Jefferson St.', 'Hauptstraße 5', or a house number first and two words after it.
    return has_number and (has_word or bool(_NUMBER_FIRST_RE.match(value.strip())))


def _json_of(value: str) -> object:
    if not (value.startswith("{") and value.endswith("}")) and not (value.startswith("[") and value.endswith("]")):
        return None
    try:
        return json.loads(value)
    except ValueError:
        return None


_SHARES = (
    "email", "url", "phone", "phone_digits", "integer", "small_int", "number", "boolean", "json_object", "json_array",
    "person_name", "full_name", "surname", "given_name", "multiword", "country", "alpha", "mean_len", "street",
    "region", "postal",
)  # fmt: skip


# Words with a running number in them, and nothing else ('Person Name 1', 'First1 Last1', 'Item 3').
_PLACEHOLDER_RE = re.compile(r"[^\W\d_]+ ?#?(?: [^\W\d_]+ ?#?)*")


def _numbered_placeholders(values: list[str]) -> bool:
    """Two or more distinct values that are one pattern of words once their numbers are blanked out."""
    if len(set(values)) < 2:
        return False
    patterns = {re.sub(r"\d+", "#", v) for v in values}
    if len(patterns) != 1:
        return False
    pattern = next(iter(patterns))
    return "#" in pattern and bool(_PLACEHOLDER_RE.fullmatch(pattern))


def _urls(value: str) -> bool:
    """A web address, or a list of them in one cell ('a.jpg, b.jpg'; '|' and ';' separate lists too)."""
    if URL_RE.match(value):
        return True
    parts = [part.strip() for part in re.split(r"[,;|]\s*", value)]
    return len(parts) > 1 and all(part.startswith(("http://", "https://")) and URL_RE.match(part) for part in parts)


def profile_column(samples: list[str]) -> ColumnProfile:
    """Profile up to a few dozen sample values; every share is the fraction of non-blank samples of that kind."""
    values = [s.strip() for s in samples if s and s.strip()]
    p = ColumnProfile(n=len(values), distinct=len(set(values)))
    if not values:
        return p
    n = len(values)
    keys: dict[str, int] = {}
    item_keys: dict[str, int] = {}
    for value in values:
        low = value.lower()
        is_email = bool(EMAIL_RE.match(value) or _LOCAL_EMAIL_RE.match(value))
        p.email += is_email
        p.url += bool(not is_email and not _NUMBER_RE.match(value) and _urls(value))
        p.phone += _is_phone(value)
        p.phone_digits += value.lstrip("+").isdigit() and 7 <= len(value.lstrip("+")) <= 15
        p.integer += bool(_INT_RE.match(value))
        p.small_int += bool(_INT_RE.match(value)) and abs(int(value)) < 10_000
        p.number += bool(_NUMBER_RE.match(value))
        p.boolean += low in _BOOL_WORDS or low in {"0", "1"}
        p.country += country_code(value) is not None and not value.isdigit()
        p.alpha += all(ch.isalpha() or ch in " -'\u2019." for ch in value)
        p.mean_len += len(value)
        p.street += _is_street(value)
        p.region += fold(value).strip(". ") in _REGIONS
        p.postal += bool(_POSTAL_RE.match(value))
        obj = _json_of(value)
        if isinstance(obj, dict):
            p.json_object += 1
            for key in obj:
                keys[str(key)] = keys.get(str(key), 0) + 1
        elif isinstance(obj, list):
            p.json_array += 1
            for item in obj:
                if isinstance(item, dict):
                    for key in item:
                        item_keys[str(key)] = item_keys.get(str(key), 0) + 1
        toks = _name_tokens(value)
        p.multiword += len(value.split()) >= 2
        if _looks_like_name(toks, value):
            p.person_name += 1
            # 'Susan Clever', or 'Clever, Susan' (last name first, the split's comma form)
            after = _name_tokens(value.split(",")[1]) if value.count(",") == 1 else []
            if len(toks) >= 2 and (_given(toks[0]) or (bool(after) and _given(after[0]))):
                p.full_name += 1
            if len(toks) == 1 and not _given(toks[0]) and len(toks[0]) > 2:
                p.surname += 1
        if len(toks) == 1 and _given(toks[0]):
            p.given_name += 1
    for attr in _SHARES:
        setattr(p, attr, getattr(p, attr) / n)
    # Small integers (0/1) are booleans only when that is all there is.
    if p.boolean and not any(v.lower() not in {"0", "1"} for v in values):
        p.boolean *= 0.6
    if all(v.lower() in _BOOL_WORDS for v in values) and not all(v.isupper() for v in values):
        p.country = 0.0  # 'no', 'yes': flags, not Norway
    p.dates = profile_dates(values)
    p.placeholder = _numbered_placeholders(values)
    p.json_keys = sorted(keys, key=lambda k: (-keys[k], k))
    p.json_item_keys = sorted(item_keys, key=lambda k: (-item_keys[k], k))
    return p
