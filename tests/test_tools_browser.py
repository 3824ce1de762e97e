"""The absence check and the plan builder in Debian's Chromium, one pass per example edition:
verdicts around every local threshold, inline messages for bad input, a plan built from the
bank and downloaded as the filled cooperation agreement (read back with pypdf), the limit of
the agreement's table, copy as text; axe, 375 px, no storage, nothing sent anywhere. The
check's own steps: absence_check_run.py."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from naervaer.content.edition import Edition
from naervaer.content.schema.bank import Measure
from naervaer.forms.layout import layout

from .absence_check_run import CHECK_PAGE, run_absence_check
from .browser_kit import axe_violations, days_of, ends, plain, wait_until
from .conftest import DEFAULT_SETTINGS, example_edition, serve, stored_anything

pytestmark = pytest.mark.browser

BUILDER = "tiltak/index.html"
FORM = "avtale-foresatte-skole"



# -- the plan builder -------------------------------------------------------------------------

def plan_order(page) -> list[str]:
    return page.eval_on_selector_all("#nv-plan-list > li", "els => els.map(e => e.dataset.measure)")


def item(page, measure_id: str):
    return page.locator(f"#nv-plan-list > li[data-measure='{measure_id}']")


def suggestions(ed: Edition, m: Measure) -> list[str]:
    words = [ed.s["pp_service"]["short"] if a == "ppt" else ed.t(f"actor.{a}") for a in m.actors]
    return [w[:1].upper() + w[1:] for w in words]


def column_label(ed: Edition, column_id: str) -> str:
    tables = [f for s in ed.forms[FORM].sections for f in s.fields if f.type == "table"]
    return next(str(c.label) for c in tables[0].columns if c.id == column_id)


def agreement_fields(ed: Edition) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(name, label) of the agreement's own fields before and after its table of measures
    (the signature block's place, date and names in print included), from the form's
    layout."""
    before: list[tuple[str, str]] = []
    after: list[tuple[str, str]] = []
    seen_table = False
    for section in layout(ed.forms[FORM], ed):
        for block in section.blocks:
            if block.type == "table":
                seen_table = True
            elif block.type in ("text", "textarea", "date", "signature"):
                (after if seen_table else before).extend(
                    (i.name, plain(i.label)) for i in block.inputs)
    return before, after


def pick_three(ed: Edition) -> list[Measure]:
    local = [m for m in ed.measures() if m.local]
    first = local[0] if local else ed.bank.category(3).measures[0]
    second = ed.bank.category(1).measures[1]
    third = ed.bank.category(12).measures[-1]
    return [first, second, third]


