"""The HTML forms in Debian's Chromium: every form of both example editions is filled on its
page, «Last ned utfylt PDF» is pressed and the downloaded PDF is read back with pypdf —
every value exactly as typed (also names outside Latin-1), nothing else filled, still tagged
with its title and language, fields still editable. Nothing leaves 127.0.0.1 and nothing is
stored in the browser."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pypdf
import pytest
from playwright.sync_api import expect

from naervaer.content.edition import load_edition
from naervaer.forms.layout import declared_fields
from naervaer.site.form_fill import fillable_forms

from .conftest import DEFAULT_SETTINGS, EDITIONS, stored_anything

pytestmark = pytest.mark.browser

SETTINGS = {"nb": DEFAULT_SETTINGS, "nn": EDITIONS / "fjordvik.yml"}
# names the standard PDF font cannot show; each must survive exactly
NAMES = ["Łukasz Wiśniewski", "Nguyễn Thị Hà", "Ахмед", "أحمد"]
# forms (per edition) whose first text fields get the names above
WITH_NAMES = {"samtykke", "relasjonssirkelen"}
INTERNAL = ("http://127.0.0.1", "data:", "blob:")

FIELDS_JS = """() => Array.from(document.getElementById('nv-fill').elements)
  .filter(e => e.name)
  .map(e => ({name: e.name, type: e.type, value: e.value, check: e.dataset.check || null,
              options: e.options ? Array.from(e.options, o => o.value) : []}))"""


SET_JS = """(actions) => {
  const form = document.getElementById('nv-fill');
  for (const [how, name, value] of actions) {
    const el = form.querySelector(how === 'check' && value
      ? `[name="${CSS.escape(name)}"][value="${CSS.escape(value)}"]`
      : `[name="${CSS.escape(name)}"]`);
    if (how === 'check') {
      if (!el.checked) el.click();
      continue;
    }
    el.focus();
    el.value = value;
    el.dispatchEvent(new Event('input', {bubbles: true}));
    el.dispatchEvent(new Event('change', {bubbles: true}));
  }
}"""


def locate(page, how: str, name: str, value: str):
    css = f'[name="{name}"]' + (f'[value="{value}"]' if how == "check" and value else "")
    return page.locator(f"#nv-fill {css}")


def plan_values(form_id: str, fields: list[dict[str, Any]]) -> tuple[dict[str, Any], list]:
    """What to type, tick and choose in every input of a form: (expected PDF values,
    actions as (how, name, value))."""
    expected: dict[str, Any] = {}
    actions: list[tuple[str, str, str]] = []
    radios: dict[str, list[str]] = {}
    names = list(NAMES) if form_id in WITH_NAMES else []
    for n, f in enumerate(fields):
        if f["type"] == "radio":
            radios.setdefault(f["name"], []).append(f["value"])
        elif f["type"] == "checkbox":
            if n % 2 == 0:
                actions.append(("check", f["name"], ""))
                expected[f["name"]] = "on"
        elif f["type"] == "select-one":
            choices = [o for o in f["options"] if o]
            value = choices[n % len(choices)]
            actions.append(("select", f["name"], value))
            expected[f["name"]] = value
        elif f["check"] == "birthnumber":
            text = f"{n % 100:02d}019012345"[:11]
            actions.append(("fill", f["name"], text))
            expected[f["name"]] = text
        elif f["check"] == "date":
            text = f"{1 + n % 28:02d}.{1 + (n // 28) % 12:02d}.2026"
            actions.append(("fill", f["name"], text))
            expected[f["name"]] = text
        else:
            text = names.pop(0) if names else f"Søknad {n} for {form_id}: ærlig, grønn og blå"
            if f["type"] == "textarea" and n % 3 == 0:
                text += "\nAndre linje med æøå ÆØÅ"
            actions.append(("fill", f["name"], text))
            expected[f["name"]] = text
    for g, (name, values) in enumerate(radios.items()):
        values = [v for v in values if v]  # "": «not scored», the PDF's empty choice
        value = values[g % len(values)]
        actions.append(("check", name, value))
        expected[name] = value  # a radio group's or a combo box's (1–10 scale) export value
    assert not names, f"{form_id}: not enough text fields for the names"
    return expected, actions


def pdf_values(path: Path) -> dict[str, Any]:
    reader = pypdf.PdfReader(path)
    out = {}
    for name, field in (reader.get_fields() or {}).items():
        value = field.get("/V")
        if isinstance(value, pypdf.generic.NameObject):  # a checkbox's or radio's state
            value = str(value)[1:]
        out[name] = None if value in (None, "", "Off") else str(value)
    return out


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_every_form_fills_its_pdf_exactly(sites, browser, tmp_path: Path, lang: str) -> None:
    ed = load_edition(SETTINGS[lang])
    forms = fillable_forms(ed)
    assert len(forms) >= 20 and "arsakskort" not in {f.id for f in forms}
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    external: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith(INTERNAL)
            else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: d.accept())  # «leave with unsaved input?» between forms
    problems: dict[str, Any] = {}
    for form in forms:
        page.goto(sites[lang] + f"skjema/{form.id}.html")
        fields = page.evaluate(FIELDS_JS)
        html_names = {f["name"] for f in fields}
        assert html_names == set(declared_fields(form, ed)), form.id
        expected, actions = plan_values(form.id, fields)
        # the first actions of each form through Playwright's own fill/check; the rest in one
        # batch that sets values and fires the same input/change events (fast on 2 cores)
        for how, name, value in actions[:2]:
            target = locate(page, how, name, value)
            if how == "fill":
                target.fill(value)
            elif how == "select":
                target.select_option(value)
            else:
                target.check()
        page.evaluate(SET_JS, actions[2:])
        with page.expect_download() as info:
            page.click("#nv-fill-download")
        download = info.value
        assert download.suggested_filename == f"{form.id}-utfylt.pdf"
        out = tmp_path / f"{lang}-{form.id}.pdf"
        download.save_as(out)
        got = pdf_values(out)
        want = {name: expected.get(name) for name in got}
        if got != want:
            problems[form.id] = {k: (got[k], want[k]) for k in got if got[k] != want[k]}
        check_still_a_proper_form(out, form.id, lang, ed)
        if form.id in WITH_NAMES:  # the form's own family for Latin, Noto for Arabic
            fonts = " ".join(appearance_fonts(out))
            assert "LiberationSans" in fonts and "NotoSansArabic" in fonts, form.id
        assert page.inner_text("#nv-fill-status").strip() != ""
    assert problems == {}
    assert external == [] and errors == []
    assert stored_anything(page) == {}
    assert "Søknad" not in page.url
    context.close()


def appearance_fonts(path: Path) -> set[str]:
    """BaseFont of every font the filled fields' appearances use."""
    fonts = set()
    for page in pypdf.PdfReader(path).pages:
        for annot in page.get("/Annots") or []:
            normal = annot.get_object().get("/AP", {}).get("/N")
            normal = normal.get_object() if normal is not None else None
            if not isinstance(normal, pypdf.generic.StreamObject):
                continue  # checkboxes and radios: a dictionary of states
            resources = normal.get("/Resources")
            font_dict = resources.get_object().get("/Font") if resources is not None else None
            for font in (font_dict.get_object() if font_dict is not None else {}).values():
                fonts.add(str(font.get_object().get("/BaseFont")))
    return fonts


