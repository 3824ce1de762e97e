"""First-load budget: every page of both editions loads at most 350 KB raw and at most 100 KB
on the wire (gzip, as the nginx example in the README serves it) before the reader does
anything. The counter is naervaer/site/budget.py (``naervaer budsjett SITE`` prints it).

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
from pathlib import Path

import pytest

from naervaer.site.budget import first_load, over_budget, pages

pytestmark = [pytest.mark.build]


@pytest.mark.parametrize("edition", ["site_dir", "nn_site_dir"])
def test_first_load_within_budget(edition: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(edition)
    assert len(pages(site)) > 20, "the edition has too few pages: wrong folder?"
    report = over_budget(site)
    assert not report, "first load over the budget:\n" + "\n\n".join(report)


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
