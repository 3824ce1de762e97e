"""Lighthouse's accessibility score, full navigation runs (what `lighthouse URL` does), on
each kind of page of both example editions; writes bench/LIGHTHOUSE.md. Not part of the
tests: tests/test_validity.py runs the same audits in Lighthouse's snapshot mode, which
skips the navigation's performance waits (about 15 s a page on this machine).

    .venv/bin/python bench/lighthouse.py [--snapshot]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, EDITIONS, mkdocs_build, serve  # noqa: E402
from tests.test_validity import LIGHTHOUSE, PAGE_TYPES, TOOLS  # noqa: E402

OUT = ROOT / "bench" / "LIGHTHOUSE.md"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshot", action="store_true",
                        help="snapshot mode, as the test does (default: full navigation)")
    args = parser.parse_args()
    mode = "snapshot" if args.snapshot else "navigation"
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        editions = {"nb (eksempel-kommune)": EDITIONS / "eksempel-kommune.yml",
                    "nn (fjordvik)": EDITIONS / "fjordvik.yml"}
        servers = {}
        for name, settings in editions.items():
            site = Path(tmp) / settings.stem
            mkdocs_build(settings, site)
            servers[name] = serve(site)
        try:
            urls = {base + path: (name, kind) for name, (base, _) in servers.items()
                    for kind, path in PAGE_TYPES.items()}
            started = time.perf_counter()
            flags = [] if args.snapshot else ["--navigation"]
            result = subprocess.run(
                ["node", str(LIGHTHOUSE), *flags, *urls], capture_output=True, text=True,
                check=True, cwd=TOOLS, env={**os.environ, "CHROME_PATH": CHROMIUM})
            seconds = time.perf_counter() - started
        finally:
            for _, httpd in servers.values():
                httpd.shutdown()
    for url, r in json.loads(result.stdout).items():
        name, kind = urls[url]
        failed = ", ".join(f["id"] for f in r["failed"]) or "–"
        rows.append((name, kind, PAGE_TYPES[kind], r["score"], failed))
    version = json.loads((TOOLS / "node_modules" / "lighthouse" / "package.json")
                         .read_text(encoding="utf-8"))["version"]
    lines = [
        "# Lighthouse accessibility",
        "",
        f"Run {datetime.now():%Y-%m-%d %H:%M} on {platform.node()} ({os.cpu_count()} cores), "
        f"Lighthouse {version} ({mode} mode) in Debian's Chromium, "
        f"`.venv/bin/python bench/lighthouse.py{' --snapshot' if args.snapshot else ''}`: "
        f"{len(rows)} pages in {seconds:.0f} s.",
        "",
        "| edition | kind of page | page | score | failing audits |",
        "|---|---|---|---|---|",
        *[f"| {e} | {k} | `{p}` | {s} | {f} |" for e, k, p, s, f in rows],
        "",
    ]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0 if all(score == 1 for *_, score, _ in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
