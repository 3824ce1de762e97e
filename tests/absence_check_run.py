"""The absence check in Chromium, as a reader uses it (called by test_tools_browser): verdicts
around every local threshold, what the counts prove over longer and shorter periods, the
contact-home rule, the next steps, inline messages and limits for bad input."""

from __future__ import annotations

from naervaer.content.edition import Edition

from .absence_oracle import count_status
from .browser_kit import axe_violations, days_of, ends, plain

CHECK_PAGE = "veileder/bekymringsfullt-fravaer.html"
FIELDS = ("weeks", "days", "leaves_early", "skipped_lessons", "school_days")
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
