"""Issue 20: everything typed is printed, at the body size, in every script families in
Norway write. Forms are filled on their pages in Debian's Chromium, downloaded, and read as a
reader sees them: pages rendered with poppler, words located with its text layer, ink looked
for where the words are, field rectangles compared (nothing drawn outside its box), and the
glyphs each field draws read back from its appearance (order, font, size)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from naervaer.content.edition import load_edition
from naervaer.markup import plain_text
from naervaer.pdf.build import BODY_PT, MARGINS_MM

from .conftest import DEFAULT_SETTINGS, EDITIONS
from .fill_probe import (
    Box,
    appearance,
    field_words,
    fields,
    find_sequence,
    ink,
    pdf_ua_problems,
    render,
    text_sizes,
    words,
)
from .test_form_fill import SET_JS, pdf_values

pytestmark = pytest.mark.browser

SETTINGS = {"nb": DEFAULT_SETTINGS, "nn": EDITIONS / "fjordvik.yml"}
AGREEMENT = "avtale-foresatte-skole"
MM = 72 / 25.4


def fill_and_download(browser, url: str, form_id: str, values: dict[str, str], out: Path,
                      report: list[str] | None = None) -> Path:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url + f"skjema/{form_id}.html")
    page.evaluate(SET_JS, [("fill", name, value) for name, value in values.items()])
    with page.expect_download() as info:
        page.click("#nv-fill-download")
    info.value.save_as(out)
    if report is not None:
        report.append(page.inner_text("#nv-fill-status"))
    context.close()
    assert errors == []
    return out


def longest_measure(lang: str) -> str:
    """The bank's longest measure as the plan builder writes it: «<ID> <text>»."""
    ed = load_edition(SETTINGS[lang])
    measure = max(ed.measures(), key=lambda m: len(plain_text(m.text)))
    return f"{measure.id} {plain_text(measure.text)}"


def delmal_600() -> str:
    sentence = "Eleven møter presis hver dag og deltar i alle timene i uke {n}. "
    text = "".join(sentence.format(n=n) for n in range(1, 20))
    ending = " Siste ord: målet er nådd."
    text = text[:600 - len(ending)].rstrip() + ending
    return text + "." * (600 - len(text))


