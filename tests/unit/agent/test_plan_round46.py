"""The matcher's round-46 mechanisms: the classes behind the dev40-dev43 splits' misses (no longer held out), each
shown on the benchmark file and on small CSVs written here, with near neighbours that must not change. A sticker is
the asset's tag; DOIs are no phone numbers and confirm a header naming the DOI; sentences are no count. Asserts what
the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.agent.profile import profile_column
from tests.unit.agent.helpers import applied_sources, csv_text, named_in_questions, plan_real_file, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}
ASSETS = ALL["assets"]
PUBLICATIONS = ALL["publications"]
PRODUCTS = ALL["products"]


# A sticker is the code stuck on the asset: its tag.


def test_bike_index_sticker_is_the_asset_tag() -> None:
    plan = plan_real_file("bike-index/import_all_optional_fields.csv", "dev40")
    assert applied_sources(plan).get("asset_tag") == ["bike_sticker"]


def test_a_sticker_shared_by_two_rows_is_asked(tmp_path: Path) -> None:
    # Near neighbour: a code on two assets is no one asset's tag
    rows = ["Trek,Roscoe 8,BK-0001", "Surly,Midnight Special,BK-0001", "Giant,Talon,BK-0003"]
    plan = plan_text(tmp_path, csv_text("Make,Model,Frame Sticker", rows), ASSETS)
    assert "asset_tag" not in applied_sources(plan)
    assert named_in_questions(plan, "Frame Sticker")


def test_a_sticker_of_distinct_codes_is_the_asset_tag(tmp_path: Path) -> None:
    rows = ["Trek,Roscoe 8,BK-0001", "Surly,Midnight Special,BK-0002", "Giant,Talon,BK-0003"]
    plan = plan_text(tmp_path, csv_text("Make,Model,Frame Sticker", rows), ASSETS)
    assert applied_sources(plan).get("asset_tag") == ["Frame Sticker"]


def test_a_sticker_price_or_a_sticker_flag_is_no_tag(tmp_path: Path) -> None:
    # Near neighbours: the header ends in another word, or the values are yes/no flags
    rows = ["Trek,Roscoe 8,12.50,yes", "Surly,Midnight Special,9.99,no", "Giant,Talon,4.00,yes"]
    plan = plan_text(tmp_path, csv_text("Make,Model,Sticker Price,Has Sticker", rows), ASSETS)
    assert "asset_tag" not in applied_sources(plan)
    assert not any(".q_asset_tag_" in q.id and "Sticker" in str(q.options) for q in plan.questions)


# DOIs: no phone numbers, and they confirm a header naming the DOI.


def test_springer_item_doi_is_the_doi() -> None:
    plan = plan_real_file("springer-link/springer_csv.csv", "dev43")
    assert applied_sources(plan).get("doi") == ["Item DOI"]


def test_a_digits_only_doi_is_no_phone_number() -> None:
    assert profile_column(["10.1007/11111", "10.1016/123456"]).phone == 0.0
    # Near neighbour: a formatted phone number stays one
    assert profile_column(["(888) 777-6666", "+49 30 1234567"]).phone == 1.0


def test_a_prefixed_doi_header_over_dois_is_applied(tmp_path: Path) -> None:
    rows = ['"On graphs",10.1007/11111', '"On trees",https://doi.org/10.1016/2222', '"On paths",doi:10.1145/33333']
    plan = plan_text(tmp_path, csv_text("Title,Paper DOI", rows), PUBLICATIONS)
    assert applied_sources(plan).get("doi") == ["Paper DOI"]


def test_dois_under_a_header_naming_no_doi_are_not_applied(tmp_path: Path) -> None:
    # Near neighbour: the values alone do not pull a column the header does not name onto the DOI
    rows = ['"On graphs",10.1007/11111', '"On trees",10.1016/2222', '"On paths",10.1145/33333']
    plan = plan_text(tmp_path, csv_text("Title,Reference", rows), PUBLICATIONS)
    assert "doi" not in applied_sources(plan)


# Sentences are no count.


def test_pubmed_citation_is_not_the_number_of_citations() -> None:
    plan = plan_real_file("pubmed/pubmed_csv.csv", "dev43")
    assert "citations" not in applied_sources(plan)


def test_a_citation_of_sentences_is_no_count(tmp_path: Path) -> None:
    rows = ['"On graphs","Nature. 2021 Dec 21;1(2):10-11."', '"On trees","Science. 2020 Jan 3;5(1):1-9."']
    plan = plan_text(tmp_path, csv_text("Title,Citation", rows), PUBLICATIONS)
    assert "citations" not in applied_sources(plan)


def test_a_count_of_citations_is_still_applied(tmp_path: Path) -> None:
    # Near neighbour: numbers under the header
    rows = ['"On graphs",12', '"On trees",3', '"On paths",0']
    plan = plan_text(tmp_path, csv_text("Title,Citations", rows), PUBLICATIONS)
    assert applied_sources(plan).get("citations") == ["Citations"]


def test_prices_among_currency_words_keep_the_price() -> None:
    # Near neighbour: money is no count; commercetools' 'prices' of 'EUR 34375;US-USD 34375' stays the price
    plan = plan_real_file("commercetools/products-ci.csv", "dev2")
    assert applied_sources(plan).get("price") == ["prices"]
