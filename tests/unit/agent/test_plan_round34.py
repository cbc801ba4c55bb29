"""The matcher's round-34 mechanisms, on small CSVs written here: the classes behind the blind dev24 split's wrong pair
and drops (dev24's files are not used here). A column whose header ends in a language code beside the plain column of
the same header is a translation: the plain column takes the field. E-mail addresses at a host of one label
('foi@localhost') are e-mail addresses. A barcode on a template with no barcode field but an asset tag is the asset's
tag. Near neighbours that must not change stay as they were. Asserts what the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, named_in_questions, plan_text, question_about

ALL = {**TEMPLATES, **REAL_TEMPLATES}
PROVIDERS = ALL["providers"]  # a name, an e-mail, a website: one of each
PRODUCTS = ALL["products"]  # a name and a barcode field of its own
ASSETS = ALL["assets"]  # an asset tag, no barcode field
EMPLOYEES = ALL["employees"]

_BODIES = [
    ("Harbour Board of the Western Isles", "Junta del Puerto", "harbour"),
    ("Rivers and Canals Trust of the North", "Fideicomiso de Rios", "rivers"),
    ("Forest Service of the Southern Uplands", "Servicio Forestal", "forests"),
]


def _bodies(header: str, email: str = "{host}@localhost") -> str:
    rows = [f"{email.format(host=h)},{n},{t},http://{h}.example" for n, t, h in _BODIES]
    return header + "\n" + "\n".join(rows) + "\n"


def test_a_translation_beside_the_plain_column_leaves_it_the_field(tmp_path: Path) -> None:
    # Given: long public-body names under 'name', their Spanish translation under 'name.es' beside it
    applied = applied_sources(plan_text(tmp_path, _bodies("request_email,name,name.es,home_page"), PROVIDERS))
    # Then: the plain column is the name; the translation is not applied to anything
    assert applied.get("name") == ["name"]
    assert all("name.es" not in sources for sources in applied.values())


_GOODS = "sku,{a},{b},price\nA-1,{x1},{y1},10\nA-2,{x2},{y2},20\nA-3,{x3},{y3},5\n"
_EN = {"x1": "Garden Chair", "x2": "Garden Table", "x3": "Parasol"}
_DE = {"y1": "Gartenstuhl", "y2": "Gartentisch", "y3": "Sonnenschirm"}


@pytest.mark.parametrize("translated", ["Name (DE)", "Name [de]"])
def test_a_bracketed_language_code_is_a_translation_too(tmp_path: Path, translated: str) -> None:
    # Given: the plain 'Name' beside 'Name (DE)': the code in brackets is read as a format hint first
    plan = plan_text(tmp_path, _GOODS.format(a="Name", b=translated, **_EN, **_DE), PRODUCTS)
    # Then: no which-column question between a name and its translation; the plain column is applied
    assert applied_sources(plan).get("name") == ["Name"]
    assert not named_in_questions(plan, translated)


def test_two_translations_without_a_plain_column_stay_as_they_were(tmp_path: Path) -> None:
    # Near neighbour: 'name.en' and 'name.de', no plain 'name': one language is still applied
    plan = plan_text(tmp_path, _GOODS.format(a="name.en", b="name.de", **_EN, **_DE), PRODUCTS)
    assert applied_sources(plan).get("name") == ["name.en"]


def test_a_currency_code_in_brackets_is_no_translation(tmp_path: Path) -> None:
    # Near neighbour: '(EUR)' is no language: the two columns stay rivals, asked about
    plan = plan_text(tmp_path, _GOODS.format(a="Name", b="Name (EUR)", **_EN, **_DE), PRODUCTS)
    assert "'Name (EUR)'" in question_about(plan, "name")


def test_emails_at_a_one_label_host_are_emails(tmp_path: Path) -> None:
    # Given: a purpose word before 'email', addresses at 'localhost' (no dot in the domain)
    applied = applied_sources(plan_text(tmp_path, _bodies("request_email,name,name.es,home_page"), PROVIDERS))
    # Then: the e-mail addresses are applied to the e-mail field
    assert applied.get("email") == ["request_email"]


def test_email_at_a_one_label_host_needs_no_confirmation(tmp_path: Path) -> None:
    # Given: 'email' of addresses at an intranet host ('obiwan@tatooine')
    text = "first_name,last_name,email\nObi,Kenobi,obiwan@tatooine\nLeia,Organa,leia@alderaan\nHan,Solo,han@corellia\n"
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: applied without a question whether the values fit
    assert applied_sources(plan).get("email") == ["email"]
    assert not named_in_questions(plan, "email")


def test_handles_without_a_host_are_no_emails(tmp_path: Path) -> None:
    # Near neighbour: the same qualified header over bare handles, no '@host'
    text = _bodies("request_email,name,name.es,home_page", email="{host}_foi")
    assert "email" not in applied_sources(plan_text(tmp_path, text, PROVIDERS))


_ASSETS = "ID,Name,{code},Serial Number\n,Router-1,{c1},SN-1\n,Switch-1,{c2},SN-2\n,Server-1,{c3},SN-3\n"
_ASSETS += ",Firewall-1,{c4},SN-4\n"


def test_a_barcode_of_one_code_per_asset_is_its_tag(tmp_path: Path) -> None:
    # Given: an assets template with no barcode field; 'Barcode' holds one distinct code per asset; 'ID' is empty
    text = _ASSETS.format(code="Barcode", c1="RTR-001", c2="SW-001", c3="SRV-001", c4="FW-001")
    # Then: the code scanned on an asset is its tag, applied
    assert applied_sources(plan_text(tmp_path, text, ASSETS)).get("asset_tag") == ["Barcode"]


def test_a_barcode_repeated_across_assets_is_only_asked(tmp_path: Path) -> None:
    # Near neighbour: one model's EAN on several assets is no tag of each: offered, never applied
    text = _ASSETS.format(
        code="Barcode", c1="4006381333931", c2="4006381333931", c3="5012345678900", c4="5012345678900"
    )
    plan = plan_text(tmp_path, text, ASSETS)
    assert "asset_tag" not in applied_sources(plan)
    assert "'Barcode'" in question_about(plan, "asset_tag")


def test_a_barcode_stays_the_barcode_where_the_template_has_one(tmp_path: Path) -> None:
    # Near neighbour: a products template keeps barcodes in their own field
    text = "sku,name,Barcode\nA-1,Chair,4006381333931\nA-2,Table,5012345678900\nA-3,Lamp,4000417025005\n"
    assert applied_sources(plan_text(tmp_path, text, PRODUCTS)).get("barcode") == ["Barcode"]


_ARTICLES = "{code},Bezeichnung,Preis\n29932,Walnüsse,2.34\n28391,Pinienkerne,5.56\n30017,Mandeln,4.10\n"


@pytest.mark.parametrize("header", ["art. nummer", "Art.-Nummer"])
def test_a_word_cut_short_before_the_rest_of_a_compound_is_the_compound(tmp_path: Path, header: str) -> None:
    # Given: 'Artikelnummer' written with its first word cut short ('art. nummer')
    applied = applied_sources(plan_text(tmp_path, _ARTICLES.format(code=header), PRODUCTS))
    # Then: read as the article number, the SKU
    assert applied.get("sku") == [header]


def test_a_cut_word_no_vocabulary_word_completes_names_nothing(tmp_path: Path) -> None:
    # Near neighbour: 'Lief. Nummer' (a supplier's number: 'Lieferantennummer' is no phrase of the vocabulary)
    assert "sku" not in applied_sources(plan_text(tmp_path, _ARTICLES.format(code="Lief. Nummer"), PRODUCTS))
