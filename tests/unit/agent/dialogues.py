"""The scenario of shared/notes/agent-dialogues.md: the Contacts template, its source sheet and a first recipe.

The recipe is what a generate run would plausibly propose: names not split yet, phone from Work Phone only,
dates read month-first, no value maps, no filters, no dedup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ferry.core.domain import ColumnManifest, SheetManifest, Template, TemplateField
from ferry.recipe import Recipe, recipe_from_mapping

FILE_ID = "file_1"
SHEET_ID = "sheet_1"

CONTACTS = Template(
    name="Contacts",
    sheet_id="contacts",
    fields=[
        TemplateField(key="first_name", label="First name", type="string"),
        TemplateField(key="last_name", label="Last name", type="string", aliases=["Surname"]),
        TemplateField(key="email", label="Email address", type="email", required=True, unique=True),
        TemplateField(key="phone", label="Phone number", type="phone"),
        TemplateField(key="company", label="Company", type="string"),
        TemplateField(key="created_at", label="Created", type="date"),
        TemplateField(key="country", label="Country", type="enum", values=["US", "DE", "FR", "GB"]),
        TemplateField(key="status", label="Lifecycle status", type="enum", values=["lead", "customer", "churned"]),
    ],
)

HEADER = ["Full Name", "E-mail", "Work Phone", "Mobile", "Organization", "Website", "Signup Date", "Land",
          "Lifecycle", "Notes"]  # fmt: skip

# Realistic rows: some emails missing or upper-case, work phones missing, day-first dates, a test row, a repeat.
ROWS: list[list[str]] = [
    ["Ludwig van Beethoven", "LUDWIG@Musik.de", "", "0171 2345678", "", "https://www.musik.de", "25/03/2024",
     "Deutschland", "Kunde", "likes pianos"],
    ["Jane Smith", "jane@acme.com", "+1 415 555 0123", "", "Acme Inc", "acme.com", "03/04/2024", "USA",
     "Interessent", ""],
    ["Marie Curie", "", "030 1234567", "0151 9876543", "Radium GmbH", "www.radium.de", "14/02/2023",
     "Deutschland", "Kunde", "call back"],
    ["Test User", "test@example.com", "", "", "Example", "example.com", "01/01/2024", "", "test", "ignore me"],
    ["Pierre Dupont", "pierre@societe.fr", "+33 1 23 45 67 89", "", "", "societe.fr", "05/06/2024", "France",
     "churned", ""],
    ["Jane Smith", "JANE@acme.com", "", "+1 415 555 0199", "Acme Inc", "acme.com", "12/11/2024", "USA", "Kunde",
     "duplicate"],
    ["Anna Schmidt", "anna@firma.de", "", "0160 1112223", "Firma AG", "https://firma.de/about", "30/12/2023", "",
     "Interessent", ""],
]  # fmt: skip


def manifest(rows: list[list[str]] = ROWS, row_count: int = 120) -> SheetManifest:
    """The source sheet's manifest: up to 10 distinct samples per column, as ingestion reports them."""
    columns = []
    for i, name in enumerate(HEADER):
        values = [r[i] for r in rows if r[i].strip()]
        columns.append(
            ColumnManifest(
                name=name,
                header=name,
                samples=list(dict.fromkeys(values))[:10],
                filled=round(len(values) / len(rows) * row_count),
            )
        )
    return SheetManifest(sheet_id=SHEET_ID, name="contacts", columns=columns, row_count=row_count, header_row=0)


SHEETS = {(FILE_ID, SHEET_ID): manifest()}

# The update table's own instructions, row by row (a row the table words twice gives both).
UPDATE_INSTRUCTIONS: dict[int, tuple[str, ...]] = {
    1: ("Use the company domain for any missing Email, don't drop the row.",),
    2: ("Map Mobile to phone instead of Work Phone.",),
    3: ("If there's no work phone, use the mobile.",),
    4: ("Don't import the Notes column.",),
    5: ("Dates are day-first.", "Signup Date is DD/MM/YYYY."),
    6: ("Split Full Name into first and last name.",),
    7: ("Treat 'Kunde' as customer and 'Interessent' as lead.",),
    8: ("Drop rows without an email.",),
    9: ("Keep only the first row for each email.",),
    10: ("Set country to US when it's empty.",),
    11: ("Deutschland is DE, USA is US.",),
    12: ("Lowercase the emails.",),
    13: ("Company should come from the email domain when Organization is blank.",),
    14: ("Ignore the rows where Lifecycle is test.",),
    15: ("created_at is the Signup Date column.",),
    16: ("Phone numbers are German unless they have a country code.",),
    17: ("Undo that.", "Go back to the previous version."),
    18: ("Make the email optional.",),
    19: ("Put the notes somewhere.",),
    20: ("asdfgh",),
}

FIRST_MAPPING: dict[str, Any] = {
    "first_name": None,
    "last_name": None,
    "email": "E-mail",
    "phone": "Work Phone",
    "company": "Organization",
    "created_at": "Signup Date",
    "country": "Land",
    "status": "Lifecycle",
}


def first_recipe(**overrides: Any) -> Recipe:
    """The generated recipe (version 1); `overrides` replace field mappings, e.g. created_at=None."""
    return recipe_from_mapping({**FIRST_MAPPING, **overrides}, CONTACTS, FILE_ID, SHEET_ID)


def field_of(recipe: Recipe, key: str) -> dict[str, Any]:
    """One field's recipe as plain JSON."""
    fields: list[dict[str, Any]] = recipe.model_dump(by_alias=True)["templates"][0]["fields"]
    return next(f for f in fields if f["field"] == key)


def ops_of(recipe: Recipe, key: str) -> list[dict[str, Any]]:
    """One field's ops as plain JSON."""
    ops: list[dict[str, Any]] = field_of(recipe, key)["ops"]
    return ops


def write_csv(path: Path, rows: list[list[str]] = ROWS) -> Path:
    """The scenario's source file as a CSV."""
    import csv

    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path
