"""Target templates used by the benchmark cases (as a product would define them)."""

from __future__ import annotations

from typing import Any

from ferry.core.domain import Template, TemplateField


def _t(name: str, sheet_id: str, fields: list[dict[str, Any]]) -> Template:
    return Template(name=name, sheet_id=sheet_id, fields=[TemplateField(**f) for f in fields])


CONTACTS = _t(
    "Contacts",
    "contacts",
    [
        {"key": "first_name", "type": "string", "label": "First name"},
        {"key": "last_name", "type": "string", "label": "Last name"},
        {"key": "email", "type": "email", "required": True, "unique": True},
        {"key": "phone", "type": "phone"},
        {"key": "company", "type": "string"},
        {"key": "created_at", "type": "date", "description": "When the contact signed up"},
        {"key": "country", "type": "enum", "values": ["US", "DE", "FR", "GB"]},
        {"key": "status", "type": "enum", "values": ["lead", "customer", "churned"]},
    ],
)

PEOPLE = _t(
    "People",
    "people",
    [
        {"key": "external_id", "type": "string", "unique": True, "label": "Record id"},
        {"key": "first_name", "type": "string"},
        {"key": "last_name", "type": "string", "required": True},
        {"key": "email", "type": "email"},
        {"key": "age", "type": "integer"},
        {"key": "team", "type": "string"},
        {"key": "is_manager", "type": "boolean", "label": "Manager"},
        {"key": "street", "type": "string"},
        {"key": "city", "type": "string"},
        {"key": "postal_code", "type": "string"},
        {"key": "state", "type": "string"},
        {"key": "birth_date", "type": "date"},
    ],
)

COMPANIES = _t(
    "Companies",
    "companies",
    [
        {"key": "external_id", "type": "string", "unique": True},
        {"key": "name", "type": "string", "required": True, "label": "Company name"},
        {"key": "website", "type": "url"},
        {"key": "phone", "type": "phone"},
        {"key": "industry", "type": "string"},
        {"key": "employees", "type": "integer"},
        {"key": "annual_revenue", "type": "number"},
        {"key": "street", "type": "string"},
        {"key": "city", "type": "string"},
        {"key": "state", "type": "string"},
        {"key": "postal_code", "type": "string"},
        {"key": "country", "type": "string"},
        {"key": "type", "type": "enum", "values": ["Prospect", "Customer", "Partner"]},
        {"key": "description", "type": "string"},
        {"key": "created_at", "type": "datetime"},
    ],
)

DEALS = _t(
    "Deals",
    "deals",
    [
        {"key": "external_id", "type": "string", "unique": True},
        {"key": "name", "type": "string", "required": True, "label": "Deal name"},
        {"key": "amount", "type": "number"},
        {
            "key": "stage",
            "type": "enum",
            "values": ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won", "Closed Lost"],
        },
        {"key": "close_date", "type": "date"},
        {"key": "probability", "type": "number"},
        {"key": "lead_source", "type": "string"},
        {"key": "description", "type": "string"},
        {"key": "created_at", "type": "datetime"},
    ],
)

PROVIDERS = _t(
    "Providers",
    "providers",
    [
        {"key": "name", "type": "string", "required": True, "label": "Site name"},
        {"key": "street", "type": "string", "label": "Address"},
        {"key": "postal_code", "type": "string"},
        {"key": "phone", "type": "phone"},
        {"key": "fax", "type": "phone"},
        {"key": "website", "type": "url"},
        {"key": "email", "type": "email"},
        {"key": "director", "type": "string", "label": "Director name"},
    ],
)

PUBLICATIONS = _t(
    "Publications",
    "publications",
    [
        {"key": "eid", "type": "string", "unique": True, "label": "EID"},
        {"key": "title", "type": "string", "required": True},
        {"key": "authors", "type": "string"},
        {"key": "year", "type": "integer"},
        {"key": "citations", "type": "integer", "label": "Cited by"},
        {"key": "journal", "type": "string", "aliases": ["Source title"]},
        {"key": "doi", "type": "string", "label": "DOI"},
        {"key": "country", "type": "string"},
        {"key": "city", "type": "string"},
        {"key": "document_type", "type": "enum", "values": ["Article", "Review", "Conference Paper"]},
    ],
)

LOCATIONS = _t(
    "Locations",
    "locations",
    [
        {"key": "phone", "type": "phone"},
        {"key": "coordinates", "type": "string", "label": "Location coordinates"},
        {"key": "city", "type": "string"},
        {"key": "county", "type": "string"},
        {"key": "street", "type": "string", "label": "Address"},
        {"key": "postal_code", "type": "string"},
        {"key": "first_name", "type": "string"},
        {"key": "last_name", "type": "string"},
    ],
)

TEMPLATES = {t.sheet_id: t for t in (CONTACTS, PEOPLE, COMPANIES, DEALS, PROVIDERS, PUBLICATIONS, LOCATIONS)}
