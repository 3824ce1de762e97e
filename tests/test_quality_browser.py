"""Every page of every example edition in Chromium: WCAG 2.1 AA (axe-core), no requests to
other hosts, no console errors, a skip link, visible focus, no sideways scrolling at 375 px,
and nothing written to cookies or web storage."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import serve, site_search
from .test_validity import LIGHTHOUSE_EXTRA_RULES

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# ... plus the rules Lighthouse's accessibility score also counts (aria-dialog-name,
# heading-order, target-size, …), so every page, not only the kinds Lighthouse sees, is held
# to a Lighthouse score of 1.0.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS},
               "rules": {rule: {"enabled": True} for rule in LIGHTHOUSE_EXTRA_RULES}}
AXE = Axe()


@pytest.fixture(scope="module")
def editions(site_dir: Path, nn_site_dir: Path):
    nn = nn_site_dir
    servers = {name: serve(path) for name, path in (("nb", site_dir), ("nn", nn))}
    yield {name: (url, path) for name, ((url, _), path) in
           zip(servers, zip(servers.values(), (site_dir, nn), strict=True), strict=True)}
    for _, httpd in servers.values():
        httpd.shutdown()


def all_pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))


def axe_pass(url: str, site: Path) -> dict[str, object]:
    """Every page of one edition through axe, in a Chromium of its own (this runs in a
    thread of its own: a Playwright instance per thread)."""
    from playwright.sync_api import sync_playwright

    from .conftest import CHROMIUM, CHROMIUM_ARGS

    external: list[str] = []
    errors: list[str] = []
    failures = {}
    pages = all_pages(site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        page.on("request", lambda r: external.append(r.url)
                if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
        page.on("console", lambda m: errors.append(f"{m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        for rel in pages:
            page.goto(url + rel)
            # no colour is judged half-way through a fade (the theme's «back to top» button)
            page.wait_for_function(
                "document.getAnimations().every(a => a.playState !== 'running')")
            result = AXE.run(page, options=AXE_OPTIONS)
            violations = [(v["id"], [n["target"] for n in v["nodes"]][:3])
                          for v in result.response["violations"]]
            if violations:
                failures[rel] = violations
        browser.close()
    return {"pages": len(pages), "failures": failures, "external": external, "errors": errors}


def test_every_page_passes_axe_and_stays_on_this_host(editions) -> None:
    """Both editions at once, one Chromium each (axe is most of this suite's browser time,
    and the two passes share nothing); every finding of both is reported together."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {lang: pool.submit(axe_pass, url, site)
                   for lang, (url, site) in editions.items()}
        found = {lang: future.result() for lang, future in futures.items()}
    assert all(int(str(result["pages"])) > 30 for result in found.values()), found
    clean = {"failures": {}, "external": [], "errors": []}
    assert {lang: {k: v for k, v in result.items() if k != "pages"}
            for lang, result in found.items()} == {lang: clean for lang in found}


# what axe's scrollable-region-focusable looks for, at a phone's width (the axe pass runs at
# 1280 px, where nothing scrolls): a box that scrolls, that the keyboard cannot reach
UNREACHABLE_SCROLLERS_JS = """() => {
  const focusable = 'a[href],button,input,select,textarea,summary,[tabindex]:not([tabindex="-1"])';
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el);
    const wide = ['auto', 'scroll'].includes(cs.overflowX) && el.scrollWidth > el.clientWidth + 1;
    const tall = ['auto', 'scroll'].includes(cs.overflowY) && el.scrollHeight > el.clientHeight + 1;
    if (!(wide || tall) || !el.getClientRects().length) continue;
    if (el.matches(focusable) || el.querySelector(focusable)) continue;
    out.push(el.tagName.toLowerCase() + '.' + (el.getAttribute('class') || ''));
  }
  return out;
}"""
# wide tables as regions the keyboard reaches, each with a name
NAMED_TABLE_REGIONS_JS = """() => Array.from(document.querySelectorAll(
  '.md-typeset__scrollwrap[tabindex="0"][role=region]')).filter((el) =>
  el.getAttribute('aria-label') || document.getElementById(el.getAttribute('aria-labelledby'))
).length"""


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_no_sideways_scrolling_on_a_phone(editions, browser, lang: str) -> None:
    """No page scrolls sideways at 375 px, and what scrolls inside a page (wide tables) can
    be reached and scrolled with the keyboard, as a named region."""
    url, site = editions[lang]
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    too_wide = {}
    unreachable = {}
    regions = 0
    for rel in all_pages(site):
        page.goto(url + rel)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            too_wide[rel] = width
        found = page.evaluate(UNREACHABLE_SCROLLERS_JS)
        if found:
            unreachable[rel] = found
        regions += page.evaluate(NAMED_TABLE_REGIONS_JS)
    context.close()
    assert too_wide == {}
    assert unreachable == {}
    assert regions > 0, "no wide table found: the check above saw nothing to check"


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_skip_link_and_visible_focus(editions, browser, lang: str) -> None:
    url, _ = editions[lang]
    page = browser.new_page()
    page.goto(url + "veileder/samarbeidsmote-1.html")
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return {cls: el.className, href: el.getAttribute('href'), text: el.textContent.trim(),
                outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
                visible: el.getBoundingClientRect().height > 0};
    }""")
    assert "md-skip" in focused["cls"] and focused["href"].startswith("#")
    assert focused["visible"] and focused["outline"] != "none" and focused["width"] >= 2
    # following the skip link lands in the content
    page.keyboard.press("Enter")
    target = focused["href"][1:]
    assert page.evaluate(f"document.getElementById('{target}') !== null")
    # focus on an ordinary content link is visible too
    page.focus("article a[href]")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.close()


def test_site_writes_nothing_to_cookies_or_storage(editions, browser) -> None:
    url, _ = editions["nb"]
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "tiltak/index.html")
    page.check("input[name=actor][value=hjem]")
    page.fill("#nv-filter-text", "skole")
    page.goto(url + "index.html")
    site_search(page, "garderobe", "sosial-deltakelse")
    page.goto(url + "tiltak/plan-for-naervaer.html#3.14")
    storage = page.evaluate("[Object.keys(localStorage), Object.keys(sessionStorage)]")
    assert storage == [[], []]
    assert context.cookies() == []
    context.close()


def test_search_index_loads_only_when_the_reader_starts_to_search(editions, browser) -> None:
    url, _ = editions["nb"]
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(url + "index.html", wait_until="networkidle")
    assert not any("/search/search_" in u or "/workers/" in u for u in requested)
    links = site_search(page, "garderobe", "sosial-deltakelse")
    assert any("sosial-deltakelse" in link for link in links)
    assert any("search_index.json" in u for u in requested)
    # what the reader typed never travels to the server, not even in a result link
    assert not any("garderobe" in link for link in links)
    page.click(".md-search-result__item a")
    page.wait_for_load_state()
    assert not any("garderobe" in u for u in requested)
    page.close()
