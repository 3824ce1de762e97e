"""Issue 20: the PDF is the save file. A form is filled and downloaded, then opened again on a
fresh page with «Åpne en lagret PDF» (a file chooser, read in the browser), continued and
downloaded again; samarbeidsmøte 2 starts from the agreement's PDF. Files that are not this
form's get their message and change nothing. Also: the submit button, Enter, dates typed on a
number pad, page 1 of the consent form, and links on right-to-left pages."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from naervaer.content.edition import load_edition
from naervaer.forms.layout import carry_forward, declared_fields
from naervaer.markup import plain_text
from naervaer.pdf.build import MARKER_KEY, file_names

from .conftest import DEFAULT_SETTINGS, EDITIONS
from .fill_probe import render
from .test_fill_print import delmal_600, fill_and_download, longest_measure
from .test_form_fill import pdf_values

pytestmark = pytest.mark.browser

SETTINGS = {"nb": DEFAULT_SETTINGS, "nn": EDITIONS / "fjordvik.yml"}
AGREEMENT = "avtale-foresatte-skole"
MEETING_2 = "samarbeidsmote-2"
STATUS = "#nv-fill-open-status"


def words(lang: str, key: str, **values: object) -> str:
    return plain_text(load_edition(SETTINGS[lang]).t(key)).format(**values)


def form_values(page) -> dict[str, object]:
    return page.evaluate("""() => {
      const out = {};
      for (const el of document.getElementById('nv-fill').elements) {
        if (!el.name) continue;
        if (el.type === 'checkbox') out[el.name] = el.checked;
        else if (el.type === 'radio') { if (el.checked) out[el.name] = el.value; }
        else out[el.name] = el.value;
      }
      return out; }""")


def choose(page, button: str, path: Path, expect_text: str) -> str:
    page.locator(STATUS).evaluate("el => { el.textContent = ''; }")
    with page.expect_file_chooser() as chooser:
        page.click(button)
    chooser.value.set_files(str(path))
    page.wait_for_function("([s, t]) => document.querySelector(s).textContent.includes(t)",
                           arg=[STATUS, expect_text], timeout=20_000)
    return page.inner_text(STATUS)


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_plan_is_saved_opened_again_continued_and_carried_forward(
        sites, browser, tmp_path: Path, lang: str) -> None:
    ed = load_edition(SETTINGS[lang])
    first = {"elev:elev": "Åse Ødegård", "elev:klasse": "7B", "status:hovedmal": "Møte hver dag",
             "tiltak:delmal:r1:tiltak": longest_measure(lang), "tiltak:delmal:r1:delmal":
             delmal_600(), "tiltak:delmal:r1:ansvar": "Kontaktlærer",
             "tiltak:delmal:r1:frist": "15.01.2027", "tiltak:delmal:r2:tiltak": "ሰላም ተስፋይ",
             "tiltak:delmal:r2:ansvar": "محمد Ali", "underskrift:signaturer:dato": "17.05.2026"}
    saved = fill_and_download(browser, sites[lang], AGREEMENT, first, tmp_path / "mote1.pdf")
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.on("dialog", lambda d: d.accept())
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    # samarbeidsmøte 1, weeks later: the agreement opened again, every value back
    page.goto(sites[lang] + f"skjema/{AGREEMENT}.html")
    said = choose(page, "#nv-fill-open-pdf", saved, "mote1.pdf")
    assert said == words(lang, "fill.open_done", file="mote1.pdf")
    got = form_values(page)
    assert {k: v for k, v in got.items() if v} == first
    # continued and downloaded again: the old values and the new one are all in the file
    page.fill("[name='tiltak:delmal:r3:tiltak']", "5.5 Nytt tiltak")
    with page.expect_download() as info:
        page.click("#nv-fill-download")
    again = tmp_path / "mote1-igjen.pdf"
    info.value.save_as(again)
    assert {k: v for k, v in pdf_values(again).items() if v} == {
        **first, "tiltak:delmal:r3:tiltak": "5.5 Nytt tiltak"}
    # samarbeidsmøte 2 starts from the agreement: the measures go into the evaluation
    page.goto(sites[lang] + f"skjema/{MEETING_2}.html")
    said = choose(page, "#nv-fill-carry", again, "mote1-igjen.pdf")
    assert said == words(lang, "fill.carry_done", file="mote1-igjen.pdf")
    got = form_values(page)
    mapping = carry_forward(ed.forms[MEETING_2], ed)
    assert got["evaluering:tiltak:r1:nr"] == first["tiltak:delmal:r1:tiltak"]
    assert got["evaluering:tiltak:r1:delmal"] == first["tiltak:delmal:r1:delmal"]
    assert got["evaluering:tiltak:r1:ansvar"] == "Kontaktlærer, 15.01.2027"
    assert got["evaluering:tiltak:r2:nr"] == "ሰላም ተስፋይ"
    assert got["evaluering:tiltak:r3:nr"] == "5.5 Nytt tiltak"
    assert got["mote:elev"] == "Åse Ødegård" and got["mote:klasse"] == "7B"
    filled = {name for name, value in got.items() if value}
    assert filled and filled <= set(mapping) <= set(declared_fields(ed.forms[MEETING_2], ed))
    # … evaluated there, and downloaded with it
    page.fill("[name='evaluering:tiltak:r1:effekt']", "Virket godt")
    with page.expect_download() as info:
        page.click("#nv-fill-download")
    out = tmp_path / "mote2.pdf"
    info.value.save_as(out)
    values = pdf_values(out)
    assert values["evaluering:tiltak:r1:nr"] == first["tiltak:delmal:r1:tiltak"]
    assert values["evaluering:tiltak:r1:effekt"] == "Virket godt"
    assert render(out, 1, tmp_path).width > 0
    assert all(u.startswith(sites[lang]) or u.startswith(("blob:", "data:")) for u in requested)
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    context.close()


def damaged(tmp_path: Path, good: Path) -> dict[str, Path]:
    """Files that must be refused: what they are → file."""
    files = {}
    files["damaged"] = tmp_path / "skadet.pdf"
    data = good.read_bytes()
    files["damaged"].write_bytes(data[:9] + bytes(range(256)) * 40)
    files["not-pdf"] = tmp_path / "notat.pdf"
    files["not-pdf"].write_text("Dette er ikke en PDF.\n", encoding="utf-8")
    files["too-big"] = tmp_path / "stor.pdf"
    with files["too-big"].open("wb") as f:
        f.write(b"%PDF-1.7\n")
        f.truncate(11 * 1024 * 1024)
    return files


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_files_that_are_not_this_form_change_nothing(sites, request: pytest.FixtureRequest,
                                                     browser, tmp_path: Path, lang: str) -> None:
    site_dir: Path = request.getfixturevalue("site_dir" if lang == "nb" else "nn_site_dir")
    saved = fill_and_download(browser, sites[lang], AGREEMENT, {"elev:elev": "Ola"},
                              tmp_path / "avtale.pdf")
    refused = damaged(tmp_path, saved)
    refused["other"] = saved  # the agreement, opened on the consent form's page
    refused["foreign"] = site_dir / "skjema" / file_names("samtykke")["printable"]
    refused["locked"] = tmp_path / "laast.pdf"
    with pikepdf.open(site_dir / "skjema" / file_names("samtykke")["fillable"]) as pdf:
        pdf.save(refused["locked"], encryption=pikepdf.Encryption(user="hemmelig", owner="x"))
    expected = {
        "damaged": words(lang, "fill.open_damaged"), "not-pdf": words(lang, "fill.open_damaged"),
        "too-big": words(lang, "fill.open_too_big", size="11,0", max=10),
        "other": words(lang, "fill.open_other_form",
                       title=f"{load_edition(SETTINGS[lang]).forms[AGREEMENT].title} – "
                             f"{load_edition(SETTINGS[lang]).s['municipality']}"),
        "foreign": words(lang, "fill.open_not_ours"), "locked": words(lang, "fill.open_locked"),
    }
    context = browser.new_context()
    page = context.new_page()
    page.goto(sites[lang] + "skjema/samtykke.html")
    page.fill("[name='barnet:navn']", "Skrevet før")
    before = form_values(page)
    for what, path in refused.items():
        said = choose(page, "#nv-fill-open-pdf", path, expected[what][:20])
        assert said == expected[what], what
        assert form_values(page) == before, what
    # a PDF whose marker a PDF reader dropped is still known by its fields
    stripped = tmp_path / "uten-merke.pdf"
    filled = fill_and_download(browser, sites[lang], "samtykke", {"barnet:navn": "Kari"},
                               tmp_path / "samtykke.pdf")
    with pikepdf.open(filled) as pdf:
        del pdf.docinfo["/" + MARKER_KEY]
        pdf.save(stripped)
    asked: list[str] = []
    page.on("dialog", lambda d: (asked.append(d.message), d.accept()))
    choose(page, "#nv-fill-open-pdf", stripped, "uten-merke.pdf")
    # the form held text: the reader was asked before it was replaced
    assert asked == [words(lang, "fill.open_replace")]
    assert form_values(page)["barnet:navn"] == "Kari"
    context.close()


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_enter_never_downloads_and_the_submit_button_does(sites, browser, lang: str) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    downloads: list[object] = []
    page.on("download", lambda d: downloads.append(d))
    page.goto(sites[lang] + f"skjema/{MEETING_2}.html")
    submit = page.locator("#nv-fill button[type=submit]")
    assert submit.count() == 1 and submit.get_attribute("id") == "nv-fill-download"
    assert submit.is_enabled()
    page.fill("[name='mote:elev']", "Ola")
    page.press("[name='mote:elev']", "Enter")
    date = page.locator("[name='mote:dato']")
    date.fill("17,05,2026")  # a Norwegian phone's number pad has «,», not «.»
    date.press("Enter")  # checks the date, as leaving the field does
    page.locator("[name='deltakere:til_stede:elev']").press("Enter")
    page.wait_for_timeout(800)
    assert downloads == [] and page.url.endswith(f"{MEETING_2}.html")
    assert date.input_value() == "17.05.2026" and date.get_attribute("inputmode") == "decimal"
    date.fill("17052026")
    date.press("Tab")
    assert date.input_value() == "17.05.2026"
    date.fill("31.02.2027")
    date.press("Tab")
    error = page.locator(f"#{date.get_attribute('id')}-error")
    assert error.inner_text() == words(lang, "fill.date_impossible", value="31.02.2027")
    date.fill("31.01.2027")
    submit.focus()
    with page.expect_download():
        page.keyboard.press("Enter")
    assert len(downloads) == 1
    context.close()


@pytest.mark.parametrize("variant", ["fillable", "printable"])
@pytest.mark.parametrize("edition", ["site_dir", "nn_site_dir"])
def test_page_one_of_the_consent_form_is_used(request: pytest.FixtureRequest, tmp_path: Path,
                                              edition: str, variant: str) -> None:
    site: Path = request.getfixturevalue(edition)
    pdf = site / "skjema" / file_names("samtykke")[variant]
    image = render(pdf, 1, tmp_path)
    width, height = image.size
    footer = height - int(25 * 100 / 25.4)  # the running footer sits in the bottom margin
    rows = [y for y in range(footer) if any(image.getpixel((x, y)) < 128
                                           for x in range(0, width, 2))]
    assert rows[-1] / footer > 0.85, f"page 1 ends at {rows[-1] / footer:.0%} of its height"


RTL_LINKS_JS = """() => Array.from(document.querySelectorAll('[dir=rtl] .nv-download a'), (a) => {
  const range = document.createRange();
  range.selectNodeContents(a.firstChild);  // the link's visible text
  const parts = Array.from(range.getClientRects());
  const left = Math.min(...parts.map((r) => r.left));
  const right = Math.max(...parts.map((r) => r.right));
  const size = a.parentElement.querySelector('.nv-muted').getBoundingClientRect();
  return {text: a.firstChild.textContent, bidi: getComputedStyle(a).unicodeBidi,
          // the file size next to the link, never between its words
          apart: size.right <= left + 0.5 || size.left >= right - 0.5,
          width: right - left, natural: range.getBoundingClientRect().width};
})"""


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_links_on_right_to_left_pages_are_isolated(sites, browser, lang: str) -> None:
    page = browser.new_page()
    page.goto(sites[lang] + "foreldre/ar.html")
    bidi = page.evaluate("""() => Array.from(document.querySelectorAll('[dir=rtl] a'),
        (a) => getComputedStyle(a).unicodeBidi)""")
    assert bidi and set(bidi) == {"isolate"}
    links = page.evaluate(RTL_LINKS_JS)
    assert links and all("PDF" in link["text"] for link in links)
    for link in links:
        assert link["apart"], link
        # the link's words sit together: nothing else is drawn inside its span
        assert abs(link["width"] - link["natural"]) < 1, link
    page.close()
