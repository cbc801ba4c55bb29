"""A curated CRM vocabulary: concepts and the header phrases (English, German, French, Spanish) that name them.

General CRM knowledge, written once: a field and a column meet when they name the same concept. Phrases are in
normalised form (see `normalize.tokens`): lower-case, accents folded, words separated by one space.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from ferry.agent.documented import phrases as documented_phrases
from ferry.agent.lexicon import ENTITY_WORDS, LEXICON, NAME_WORDS, NOISE_WORDS
from ferry.agent.lexicon import phrases as lexicon_phrases
from ferry.agent.lexicon_depth import NAME_ONLY
from ferry.agent.lexicon_more import MORE_LEXICON
from ferry.agent.normalize import fold, join_tokens, tokens

# fmt: off
CONCEPTS: dict[str, tuple[str, ...]] = {
    "first_name": (
        "first name", "given name", "forename", "first", "christian name", "vorname", "prenom", "nombre",
        "nombre de pila", "primer nombre", "given", "contact first name",
    ),
    "last_name": (
        "last name", "surname", "family name", "last", "nachname", "familienname", "zuname", "nom de famille",
        "apellido", "apellidos", "primer apellido", "contact last name",
    ),
    "full_name": (
        "name", "full name", "contact name", "contact", "person", "display name", "person name", "customer name",
        "client name", "vollstandiger name", "ansprechpartner", "kontakt", "nom complet", "nom et prenom",
        "nombre completo", "lead name",
    ),
    "email": (
        "email", "email address", "mail", "mail address", "emailadresse", "email adresse", "mailadresse", "courriel",
        "adresse email", "adresse mail", "adresse electronique", "correo", "correo electronico",
        "direccion de correo", "email id", "primary email", "work email", "business email", "contact email",
        "electronic mail",
    ),
    "phone": (
        "phone", "telephone", "phone number", "telephone number", "work phone", "business phone", "office phone",
        "primary phone", "contact phone", "contact phone number", "telefon", "telefonnummer", "rufnummer",
        "numero de telephone", "tel", "telefono", "numero de telefono", "landline", "main phone", "phone 1",
        "festnetz",
    ),
    "mobile": (
        "mobile", "mobile phone", "mobile number", "cell", "cell phone", "cellphone", "handy", "handynummer", "mobil",
        "mobilnummer", "mobiltelefon", "portable", "telephone portable", "movil", "celular", "telefono movil",
        "mobile telephone",
    ),
    "fax": (
        "fax", "fax number", "telefax", "numero de fax",
    ),
    "company": (
        "company", "company name", "organization", "organisation", "organization name", "account", "account name",
        "employer", "business", "business name", "firma", "firmenname", "unternehmen", "societe", "entreprise",
        "nom de l entreprise", "empresa", "compania", "organizacion", "customer", "client", "kunde",
        "nombre de la empresa", "nombre de empresa", "razon social", "raison sociale",
        # a person's organisation in academic and public-sector exports (Janeway's editors; round 30)
        "institution", "institution name", "affiliation",
    ),
    "website": (
        "website", "web site", "url", "web", "homepage", "home page", "site web", "site", "webseite", "internetseite",
        "sitio web", "pagina web", "company website", "domain", "web address", "www",
    ),
    "job_title": (
        # not 'role': in an export it is an access or party role (owner, member, billing, customer) far more often
        "title", "job title", "position", "job position", "job", "designation", "berufsbezeichnung", "funktion",
        "stellung", "poste", "fonction", "titre", "cargo", "puesto",
    ),
    "created_at": (
        "created", "created at", "created date", "creation date", "date created", "created on", "create date",
        "signup date", "sign up date", "signed up", "registration date", "registered", "registered on", "joined",
        "join date", "date joined", "date added", "added on", "since", "customer since", "erstellt", "erstellt am",
        "erstellungsdatum", "anmeldedatum", "registriert am", "angelegt am", "date de creation", "date d inscription",
        "cree le", "fecha de creacion", "fecha de alta", "fecha de registro",
    ),
    "updated_at": (
        "updated", "updated at", "last modified", "modified", "last modified date", "last updated", "date modified",
        "modified date", "modified on", "geandert am", "aktualisiert", "date de modification",
        "fecha de modificacion", "system mod stamp",
    ),
    "birth_date": (
        "birth date", "date of birth", "birthday", "birthdate", "born", "geburtsdatum", "geburtstag", "bday", "b day",
        "date de naissance", "fecha de nacimiento",
    ),
    "country": (
        "country", "country code", "country name", "nation", "land", "pays", "pais", "billing country",
        "mailing country", "country region", "herkunftsland", "country of residence",
    ),
    "state": (
        "state", "province", "region", "state province", "bundesland", "provincia", "estado", "departement",
        "billing state", "mailing state", "state code",
    ),
    "city": (
        "city", "town", "ort", "stadt", "wohnort", "ville", "ciudad", "localidad", "locality", "suburb",
        "municipality", "billing city", "mailing city",
    ),
    "postal_code": (
        "zip", "zip code", "postal code", "postcode", "plz", "postleitzahl", "code postal", "codigo postal",
        "billing postal code", "mailing postal code", "billing zip", "pin code", "pincode",
    ),
    "street": (
        "street", "address", "street address", "address line", "address line 1", "address 1", "strasse", "anschrift",
        "adresse", "rue", "direccion", "calle", "billing street", "mailing street",
    ),
    "status": (
        "status", "lifecycle", "lifecycle stage", "lead status", "contact status", "customer status",
        "account status", "kundenstatus", "statut", "estatus", "situacion", "lifecycle status", "estado del cliente",
        "statut du client",
    ),
    "notes": (
        "notes", "note", "comments", "comment", "remarks", "remark", "memo", "notizen", "notiz", "bemerkung",
        "bemerkungen", "kommentar", "anmerkungen", "commentaire", "commentaires", "remarques", "notas", "comentarios",
        "observaciones", "observations",
    ),
    "description": (
        "description", "details", "summary", "beschreibung", "descripcion", "about",
    ),
    "id": (
        "id", "identifier", "record id", "external id", "uuid", "guid", "contact id", "customer id",
        "customer number", "kundennummer", "kunden nr", "numero client", "identifiant", "rec id",
        # what user and account exports call the person's or account's own key
        "account number", "account no", "customer no", "client number", "member number", "official code",
    ),
    # A sign-in name: the record's key in some systems, only a handle beside the key in others (a kind of id, asked).
    "login": (
        "username", "user name", "login", "login name", "benutzername", "nom d utilisateur", "nombre de usuario",
    ),
    "gender": (
        "gender", "sex", "geschlecht", "sexe", "genero", "sexo",
    ),
    "age": (
        "age", "alter", "edad", "years", "years old", "age in years",
    ),
    "industry": (
        "industry", "sector", "branche", "secteur", "industria", "sector industrial", "vertical",
    ),
    "revenue": (
        "annual revenue", "revenue", "turnover", "sales", "umsatz", "jahresumsatz", "chiffre d affaires", "ingresos",
        "facturacion",
    ),
    "employees": (
        "employees", "number of employees", "employee count", "headcount", "staff", "company size", "mitarbeiter",
        "anzahl mitarbeiter", "mitarbeiterzahl", "effectif", "empleados", "numero de empleados",
    ),
    "amount": (
        "amount", "deal value", "deal amount", "opportunity amount", "value", "betrag", "wert", "montant", "importe",
        "monto", "price", "total",
    ),
    "close_date": (
        "close date", "closing date", "expected close date", "close", "closed date", "abschlussdatum",
        "date de cloture", "fecha de cierre",
    ),
    "stage": (
        "stage", "deal stage", "stage name", "pipeline stage", "sales stage", "opportunity stage", "phase",
        "verkaufsphase", "etape", "etapa", "fase",
    ),
    "lead_source": (
        "lead source", "source", "origin", "channel", "acquisition channel", "referral source", "quelle", "herkunft",
        "leadquelle", "origine", "canal", "fuente", "origen",
    ),
    "owner": (
        "owner", "account owner", "contact owner", "deal owner", "assigned to", "sales rep", "owner id",
        "responsible", "verantwortlich", "betreuer", "proprietaire", "responsable", "propietario",
    ),
    "department": (
        "department", "abteilung", "departement", "departamento", "division", "team", "group",
    ),
    "linkedin": (
        "linkedin", "linkedin url", "linkedin profile", "linked in",
    ),
    "probability": (
        "probability", "win probability", "likelihood", "wahrscheinlichkeit", "probabilite", "probabilidad",
        "abschlusswahrscheinlichkeit",
    ),
    "deal_name": (
        "deal name", "opportunity name", "opportunity", "deal", "name of deal", "deal title", "nom de l affaire",
        "nom de l opportunite", "nombre del negocio", "nombre de la oportunidad", "name des deals", "dealname",
        "verkaufschance", "opportunite", "oportunidad",
    ),
    "currency": (
        "currency", "currency code", "wahrung", "devise", "moneda", "iso currency",
    ),
    "fiscal_year": (
        "fiscal year", "geschaftsjahr", "exercice", "ano fiscal",
    ),
    "type": (
        "type", "record type", "kind", "typ", "art", "tipo", "account type",
        "type de compte", "tipo de cuenta", "kontotyp", "company type", "kundentyp",
    ),
    "manager": (
        "manager", "reports to", "supervisor", "boss", "vorgesetzter", "responsable hierarchique",
    ),
    "tags": (
        "tags", "tag", "labels", "schlagworte", "etiquettes", "etiquetas",
    ),
    "language": (
        "language", "locale", "sprache", "langue", "idioma", "preferred language",
    ),
    "timezone": (
        "timezone", "time zone", "zeitzone", "fuseau horaire", "zona horaria",
    ),
    "salutation": (
        "salutation", "prefix", "honorific", "titel", "civilite", "tratamiento",
    ),
    "middle_name": (
        "middle name", "middle initial", "zweiter vorname", "second prenom", "segundo nombre",
    ),
    "opt_in": (
        # a bare or GDPR 'consent' is consent to keep the data, not to marketing: only 'marketing consent' is
        "opt in", "email opt in", "subscribed", "newsletter", "marketing consent", "do not email", "unsubscribed",
    ),
    "county": (
        "county", "district", "landkreis", "kreis", "condado", "comte",
    ),
}

# Concepts that are a narrower kind of another concept: a 'Mobile' column can fill a phone field, with less certainty.
BROADER: dict[str, tuple[str, ...]] = {
    "mobile": ("phone",),
    "description": ("notes",),
    "notes": ("description",),
    "deal_name": ("full_name",),
    "category": ("type",),
    "type": ("category", "document_type"),  # a publication's bare 'Type' is its document type, less surely
    "manufacturer": ("brand", "supplier"),
    "brand": ("manufacturer",),
    "sale_price": ("price",),
    "purchase_cost": ("cost",),
    "cost": ("purchase_cost",),
    "requester": ("full_name",),
    "assignee": ("owner",),
    "owner": ("assignee",),
    "product_name": ("deal_name",),
    "subject": ("description",),
    "revenue": ("amount",),  # a deal's 'turnover' or 'expected revenue' is its amount, less surely
    "login": ("id",),
}

# Words that, in a header, say the value belongs to someone other than the record itself ('Dads email').
OTHER_PARTY_WORDS = frozenset(
    {
        "assistant", "assistants", "boss", "bosses", "brother", "child", "childs", "dad", "dads", "daughter",
        "ehefrau", "ehemann", "emergency", "esposa", "esposo", "father", "fathers", "friend", "friends", "guardian",
        "husband", "husbands", "kid", "kids", "madre", "manager", "managers", "mere", "mom", "moms", "mother",
        "mothers", "mum", "mums", "mutter", "padre", "parent", "parents", "partner", "partners", "pere", "referrer",
        "referrers", "sister", "son", "spouse", "spouses", "vater", "wife", "wifes",
    }
)

# Phrases that name a set only in the plural: 'Lists' are the lists a contact is on (tags), while a 'List' names the
# one list an export came from (the import's destination), and 'Labels' are tags while a 'Label' is the record's own.
# Likewise a word whose cut 's' leaves another word: French 'pays' (country) is no plural of 'pay' (a salary), a
# shop's 'assets' (its images) no plural of the 'asset' a register lists, 'years' (an age) no plural of a 'year'.
PLURAL_ONLY = frozenset({"lists", "labels", "pays", "assets", "years"})

# Header words that qualify without changing the concept ('Primary E-mail', 'Work Phone').
SOFT_WORDS = frozenset(
    {
        "1", "a", "address", "billing", "business", "current", "das", "data", "de", "default", "del", "der", "des",
        "die", "du", "el", "field", "home", "in", "info", "information", "l", "la", "le", "mailing", "main", "my",
        "new", "of", "office", "official", "old", "percent", "personal", "preferred", "primary", "private", "text",
        "the", "value", "work", "your", "global",
        # 'current' in other languages ('Eintrittsdatum aktuell')
        "aktuell", "aktuelle", "aktueller", "aktuelles", "actuel", "actuelle", "attuale", "huidig", "huidige", "atual",
    }
)
# fmt: on

# The multilingual lexicon and the export tools' vocabularies (ferry.agent.lexicon), and the labels widely used
# systems document for their import templates (ferry.agent.documented), join the core vocabulary.
_WITHOUT_MORE_LANGUAGES = frozenset(
    p
    for source in (CONCEPTS, lexicon_phrases(languages_of_more=False), documented_phrases())
    for g in source.values()
    for p in g
)
for _source in (lexicon_phrases(), documented_phrases()):
    for _concept, _phrases in _source.items():
        CONCEPTS[_concept] = tuple(dict.fromkeys(CONCEPTS.get(_concept, ()) + _phrases))
SOFT_WORDS = SOFT_WORDS | NOISE_WORDS


def singular(word: str) -> str:
    """A crude English singular ('counties' → 'county', 'notes' → 'note'); leaves 'address' and 'status' alone."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def singular_phrase(text: str) -> str:
    """Every word of a phrase in singular form."""
    return " ".join(singular(w) for w in text.split())


