#!/usr/bin/env python3
"""Benchmarks (not part of the tests): build times, first-load bytes, PDF sizes.

    make bench            # or: .venv/bin/python bench/run.py [--runs 3]

Prints a Markdown table and writes it, with the targets, to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EDITIONS = [ROOT / "editions" / "eksempel-kommune.yml", ROOT / "editions" / "fjordvik.yml"]
KB = 1024


def env_for(settings: Path, cache: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, NAERVAER_SETTINGS=str(settings), NAERVAER_CACHE=str(cache),
               NO_MKDOCS_2_WARNING="1")
    env.update(extra)
    return env


def timed(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def mkdocs(out: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)]


def forms_only(cache: Path) -> dict[str, float]:
    """Cold render of every PDF of the default edition, in-process (for per-PDF times)."""
    code = (
        "import json, time, sys\n"
        "t = time.perf_counter()\n"
        "from pathlib import Path\n"
        "from naervaer.content.edition import load_edition\n"
        "from naervaer.pdf.build import build_all\n"
        "built = build_all(load_edition(), Path(sys.argv[1]), progress=lambda m: None)\n"
        "print(json.dumps({'wall': time.perf_counter() - t,"
        " 'render': sum(b.seconds for b in built), 'count': sum(1 for b in built"
        " if b.variant != 'preview')}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(cache)], cwd=ROOT, check=True,
                         capture_output=True, text=True, env=dict(os.environ)).stdout
    return json.loads(out.strip().splitlines()[-1])


GZIP_TYPES = ("text/html", "text/css", "javascript", "application/json", "image/svg+xml")


def gzip_as_served(body: bytes, content_type: str) -> bytes:
    """The body as the editors' nginx example sends it: gzip level 6 for text types."""
    import gzip

    if any(t in content_type for t in GZIP_TYPES) and len(body) >= 1024:
        return gzip.compress(body, compresslevel=6)
    return body


def first_load_bytes(site: Path,
                     pages: list[str]) -> dict[str, tuple[int, int, list[str], int]]:
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # type: ignore[import-not-found]
    from playwright.sync_api import sync_playwright

    url, httpd = serve(site)
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for rel in pages:
            context = browser.new_context()
            page = context.new_page()
            sizes: list[int] = []
            packed: list[int] = []
            hosts: set[str] = set()

            def on_response(response, sizes=sizes, packed=packed,
                            hosts=hosts):
                hosts.add(response.url.split("/")[2])
                try:
                    body = response.body()
                except Exception:  # noqa: BLE001 - redirects have no body
                    return
                sizes.append(len(body))
                packed.append(len(gzip_as_served(body, response.headers.get("content-type", ""))))

            page.on("response", on_response)
            page.goto(url + rel, wait_until="networkidle")
            results[rel] = (sum(sizes), len(sizes), sorted(hosts), sum(packed))
            context.close()
        browser.close()
    httpd.shutdown()
    return results


FILL_JS = """([names, values]) => {
  const seen = new Set();
  let n = 0;
  for (const el of document.getElementById('nv-fill').elements) {
    if (!el.name) continue;
    n += 1;
    if (el.name in values) el.value = values[el.name];
    else if (el.type === 'checkbox') el.checked = true;
    else if (el.type === 'radio') {
      if (!seen.has(el.name)) { el.checked = true; seen.add(el.name); }
    }
    else if (el.dataset.check === 'date') el.value = '17.05.2026';
    else if (el.dataset.check === 'birthnumber') el.value = '01019012345';
    else el.value = names.length ? names.shift() : `Ærlig svar ${n} – æøå`;
  }
}"""
AGREEMENT = "avtale-foresatte-skole"
# names for the form's first text fields: (label, what it shows, names)
FILL_CASES = (
    ("latin", "Norwegian text", []),
    ("names", "names in Polish, Vietnamese, Cyrillic, Arabic: + fontkit, bidi-js, "
     "Liberation Sans, Noto Sans Arabic", ["Łukasz Wiśniewski", "Nguyễn Thị Hà", "Ахмед",
                                          "أحمد Ali"]),
    ("scripts", "names in Persian, Tigrinya, Amharic, Thai, Tamil: + fontkit, bidi-js and "
     "four Noto fonts", ["زهرا رضایی", "ሰላም ተስፋይ", "አበበ በቀለ", "สมชาย ใจดี", "தமிழ்செல்வி"]),
)


