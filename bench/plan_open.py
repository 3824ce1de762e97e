"""Row (m) of the benchmarks: the plan builder's «Åpne en lagret PDF» (issue 20).

A plan of the bank's 8 longest measures, each with a delmål of about 200 characters, an
ansvar and a frist, plus the agreement's own fields, is downloaded from the builder
(tiltak/index.html); then, on a fresh page with 4× CPU throttling (a phone), the saved file is
chosen with «Åpne en lagret PDF» and timed until the plan is back: every measure in its row
and the status saying so. Bytes loaded are the sizes of the site's files the browser asked
for after the file was chosen (pdf-fill.js, pdf-lib, plan-open.js). Row (i), the same
agreement opened on its form page, is measured by ``bench/run.py``'s ``form_fill_timing``.

    .venv/bin/python bench/plan_open.py SITE [--runs 3]   # on a built edition, on its own
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
KB = 1024
BUILDER = "tiltak/index.html"


def plan_open_timing(site: Path, runs: int = 3) -> dict[str, float]:
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from naervaer.content.edition import load_edition
    from naervaer.markup import plain_text
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serve

    ed = load_edition(ROOT / "editions" / "eksempel-kommune.yml")
    longest = [m.id for m in sorted(ed.measures(), key=lambda m: -len(plain_text(m.text)))[:8]]
    url, httpd = serve(site)
    saved = Path(tempfile.mkdtemp(prefix="naervaer-bench-plan-")) / "plan.pdf"
    out: dict[str, float] = {}

    def size_of(urls: list[str]) -> int:
        files = {site / unquote(urlsplit(u).path).lstrip("/") for u in urls}
        return sum(f.stat().st_size for f in files if f.is_file())

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(accept_downloads=True)
        page = context.new_page()
        page.on("dialog", lambda d: d.accept())
        page.goto(url + BUILDER, wait_until="networkidle")
        for n, mid in enumerate(longest, start=1):
            page.click(f"[id='legg-til-{mid}']")
            row = page.locator(f"#nv-plan-list > li[data-measure='{mid}']")
            row.locator("textarea[data-col=delmal]").fill(
                "Eleven møter presis og deltar i alle timene, og forteller kontaktlæreren "
                "hvordan uka har vært. " * 2)
            row.locator("input[data-col=ansvar]").fill("Kontaktlærer og foresatte sammen")
            row.locator("input[data-col=frist]").fill(f"{n:02d}.02.2027")
        for field in ("elev:elev", "elev:skole", "elev:klasse", "status:hovedmal"):
            page.fill(f"[data-field='{field}']", "Åse Ødegård, 7B, Eksempel skole")
        with page.expect_download() as info:
            page.click("#nv-plan-download")
        info.value.save_as(saved)
        context.close()
        times: list[float] = []
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            requested: list[str] = []
            page.on("request", lambda r, seen=requested: seen.append(r.url))
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.goto(url + BUILDER, wait_until="networkidle")
            requested.clear()
            with page.expect_file_chooser() as chooser:
                page.click("#nv-plan-open-pdf")
            started = time.perf_counter()
            chooser.value.set_files(str(saved))
            deadline = started + 60
            while page.evaluate("document.getElementById('nv-plan-list').children.length") \
                    < len(longest) or "plan.pdf" not in page.inner_text("#nv-plan-open-status"):
                assert time.perf_counter() < deadline, "the plan did not come back"
                time.sleep(0.01)
            times.append(time.perf_counter() - started)
            out["bytes"] = size_of(requested)
            context.close()
        browser.close()
    httpd.shutdown()
    out["median_s"] = statistics.median(times)
    out["max_s"] = max(times)
    return out


def plan_open_rows(site: Path, runs: int = 3) -> list[tuple[str, str, str, str]]:
    got = plan_open_timing(site, runs)
    return [("(m) tiltak/index.html (plan builder): open → restored («Åpne en lagret PDF», fresh "
             "page), 4× CPU throttling, the 8 longest measures, delmål, ansvar, frist",
             f"{got['median_s']:.2f} s (median of {runs} fresh pages; slowest "
             f"{got['max_s']:.2f} s), {got['bytes'] / KB:.0f} KB loaded", "–", "")]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for row in plan_open_rows(args.site, args.runs):
        print(f"| {' | '.join(row)} |")
