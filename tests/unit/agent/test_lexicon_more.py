"""Header vocabulary in more languages (issue 12, `ferry.agent.lexicon_more`), through the planner on small CSVs
written here (one per language family; the benchmark's held-out heldout3 files are not used), and the vocabulary's
collisions with the phrases of other concepts. Near neighbours: English headers that share a short word stay as they
were. Asserts what the user sees in the plan.
"""

# Turkish, Greek and Cyrillic headers are the data here, not look-alikes of Latin letters.
# ruff: noqa: RUF001

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.agent import lexicon_more
from ferry.agent.normalize import join_tokens, tokens
from ferry.agent.synonyms import CONCEPTS
from tests.unit.agent.helpers import applied_sources, kinds_csv, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}

# Phrases listed under two concepts on purpose (one word, two languages, two meanings): the template's fields decide.
ON_PURPOSE = {
    "kraj": {"country", "state"},
    # lexicon_depth2 gives these words their second reading (an organisational unit; an asset's purchase cost)
    "birim": {"unit", "department"},
    "hankintahinta": {"cost", "purchase_cost"},
    "indkobspris": {"cost", "purchase_cost"},
    "inkopspris": {"cost", "purchase_cost"},
    "innkjopspris": {"cost", "purchase_cost"},
}

_VALUES = {
    "first": ["Mara", "Ivo", "Tess", "Oskar", "Lena", "Arif"],
    "last": ["Lind", "Berg", "Holm", "Nowak", "Sato", "Ionescu"],
    "email": [f"p{i}@corp.example" for i in range(6)],
    "phone": [f"+48 600 100 2{i}0" for i in range(6)],
    "company": ["Kappa AB", "Nordlys AS", "Tisza Kft", "Delta SRL", "Omega AE", "Maju PT"],
    "street": [f"Lipowa {i + 3}" for i in range(6)],
    "zip": [f"{31 + i}-{100 + i}" for i in range(6)],
    "city": ["Krakow", "Malmo", "Aarhus", "Bergen", "Tampere", "Brno"],
    "date": [f"2023-0{i + 1}-1{i}" for i in range(6)],
    "birth": [f"198{i}-0{i + 2}-2{i}" for i in range(6)],
    "job": ["Analyst", "Engineer", "Buyer", "Analyst", "Designer", "Engineer"],
    "dept": ["Finance", "IT", "Sales", "IT", "Finance", "Sales"],
    "price": ["12.50", "8.90", "105.00", "3.20", "44.00", "19.99"],
    "qty": ["12", "0", "140", "7", "33", "5"],
    "sku": ["A-1001", "A-1002", "B-2001", "B-2002", "C-3001", "C-3002"],
    "product": ["Desk lamp", "Chair", "Paper A4", "Stapler", "Monitor", "Cable"],
    "cat": ["Lighting", "Furniture", "Paper", "Office", "Lighting", "Office"],
    "country": ["GB", "FR", "US", "DE", "GB", "FR"],
    "taxid": ["5213001234", "7010012345", "1234567890", "9876543210", "1112223334", "5556667778"],
}


def _applied(tmp_path: Path, columns: dict[str, str], template: str) -> dict[str, list[str]]:
    return applied_sources(plan_text(tmp_path, kinds_csv(columns, _VALUES), ALL[template]))


def test_nordic_headers_map(tmp_path: Path) -> None:
    # Swedish, Danish, Norwegian and Finnish employee and customer exports
    sv = {"Förnamn": "first", "Efternamn": "last", "E-postadress": "email", "Befattning": "job", "Avdelning": "dept"}
    applied = _applied(tmp_path, sv, "employees")
    assert applied["first_name"] == ["Förnamn"] and applied["last_name"] == ["Efternamn"]
    assert applied["job_title"] == ["Befattning"] and applied["department"] == ["Avdelning"]
    da = {"Fornavn": "first", "Efternavn": "last", "Mail": "email", "Vejnavn": "street", "Postnr": "zip"}
    applied = _applied(tmp_path, {**da, "Bynavn": "city"}, "customers")
    assert applied["street"] == ["Vejnavn"] and applied["postal_code"] == ["Postnr"] and applied["city"] == ["Bynavn"]
    no = {"Etternavn": "last", "Fornavn": "first", "E-post": "email", "Poststed": "city", "Fødselsdato": "birth"}
    applied = _applied(tmp_path, no, "customers")
    assert applied["last_name"] == ["Etternavn"] and applied["city"] == ["Poststed"]
    assert applied["birth_date"] == ["Fødselsdato"]
    fi = {"Etunimi": "first", "Sukunimi": "last", "Sähköposti": "email", "Postinumero": "zip", "Maa": "country"}
    applied = _applied(tmp_path, fi, "contacts")
    assert applied["last_name"] == ["Sukunimi"] and applied["email"] == ["Sähköposti"]
    assert applied["country"] == ["Maa"]


