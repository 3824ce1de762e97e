"""Local editions from one settings file: the nynorsk example, parity, and editors' errors."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from naervaer.content.edition import load_edition
from naervaer.content.schema.bank import MeasureBank
from naervaer.content.sources import load_yaml
from naervaer.content.validate import validate
from naervaer.pdf.build import file_names
from naervaer.text import Text

from .conftest import (
    EDITIONS,
    ROOT,
    example_edition,
    mkdocs_build,
    previous_site,
    serve,
    site_search,
    untouched,
)
from .test_guide import pdftotext
from .test_site import squash, visible_text

NN_SETTINGS = EDITIONS / "fjordvik.yml"
NN = example_edition(NN_SETTINGS.name)


@pytest.fixture(scope="module")
def nn_site(nn_site_dir: Path) -> Path:
    return nn_site_dir


def test_every_text_has_its_nynorsk_version() -> None:
    """Parity: no text in data/ or forms/ lacks nynorsk (the nn edition would fall back)."""
    assert NN.untranslated == []
    missing: list[str] = []

    def walk(node, where):
        if isinstance(node, dict):
            if set(node) <= {"nb", "nn"} and "nb" in node and not node.get("nn"):
                missing.append(where)
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")

    for path in sorted((ROOT / "data").rglob("*.yaml")) + sorted((ROOT / "forms").glob("*.yaml")):
        walk(load_yaml(path).data, path.name)
    assert missing == []


# Words that exist in bokmål but not in nynorsk: none may appear in the nn edition.
BOKMAL_ONLY = ["ikke", "hva", "hvordan", "hvilke", "hvilken", "hvem", "hvis", "noen", "noe",
               "fravær", "fraværet", "elevene", "foresatte", "veilederen", "jeg", "hjemmet",
               "dere", "tjenesten", "tjenester", "sykdom", "uker", "mye", "trenger",
               "innhold", "særlig", "tidlig", "lærere", "ansatte", "foreldrene"]


# Our own nynorsk says «skulen»; «skolen» stays only in names, addresses and «quoted titles».
QUOTED_NAMES = ("Psykisk helse i skolen",)


def test_our_own_nynorsk_writes_skule() -> None:
    found = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "nn" and isinstance(value, str):
                    text = re.sub(r"https?://\S+|«[^»]*»", "", value)
                    for name in QUOTED_NAMES:
                        text = text.replace(name, "")
                    if re.search(r"\bskolen\b", text):
                        found.append(where)
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for value in node:
                walk(value, where)

    for path in sorted((ROOT / "data").rglob("*.yaml")) + sorted((ROOT / "forms").glob("*.yaml")):
        walk(load_yaml(path).data, path.name)
    assert found == []


def test_nynorsk_edition_contains_no_bokmal(nn_site: Path) -> None:
    found: dict[str, set[str]] = {}
    for page in nn_site.rglob("*.html"):
        raw = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", page.read_text(encoding="utf-8"),
                     flags=re.S)
        for word in re.findall(r"[a-zæøå]+", visible_text_of(raw).lower()):
            if word in BOKMAL_ONLY:
                found.setdefault(word, set()).add(str(page.relative_to(nn_site)))
    guide_pdf = squash(pdftotext(nn_site / "skjema" / "naervaer-rettleiar.pdf")).lower()
    for word in BOKMAL_ONLY:
        if re.search(rf"\b{word}\b", guide_pdf):
            found.setdefault(word, set()).add("naervaer-rettleiar.pdf")
    assert found == {}


def visible_text_of(raw: str) -> str:
    import html

    return html.unescape(re.sub(r"<[^>]+>", " ", raw))


def test_nynorsk_edition_is_a_full_edition(nn_site: Path) -> None:
    index = (nn_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nn"' in index
    assert "Rettleiar for å førebyggje" in (nn_site / "index.html").read_text(encoding="utf-8") \
        or "rettleiaren" in index
    for pdf_path in (nn_site / "skjema").glob("*.pdf"):
        with pikepdf.open(pdf_path) as pdf:
            assert str(pdf.Root.Lang) == "nn", pdf_path.name


@pytest.mark.parametrize("edition_file", ["eksempel-kommune.yml", "fjordvik.yml"])
def test_municipality_name_on_every_page_and_every_pdf(
    edition_file: str, site_dir: Path, nn_site: Path
) -> None:
    out = site_dir if edition_file == "eksempel-kommune.yml" else nn_site
    name = load_edition(EDITIONS / edition_file).settings.municipality
    pages = list(out.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        assert name in page.read_text(encoding="utf-8"), page
    pdfs = list((out / "skjema").glob("*.pdf"))
    assert len(pdfs) == 49
    for pdf in pdfs:
        assert name in pdftotext(pdf), pdf.name


def test_thresholds_on_definition_page_and_letters(nn_site: Path) -> None:
    s = NN.settings
    page = squash(visible_text(nn_site / "veileder" / "bekymringsfullt-fravaer.html"))
    assert f"{s.concern.days} dagar fråvær i løpet av {s.concern.weeks} veker" in page
    letter = squash(pdftotext(nn_site / "skjema" / "info-skolestart-utskrift.pdf"))
    assert f"{s.concern.days} dagar" in letter and s.concern.weeks in letter
    assert s.deadlines.report_by in letter
    plan = squash(pdftotext(nn_site / "skjema" / "handlingsplan-utskrift.pdf"))
    assert f"{s.concern.days} dagar" in plan


def test_consent_form_shows_exactly_the_configured_services(nn_site: Path) -> None:
    path = nn_site / "skjema" / file_names("samtykke")["fillable"]
    fields = PdfReader(path).get_fields() or {}
    services = [str(f.get("/TU")) for name, f in fields.items()
                if name.startswith("tjenester:tjenester:") and name != "tjenester:tjenester:andre"]
    # the names as the edition writes them (a catalogue name or a local service's name)
    assert services == [str(x) for x in NN.s["consent_services"]]
    assert services[3] == "PPT" and services[6] == "Familieteamet"
    printable = squash(pdftotext(nn_site / "skjema" / file_names("samtykke")["printable"]))
    for service in services:
        assert service in printable


def test_hidden_measures_are_gone_and_local_ones_have_ids(nn_site: Path) -> None:
    assert NN.bank.measure("4.8") is None
    local = NN.bank.measure("3.L1")
    assert local is not None and local.local
    category = (nn_site / "tiltak" / "samtaler-og-veiledning.html").read_text(encoding="utf-8")
    assert 'id="4.8"' not in category and 'id="4.7"' in category
    plan = (nn_site / "tiltak" / "plan-for-naervaer.html").read_text(encoding="utf-8")
    assert 'id="3.L1"' in plan and "skulebåten" in plan
    overview = (nn_site / "tiltak" / "index.html").read_text(encoding="utf-8")
    assert "#3.L1" in overview and "#4.8\"" not in overview


@pytest.mark.browser
def test_nynorsk_search_finds_a_nynorsk_word(nn_site: Path, page) -> None:
    url, httpd = serve(nn_site)
    try:
        page.goto(url + "index.html")
        hits = [m.id for m in NN.measures() if "kveldsrutinar" in str(m.text)]
        assert len(hits) == 1
        links = site_search(page, "kveldsrutinar", f"#{hits[0]}")
        assert any(link.endswith(f"plan-for-naervaer.html#{hits[0]}") for link in links), links
        assert page.external_requests == []
    finally:
        httpd.shutdown()


# -- editors' mistakes -------------------------------------------------------------------
# (settings file content, the message the editor must see)
BAD_SETTINGS = {
    "unknown-key": ("municipality: Ås kommune\nlanguage: nb\nmunicipalty_logo: x\n",
                    "linje 3: municipalty_logo: ukjent nøkkel «municipalty_logo»"),
    "typo-in-nested-key": ("municipality: Ås kommune\nconcern:\n  dayz: 7\n",
                           "linje 3: concern.dayz: ukjent nøkkel «dayz» – mente du «days»?"),
    "wrong-language": ("municipality: Ås kommune\nlanguage: no\n",
                       "linje 2: language: forventet en av 'nb' eller 'nn', fikk 'no'"),
    "days-not-a-number": ("municipality: Ås kommune\nconcern:\n  days: sju\n",
                          "linje 3: concern.days: forventet et helt tall, fikk 'sju'"),
    "days-too-many": ("municipality: Ås kommune\nconcern:\n  days: 100\n",
                      "linje 3: concern.days: forventet et tall høyst 60, fikk 100"),
    # the rule as a share of school time (issue 21)
    "percent-and-days": ("municipality: Ås kommune\nconcern:\n  days: 7\n  percent: 10\n",
                         "linje 2: concern: skriv grensen enten som dager (`days`) eller som "
                         "prosent av skoletiden (`percent`), ikke begge"),
    "percent-with-sign": ("municipality: Ås kommune\nconcern:\n  percent: 10 %\n",
                          "linje 3: concern.percent: forventet et tall, f.eks. 10 eller 12.5 "
                          "(uten %-tegn), fikk '10 %'"),
    "percent-zero": ("municipality: Ås kommune\nconcern:\n  percent: 0\n",
                     "linje 3: concern.percent: forventet et tall større enn 0, fikk 0"),
    "percent-over-100": ("municipality: Ås kommune\nconcern:\n  percent: 110\n",
                         "linje 3: concern.percent: forventet et tall høyst 100, fikk 110"),
    "percent-two-decimals": ("municipality: Ås kommune\nconcern:\n  percent: 12.55\n",
                             "linje 3: concern.percent: skriv prosenten med høyst én desimal, "
                             "f.eks. 12.5 (fikk 12,55)"),
    "days-beyond-the-window": ("municipality: Ås kommune\nconcern:\n  days: 30\n"
                               "  weeks: \"2–3\"\n",
                               "linje 2: concern: 30 dager kan ikke nås i løpet av 3 uker: så "
                               "mange uker har høyst 15 skoledager"),
    "weeks-zero": ("municipality: Ås kommune\nconcern:\n  weeks: \"0\"\n",
                   "linje 3: concern.weeks: «0» uker: perioden må være fra 1 til 52 uker"),
    "leaves-early-zero": ("municipality: Ås kommune\nconcern:\n  leaves_early: \"0–2\"\n",
                          "linje 3: concern.leaves_early: «0–2» ganger: grensen må være minst "
                          "1 gang"),
    "bad-time": ("municipality: Ås kommune\ndeadlines:\n  report_by: kl 8\n",
                 "linje 3: deadlines.report_by: 'kl 8' har feil form"),
    "colour-too-light": ("municipality: Ås kommune\ncolour: \"#ffee00\"\n",
                         "linje 2: colour: fargen #ffee00 er for lys"),
    "hidden-unknown": ("municipality: Ås kommune\nhidden_measures:\n  - \"99.1\"\n",
                       "linje 3: hidden_measures[0]: forventet ID-en til et tiltak i "
                       "tiltaksbanken, fikk «99.1»"),
    "local-measure-bad-category": (
        "municipality: Ås kommune\nlocal_measures:\n  - category: 13\n    text: Noe\n"
        "    actors: [skole]\n",
        "linje 3: local_measures[0].category: forventet et tall høyst 12, fikk 13"),
    "local-measure-no-actors": (
        "municipality: Ås kommune\nlocal_measures:\n  - category: 3\n    text: Noe\n",
        "linje 3: local_measures[0].actors: mangler"),
    "local-text-unknown-section": (
        "municipality: Ås kommune\nlocal_text:\n  - section: finnes-ikke\n    text: Hei\n",
        "linje 3: local_text[0].section: fant ikke avsnittet «finnes-ikke» i veilederen"),
    "local-text-in-a-left-out-section": (
        "municipality: Ås kommune\nlocal_text:\n  - section: lokale-tjenester\n    text: Hei\n",
        "linje 3: local_text[0].section: avsnittet «lokale-tjenester» står ikke med i denne "
        "utgaven fordi «partner_services» er tom"),
    "local-text-heading": (
        "municipality: Ås kommune\nlocal_text:\n  - section: melding-av-fravaer\n"
        "    text: \"Hei\\n\\n## Vår rutine\\n\\nTekst\"\n",
        "linje 4: local_text[0].text: overskrifter er ikke tillatt i denne teksten "
        "(«## Vår rutine»)"),
    "yaml-syntax": ("municipality: Ås kommune\nconcern:\n  days: 7\n weeks: 3\n",
                    "linje 4: YAML-feil"),
    "missing-logo": ("municipality: Ås kommune\nlogo: vapen.png\n",
                     "linje 2: logo: fant ikke logofila"),
    "services-not-a-list": ("municipality: Ås kommune\nconsent_services: Skole\n",
                            "linje 2: consent_services: forventet en liste"),
}


@pytest.mark.build
@pytest.mark.parametrize("case", sorted(BAD_SETTINGS))
def test_malformed_settings_stop_the_build_with_the_promised_message(
    tmp_path: Path, case: str
) -> None:
    content, message = BAD_SETTINGS[case]
    settings = tmp_path / f"{case}.yml"
    settings.write_text(content, encoding="utf-8")
    out = previous_site(tmp_path / "site")
    result = mkdocs_build(settings, out, check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{settings}, {message}" in output, output[-2000:]
    assert untouched(out)


def test_every_key_of_the_settings_is_explained_in_norwegian() -> None:
    defaults = (ROOT / "data" / "settings-defaults.yml").read_text(encoding="utf-8")
    from naervaer.content.schema.settings import Settings

    for name, info in Settings.model_fields.items():
        assert re.search(rf"^{name}:", defaults, re.M), name
        assert info.description and (info.json_schema_extra or {}).get("description_nn"), name


def test_committed_json_schema_is_current() -> None:
    from naervaer.cli.maintainers import SCHEMA_FILE
    from naervaer.cli.maintainers import schema_text as render

    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(), \
        "run: naervaer jsonschema"


def test_measure_bank_text_model_allows_nynorsk_beside_bokmal() -> None:
    bank = validate(MeasureBank, load_yaml(ROOT / "data" / "measures.yaml"))
    first = bank.categories[0].measures[0].text
    assert isinstance(first, Text) and first.nb and first.nn


@pytest.mark.build
def test_an_editor_writing_nynorsk_gets_the_messages_in_nynorsk(tmp_path: Path) -> None:
    settings = tmp_path / "fjord.yml"
    settings.write_text("municipality: Fjord kommune\nlanguage: nn\nconcern:\n  dayz: 5\n"
                        "hidden_measures:\n  - \"99.1\"\ncolour: \"#ffee00\"\n", encoding="utf-8")
    out = tmp_path / "site"
    result = mkdocs_build(settings, out, check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Bygginga stoppa: 2 feil i dataa. Ingenting er skrive; førre versjon er urørt." \
        in output
    assert f"{settings}, linje 4: concern.dayz: ukjend nøkkel «dayz» – meinte du «days»?" \
        in output
    assert f"{settings}, linje 7: colour: fargen #ffee00 er for lys: kontrasten mot kvit " \
        "tekst er 1,2:1, må vere minst 4,5:1 (vel ein mørkare farge)" in output
    assert not out.exists()


@pytest.mark.build
def test_an_edition_without_partner_services_inherits_none_and_leaves_the_section_out(
        tmp_path: Path) -> None:
    """The seed's local service (Liaveien Ung) belongs to the demo edition only: an edition
    that lists no partner services shows neither it nor a section that leads into a list."""
    from naervaer.pdf.html import guide_html

    settings = tmp_path / "aas.yml"
    settings.write_text("municipality: Ås kommune\nlanguage: nb\n", encoding="utf-8")
    bare = load_edition(settings)
    assert bare.settings.partner_services == []
    sections = {s.id for page in bare.guide.values() for s in page.all_sections()}
    assert "lokale-tjenester" not in sections and "mandat-barnevern" in sections
    html = guide_html(bare)
    assert "Liaveien" not in html and "Andre tjenester i kommunen" not in html

    demo = example_edition("eksempel-kommune.yml")
    assert [p.name for p in demo.settings.partner_services] == [
        "Liaveien Ung – ambulerende miljøarbeidertjeneste"]
    assert "lokale-tjenester" in {s.id for p in demo.guide.values() for s in p.all_sections()}
    assert "Liaveien Ung" in guide_html(demo)
