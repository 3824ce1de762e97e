#!/usr/bin/env python3
"""Search benchmarks (issue #23): the query set's top-3 score, the index's size, the time to
first results on a slow phone, and the time from a keystroke to its results — for the
site's search and, with --compare, for the other candidates (bench/search_compare.py).

    .venv/bin/python bench/search_bench.py                 # the site's search, both editions
    .venv/bin/python bench/search_bench.py --compare --before e3c94ca
                                    # + the theme's search as it was at a revision, Pagefind

bench/run.py calls :func:`site_rows` for its table; bench/SEARCH.md holds the comparison.

Network profiles (Chrome DevTools Protocol, `Network.emulateNetworkConditions`), each with
4× CPU throttling (`Emulation.setCPUThrottlingRate`):
  fast-3G   Chrome DevTools' «Fast 3G» preset (also Lighthouse's applied mobile throttling):
            562.5 ms latency per request, 1.47 Mbit/s down, 0.675 Mbit/s up
  lh-mobile Lighthouse's simulated mobile network: 150 ms round trip, 1.64 Mbit/s down
The server gzips text as the editors' nginx example does (level 6).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.search_eval import (  # noqa: E402
    RESULT_GROUPS_JS,
    TOP,
    load_queries,
    rank_of_right,
    site_path,
)

EDITIONS = {"nb": ROOT / "editions" / "eksempel-kommune.yml",
            "nn": ROOT / "editions" / "fjordvik.yml"}
KB = 1024
PROFILES = {
    "fast-3G": {"latency": 562.5, "downloadThroughput": 1474.56 * 1000 / 8,
                "uploadThroughput": 675 * 1000 / 8},
    "lh-mobile": {"latency": 150, "downloadThroughput": 1638.4 * 1000 / 8,
                  "uploadThroughput": 750 * 1000 / 8},
}
FIRST_QUERY = "skolevegring"
GZIP_TYPES = ("text/", "javascript", "json", "svg")


# --- a static server that gzips like the nginx example ----------------------------------------

class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not gzip_ok or not any(t in ctype for t in GZIP_TYPES):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        import io
        return io.BytesIO(body)


def gzip_server(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_GzipHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/", httpd


def build(settings: Path, out: Path, project: Path = ROOT) -> Path:
    env = dict(os.environ, NAERVAER_SETTINGS=str(settings), NAERVAER_NO_PDF="1",
               NAERVAER_CACHE=str(ROOT / ".cache"), NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
                   cwd=project, env=env, check=True, capture_output=True)
    return out


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


# --- the site's search (the theme's box) -------------------------------------------------------

def box_search(page: Any, query: str, theme_only: bool) -> list[list[str]]:
    """Type ``query`` into the header box key by key; the result groups once they are shown."""
    box = page.locator("input.md-search__input")
    box.fill("")
    if theme_only:  # the theme as it was: no «shown» event; wait until the list settles
        page.evaluate("() => { window.__nvLast = null }")
        box.press_sequentially(query, delay=10)
        page.wait_for_timeout(400)
    else:
        box.press_sequentially(query, delay=10)
        page.wait_for_function("(q) => window.__nvLast === q", arg=query, timeout=15_000)
    return page.evaluate(RESULT_GROUPS_JS)


LISTEN_JS = """() => document.addEventListener('nv-search-shown',
    e => { window.__nvLast = e.detail.query })"""


def score(edition: str, search: Callable[[str], list[list[str]]]) -> tuple[int, int, list[str]]:
    """How many of the edition's queries have a right page in the top ``TOP`` groups of
    ``search`` (a query → result groups of site paths), and the ones that do not."""
    ok, misses = 0, []
    queries = load_queries(edition)
    for q in queries:
        rank = rank_of_right(search(q.q), q.pages)
        if rank is not None and rank <= TOP:
            ok += 1
        else:
            misses.append(f"{q.q} ({rank or '–'})")
    return ok, len(queries), misses


def open_box(browser: Any, url: str) -> Any:
    """A desktop page of the site with the search box focused, listening for results."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url + "index.html")
    page.evaluate(LISTEN_JS)
    page.click(".md-search__input")
    return page


