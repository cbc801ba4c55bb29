"""Text encodings: BOMs, UTF-16, UTF-8, legacy code pages, and late surprises in big files."""

# Greek, Cyrillic, Hebrew and Arabic sample text is the point of these tests, not a lookalike typo.
# ruff: noqa: RUF001, RUF003

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest

from ferry.core.domain import FileManifest
from ferry.core.errors import FileRejected
from ferry.ingest import sniff
from tests.unit.ingest.helpers import all_rows, column, only_sheet

SniffBytes = Callable[..., tuple[FileManifest, Path]]
MB = 1024 * 1024


def test_plain_utf8_with_accents(real_data: Path) -> None:
    path = real_data / "frictionless-py" / "accent.csv"

    manifest = sniff(path, path.name)

    assert manifest.encoding == "utf-8"
    assert only_sheet(manifest).columns[14].header == "accessibilité"


def test_a_utf8_bom_is_recorded_and_kept_out_of_the_first_header(real_data: Path, sniff_bytes: SniffBytes) -> None:
    data = codecs.BOM_UTF8 + (real_data / "csv-spectrum" / "comma_in_quotes.csv").read_bytes()

    manifest, path = sniff_bytes(data)

    assert manifest.encoding == "utf-8-sig"
    assert only_sheet(manifest).columns[0].header == "first"
    assert all_rows(path, manifest) == [["John", "Doe", "120 any st.", "Anytown, WW", "08123"]]


def test_utf16_le_with_bom_from_salesforce(real_data: Path) -> None:
    path = real_data / "salesforce-dataloader" / "csvtext_BOM_UTF16LE.csv"

    manifest = sniff(path, path.name)

    assert manifest.encoding == "utf-16"
    sheet = only_sheet(manifest)
    assert (sheet.row_count, sheet.column_names) == (2, ["column1", "column2", "column3"])
    assert all_rows(path, manifest) == [["row1-1", "row1-2", "row1-3"], ["row2-1", "row2-2", "row2-3"]]


