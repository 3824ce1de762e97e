"""The consent sheet a parent can rely on (issue 22): every service and law title on it in
the parent's language (or a plain «not translated» note), the duty to report in every
language, local services from the settings, the translators' review sheet and sign-off, and
the layout of the letters."""

from __future__ import annotations

import difflib
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from naervaer.cli.translators import main
from naervaer.content.edition import load_edition
from naervaer.content.parents import ResolvedDoc
from naervaer.errors import DataError

from .conftest import EDITIONS, ROOT, example_edition

LANGUAGES = ["en", "pl", "uk", "ar", "so", "ti"]
NB = example_edition("eksempel-kommune.yml")
NN = example_edition("fjordvik.yml")
TAUSHETSPLIKT = [ref for ref in NB.law.values() if ref.group == "taushetsplikt"]


def sheet(edition: object, code: str) -> ResolvedDoc:
    language = edition.parents.language(code)  # type: ignore[attr-defined]
    assert language is not None, code
    return next(d for d in language.docs if d.id == "samtykke")


def entries(doc: ResolvedDoc, role: str) -> list:
    parts = [p for p in doc.parts if p.role == role]
    assert len(parts) == 1, role
    return parts[0].entries


# -- every service and law on the sheet, in every language --------------------------------

@pytest.mark.parametrize("code", LANGUAGES)
def test_every_service_and_law_is_translated_or_plainly_not(code: str) -> None:
    for edition in (NB, NN):
        doc = sheet(edition, code)
        services = entries(doc, "services")
        names = [str(s) for s in edition.s["consent_services"]]
        assert [e.norwegian for e in services] == names  # as on the Norwegian form
        for entry in services:
            if entry.note:  # not translated: said plainly, in the language
                assert entry.note == doc.words["not_translated"], entry
            else:
                assert entry.name and entry.explain, entry
                assert entry.name != entry.norwegian, entry  # not the Norwegian copied
        laws = entries(doc, "laws")
        assert len(laws) == len(TAUSHETSPLIKT) == 9
        for entry, ref in zip(laws, TAUSHETSPLIKT, strict=True):
            assert entry.name and ref.section in entry.norwegian, entry
            assert ref.act_name.raw(edition.lang) in entry.norwegian  # the act, not «bvl»
    # the catalogue services of the demo edition are all explained, none is left bare
    assert not [e for e in entries(sheet(NB, code), "services") if e.note]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_duty_to_report_applies_regardless_of_consent_in_every_language(code: str) -> None:
    for edition, act in ((NB, "barnevernsloven § 13-2"), (NN, "barnevernslova § 13-2")):
        doc = sheet(edition, code)
        bodies = [p.text for p in doc.parts if p.role == "body"]
        duty = [t for t in bodies if "lovdata.no/lov/2021-06-18-97/§13-2" in t]
        assert len(duty) == 1, code
        assert act in duty[0].replace("\u2068", "").replace("\u2069", "")
    form = NB.forms["samtykke"]
    body = next(f.body for s in form.sections for f in s.fields if f.id == "meldeplikt")
    assert "gjelder uansett samtykke" in body.value  # on the Norwegian form itself


def test_no_nested_brackets_and_no_norwegian_source_line_in_translations() -> None:
    for edition in (NB, NN):
        for language in edition.parents.languages:
            for doc in language.docs:
                for part in doc.parts:
                    text = re.sub(r"\]\([^)\s]*\)", "]", part.text)  # link targets
                    depth = 0
                    for char in text:
                        depth += {"(": 1, ")": -1}.get(char, 0)
                        assert depth <= 1, (language.code, doc.id, part.text)
                    if part.role == "source":
                        assert not part.text.startswith("Etter"), (language.code, doc.id)


# -- the settings: catalogue ids, names, local services --------------------------------------

