#!/usr/bin/env python3
"""The candidates of issue #23 on the site's query set: the theme's search as it was (a git
revision) and Pagefind 1.5.2 (`pagefind-bin` on PyPI: as it comes, and with its markup
attributes on our pages), measured like the site's search in bench/search_bench.py.

    .venv/bin/python bench/search_bench.py --compare --before <revision>

Results and the choice: bench/SEARCH.md. Pagefind is a benchmark tool here only (installed by
hand: `pip install pagefind-bin==1.5.2`); the site does not use it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

from search_bench import (
    EDITIONS,
    FIRST_QUERY,
    KB,
    KEY_QUERIES,
    PROFILES,
    ROOT,
    _throttled,
    box_first_results,
    box_score,
    build,
    describe,
    describe_ms,
    gz,
    gzip_server,
    lunr_bytes,
    score,
    with_browser,
)

from tests.search_eval import TOP, site_path

# --- Pagefind on the same pages (its own JS API, no UI) -----------------------------------------

PAGEFIND_PAGE = """<!doctype html><html lang="{lang}"><meta charset="utf-8"><title>pf</title>
<script type="module">
window.pfStart = () => window.pfReady || (window.pfReady = (async () => {{
  const pf = await import('./pagefind/pagefind.js');
  await pf.options({{ excerptLength: 20 }});
  window.pf = pf;
  return true;
}})());
window.pfSearch = async (q, n) => {{
  await window.pfStart();
  const search = await window.pf.search(q);
  const top = await Promise.all(search.results.slice(0, n).map(r => r.data()));
  return top.map(d => [d.url].concat((d.sub_results || []).slice(0, 3).map(s => s.url)));
}};
</script></html>"""


def pagefind_binary() -> Path:
    import pagefind_bin  # type: ignore[import-not-found]

    return Path(pagefind_bin.__file__).parent / "pagefind"


def pagefind_site(site: Path, out: Path, tuned: bool, lang: str) -> Path:
    """A copy of ``site`` with a Pagefind index. Tuned: only the article is indexed
    (data-pagefind-body), the form fields, generated link lists and the plan builder left
    out (data-pagefind-ignore)."""
    shutil.copytree(site, out)
    if tuned:
        for page in out.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            html = html.replace('<article class="md-content__inner md-typeset">',
                                '<article class="md-content__inner md-typeset" '
                                'data-pagefind-body>', 1)
            # form fields (everything of the HTML form but its introduction) and the
            # generated lists of related pages
            html = re.sub(r'<(\w+) class="((?:nvf-(?!intro)|nv-related\b)[^"]*)"',
                          r'<\1 data-pagefind-ignore class="\2"', html)
            page.write_text(html, encoding="utf-8")
    subprocess.run([str(pagefind_binary()), "--site", str(out), "--quiet"], check=True,
                   capture_output=True)
    (out / "pf-bench.html").write_text(PAGEFIND_PAGE.format(lang=lang), encoding="utf-8")
    return out


def pagefind_bytes(site: Path, lang: str) -> dict[str, int]:
    pf = site / "pagefind"
    index = sum(p.stat().st_size for p in (pf / "index").glob(f"{lang}_*"))
    fragments = sum(p.stat().st_size for p in (pf / "fragment").glob(f"{lang}_*"))
    wasm = (pf / f"wasm.{lang}.pagefind")
    if not wasm.exists():
        wasm = pf / "wasm.unknown.pagefind"
    code = gz(pf / "pagefind.js") + gz(pf / "pagefind-worker.js") + wasm.stat().st_size
    return {"index": index, "fragments": fragments, "code": code}


def pagefind_score(browser: Any, site: Path, edition: str) -> tuple[int, int, list[str]]:
    url, httpd = gzip_server(site)
    page = browser.new_page()
    try:
        page.goto(url + "pf-bench.html")
        return score(edition, lambda q: [
            [site_path(h if "://" in h else url + h.lstrip("/"), url) for h in g]
            for g in page.evaluate("([q, n]) => window.pfSearch(q, n)", [q, TOP])])
    finally:
        page.close()
        httpd.shutdown()


def pagefind_first_results(browser: Any, site: Path, profile: str, runs: int = 3) -> list[float]:
    """Seconds from starting Pagefind (as a box's focus would) to the first 5 results with
    their titles and excerpts (their fragments), throttled; fresh page each run. The page
    itself loads nothing of Pagefind before the timer starts."""
    url, httpd = gzip_server(site)
    times = []
    try:
        for _ in range(runs):
            context, page = _throttled(browser, profile, {"width": 375, "height": 740})
            page.goto(url + "pf-bench.html", wait_until="networkidle")
            started = time.perf_counter()
            page.evaluate("(q) => window.pfSearch(q, 5)", FIRST_QUERY)
            times.append(time.perf_counter() - started)
            context.close()
    finally:
        httpd.shutdown()
    return times


def pagefind_keystrokes(browser: Any, site: Path, queries: list[str]) -> list[float]:
    url, httpd = gzip_server(site)
    page = browser.new_page()
    try:
        page.goto(url + "pf-bench.html")
        page.evaluate("() => window.pfSearch('samtykke', 5)")
        return page.evaluate("""async (queries) => {
            const out = [];
            for (const q of queries) for (let i = 1; i <= q.length; i++) {
                const t0 = performance.now();
                await window.pfSearch(q.slice(0, i), 5);
                out.push(performance.now() - t0);
            }
            return out;
        }""", queries)
    finally:
        page.close()
        httpd.shutdown()



def compare(work: Path, sites: dict[str, Path], before: str,
            runs: int) -> list[tuple[str, str, str, str]]:
    """The candidates of issue #23 on the same query set: the theme's search as it was, and
    Pagefind 1.5.2 (as it comes, and with its markup attributes on our pages)."""
    old = work / "before"
    old.mkdir()
    archive = subprocess.run(["git", "archive", before], cwd=ROOT, check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
    old_sites = {ed: build(s, work / f"old-{ed}", project=old) for ed, s in EDITIONS.items()}
    pf_sites = {(ed, tuned): pagefind_site(old_sites[ed], work / f"pf-{ed}-{tuned}", tuned, ed)
                for ed in EDITIONS for tuned in (False, True)}

    def work_with(browser: Any) -> list[tuple[str, str, str, str]]:
        rows = []
        for ed, site in old_sites.items():
            ok, total, misses = box_score(browser, site, ed, theme_only=True)
            rows.append((f"theme's search as it was ({before}), {ed}", f"{ok}/{total} = "
                         f"{ok / total:.0%}; missed: {', '.join(misses)}", "", ""))
        sizes = lunr_bytes(old_sites["nb"])
        rows.append(("theme's search as it was: index, code (gzipped)",
                     f"{sizes['index'] / KB:.0f} KB, {sizes['code'] / KB:.0f} KB", "", ""))
        for profile in PROFILES:
            rows.append((f"theme's search as it was: focus → first results, {profile}",
                         describe(box_first_results(browser, old_sites["nb"], profile, runs,
                                                    theme_only=True)), "", ""))
        for (ed, tuned), site in pf_sites.items():
            ok, total, misses = pagefind_score(browser, site, ed)
            rows.append((f"Pagefind {'with markup attributes' if tuned else 'as it comes'}, "
                         f"{ed}", f"{ok}/{total} = {ok / total:.0%}; missed: "
                         f"{', '.join(misses)}", "", ""))
        for tuned in (False, True):
            sizes = pagefind_bytes(pf_sites[("nb", tuned)], "nb")
            rows.append((f"Pagefind {'tuned' if tuned else 'as it comes'}: index, fragments, "
                         "code (gzipped)", f"{sizes['index'] / KB:.0f} KB, "
                         f"{sizes['fragments'] / KB:.0f} KB, {sizes['code'] / KB:.0f} KB",
                         "", ""))
        for profile in PROFILES:
            rows.append((f"Pagefind tuned: start → first 5 results, {profile}",
                         describe(pagefind_first_results(browser, pf_sites[("nb", True)],
                                                         profile, runs)), "", ""))
        rows.append(("Pagefind tuned: keystroke → 5 results with excerpts, desktop",
                     describe_ms(pagefind_keystrokes(browser, pf_sites[("nb", True)],
                                                     KEY_QUERIES)), "", ""))
        return rows

    return with_browser(work_with)