def test_polish_and_czech_headers_map(tmp_path: Path) -> None:
    pl = {"Imię": "first", "Nazwisko": "last", "Ulica": "street", "Kod pocztowy": "zip", "Miejscowość": "city"}
    applied = _applied(tmp_path, {**pl, "Telefon komórkowy": "phone", "Adres e-mail": "email"}, "customers")
    assert applied["first_name"] == ["Imię"] and applied["street"] == ["Ulica"]
    assert applied["postal_code"] == ["Kod pocztowy"] and applied["city"] == ["Miejscowość"]
    assert applied["mobile"] == ["Telefon komórkowy"]
    cs = {"Jméno": "first", "Příjmení": "last", "E-mail": "email", "Společnost": "company", "Země": "country"}
    applied = _applied(tmp_path, cs, "contacts")
    assert applied["last_name"] == ["Příjmení"] and applied["company"] == ["Společnost"]
    assert applied["country"] == ["Země"]


def test_turkish_headers_map_with_and_without_dotless_i(tmp_path: Path) -> None:
    tr = {"İsim": "first", "Soyadı": "last", "E-posta": "email", "Şirket": "company", "Ülke": "country"}
    applied = _applied(tmp_path, tr, "contacts")
    assert applied["first_name"] == ["İsim"] and applied["last_name"] == ["Soyadı"]
    assert applied["email"] == ["E-posta"] and applied["company"] == ["Şirket"]
    # the same export with the letters a tool strips
    plain = {"Isim": "first", "Soyadi": "last", "E-posta": "email", "Sirket": "company", "Ulke": "country"}
    applied = _applied(tmp_path, plain, "contacts")
    assert applied["last_name"] == ["Soyadi"] and applied["company"] == ["Sirket"]


def test_indonesian_and_malay_headers_map(tmp_path: Path) -> None:
    idn = {"Nama Depan": "first", "Nama Belakang": "last", "Surel": "email", "Kode Pos": "zip", "Kota": "city"}
    applied = _applied(tmp_path, {**idn, "Alamat": "street"}, "customers")
    assert applied["last_name"] == ["Nama Belakang"] and applied["postal_code"] == ["Kode Pos"]
    assert applied["city"] == ["Kota"] and applied["street"] == ["Alamat"]
    ms = {"Nama Syarikat": "company", "Poskod": "zip", "E-mel": "email", "Tarikh Lahir": "birth"}
    applied = _applied(tmp_path, ms, "customers")
    assert applied["company"] == ["Nama Syarikat"] and applied["postal_code"] == ["Poskod"]
    assert applied["birth_date"] == ["Tarikh Lahir"]


def test_romanian_and_hungarian_headers_map(tmp_path: Path) -> None:
    ro = {"Cod produs": "sku", "Denumire produs": "product", "Preț": "price", "Cantitate": "qty", "Categorie": "cat"}
    applied = _applied(tmp_path, ro, "products")
    assert applied["sku"] == ["Cod produs"] and applied["price"] == ["Preț"]
    assert applied["stock_quantity"] == ["Cantitate"] and applied["category"] == ["Categorie"]
    hu = {"Vezetéknév": "last", "Keresztnév": "first", "Irányítószám": "zip", "Város": "city", "Adószám": "taxid"}
    applied = _applied(tmp_path, {**hu, "E-mail cím": "email"}, "customers")
    assert applied["last_name"] == ["Vezetéknév"] and applied["first_name"] == ["Keresztnév"]
    assert applied["postal_code"] == ["Irányítószám"] and applied["tax_id"] == ["Adószám"]