@lru_cache(maxsize=1)
def _phrase_index() -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for concept, phrases in CONCEPTS.items():
        for phrase in phrases:
            norm = join_tokens(tokens(phrase))
            core = " ".join(w for w in norm.split() if w not in SOFT_WORDS) or norm
            # A phrase stripped of qualifiers still names the concept, unless only a generic word is left
            # ('business name' must not make every 'Name' a company).
            keys = (norm, singular_phrase(norm)) + ((core, singular_phrase(core)) if len(core.split()) > 1 else ())
            if norm in PLURAL_ONLY:
                keys = (norm,)
            for key in dict.fromkeys(keys):
                if concept not in index.setdefault(key, []):
                    index[key].append(concept)
    return index


@lru_cache(maxsize=1)
def _short_words_of_more_languages() -> frozenset[str]:
    """Words of three letters or fewer that only `lexicon_more`'s phrases bring ('pa' of Danish 'på lager', Vietnamese
    'so' and 'ma'): in a header they are rather a prefix or an abbreviation ('paCity', 'paCountry'), so stay unknown."""
    more = {p for by_language in MORE_LEXICON.values() for group in by_language.values() for p in group}

    def short(phrases: Iterable[str]) -> set[str]:
        return {w for p in phrases for w in join_tokens(tokens(p)).split() if len(w) <= 3}

    return frozenset(short(more) - short(_WITHOUT_MORE_LANGUAGES))


