"""The absence check and the plan builder in Debian's Chromium, one pass per example edition:
verdicts around every local threshold, inline messages for bad input, a plan built from the
bank and downloaded as the filled cooperation agreement (read back with pypdf), the limit of
the agreement's table, copy as text; axe, 375 px, no storage, nothing sent anywhere."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from pypdf import PdfReader

from naervaer.content.edition import Edition, load_edition
from naervaer.content.schema.bank import Measure
from naervaer.forms.layout import layout

from .absence_oracle import count_status
from .conftest import DEFAULT_SETTINGS, EDITIONS, serve

pytestmark = pytest.mark.browser

AXE = Axe()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHECK_PAGE = "veileder/bekymringsfullt-fravaer.html"
BUILDER = "tiltak/index.html"
FORM = "avtale-foresatte-skole"
FIELDS = ("weeks", "days", "leaves_early", "skipped_lessons", "school_days")


def ends(setting: str) -> tuple[int, int]:
    """«3–4» → (3, 4); «2» → (2, 2) — read here, independently of the code under test."""
    numbers = [int(n) for n in setting.split("–")]
    return numbers[0], numbers[-1]


def days_of(ed: Edition) -> int:
    """The days of a days rule (editions with a share rule: test_percent_edition)."""
    days = ed.settings.concern.days
    assert days is not None
    return days


def plain(text: object) -> str:
    return " ".join(str(text).split())


def wait_until(page, expression: str, timeout: float = 15) -> None:
    """Poll ``expression`` (page.wait_for_function would need 'unsafe-eval', which the
    site's CSP rightly forbids)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if page.evaluate(expression):
                return
        except PlaywrightError:  # e.g. the page is still navigating
            pass
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        page.wait_for_timeout(50)


def axe_violations(page) -> list:
    # let running transitions end first (the theme's «back to top» button fades in after a
    # scroll): axe measures contrast as drawn, and a half-faded button reads as too faint
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")
    result = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]]


# -- the absence check ------------------------------------------------------------------------

STATUS_ORDER = ("reached", "high", "unclear", "short", "not")


def expected_verdict(ed: Edition, weeks: int, days: int, leaves: int, lessons: int
                     ) -> tuple[str, dict[str, str]]:
    """The local rule as the page states it (at least N days within at most the upper end
    of the week range; counts reached from the lower end of their range, in the same
    window), applied to the counts by enumeration (tests/absence_oracle.py): «reached» when
    every spread of the counts puts a threshold into some window, «not» when none can,
    «unclear» in between; a period shorter than the window is «reached» when it holds the
    threshold, «high» when its pace would, else «short»."""
    concern = ed.settings.concern
    window = ends(concern.weeks)[1]
    thresholds = {"days": (days_of(ed), 5), "leaves_early": (ends(concern.leaves_early)[0], 5),
                  "skipped_lessons": (ends(concern.skipped_lessons)[0], None)}
    counts = {"days": days, "leaves_early": leaves, "skipped_lessons": lessons}
    status = {}
    for key, (at_least, cap) in thresholds.items():
        c = counts[key]
        if weeks < window:
            status[key] = ("reached" if c >= at_least else
                           "high" if c * window >= at_least * weeks else "short")
        else:
            status[key] = count_status(weeks, window, at_least, cap, c)
    return next(v for v in STATUS_ORDER if v in status.values()), status


def expected_steps(verdict: str, contact: bool) -> set[str]:
    shown = {"reached": {"contact", "report", "mapping", "meeting"}, "high": {"contact", "high"},
             "unclear": {"count", "watch"}, "short": {"count", "watch"}, "not": {"watch"}}
    return shown[verdict] | ({"contact"} if contact else set())


