"""The matcher's round-60 changes (issue 12), shown on the benchmark files and on small CSVs written here, with near
neighbours that must not change: a bare name column whose values are sites named for the file's own towns is asked,
never applied, as a contact's surname; and a French 'voie' (the street, its number in a 'numero' column beside it)
feeds the street field."""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, csv_text, plan_real_file, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}
LOCATIONS = ALL["locations"]
PROVIDERS = ALL["providers"]


# A bare name column of sites named for the file's towns is no contact's surname.


def test_les_emplois_agency_names_are_not_applied_as_a_surname() -> None:
    plan = plan_real_file("les-emplois/pole_emploi_agencies.csv", "dev61")
    assert "NOM" not in applied_sources(plan).get("last_name", [])


_TOWNS = ("TREVOUX", "MEXIMIEUX", "BELLEY", "GEX", "OYONNAX")


def test_agencies_named_for_their_towns_are_not_a_surname(tmp_path: Path) -> None:
    rows = [f"{t}{' CENTRE' if k % 2 else ''},{k} RUE DE LA GARE,0100{k},{t}" for k, t in enumerate(_TOWNS)]
    plan = plan_text(tmp_path, csv_text("Nom,Adresse,Code postal,Commune", rows), LOCATIONS)
    assert "Nom" not in applied_sources(plan).get("last_name", [])


def test_surnames_beside_given_names_stay_applied_even_when_they_are_towns(tmp_path: Path) -> None:
    # Near neighbour: a 'Prénom' beside the 'Nom' makes it a person's surname, whatever towns the surnames match
    given = ("Marie", "Jean", "Paul", "Claire", "Luc")
    rows = [
        f"{g},{t.title()},{k} rue de la Gare,{t.title()}" for k, (g, t) in enumerate(zip(given, _TOWNS, strict=True))
    ]
    plan = plan_text(tmp_path, csv_text("Prénom,Nom,Adresse,Ville", rows), LOCATIONS)
    assert applied_sources(plan).get("last_name") == ["Nom"]


def test_surnames_that_are_no_town_of_the_file_are_read_as_before(tmp_path: Path) -> None:
    # Near neighbour: the same file with surnames that name none of its towns; the round-60 rule does not touch it
    surnames = ("Dupont", "Martin", "Bernard", "Durand", "Lefebvre")
    before = csv_text(
        "Nom,Adresse,Code postal,Commune", [f"{s},1 rue,01000,{t}" for s, t in zip(surnames, _TOWNS, strict=True)]
    )
    plan = plan_text(tmp_path, before, LOCATIONS)
    assert not any("names sites after the file's towns" in m.get("rationale", "") for m in plan.mappings)
    assert not any("names sites after the file's towns" in str(q) for q in plan.questions)


# A French 'voie' is the street.


def test_acceslibre_voie_feeds_the_street() -> None:
    plan = plan_real_file("acceslibre/nestenn.csv", "dev61")
    assert applied_sources(plan).get("street") == ["voie"]


def test_histologe_nom_de_la_voie_feeds_the_street_and_its_number_does_not() -> None:
    # Near neighbour: the number of the way ('numéro de voie') is no street
    plan = plan_real_file("histologe/import_arrete_modele.csv", "dev61")
    assert applied_sources(plan).get("street") == ["nom de la voie"]
    assert not any("numéro de voie" in sources for sources in applied_sources(plan).values())


def test_a_written_voie_beside_its_number_feeds_the_street(tmp_path: Path) -> None:
    rows = [f"Agence {k},{k + 3},Rue des Lilas,6900{k}" for k in range(5)]
    plan = plan_text(tmp_path, csv_text("nom,numero,voie,code_postal", rows), PROVIDERS)
    assert applied_sources(plan).get("street") == ["voie"]
    assert "numero" not in applied_sources(plan).get("street", [])


def test_a_way_numbered_or_named_by_kind_is_no_street(tmp_path: Path) -> None:
    # Near neighbour: 'type de voie' (the way's kind, one word) and 'numéro de voie' (its number) are not its name
    rows = [
        f"Agence {k},{k + 3},{kind},Lilas,6900{k}" for k, kind in enumerate(("RUE", "AVENUE", "RUE", "PLACE", "RUE"))
    ]
    plan = plan_text(tmp_path, csv_text("nom,numéro de voie,type de voie,libellé,code_postal", rows), PROVIDERS)
    applied = applied_sources(plan).get("street", [])
    assert "type de voie" not in applied and "numéro de voie" not in applied


def test_a_voie_of_other_values_and_a_void_flag_are_no_street(tmp_path: Path) -> None:
    # Near neighbours: a medicine's route ('voie d administration': 'orale') and an English 'Void' flag
    rows = [
        f"Agence {k},{route},{flag}"
        for k, (route, flag) in enumerate(zip(("orale", "cutanée", "orale", "nasale", "orale"), "ttfft", strict=True))
    ]
    plan = plan_text(tmp_path, csv_text("nom,voie d administration,Void", rows), PROVIDERS)
    applied = applied_sources(plan).get("street", [])
    assert "voie d administration" not in applied and "Void" not in applied