def run_plan_builder(page, url: str, ed: Edition, downloads: Path) -> None:
    t = ed.t
    first, second, third = pick_three(ed)
    # from a category page: «Legg til i planen» takes the measure to the builder
    page.goto(url + f"tiltak/{ed.bank.category(first.category).slug}.html")
    link = page.locator(f"li[data-id='{first.id}'] > .nv-measure__plan a")
    assert link.inner_text().startswith(t("plan.add"))
    link.click()
    page.wait_for_url(re.compile(r"/tiltak/index\.html"))
    wait_until(page, "document.getElementById('nv-plan-list').children.length === 1")
    wait_until(page, "location.hash === ''")  # the measure ID left the address bar
    assert plan_order(page) == [first.id]
    assert page.evaluate("document.activeElement.textContent") == f"{t('measure.label')} {first.id}"
    # hidden measures stay hidden, local measures are there
    for hidden in ed.settings.hidden_measures:
        assert page.locator(f"[id='legg-til-{hidden}']").count() == 0
    assert page.locator(".nv-plan-add").count() == len(ed.measures())

    # the filter narrows the bank; the control works on what it shows
    page.select_option("#nv-filter-category", str(second.category))
    page.click(f"[id='legg-til-{second.id}']")
    page.select_option("#nv-filter-category", str(third.category))
    page.click(f"[id='legg-til-{third.id}']")
    assert t("plan.added").format(id=third.id, n=3) == page.inner_text("#nv-plan-status")
    assert page.inner_text(f"[id='legg-til-{third.id}']").startswith(t("plan.remove_from"))
    page.click("#nv-filter input[type=reset]")
    assert plan_order(page) == [first.id, second.id, third.id]

    # reorder with the keyboard: focus stays on the control that moved the measure
    up = item(page, third.id).locator("button[data-action=up]")
    up.focus()
    page.keyboard.press("Enter")
    assert plan_order(page) == [first.id, third.id, second.id]
    assert page.evaluate("document.activeElement.dataset.action") == "up"
    page.keyboard.press("Enter")
    assert plan_order(page) == [third.id, first.id, second.id]
    assert up.is_disabled()  # at the top: focus moved to «Flytt ned» of the same measure
    assert page.evaluate("document.activeElement.dataset.action") == "down"
    assert page.evaluate("document.activeElement.closest('li').dataset.measure") == third.id
    assert t("plan.moved").format(id=third.id, pos=1, n=3) == page.inner_text("#nv-plan-status")
    page.keyboard.press("Enter")
    order = [first.id, third.id, second.id]
    assert plan_order(page) == order
    # remove, and add again at the end
    item(page, first.id).locator("button[data-action=remove]").click()
    assert t("plan.removed").format(id=first.id, n=2) == page.inner_text("#nv-plan-status")
    assert page.inner_text(f"[id='legg-til-{first.id}']").startswith(t("plan.add"))
    page.click(f"[id='legg-til-{first.id}']")
    order = [third.id, second.id, first.id]
    assert plan_order(page) == order

    # what is agreed per measure; «Ansvar» suggests the measure's actors
    measures = {m.id: m for m in (first, second, third)}
    agreed = {}
    for n, mid in enumerate(order, start=1):
        row = item(page, mid)
        list_id = row.locator("input[list]").get_attribute("list")
        options = page.eval_on_selector_all(f"[id='{list_id}'] option",
                                            "els => els.map(o => o.value)")
        assert options == suggestions(ed, measures[mid])
        agreed[mid] = {"delmal": f"Delmål {n}: møte før kl. 08.15 – æøå «{mid}»",
                       "ansvar": f"{options[0]} og kontaktlærer",
                       "frist": f"0{n}.03.2027"}
        row.locator("textarea[data-col=delmal]").fill(agreed[mid]["delmal"])
        row.locator("input[data-col=ansvar]").fill(agreed[mid]["ansvar"])
        row.locator("input[data-col=frist]").fill(f"{n}.3.2027")  # written short: normalised
    agreement = {}
    for field in page.eval_on_selector_all("[data-field]", "els => els.map(e => e.dataset.field)"):
        agreement[field] = ("Nguyễn Thị Hà" if field == "elev:elev" else "03.03.2027"
                            if field.endswith(":dato") else f"{field} – Ærlig øving å")
        page.fill(f"[data-field='{field}']", agreement[field])

    # a deadline that is no date stops the download with a message at the field
    fired: list[object] = []
    page.on("download", lambda d: fired.append(d))
    bad = item(page, second.id).locator("input[data-col=frist]")
    bad.fill("31.02.2027")
    page.click("#nv-plan-download")
    assert page.inner_text("#nv-plan-status") == t("plan.err_dates")
    error = item(page, second.id).locator(".nv-plan__error")
    assert error.is_visible() and error.inner_text() == t("plan.err_date")
    assert bad.get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.dataset.col") == "frist"
    bad.fill("2.3.2027")

    with page.expect_download() as info:
        page.click("#nv-plan-download")
    download = info.value
    assert download.suggested_filename == f"{FORM}-utfylt.pdf"
    assert not fired[1:]
    path = downloads / f"{ed.lang}-{FORM}.pdf"
    download.save_as(path)
    wait_until(page, "!document.getElementById('nv-plan-download').disabled")
    assert page.inner_text("#nv-plan-status") == t("plan.done").format(file=f"{FORM}-utfylt.pdf")
    fields = {name: f.get("/V") for name, f in PdfReader(io.BytesIO(path.read_bytes()))
              .get_fields().items()}
    filled = {name: str(v) for name, v in fields.items() if v not in (None, "", "/Off")}
    expected = dict(agreement)
    for n, mid in enumerate(order, start=1):
        expected[f"tiltak:delmal:r{n}:tiltak"] = f"{mid} {plain(measures[mid].text)}"
        for col, value in agreed[mid].items():
            expected[f"tiltak:delmal:r{n}:{col}"] = value
    assert filled == expected  # every value in its row, and nothing else filled
    assert "tiltak:delmal:r8:tiltak" in fields  # the table holds eight measures

    # copy as text for the minutes: IDs, full texts and what was agreed
    page.click("#nv-plan-copy")
    # the clipboard answers asynchronously: wait for the status to say so (polled, no eval)
    expect(page.locator("#nv-plan-status")).to_have_text(str(t("plan.copied")))
    text = page.evaluate("navigator.clipboard.readText()")
    # every field of the plan (issue 20: the pupil, status, hovedmål and plan B were left
    # out), in the agreement's order: the fields before its table, the measures, the rest
    before, after = agreement_fields(ed)
    expected_text = [str(ed.forms[FORM].title), ""]
    expected_text += [f"{label}: {agreement[name]}" for name, label in before]
    expected_text += ["", f"{t('plan.chosen')}:"]
    for n, mid in enumerate(order, start=1):
        expected_text.append(f"{n}. {mid} {plain(measures[mid].text)}")
        expected_text += [f"   {column_label(ed, col)}: {agreed[mid][col]}"
                          for col in ("delmal", "ansvar", "frist")]
    expected_text += [""] + [f"{label}: {agreement[name]}" for name, label in after]
    assert text == "\n".join(expected_text) + "\n"
    assert [name for name, _ in after][:2] == ["tiltak:plan-b", "underskrift:signaturer:sted"]

    # more measures than the agreement holds: said before anything is lost
    rows = 8
    others = [m.id for m in ed.measures() if m.id not in order][: rows + 1 - len(order)]
    for mid in others:
        page.click(f"[id='legg-til-{mid}']")
    limit = t("plan.limit").format(max=rows, n=rows + 1, extra=1)
    assert page.is_visible("#nv-plan-limit") and page.inner_text("#nv-plan-limit") == limit
    assert limit in page.inner_text("#nv-plan-status")
    page.click("#nv-plan-download")
    assert page.inner_text("#nv-plan-status") == limit
    assert page.evaluate("document.activeElement.id") == "nv-plan-limit"
    assert len(fired) == 1  # no second file
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    item(page, others[-1]).locator("button[data-action=remove]").click()
    assert not page.is_visible("#nv-plan-limit")

    # leaving the page with a plan in it asks first
    dialogs: list[str] = []
    page.once("dialog", lambda d: (dialogs.append(d.type), d.accept()))
    page.goto(url + "index.html")
    assert dialogs == ["beforeunload"]


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_absence_check_and_plan_builder(browser, site_dir: Path, nn_site_dir: Path,
                                        tmp_path: Path, lang: str) -> None:
    ed = example_edition(DEFAULT_SETTINGS.name if lang == "nb" else "fjordvik.yml")
    url, httpd = serve(site_dir if lang == "nb" else nn_site_dir)
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True,
                                  has_touch=True, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        run_absence_check(page, url, ed)
        run_plan_builder(page, url, ed, tmp_path)
        assert stored_anything(page) == {}
    finally:
        context.close()
        httpd.shutdown()
    assert errors == []
    assert [r for r in requests if not r.startswith((url, "data:", "blob:"))] == []
    # nothing typed ever travelled in a URL
    assert not [r for r in requests if re.search(r"Nguy|Delm|%C3%86rlig|mange|fire", r)]


def test_the_rule_is_text_without_javascript(browser, site_dir: Path) -> None:
    ed = example_edition(DEFAULT_SETTINGS.name)
    url, httpd = serve(site_dir)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(url + CHECK_PAGE)
        rule = page.inner_text(".nv-absence__rule")
        concern = ed.settings.concern
        window = ends(concern.weeks)[1]
        assert t_format(ed, "check.rule_days", days=days_of(ed), weeks=window) in rule
        assert f"«{concern.weeks}" in rule  # the range as the settings write it, explained
        assert page.is_visible(".nv-absence .nv-nojs")
        assert not page.is_visible("#nv-absence-form")
        page.goto(url + BUILDER)
        assert page.is_visible(".nv-plan .nv-nojs") and not page.is_visible("#nv-plan-panel")
    finally:
        context.close()
        httpd.shutdown()


def t_format(ed: Edition, key: str, **values: object) -> str:
    return ed.t(key).format(**values)