def box_score(browser: Any, site: Path, edition: str, theme_only: bool = False,
              ) -> tuple[int, int, list[str]]:
    url, httpd = gzip_server(site)
    page = open_box(browser, url)
    try:
        return score(edition, lambda q: [[site_path(h, url) for h in g]
                                         for g in box_search(page, q, theme_only)])
    finally:
        page.close()
        httpd.shutdown()


def _throttled(browser: Any, profile: str | None, viewport: dict[str, int]) -> tuple[Any, Any]:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    if profile:
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, **PROFILES[profile]})
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    return context, page


def box_first_results(browser: Any, site: Path, profile: str, runs: int = 3,
                      theme_only: bool = False) -> list[float]:
    """Seconds from focusing the header box of a loaded page (on a 375 px phone) to the first
    results of a query typed at once, with the network and CPU throttled; fresh page each run."""
    return box_timings(browser, site, profile, runs, theme_only)[0]


def box_timings(browser: Any, site: Path, profile: str, runs: int = 3,
                theme_only: bool = False) -> tuple[list[float], list[float]]:
    """:func:`box_first_results`, and the seconds to the full results: the first results come
    from the titles index, the full ones from the whole index (lazy-search.js). The theme as
    it was has one stage: its full list stays empty."""
    url, httpd = gzip_server(site)
    first, full = [], []
    try:
        for _ in range(runs):
            context, page = _throttled(browser, profile, {"width": 375, "height": 740})
            page.goto(url + "veileder/fravaersforing.html", wait_until="networkidle")
            page.evaluate(FIRST_RESULTS_JS)
            page.click("label[for='__search']")
            page.locator("input.md-search__input").press_sequentially(FIRST_QUERY, delay=0)
            done = "window.__nvFirst" if theme_only else "window.__nvFirst && window.__nvFull"
            page.wait_for_function(f"() => {done}", timeout=60_000)
            times = page.evaluate("() => [window.__nvFirst, window.__nvFull]")
            first.append(times[0] / 1000)
            if not theme_only:
                full.append(times[1] / 1000)
            context.close()
    finally:
        httpd.shutdown()
    return first, full


# the clock runs in the page: from the reader's first touch of the search (pointerdown on the
# search icon, which starts the loading) to the first result on the screen, and to the full
# results (search-help.js tells when they are shown)
FIRST_RESULTS_JS = """() => {
  let t0 = null;
  const start = () => { if (t0 === null) t0 = performance.now(); };
  document.addEventListener('pointerdown', start, { capture: true });
  document.addEventListener('focusin', start, { capture: true });
  document.addEventListener('nv-search-shown', e => {
    if (t0 !== null && e.detail.query && !window.__nvFull) window.__nvFull = performance.now() - t0;
  });
  const list = document.querySelector('.md-search-result__list');
  new MutationObserver((changes, observer) => {
    if (t0 !== null && list.querySelector('li')) {
      window.__nvFirst = performance.now() - t0;
      observer.disconnect();
    }
  }).observe(list, { childList: true });
}"""

KEYSTROKE_JS = """async (query) => {
  const box = document.querySelector('input.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  const out = [];
  box.value = '';
  for (let i = 1; i <= query.length; i++) {
    const value = query.slice(0, i);
    const shown = new Promise(resolve => {
      const done = e => { if (e.detail.query === value) {
        document.removeEventListener('nv-search-shown', done); resolve(performance.now()); } };
      document.addEventListener('nv-search-shown', done);
    });
    box.value = value;
    const t0 = performance.now();
    box.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
    out.push((await shown) - t0);
    await new Promise(r => setTimeout(r, 120));
  }
  return out;
}"""


def box_keystrokes(browser: Any, site: Path, queries: list[str]) -> list[float]:
    """Milliseconds from a keystroke to its results on the page (desktop, no throttling, the
    index loaded), for every prefix of ``queries``."""
    url, httpd = gzip_server(site)
    page = open_box(browser, url)
    try:
        box_search(page, "samtykke", False)  # warm: index built
        out: list[float] = []
        for q in queries:
            out += page.evaluate(KEYSTROKE_JS, q)
        return out
    finally:
        page.close()
        httpd.shutdown()


