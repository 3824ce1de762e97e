"""Valid to the letter, on every page of both example editions: the W3C Nu HTML Checker
finds no error, no heading level is skipped, and Lighthouse's accessibility category scores
1.0 on each kind of page. (axe-core over every page, with Lighthouse's extra rules, is in
test_quality_browser.py.)

The checkers are pinned in tools/package-lock.json and installed by ./setup.sh."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import CHROMIUM, ROOT, serve

TOOLS = ROOT / "tools"
VNU = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = TOOLS / "lighthouse-a11y.mjs"
LIGHTHOUSE_GATHERER = (TOOLS / "node_modules" / "lighthouse" / "core" / "gather" / "gatherers"
                       / "accessibility.js")

# Lighthouse runs axe-core with the WCAG 2 A/AA tags plus rules it switches on
# (core/gather/gatherers/accessibility.js in Lighthouse 12.8.2); these are the ones its
# accessibility score counts. test_quality_browser.py adds them to its axe run over every
# page, so a page Lighthouse would mark down fails there too; test_lighthouse_rules_are_current
# keeps this list in step with the pinned Lighthouse.
LIGHTHOUSE_EXTRA_RULES = (
    "accesskeys", "aria-allowed-role", "aria-conditional-attr", "aria-deprecated-role",
    "aria-dialog-name", "aria-prohibited-attr", "aria-text", "aria-treeitem-name",
    "heading-order", "html-xml-lang-mismatch", "image-redundant-alt", "input-button-name",
    "link-in-text-block", "meta-viewport", "select-name", "skip-link", "tabindex",
    "table-duplicate-name", "target-size",
)

# One page of each kind, as a reader meets them; Lighthouse is slow (seconds a page), so
# it sees these, while the Nu checker, the heading check and axe see every page.
PAGE_TYPES = {
    "start": "index.html",
    "guide page": "veileder/samarbeidsmote-1.html",
    "measure category": "tiltak/plan-for-naervaer.html",
    "measure overview": "tiltak/index.html",
    "forms page": "skjema/index.html",
    "process map": "gangen-i-arbeidet.html",
}


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def need(path: Path, what: str) -> None:
    if not path.exists():
        pytest.fail(f"{what} is missing ({path}); run ./setup.sh")


# -- W3C Nu HTML Checker --------------------------------------------------------------------

def nu_errors(pages: list[Path]) -> list[dict[str, object]]:
    """All errors the Nu checker finds in ``pages`` — one Java run (it is slow to start)."""
    need(VNU, "The W3C Nu HTML Checker (tools/node_modules/vnu-jar)")
    if shutil.which("java") is None:
        pytest.fail("java is missing; run ./setup.sh (Debian: default-jre-headless)")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True, text=True, timeout=300,
    )
    # vnu writes its JSON report to stderr; exit status 1 means "errors found"
    report = json.loads(result.stderr or result.stdout)
    return [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]


@pytest.mark.parametrize("edition", ["site_dir", "nn_site_dir"])
def test_every_page_passes_the_w3c_nu_html_checker(edition: str,
                                                   request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(edition)
    pages = html_pages(site)
    assert len(pages) > 30
    errors = nu_errors(pages)
    summary = Counter(
        f"{str(m.get('url', '')).rsplit(str(site), 1)[-1]}: {m['message']}" for m in errors)
    assert not errors, "\n".join(f"{n} × {text}" for text, n in summary.most_common(40))


def test_the_nu_checker_finds_what_it_should(tmp_path: Path) -> None:
    """The checker run is real: the markup the theme used to produce is reported."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>x</title></head>'
        '<body><input type="checkbox" id="t" autocomplete="off"><label for="t" tabindex="">'
        "t</label><h1>x</h1><h3>y</h3></body></html>", encoding="utf-8")
    messages = " | ".join(str(m["message"]) for m in nu_errors([page]))
    assert "tabindex" in messages
    assert "autocomplete" in messages
    assert "skipping 1 heading level" in messages


# -- heading order --------------------------------------------------------------------------

class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.levels: list[tuple[int, int]] = []  # (level, line)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append((int(tag[1]), self.getpos()[0]))


