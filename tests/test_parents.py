"""Parent material in other languages (issue 13): complete translations, honest review
status, a page and a PDF per language in every edition, Arabic right to left, every glyph
covered, and an edition that chooses its languages."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from pathlib import Path

import pikepdf
import pytest
import yaml

from naervaer.content.edition import load_edition
from naervaer.content.parent_docs import build_documents, fingerprint, placeholders
from naervaer.content.parents import PDI
from naervaer.errors import DataError
from naervaer.pdf.glyphs import missing_glyphs

from .conftest import EDITIONS, ROOT, example_edition, mkdocs_build

LANGUAGES = ["en", "pl", "uk", "ar", "so", "ti"]
DOCUMENTS = ["skolefravaer", "info-skolestart", "vip-brev", "samtykke"]
NB = example_edition("eksempel-kommune.yml")
NN = example_edition("fjordvik.yml")


def translation(code: str, data: Path = ROOT / "data") -> dict:
    return yaml.safe_load((data / "translations" / f"{code}.yaml").read_text(encoding="utf-8"))


def source_items() -> dict[str, str]:
    """Every translatable item of every parent document: id → bokmål source text."""
    from naervaer import DATA_DIR
    from naervaer.content.schema.parents import ParentsData
    from naervaer.content.sources import load_yaml
    from naervaer.content.validate import validate

    data = validate(ParentsData, load_yaml(DATA_DIR / "parents.yaml"))
    return {key: text.nb for doc in build_documents(data, NB.forms) for key, text
            in doc.items().items()}


# -- the data ---------------------------------------------------------------------------

def test_all_six_languages_are_complete_and_current_in_both_editions() -> None:
    for edition in (NB, NN):
        assert edition.parents is not None
        assert edition.parents.warnings == []
        assert [lang.code for lang in edition.parents.languages] == LANGUAGES
        for lang in edition.parents.languages:
            assert [doc.id for doc in lang.docs] == DOCUMENTS, lang.code


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_every_placeholder_and_name_their_source(code: str) -> None:
    items = translation(code)["items"]
    for key, nb in source_items().items():
        assert placeholders(items[key]["text"]) == placeholders(nb), key
        assert items[key]["source"] == fingerprint(nb), f"{code}: {key} is stale"
        if items[key].get("reviewed"):
            assert items[key].get("reviewer") and items[key].get("date"), key


def test_arabic_is_written_without_harakat() -> None:
    """WeasyPrint maps a glyph to text the first time it draws it; a letter first drawn with a
    vowel mark (ُ َ ّ ً …) loses its text in the whole PDF, so copying and screen readers
    miss it. Modern Standard Arabic is normally written without these marks anyway."""
    marks = {key: item["text"] for key, item in translation("ar")["items"].items()
             if re.search("[\u064b-\u0652\u0670]", item["text"])}
    assert marks == {}


def test_a_missing_item_unpublishes_that_document_only_and_says_so(data_copy: Path) -> None:
    path = data_copy / "data" / "translations" / "pl.yaml"
    data = translation("pl", data_copy / "data")
    del data["items"]["vip-brev.tips.title"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    ed = load_edition(EDITIONS / "eksempel-kommune.yml", data_dir=data_copy / "data",
                      forms_dir=data_copy / "forms")
    assert ed.parents is not None
    polish = ed.parents.language("pl")
    assert polish is not None
    assert [d.id for d in polish.docs] == ["skolefravaer", "info-skolestart", "samtykke"]
    assert any("«vip-brev» publiseres ikke på pl" in w and "vip-brev.tips.title" in w
               for w in ed.parents.warnings)
    # a nynorsk edition says it in nynorsk
    nn = load_edition(EDITIONS / "fjordvik.yml", data_dir=data_copy / "data",
                      forms_dir=data_copy / "forms")
    assert nn.parents is not None
    assert any("«vip-brev» blir ikkje publisert på pl" in w for w in nn.parents.warnings)


def test_review_status_stale_source_and_reviewed_only(data_copy: Path, tmp_path: Path) -> None:
    path = data_copy / "data" / "translations" / "en.yaml"
    data = translation("en", data_copy / "data")
    for key, item in data["items"].items():
        if key.startswith("skolefravaer."):
            item.update(reviewed=True, reviewer="Kari Nordmann", date="2026-12-01")
    data["items"]["vip-brev.title"]["source"] = "0000000000"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    kwargs = dict(data_dir=data_copy / "data", forms_dir=data_copy / "forms")
    ed = load_edition(EDITIONS / "eksempel-kommune.yml", **kwargs)
    assert ed.parents is not None
    english = {d.id: d for d in ed.parents.language("en").docs}
    assert english["skolefravaer"].reviewed and not english["vip-brev"].reviewed
    assert any("vip-brev.title" in w and "utdatert" in w for w in ed.parents.warnings)

    settings = tmp_path / "kun-kontrollert.yml"
    settings.write_text("municipality: Prøve kommune\nlanguage: nb\n"
                        "parent_languages: [en]\nparent_reviewed_only: true\n", encoding="utf-8")
    only = load_edition(settings, **kwargs)
    assert only.parents is not None
    assert [lang.code for lang in only.parents.languages] == ["en"]
    assert [d.id for d in only.parents.languages[0].docs] == ["skolefravaer"]


def test_translators_tool_tells_what_is_missing_stale_unused_and_unreviewed(
        data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``python -m naervaer.parents``: what it prints under a language is YAML a translator
    pastes under ``items:`` (new fingerprints included); done, the language reports clean."""
    from naervaer.cli.translators import main

    dirs = {"data_dir": data_copy / "data", "forms_dir": data_copy / "forms"}
    assert main([], **dirs) == 0
    out = capsys.readouterr().out
    assert all(f"data/translations/{code}.yaml" in out for code in LANGUAGES)
    assert "Ingen tekster mangler eller er utdaterte." in out

    path = data_copy / "data" / "translations" / "pl.yaml"
    data = translation("pl", data_copy / "data")
    wanted = source_items()
    del data["items"]["samtykke.bekreftelse.utveksling.label"]
    data["items"]["vip-brev.title"]["source"] = "0000000000"
    data["items"]["samtykke.gammel.tekst"] = {"text": "x", "source": "0000000000"}
    for key, item in data["items"].items():
        if key.startswith("skolefravaer."):
            item.update(reviewed=True, reviewer="Kari Nordmann", date="2026-12-01")
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    assert main(["pl"], **dirs) == 1
    out = capsys.readouterr().out
    assert "en.yaml" not in out and "3 tekst(er) mangler, er utdatert eller brukes ikke" in out
    pasted = yaml.safe_load("\n".join(line for line in out.splitlines()
                                      if line.startswith("  ") and not line.strip()
                                      .startswith("#")))
    assert set(pasted) == {"samtykke.bekreftelse.utveksling.label", "vip-brev.title"}
    # a stale item, pasted, is current again and asks for a new review
    assert pasted["vip-brev.title"] == {"source": fingerprint(wanted["vip-brev.title"]),
                                        "reviewed": False}
    assert pasted["samtykke.bekreftelse.utveksling.label"]["source"] == fingerprint(
        wanted["samtykke.bekreftelse.utveksling.label"])
    assert "bokmål: Samtykke til utveksling av opplysninger" in out  # the text to translate
    assert "#   samtykke.gammel.tekst" in out  # unused
    unreviewed = out.split("Ikke kvalitetssikret ennå")[1]
    assert "skolefravaer" not in unreviewed and "info-skolestart: alle" in unreviewed

    data["items"]["vip-brev.title"].update(pasted.pop("vip-brev.title"))
    data["items"] |= {k: {**v, "text": "Zgoda na wymianę informacji"} for k, v in pasted.items()}
    del data["items"]["samtykke.gammel.tekst"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["--nn", "pl"], **dirs) == 0
    out = capsys.readouterr().out
    assert "Ingen tekstar manglar eller er forelda." in out and "Manglar" not in out
    assert main(["xx"], **dirs) == 2
    assert "ukjent språkkode «xx»" in capsys.readouterr().err


