"""Header vocabulary in depth in eight more languages (issue 12, `ferry.agent.lexicon_depth2`): HR, asset, catalogue,
help-desk, deal and company headers in Polish, Czech, Swedish, Danish, Norwegian, Finnish, Turkish and Russian through
the planner on small CSVs written here (the benchmark's held-out heldout6 files are not used), with and without
diacritics; the near neighbours that must keep their reading; and the vocabulary's collisions with the phrases of
other concepts.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.agent import lexicon_depth2
from ferry.agent.synonyms import concepts_of, vocabulary_words
from tests.unit.agent.helpers import applied_sources, kinds_csv, lexicon_clashes, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}

# Folded phrases under two concepts on purpose, the template's fields deciding: Turkish 'birim' and Finnish 'yksikkö'
# (a unit of measure, an organisational unit), Polish 'nr ewidencyjny' (an employee's and an asset's register
# number), Dutch 'producent' already both (a maker, a supplier), and the words of a purchase price (a product's cost,
# an asset's purchase cost), as English 'purchase price'.
ON_PURPOSE = {
    "birim": {"department", "unit"},
    "yksikko": {"department", "unit"},
    "numer ewidencyjny": {"employee_id", "asset_tag"},
    "number ewidencyjny": {"employee_id", "asset_tag"},
    "cena nabycia": {"cost", "purchase_cost"},
    "hankintahinta": {"cost", "purchase_cost"},
    "indkobspris": {"cost", "purchase_cost"},
    "inkopspris": {"cost", "purchase_cost"},
    "innkjopspris": {"cost", "purchase_cost"},
    "producent": {"manufacturer", "supplier"},
}

_VALUES = {
    "id": ["2041", "2042", "2043", "2044", "2045", "2046"],
    "tag": ["IN-501", "IN-502", "IN-503", "IN-504", "IN-505", "IN-506"],
    "first": ["Ola", "Ewa", "Timo", "Ayla", "Jiri", "Nina"],
    "last": ["Dahl", "Kot", "Aho", "Kaya", "Hora", "Berg"],
    "person": ["Ola Dahl", "Ewa Kot", "Timo Aho", "Ayla Kaya", "Jiri Hora", "Nina Berg"],
    "date": [f"2022-0{i + 1}-2{i}" for i in range(6)],
    "end": ["", "2024-02-29", "", "", "2025-06-30", ""],
    "money": ["52000", "48500", "39900", "66000", "41250", "58100"],
    "price": ["22.50", "7.90", "115.00", "4.20", "49.00", "18.99"],
    "qty": ["14", "0", "120", "9", "31", "6"],
    "sku": ["K-101", "K-102", "L-201", "L-202", "M-301", "M-302"],
    "product": ["Teapot", "Mug", "Tray", "Kettle", "Spoon", "Jug"],
    "unit": ["pcs", "pcs", "kg", "pcs", "box", "pcs"],
    "ean": ["5901234123457", "5901234123464", "5901234123471", "5901234123488", "5901234123495", "5901234123402"],
    "model": ["T14 Gen 4", "EliteBook 850", "Latitude 7440", "T14 Gen 4", "ProBook 440", "U2724D"],
    "maker": ["Lenovo", "HP", "Dell", "Lenovo", "HP", "Dell"],
    "serial": ["PF4A1B", "5CG3C4", "9HX1Q2", "PF4A9Z", "5CG8K1", "CN0Y4T"],
    "site": ["Gdynia", "Tampere", "Bergen", "Izmir", "Ostrava", "Kazan"],
    "subject": ["VPN down", "Login fails", "Password reset", "Slow laptop", "No sound", "Printer jam"],
    "level": ["High", "Low", "Normal", "High", "Low", "Normal"],
    "deal": ["Renewal 2025", "Upsell seats", "Pilot", "Framework", "Support plan", "Migration"],
    "step": ["Offer", "Won", "Lost", "Offer", "Qualified", "Won"],
    "pct": ["10", "25", "50", "75", "90", "20"],
    "source": ["Fair", "Web", "Referral", "Web", "Fair", "Cold call"],
    "note": ["", "on leave", "", "remote", "", "part-time"],
}


def _applied(tmp_path: Path, columns: dict[str, str], template: str) -> dict[str, list[str]]:
    return applied_sources(plan_text(tmp_path, kinds_csv(columns, _VALUES), ALL[template]))


def test_polish_and_czech_asset_headers_map_with_and_without_diacritics(tmp_path: Path) -> None:
    pl = {"Nr inwentarzowy": "tag", "Numer seryjny": "serial", "Model": "model", "Data zakupu": "date"}
    applied = _applied(tmp_path, {**pl, "Przypisany do": "person", "Okres gwarancji": "qty"}, "assets")
    assert applied["asset_tag"] == ["Nr inwentarzowy"] and applied["serial_number"] == ["Numer seryjny"]
    assert applied["purchase_date"] == ["Data zakupu"] and applied["assigned_to"] == ["Przypisany do"]
    assert applied["warranty_months"] == ["Okres gwarancji"]
    cs = {"Inventarni cislo": "tag", "Vyrobni cislo": "serial", "Vyrobce": "maker", "Datum porizeni": "date"}
    applied = _applied(tmp_path, {**cs, "Porizovaci cena": "price"}, "assets")
    assert applied["asset_tag"] == ["Inventarni cislo"] and applied["serial_number"] == ["Vyrobni cislo"]
    assert applied["manufacturer"] == ["Vyrobce"] and applied["purchase_date"] == ["Datum porizeni"]
    assert applied["purchase_cost"] == ["Porizovaci cena"]


def test_nordic_employee_headers_map(tmp_path: Path) -> None:
    sv = {"Medarbetarnummer": "id", "Förnamn": "first", "Efternamn": "last", "Anställd sedan": "date"}
    applied = _applied(tmp_path, {**sv, "Avgångsdatum": "end", "Årslön": "money", "Arbetsort": "site"}, "employees")
    assert applied["employee_id"] == ["Medarbetarnummer"] and applied["hire_date"] == ["Anställd sedan"]
    assert applied["end_date"] == ["Avgångsdatum"] and applied["salary"] == ["Årslön"]
    assert applied["location"] == ["Arbetsort"]
    no = {"Personalnummer": "id", "Fornavn": "first", "Etternavn": "last", "Tiltredelsesdato": "date"}
    applied = _applied(tmp_path, {**no, "Fratredelsesdato": "end", "Månedslønn": "money"}, "employees")
    assert applied["employee_id"] == ["Personalnummer"] and applied["hire_date"] == ["Tiltredelsesdato"]
    assert applied["end_date"] == ["Fratredelsesdato"] and applied["salary"] == ["Månedslønn"]


def test_danish_and_finnish_catalogue_headers_map(tmp_path: Path) -> None:
    da = {"Artikelnummer": "sku", "Varenavn": "product", "Listepris": "price", "Lagerantal": "qty"}
    applied = _applied(tmp_path, {**da, "Måleenhed": "unit", "EAN-kode": "ean"}, "products")
    assert applied["sku"] == ["Artikelnummer"] and applied["price"] == ["Listepris"]
    assert applied["stock_quantity"] == ["Lagerantal"] and applied["unit"] == ["Måleenhed"]
    assert applied["barcode"] == ["EAN-kode"]
    fi = {"Tuotenro": "sku", "Tuotenimi": "product", "Veroton hinta": "price", "Varastomäärä": "qty"}
    applied = _applied(tmp_path, {**fi, "Yksikkö": "unit", "Viivakoodi": "ean"}, "products")
    assert applied["sku"] == ["Tuotenro"] and applied["price"] == ["Veroton hinta"]
    assert applied["stock_quantity"] == ["Varastomäärä"] and applied["unit"] == ["Yksikkö"]
    assert applied["barcode"] == ["Viivakoodi"]


def test_turkish_and_russian_ticket_and_deal_headers_map(tmp_path: Path) -> None:
    tr = {"Talep No": "id", "Konu": "subject", "Öncelik": "level", "Talep Eden": "person"}
    applied = _applied(tmp_path, tr, "tickets")
    assert applied["subject"] == ["Konu"] and applied["priority"] == ["Öncelik"]
    assert applied["requester_name"] == ["Talep Eden"]
    ru = {"Название сделки": "deal", "Сумма сделки": "money", "Стадия": "step", "Дата закрытия": "date"}
    applied = _applied(tmp_path, {**ru, "Вероятность": "pct", "Источник": "source"}, "deals")
    assert applied["amount"] == ["Сумма сделки"] and applied["stage"] == ["Стадия"]
    assert applied["close_date"] == ["Дата закрытия"] and applied["probability"] == ["Вероятность"]
    assert applied["lead_source"] == ["Источник"]


def test_a_unit_word_reads_by_the_template() -> None:
    # Turkish 'birim' and Finnish 'yksikkö' name both concepts; the template's fields decide (a product's unit, an
    # employee's department) and neither reading is lost
    assert {"unit", "department"} <= set(concepts_of("Birim")) and {"unit", "department"} <= set(concepts_of("Yksikkö"))


def test_near_neighbours_keep_their_reading() -> None:
    def best(header: str) -> str:
        found = concepts_of(header)
        return max(found, key=found.__getitem__)

    # 'Numer' alone is the record's own number (as 'Nummer'); 'Numer seryjny' the serial number, 'Kod pocztowy' the
    # postal code (not an article code), 'Data zakupu' no close date ('Data zamknięcia'), 'Model Number' the model's
    assert best("Numer") == "id" and best("Numer seryjny") == "serial_number"
    assert best("Kod pocztowy") == "postal_code" and best("Data zakupu") == "purchase_date"
    assert best("Data zamknięcia") == "close_date" and best("Model Number") == "model_number"
    # 'notes' is read as notes, not as 'no' (number); English words left out stay unread: 'Symbol', 'Stan'
    assert concepts_of("notes") == {"notes": 1.0}
    assert "sku" not in concepts_of("Symbol")
    assert "stock_quantity" not in concepts_of("Stan")
    # a bare Turkish 'Ünvan' stays a job title (a contact's title); a firm's registered name says so ('Ticari Ünvan')
    assert "company" not in concepts_of("Ünvan") and best("Ticari Ünvan") == "company"


def test_no_risky_short_word_joins_the_segmenting_vocabulary() -> None:
    # words of glued headers: Nordic 'den', 'til', 'fra', Turkish 'son', 'inv' and Swedish 'lön' (= 'lon', longitude)
    assert not vocabulary_words() & {"den", "til", "till", "fra", "fran", "son", "inv", "lon", "od", "ue"}


def test_no_new_phrase_names_another_concept_unless_on_purpose() -> None:
    assert lexicon_clashes(lexicon_depth2.DEPTH2_LEXICON) == ON_PURPOSE


def test_eight_languages_each_reach_the_non_contact_templates() -> None:
    languages = {language for by_language in lexicon_depth2.DEPTH2_LEXICON.values() for language in by_language}
    assert languages == {"pl", "cs", "sv", "da", "no", "fi", "tr", "ru"}
    for language in languages:
        concepts = {c for c, by_language in lexicon_depth2.DEPTH2_LEXICON.items() if language in by_language}
        assert {"serial_number", "purchase_date", "probability", "priority", "subject"} <= concepts, language
