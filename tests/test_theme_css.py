"""The theme's stylesheet is cut to the rules the site can use (naervaer/site/theme_css.py):
far fewer bytes on every page, and not one pixel different.

The browser test loads pages of the built site twice in Chromium — with the cut sheet, and
with the theme's full sheet served in its place — and compares the computed style of every
element and every ``::before``/``::after``, on a desktop and a phone, with the navigation
drawer open and with search results shown (elements the theme's script makes)."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from naervaer.site.theme_css import Names, site_names, trim

THEME_SHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"


def full_sheet() -> Path:
    (sheet,) = THEME_SHEETS.glob("main.*.min.css")
    return sheet


def built_sheet(site: Path) -> Path:
    (sheet,) = (site / "assets" / "stylesheets").glob("main.*.min.css")
    return sheet


# ---------------------------------------------------------------------------- the cutting


def test_rules_that_can_match_are_kept_and_others_dropped() -> None:
    css = (".used{color:red}.unused{color:blue}.used .unused{margin:0}"
           ".unused,.used>p{padding:1px}"  # one selector of the list can match: kept whole
           "p:not(.unused){top:0}"  # a class under :not() is not required
           ":is(.unused,.other) p{left:0}"  # nor one under :is()
           "#main{width:1px}#gone{width:2px}"
           ".made--top{z-index:1}"  # made by a script as "made--" + value
           "@media screen{.unused{a:b}.used{float:left}}@media print{.unused{a:b}}"
           "@keyframes spin{0%{opacity:0}to{opacity:1}}"
           "a{color:red!important}")
    out = trim(css, Names({"used", "main", "made--"}), set())
    assert ".unused{color:blue}" not in out and ".used .unused" not in out
    assert "#gone" not in out and "@media print" not in out
    for kept in (".used{color:red}", ".unused,.used>p{padding:1px}", "p:not(.unused){top:0}",
                 ":is(.unused,.other) p{left:0}", "#main{width:1px}", ".made--top{z-index:1}",
                 "@media screen{.used{float:left}}", "@keyframes spin",
                 "a{color:red!important}"):
        assert kept in out, (kept, out)


def test_custom_properties_are_kept_when_used_directly_or_through_another() -> None:
    css = (":root{--a:1px;--b:var(--c);--c:red;--d:blue;--e:url(\"data:image/svg+xml;"
           "charset=utf-8,<svg xmlns='http://www.w3.org/2000/svg'/>\");--f:2px}"
           ".x{width:var(--a);color:var(--b)}.gone{color:var(--d)}")
    out = trim(css, Names({"x"}), {"--f"})  # --f: used by one of our stylesheets
    for kept in ("--a:1px", "--b:var(--c)", "--c:red", "--f:2px"):
        assert kept in out, (kept, out)
    assert "--d" not in out and "--e" not in out and ".gone" not in out


def test_names_come_from_pages_scripts_and_the_search_index(tmp_path: Path) -> None:
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "search").mkdir()
    (tmp_path / "p.html").write_text('<div class="a b" id="c" style="--own:1"></div>')
    (tmp_path / "assets" / "javascripts" / "bundle.123.min.js").write_text(
        'h("div",{class:"md-x"});e.classList.add(`md-tip--${pos}`)')
    (tmp_path / "assets" / "ours.js").write_text("el.className = 'nv-y';")
    (tmp_path / "assets" / "ours.css").write_text(".z{color:var(--md-z)}")
    (tmp_path / "search" / "search_index.json").write_text('{"text":"<p class=\\"idx\\">"}')
    names, properties = site_names(tmp_path)
    for name in ("a", "b", "c", "md-x", "nv-y", "idx", "md-tip--top"):
        assert name in names, name
    assert "md-gone" not in names
    assert {"--own", "--md-z"} <= properties


def test_the_built_sheet_is_cut_renamed_and_named_by_every_page(site_dir: Path) -> None:
    sheet = built_sheet(site_dir)
    full = full_sheet()
    assert sheet.name != full.name, "the cut sheet must not take the full sheet's name"
    assert sheet.stat().st_size < 0.7 * full.stat().st_size, (sheet.stat().st_size,
                                                               full.stat().st_size)
    assert not list(sheet.parent.glob("main.*.css.map")), "a map of the full sheet"
    for page in site_dir.rglob("*.html"):
        if "assets" in page.relative_to(site_dir).parts:
            continue
        refs = re.findall(r'<link rel="stylesheet" href="[^"]*stylesheets/(main\.\w+\.min\.css)"',
                          page.read_text())
        assert refs == [sheet.name], (page, refs)


# ---------------------------------------------------------------------- not one pixel off

STYLES_JS = """() => {
  // real properties only: the custom ones no rule uses are left out on purpose
  const names = Array.from(getComputedStyle(document.documentElement))
    .filter((n) => !n.startsWith('--'));
  const out = [];
  let i = 0;
  for (const el of document.querySelectorAll('body, body *')) {
    i += 1;
    const who = `${i} ${el.tagName.toLowerCase()}#${el.id}.${el.getAttribute('class') || ''}`;
    for (const pseudo of [null, '::before', '::after']) {
      const cs = getComputedStyle(el, pseudo);
      if (pseudo && cs.content === 'none' && cs.display !== 'none') {
        out.push(`${who}${pseudo} content:none`);
        continue;
      }
      out.push(who + (pseudo || '') + ' ' + names.map((n) => n + ':' + cs.getPropertyValue(n))
        .join(';'));
    }
  }
  return out;
}"""

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}


def _open_drawer(page) -> None:
    page.click("label.md-header__button[for=__drawer]")
    page.wait_for_timeout(100)


def _search(page) -> None:
    page.click("label.md-header__button[for=__search]" if page.viewport_size["width"] < 960
               else ".md-search__input")
    page.locator("input.md-search__input").press_sequentially("fravær", delay=10)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    if page.viewport_size["width"] < 960:
        # on a phone the theme locks the page's scrolling 400 ms after the search opens
        # (`body[data-md-scrolllock]`, position: fixed): compare both sheets in that state
        page.wait_for_selector("body[data-md-scrolllock]", state="attached", timeout=10_000)
    page.wait_for_timeout(200)


CASES = [
    ("index.html", DESKTOP, None),
    ("tiltak/index.html", DESKTOP, None),
    ("veileder/skole-hjem-samarbeid.html", DESKTOP, None),
    ("foreldre/ar.html", DESKTOP, None),
    ("404.html", DESKTOP, None),
    ("index.html", PHONE, _open_drawer),
    ("tiltak/index.html", PHONE, _search),
]


def _styles(browser, url: str, viewport: dict, action, full: bytes | None) -> list[str]:
    context = browser.new_context(viewport=viewport, reduced_motion="reduce")
    page = context.new_page()
    if full is not None:
        page.route(re.compile(r".*/assets/stylesheets/main\.[0-9a-f]+\.min\.css$"),
                   lambda route: route.fulfill(body=full, content_type="text/css"))
    page.goto(url, wait_until="networkidle")
    if action is not None:
        action(page)
    styles = page.evaluate(STYLES_JS)
    context.close()
    return styles


@pytest.mark.browser
def test_the_cut_sheet_styles_every_element_exactly_as_the_full_one(
        browser, site_dir: Path, base_url: str) -> None:
    full = full_sheet().read_bytes()
    form = next(p.name for p in (site_dir / "skjema").glob("*.html") if p.name != "index.html")
    problems = []
    for path, viewport, action in CASES + [(f"skjema/{form}", PHONE, None)]:
        cut = _styles(browser, base_url + path, viewport, action, None)
        whole = _styles(browser, base_url + path, viewport, action, full)
        assert len(whole) > 100, (path, "too few elements: the page did not load")
        if len(cut) != len(whole):
            problems.append(f"{path} {viewport['width']}px: {len(cut)} vs {len(whole)} boxes")
            continue
        for a, b in zip(cut, whole, strict=True):
            if a != b:
                who = a.split(" ", 2)[:2]
                diff = sorted(set(a.split(";")) ^ set(b.split(";")))[:6]
                problems.append(f"{path} {viewport['width']}px {' '.join(who)}: {diff}")
                break
    assert not problems, "the cut stylesheet styles differently:\n" + "\n".join(problems)