def heading_problems(html: str) -> list[str]:
    """One h1, first; after it no heading more than one level deeper than the one before."""
    parser = _Headings()
    parser.feed(html)
    levels = parser.levels
    problems = []
    if [level for level, _ in levels].count(1) != 1:
        problems.append(f"{[lv for lv, _ in levels].count(1)} × h1")
    previous = 0
    for level, line in levels:
        if level > previous + 1:
            problems.append(f"line {line}: h{level} after h{previous or '–'}")
        previous = level
    return problems


def test_heading_check_sees_a_skipped_level() -> None:
    assert heading_problems("<h1>a</h1><h2>b</h2><h3>c</h3><h2>d</h2><h3>e</h3>") == []
    assert heading_problems("<h1>a</h1><h3>b</h3>") == ["line 1: h3 after h1"]
    assert heading_problems("<h2>a</h2><h3>b</h3>") == ["0 × h1", "line 1: h2 after h–"]


@pytest.mark.parametrize("edition", ["site_dir", "nn_site_dir"])
def test_no_page_skips_a_heading_level(edition: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(edition)
    problems = {}
    for page in html_pages(site):
        found = heading_problems(page.read_text(encoding="utf-8"))
        if found:
            problems[str(page.relative_to(site))] = found
    assert problems == {}


# -- the theme's markup, fixed where it is loaded -------------------------------------------

def test_theme_fixes_fit_the_installed_theme_and_stop_the_build_when_it_changes() -> None:
    from naervaer.site import theme_fixes

    for fix in theme_fixes.FIXES:
        source = (theme_fixes.THEME_TEMPLATES / fix.template).read_text(encoding="utf-8")
        assert source.count(fix.old) == fix.count, fix.template
    with pytest.raises(theme_fixes.ThemeFixError, match="base.html has changed"):
        theme_fixes.apply_fixes("base.html", "<body></body>", [theme_fixes.FIXES[0]])


@pytest.mark.parametrize("edition,lang", [("site_dir", "nb"), ("nn_site_dir", "nn")])
def test_the_theme_names_its_navigation_in_the_editions_language(
        edition: str, lang: str, request: pytest.FixtureRequest) -> None:
    import yaml

    site: Path = request.getfixturevalue(edition)
    ui = yaml.safe_load((Path(__file__).parent.parent / "data" / "ui.yaml").read_text("utf-8"))
    want = {ui["theme.header"][lang], ui["theme.footer"][lang]}
    wrong = {}
    for page in html_pages(site):
        labels = set(re.findall(r'<nav class="md-(?:header|footer)__inner[^"]*" '
                                r'aria-label="([^"]*)"', page.read_text(encoding="utf-8")))
        if not labels or not labels <= want:
            wrong[str(page.relative_to(site))] = labels
    assert wrong == {}, f"expected {want}"


@pytest.mark.browser
def test_search_submit_and_back_button_behave(browser, base_url: str) -> None:
    """The added submit button moves to the results (nothing in the URL, no error); a menu
    left open is closed again when the reader comes back with «back»."""
    from .conftest import site_search

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base_url + "index.html")
    assert site_search(page, "garderobe", "sosial-deltakelse")
    page.focus("button.nv-search-submit")  # shown when focused; pressed from the keyboard
    assert page.eval_on_selector("button.nv-search-submit", "b => b.offsetWidth > 20")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.matches('.md-search-result__list a')")
    assert page.url == base_url + "index.html" and errors == []
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(base_url + "index.html")
    page.click("label.md-header__button[for=__drawer]")
    assert page.is_checked("#__drawer")
    page.click(".md-nav--primary a[href$='personvern.html']")
    page.wait_for_load_state()
    page.go_back()
    page.wait_for_load_state()
    assert not page.is_checked("#__drawer", timeout=2_000)
    context.close()


# -- Lighthouse -----------------------------------------------------------------------------

