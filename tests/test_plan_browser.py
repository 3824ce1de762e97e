"""The plan keeps what it holds, whichever way a measure is added (issue 20), and the cause
mapping leads to measures (issue 21): Debian's Chromium, both example editions.

A teacher with a plan in the builder follows the category list, adds from a category page in
another tab and from the cause mapping's suggestions; the plan keeps every measure and every
typed word. The bank filters by cause and tier. Without JavaScript, «Tiltak etter årsak» gives
the same answer as a table."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from naervaer.content.edition import Edition
from naervaer.content.schema.bank import Measure

from .browser_kit import wait_until
from .conftest import DEFAULT_SETTINGS, example_edition, serve, stored_anything
from .test_tools_browser import plan_order

pytestmark = pytest.mark.browser

AXE = Axe()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BUILDER = "tiltak/index.html"
CAUSE_FORM = "skjema/arsakskartlegging.html"
TABLE = "tiltak/etter-arsak.html"


def edition(lang: str) -> Edition:
    return example_edition(DEFAULT_SETTINGS.name if lang == "nb" else "fjordvik.yml")


def cause_labels(ed: Edition) -> dict[str, str]:
    """The options of «Hva kjennes vanskelig?» in the cause-mapping form: id → label."""
    section = next(s for s in ed.forms["arsakskartlegging"].sections if s.id == "arsaker")
    question = next(f for f in section.fields if f.id == "folelser")
    return {o.id: str(o.label) for o in question.options if o.id != "noe-annet"}


def addressing(ed: Edition, causes: set[str]) -> list[Measure]:
    return [m for m in ed.measures() if causes & set(m.causes)]


def axe_violations(page) -> list:
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")
    result = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]]


def settle(condition, timeout: float = 10) -> None:
    """Wait until ``condition()`` holds (polled from Python: the CSP forbids eval)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def typed(page) -> dict[str, str]:
    """Every value typed into the plan: the agreement's fields and each measure's columns."""
    return page.evaluate("""() => Object.fromEntries([
        ...Array.from(document.querySelectorAll('[data-field]'), e => [e.dataset.field, e.value]),
        ...Array.from(document.querySelectorAll('#nv-plan-list > li [data-col]'),
                      e => [e.closest('li').dataset.measure + ':' + e.dataset.col, e.value])])""")


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_no_way_of_adding_a_measure_loses_the_plan(browser, site_dir: Path, nn_site_dir: Path,
                                                  lang: str) -> None:
    ed = edition(lang)
    t = ed.t
    url, httpd = serve(site_dir if lang == "nb" else nn_site_dir)
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True,
                                  has_touch=True)
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    context.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    context.on("weberror", lambda e: errors.append(str(e.error)))
    builder = context.new_page()
    try:
        # a plan with three measures and typed details
        builder.goto(url + BUILDER)
        three = [ed.bank.category(1).measures[0].id, ed.bank.category(4).measures[0].id,
                 ed.bank.category(9).measures[0].id]
        for mid in three:
            builder.click(f"[id='legg-til-{mid}']")
        for n, mid in enumerate(three, start=1):
            row = builder.locator(f"#nv-plan-list > li[data-measure='{mid}']")
            row.locator("textarea[data-col=delmal]").fill(f"Delmål {n} for {mid}")
            row.locator("input[data-col=frist]").fill(f"0{n}.05.2027")
        builder.fill("[data-field='elev:elev']", "Ola Nordmann")
        builder.fill("[data-field='status:hovedmal']", "Eleven er på skolen hver dag")
        before = typed(builder)

        # the category list at the top filters the bank in place
        category = ed.bank.category(7)
        builder.click(f".nv-categories a[data-category='{category.id}']")
        assert builder.url == url + BUILDER
        assert builder.input_value("#nv-filter-category") == str(category.id)
        assert builder.evaluate("document.activeElement.id") == f"kat-{category.id}"
        shown = builder.eval_on_selector_all(
            "#nv-overview .nv-measure:not([hidden])", "els => els.map(e => e.dataset.id)")
        assert shown == [m.id for m in category.measures]
        assert builder.inner_text("#nv-filter-status").startswith(
            t("filter.category_shown").split("{")[0])
        # … as do the category headings in the list
        builder.click(f"#kat-{category.id} a[data-category]")
        assert builder.url == url + BUILDER
        # every other link in the bank opens in a new tab, and says so
        heading_link = builder.locator(f"#nv-overview li[data-id='{category.measures[0].id}'] "
                                       "> .nv-measure__heading a")
        assert heading_link.get_attribute("target") == "_blank"
        assert str(t("plan.new_tab")) in heading_link.inner_text()
        # a measure from the filtered list joins the plan
        fourth = category.measures[0].id
        builder.click(f"[id='legg-til-{fourth}']")
        assert plan_order(builder) == [*three, fourth]

        # a category page in another tab hands its measure to this plan
        other = context.new_page()
        fifth_cat = ed.bank.category(5)
        fifth = fifth_cat.measures[1].id
        other.goto(url + f"tiltak/{fifth_cat.slug}.html")
        link = other.locator(f"li[data-id='{fifth}'] > .nv-measure__plan a")
        wait_until(other, "performance.getEntriesByType('resource')"
                          ".some(e => e.name.endsWith('plan-channel.js'))")
        other.wait_for_timeout(200)
        link.click()
        said = other.locator(f"li[data-id='{fifth}'] > .nv-measure__plan [role=status]")
        expected = str(t("suggest.added").format(id=fifth, n=5))
        settle(lambda: said.inner_text() != "")
        assert said.inner_text() == expected
        assert other.url == url + f"tiltak/{fifth_cat.slug}.html"  # it stayed
        assert plan_order(builder) == [*three, fourth, fifth]
        # again: the plan says it has it already
        link.click()
        settle(lambda: said.inner_text() != expected)
        assert said.inner_text() == t("suggest.already").format(id=fifth)
        assert plan_order(builder) == [*three, fourth, fifth]

        # the cause mapping's suggestions hand their measures to the same plan
        form = context.new_page()
        form.goto(url + CAUSE_FORM)
        form.fill("input[name='samtale:elev']", "Kari Nordmann")
        labels = cause_labels(ed)
        ticked = {"engstelig", "sovn"}
        for cause in ticked:
            form.check(f"input[name='arsaker:folelser:{cause}']")
        expected_ids = [m.id for m in addressing(ed, ticked)]
        got = form.eval_on_selector_all("#nv-suggest-list li[data-id]",
                                        "els => els.map(e => e.dataset.id)")
        assert got == expected_ids
        assert form.inner_text("#nv-suggest-status") == \
            t("suggest.count").format(n=len(expected_ids))
        # grouped by category, in the bank's order, with the tier shown
        groups = form.eval_on_selector_all("#nv-suggest-list .nv-suggest__group",
                                           "els => els.map(e => e.dataset.category)")
        assert groups == list(dict.fromkeys(str(ed.bank.measure(i).category)
                                            for i in expected_ids))
        pick = next(m for m in addressing(ed, ticked) if m.id not in plan_order(builder))
        item = form.locator(f"#nv-suggest-list li[data-id='{pick.id}']")
        assert t("measure.tier").format(n=pick.tier) in item.inner_text()
        assert item.get_attribute("data-tier") == str(pick.tier)
        reasons = ", ".join(labels[c] for c in labels if c in ticked and c in pick.causes)
        assert f"{t('suggest.for')}: {reasons}" in item.inner_text()
        # the suggestions sit right under the question
        assert form.evaluate("document.querySelector('#nv-suggest').previousElementSibling"
                             ".querySelector(\"input[name='arsaker:folelser:engstelig']\") "
                             "!== null")
        item.locator("button").click()
        settle(lambda: form.inner_text("#nv-suggest-said") != "")
        assert form.inner_text("#nv-suggest-said") == \
            t("suggest.added").format(id=pick.id, n=6)
        assert plan_order(builder) == [*three, fourth, fifth, pick.id]
        # nothing the plan held is lost, and the form keeps what was typed in it
        after = typed(builder)
        assert {k: v for k, v in after.items() if k in before} == before
        assert form.input_value("input[name='samtale:elev']") == "Kari Nordmann"
        assert axe_violations(form) == []
        assert form.evaluate("document.documentElement.scrollWidth") <= 375

        # with no plan open, «Legg til i planen» opens the builder in a new tab with it
        builder.once("dialog", lambda d: d.accept())
        # with run_before_unload, close() returns before the page is gone: wait for it, or a
        # slow machine clicks while the builder still answers
        with builder.expect_event("close", timeout=30_000):
            builder.close(run_before_unload=True)
        time.sleep(0.3)
        other_pick = next(m for m in addressing(ed, ticked) if m.id != pick.id)
        with context.expect_page() as opened:
            form.locator(f"#nv-suggest-list li[data-id='{other_pick.id}'] button").click()
        new_builder = opened.value
        new_builder.wait_for_load_state()
        wait_until(new_builder, "document.getElementById('nv-plan-list').children.length === 1")
        assert plan_order(new_builder) == [other_pick.id]
        wait_until(new_builder, "location.hash === ''")
        assert form.inner_text("#nv-suggest-said") == \
            t("suggest.opened").format(id=other_pick.id)
        assert form.input_value("input[name='samtale:elev']") == "Kari Nordmann"
        new_builder.once("dialog", lambda d: d.accept())

        assert stored_anything(form) == {}
    finally:
        context.close()
        httpd.shutdown()
    assert errors == []
    assert [r for r in requests if not r.startswith((url, "data:", "blob:"))] == []
    assert not [r for r in requests if re.search(r"Kari|Ola|Delm", r)]


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_bank_filters_by_cause_and_tier(browser, site_dir: Path, nn_site_dir: Path,
                                            lang: str) -> None:
    ed = edition(lang)
    url, httpd = serve(site_dir if lang == "nb" else nn_site_dir)
    page = browser.new_page()
    try:
        page.goto(url + BUILDER)
        # the filter's causes are the form's options, with the form's words
        options = page.eval_on_selector_all(
            "#nv-filter input[name=cause]",
            "els => els.map(e => [e.value, e.parentElement.textContent.trim()])")
        assert options == [[k, v] for k, v in cause_labels(ed).items()]
        cases = [({"venner"}, set()), ({"hjemme", "sovn"}, set()), (set(), {"1"}),
                 ({"engstelig"}, {"2", "3"}), ({"faglig"}, {"1"})]
        for causes, tiers in cases:
            page.click("#nv-filter input[type=reset]")
            page.wait_for_timeout(50)
            for cause in causes:
                page.check(f"#nv-filter input[name=cause][value='{cause}']")
            for tier in tiers:
                page.check(f"#nv-filter input[name=tier][value='{tier}']")
            shown = page.eval_on_selector_all(
                "#nv-overview li.nv-measure:not([hidden])", "els => els.map(e => e.dataset.id)")
            visible = [i for i in shown if page.locator(f"#nv-overview li[data-id='{i}']")
                       .is_visible()]
            expected = [m.id for m in ed.measures()
                        if (not causes or causes & set(m.causes))
                        and (not tiers or str(m.tier) in tiers)]
            assert visible == shown == expected, (causes, tiers)
            assert str(len(shown)) in page.inner_text("#nv-filter-status")
    finally:
        page.close()
        httpd.shutdown()


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_causes_to_measures_without_javascript(browser, site_dir: Path, nn_site_dir: Path,
                                               lang: str) -> None:
    ed = edition(lang)
    url, httpd = serve(site_dir if lang == "nb" else nn_site_dir)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(url + TABLE)
        rows = page.locator("table tbody tr")
        labels = cause_labels(ed)
        assert rows.count() == len(labels) + 1  # and one for whatever the cause
        for i, (cause, label) in enumerate([*labels.items(), ("", str(ed.t("causes.general")))]):
            row = rows.nth(i)
            assert row.locator("th").inner_text() == label
            for tier in (1, 2, 3):
                ids = row.locator("td").nth(tier - 1).locator("a").evaluate_all(
                    "els => els.map(a => a.textContent.replace(/^\\D+/, ''))")
                expected = [m.id for m in ed.measures() if m.tier == tier
                            and ((cause in m.causes) if cause else not m.causes)]
                assert ids == expected, (cause, tier)
        # each number leads to the measure on its category page
        first = rows.nth(0).locator("td a").first
        href = first.get_attribute("href")
        mid = href.rsplit("#", 1)[1]
        page.goto(url + "tiltak/" + href)
        assert page.locator(f"[id='{mid}']").count() == 1
        # the cause mapping's page leads there without JavaScript
        page.goto(url + CAUSE_FORM)
        assert page.locator("#nv-suggest .nv-nojs a[href$='etter-arsak.html']").is_visible()
        assert not page.locator("#nv-suggest-panel").is_visible()
        page.goto(url + BUILDER)
        assert page.locator("a[href$='etter-arsak.html']").count() >= 1
    finally:
        context.close()
        httpd.shutdown()