@lru_cache(maxsize=1)
def vocabulary_words() -> frozenset[str]:
    """Every word the vocabulary knows (used to segment run-together headers such as 'BILLINGCOUNTRY')."""
    words: set[str] = set()
    for phrase in _phrase_index():
        words.update(phrase.replace("email", "e mail email").split())
    words -= _short_words_of_more_languages()
    words.update(
        {"date", "number", "name", "code", "id", "is", "has", "count", "total", "expected", "next", "step", "last",
         "activity", "by", "quantity", "fiscal", "quarter", "forecast", "won", "closed", "deleted", "master",
         "record", "parent", "ticker", "symbol", "rating", "sic", "ownership", "price", "book", "line", "item",
         "opportunity", "revenue", "annual", "stamp", "system", "mod", "postal", "billing", "shipping", "added",
         "signup", "modified", "created", "updated", "contacted", "percent",
         # real words one letter from a field word: 'Height' is not a misspelt 'weight', 'custom' no 'custo' (cost)
         "height", "width", "length", "depth", "size", "colour", "color", "volume", "custom"}
    )  # fmt: skip
    # The record nouns ('idusers', 'Inventarnummer' = inventar + nummer), and the form words in other languages.
    words.update(w for nouns in ENTITY_WORDS.values() for w in nouns)
    words.update({"nummer", "nr", "numero", "nombre", "nom", "nome", "naam", "code", "codigo", "codice"})
    return frozenset(w for w in words if len(w) > 1)