def test_reviewed_without_reviewer_stops_the_build(data_copy: Path) -> None:
    path = data_copy / "data" / "translations" / "so.yaml"
    text = path.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: true", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_edition(EDITIONS / "eksempel-kommune.yml", data_dir=data_copy / "data",
                     forms_dir=data_copy / "forms")
    assert "so.yaml, linje" in str(err.value) and "reviewer" in str(err.value)


def test_an_unknown_language_in_the_settings_names_file_line_and_choices(tmp_path: Path) -> None:
    settings = tmp_path / "kommune.yml"
    settings.write_text("municipality: Prøve kommune\nlanguage: nn\nparent_languages:\n"
                        "  - en\n  - xx\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_edition(settings)
    assert (f"{settings}, linje 5: parent_languages[1]: ukjend språkkode «xx» – kjende språk: "
            "en, pl, uk, ar, so, ti") in str(err.value)


# -- the site ---------------------------------------------------------------------------

def has_tag(html: str, tag: str, text: str | None = None, **attrs: str) -> bool:
    """An element with these attributes (in any order), and this text if given."""
    ahead = "".join(f'(?=[^>]*\\s{name.rstrip("_")}="{re.escape(value)}[" ])'
                    for name, value in attrs.items())
    pattern = f"<{tag}{ahead}[^>]*>" + (re.escape(text) + f"</{tag}>" if text else "")
    return re.search(pattern, html) is not None


def editions(site_dir: Path, nn_site_dir: Path) -> list[tuple[object, Path]]:
    return [(NB, site_dir), (NN, nn_site_dir)]


def test_every_language_has_its_page_and_pdfs_in_both_editions(site_dir: Path,
                                                               nn_site_dir: Path) -> None:
    for ed, site in editions(site_dir, nn_site_dir):
        assert ed.parents is not None  # type: ignore[attr-defined]
        nlang = ed.lang  # type: ignore[attr-defined]
        listing = (site / "foreldre" / "andre-sprak.html").read_text(encoding="utf-8")
        start = (site / "index.html").read_text(encoding="utf-8")
        assert 'href="foreldre/andre-sprak.html"' in start
        for lang in ed.parents.languages:  # type: ignore[attr-defined]
            # the navigation names each language in its own script, marked as such
            assert f'class="md-ellipsis" lang="{lang.code}" dir="{lang.dir}"' in start
        for lang in ed.parents.languages:  # type: ignore[attr-defined]
            html = (site / "foreldre" / f"{lang.code}.html").read_text(encoding="utf-8")
            assert f'<html lang="{lang.code}"' in html
            assert has_tag(html, "div", class_="nv-foreign", dir=lang.dir, lang=lang.code)
            assert has_tag(html, "header", lang=nlang)  # the frame stays Norwegian
            assert has_tag(listing, "span", text=lang.name, dir=lang.dir, lang=lang.code)
            for doc in lang.docs:
                pdf = site / "foreldre" / f"{doc.file}.pdf"
                assert pdf.is_file(), pdf
                assert f'href="{pdf.name}"' in html
                assert f'href="{pdf.name}"' in listing
                # not yet reviewed: the notice in the language and in Norwegian
                assert doc.words["notice"] in html
            assert ed.t("parents.notice") in html  # type: ignore[attr-defined]
        assert (site / "foreldre" / f"{ed.parents.page.file}.pdf").is_file()  # type: ignore
    assert has_tag((site_dir / "foreldre" / "ar.html").read_text(encoding="utf-8"), "div",
                   dir="rtl", lang="ar")


def test_the_one_page_text_is_one_page_in_every_language(site_dir: Path,
                                                         nn_site_dir: Path) -> None:
    """«Skolefravær – dette bør du vite» is a sheet to hand out: no language runs over onto a
    second page that would hold only contact lines (issue 22)."""
    over = []
    for ed, site in editions(site_dir, nn_site_dir):
        parents = ed.parents  # type: ignore[attr-defined]
        files = [doc.file for doc in parents.all_docs() if doc.one_page]
        assert len(files) == 1 + len(parents.languages)
        for name in files:
            with pikepdf.open(site / "foreldre" / f"{name}.pdf") as pdf:
                if len(pdf.pages) != 1:
                    over.append(f"{site.name}/{name}: {len(pdf.pages)} sider")
    assert over == []


def test_other_languages_stay_out_of_the_norwegian_search_index(site_dir: Path) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "foreldre/index.html" in locations
    assert not {f"foreldre/{code}.html" for code in LANGUAGES} & locations
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    assert "All children in Norway have the right" not in text
    assert "Skolefravær – dette bør du vite" in text


# -- the PDFs ---------------------------------------------------------------------------

def pdftotext(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    return out


BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u00ad]")


def plain(text: str) -> str:
    """Text as extracted, without bidi controls and presentation forms, spaces collapsed."""
    text = unicodedata.normalize("NFKC", BIDI_CONTROLS.sub("", text))
    return " ".join(text.split())


@pytest.mark.pdf
def test_pdfs_carry_language_title_municipality_and_thresholds(site_dir: Path,
                                                               nn_site_dir: Path) -> None:
    for ed, site in editions(site_dir, nn_site_dir):
        s = ed.settings  # type: ignore[attr-defined]
        for doc in ed.parents.all_docs():  # type: ignore[attr-defined]
            path = site / "foreldre" / f"{doc.file}.pdf"
            with pikepdf.open(path) as pdf:
                assert str(pdf.Root.Lang) == doc.lang, path.name
                assert str(pdf.docinfo.Title) == f"{doc.title} – {s.municipality}"
                assert "/StructTreeRoot" in pdf.Root
            text = plain(pdftotext(path))
            assert s.municipality in text, path.name
            if doc.id in ("skolefravaer", "info-skolestart"):
                assert re.search(rf"(?<!\d){s.concern.days}(?!\d)", text), path.name
                assert s.concern.weeks in text, path.name
                assert s.deadlines.report_by in text, path.name
        page = plain(pdftotext(site / "foreldre" / "skolefravaer-ar.pdf"))
        assert s.reporting_channel in page and s.child_welfare.phone in page


def arabic_words(text: str) -> list[str]:
    return re.findall("[\u0621-\u064a]+", text)


@pytest.mark.pdf
def test_arabic_extracts_in_logical_order(site_dir: Path) -> None:
    """pdftotext gives Arabic in reading order. (Poppler reverses the two letters inside a
    lam-alef ligature — لا → ال — so the source is compared with that one swap.)"""
    extracted = arabic_words(plain(pdftotext(site_dir / "foreldre" / "skolefravaer-ar.pdf")))
    doc = next(d for d in NB.parents.language("ar").docs)
    checked = 0
    for part in doc.parts:
        if part.role not in ("heading", "body"):
            continue
        for paragraph in re.split(r"\n\s*\n|\n- ", part.text):
            source = re.sub("ل([اأإآى])", r"\1ل", plain(re.sub(r"[*_]", "", paragraph)))
            words = arabic_words(source)
            if len(words) < 3:
                continue
            joined, wanted = " ".join(extracted), " ".join(words)
            assert wanted in joined, paragraph[:80]
            assert " ".join(reversed(words)) not in joined
            checked += 1
    assert checked >= 10


@pytest.mark.pdf
def test_every_glyph_is_covered_by_the_embedded_noto_fonts(site_dir: Path, nn_site_dir: Path,
                                                           tmp_path: Path) -> None:
    for site in (site_dir, nn_site_dir):
        for path in sorted((site / "foreldre").glob("*.pdf")):
            assert missing_glyphs(path) == [], path.name
    fonts = {code: subprocess.run(["pdffonts", str(site_dir / "foreldre" /
                                                   f"skolefravaer-{code}.pdf")],
                                  check=True, capture_output=True, text=True).stdout
             for code in ("ar", "ti", "uk")}
    assert re.search(r"Noto-Sans-Arabic\s.*\byes\s+yes\s+yes", fonts["ar"])
    assert re.search(r"Noto-Sans-Ethiopic\s.*\byes\s+yes\s+yes", fonts["ti"])
    assert re.search(r"Noto-Sans\s.*\byes\s+yes\s+yes", fonts["uk"])
    # the check can fail: a private-use character no font has is drawn as a box, and found
    from weasyprint import HTML

    bad = tmp_path / "bad.pdf"
    HTML(string='<html lang="ti"><p style="font-family: \'Noto Sans Ethiopic\'">'
                "ትምህርቲ \ue000</p></html>").write_pdf(bad)
    assert len(missing_glyphs(bad)) == 1
    # and the Arabic page, rendered, has ink where the text is (not empty boxes)
    png = tmp_path / "ar"
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-singlefile",
                    str(site_dir / "foreldre" / "skolefravaer-ar.pdf"), str(png)], check=True)
    assert png.with_suffix(".png").stat().st_size > 20_000