def test_suggestions_follow_a_saved_cause_mapping_opened_again(browser, site_dir: Path,
                                                               tmp_path: Path) -> None:
    """A cause mapping saved as PDF and opened again («Åpne en lagret PDF», form-fill.js)
    brings its ticked boxes back, and the suggestions with them."""
    ed = edition("nb")
    url, httpd = serve(site_dir)
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(url + CAUSE_FORM)
        for cause in ("redd", "hjemme"):
            page.check(f"input[name='arsaker:folelser:{cause}']")
        with page.expect_download() as info:
            page.click("#nv-fill-download")
        saved = tmp_path / "arsak.pdf"
        info.value.save_as(saved)
        page.once("dialog", lambda d: d.accept())
        page.goto(url + CAUSE_FORM)
        assert page.inner_text("#nv-suggest-status") == str(ed.t("suggest.none"))
        with page.expect_file_chooser() as chooser:
            page.click("#nv-fill-open-pdf")
        chooser.value.set_files(str(saved))
        expected = [m.id for m in addressing(ed, {"redd", "hjemme"})]
        settle(lambda: page.eval_on_selector_all(
            "#nv-suggest-list li[data-id]", "els => els.map(e => e.dataset.id)") == expected)
        page.once("dialog", lambda d: d.accept())
    finally:
        context.close()
        httpd.shutdown()
