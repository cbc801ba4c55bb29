"""The matcher's round-38 mechanisms, on small CSVs written here (dev27's files are not used here): a column of currency
codes under a long header naming a currency is asked for the template's currency field, never applied; near neighbours
(the header alone, the values alone) stay as they were. The empty-beside-filled rule, places and keys in one, keeps
both of its cases. Asserts what the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, csv_text, plan_text, question_about

ALL = {**TEMPLATES, **REAL_TEMPLATES}
EMPLOYEES = ALL["employees"]
COMPANIES = ALL["companies"]


def _offered_for(plan: object, field: str) -> list[str]:
    try:
        return question_about(plan, field)  # type: ignore[arg-type]
    except StopIteration:
        return []


# Workday-like pay columns: an amount whose header shares the field's words, and the currency of the pay.
_PAY = "worker_code,annual_total_salary_and_allowances,{currency}"
_ROWS = ["10010,25000.0,{0}", "10011,49258.1,{1}", "10012,19848.54,{2}", "10013,1920.25,{3}"]


def _pay_csv(currency_header: str, values: list[str]) -> str:
    return csv_text(_PAY.format(currency=currency_header), [r.format(*values) for r in _ROWS])


def test_currency_codes_under_a_long_header_are_asked_for_the_salary_currency(tmp_path: Path) -> None:
    # Given: 'employee_compensation_currency' of ISO codes beside an amount column whose header shares the field's words
    plan = plan_text(tmp_path, _pay_csv("employee_compensation_currency", ["USD", "MXN", "BRL", "EUR"]), EMPLOYEES)
    # Then: the codes are offered first for salary_currency, and not applied without asking
    assert _offered_for(plan, "salary_currency")[:1] == ["'employee_compensation_currency'"]
    assert "salary_currency" not in applied_sources(plan)


def test_a_long_currency_header_over_words_is_not_lifted(tmp_path: Path) -> None:
    # Near neighbour, the header alone: the same header over words that are no currency codes stays as it was
    plan = plan_text(
        tmp_path, _pay_csv("employee_compensation_currency", ["cash", "stock", "cash", "bonus"]), EMPLOYEES
    )
    assert "'employee_compensation_currency'" not in _offered_for(plan, "salary_currency")[:1]


def test_currency_codes_under_a_header_naming_no_currency_are_not_lifted(tmp_path: Path) -> None:
    # Near neighbour, the values alone: ISO codes under a header that names no currency are not offered for it (the
    # question rules hold this too: a header below 0.3 is asked on values only of a kind no other field holds)
    plan = plan_text(tmp_path, _pay_csv("employee_compensation_plan", ["USD", "MXN", "BRL", "EUR"]), EMPLOYEES)
    assert "'employee_compensation_plan'" not in _offered_for(plan, "salary_currency")
    assert "salary_currency" not in applied_sources(plan)


# The empty-beside-filled rule (rounds 36 and 37 merged): both of its cases still hold.


def test_an_empty_key_column_still_gives_way_to_the_filled_id(tmp_path: Path) -> None:
    text = csv_text("id,name,external_id", ["370326104793,Acme,", "370326181493,Globex,", "370326182013,Initech,"])
    plan = plan_text(tmp_path, text, COMPANIES)
    assert applied_sources(plan).get("external_id") == ["id"]
