"""Inventory §B–E on the site and in the whole-guide PDF; local values flow from settings."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from .conftest import DEFAULT_SETTINGS, example_edition, mkdocs_build, site_search
from .test_site import squash, visible_text

EDITION = example_edition(DEFAULT_SETTINGS.name)

# Inventory item → (page, anchor) that must exist in the built site.
EXPECTED_ANCHORS = {
    "B1 forord": ("veileder/om-veilederen.html", "rett-og-plikt-til-opplaering"),
    "B2 info ved skolestart": ("veileder/informasjon-ved-skolestart.html",
                               "skolestart-langtidsfravaer-sykdom"),
    "B3 definisjon": ("veileder/bekymringsfullt-fravaer.html",
                      "grenser-for-bekymringsfullt-fravaer"),
    "B4 skolens håndtering": ("veileder/skolens-handtering.html", "viktige-momenter-ved-fravaer"),
    "B5 fraværsføring": ("veileder/fravaersforing.html", "melding-av-fravaer"),
    "B6 tiltakskort 1": ("veileder/samarbeidsmote-1.html", "mote-1-i-motet"),
    "B7 tiltakskort 2": ("veileder/samarbeidsmote-2.html", "mote-2-veien-videre"),
    "B8 gangen i arbeidet": ("gangen-i-arbeidet.html", "steg-samarbeidsmote-2"),
    "B8 vei B": ("gangen-i-arbeidet.html", "steg-vei-b"),
    "B9 barnevern": ("veileder/samarbeidspartnere.html", "mandat-barnevern"),
    "B9 lokale tjenester": ("veileder/samarbeidspartnere.html", "lokale-tjenester"),
    "B10 appendiks 1": ("veileder/risiko-og-beskyttende-faktorer.html", "faktorer-hjemmet"),
    "B11 appendiks 7": ("veileder/systemgjennomgang.html", "system-fravaersrutiner"),
    "B11 appendiks 8": ("veileder/handlingsplan.html", "hp-grenser"),
    "B11 appendiks 9": ("veileder/samarbeid-skole-pps.html", "pps-retningslinjer"),
    "B12 Tonje": ("veileder/eksempler.html", "eksempel-tonje"),
    "B12 Jens": ("veileder/eksempler.html", "eksempel-jens"),
    "C VIP": ("veileder/vip-makkerskap.html", "vip-tips-til-foresatte"),
    "D relasjonssirkelen": ("veileder/krevende-samarbeid.html", "relasjonssirkelen"),
    "D minoritetsspråklige": ("veileder/minoritetssprakelige-foreldre.html",
                             "minoritetsspraklige-prinsipper"),
    "D sorg og krise": ("veileder/foreldre-i-sorg-og-krise.html", "sorg-og-krise-mote-foreldrene"),
    "D foreldremøter": ("veileder/foreldremoter.html", "planlegge-foreldremote"),
    "E kunnskap": ("veileder/kunnskapsgrunnlag.html", "kunnskap-tal"),
    "lovhenvisninger": ("veileder/om-veilederen.html", "lovhenvisninger"),
}


@pytest.mark.parametrize("item", sorted(EXPECTED_ANCHORS))
def test_inventory_anchor_exists(site_dir: Path, item: str) -> None:
    page, anchor = EXPECTED_ANCHORS[item]
    assert f'id="{anchor}"' in (site_dir / page).read_text(encoding="utf-8")


def test_every_section_in_the_data_is_anchored_on_its_page(site_dir: Path) -> None:
    for page in EDITION.guide.values():
        html = (site_dir / "veileder" / f"{page.id}.html").read_text(encoding="utf-8")
        for section in page.all_sections():
            assert f'id="{section.id}"' in html, f"{page.id}#{section.id}"


def test_each_page_says_when_to_use_it_and_links_its_forms(site_dir: Path) -> None:
    for page in EDITION.guide.values():
        html = (site_dir / "veileder" / f"{page.id}.html").read_text(encoding="utf-8")
        assert "Når bruker du denne siden?" in html
        for form_id in page.forms:
            assert f'href="../skjema/index.html#{form_id}"' in html, (page.id, form_id)


def test_process_map_steps_link_to_pages_and_forms(site_dir: Path) -> None:
    html = (site_dir / "gangen-i-arbeidet.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="nv-process"'):]
    for step in EDITION.process.steps + EDITION.process.branches:
        start = nav.index(f'id="steg-{step.id}"')
        end = nav.find('id="steg-', start + 1)
        item = nav[start:end if end > 0 else None]
        page_id = step.page.partition("#")[0]
        assert f'href="veileder/{page_id}.html' in item
        for form_id in step.forms:
            assert f'href="skjema/index.html#{form_id}"' in item


@pytest.mark.browser
@pytest.mark.parametrize("word, expected", [
    ("tiltakskort", "veileder/"),                         # the guide (002)
    ("makkergruppa", "veileder/vip-makkerskap"),          # VIP (000)
    ("relasjonssirkelen", "veileder/krevende-samarbeid"),  # school–home (004)
    ("utdanningsbrudd", "veileder/kunnskapsgrunnlag"),    # knowledge base (003)
    ("mappevurdering", "tiltak/tilpasning-av-krav"),      # measure bank (001)
])
def test_search_finds_a_word_from_each_area(page, base_url, word: str, expected: str) -> None:
    page.goto(base_url + "index.html")
    links = site_search(page, word, expected)
    assert any(expected in link for link in links), (word, links)
    assert page.external_requests == []


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_guide_pdf_has_bookmarks_titles_and_every_section(site_dir: Path) -> None:
    path = site_dir / "skjema" / "naervaer-veileder.pdf"
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == "nb"
        assert "/StructTreeRoot" in pdf.Root
        assert "Eksempel kommune" in str(pdf.docinfo["/Title"])
        with pdf.open_outline() as outline:
            titles = []

            def walk(items):
                for item in items:
                    titles.append(item.title)
                    walk(item.children)

            walk(outline.root)
    text = squash(pdftotext(path))
    for page in EDITION.guide.values():
        assert str(page.title) in titles
        for section in page.all_sections():
            assert squash(str(section.title)) in text, section.id
    for category in EDITION.bank.categories:
        assert f"{category.id}. {category.title}" in titles
    assert re.search(r"Side 3 av \d+", text)
    assert "Eksempel kommune" in text.split("Innhold")[0]  # cover


def test_a_threshold_changed_in_settings_changes_every_place(tmp_path: Path,
                                                             site_dir: Path) -> None:
    settings = tmp_path / "terskel.yml"
    settings.write_text(
        "municipality: Terskelby kommune\nlanguage: nb\n"
        "concern:\n  days: 13\n  weeks: \"5–6\"\n"
        "deadlines:\n  report_by: \"07:45\"\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    mkdocs_build(settings, out)
    default_hits, new_hits = [], []
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir)
        if str(rel) == "lokal-versjon.html":
            continue  # the editors' reference lists the *default* values on purpose
        before = squash(visible_text(page))
        after = squash(visible_text(out / rel))
        if re.search(r"\b7 dager\b", before):
            default_hits.append(str(rel))
            assert not re.search(r"\b7 dager\b", after), rel
            assert "13 dager" in after, rel
        if "08:20" in before:
            assert "08:20" not in after and "07:45" in after, rel
        if "13 dager" in after:
            new_hits.append(str(rel))
    assert default_hits and default_hits == new_hits
    assert {"index.html", "veileder/bekymringsfullt-fravaer.html",
            "gangen-i-arbeidet.html"} <= set(default_hits)
    letter_before = squash(pdftotext(site_dir / "skjema" / "info-skolestart-utskrift.pdf"))
    letter_after = squash(pdftotext(out / "skjema" / "info-skolestart-utskrift.pdf"))
    assert "7 dager" in letter_before and "13 dager" in letter_after
    assert "08:20" in letter_before and "07:45" in letter_after
    assert "Terskelby kommune" in letter_after