def largest_form() -> str:
    from naervaer.content.edition import load_edition
    from naervaer.forms.layout import declared_fields
    from naervaer.site.form_fill import fillable_forms

    ed = load_edition(EDITIONS[0])
    return max(fillable_forms(ed), key=lambda f: len(declared_fields(f, ed))).id


def agreement_plan() -> dict[str, str]:
    """The agreement as a plan fills it: the bank's 8 longest measures (with their IDs),
    a delmål of about 200 characters and an ansvar per row (text goes on a continuation page)."""
    from naervaer.content.edition import load_edition
    from naervaer.markup import plain_text

    ed = load_edition(EDITIONS[0])
    longest = sorted(ed.measures(), key=lambda m: -len(plain_text(m.text)))[:8]
    values = {}
    for row, measure in enumerate(longest, start=1):
        base = f"tiltak:delmal:r{row}"
        values[f"{base}:tiltak"] = f"{measure.id} {plain_text(measure.text)}"
        values[f"{base}:delmal"] = ("Eleven møter presis og deltar i alle timene, og forteller "
                                    "kontaktlæreren hvordan uka har vært. ") * 2
        values[f"{base}:ansvar"] = "Kontaktlærer og foresatte sammen"
        values[f"{base}:frist"] = f"{row:02d}.02.2027"
    return values


def form_fill_timing(site: Path, cases: list[tuple[str, str, list[str], dict[str, str]]],
                     runs: int = 3, reopen: bool = True) -> dict[str, float]:
    """Click «Last ned utfylt PDF» → file saved, in Chromium with 4× CPU throttling (a phone):
    the first click on a freshly opened page (it loads pdf-lib and the blank PDF: nothing is
    loaded before the button is pressed), then a second click; per case (form, names, values).
    The first click is timed on ``runs`` fresh pages (median and slowest). Then open →
    restored: the saved file chosen with «Åpne en lagret PDF» on a fresh page, until every
    value is back. Bytes loaded are the sizes of the site's files the browser asked for."""
    sys.path.insert(0, str(ROOT / "tests"))
    from urllib.parse import unquote, urlsplit

    from conftest import CHROMIUM, CHROMIUM_ARGS, serve
    from playwright.sync_api import sync_playwright

    url, httpd = serve(site)
    out: dict[str, float] = {}
    saved = Path(tempfile.mkdtemp(prefix="naervaer-bench-fill-"))

    def size_of(urls: list[str]) -> int:
        files = {site / unquote(urlsplit(u).path).lstrip("/") for u in urls}
        return sum(f.stat().st_size for f in files if f.is_file())

    def fresh(browser, form_id, requested):
        context = browser.new_context(accept_downloads=True)
        page = context.new_page()
        page.on("dialog", lambda d: d.accept())
        page.on("request", lambda r, seen=requested: seen.append(r.url))
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(url + f"skjema/{form_id}.html", wait_until="networkidle")
        return context, page

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, form_id, names, values in cases:
            cold: list[float] = []
            for run in range(runs):
                requested: list[str] = []
                context, page = fresh(browser, form_id, requested)
                out["first_load"] = size_of(requested)
                page.evaluate(FILL_JS, [list(names), values])
                clicks = ("cold", "warm") if run == 0 else ("cold",)
                for click in clicks:
                    requested.clear()
                    started = time.perf_counter()
                    with page.expect_download() as info:
                        page.click("#nv-fill-download")
                    info.value.save_as(saved / f"{label}.pdf")  # waits until it is saved
                    seconds = time.perf_counter() - started
                    if click == "cold":
                        cold.append(seconds)
                    else:
                        out[f"{label}_warm_s"] = seconds
                    page.wait_for_load_state("networkidle")
                    out[f"{label}_{click}_bytes"] = size_of(requested)
                context.close()
            out[f"{label}_cold_s"] = statistics.median(cold)
            out[f"{label}_cold_max_s"] = max(cold)
            if not reopen:
                continue
            # open → restored, on a fresh page
            requested = []
            context, page = fresh(browser, form_id, requested)
            requested.clear()
            with page.expect_file_chooser() as chooser:
                page.click("#nv-fill-open-pdf")
            started = time.perf_counter()
            chooser.value.set_files(str(saved / f"{label}.pdf"))
            page.wait_for_function(
                "() => document.getElementById('nv-fill-open-status').textContent"
                f".includes('{label}.pdf')", timeout=60_000)
            out[f"{label}_open_s"] = time.perf_counter() - started
            out[f"{label}_open_bytes"] = size_of(requested)
            context.close()
        browser.close()
    httpd.shutdown()
    shutil.rmtree(saved, ignore_errors=True)
    return out


