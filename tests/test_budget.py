"""First-load budget: every page of both editions loads at most 300 KB before the reader does
anything (the brief: «Fast: keep first load ≤ 300 KB»).

Counted without a browser, from the built files: the page's HTML plus everything it names
that a browser fetches at once from 'self' — stylesheets (and their ``@import`` and ``url()``
files: fonts, images), classic and module scripts and the static ``import``s of modules,
``modulepreload``/``preload`` links, the favicon, and every ``<img>`` (lazy or not:
Chromium fetches lazy images near the viewport anyway, so all are counted). Not counted:
dynamic ``import()`` and
``fetch()`` that run only when the reader acts (search index, pdf-fill.js, the PDF form).

Checked against bench/run.py's ``first_load_bytes()`` (Playwright, Chromium, networkidle) on
the default edition (raw bytes; 2026-12-02, with the theme's stylesheet cut):
  index.html                               static 246 483   Playwright 246 483 (8 files)
  veileder/bekymringsfullt-fravaer.html    static 250 444   Playwright 250 444 (10 files)
  skjema/samarbeidsmote-2.html             static 261 701   Playwright 261 701 (10 files)
  skjema/index.html                        static 314 942   Playwright 279 819 (12 files)
The forms page differs only by its lazy preview images: Chromium fetched the ones near the
viewport (4 of 24 at 1280×720); the static sum counts all, as a tall phone or a scroll would.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

KB = 1024
BUDGET = 300 * KB

CSS_REF = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)"""
                     r"""|url\(\s*['"]?([^'")]+)['"]?\s*\)""")
# static imports only: `import x from "./a.js"`, `import "./a.js"`, `export * from "./a.js"`;
# never `import("./a.js")` (loaded when the reader acts)
JS_IMPORT = re.compile(r"""(?:^|[;\n}])\s*(?:import|export)\s*"""
                       r"""(?:[\w*{}\s,$]+\s*from\s*)?['"]([^'"]+)['"]""")