# The lexicon's lists of English words: its own, and the export tools' vocabularies.
_ENGLISH_LISTS = frozenset({"en", "vendor", "publication"})


@lru_cache(maxsize=1)
def _singular_only() -> frozenset[str]:
    """Vocabulary words that only `singular` spells, the English rule cutting another language's word ('notities',
    'prijs', 'adres'); an English plural's singular ('keywords') is a real word, and stays a spelling to correct to."""
    written = {w for phrases in CONCEPTS.values() for p in phrases for w in join_tokens(tokens(p)).split()}
    english: set[str] = set()
    foreign: set[str] = set()
    for by_language in LEXICON.values():
        for language, phrases in by_language.items():
            (english if language in _ENGLISH_LISTS else foreign).update(
                w for p in phrases for w in join_tokens(tokens(p)).split()
            )
    english |= written - foreign
    return frozenset({singular(w) for w in foreign - english} - written)


@lru_cache(maxsize=1)
def _correction_targets() -> dict[str, str]:
    """Spellings a typo can be corrected to: vocabulary words, and whole phrases written as one word."""
    # Not a spelling only the crude singular makes ('notities' -> 'notity'): nobody writes it, so a real word one
    # edit from it ('notify') is no slip of the finger.
    made = _singular_only()
    targets = {w: w for w in sorted(vocabulary_words()) if len(w) >= 4 and w not in made}
    for phrase in sorted(_phrase_index()):
        glued = phrase.replace(" ", "")
        if " " in phrase and len(glued) >= 6:
            targets.setdefault(glued, phrase)
    return targets