def test_lighthouse_rules_are_current() -> None:
    """LIGHTHOUSE_EXTRA_RULES are the rules the pinned Lighthouse switches on and scores."""
    need(LIGHTHOUSE_GATHERER, "Lighthouse (tools/node_modules/lighthouse)")
    enabled = set(re.findall(r"'([a-z0-9-]+)': \{enabled: true\}",
                             LIGHTHOUSE_GATHERER.read_text(encoding="utf-8")))
    config = (LIGHTHOUSE_GATHERER.parents[2] / "config" / "default-config.js").read_text(
        encoding="utf-8")
    scored = {rule for rule, weight in re.findall(r"\{id: '([a-z0-9-]+)', weight: (\d+)", config)
              if int(weight) > 0}
    assert {"aria-dialog-name", "target-size", "heading-order"} <= enabled & scored
    assert set(LIGHTHOUSE_EXTRA_RULES) == enabled & scored


@pytest.mark.browser
def test_lighthouse_accessibility_is_1_on_every_kind_of_page(site_dir: Path,
                                                            nn_site_dir: Path) -> None:
    """The real Lighthouse (pinned in tools/), its accessibility category, in Debian's
    Chromium: one Chromium for both editions (tools/lighthouse-a11y.mjs)."""
    need(LIGHTHOUSE, "tools/lighthouse-a11y.mjs")
    need(TOOLS / "node_modules" / "lighthouse", "Lighthouse (tools/node_modules/lighthouse)")
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing; run ./setup.sh")
    servers = [serve(site) for site in (site_dir, nn_site_dir)]
    try:
        urls = [base + path for base, _ in servers for path in PAGE_TYPES.values()]
        result = subprocess.run(
            [node, str(LIGHTHOUSE), *urls], capture_output=True, text=True, timeout=240,
            env={**os.environ, "CHROME_PATH": CHROMIUM}, cwd=TOOLS,
        )
    finally:
        for _, httpd in servers:
            httpd.shutdown()
    assert result.returncode == 0, result.stderr[-3000:]
    scores = json.loads(result.stdout)
    assert set(scores) == set(urls)
    below = {url: (r["score"], r.get("error"), r["failed"]) for url, r in scores.items()
             if r["score"] != 1}
    assert below == {}


# -- hosting: the nginx example on the editors' page ----------------------------------------

def nginx_example(site: Path) -> str:
    import html as html_lib

    page = (site / "lokal-versjon.html").read_text(encoding="utf-8")
    start = page.index('class="language-nginx"')
    code = page[page.index(">", start) + 1:page.index("</code>", start)]
    return html_lib.unescape(re.sub(r"<[^>]+>", "", code))


def test_nginx_example_compresses_text_and_caches_only_hashed_theme_files(site_dir: Path) -> None:
    example = nginx_example(site_dir)
    assert "gzip on;" in example
    gzip_types = re.search(r"gzip_types ([^;]+);", example)
    assert gzip_types is not None  # text/html is always compressed once gzip is on
    for kind in ("text/css", "application/javascript", "application/json", "image/svg+xml"):
        assert kind in gzip_types.group(1).split()
    # the long-lived rule matches exactly the theme's hashed files in this build
    rule = re.search(r'"~(\S+)" "public, max-age=31536000, immutable";', example)
    assert rule is not None
    long_lived = re.compile(rule.group(1))
    files = ["/" + str(p.relative_to(site_dir)) for p in site_dir.rglob("*") if p.is_file()]
    cached = {f for f in files if long_lived.search(f)}
    assert any(re.fullmatch(r"/assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js", f) for f in cached)
    assert any(re.fullmatch(r"/assets/stylesheets/main\.[0-9a-f]{8}\.min\.css", f) for f in cached)
    assert not {f for f in cached if not re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", f)}
    assert 'default "no-cache";' in example  # pages and everything else: revalidate
    # the CSP header, from the file the build writes next to csp-header.txt
    assert "include /var/www/naervaer/nginx-csp.conf;" in example
    header = (site_dir / "csp-header.txt").read_text(encoding="utf-8").strip()
    assert (site_dir / "nginx-csp.conf").read_text(encoding="utf-8") == (
        f'add_header Content-Security-Policy "{header}" always;\n')