class _Refs(HTMLParser):
    """What a browser fetches from an HTML page at first load: (kind, href)."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link":
            rel = a.get("rel", "").lower().split()
            if "stylesheet" in rel:
                self.refs.append(("css", a.get("href", "")))
            elif "icon" in rel:  # Chromium fetches the favicon at once
                self.refs.append(("file", a.get("href", "")))
            elif "modulepreload" in rel:
                self.refs.append(("module", a.get("href", "")))
            elif "preload" in rel:
                self.refs.append(("css" if a.get("as") == "style" else "file", a.get("href", "")))
        elif tag == "script" and a.get("src"):
            self.refs.append(("module" if a.get("type") == "module" else "file", a["src"]))
        elif a.get("src") and (tag == "img" or (tag == "input" and a.get("type") == "image")):
            self.refs.append(("file", a["src"]))
        elif tag in ("video", "audio") and a.get("poster"):
            self.refs.append(("file", a["poster"]))


def _local(base: Path, href: str, site: Path) -> Path | None:
    """The built file an URL in ``base`` names, or None for data:, other hosts, fragments."""
    href = href.strip()
    if not href or href.startswith(("data:", "#", "blob:")):
        return None
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None  # other hosts are test_site's concern (and forbidden there)
    path = unquote(parts.path)
    target = (site / path.lstrip("/")) if path.startswith("/") else (base.parent / path)
    target = target.resolve()
    if target.is_dir():
        target = target / "index.html"
    return target


def first_load(page: Path, site: Path) -> dict[str, int]:
    """{site-relative file: raw bytes} for everything ``page`` loads at first load."""
    loaded: dict[Path, int] = {}
    missing: list[str] = []

    def add(kind: str, path: Path | None, href: str) -> None:
        if path is None or path in loaded:
            return
        if not path.is_file():
            missing.append(href)
            return
        loaded[path] = path.stat().st_size
        if kind == "css":
            text = path.read_text(encoding="utf-8", errors="replace")
            text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
            for imp, url in CSS_REF.findall(text):
                ref = imp or url
                add("css" if imp else "file", _local(path, ref, site), ref)
        elif kind == "module":
            text = path.read_text(encoding="utf-8", errors="replace")
            text = re.sub(r"/\*.*?\*/|^\s*//[^\n]*", "", text, flags=re.S | re.M)
            for ref in JS_IMPORT.findall(text):
                add("module", _local(path, ref, site), ref)

    loaded[page.resolve()] = page.stat().st_size
    parser = _Refs()
    parser.feed(page.read_text(encoding="utf-8"))
    for kind, href in parser.refs:
        add(kind, _local(page, href, site), href)
    assert not missing, f"{page.relative_to(site)} names files that are not built: {missing}"
    return {str(p.relative_to(site.resolve())): n for p, n in loaded.items()}


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts)


def over_budget(site: Path) -> list[str]:
    report = []
    for page in pages(site):
        files = first_load(page, site)
        total = sum(files.values())
        if total > BUDGET:
            lines = [f"  {n:>8}  {name}" for name, n in sorted(files.items(), key=lambda x: -x[1])]
            report.append(f"{page.relative_to(site)}: {total} bytes ({total / KB:.0f} KB) "
                          f"> {BUDGET} ({len(files)} files)\n" + "\n".join(lines))
    return report


# NOT DONE: pages still over the budget, in either edition. The theme's own bundle (114 KB)
# and its stylesheet (cut to ~79 KB by naervaer/site/theme_css.py), plus our naervaer.css/js
# and lazy-search.js, cost about 210 KB on every page, which leaves about 90 KB for a page's
# own HTML and images.
# Each page named here fails for the reason given; the list must stay exact: a page that gets
# within the budget must be removed from it, and any other page over the budget fails.
KNOWN_OVER = {
    "tiltak/index.html": "the overview shows and filters the whole bank: 144 measures with "
                         "their full text make ~85 KB of HTML, plus the plan builder",
    "skjema/index.html": "one preview image per form (24 × ~1.8 KB, 4 colours) on a ~59 KB "
                         "page: about 313 KB when every lazy preview is counted",
}


@pytest.mark.parametrize("edition", ["site_dir", "nn_site_dir"])
def test_first_load_within_budget(edition: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(edition)
    assert len(pages(site)) > 20, "the edition has too few pages: wrong folder?"
    report = over_budget(site)
    over = {line.split(":", 1)[0] for line in report}
    unexpected = [r for r in report if r.split(":", 1)[0] not in KNOWN_OVER]
    assert not unexpected, "first load over 300 KB:\n" + "\n\n".join(unexpected)
    fixed = set(KNOWN_OVER) - over if edition == "site_dir" else set()  # list is for nb
    assert not fixed, f"now within the budget, remove from KNOWN_OVER: {sorted(fixed)}"
    if report:
        pytest.xfail("NOT DONE: first load over 300 KB on the pages in KNOWN_OVER:\n"
                     + "\n\n".join(r.split("\n", 1)[0] + f" ({KNOWN_OVER[r.split(':', 1)[0]]})"
                                    for r in report))


def test_counter_sees_what_a_browser_loads(site_dir: Path) -> None:
    """The counter finds the theme's bundle and stylesheet, a module's static import, a
    CSS font and every <img>: a counter that misses them would pass every page."""
    files = first_load(site_dir / "index.html", site_dir)
    assert any(re.search(r"javascripts/bundle\.\w+\.min\.js$", f) for f in files), files
    assert any(re.search(r"stylesheets/main\.\w+\.min\.css$", f) for f in files), files
    forms = first_load(site_dir / "skjema" / "index.html", site_dir)
    assert sum(f.endswith(".png") for f in forms) >= 10, forms

    tmp = site_dir.parent / "budget-probe"
    (tmp / "a").mkdir(parents=True, exist_ok=True)
    (tmp / "a" / "m.js").write_text('import { x } from "./n.js";\nimport("./lazy.js");\n')
    (tmp / "a" / "n.js").write_text("export const x = 1;\n" + "/" * 10)
    (tmp / "a" / "lazy.js").write_text("x" * 1000)
    (tmp / "a" / "s.css").write_text('@font-face{src:url("f.woff2")}/* url(no.png) */')
    (tmp / "a" / "f.woff2").write_bytes(b"f" * 500)
    (tmp / "a" / "i.png").write_bytes(b"p" * 700)
    (tmp / "p.html").write_text('<link rel="stylesheet" href="a/s.css">'
                                '<script type="module" src="a/m.js"></script>'
                                '<img src="a/i.png" loading="lazy" alt="">')
    got = first_load(tmp / "p.html", tmp)
    assert set(got) == {"p.html", "a/s.css", "a/f.woff2", "a/m.js", "a/n.js", "a/i.png"}, got


if __name__ == "__main__":  # python tests/test_budget.py SITE: the breakdown of every page
    import sys

    root = Path(sys.argv[1])
    for p in pages(root):
        print(f"{sum(first_load(p, root).values()):>8}  {p.relative_to(root)}")
