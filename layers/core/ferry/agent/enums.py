"""Fuzzy mapping of source values onto a field's allowed enum values (with country and CRM-status knowledge)."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, Field
from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from ferry.agent.countries import ISO_COUNTRIES
from ferry.agent.normalize import fold

# ISO 3166 alpha-2 → names and codes people write (English, German, French, Spanish, ISO alpha-3, common short forms).
COUNTRIES: dict[str, tuple[str, ...]] = {
    "US": ("united states", "united states of america", "usa", "us", "u s", "u s a", "america", "vereinigte staaten",
           "etats unis", "estados unidos", "eeuu"),
    "GB": ("united kingdom", "uk", "u k", "great britain", "britain", "england", "scotland", "wales", "gbr",
           "grossbritannien", "vereinigtes konigreich", "royaume uni", "reino unido", "gb"),
    "DE": ("germany", "deutschland", "allemagne", "alemania", "deu", "ger", "de", "federal republic of germany"),
    "FR": ("france", "frankreich", "francia", "fra", "fr"),
    "ES": ("spain", "spanien", "espagne", "espana", "esp", "es"),
    "IT": ("italy", "italien", "italie", "italia", "ita", "it"),
    "NL": ("netherlands", "the netherlands", "holland", "niederlande", "pays bas", "paises bajos", "nld", "nl"),
    "BE": ("belgium", "belgien", "belgique", "belgica", "bel", "be"),
    "AT": ("austria", "osterreich", "autriche", "aut", "at"),
    "CH": ("switzerland", "schweiz", "suisse", "suiza", "svizzera", "che", "ch"),
    "CA": ("canada", "kanada", "can", "ca"),
    "MX": ("mexico", "mexiko", "mexique", "mex", "mx"),
    "BR": ("brazil", "brasilien", "bresil", "brasil", "bra", "br"),
    "AR": ("argentina", "argentinien", "argentine", "arg", "ar"),
    "AU": ("australia", "australien", "australie", "aus", "au"),
    "NZ": ("new zealand", "neuseeland", "nouvelle zelande", "nueva zelanda", "nzl", "nz"),
    "IE": ("ireland", "irland", "irlande", "irlanda", "irl", "ie"),
    "PT": ("portugal", "prt", "pt"),
    "SE": ("sweden", "schweden", "suede", "suecia", "swe", "se"),
    "NO": ("norway", "norwegen", "norvege", "noruega", "nor", "no"),
    "DK": ("denmark", "danemark", "dinamarca", "dnk", "dk"),
    "FI": ("finland", "finnland", "finlande", "finlandia", "fin", "fi"),
    "PL": ("poland", "polen", "pologne", "polonia", "pol", "pl"),
    "CZ": ("czech republic", "czechia", "tschechien", "republique tcheque", "chequia", "cze", "cz"),
    "GR": ("greece", "griechenland", "grece", "grecia", "grc", "gr"),
    "TR": ("turkey", "turkiye", "turkei", "turquie", "turquia", "tur", "tr"),
    "RU": ("russia", "russian federation", "russland", "russie", "rusia", "rus", "ru"),
    "UA": ("ukraine", "ucrania", "ukr", "ua"),
    "IN": ("india", "indien", "inde", "ind", "in"),
    "CN": ("china", "volksrepublik china", "chine", "chn", "cn", "prc"),
    "JP": ("japan", "japon", "jpn", "jp"),
    "KR": ("south korea", "korea", "republic of korea", "sudkorea", "coree du sud", "corea del sur", "kor", "kr"),
    "SG": ("singapore", "singapur", "singapour", "sgp", "sg"),
    "IL": ("israel", "isr", "il"),
    "AE": ("united arab emirates", "uae", "vereinigte arabische emirate", "emirats arabes unis", "are", "ae"),
    "ZA": ("south africa", "sudafrika", "afrique du sud", "sudafrica", "zaf", "za"),
    "LU": ("luxembourg", "luxemburg", "luxemburgo", "lux", "lu"),
    "HU": ("hungary", "ungarn", "hongrie", "hungria", "hun", "hu"),
    "RO": ("romania", "rumanien", "roumanie", "rumania", "rou", "ro"),
    "CL": ("chile", "chili", "chl", "cl"),
    "CO": ("colombia", "kolumbien", "colombie", "col", "co"),
    "PE": ("peru", "perou", "per", "pe"),
}  # fmt: skip

# Allowed-value words and what people write for them in CRMs (English, German, French, Spanish).
VALUE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "lead": ("interessent", "prospect", "prospekt", "potential", "potenzieller kunde", "new lead", "mql", "sql",
             "prospecto", "cliente potencial", "piste", "lead"),
    "customer": ("kunde", "client", "cliente", "customer", "bestandskunde", "active customer", "won", "paying",
                 "abonnent", "subscriber"),
    "churned": ("churn", "churned", "former customer", "ex kunde", "ehemaliger kunde", "lost", "cancelled",
                "canceled", "gekundigt", "ancien client", "perdu", "perdido", "baja", "inactive"),
    # A shop's item shown in the catalogue is live ('Visible' 1/0: OkayCMS, round 49), one hidden is not.
    "active": ("aktiv", "actif", "activo", "enabled", "live", "open", "published", "publie", "publicado", "online",
               "visible"),
    "inactive": ("inaktiv", "inactif", "inactivo", "disabled", "dormant", "hidden", "invisible"),
    # A record taken out of use but kept (OpenMRS' 'Void/Retire', a catalogue's discontinued article).
    "archived": ("retired", "retire", "void", "voided", "discontinued", "archiviert", "archive"),
    # An asset that works is in use (Atlas CMMS' 'Operational', Fabric's 'IsOperational' flag; round 51).
    "in_use": ("operational", "in operation", "in service", "in use"),
    "true": ("yes", "y", "ja", "oui", "si", "1", "x", "wahr", "vrai", "verdadero", "t"),
    "false": ("no", "n", "nein", "non", "0", "falsch", "faux", "falso", "f"),
    "yes": ("y", "ja", "oui", "si", "true", "1", "x", "t"),
    "no": ("n", "nein", "non", "false", "0", "f"),
    "male": ("m", "man", "mann", "mannlich", "homme", "masculin", "hombre", "masculino", "mr", "herr", "h"),
    "female": ("f", "w", "woman", "frau", "weiblich", "femme", "feminin", "mujer", "femenino", "mrs", "ms"),
    "other": ("diverse", "divers", "d", "autre", "otro", "non binary", "x"),
    "partner": ("partenaire", "socio", "partnerin", "reseller", "channel partner", "aliado"),
    "open": ("offen", "ouvert", "abierto", "in progress"),
    # The workflow states of issue trackers (Jira, Linear, GitHub, Plane) in a help desk's words.
    "new": ("to do", "todo", "backlog", "triage", "unstarted", "not started"),
    "solved": ("done", "resolved", "resolve", "fixed", "completed"),
    # The middle of a three-step priority scale (Low, Medium, High) is the normal priority.
    "normal": ("medium", "med", "mittel", "moyenne", "moyen", "media", "medio", "medium priority"),
    # Forms of address in the vocabulary's languages (JVerein's 'Herrn', round 52).
    "mr": ("herr", "herrn", "monsieur", "senor", "signor", "dhr", "heer", "mister"),
    "mrs": ("frau", "madame", "mme", "senora", "signora", "mevr", "mevrouw"),
    # The unmarried woman's title is written Ms where a template has no Miss.
    "ms": ("miss", "mlle", "srta"),
    "closed": ("cancelled", "canceled", "wont fix", "won t fix", "duplicate", "rejected"),
    "won": ("closed won", "gewonnen", "gagne", "ganado"),
    "lost": ("closed lost", "verloren", "perdu", "perdido"),
}  # fmt: skip


class EnumMapping(BaseModel):
    """Source value → allowed value (None when no good match), with a confidence per value."""

    mapping: dict[str, str | None] = Field(default_factory=dict)
    confidence: dict[str, float] = Field(default_factory=dict)
    method: dict[str, str] = Field(default_factory=dict, description="How each value was matched, for rationales.")

    @property
    def coverage(self) -> float:
        """Share of the sampled values that found an allowed value."""
        if not self.mapping:
            return 0.0
        return sum(v is not None for v in self.mapping.values()) / len(self.mapping)

    @property
    def unmatched(self) -> list[str]:
        return [k for k, v in self.mapping.items() if v is None]


def _norm(value: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in fold(value.strip())).split())


@lru_cache(maxsize=1)
def _country_lookup() -> dict[str, str]:
    out: dict[str, str] = {}
    # Every ISO country's English names first; the curated table (codes, other languages, 'usa') overrides.
    for code, names in ISO_COUNTRIES.items():
        for name in names:
            out[name] = code
    for code, names in COUNTRIES.items():
        out[code.lower()] = code
        for name in names:
            out[name] = code
    return out


def country_code(value: str) -> str | None:
    """ISO alpha-2 code for a country name (every ISO country in English; the common ones also in German, French
    and Spanish) or a common code, else None."""
    return _country_lookup().get(_norm(value))


@lru_cache(maxsize=1)
def _value_synonyms() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for canonical, words in VALUE_SYNONYMS.items():
        out.setdefault(canonical, set()).update(_norm(w) for w in words)
        out[canonical].add(canonical)
    return out


def _match_one(value: str, allowed: list[str], allowed_norm: list[str]) -> tuple[str | None, float, str]:
    norm = _norm(value)
    if not norm:
        return None, 0.0, "blank"
    for target, target_norm in zip(allowed, allowed_norm, strict=True):
        if norm == target_norm:
            return target, 1.0 if value.strip() == target else 0.98, "same value"
    code = country_code(value)
    if code is not None:
        for target in allowed:
            if country_code(target) == code:
                return target, 0.97, "same country"
    synonyms = _value_synonyms()
    for target, target_norm in zip(allowed, allowed_norm, strict=True):
        words = synonyms.get(target_norm, set())
        if norm in words:
            return target, 0.93, "synonym"
    # A value that is a synonym of a synonym's canonical word ('Client' → customer when allowed has 'Customer').
    for canonical, words in synonyms.items():
        if norm in words:
            for target, target_norm in zip(allowed, allowed_norm, strict=True):
                if target_norm == canonical or target_norm in words:
                    return target, 0.9, "synonym"
    # 'inactive', 'unsubscribed', 'not paid' say the opposite of the allowed value they are spelled like.
    if any(_negates(norm, tn) for tn in allowed_norm):
        return None, 0.0, "the opposite of an allowed value"
    # A value that spells out an allowed value among other words ('Negotiation/Review' → Negotiation).
    words = set(norm.split())
    contained = [t for t, tn in zip(allowed, allowed_norm, strict=True) if tn and set(tn.split()) <= words]
    if len(contained) == 1 and len(words) <= 4 and max(len(w) for w in _norm(contained[0]).split()) >= 5:
        return contained[0], 0.85, "contains the allowed value"
    # Fuzzy: typos and prefixes ('custmer', 'Cust.'). Short strings need a near-exact match.
    best: tuple[str | None, float] = (None, 0.0)
    for target, target_norm in zip(allowed, allowed_norm, strict=True):
        score = fuzz.ratio(norm, target_norm) / 100
        if len(norm) >= 3 and target_norm.startswith(norm):
            score = max(score, 0.88)
        if len(target_norm) >= 3 and norm.startswith(target_norm) and len(norm) - len(target_norm) <= 3:
            score = max(score, 0.86)
        if score > best[1]:
            best = (target, score)
    threshold = 0.8 if min(len(norm), 6) >= 5 else 0.9
    if best[0] is not None and best[1] >= threshold:
        return best[0], round(min(0.9, best[1] - 0.05), 3), "close spelling"
    # One slip of the keyboard in a short word ('Leed'), or the same stem ('Qualified' → Qualification).
    close = [
        t
        for t, tn in zip(allowed, allowed_norm, strict=True)
        if (len(norm) >= 4 and DamerauLevenshtein.distance(norm, tn) <= 1)
        or (len(norm) >= 6 and len(tn) >= 6 and norm[:6] == tn[:6] and not tn.startswith(norm[:6] + " "))
    ]
    if len(close) == 1:
        return close[0], 0.8, "close spelling"
    return None, round(best[1], 3), "no good match"


_NEGATIONS = ("in", "un", "non", "dis", "not ", "non ", "no ", "not")


def _negates(value: str, target: str) -> bool:
    """Whether `value` is `target` negated by a prefix or a leading 'not'/'no' ('inactive' of 'active')."""
    return bool(target) and any(value == prefix + target for prefix in _NEGATIONS)


def map_enum_values(samples: list[str], allowed: list[str]) -> EnumMapping:
    """Map each distinct sample value to an allowed value (exact, country, synonym, then fuzzy); None when unsure."""
    allowed_norm = [_norm(a) for a in allowed]
    result = EnumMapping()
    for value in dict.fromkeys(s for s in samples if s.strip()):
        target, conf, method = _match_one(value, allowed, allowed_norm)
        result.mapping[value] = target
        result.confidence[value] = conf
        result.method[value] = method
    return result