# Words this long or shorter are corrected only to a spelling with the same first letter.
_SHORT_WORD = 5


@lru_cache(maxsize=65536)
def correct_typo(word: str) -> str | None:
    """The vocabulary spelling of a misspelt word ('Pohne' → phone, 'Lasttname' → last name), or None.

    One edit (insert, drop, swap, replace) for words up to 9 letters, two for longer ones; never for short words,
    where one edit turns a word into another word. Two edits in a word of eight or nine letters mostly reach another
    real word ('religion' → region, 'national' → nation, 'projects' → products), not the word a slip missed.
    """
    targets = _correction_targets()
    if len(word) < 4 or word in targets or not word.isalpha():
        return None
    limit = 1 if len(word) <= 9 else 2
    found = process.extract(word, sorted(targets), scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=None)
    if not found:
        return None
    if len(word) <= _SHORT_WORD:
        # A short word with another first letter is another word, not a slip of the finger ('host' is no 'cost').
        found = [f for f in found if f[0][0] == word[0]]
        if not found:
            return None
    nearest = min(f[1] for f in found)
    spellings = {targets[f[0]] for f in found if f[1] == nearest}
    # Two words equally close ('some': home, nome) is a guess, not a correction; and the answer must not hang on
    # the order a set happens to iterate in (PYTHONHASHSEED).
    return spellings.pop() if len(spellings) == 1 else None


# Letters up to which an all-capitals word is a field code (an abbreviation), not a slip of the finger.
_CODE_LETTERS = 4


def _code_not_a_slip(header: str, word: str, fixed: str) -> bool:
    """Whether a correction of an all-capitals code of four letters is another word, not the word it shortens (round
    53): 'DENO' (dénomination) is no 'dono', 'ISSN' no 'isbn', 'LEID' no 'lead'; 'LOCA' still starts 'local'."""
    return header.strip().isupper() and len(word) <= _CODE_LETTERS and not fixed.replace(" ", "").startswith(word)


