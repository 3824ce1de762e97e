"""Fidelity to the sources: what the seeds say reaches the reader unchanged or, where it was
brought up to date, says so with its source and date."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from naervaer.content.edition import load_edition
from naervaer.errors import DataError
from naervaer.pdf.build import file_names

from .conftest import example_edition
from .test_guide import pdftotext
from .test_site import squash, visible_text

NB = example_edition("eksempel-kommune.yml")
NN = example_edition("fjordvik.yml")


def consent_pdf(site: Path, variant: str) -> Path:
    return site / "skjema" / file_names("samtykke")[variant]


def test_consent_is_one_choice_that_fills_and_reads_back(site_dir: Path,
                                                         tmp_path: Path) -> None:
    reader = PdfReader(consent_pdf(site_dir, "fillable"))
    fields = reader.get_fields() or {}
    choice = fields["bekreftelse:utveksling"]
    assert choice.get("/FT") == "/Btn" and int(choice.get("/Ff", 0)) & (1 << 15)  # radio
    assert sorted(s for s in choice["/_States_"] if s != "/Off") == [
        "/samtykker", "/samtykker-ikke"]
    assert not [n for n in fields if "ingen-utveksling" in n or n.endswith(":utveksling:")]
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        writer.update_page_form_field_values(
            page, {"bekreftelse:utveksling": "/samtykker-ikke"}, auto_regenerate=False)
    filled = tmp_path / "samtykke.pdf"
    writer.write(filled)
    assert str(PdfReader(filled).get_fields()["bekreftelse:utveksling"]["/V"]) == \
        "/samtykker-ikke"


def test_consent_lists_the_national_services_of_the_source_and_asks_for_the_birth_number(
        site_dir: Path) -> None:
    """The seed's form (001) lists national services and a few of its own municipality's
    (RMU, Tjenestekontor, Fagteam i Familiens hus, FINT): the defaults keep the national
    ones, named as they are now (issue 22; no municipality's own services, issue 18)."""
    services = [str(s) for s in NB.s["consent_services"]]
    assert services[:6] == ["Skole/SFO", "Barnehage", "Helsestasjon og skolehelsetjenesten",
                            "Fastlege", "PP-tjenesten", "Barnevernstjenesten"]
    assert {"NAV (sosialtjenesten)", "Psykisk helse og rus", "Kommunepsykolog",
            "Fysio- og ergoterapitjenesten", "Koordinerende enhet", "Flyktningtjenesten",
            "Kommunale fritidstilbud for barn og unge",
            "Spesialisthelsetjenesten (f.eks. BUP)"} <= set(services)
    assert not {s for s in services if any(w in s for w in (
        "RMU", "Tjenestekontor", "Familiens hus", "FINT"))}
    fields = PdfReader(consent_pdf(site_dir, "fillable")).get_fields() or {}
    assert any(str(f.get("/TU")) == "Kommunepsykolog" for f in fields.values())
    printable = squash(pdftotext(consent_pdf(site_dir, "printable")))
    assert "Fødselsnummer (11 siffer)" in printable and "Kommunepsykolog" in printable
    assert "Jeg/vi samtykker ikke til utveksling av opplysninger." in printable
    assert "Plikten til å melde fra til barnevernstjenesten gjelder uansett samtykke." \
        in printable


def test_cooperation_meeting_1_invites_pps_and_the_school_nurse() -> None:
    for edition, nurse in ((NB, "helsesykepleieren"), (NN, "helsesjukepleiaren")):
        step = next(s for s in edition.process.steps if s.id == "samarbeidsmote-1")
        text = str(step.text)
        assert edition.s["pp_service"]["short"] in text and nurse in text
        assert "eventuelt" not in text


def test_the_case_of_jens_does_not_move_to_the_editions_municipality() -> None:
    for edition in (NB, NN):
        story = " ".join(str(s.body) for s in edition.guide["eksempler"].all_sections()
                         if s.body and "Jens" in str(s.body))
        assert edition.settings.municipality not in story
        assert "ny kommune" in story


def test_the_wellbeing_plan_is_cited_only_when_the_edition_names_it(
        site_dir: Path, nn_site_dir: Path) -> None:
    page = "veileder/informasjon-ved-skolestart.html"
    nn = (nn_site_dir / page).read_text(encoding="utf-8")
    plan = NN.settings.wellbeing_plan
    assert f'href="{plan.url}"' in nn and str(plan.name) in nn
    assert "«Vedlegg 2: Teikn på mistrivsel»" in squash(visible_text(nn_site_dir / page))
    nb = squash(visible_text(site_dir / page))
    start = nb.index("Skolen gir beskjed når eleven viser tegn på mistrivsel")
    section = nb[start:nb.index("NB!", start)]
    assert section.endswith("havner i konflikter. ")  # no plan named: nothing cited


def test_a_plan_without_a_link_is_a_clear_error(tmp_path: Path) -> None:
    settings = tmp_path / "kommune.yml"
    settings.write_text("municipality: Testvik kommune\nlanguage: nn\nwellbeing_plan:\n"
                        "  name: Handlingsplan for skulemiljøet\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_edition(settings)
    report = err.value.report()
    assert "kommune.yml, linje 3: wellbeing_plan" in report
    assert "skriv både namnet på planen og lenkja til han" in report


def test_updated_facts_carry_their_source_and_date(nn_site_dir: Path) -> None:
    updated = [(s.id, u) for p in NN.guide.values() for s in p.all_sections()
               for u in s.updates]
    alarm = next(u for sid, u in updated if sid == "kontakt-barnevern")
    assert "heile døgnet" in str(alarm.fact) and alarm.source and alarm.date.year == 2026
    text = squash(visible_text(nn_site_dir / "veileder" / "samarbeidspartnere.html"))
    assert "Oppdatert frå kjelda: Alarmtelefonen for barn og unge er open heile døgnet" in text
    assert "24.11.2026" in text