def check_still_a_proper_form(path: Path, form_id: str, lang: str, ed: Any) -> None:
    reader = pypdf.PdfReader(path)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and bool(root["/MarkInfo"]["/Marked"]), form_id
    assert root["/Lang"] == lang, form_id
    title = reader.metadata.title if reader.metadata else None
    assert title and str(ed.forms[form_id].title) in title, form_id
    fields = reader.get_fields() or {}
    assert set(fields) == set(declared_fields(ed.forms[form_id], ed)), form_id
    # still editable: nothing flattened, nothing made read-only
    assert all(not int(f.get("/Ff", 0)) & 1 for f in fields.values()), form_id


ACTIVE_JS = """() => { const e = document.activeElement;
  return {id: e.id, name: e.name || '', type: e.type || '', value: e.value || '',
          check: (e.dataset && e.dataset.check) || null,
          inForm: e.closest('#nv-fill') !== null}; }"""


def test_a_form_can_be_completed_with_the_keyboard_only(sites, browser, tmp_path: Path) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(sites["nb"] + "skjema/foreldresamtale.html", wait_until="networkidle")
    # heavy code loads only when the reader asks for the PDF
    assert not any("/vendor/" in u or u.endswith(".ttf") for u in requested)
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate(ACTIVE_JS)["inForm"]:
            break
    expected: dict[str, str] = {}
    for n in range(400):
        el = page.evaluate(ACTIVE_JS)
        if el["id"] == "nv-fill-download":
            break
        assert el["inForm"], f"focus left the form before the download button: {el}"
        if el["type"] in ("text", "textarea"):
            text = {"date": f"{n % 28 + 1:02d}.09.2026", "birthnumber": "01019012345"}.get(
                el["check"] or "", f"Svar {n} æøå")
            page.keyboard.type(text)
            expected[el["name"]] = text
        elif el["type"] == "checkbox":
            page.keyboard.press("Space")
            expected[el["name"]] = "on"
        elif el["type"] == "radio":
            page.keyboard.press("ArrowDown")  # selects the next option in the group
            expected[el["name"]] = page.evaluate(ACTIVE_JS)["value"]
        page.keyboard.press("Tab")
    else:
        pytest.fail("never reached «Last ned utfylt PDF» with Tab")
    assert len(expected) >= 10
    # the PDF library loads when the button is pressed, not when it gets focus
    assert not any("/vendor/" in u or u.endswith(".ttf") for u in requested)
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    out = tmp_path / "keyboard.pdf"
    info.value.save_as(out)
    got = pdf_values(out)
    assert got == {name: expected.get(name) for name in got}
    assert any("/vendor/pdf-lib/" in u for u in requested)
    assert not any("/vendor/fontkit/" in u for u in requested), "Latin text needs no fontkit"
    context.close()