def fill_rows(site: Path, form_id: str, runs: int) -> list[tuple[str, str, str, str]]:
    """Rows (h) and (l): click → saved PDF and open → restored, for the largest form (in
    every script) and for the agreement as a plan fills it, on a 4× throttled CPU."""
    cases = [(label, form_id, names, {}) for label, _, names in FILL_CASES]
    cases.append(("plan", AGREEMENT, [], agreement_plan()))
    what = {label: text for label, text, _ in FILL_CASES}
    what["plan"] = "the 8 longest measures, delmål, ansvar (continuation page)"
    fill = form_fill_timing(site, cases, runs=runs)
    rows = []
    for label, form, _, _ in cases:
        for click in ("cold", "warm"):
            seconds = fill[f"{label}_{click}_s"]
            size = fill[f"{label}_{click}_bytes"]
            # the target is for Norwegian text, the first click (the other scripts: reported)
            target = "≤ 1.5 s" if click == "cold" and label in ("latin", "plan") else "–"
            mark = ("✅" if seconds <= 1.5 else "❌") if target != "–" else ""
            result = f"{seconds:.2f} s"
            if click == "cold":
                result += f" (median of {runs} fresh pages; slowest " \
                          f"{fill[f'{label}_cold_max_s']:.2f} s)"
            rows.append((f"(h) skjema/{form}: click → saved PDF, 4× CPU throttling, "
                         f"{what[label]}, {'first' if click == 'cold' else 'second'} click",
                         f"{result}, {size / KB:.0f} KB loaded on click", target, mark))
        rows.append((f"(l) skjema/{form}: open → restored («Åpne en lagret PDF», fresh page), "
                     f"4× CPU throttling, {what[label]}",
                     f"{fill[f'{label}_open_s']:.2f} s, "
                     f"{fill[f'{label}_open_bytes'] / KB:.0f} KB loaded", "–", ""))
    return rows