def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kommune.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_local_service_with_and_without_translations(tmp_path: Path) -> None:
    settings = write(tmp_path, """\
municipality: Prøve kommune
language: nb
parent_languages: [en, ar]
consent_services:
  - fastlege
  - ppt
  - name: Familieteamet
    explain: Veileder foreldre og barn når det er vanskelig hjemme.
    translations:
      en: {name: The family team, explain: Gives guidance to parents and children.}
  - Ungdomslosen
""")
    ed = load_edition(settings)
    # a catalogue id stands under its name, a name as the edition writes it
    assert ed.s["consent_services"] == ["Fastlege", "ppt", "Familieteamet", "Ungdomslosen"]
    english = entries(sheet(ed, "en"), "services")
    assert english[1].name.startswith("Educational and psychological")  # ppt = PP-tjenesten
    assert (english[2].name, english[2].explain, english[2].note) == (
        "The family team", "Gives guidance to parents and children.", "")
    assert english[3].name == "" and english[3].note.startswith("Not translated")
    arabic = entries(sheet(ed, "ar"), "services")
    assert arabic[2].note == arabic[3].note == sheet(ed, "ar").words["not_translated"]
    assert ed.parents is not None
    assert sorted(ed.parents.warnings) == [
        "`consent_services`: «Familieteamet» har ingen oversettelse til ar (`translations`); "
        "samtykkearket på disse språkene viser det norske navnet og sier at tjenesten ikke er "
        "oversatt",
        "`consent_services`: «Ungdomslosen» har ingen oversettelse til en, ar (`translations`); "
        "samtykkearket på disse språkene viser det norske navnet og sier at tjenesten ikke er "
        "oversatt"]


def test_local_service_text_from_settings_stays_text(tmp_path: Path) -> None:
    settings = write(tmp_path, """\
municipality: Prøve kommune
language: nb
parent_languages: [en]
consent_services:
  - name: "Team <b>x</b>"
    translations:
      en: {name: "*Team* <script>alert(1)</script>", explain: "[a](javascript:alert(1))"}
""")
    from naervaer.pdf.html import parent_html

    ed = load_edition(settings)
    html = parent_html(sheet(ed, "en"), ed)
    assert "<script>alert" not in html and "<b>x</b>" not in html
    assert 'href="javascript' not in html and "Team &lt;b&gt;x&lt;/b&gt;" in html.replace(
        "&#60;", "&lt;").replace("&#62;", "&gt;")


def test_wrong_language_codes_and_duplicates_name_file_line_and_choices(tmp_path: Path) -> None:
    settings = write(tmp_path, """\
municipality: Prøve kommune
language: nn
consent_services:
  - Fastlege
  - name: Familieteamet
    translations:
      xx: {name: Family team}
  - fastlege
""")
    with pytest.raises(DataError) as err:
        load_edition(settings)
    text = str(err.value)
    assert (f"{settings}, linje 7: consent_services[1].translations.xx: ukjend språkkode «xx» "
            "– kjende språk: en, pl, uk, ar, so, ti") in text
    assert f"{settings}, linje 8: consent_services[2]: «Fastlege» står alt i lista" in text


def test_the_defaults_are_the_national_catalogue_only() -> None:
    defaults = yaml.safe_load((ROOT / "data" / "settings-defaults.yml").read_text("utf-8"))
    catalogue = yaml.safe_load((ROOT / "data" / "services.yaml").read_text("utf-8"))
    ids = [s["id"] for s in catalogue["services"]]
    assert defaults["consent_services"] == [i for i in defaults["consent_services"] if i in ids]
    assert sorted(defaults["consent_services"]) == sorted(ids)
    for service in catalogue["services"]:  # a name and an explanation in both målformer
        assert all(service[k].get(lang) for k in ("name", "explain") for lang in ("nb", "nn"))


# -- the translators' review sheet and sign-off ------------------------------------------------

