"""Each matching signal on its own: headers, values, dates, enum values, assignment, calibration."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from ferry.agent.assign import linear_sum_assignment, maximise_assignment
from ferry.agent.calibrate import calibrated, expected_calibration_error, fit_isotonic
from ferry.agent.dates import profile_dates
from ferry.agent.enums import map_enum_values
from ferry.agent.normalize import normalize_header
from ferry.agent.profile import profile_column
from ferry.agent.synonyms import concepts_of, has_other_party


def test_vendor_decorations_case_and_camel_case_normalise_to_the_same_words() -> None:
    assert normalize_header("Email_Address__c") == "email address"
    assert normalize_header("hs_EmailAddress") == "email address"
    assert normalize_header("E-Mail") == "email"
    assert normalize_header("FName") == "first name"


def test_german_french_and_spanish_headers_name_crm_concepts() -> None:
    assert concepts_of("E-Mail-Adresse")["email"] == 1.0
    assert concepts_of("Prénom")["first_name"] == 1.0
    assert concepts_of("Teléfono")["phone"] == 1.0
    assert concepts_of("Land")["country"] == 1.0


def test_run_together_all_caps_and_misspelt_headers_are_understood() -> None:
    assert concepts_of("BILLINGCOUNTRY")["country"] >= 0.9
    assert concepts_of("Pohne")["phone"] >= 0.9
    assert concepts_of("Counties") == concepts_of("County") == {"county": 1.0}  # a word of its own, not 'country'


def test_a_possessive_header_names_someone_else_but_a_bare_relation_does_not() -> None:
    assert has_other_party("Dads email")
    assert has_other_party("Mother's phone")
    assert not has_other_party("Manager")
    assert not has_other_party("Email")


def test_value_profile_recognises_emails_phones_urls_and_given_names() -> None:
    assert profile_column(["a@b.com", "c.d@e.de"]).email == 1.0
    assert profile_column(["+49 30 1234567", "(415) 555-0100"]).phone == 1.0
    assert profile_column(["https://acme.de", "www.cps.edu"]).url == 1.0
    assert profile_column(["Homer", "Marge", "Lisa"]).given_name == 1.0
    assert profile_column(["120000.00", "5000.50"]).phone == 0.0  # decimals are money, not phone numbers
    assert profile_column(['{"email": "a@b.com"}']).json_keys == ["email"]


def test_a_day_above_twelve_settles_the_date_order() -> None:
    assert profile_dates(["25/03/2024", "01/04/2024"]).order == "DMY"
    assert profile_dates(["03/25/2024", "04/01/2024"]).order == "MDY"
    assert profile_dates(["2024-03-25"]).order == "YMD"
    assert profile_dates(["24.12.2023", "01.02.2024"]).order == "DMY"


def test_dates_the_data_cannot_settle_are_ambiguous() -> None:
    profile = profile_dates(["03/04/2024", "05/06/2023"])
    assert profile.order is None and profile.ambiguous
    assert set(profile.formats) == {"%d/%m/%Y", "%m/%d/%Y"}


def test_enum_values_map_across_languages_codes_and_typos() -> None:
    mapping = map_enum_values(["Kunde", "Interessent", "Custmer", "churned", "test"], ["lead", "customer", "churned"])
    assert mapping.mapping == {
        "Kunde": "customer",
        "Interessent": "lead",
        "Custmer": "customer",
        "churned": "churned",
        "test": None,
    }
    countries = map_enum_values(["Deutschland", "USA", "Royaume-Uni", "Japan"], ["US", "DE", "FR", "GB"])
    assert countries.mapping == {"Deutschland": "DE", "USA": "US", "Royaume-Uni": "GB", "Japan": None}


def test_enum_value_that_spells_out_an_allowed_value_maps_to_it() -> None:
    stages = ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won", "Closed Lost"]
    mapping = map_enum_values(["Negotiation/Review", "Proposal/Price Quote", "Value Proposition"], stages)
    assert mapping.mapping["Negotiation/Review"] == "Negotiation"
    assert mapping.mapping["Proposal/Price Quote"] == "Proposal"
    assert mapping.mapping["Value Proposition"] is None


def _brute_force(cost: list[list[float]]) -> float:
    rows, cols = len(cost), len(cost[0])
    if rows <= cols:
        return min(sum(cost[r][c] for r, c in enumerate(p)) for p in itertools.permutations(range(cols), rows))
    return min(sum(cost[r][c] for c, r in enumerate(p)) for p in itertools.permutations(range(rows), cols))


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda r: st.integers(1, 5).flatmap(
            lambda c: st.lists(
                st.lists(st.floats(0, 1, allow_nan=False), min_size=c, max_size=c), min_size=r, max_size=r
            )
        )
    )
)
def test_hungarian_assignment_is_optimal_and_one_to_one(cost: list[list[float]]) -> None:
    pairs = linear_sum_assignment(cost)
    assert len(pairs) == min(len(cost), len(cost[0]))
    assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
    assert abs(sum(cost[r][c] for r, c in pairs) - _brute_force(cost)) < 1e-9


def test_joint_assignment_beats_greedy() -> None:
    # Greedy takes 0.9 first and leaves 0.1; the joint optimum takes 0.8 + 0.8.
    scores = [[0.9, 0.8], [0.8, 0.1]]
    assert maximise_assignment(scores) == [(0, 1), (1, 0)]


def test_isotonic_fit_is_monotone_and_never_certain() -> None:
    points = [(i / 100, i > 40) for i in range(100)]
    table = fit_isotonic(points)
    confidences = [c for _, c in table]
    assert confidences == sorted(confidences)
    assert max(confidences) < 1.0
    assert calibrated(0.95, table) > calibrated(0.1, table)
    assert expected_calibration_error([(0.9, True)] * 9 + [(0.9, False)]) < 1e-9
