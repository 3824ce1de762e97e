"""What the browser tests of the tools share: ranges read independently of the code under
test, text as a reader sees it, polling under the site's CSP, and axe."""

from __future__ import annotations

import time

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError

from naervaer.content.edition import Edition

AXE = Axe()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


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
