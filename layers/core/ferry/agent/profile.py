"""Value profiling: what a column's sample values are (emails, phones, URLs, dates, numbers, names, JSON...)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ferry.agent.dates import DateProfile, profile_dates
from ferry.agent.enums import country_code
from ferry.agent.normalize import fold

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
URL_RE = re.compile(r"^(https?://)?(www\.)?[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(:\d+)?(/\S*)?$", re.I)
_PHONE_CHARS_RE = re.compile(r"^\+?[\d\s().\-/]+(?:\s*(?:x|ext\.?)\s*\d+)?$", re.I)
_NUMBER_RE = re.compile(r"^[-+]?(\d{1,3}([,. ']\d{3})+|\d+)([.,]\d+)?([eE][-+]?\d+)?$")
_DECIMAL_RE = re.compile(r"^[-+]?\d+[.,]\d{1,4}$")
_INT_RE = re.compile(r"^[-+]?\d+$")
_BOOL_WORDS = frozenset(
    {"true", "false", "yes", "no", "y", "n", "t", "f", "ja", "nein", "oui", "non", "si", "wahr", "falsch", "x"}
)
_NAME_TOKEN_RE = re.compile(r"^[A-Z][a-z'\u2019\-]+$|^[A-Z]\.$|^[A-Z][a-z]+-[A-Z][a-z]+$")
_PARTICLES = frozenset({"van", "von", "der", "de", "la", "le", "du", "di", "da", "del", "ten", "ter", "zu", "the"})

# Common given names across English-, German-, French- and Spanish-speaking countries (lower-case, accents folded).
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
    integer: float = 0.0
    number: float = 0.0
    boolean: float = 0.0
    json_object: float = 0.0
    given_name: float = 0.0
    person_name: float = 0.0
    full_name: float = 0.0
    country: float = 0.0
    alpha: float = 0.0
    mean_len: float = 0.0
    dates: DateProfile = field(default_factory=DateProfile)
    json_keys: list[str] = field(default_factory=list)

    @property
    def date(self) -> float:
        return self.dates.share

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
        # A bare run of digits may be an id or a number; only a weak phone signal.
        return 0.5 if digits >= 10 else 0.3
    if re.match(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$", value):
        return 0.0  # a date, not a phone
    return 1.0


def _name_tokens(value: str) -> list[str]:
    return [t for t in value.replace(",", " ").split() if t.lower() not in _PARTICLES]


def profile_column(samples: list[str]) -> ColumnProfile:
    """Profile up to a few dozen sample values; every share is the fraction of non-blank samples of that kind."""
    values = [s.strip() for s in samples if s and s.strip()]
    p = ColumnProfile(n=len(values))
    if not values:
        return p
    n = len(values)
    keys: dict[str, int] = {}
    for value in values:
        low = value.lower()
        is_email = bool(EMAIL_RE.match(value))
        p.email += is_email
        p.url += bool(not is_email and URL_RE.match(value) and not _NUMBER_RE.match(value))
        p.phone += _is_phone(value)
        p.integer += bool(_INT_RE.match(value))
        p.number += bool(_NUMBER_RE.match(value))
        p.boolean += low in _BOOL_WORDS or low in {"0", "1"}
        p.country += country_code(value) is not None and not value.isdigit()
        p.alpha += all(ch.isalpha() or ch in " -'\u2019." for ch in value)
        p.mean_len += len(value)
        if value.startswith("{") and value.endswith("}"):
            try:
                obj = json.loads(value)
            except ValueError:
                obj = None
            if isinstance(obj, dict):
                p.json_object += 1
                for key in obj:
                    keys[str(key)] = keys.get(str(key), 0) + 1
        toks = _name_tokens(value)
        if toks and len(toks) <= 4 and all(_NAME_TOKEN_RE.match(t) or (t.isupper() and t.isalpha()) for t in toks):
            p.person_name += 1
            if len(toks) >= 2 and fold(toks[0]) in GIVEN_NAMES:
                p.full_name += 1
        if len(toks) == 1 and fold(toks[0]) in GIVEN_NAMES:
            p.given_name += 1
    for attr in ("email", "url", "phone", "integer", "number", "boolean", "json_object", "person_name", "full_name",
                 "given_name", "country", "alpha", "mean_len"):  # fmt: skip
        setattr(p, attr, getattr(p, attr) / n)
    # Small integers (0/1) are booleans only when that is all there is.
    if p.boolean and not any(v.lower() not in {"0", "1"} for v in values):
        p.boolean *= 0.6
    p.dates = profile_dates(values)
    p.json_keys = sorted(keys, key=lambda k: (-keys[k], k))
    return p