def check_cases(ed: Edition) -> list[tuple[int, int, int, int]]:
    """(weeks, days, left early, skipped lessons) just under, at and over each threshold,
    inside, at and just outside the window, over longer periods around what the counts prove,
    and in short periods with a high pace."""
    concern = ed.settings.concern
    d, w = days_of(ed), ends(concern.weeks)[1]
    low_w = ends(concern.weeks)[0]
    le, sl = ends(concern.leaves_early)[0], ends(concern.skipped_lessons)[0]
    fewest_weeks = -(-d // 5)  # the shortest period that can hold d school days
    contact = ed.settings.deadlines.contact_after_days
    # a period one week longer than the window: proved from d + 5 (more than the other
    # week can hold), open below it
    cases = [
        (w, d - 1, 0, 0), (w, d, 0, 0), (w, d + 1, 0, 0), (w + 1, d, 0, 0),
        (w + 1, d - 1, 0, 0), (fewest_weeks, d, 0, 0), (low_w, d, 0, 0), (w, 0, 0, 0),
        (w + 1, d + 4, 0, 0), (w + 1, d + 5, 0, 0), (w + 1, 5 * (w + 1), 0, 0),
        (2 * w, 2 * d - 2, 0, 0), (2 * w, 2 * d - 1, 0, 0), (3 * w + 1, 3 * (d - 1) + 1, 0, 0),
        (1, 5, 0, 0), (1, d - 1, 0, 0), (1, 1, 0, 0), (1, 0, 0, 0),
        (w, 0, le - 1, 0), (w, 0, le, 0), (w + 1, 0, le, 0), (w + 1, 0, le - 1, 0),
        (w + 1, 0, 2 * le, 0), (w, 0, 0, sl - 1), (w, 0, 0, sl), (w, 0, 0, sl + 1),
        (w + 1, 0, 0, sl), (w + 1, 0, 0, 2 * sl - 1), (1, 0, 0, sl),
        (w, d - 1, le - 1, sl - 1), (w, d - 1, le - 1, sl), (w + 1, d - 1, le, 0),
        (w, contact, 0, 0), (w, contact - 1, 0, 0),
    ]
    return [c for c in cases if min(c) >= 0 and c[0] >= 1 and c[1] + c[2] <= 5 * c[0]]


def submit(page, **values: object) -> None:
    for key in FIELDS:
        page.fill(f"#nv-absence-{key}", str(values.get(key, "")))
    page.click("#nv-absence-form button[type=submit]")


def run_absence_check(page, url: str, ed: Edition) -> None:
    t = ed.t
    page.goto(url + CHECK_PAGE)
    cases = check_cases(ed)
    assert len(cases) >= 25
    seen = {expected_verdict(ed, *case)[0] for case in cases}
    assert seen == set(STATUS_ORDER)  # every verdict is met
    for weeks, days, leaves, lessons in cases:
        submit(page, weeks=weeks, days=days, leaves_early=leaves or "",
               skipped_lessons=lessons or "")
        verdict, status = expected_verdict(ed, weeks, days, leaves, lessons)
        case = (weeks, days, leaves, lessons)
        result = page.locator("#nv-absence-result")
        assert result.get_attribute("data-verdict") == verdict, case
        window = ends(ed.settings.concern.weeks)[1]

        def week(n: int) -> str:
            return t("check.week_one" if n == 1 else "check.week_other").format(n=n)

        said = plain(result.inner_text())
        assert plain(t(f"check.verdict_{verdict}").format(window=week(window),
                                                          period=week(weeks))) in said, case
        if verdict == "unclear":  # it says what to count
            assert plain(t("check.unclear_hint").format(
                window=week(window), n=weeks - window + 1)) in said, case
        for key, expected in status.items():
            item = result.locator(f"li[data-key={key}]")
            assert item.get_attribute("data-status") == expected, (case, key)
            assert item.inner_text().startswith(t(f"check.status_{expected}")), (case, key)
        # the contact-home rule is applied and shown, whatever the verdict
        contact = days >= ed.settings.deadlines.contact_after_days
        line = result.locator("li[data-key=contact]")
        assert line.get_attribute("data-status") == ("applies" if contact else "not"), case
        assert line.inner_text().startswith(
            t(f"check.status_contact_{'applies' if contact else 'not'}")), case
        shown = set(page.eval_on_selector_all(
            "#nv-absence-next [data-next]:not([hidden])", "els => els.map(e => e.dataset.next)"))
        assert shown == expected_steps(verdict, contact), case
        assert page.is_visible("#nv-absence-next"), case

    # the percentage when the school days are given
    concern = ed.settings.concern
    window = ends(concern.weeks)[1]
    school_days = window * 5 - 1
    submit(page, weeks=window, days=days_of(ed), school_days=school_days)
    percent = f"{round(days_of(ed) / school_days * 1000) / 10:.1f}".replace(".", ",")
    percent = percent.removesuffix(",0")
    expected = t("check.percent").format(percent=percent, days=days_of(ed),
                                         school_days=school_days)
    assert expected in page.inner_text("#nv-absence-result")
    # links of the next steps lead to the guide and the forms of this edition
    assert page.locator("#nv-absence-next a[href*='samarbeidsmote-1']").count() >= 1
    assert axe_violations(page) == []

    # bad input: a message at the field, and no verdict
    w5 = window * 5
    week_word = t("check.week_other").format(n=window)
    invalid = [
        ({"weeks": "", "days": "3"}, "weeks", t("check.err_required")),
        ({"weeks": "fire", "days": "3"}, "weeks", t("check.err_number")),
        ({"weeks": window, "days": "-2"}, "days", t("check.err_negative")),
        ({"weeks": window, "days": ""}, "days", t("check.err_required")),
        ({"weeks": "0", "days": "0"}, "weeks", t("check.err_weeks_min")),
        ({"weeks": "53", "days": "1"}, "weeks", t("check.err_weeks_max").format(max=52)),
        ({"weeks": window, "days": w5 + 1}, "days", t("check.err_days_max").format(max=w5)),
        ({"weeks": window, "days": 3, "school_days": w5 + 1}, "school_days",
         t("check.err_school_days_max").format(weeks=week_word, max=w5)),
        ({"weeks": window, "days": 6, "school_days": 5}, "days",
         t("check.err_days_max").format(max=5)),
        ({"weeks": 1, "days": 3, "leaves_early": 3}, "leaves_early",
         t("check.err_leaves_early_max").format(max=2)),
        ({"weeks": window, "days": 1, "skipped_lessons": "mange"}, "skipped_lessons",
         t("check.err_number")),
        # every count has an upper limit (the issue: «1e+23 ganger» was accepted)
        ({"weeks": 1, "days": 2, "skipped_lessons": "100000000000000000000000"},
         "skipped_lessons", t("check.err_skipped_lessons_max").format(
             max=30, per_day=10, days=t("check.day_other").format(n=3))),
        ({"weeks": 1, "days": 2, "skipped_lessons": "1e+23"}, "skipped_lessons",
         t("check.err_number")),
        ({"weeks": window, "days": 1, "leaves_early": "99999999999"}, "leaves_early",
         t("check.err_leaves_early_max").format(max=w5 - 1)),
        # decimals get advice for what is counted
        ({"weeks": "4,5", "days": 3}, "weeks", t("check.err_decimal_weeks")),
        ({"weeks": window, "days": "2.5"}, "days", t("check.err_decimal_days")),
        ({"weeks": window, "days": 2, "leaves_early": "1,5"}, "leaves_early",
         t("check.err_decimal_times")),
        ({"weeks": window, "days": 2, "school_days": "17,5"}, "school_days",
         t("check.err_decimal_school_days")),
    ]
    for values, field, message in invalid:
        submit(page, **values)
        result = page.locator("#nv-absence-result")
        assert result.get_attribute("data-verdict") == "invalid", values
        assert result.inner_text().strip() == t("check.err_summary"), values
        error = page.locator(f"#nv-absence-{field}-error")
        assert error.is_visible() and error.inner_text() == f"{t('check.err_prefix')} {message}"
        field_input = page.locator(f"#nv-absence-{field}")
        assert field_input.get_attribute("aria-invalid") == "true"
        assert error.get_attribute("id") in field_input.get_attribute("aria-describedby")
        assert page.evaluate("document.activeElement.id") == f"nv-absence-{field}", values
        assert page.locator(".nv-absence__error:visible").count() == 1, values
        assert not page.is_visible("#nv-absence-next")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.url == url + CHECK_PAGE  # nothing typed went into the address


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
    ed = load_edition(DEFAULT_SETTINGS if lang == "nb" else EDITIONS / "fjordvik.yml")
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
        storage = page.evaluate("""async () => [Object.keys(localStorage),
            Object.keys(sessionStorage), (await indexedDB.databases()).length]""")
        assert storage == [[], [], 0]
        assert context.cookies() == []
    finally:
        context.close()
        httpd.shutdown()
    assert errors == []
    assert [r for r in requests if not r.startswith((url, "data:", "blob:"))] == []
    # nothing typed ever travelled in a URL
    assert not [r for r in requests if re.search(r"Nguy|Delm|%C3%86rlig|mange|fire", r)]


def test_the_rule_is_text_without_javascript(browser, site_dir: Path) -> None:
    ed = load_edition(DEFAULT_SETTINGS)
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