def content_area(page_width: float, page_height: float) -> Box:
    top, right, bottom, left = (mm * MM for mm in MARGINS_MM)
    return Box(left, top, page_width - right, page_height - bottom)


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_long_text_is_printed_in_full_at_the_body_size(sites, browser, tmp_path: Path,
                                                       lang: str) -> None:
    measure, delmal = longest_measure(lang), delmal_600()
    assert len(measure) > 500 and len(delmal) == 600
    values = {"tiltak:delmal:r1:tiltak": measure, "tiltak:delmal:r1:delmal": delmal,
              "tiltak:delmal:r1:ansvar": "Kontaktlærer", "tiltak:delmal:r1:frist": "15.01.2027",
              "tiltak:delmal:r2:tiltak": "3.4 Kort tiltak", "elev:elev": "Åse Ødegård"}
    said: list[str] = []
    pdf = fill_and_download(browser, sites[lang], AGREEMENT, values, tmp_path / "avtale.pdf",
                            said)
    assert pdf_values(pdf)["tiltak:delmal:r1:tiltak"] == measure  # the value: the whole text
    assert pdf_ua_problems(pdf) == []  # continuation pages tagged, every font embedded
    found = words(pdf)
    boxes = fields(pdf)
    pages = {w.page for w in found}
    last_page = max(pages)
    assert "(" in said[0] and str(last_page) in said[0]  # the reader is told where
    images = {}
    for text in (measure, delmal):
        tail = " ".join(text.split()[-5:])
        seq = find_sequence(found, tail)
        assert seq, f"the last words «{tail}» are not on any page"
        page = seq[0].page
        assert page == last_page  # the continuation page
        image = images.setdefault(page, render(pdf, page, tmp_path))
        area = content_area(image.width * 72 / 100, image.height * 72 / 100)
        for word in seq:
            assert word.box.inside(area), word  # on the page, inside its margins
            assert ink(image, word.box) > 0.03, word  # drawn: a reader sees it
            assert not any(r.overlaps(word.box) for p, r in boxes.values() if p == page)
        # the whole text is there, word for word, in reading order
        assert find_sequence(found, text), "the continuation does not hold the whole text"
    assert min(text_sizes(pdf, last_page)) >= BODY_PT
    # every page number printed stays true with the pages added: «Side 2», never «Side 2 av 3»
    ed = load_edition(SETTINGS[lang])
    page_word, of = str(ed.t("pdf.page")), str(ed.t("pdf.of"))
    for page in range(1, last_page + 1):
        on_page = " ".join(w.text for w in found if w.page == page)
        assert f"{page_word} {page}" in on_page, (page, on_page[-200:])
        assert not re.search(rf"{page_word} \d+ {of} \d+", on_page), on_page[-200:]
    # in the field: the beginning, at the body size, and where the rest is
    see = plain_text(load_edition(SETTINGS[lang]).t("fill.pdf_see")).format(page=last_page)
    for name, text in (("tiltak:delmal:r1:tiltak", measure), ("tiltak:delmal:r1:delmal", delmal)):
        runs = appearance(pdf, name)
        drawn = " ".join(r.text.strip() for r in runs)
        assert drawn.startswith(" ".join(text.split()[:3])) and drawn.endswith(see), drawn
        assert all(r.size >= BODY_PT for r in runs[:-1])
    # a short text stays in its field, whole; nothing anywhere is drawn outside its field
    assert " ".join(r.text for r in appearance(pdf, "tiltak:delmal:r2:tiltak")) == "3.4 Kort tiltak"
    in_fields = field_words(pdf, tmp_path)
    assert find_sequence(in_fields, " ".join(measure.split()[:3]))
    for word in in_fields:
        assert any(page == word.page and word.box.inside(rect, slack=1.0)
                   for page, rect in boxes.values()), word


# names as families in Norway write them, alone and mixed with Norwegian in one field
SCRIPTS: dict[str, tuple[str, str]] = {  # field → (value, the font its script needs)
    "elev:elev": ("محمد Ali", "NotoSansArabic"),
    "tiltak:delmal:r1:delmal": ("زهرا رضایی og Åse", "NotoSansArabic"),           # Persian
    "tiltak:delmal:r1:ansvar": ("عائشہ خان, lærer", "NotoSansArabic"),             # Urdu
    "tiltak:delmal:r2:delmal": ("ئاراس کەریم", "NotoSansArabic"),                   # Sorani
    "tiltak:delmal:r2:ansvar": ("ሰላም ተስፋይ og mor", "NotoSansEthiopic"),          # Tigrinya
    "tiltak:delmal:r3:delmal": ("አበበ በቀለ", "NotoSansEthiopic"),                    # Amharic
    "tiltak:delmal:r3:ansvar": ("สมชาย ใจดี", "NotoSansThai"),
    "tiltak:delmal:r4:delmal": ("தமிழ்செல்வி க்ஷ", "NotoSansTamil"),
    "tiltak:delmal:r4:ansvar": ("Nguyễn Thị Hà", "LiberationSans"),
    "tiltak:delmal:r5:delmal": ("Łukasz Wiśniewski", "LiberationSans"),
    "tiltak:delmal:r5:ansvar": ("Ахмед Иванов", "LiberationSans"),
    "tiltak:delmal:r6:delmal": ("Γιώργος Παπαδόπουλος", "LiberationSans"),
    "elev:skole": ("Vår skole", "LiberationSans"),
}