def test_the_review_sheet_is_written_for_every_language(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "gjennomgang"
    settings = EDITIONS / "fjordvik.yml"
    assert main(["--gjennomgang", "--innstillinger", str(settings), "--ut", str(out)]) == 0
    printed = capsys.readouterr().out
    for code in LANGUAGES:
        html = (out / f"gjennomgang-{code}.html").read_text(encoding="utf-8")
        language = NN.parents.language(code)
        assert f'<td lang="{code}" dir="{language.dir}"' in html
        data = yaml.safe_load((ROOT / "data" / "translations" / f"{code}.yaml").read_text("utf-8"))
        for key in data["items"]:  # every item, by its id, with its status
            assert f'<tr class="s-unreviewed" id="{key}">' in html, (code, key)
        assert "Fjordvik kommune" in html and "08:00" in html  # local values filled in
        assert "Skulen ringjer heim" not in html  # the source is the bokmål it came from
        assert "Barnevernvakta i Sunnfjord" in html
        assert "Familieteamet" in html and "Kommunens egne tjenester" in html
        assert not re.search(r"<(script|link|img|iframe)\b", html)  # nothing from elsewhere
        assert f"{code}: skrev" in printed
    assert "Ikke kvalitetssikret" in html and "--godkjenn ti" in html


def test_marking_reviewed_changes_only_those_lines_and_a_new_source_asks_again(
        data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dirs = {"data_dir": data_copy / "data", "forms_dir": data_copy / "forms"}
    path = data_copy / "data" / "translations" / "pl.yaml"
    before = path.read_text(encoding="utf-8")
    argv = ["--godkjenn", "pl", "vip-brev", "samtykke.title", "--av", "Kari Nordmann",
            "--dato", "2026-12-06"]
    assert main(argv, **dirs) == 0
    assert "merket som kvalitetssikret av Kari Nordmann, 2026-12-06" in capsys.readouterr().out
    after = path.read_text(encoding="utf-8")
    diff = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    marked = len(yaml.safe_load(before)["items"]) - sum(  # every item of vip-brev, and one
        not (k.startswith("vip-brev.") or k == "samtykke.title")
        for k in yaml.safe_load(before)["items"])
    assert marked == 20
    assert diff.count("-    reviewed: false") == marked == len(diff) // 4
    assert set(diff) == {"-    reviewed: false", "+    reviewed: true",
                         '+    reviewer: "Kari Nordmann"', "+    date: 2026-12-06"}

    def polish() -> dict[str, ResolvedDoc]:
        ed = load_edition(EDITIONS / "eksempel-kommune.yml", **dirs)
        return {d.id: d for d in ed.parents.language("pl").docs}

    docs = polish()
    assert docs["vip-brev"].reviewed and not docs["samtykke"].reviewed
    # the Norwegian source changes: the item is out of date and asks for a new review
    form = data_copy / "forms" / "vip-brev.yaml"
    form.write_text(form.read_text(encoding="utf-8").replace(
        "nb: VIP Makkerskap – informasjon til foresatte",
        "nb: VIP Makkerskap – informasjon til dere som foresatte"), encoding="utf-8")
    assert not polish()["vip-brev"].reviewed
    assert main(["--godkjenn", "pl", "vip-brev.title", "--av", "Kari"], **dirs) == 2
    assert "vip-brev.title: utdatert" in capsys.readouterr().err
    assert main(["--godkjenn", "pl", "vip-brev.tittel", "--av", "Kari"], **dirs) == 2
    assert "ingen slik tekst" in capsys.readouterr().err
    assert main(["--godkjenn", "pl", "vip-brev.title"], **dirs) == 2
    assert "hvem som har kvalitetssikret" in capsys.readouterr().err
    assert main(["--nn", "--godkjenn", "xx", "a.b", "--av", "K"], **dirs) == 2
    assert "ukjend språkkode «xx»" in capsys.readouterr().err


# -- the letters: two pages, the contact lines never alone on the last ----------------------------

@pytest.mark.pdf
def test_letters_keep_their_contact_lines_with_the_text(tmp_path: Path) -> None:
    from naervaer.pdf.build import engine_fingerprint, plan_parents
    from naervaer.pdf.fonts import field_font
    from naervaer.pdf.render import render

    fonts = tmp_path / "fonts"
    field_font(fonts)
    for edition in (NB, NN):
        planned = [p for p in plan_parents(edition, tmp_path, engine_fingerprint(),
                                           fonts.as_uri() + "/")
                   if p.form_id.startswith("vip-brev:")]
        assert len(planned) == len(LANGUAGES)
        for item in planned:
            done = render(item.job)
            assert done.pages == 2, item.out.name
            last = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(done.out), "-"],
                                  capture_output=True, text=True, check=True).stdout
            words = re.findall(r"\w+", last)
            assert len(words) > 80, item.out.name  # text, not just the contact lines