NOTES = """\
How to read some rows:

* (h), (l), (m): Chromium with 4× CPU throttling, a fresh page per first click. (h) is
  click → saved file; (l) and (m) are a saved PDF opened again until every value is back.
* (i): «fast-3G» is Chrome DevTools' preset (562.5 ms latency per request, 1.47 Mbit/s),
  «lh-mobile» Lighthouse's simulated mobile network (150 ms round trip, 1.64 Mbit/s); both
  with 4× CPU throttling, from the reader's first touch of the search box to the first
  result on screen (from the titles index), and to the full results (from the whole
  index, which is asked for once the titles' answer has begun): `bench/SEARCH.md` explains
  the two stages and compares the candidates.
* (j), (k): the editor's path (`bench/editor_bench.py`): the whole `naervaer sjekk` command,
  and `naervaer vis` from saving a changed value to the open page showing it.
* The timings move with the machine's load (about ±25 % on this VM); the date and load of a
  run are worth noting beside a number quoted elsewhere.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="repeats for the warm timings")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="naervaer-bench-"))
    default = EDITIONS[0]
    rows: list[tuple[str, str, str, str]] = []
    try:
        # (a) cold build of one edition
        cache = work / "cache-a"
        cold = timed(mkdocs(work / "a"), env_for(default, cache))
        # (b) rebuild with nothing changed
        rebuild = statistics.median(timed(mkdocs(work / "a"), env_for(default, cache))
                                    for _ in range(args.runs))
        # (c) forms only, cold
        forms = forms_only(work / "cache-c")
        # (d) the same pages without PDFs (baseline), cold as (a) is: a fresh cache each run
        # (a warm cache keeps compiled templates and the cut stylesheet, see (b))
        baseline = statistics.median(
            timed(mkdocs(work / "d"), env_for(default, work / f"cache-d{i}", NAERVAER_NO_PDF="1"))
            for i in range(args.runs))
        budget = 1.3 * (baseline + forms["render"] / cores)
        rows.append(("(a) cold build, one edition (site + 49 PDFs)", f"{cold:.1f} s",
                     f"≤ {budget:.1f} s (1.3 × (baseline + render ÷ {cores} cores))",
                     "✅" if cold <= budget else "❌"))
        rows.append(("(b) rebuild, nothing changed", f"{rebuild:.2f} s", "≤ 3 s",
                     "✅" if rebuild <= 3 else "❌"))
        rows.append(("(c) forms only, cold (build_all, pool)",
                     f"{forms['wall']:.1f} s ({forms['count']:.0f} PDFs, "
                     f"{forms['render']:.1f} s render time summed)", "–", ""))
        rows.append(("(d) baseline: same pages, no PDFs, cold", f"{baseline:.2f} s", "–", ""))
        # (e) first load
        form_id = largest_form()
        loads = first_load_bytes(work / "a", ["index.html", "tiltak/plan-for-naervaer.html",
                                              f"skjema/{form_id}.html"])
        for rel, (size, count, hosts, packed) in loads.items():
            ok = size <= 350 * KB and packed <= 100 * KB \
                and hosts == ["127.0.0.1:" + hosts[0].split(":")[1]]
            rows.append((f"(e) first load of {rel}",
                         f"{size / KB:.0f} KB in {count} requests ({packed / KB:.0f} KB "
                         f"gzipped as the nginx example serves it), hosts: {', '.join(hosts)}",
                         "≤ 350 KB raw, ≤ 100 KB on the wire, same origin only",
                         "✅" if ok else "❌"))
        # (h), (l) an HTML form filled and saved as PDF, and opened again, on a throttled CPU
        rows += fill_rows(work / "a", form_id, runs=max(3, args.runs))
        # (i) the site's search (issue #23): score per edition, index size, first results on
        # a slow phone, keystroke latency (bench/search_bench.py; the comparison with the
        # other candidates is in bench/SEARCH.md)
        from search_bench import build as build_pages
        from search_bench import site_rows

        nn_pages = build_pages(EDITIONS[1], work / "i-nn")
        rows += site_rows({"nb": work / "a", "nn": nn_pages}, runs=max(3, args.runs))
        # (j), (k) the editor's path: the check, and the preview following a saved change
        from editor_bench import preview_rows, sjekk_rows

        rows += sjekk_rows(EDITIONS, runs=max(3, args.runs))
        rows += preview_rows(EDITIONS[0], work / "k", runs=max(3, args.runs))
        # (m) the plan builder opens a saved agreement (bench/plan_open.py)
        from plan_open import plan_open_rows

        rows += plan_open_rows(work / "a", runs=max(3, args.runs))
        # (f) PDF sizes
        pdfs = sorted((work / "a" / "skjema").glob("*.pdf"))
        fillable = [p for p in pdfs if p.name.endswith("-utfyllbar.pdf")]
        biggest = max(fillable, key=lambda p: p.stat().st_size)
        rows.append(("(f) largest fillable PDF", f"{biggest.name}: "
                     f"{biggest.stat().st_size / KB:.0f} KB", "each ≤ 100 KB",
                     "✅" if biggest.stat().st_size <= 100 * KB else "❌"))
        # (g) 1, 2 and 4 editions, cold
        extra = work / "editions"
        extra.mkdir()
        settings = list(EDITIONS)
        for i, (name, lang) in enumerate([("Bench A kommune", "nb"), ("Bench B kommune", "nn")]):
            path = extra / f"bench-{i}.yml"
            path.write_text(f"municipality: {name}\nlanguage: {lang}\n", encoding="utf-8")
            settings.append(path)
        for n in (1, 2, 4):
            cache = work / f"cache-g{n}"
            started = time.perf_counter()
            for j, s in enumerate(settings[:n]):  # the two small ones build as drafts
                subprocess.run(mkdocs(work / f"g{n}-{j}"), cwd=ROOT,
                               env=env_for(s, cache, NAERVAER_DRAFT="1"),
                               check=True, capture_output=True)
            rows.append((f"(g) {n} edition(s), cold, one after another",
                         f"{time.perf_counter() - started:.1f} s", "–", ""))
        sizes = "\n".join(f"| {p.name} | {p.stat().st_size / KB:.0f} KB |" for p in pdfs)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    table = "| measure | result | target | |\n|---|---|---|---|\n" + "\n".join(
        f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows)
    verdict = "all targets met" if all(r[3] != "❌" for r in rows) else \
        "some targets missed: see ❌"
    report = (
        f"# Benchmark results\n\nRun {dt.datetime.now():%Y-%m-%d %H:%M} on {platform.node()} "
        f"({cores} cores, Python {platform.python_version()}), `make bench`.\n\n"
        f"{table}\n\n**Against the targets:** {verdict}.\n\n{NOTES}\n"
        f"## Size of every PDF (default edition)\n\n| file | size |\n|---|---|\n{sizes}\n"
    )
    print(table)
    print(f"\n{verdict}")
    (ROOT / "bench" / "RESULTS.md").write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