def lunr_bytes(site: Path) -> dict[str, int]:
    """What the site's search loads when the reader starts to search, gzipped: the index, and
    the code (the search worker, or before issue #23 the theme's worker and lunr-languages'
    Norwegian files; the no-hit help and its stylesheet)."""
    assets = site / "assets"
    index = site / "search" / "search_index.json"
    titles = site / "search" / "search_titles.json"
    bundle = assets / "javascripts" / "workers" / "search-nv.js"
    if bundle.is_file():
        code = [bundle, assets / "search-help.js", assets / "search.css"]
    else:
        code = [*sorted((assets / "javascripts" / "workers").glob("search.*.min.js")),
                assets / "javascripts" / "lunr" / "min" / "lunr.stemmer.support.min.js",
                assets / "javascripts" / "lunr" / "min" / "lunr.no.min.js"]
    return {"index": gz(index), "code": sum(gz(p) for p in code if p.is_file()),
            "index_raw": index.stat().st_size, "titles": gz(titles) if titles.is_file() else 0}


# --- reports ------------------------------------------------------------------------------------

KEY_QUERIES = ["skolevegring", "tiltak for engstelig elev", "helsesøster"]


def describe(times: list[float]) -> str:
    return f"{statistics.median(times):.2f} s (median of {len(times)}; slowest {max(times):.2f} s)"


def describe_ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[max(0, int(round(0.95 * len(values))) - 1)]
    return f"median {statistics.median(values):.0f} ms, 95th percentile {p95:.0f} ms, " \
           f"slowest {values[-1]:.0f} ms ({len(values)} keystrokes)"


def with_browser(work: Callable[[Any], Any]) -> Any:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return work(browser)
        finally:
            browser.close()


def site_rows(sites: dict[str, Path], runs: int = 3) -> list[tuple[str, str, str, str]]:
    """bench/run.py's rows for the site's search: score per edition, index size, first
    results on a slow phone, keystroke latency."""

    def work(browser: Any) -> list[tuple[str, str, str, str]]:
        rows = []
        for edition, site in sites.items():
            ok, total, misses = box_score(browser, site, edition)
            share = ok / total
            rows.append((f"(i) search: right page in the top 3, {edition} edition",
                         f"{ok}/{total} = {share:.0%}" + (f" (missed: {', '.join(misses)})"
                                                          if misses else ""),
                         "≥ 90 %", "✅" if share >= 0.9 else "❌"))
        sizes = lunr_bytes(sites["nb"])
        rows.append(("(i) search index (nb), gzipped", f"{sizes['index'] / KB:.0f} KB "
                     f"({sizes['index_raw'] / KB:.0f} KB raw) + {sizes['code'] / KB:.0f} KB "
                     f"of search code + {sizes['titles'] / KB:.0f} KB of titles index (the "
                     "first stage), loaded when the reader starts to search",
                     "≤ 150 KB", "✅" if sizes["index"] <= 150 * KB else "❌"))
        for profile in PROFILES:
            first, full = box_timings(browser, sites["nb"], profile, runs)
            rows.append((f"(i) search: focus → first results, 375 px, 4× CPU, {profile}",
                         describe(first), "≤ 1 s",
                         "✅" if statistics.median(first) <= 1 else "❌"))
            rows.append((f"(i) search: focus → full results, 375 px, 4× CPU, {profile}",
                         describe(full), "no target (the first results are titles only)",
                         ""))
        keys = box_keystrokes(browser, sites["nb"], KEY_QUERIES)
        rows.append(("(i) search: keystroke → results shown, desktop", describe_ms(keys),
                     "≤ 50 ms", "✅" if statistics.median(keys) <= 50 else "❌"))
        return rows

    return with_browser(work)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", action="store_true",
                        help="also the theme's search as it was and Pagefind")
    parser.add_argument("--before", default="HEAD~1",
                        help="git revision with the theme's search as it was")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="naervaer-search-"))
    try:
        sites = {ed: build(s, work / f"site-{ed}") for ed, s in EDITIONS.items()}
        rows = site_rows(sites, args.runs)
        if args.compare:
            from search_compare import compare  # the other candidates (issue #23)

            rows += compare(work, sites, args.before, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("| measure | result | target | |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