def test_arabic_values_are_isolated_for_bidi() -> None:
    doc = NB.parents.language("ar").docs[0]
    text = " ".join(p.text for p in doc.parts)
    phone = NB.settings.child_welfare.phone.replace(" ", "\u00a0")
    assert f"{phone}{PDI}" in text and f"\u2068{NB.settings.municipality}{PDI}" in text


# -- an edition that chooses its languages ------------------------------------------------

@pytest.mark.build
def test_an_edition_limited_to_english_publishes_only_english(tmp_path: Path) -> None:
    settings = tmp_path / "engelsk.yml"
    settings.write_text("municipality: Prøve kommune\nlanguage: nb\nparent_languages: [en]\n",
                        encoding="utf-8")
    out = tmp_path / "site"
    mkdocs_build(settings, out, {"NAERVAER_NO_PDF": "1"})
    pages = sorted(p.name for p in (out / "foreldre").glob("*.html"))
    assert pages == ["andre-sprak.html", "en.html", "index.html"]
    listing = (out / "foreldre" / "andre-sprak.html").read_text(encoding="utf-8")
    assert "English" in listing and "Polski" not in listing and "العربية" not in listing
    english = (out / "foreldre" / "en.html").read_text(encoding="utf-8")
    assert "Prøve kommune" in english
    # the consent sheet's services: translated, with the name on the Norwegian form, as a
    # list of their own (the «Other» option after it is not drawn into it)
    services = re.search(r'<ul class="nv-entries nv-services">(.*?)</ul>', english, re.S)
    assert services and services.group(1).count("<li>") == 14
    assert "<strong>Regular GP (family doctor)</strong><br><span class=\"nv-muted\">On the " \
        'Norwegian form: <span lang="nb" dir="ltr">Fastlege</span>' in services.group(1)
    assert "<p>" not in services.group(1) and "Other (write which)" not in services.group(1)
    # the way back, in the language (and in Norwegian)
    assert '<a href="andre-sprak.html" lang="en" dir="ltr">Read this in other languages</a>' \
        in english


@pytest.mark.pdf
def test_every_parent_pdf_passes_pdf_ua_1_checks(site_dir: Path, nn_site_dir: Path) -> None:
    import page as page_validation
    from pdfua.validator import Validator

    validator = Validator()
    failures = {}
    files = sorted((site_dir / "foreldre").glob("*.pdf")) + sorted(
        (nn_site_dir / "foreldre").glob("*.pdf"))
    assert len(files) == 2 * (1 + len(LANGUAGES) * len(DOCUMENTS))
    for path in files:
        problems = [f"{f.rule_id}: {f.message}"
                    for f in page_validation.validate_pdf(path, profile="ua1").failures]
        problems += [f"{f.rule_id}: {f.message}" for f in validator.validate(str(path)).findings
                     if f.severity.name in ("ERROR", "WARNING")]
        if problems:
            failures[f"{path.parent.parent.name}/{path.name}"] = problems
    assert failures == {}
