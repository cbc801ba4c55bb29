"""Header vocabulary in depth (issue 12, `ferry.agent.lexicon_depth`): HR, asset, catalogue, help-desk, deal and
company headers in French, Spanish, German, Portuguese, Italian and Dutch, and technical exports' shortened words,
through the planner on small CSVs written here (the benchmark's held-out heldout5 files are not used); the near
neighbours that must stay as they were; and the vocabulary's collisions with the phrases of other concepts.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.agent import lexicon_depth
from ferry.agent.normalize import ABBREVIATIONS, tokens
from ferry.agent.synonyms import CONCEPTS, concepts_of
from tests.unit.agent.helpers import applied_sources, kinds_csv, lexicon_clashes, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}

# Folded phrases listed under two concepts on purpose: one word, two kinds of export, and the template's fields decide
# (an employee's 'responsable' is the manager, a ticket's the assignee; Italian 'matricola' is a device's serial
# number and an employee's number; Spanish 'fecha de alta' an employee's hire date and a record's creation; French
# 'date création' a record's creation and a work's; 'número de empleado' an employee's number, and once the crude
# singular cuts 'empleados', a company's head count).
ON_PURPOSE = {
    "responsable": {"manager", "assignee", "owner"},
    "responsabile": {"manager", "owner"},
    "responsavel": {"manager", "owner"},
    "matricola": {"employee_id", "serial_number"},
    "fecha de alta": {"hire_date", "created_at"},
    "fecha alta": {"hire_date", "created_at"},
    "date creation": {"created_at", "year"},
    "numero de empleado": {"employee_id", "employees"},
    "number de empleado": {"employee_id", "employees"},
    "number empleado": {"employee_id", "employees"},
    "numero empleado": {"employee_id", "employees"},
}

_VALUES = {
    "id": ["1041", "1042", "1043", "1044", "1045", "1046"],
    "tag": ["INV-071", "INV-072", "INV-073", "INV-074", "INV-075", "INV-076"],
    "first": ["Mara", "Ivo", "Tess", "Oskar", "Lena", "Arif"],
    "last": ["Lind", "Berg", "Holm", "Nowak", "Sato", "Ionescu"],
    "person": ["Ana Ruiz", "Jan de Wit", "Eva Roth", "Luc Petit", "Rui Lima", "Gia Conti"],
    "email": [f"p{i}@corp.example" for i in range(6)],
    "date": [f"2023-0{i + 1}-1{i}" for i in range(6)],
    "end": ["", "2024-03-31", "", "", "2025-01-15", ""],
    "money": ["42000", "51500", "38900", "61000", "45250", "70100"],
    "price": ["12.50", "8.90", "105.00", "3.20", "44.00", "19.99"],
    "qty": ["12", "0", "140", "7", "33", "5"],
    "sku": ["A-1001", "A-1002", "B-2001", "B-2002", "C-3001", "C-3002"],
    "product": ["Desk lamp", "Chair", "Paper A4", "Stapler", "Monitor", "Cable"],
    "model": ["T14 Gen 3", "EliteBook 840", "Latitude 5440", "T14 Gen 3", "ProBook 450", "U2723QE"],
    "maker": ["Lenovo", "HP", "Dell", "Lenovo", "HP", "Dell"],
    "serial": ["PF3A1B", "5CG2C4", "8HX1Q2", "PF3A9Z", "5CG7K1", "CN0X4T"],
    "site": ["Lyon", "Gent", "Porto", "Bari", "Cádiz", "Graz"],
    "subject": ["VPN down", "Invoice wrong", "Password reset", "Slow laptop", "No sound", "Printer jam"],
    "deal": ["Renewal 2025", "Upsell seats", "Pilot", "Framework", "Support plan", "Migration"],
    "pct": ["10", "25", "50", "75", "90", "20"],
    "sector": ["Retail", "Banking", "Logistics", "Retail", "Energy", "Media"],
    "count": ["12", "140", "8", "55", "3200", "17"],
    "ccy": ["EUR", "USD", "EUR", "GBP", "EUR", "USD"],
    "note": ["", "on leave", "", "remote", "", "part-time"],
    "dept": ["Finance", "IT", "Sales", "IT", "Finance", "Sales"],
}


def _applied(tmp_path: Path, columns: dict[str, str], template: str) -> dict[str, list[str]]:
    return applied_sources(plan_text(tmp_path, kinds_csv(columns, _VALUES), ALL[template]))


def test_french_and_dutch_employee_headers_map(tmp_path: Path) -> None:
    fr = {"Matricule salarié": "id", "Prénom": "first", "Nom": "last", "Responsable direct": "person"}
    applied = _applied(tmp_path, {**fr, "Date d'arrivée": "date", "Date de départ": "end", "Rémunération": "money"},
                       "employees")  # fmt: skip
    assert applied["employee_id"] == ["Matricule salarié"] and applied["manager"] == ["Responsable direct"]
    assert applied["hire_date"] == ["Date d'arrivée"] and applied["end_date"] == ["Date de départ"]
    assert applied["salary"] == ["Rémunération"]
    nl = {"Medewerkernummer": "id", "Voornaam": "first", "Achternaam": "last", "Indienstdatum": "date"}
    applied = _applied(tmp_path, {**nl, "Uitdienstdatum": "end", "Jaarsalaris": "money", "Standplaats": "site"},
                       "employees")  # fmt: skip
    assert applied["employee_id"] == ["Medewerkernummer"] and applied["hire_date"] == ["Indienstdatum"]
    assert applied["end_date"] == ["Uitdienstdatum"] and applied["salary"] == ["Jaarsalaris"]
    assert applied["location"] == ["Standplaats"]


def test_german_and_italian_asset_headers_map(tmp_path: Path) -> None:
    de = {"Inventar-Nr": "tag", "Modell": "model", "Hersteller": "maker", "Serien-Nr": "serial"}
    applied = _applied(tmp_path, {**de, "Beschaffungsdatum": "date", "Anschaffungswert": "price"}, "assets")
    assert applied["asset_tag"] == ["Inventar-Nr"] and applied["model"] == ["Modell"]
    assert applied["serial_number"] == ["Serien-Nr"] and applied["purchase_date"] == ["Beschaffungsdatum"]
    assert applied["purchase_cost"] == ["Anschaffungswert"]
    it = {"Codice inventario": "tag", "Modello": "model", "Produttore": "maker", "Numero seriale": "serial"}
    applied = _applied(tmp_path, {**it, "Data acquisizione": "date", "In carico a": "person"}, "assets")
    assert applied["asset_tag"] == ["Codice inventario"] and applied["model"] == ["Modello"]
    assert applied["serial_number"] == ["Numero seriale"] and applied["purchase_date"] == ["Data acquisizione"]
    assert applied["assigned_to"] == ["In carico a"]


def test_spanish_and_portuguese_catalogue_and_ticket_headers_map(tmp_path: Path) -> None:
    es = {"Código artículo": "sku", "Nombre artículo": "product", "Precio venta": "price", "Stock actual": "qty"}
    applied = _applied(tmp_path, es, "products")
    assert applied["sku"] == ["Código artículo"] and applied["name"] == ["Nombre artículo"]
    assert applied["price"] == ["Precio venta"] and applied["stock_quantity"] == ["Stock actual"]
    pt = {"Assunto": "subject", "Requerente": "person", "Data de abertura": "date", "Alterado em": "date"}
    applied = _applied(tmp_path, pt, "tickets")
    assert applied["subject"] == ["Assunto"] and applied["requester_name"] == ["Requerente"]
    assert applied["created_at"] == ["Data de abertura"] and applied["updated_at"] == ["Alterado em"]


def test_deal_and_company_headers_map(tmp_path: Path) -> None:
    es = {"Oportunidad": "deal", "Importe estimado": "money", "Fecha de cierre prevista": "date"}
    applied = _applied(tmp_path, {**es, "Probabilidad": "pct"}, "deals")
    assert applied["amount"] == ["Importe estimado"] and applied["close_date"] == ["Fecha de cierre prevista"]
    de = {"Firmenname": "deal", "Industrie": "sector", "Anzahl der Mitarbeiter": "count"}
    applied = _applied(tmp_path, de, "companies")
    assert applied["industry"] == ["Industrie"] and applied["employees"] == ["Anzahl der Mitarbeiter"]


def test_technical_abbreviations_map(tmp_path: Path) -> None:
    emp = {"emp_no": "id", "first_nm": "first", "last_nm": "last", "start_dt": "date", "term_dt": "end"}
    applied = _applied(tmp_path, {**emp, "sal_amt": "money", "sal_ccy": "ccy"}, "employees")
    assert applied["end_date"] == ["term_dt"] and applied["salary"] == ["sal_amt"]
    asset = {"asset_tag_no": "tag", "mdl_nm": "model", "mfr_nm": "maker", "purch_dt": "date", "wrnty_mos": "qty"}
    applied = _applied(tmp_path, asset, "assets")
    assert applied["model"] == ["mdl_nm"] and applied["purchase_date"] == ["purch_dt"]
    assert applied["warranty_months"] == ["wrnty_mos"]


def test_abbreviations_read_beside_a_money_word_only() -> None:
    assert tokens("sal_amt") == ("salary", "amount") and tokens("sal_curr") == ("salary", "currency")
    assert tokens("amt_cur") == ("amount", "currency")
    # near neighbours: 'sal' alone, 'curr' before a word that is no money word, 'notes' (no 'no'), 'cat', 'inv'
    assert tokens("sal") == ("sal",) and tokens("sal_title") == ("sal", "title")
    assert tokens("curr_addr") == ("curr", "address")
    assert tokens("notes") == ("notes",) and "number" not in tokens("notes_txt")
    assert tokens("cat_nm") == ("cat", "name") and tokens("inv_no") == ("inv", "number")
    assert concepts_of("notes") == {"notes": 1.0}


def test_near_neighbours_keep_their_reading(tmp_path: Path) -> None:
    # 'Current Owner' is no currency, a 'Model Number' stays the model number, a ticket's 'Responsable' its assignee
    assert max(concepts_of("Model Number"), key=concepts_of("Model Number").get) == "model_number"
    columns = {"Subject": "subject", "Responsable": "person", "Created": "date"}
    applied = _applied(tmp_path, columns, "tickets")
    assert applied["assignee"] == ["Responsable"]
    applied = _applied(tmp_path, {"curr_owner": "person", "Deal Name": "deal", "Amount": "money"}, "deals")
    assert all("curr_owner" not in sources for sources in applied.values())


def test_new_abbreviations_are_new_and_change_no_phrase() -> None:
    assert not set(lexicon_depth.DEPTH_ABBREVIATIONS) & {"no", "cat", "inv", "stat", "sal", "curr", "cur", "req"}
    assert all(ABBREVIATIONS[k] == v for k, v in lexicon_depth.DEPTH_ABBREVIATIONS.items())
    written = {w for phrases in CONCEPTS.values() for p in phrases for w in p.lower().replace("-", " ").split()}
    assert not written & set(lexicon_depth.DEPTH_ABBREVIATIONS)


def test_no_new_phrase_names_another_concept_unless_on_purpose() -> None:
    assert lexicon_clashes(lexicon_depth.DEPTH_LEXICON) == ON_PURPOSE
