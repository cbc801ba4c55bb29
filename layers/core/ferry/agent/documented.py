"""Header labels that widely used systems document for their CSV import templates and default field lists, for the
fields the templates have: the words a file exported from, or prepared for, one of these systems carries.

Data only, one entry per system, each phrase as the system's documentation spells it (`synonyms` folds case,
accents and punctuation). Only labels the rest of the vocabulary did not already read as the field are here; the
sources (URLs) and the labels they gave are listed in bench/mapping/real/SOURCES.md ("Round 23: vocabulary of
documented import templates"). A label documented for a related record ('Ticket owner' is the user the ticket is
assigned to) is kept with the concept the documentation gives it. A number sign ('Employee #', BambooHR's key) is
read as the word 'number' by `annotations`, not listed here.
"""

from __future__ import annotations

# fmt: off
DOCUMENTED: dict[str, dict[str, tuple[str, ...]]] = {
    # Pacific Timesheet's employee CSV fields: the first and the last day of employment.
    "pacific_timesheet": {
        "hire_date": ("first day",),
        "end_date": ("last day",),
    },
    # Personio's employee attributes (as its API and the Okta Workflows and Fivetran connectors list them): a
    # fixed-term contract's end date is when the employment ends.
    "personio": {
        "end_date": ("contract end date",),
    },
    # Shopify's product CSV: the cost of a variant, its weight in grams, its stock on hand.
    "shopify": {
        "cost": ("cost per item",),
        "weight": ("variant grams", "grams"),
        "stock_quantity": ("variant inventory qty", "inventory qty"),
    },
    # Vend (Lightspeed Retail X-Series) product catalog: what a product costs the shop, before tax.
    "vend": {
        "cost": ("supply price",),
    },
    # HubSpot's default ticket and company properties.
    "hubspot": {
        "subject": ("ticket name",),
        "assignee": ("ticket owner",),
        "channel": ("source",),
        "website": ("company domain name",),
    },
    # Zoho CRM's Accounts module: the billing and shipping addresses' postal code is their 'Code'.
    "zoho_crm": {
        "postal_code": ("billing code", "shipping code"),
    },
    # Pipedrive's lead import: a lead's title is what a deal's title is.
    "pipedrive": {
        "deal_name": ("lead title",),
    },
    # ServiceNow's incident form: the one-line summary is the 'Short description'.
    "servicenow": {
        "subject": ("short description",),
    },
    # Asset registers: Mojo Helpdesk's asset import fields and Flexera's asset CSV (the type of an asset is its
    # category; the purchase order it was bought on; the user it is assigned to).
    "mojo_helpdesk": {
        "category": ("asset type",),
        "order_number": ("purchase order number",),
    },
    "flexera": {
        "category": ("asset type",),
        "assignee": ("assign to user",),
    },
    # ClickUp's spreadsheet importer (its one required field is 'Task Name') and Taskworld's CSV template ('Task').
    "clickup": {
        "subject": ("task name",),
        "id": ("task id",),
    },
    "taskworld": {
        "subject": ("task",),
    },
}
# fmt: on


def phrases() -> dict[str, tuple[str, ...]]:
    """Every concept's documented labels, over all systems."""
    merged: dict[str, tuple[str, ...]] = {}
    for concepts in DOCUMENTED.values():
        for concept, labels in concepts.items():
            merged[concept] = tuple(dict.fromkeys(merged.get(concept, ()) + labels))
    return merged