def glyph_text(runs: list[Any]) -> str:
    return "".join(r.text for r in runs).replace(" ", "")


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_names_in_other_scripts_are_printed_in_one_family(sites, browser, tmp_path: Path,
                                                          lang: str) -> None:
    values = {name: value for name, (value, _) in SCRIPTS.items()}
    pdf = fill_and_download(browser, sites[lang], AGREEMENT, values, tmp_path / "navn.pdf")
    assert {k: v for k, v in pdf_values(pdf).items() if v} == values
    assert pdf_ua_problems(pdf) == []
    boxes = fields(pdf)
    images: dict[int, Any] = {}
    for name, (value, font) in SCRIPTS.items():
        runs = appearance(pdf, name)
        # every character drawn (shaped glyphs read back to the same letters), none dropped
        assert sorted(glyph_text(runs)) == sorted(value.replace(" ", "")), name
        script = [r for r in runs if any(ch.isalpha() and ord(ch) > 0x24F for ch in r.text)]
        latin = [r for r in runs if r not in script and r.text.strip()]
        assert all(font in r.font for r in script), (name, [r.font for r in runs])
        # one family: Latin text in every field in the form's own Liberation Sans
        assert all("LiberationSans" in r.font for r in latin), (name, [r.font for r in runs])
        assert all(r.size >= BODY_PT for r in runs)
        page, rect = boxes[name]
        image = images.setdefault(page, render(pdf, page, tmp_path))
        assert ink(image, rect) > 0.002, name  # and on the page (an empty field has none)
    # right to left with the Unicode bidirectional algorithm: the Latin part keeps its order
    runs = appearance(pdf, "elev:elev")
    assert "".join(r.text for r in runs) == "Ali دمحم"  # drawn left to right: «Ali», then
    assert runs[0].x > 100  # the Arabic glyphs in visual order; right-aligned (an RTL name)


def test_norwegian_text_needs_no_font_and_a_missing_glyph_is_named(sites, browser,
                                                                   tmp_path: Path) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(sites["nb"] + f"skjema/{AGREEMENT}.html")
    page.fill("[name='elev:elev']", "Åse Ødegård «Ærlig» – 15 €")
    with page.expect_download() as info:
        page.click("#nv-fill-download")
    info.value.save_as(tmp_path / "nb.pdf")
    assert not any("/fonts/" in u or "/fontkit/" in u or "/bidi-js/" in u for u in requested)
    # drawn with the form's own embedded field font (WeasyPrint's Liberation Sans subset)
    assert {r.font.split("+")[-1] for r in appearance(tmp_path / "nb.pdf", "elev:elev")} == {
        "NV-Field"}
    page.fill("[name='elev:klasse']", "ሰላም 李")  # Ethiopic is shipped, Chinese is not
    page.click("#nv-fill-download")
    summary = page.locator("#nv-fill-summary")
    summary.wait_for(state="visible")
    assert "«李»" in summary.inner_text() and "«ሰ»" not in summary.inner_text()
    # only the font list was fetched to find that out: no font file for a name it refuses
    assert not any(u.endswith(".ttf") for u in requested)
    context.close()


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_printing_the_page_shows_every_character(sites, browser, tmp_path: Path,
                                                 lang: str) -> None:
    """«Skriv ut» prints the HTML form: a one-line field holding more than it shows prints its
    whole text wrapped in its place, a text area grows; found on the printed pages with ink."""
    page = browser.new_page()
    page.goto(sites[lang] + "skjema/samarbeidsmote-2.html")
    one_line, area = delmal_600(), longest_measure(lang)
    page.fill("[name='neste-steg:innkalling']", one_line)
    page.fill("[name='evaluering:avtalen']", area)
    out = tmp_path / "utskrift.pdf"
    page.pdf(path=str(out), format="A4")  # Chromium's print, with beforeprint and afterprint
    assert page.locator(".nvf-pv").count() == 0  # gone again after printing
    page.close()
    found = words(out)
    for text in (one_line, area):
        seq = find_sequence(found, text)  # every word, in order (not just the end in view)
        assert seq, text[:40]
        images = {p: render(out, p, tmp_path) for p in {w.page for w in seq}}
        assert all(ink(images[w.page], w.box) > 0.03 for w in seq), seq
