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

from naervaer.edition import load_edition
from naervaer.pdf.layout import declared_fields
from naervaer.site.form_fill import fillable_forms

from .conftest import DEFAULT_SETTINGS, EDITIONS, serve

pytestmark = pytest.mark.browser

SETTINGS = {"nb": DEFAULT_SETTINGS, "nn": EDITIONS / "fjordvik.yml"}
# names the standard PDF font cannot show; each must survive exactly
NAMES = ["Łukasz Wiśniewski", "Nguyễn Thị Hà", "Ахмед", "أحمد"]
# forms (per edition) whose first text fields get the names above
WITH_NAMES = {"samtykke", "relasjonssirkelen"}
INTERNAL = ("http://127.0.0.1", "data:", "blob:")

FIELDS_JS = """() => Array.from(document.getElementById('nv-fill').elements)
  .filter(e => e.name)
  .map(e => ({name: e.name, id: e.id, type: e.type, value: e.value,
              check: e.dataset.check || null}))"""


@pytest.fixture(scope="module")
def sites(site_dir: Path, nn_site_dir: Path):  # type: ignore[no-untyped-def]
    servers = {"nb": serve(site_dir), "nn": serve(nn_site_dir)}
    yield {lang: url for lang, (url, _) in servers.items()}
    for _, httpd in servers.values():
        httpd.shutdown()


def plan_values(form_id: str, fields: list[dict[str, Any]]) -> tuple[dict[str, Any], list]:
    """What to type/tick for every input of a form: (expected PDF values, actions)."""
    expected: dict[str, Any] = {}
    actions: list[tuple[str, str, str]] = []  # (how, element id, text)
    radios: dict[str, list[dict[str, Any]]] = {}
    names = list(NAMES) if form_id in WITH_NAMES else []
    for n, f in enumerate(fields):
        if f["type"] == "radio":
            radios.setdefault(f["name"], []).append(f)
        elif f["type"] == "checkbox":
            if n % 2 == 0:
                actions.append(("check", f["id"], ""))
                expected[f["name"]] = "/on"
        elif f["check"] == "birthnumber":
            text = f"{n % 100:02d}019012345"[:11]
            actions.append(("fill", f["id"], text))
            expected[f["name"]] = text
        elif f["check"] == "date":
            text = f"{1 + n % 28:02d}.{1 + (n // 28) % 12:02d}.2026"
            actions.append(("fill", f["id"], text))
            expected[f["name"]] = text
        else:
            text = names.pop(0) if names else f"Søknad {n} for {form_id}: ærlig, grønn og blå"
            if f["type"] == "textarea" and n % 3 == 0:
                text += "\nAndre linje med æøå ÆØÅ"
            actions.append(("fill", f["id"], text))
            expected[f["name"]] = text
    for g, (name, options) in enumerate(radios.items()):
        choice = options[g % len(options)]
        actions.append(("check", choice["id"], ""))
        expected[name] = "/" + choice["value"] if _is_button(name, options) else choice["value"]
    assert not names, f"{form_id}: not enough text fields for the names"
    return expected, actions


def _is_button(name: str, options: list[dict[str, Any]]) -> bool:
    # a 1–10 score is a combo box in the PDF (value "7"); other radio groups are buttons
    return not all(re.fullmatch(r"\d+", o["value"]) for o in options)


def pdf_values(path: Path) -> dict[str, Any]:
    reader = pypdf.PdfReader(path)
    out = {}
    for name, field in (reader.get_fields() or {}).items():
        value = field.get("/V")
        out[name] = None if value in (None, "", "/Off") else str(value)
    return out


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_every_form_fills_its_pdf_exactly(sites, browser, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
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
        for how, element_id, text in actions:
            target = page.locator(f"[id='{element_id}']")
            if how == "fill":
                target.fill(text)
            else:
                target.check()
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
        assert page.inner_text("#nv-fill-status").strip() != ""
    assert problems == {}
    assert external == [] and errors == []
    assert context.cookies() == []
    storage = page.evaluate("""async () => [Object.keys(localStorage).length,
        Object.keys(sessionStorage).length, (await indexedDB.databases()).length]""")
    assert storage == [0, 0, 0]
    assert "Søknad" not in page.url
    context.close()


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