@lru_cache(maxsize=65536)
def _one_edit_phrase(glued: str) -> str | None:
    """The one vocabulary phrase a run-together header is one edit away from ('modenumber' → model number)."""
    phrases = {t: p for t, p in _correction_targets().items() if " " in p}
    found = process.extract(glued, sorted(phrases), scorer=DamerauLevenshtein.distance, score_cutoff=1, limit=None)
    spellings = {phrases[f[0]] for f in found if f[1] == 1}
    return spellings.pop() if len(spellings) == 1 else None


@lru_cache(maxsize=1)
def _glued_phrases() -> dict[str, tuple[str, ...]]:
    """Vocabulary phrases of known words by their run-together spelling ('unitsinstock' → units in stock); a spelling
    two phrases share names neither."""
    known = vocabulary_words()
    found: dict[str, set[tuple[str, ...]]] = {}
    for phrase in _phrase_index():
        words = tuple(phrase.split())
        if len(words) > 1 and all(w in known for w in words):
            found.setdefault("".join(words), set()).add(words)
    return {glued: next(iter(ws)) for glued, ws in found.items() if len(ws) == 1}


def segment(word: str) -> tuple[str, ...]:
    """Split a run-together word into vocabulary words ('billingcountry' → billing country), or return it whole."""
    known = vocabulary_words()
    n = len(word)
    if n < 6 or word in known:
        return (word,)
    # A phrase of the vocabulary written as one word reads as that phrase, whatever other cut is as short
    # ('unitsinstock': units in stock, not 'unit sin stock'; round 51).
    phrase = _glued_phrases().get(word)
    if phrase is not None:
        return phrase
    # Dynamic programming: fewest pieces, every piece a known word.
    best: list[tuple[int, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, [])
    for end in range(1, n + 1):
        for start in range(max(0, end - 20), end):
            prev = best[start]
            piece = word[start:end]
            if prev is not None and (piece in known or (len(piece) > 3 and singular(piece) in known)):
                cand = (prev[0] + 1, [*prev[1], piece])
                current = best[end]
                if current is None or cand[0] < current[0]:
                    best[end] = cand
    final = best[n]
    return tuple(final[1]) if final is not None else (word,)


@lru_cache(maxsize=65536)
def header_words(header: str) -> tuple[str, ...]:
    """Normalised tokens with run-together words segmented; the form every header signal works on."""
    out: list[str] = []
    for word in tokens(header):
        out.extend(segment(word) if word.isalpha() else (word,))
    return tuple(join_tokens(out).split())


@lru_cache(maxsize=65536)
def corrected_words(header: str) -> tuple[str, ...] | None:
    """Header words with typos corrected, or None when nothing needed correcting."""
    words = header_words(header)
    known = vocabulary_words()
    out: list[str] = []
    changed = False
    for word in words:
        fixed = None if word in known or singular(word) in known else correct_typo(word)
        if fixed is not None and _code_not_a_slip(header, word, fixed):
            fixed = None
        if fixed is not None:
            out.extend(fixed.split())
            changed = True
        else:
            out.append(word)
    unknown = [w for w in words if w not in known and singular(w) not in known]
    if not changed and 1 < len(words) <= 3 and unknown and all(w.isalpha() and len(w) >= 4 for w in unknown):
        # A typo that leaves a real word ('Mode Number') is no word-by-word correction: read the phrase whole.
        whole = _one_edit_phrase("".join(words))
        if whole is not None:
            return tuple(whole.split())
    return tuple(out) if changed else None


# Concepts whose field holds a thing by its name, so that '<thing> name' names the field as surely as '<thing>'. Not
# a person or an organisation ('Customer Name' is a person's name in one file, a company's in another).
NAMED_THINGS = frozenset(
    {
        "department",
        "category",
        "customer_group",
        "manufacturer",
        "brand",
        "supplier",
        "location",
        "city",
        "state",
        "country",
        "stage",
        "status",
        "type",
        "unit",
        "currency",
        "tax_class",
        "channel",
        "lead_source",
    }
)


NAMED_THINGS |= NAME_ONLY  # an asset's model (lexicon_depth)

# The one-word words for 'name' ('Name', Dutch 'naam', French 'nom', Spanish 'nombre', ...).
_NAME_WORD = frozenset({"name"} | {w for w in NAME_WORDS if " " not in w})


def concepts_of_words(words: tuple[str, ...]) -> dict[str, float]:
    """Concepts named by already-normalised header words (see `concepts_of`)."""
    index = _phrase_index()
    found: dict[str, float] = {}
    whole = singular_phrase(" ".join(words))
    for concept in index.get(whole, []) + index.get(" ".join(words), []):
        found[concept] = 1.0
    core = [w for w in words if w not in SOFT_WORDS] or list(words)
    for concept in index.get(singular_phrase(" ".join(core)), []):
        found.setdefault(concept, 0.95)
    # Sub-phrases: the longest vocabulary phrase inside the header, weighted by how much of the header it explains.
    n = len(words)
    for size in range(min(n, 4), 0, -1):
        for start in range(0, n - size + 1):
            phrase = singular_phrase(" ".join(words[start : start + size]))
            for concept in index.get(phrase, []):
                leftover = [w for i, w in enumerate(words) if not start <= i < start + size and w not in SOFT_WORDS]
                strength = 0.9 if not leftover else max(0.45, 0.85 - 0.15 * len(leftover))
                if size == 1 and n > 1 and leftover:
                    strength -= 0.05
                found[concept] = max(found.get(concept, 0.0), strength)
    if n > 2 and words[-2:] == ("date", "time"):
        # 'Created Date Time' is 'Created Date' with its time of day: the trailing 'time' qualifies nothing.
        for concept, strength in concepts_of_words(words[:-1]).items():
            found[concept] = max(found.get(concept, 0.0), strength)
    if n == 2 and (words[1] in _NAME_WORD or (words[0] in _NAME_WORD and words[0] != "name")):
        # '<thing> name' is the thing itself where the field holds the thing by its name ('Department Name',
        # 'Category name', 'Manufacturer Name'): the word 'name' is no qualifier that makes it something else, in
        # another language either, where it may come first ('categorienaam', 'nom catégorie', 'nombre categoria').
        thing = words[0] if words[1] in _NAME_WORD else words[1]
        for concept in index.get(singular(thing), []):
            if concept in NAMED_THINGS:
                found[concept] = max(found.get(concept, 0.0), 0.95)
    return found


@lru_cache(maxsize=65536)
def _concepts_cached(header: str) -> tuple[tuple[str, float], ...]:
    words = header_words(header)
    if not words:
        return ()
    found = concepts_of_words(words)
    fixed = corrected_words(header)
    if fixed is not None:
        # A corrected typo is good evidence, a little less than the spelling itself.
        for concept, strength in concepts_of_words(fixed).items():
            found[concept] = max(found.get(concept, 0.0), round(strength * 0.92, 4))
    return tuple(sorted(found.items()))


def concepts_of(header: str) -> dict[str, float]:
    """Concepts a header names, with a strength: 1.0 for a whole-header synonym, less when words are left over."""
    return dict(_concepts_cached(header))


def _names_the_relation(header: str, relation: list[str]) -> bool:
    """The whole header is a phrase for the concept its relation word names ('Reporting Manager': manager)."""
    whole = {c for c, s in concepts_of(header).items() if s >= 0.9}
    return any(whole & {c for c, s in concepts_of(w).items() if s >= 0.9} for w in relation)


def has_other_party(header: str) -> bool:
    """True when the header says the value belongs to someone else ('Dads email', "Mother's phone").

    A header that is only the relation ('Manager') names a field of its own, not someone else's value.
    """
    raw = fold(header)
    words = [w for w in header_words(header) if w not in SOFT_WORDS]
    relation = [w for w in words if w in OTHER_PARTY_WORDS]
    if relation and len(words) > len(relation):
        # 'Reporting Manager', 'Line Manager' name the relation itself, as a whole phrase, as 'Manager' does.
        return not _names_the_relation(header, relation)
    return ("'s " in raw or "\u2019s " in raw) and len(words) > 1
