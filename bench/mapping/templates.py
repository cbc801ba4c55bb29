"""Target templates used by the benchmark cases (as a product would define them), kept as data in templates.json.

`REAL_TEMPLATES` are the extra templates of the real-file benchmark (bench/mapping/real/templates.json): the
import templates of imagined SaaS product areas (HR, newsletter, catalogue, IT assets, helpdesk, shop customers),
written from the product's side, not from the headers of any file they are tested on.
"""

from __future__ import annotations

import json
from pathlib import Path

from ferry.core.domain import Template

HERE = Path(__file__).resolve().parent


def load_templates(path: Path) -> dict[str, Template]:
    """The templates of a JSON file (a list of template bodies, as `PUT …/templates` takes them), by sheet_id."""
    templates = [Template.model_validate(body) for body in json.loads(path.read_text(encoding="utf-8"))]
    return {t.sheet_id: t for t in templates}


TEMPLATES = load_templates(HERE / "templates.json")
REAL_TEMPLATES = load_templates(HERE / "real" / "templates.json")

CONTACTS = TEMPLATES["contacts"]
PEOPLE = TEMPLATES["people"]
COMPANIES = TEMPLATES["companies"]
DEALS = TEMPLATES["deals"]
PROVIDERS = TEMPLATES["providers"]
PUBLICATIONS = TEMPLATES["publications"]
LOCATIONS = TEMPLATES["locations"]