SCALE_JS = """() => Array.from(document.querySelectorAll('#nv-fill fieldset.nvf-s'), (set) => ({
  legend: set.querySelector('legend').textContent.trim(),
  hint: document.getElementById(set.getAttribute('aria-describedby')).textContent.trim(),
  radios: Array.from(set.querySelectorAll('input'), (r) => ({
    type: r.type, name: r.name, value: r.value, checked: r.checked,
    label: r.labels.length === 1 ? r.labels[0].textContent.trim() : null})),
}))"""


def test_the_scale_is_a_radio_group_per_item_and_works_with_the_keyboard(
        sites, browser, tmp_path: Path) -> None:
    ed = load_edition(SETTINGS["nn"])
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(sites["nn"] + "skjema/skalering.html", wait_until="networkidle")
    groups = page.evaluate(SCALE_JS)
    scored = [n for n in declared_fields(ed.forms["skalering"], ed) if ":skala:" in n
              and not n.endswith(":tekst")]
    assert [g["radios"][0]["name"] for g in groups] == scored
    for group in groups:
        assert group["legend"] and group["hint"].startswith("1 = likar absolutt ikkje")
        assert [(r["type"], r["value"], r["label"]) for r in group["radios"]] == (
            [("radio", "", "Ikkje vurdert")] + [("radio", str(v), str(v)) for v in range(1, 11)])
        assert [r["checked"] for r in group["radios"]] == [True] + [False] * 10
    # Tab reaches a group on its chosen radio; the arrow keys move through 1–10
    page.focus(f'#nv-fill input[name="{scored[0]}"][value=""]')
    for _ in range(7):
        page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.value") == "7"
    page.focus(f'#nv-fill input[name="{scored[1]}"][value=""]')
    page.keyboard.press("ArrowLeft")  # wraps round to 10
    page.keyboard.press("ArrowRight")  # … and back to «not scored»
    page.focus(f'#nv-fill input[name="{scored[2]}"][value=""]')
    page.keyboard.press("ArrowLeft")
    with page.expect_download() as info:
        page.click("#nv-fill-download")
    out = tmp_path / "skalering.pdf"
    info.value.save_as(out)
    got = {k: v for k, v in pdf_values(out).items() if v is not None}
    assert got == {scored[0]: "7", scored[2]: "10"}
    context.close()