@pytest.mark.parametrize(
    ("prefix", "codec", "recorded"),
    [
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
        (b"", "utf-16-le", "utf-16-le"),
        (b"", "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    ],
    ids=["utf16-be-bom", "utf16-le-no-bom", "utf16-be-no-bom", "utf32-le-bom"],
)
def test_wide_encodings(sniff_bytes: SniffBytes, prefix: bytes, codec: str, recorded: str) -> None:
    text = "name,city\nZoë,Zürich\n李,北京\n"

    manifest, path = sniff_bytes(prefix + text.encode(codec))

    assert manifest.encoding == recorded
    assert all_rows(path, manifest) == [["Zoë", "Zürich"], ["李", "北京"]]


def test_salesforce_export_is_cp1252_not_utf8(real_data: Path) -> None:
    path = real_data / "salesforce-dataloader" / "accountData.csv"
    raw = path.read_bytes()
    assert b"\xba" in raw and b"Cr\xe9dito" in raw  # º and é as single cp1252 bytes

    manifest = sniff(path, path.name)

    assert manifest.encoding == "cp1252"
    values = {cell for row in all_rows(path, manifest) for cell in row}
    assert any(value.startswith("Crédito") for value in values)
    assert any("Nº 77" in value for value in values)
    assert any("Pébéo" in value for value in values)


def test_greek_iso_8859_7_decodes_as_greek_not_as_mojibake(real_data: Path) -> None:
    path = real_data / "frictionless-py" / "table-infer-iso-8859-7.csv"

    manifest = sniff(path, path.name)

    # cp1253 and ISO-8859-7 agree on every Greek letter; either reads this file correctly.
    assert manifest.encoding in {"iso8859_7", "cp1253"}
    assert column(only_sheet(manifest), "name").samples == ["Λεωνιδας", "Αλεξανδρος", "Μυρων", "Ευστοργιος"]


def test_a_utf8_file_holding_replacement_characters_is_fine(real_data: Path) -> None:
    path = real_data / "csv-spectrum" / "location_coordinates.csv"

    manifest = sniff(path, path.name)

    assert manifest.encoding == "utf-8"
    assert column(only_sheet(manifest), "Location Coordinates").samples == ["37\ufffd36'37.8\"N 121\ufffd2'17.9\"W"]


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("cp1252", "nom;ville\nFrançois Lefèvre;Orléans\nHélène Côté;Besançon\nJérôme Müller;Genève\n"),
        ("cp1250", "imię,miasto\nŁukasz Wiśniewski,Łódź\nGrażyna Kowalczyk,Gdańsk\nMałgorzata Dąbrowska,Poznań\n"),
        ("cp1251", "имя,город\nИван Петров,Москва\nСергей Смирнов,Санкт-Петербург\nОльга Кузнецова,Новосибирск\n"),
        ("koi8_r", "имя,город\nИван Петров,Москва\nСергей Смирнов,Санкт-Петербург\nОльга Кузнецова,Новосибирск\n"),
        ("cp1253", "όνομα,πόλη\nΓιώργος Παπαδόπουλος,Αθήνα\nΜαρία Κωνσταντίνου,Θεσσαλονίκη\n"),
        ("cp1255", "שם,עיר\nדוד כהן,תל אביב\nשרה לוי,ירושלים\nמשה מזרחי,חיפה\n"),
        ("cp1256", "الاسم,المدينة\nمحمد أحمد,القاهرة\nفاطمة علي,الرياض\nيوسف حسن,دبي\n"),
        ("shift_jis", "名前,都市\n山田太郎,東京\n佐藤花子,大阪\n鈴木一郎,名古屋\n"),
        ("gb18030", "姓名,城市\n张伟,北京\n王芳,上海\n李娜,广州\n刘洋,深圳\n"),
        ("euc_jp", "名前,都市\n山田太郎,東京\n佐藤花子,大阪\n鈴木一郎,名古屋\n"),
        ("big5", "姓名,城市\n陳志明,台北\n林美玲,高雄\n黃建國,台中\n"),
        ("euc_kr", "이름,도시\n김민수,서울\n이지은,부산\n박서준,인천\n"),
        ("cp1257", "vardas,miestas\nJonas Žukauskas,Šiauliai\nRūta Kazlauskienė,Klaipėda\n"),
        ("cp874", "ชื่อ,เมือง\nสมชาย ใจดี,กรุงเทพ\nสมหญิง รักไทย,เชียงใหม่\n"),
        ("cp1252", "a,b\n1,café\n"),
        ("cp1252", "id,city\n" + "".join(f"{n},Zürich\n{n},São Paulo\n" for n in range(50))),
        ("cp1252", "nome,città\nNiccolò Rossi,Forlì\nGiuseppe Verdi,Cantù\n"),
        ("cp1252", "navn,by\nØyvind Åsen,Tromsø\nBjørn Dæhlie,Bærum\n"),
        ("cp1250", "jméno,příjmení,město\nJiří,Dvořák,Plzeň\nŽaneta,Nováková,České Budějovice\nPřemysl,Černý,Ústí\n"),
        ("cp1250", "nume,oraş\nŞtefan Ţurcanu,Iaşi\nAlexandru Mureşan,Braşov\n"),
    ],
    ids=lambda value: value if len(value) < 12 else "",
)
# Known gap: a few Hungarian (ő, ű) or Turkish (ş, ğ, ı) names alone are read as another Latin
# code page; those files need more text before the letter frequencies tell the languages apart.
def test_legacy_code_pages_from_short_samples(sniff_bytes: SniffBytes, codec: str, text: str) -> None:
    manifest, _ = sniff_bytes(text.encode(codec))

    assert manifest.encoding is not None
    assert text.encode(codec).decode(manifest.encoding) == text


def ascii_rows(count: int) -> bytes:
    return b"".join(b"%d,plain ascii row number %d\n" % (n, n) for n in range(count))


def test_a_late_cp1252_byte_switches_the_encoding_instead_of_failing(sniff_bytes: SniffBytes) -> None:
    # The first megabyte is ASCII, so the first guess is UTF-8; 'é' as one byte proves it wrong.
    data = b"id,name\n" + ascii_rows(60_000) + "99999,Café Müller\n".encode("cp1252")
    assert len(data) > 1.5 * MB

    manifest, path = sniff_bytes(data)

    assert manifest.encoding == "cp1252"
    assert only_sheet(manifest).row_count == 60_001
    assert all_rows(path, manifest)[-1] == ["99999", "Café Müller"]


def test_utf8_text_with_a_stray_byte_reads_that_line_in_the_code_page_rather_than_garbled(
    sniff_bytes: SniffBytes,
) -> None:
    # Issue 15: this file used to be rejected; its one cp1252 line is now read as cp1252 and the manifest says so.
    data = b"id,name\n" + "0,Zoë\n".encode() + ascii_rows(60_000) + b"99999,Caf\xe9\n"

    manifest, path = sniff_bytes(data)

    assert (manifest.encoding, manifest.fallback_encoding) == ("utf-8", "cp1252")
    assert "(line 60003)" in manifest.notes[0]
    rows = all_rows(path, manifest)
    assert (rows[0], rows[-1]) == (["0", "Zoë"], ["99999", "Café"])


def test_a_bom_is_trusted_so_bytes_contradicting_it_are_an_error(sniff_bytes: SniffBytes) -> None:
    data = codecs.BOM_UTF8 + b"id,name\n" + ascii_rows(60_000) + b"99999,Caf\xe9\n"

    with pytest.raises(FileRejected) as rejected:
        sniff_bytes(data)

    assert "around line 60002" in rejected.value.reason
