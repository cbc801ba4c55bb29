"""The matcher's round-43 mechanism, on small CSVs written here: the class behind a miss the dev34 split showed once
its DATEV file's header was found (the file is not used here). 'Anrede' is the German salutation (Frau, Herr), not
the person's gender: it names the salutation field when a template has one. Near neighbours that must not change
stay as they were. Asserts what the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, csv_text, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}
CUSTOMERS = ALL["customers"]


# One private customer with a salutation, the others companies without one (as accounting exports hold them).
_ROWS = ["10000,Frau,Dr.,Sabine,Muster", "70001,,,,Meyer GmbH", "70002,,,,Schulze GmbH"]


def test_anrede_is_the_salutation(tmp_path: Path) -> None:
    # Given: German customers whose 'Anrede' holds 'Frau' once, beside an academic title
    plan = plan_text(tmp_path, csv_text("Konto,Anrede,Titel/Akad. Grad,Vorname,Name", _ROWS), CUSTOMERS)
    applied = applied_sources(plan)
    # Then: it is the salutation, never the gender
    assert applied.get("salutation") == ["Anrede"]
    assert "gender" not in applied


def test_geschlecht_stays_the_gender(tmp_path: Path) -> None:
    # Near neighbour: 'Geschlecht' (sex) of w/m is the gender
    rows = ["10000,w,Dr.,Sabine,Muster", "10001,m,,Jan,Meyer", "10002,w,,Eva,Schulz"]
    plan = plan_text(tmp_path, csv_text("Konto,Geschlecht,Titel/Akad. Grad,Vorname,Name", rows), CUSTOMERS)
    applied = applied_sources(plan)
    assert applied.get("gender") == ["Geschlecht"]