def test_wrong_input_gets_a_clear_message_and_no_pdf(sites, browser, tmp_path: Path) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    downloads: list[Any] = []
    page.on("download", lambda d: downloads.append(d))
    page.goto(sites["nn"] + "skjema/samtykke.html")
    number = page.locator("[data-check=birthnumber]")
    number.fill("0101901234")
    number.press("Tab")
    error = page.locator(f"#{number.get_attribute('id')}-error")
    assert "11 siffer" in error.inner_text()
    assert number.get_attribute("aria-invalid") == "true"
    assert error.get_attribute("id") in (number.get_attribute("aria-describedby") or "")
    date = page.locator("[data-check=date]").first
    date.fill("31.02.2026")
    page.click("#nv-fill-download")
    summary = page.locator("#nv-fill-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "nv-fill-summary"
    # a date that does not exist is named as such (issue 20), not as a wrong format
    assert summary.locator("li").count() == 2
    assert "31.02.2026 finst ikkje i kalenderen" in summary.inner_text()
    # a character no font on the site can show: said in the edition's målform, no PDF
    number.fill("01019012345")
    date.fill("28.02.2026")
    name = page.locator("[name='barnet:navn']")
    name.fill("李雷 Ærlig")
    page.click("#nv-fill-download")
    expect(summary).to_contain_text("«李»")
    text = summary.inner_text()
    assert "Desse teikna kan ikkje visast i PDF-en: «李» «雷»" in text
    assert name.get_attribute("aria-invalid") == "true"
    assert downloads == []
    # fixed: the PDF comes; a tab pasted from a table becomes a space (no font has a tab)
    name.fill("Li Lei\tÆrlig")
    with page.expect_download() as info:
        page.click("#nv-fill-download")
    assert summary.is_hidden()
    out = tmp_path / "samtykke.pdf"
    info.value.save_as(out)
    got = pdf_values(out)
    assert got["barnet:navn"] == "Li Lei Ærlig"
    context.close()


def test_leaving_with_unsaved_input_asks_first(sites, browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(sites["nb"] + "skjema/samtale-elev.html")
    page.locator("#nv-fill input:not([type])").first.fill("Ærlig")
    with page.expect_event("dialog") as info:
        page.close(run_before_unload=True)
    assert info.value.type == "beforeunload"
    info.value.accept()
    context.close()


def test_print_shows_the_form_without_the_site_and_tables_fit_a_phone(sites, browser) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740})
    page.goto(sites["nb"] + "skjema/handlingsplan.html")
    cell = page.locator(".nvf-t td").first
    label = cell.locator("label")
    assert label.is_visible() and label.bounding_box()["width"] > 40
    assert cell.locator("input").bounding_box()["width"] > 250
    page.locator("#nv-fill input:not([type])").first.fill("Ærlig")
    # the site's navigation is there on screen (in the menu on a phone), not on paper
    assert page.locator(".md-sidebar--primary a[href='index.html']").count() >= 1
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-footer', '#nv-fill-actions',
                                    '.md-sidebar--primary']
        .map(s => getComputedStyle(document.querySelector(s)).display)""")
    assert hidden == ["none", "none", "none", "none"]
    assert page.locator("#nv-fill input:not([type])").first.input_value() == "Ærlig"
    page.close()


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_every_fillable_form_has_a_page_linked_from_the_overview(
        site_dir: Path, nn_site_dir: Path, lang: str) -> None:
    site = site_dir if lang == "nb" else nn_site_dir
    ed = load_edition(SETTINGS[lang])
    overview = (site / "skjema" / "index.html").read_text(encoding="utf-8")
    for form in ed.forms.values():
        page = site / "skjema" / f"{form.id}.html"
        if form.kind == "cards":
            assert not page.exists(), form.id
            continue
        html = page.read_text(encoding="utf-8")
        assert f'<a href="{form.id}.html">Fyll ut her' in overview, form.id
        inside = html[html.index('<form id="nv-fill"'):html.rindex("</form>")]
        names = set(re.findall(r'<(?:input|textarea|select)[^>]*\bname="([^"]+)"', inside))
        assert names == set(declared_fields(form, ed)), form.id
        assert f'data-filename="{form.id}-utfylt.pdf"' in html
        assert str(ed.t("fill.privacy")) in html.replace("\n", " ")
