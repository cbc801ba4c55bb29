"""The matcher on exports from six more systems (the dev3 split of bench/mapping/real: OpenBoxes, Frappe Books,
django-oscar, erxes, EC-CUBE, Shopware), one test per class of fix made after their first score, asserting what the
user sees in the plan; and the calibration refit on real files. Files of the held-out test split are never used here.
"""

from __future__ import annotations

from ferry.agent import calibrate
from ferry.agent.calibrate import fit_isotonic
from ferry.agent.match import AUTO_SCORE
from ferry.agent.planner import Plan
from tests.unit.agent.helpers import applied_sources, plan_real_file


def _plan(name: str, split: str = "dev3") -> Plan:
    return plan_real_file(name, split)


def test_a_column_of_another_address_block_is_not_a_fallback_for_the_records_own() -> None:
    # Given: Shopware's customer export, where 'billing_first_name' repeats 'first_name' in every row of the sample
    plan = _plan("shopware/customers.csv")
    sources = applied_sources(plan)
    # Then: the customer's own name and salutation come from their own columns alone; the billing block's copies
    # are not added as fallbacks (they belong to the invoice address, equal here only by chance)
    assert sources["first_name"] == ["first_name"]
    assert sources["last_name"] == ["last_name"]
    assert sources["salutation"] == ["salutation"]
    # And: the billing block still gives the address and phone, as a person would map it
    assert sources["street"] == ["billing_street"]
    assert sources["city"] == ["billing_city"]


def test_refitting_the_calibration_never_changes_what_is_applied(monkeypatch: object) -> None:
    # Given: the plan of a real export under the fitted table
    before = _plan("openboxes/locations.csv")
    # When: the calibration table is replaced by a very different one (every score shown as 0.5 sure)
    monkeypatch.setattr(calibrate.calibration_table, "TABLE", ((0.0, 0.5),))  # type: ignore[attr-defined]
    after = _plan("openboxes/locations.csv")
    # Then: the same columns are applied to the same fields; only the confidence shown changes
    assert applied_sources(after) == applied_sources(before) and applied_sources(before)
    assert {m["confidence"] for m in after.mappings if m["source"]} == {0.5}


def test_the_fit_keeps_applied_mappings_apart_from_the_questions_below_the_line() -> None:
    # Given: 12 proposals just below the auto-apply line (9 right) and 12 applied mappings on or above it (all right)
    below = [(AUTO_SCORE - 0.01, i % 4 != 0) for i in range(12)]
    above = [(AUTO_SCORE, True)] * 4 + [(AUTO_SCORE + 0.05, True)] * 8
    table = fit_isotonic(below + above, breaks=(AUTO_SCORE,))
    # Then: a step starts at the line, and an applied mapping's confidence comes from applied mappings alone
    assert AUTO_SCORE in [bound for bound, _ in table]
    assert calibrate.calibrated(AUTO_SCORE, table) == round(12.5 / 13, 3)
    assert calibrate.calibrated(AUTO_SCORE - 0.01, table) == round(9.5 / 13, 3)
    # And: without the break, blocks of 8 straddle the line and the applied ones just over it share the proposals'
    # lower hit rate
    assert calibrate.calibrated(AUTO_SCORE, fit_isotonic(below + above)) < round(12.5 / 13, 3)


def test_shown_confidence_tracks_how_often_real_train_mappings_are_right() -> None:
    # Given: the plans of the real train files (labelled blind), each mapping applied or proposed with its confidence
    from bench.mapping.real_files import RealTally, evaluate_file, load_labels

    tally = RealTally()
    for entry in load_labels():
        if entry.split == "train":
            evaluate_file(entry, tally)
    # Then: the confidence shown is within 5 points of the real hit rate, pooled over confidence bins
    assert calibrate.expected_calibration_error(tally.points) <= 0.05


def test_a_left_out_column_naming_a_field_already_asked_about_joins_that_question() -> None:
    # Given: OpenBoxes' product template, whose supplier could be 'Vendor', 'VendorName', 'VendorCode' or (a kind of
    # supplier) 'Manufacturer'; its brand is applied from 'BrandName', named exactly though empty
    plan = _plan("openboxes/products.csv")
    (question,) = [q for q in plan.questions if q.id.endswith(".q_supplier_column")]
    labels = [o.label for o in question.options]
    # Then: the one question about the supplier offers the vendor columns and, joined to it, 'Manufacturer', then
    # 'none'; the option ids stay in order and no extra question is asked for it
    # (round 13: a code for the vendor joins after the names, so the manufacturer's name takes the last place)
    assert labels[:2] == ["'Vendor'", "'VendorName'"]
    assert "'Manufacturer'" in labels and "'ManufacturerName'" in labels and labels[-1].startswith("None of these")
    assert [o.id for o in question.options] == [f"opt_{n}" for n in range(1, len(labels) + 1)]
    assert sum(q.id.endswith("_column") and "'Manufacturer'" in (q.context or "") for q in plan.questions) == 1


def test_a_default_setting_column_is_asked_not_applied_on_its_header_alone() -> None:
    # Given: Frappe Books' parties, whose 'Default Account' holds ledger names ('Debtors') for each party
    plan = _plan("frappe-books/parties.csv")
    # Then: it is not applied as the party's company (its header names the default a party points at, and its
    # values do not confirm a company); the person is asked instead, with it offered for company
    assert applied_sources(plan).get("company") != ["Default Account"]
    (question,) = [q for q in plan.questions if q.id.endswith(".q_company_column")]
    labels = [o.label for o in question.options]
    assert "'Default Account'" in labels
    # And (round 13): the party's bare 'Name' is offered first, before the default it points at
    assert labels[0] == "'Name'"
    # And: a header that names the field outright beside 'default'-free words is still applied (the party's email)
    assert applied_sources(plan)["email"] == ["Email"]


def test_a_headerless_file_asks_which_column_holds_the_required_name() -> None:
    # Given: django-oscar's catalogue fixture and ADempiere's product sample, neither with a header row, whose names
    # are free text no value kind identifies
    for name, split, column in (
        ("django-oscar/books-small.csv", "dev3", "Prepare for Your Practical Driving Test"),
        ("adempiere/ExampleProduct.csv", "dev", "Patio Chair"),
    ):
        plan = _plan(name, split)
        # Then: nothing is applied to the required name, and the person is asked which column holds it, the
        # column of the names among the (at most three) columns of distinct words offered; repeated values such as
        # the product class 'Book' are not offered
        assert "name" not in applied_sources(plan)
        (question,) = [q for q in plan.questions if q.id.endswith(".q_name_column")]
        labels = [o.label for o in question.options]
        assert f"'{column}'" in labels and "'Book'" not in labels and len(labels) <= 4
