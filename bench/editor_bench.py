"""The editor's path, timed (bench/run.py rows j and k; not part of the tests):

* (j) ``naervaer sjekk`` on both example editions: the whole command, as an editor runs it;
* (k) ``naervaer vis``: from saving a changed ``concern.days`` to the page in Chromium
  showing the new value (the preview builds the pages, the open page reloads itself).
"""

from __future__ import annotations

import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAERVAER = Path(sys.executable).parent / "naervaer"
sys.path.insert(0, str(ROOT / "tests"))


def sjekk_rows(editions: list[Path], runs: int) -> list[tuple[str, str, str, str]]:
    rows = []
    for settings in editions:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([str(NAERVAER), "sjekk", str(settings)], check=True,
                           capture_output=True)
            times.append(time.perf_counter() - started)
        seconds = statistics.median(times)
        rows.append((f"(j) naervaer sjekk {settings.name} (whole command)",
                     f"{seconds:.2f} s (median of {runs})", "≤ 2 s",
                     "✅" if seconds <= 2 else "❌"))
    return rows


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def preview_rows(settings: Path, work: Path, runs: int) -> list[tuple[str, str, str, str]]:
    """Save a new number of days ``runs`` times; time until the open page shows it."""
    from conftest import CHROMIUM, CHROMIUM_ARGS  # type: ignore[import-not-found]
    from playwright.sync_api import expect, sync_playwright

    work.mkdir(parents=True, exist_ok=True)
    edition = work / "kommune.yml"
    shutil.copy2(settings, edition)
    original = edition.read_text(encoding="utf-8")
    port = _free_port()
    log = (work / "vis.log").open("w")
    proc = subprocess.Popen([str(NAERVAER), "vis", edition.name, "--port", str(port)],
                            cwd=work, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/veileder/bekymringsfullt-fravaer.html"
    times: list[float] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                try:
                    page.goto(url)
                    break
                except Exception:  # noqa: BLE001 - the first build is still running
                    time.sleep(1)
            time.sleep(20)  # let the first background PDF pass settle
            for days in range(21, 21 + runs):
                page.goto(url)
                assert not re.search(r"(?m)^concern:", original), "the bench adds concern:"
                edition.write_text(original + f"\nconcern:\n  days: {days}\n", encoding="utf-8")
                started = time.perf_counter()
                # a locator, not a page function: the site's CSP forbids eval in the page
                expect(page.locator("body")).to_contain_text(f"{days} dag", timeout=120_000)
                times.append(time.perf_counter() - started)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
    seconds = statistics.median(times)
    return [("(k) naervaer vis: saved change → shown in the open page",
             f"{seconds:.2f} s (median of {runs}; slowest {max(times):.2f} s)", "≤ 3 s",
             "✅" if seconds <= 3 else "❌")]