def test_greek_headers_map_in_both_scripts(tmp_path: Path) -> None:
    el = {"Όνομα": "first", "Επώνυμο": "last", "Email": "email", "Εταιρεία": "company", "Χώρα": "country"}
    applied = _applied(tmp_path, el, "contacts")
    assert applied["first_name"] == ["Όνομα"] and applied["last_name"] == ["Επώνυμο"]
    assert applied["company"] == ["Εταιρεία"] and applied["country"] == ["Χώρα"]
    latin = {"Onoma": "first", "Eponymo": "last", "Email": "email", "Etaireia": "company", "Xora": "country"}
    applied = _applied(tmp_path, latin, "contacts")
    assert applied["last_name"] == ["Eponymo"] and applied["company"] == ["Etaireia"]


def test_cyrillic_headers_map(tmp_path: Path) -> None:
    ru = {"Фамилия": "last", "Имя": "first", "Должность": "job", "Отдел": "dept", "Дата рождения": "birth"}
    applied = _applied(tmp_path, {**ru, "Электронная почта": "email"}, "employees")
    assert applied["last_name"] == ["Фамилия"] and applied["first_name"] == ["Имя"]
    assert applied["job_title"] == ["Должность"] and applied["department"] == ["Отдел"]
    assert applied["birth_date"] == ["Дата рождения"]
    uk = {"Прізвище": "last", "Ім'я": "first", "Посада": "job", "Місто": "city"}
    applied = _applied(tmp_path, {**uk, "Електронна пошта": "email"}, "employees")
    assert applied["last_name"] == ["Прізвище"] and applied["city"] == ["Місто"]


def test_japanese_romaji_headers_map_with_and_without_long_vowels(tmp_path: Path) -> None:
    ja = {"Sei": "last", "Mei": "first", "Mēru": "email", "Yūbin Bangō": "zip", "Jūsho": "street"}
    applied = _applied(tmp_path, ja, "customers")
    assert applied["last_name"] == ["Sei"] and applied["first_name"] == ["Mei"]
    assert applied["postal_code"] == ["Yūbin Bangō"] and applied["street"] == ["Jūsho"]
    plain = {"Sei": "last", "Mei": "first", "Meru Adoresu": "email", "Yubin Bango": "zip", "Jusho": "street"}
    applied = _applied(tmp_path, plain, "customers")
    assert applied["postal_code"] == ["Yubin Bango"] and applied["email"] == ["Meru Adoresu"]


def test_vietnamese_headers_map(tmp_path: Path) -> None:
    vi = {"Số điện thoại": "phone", "Email": "email", "Địa chỉ": "street", "Ngày sinh": "birth", "Công ty": "company"}
    applied = _applied(tmp_path, vi, "customers")
    assert applied["phone"] == ["Số điện thoại"] and applied["street"] == ["Địa chỉ"]
    assert applied["birth_date"] == ["Ngày sinh"] and applied["company"] == ["Công ty"]


def test_english_headers_sharing_a_short_word_stay_unmapped(tmp_path: Path) -> None:
    # Near neighbours: 'Ad Name' (an advert's name), 'Created By', 'Not Interested' are no first name, city or note
    columns = {"First Name": "first", "Last Name": "last", "Email": "email", "Ad Name": "product"}
    applied = _applied(tmp_path, {**columns, "Created By": "last", "Not Interested": "qty"}, "customers")
    assert applied["first_name"] == ["First Name"]
    assert "city" not in applied and "notes" not in applied
    assert all("Ad Name" not in sources for sources in applied.values())


def test_no_new_phrase_names_another_concept_unless_on_purpose() -> None:
    new: dict[str, set[str]] = {}
    for concept, by_language in lexicon_more.MORE_LEXICON.items():
        for phrases in by_language.values():
            for phrase in phrases:
                new.setdefault(join_tokens(tokens(phrase)), set()).add(concept)
    existing: dict[str, set[str]] = {}
    for concept, phrases in CONCEPTS.items():
        added = {p for group in lexicon_more.MORE_LEXICON.get(concept, {}).values() for p in group}
        for phrase in phrases:
            if phrase not in added:
                existing.setdefault(join_tokens(tokens(phrase)), set()).add(concept)
    clashes = {
        folded: concepts | existing.get(folded, set())
        for folded, concepts in new.items()
        if len(concepts | existing.get(folded, set())) > 1
    }
    assert clashes == ON_PURPOSE
