"""The first-load budget: what a page makes a browser fetch before the reader does anything,
counted from the built files, raw and as the nginx example in the README sends it (gzip).

Counted: the page's HTML plus everything it names that a browser fetches at once from
'self' — stylesheets (and their ``@import`` and ``url()`` files: fonts, images), classic and
module scripts and the static ``import``s of modules, ``modulepreload``/``preload`` links,
the favicon, and every ``<img>`` (lazy or not: Chromium fetches lazy images near the
viewport anyway, so all are counted). Not counted: dynamic ``import()`` and ``fetch()`` that
run only when the reader acts (search index, pdf-fill.js, the PDF form).
``tests/test_budget.py`` holds every page of both editions to it; ``naervaer budsjett SITE``
prints the breakdown; ``bench/run.py`` checks the counter against Chromium.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

KB = 1024
RAW_BUDGET = 350 * KB   # bytes a page loads at first, as the files are
WIRE_BUDGET = 100 * KB  # … and as the nginx example sends them (gzip)

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
    if missing:
        raise MissingFiles(f"{page.relative_to(site)} names files that are not built: {missing}")
    return {str(p.relative_to(site.resolve())): n for p, n in loaded.items()}


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts)




class MissingFiles(AssertionError):
    """A page names a file the build did not write."""


# what the nginx example compresses (gzip_types, plus HTML, which gzip always covers), at
# gzip_comp_level 6, and only from gzip_min_length bytes on
GZIP_SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".svg"}
GZIP_MIN_LENGTH = 1024
GZIP_LEVEL = 6


@lru_cache(maxsize=4096)
def wire_bytes(path: Path) -> int:
    """The bytes the nginx example sends for ``path``."""
    data = path.read_bytes()
    if path.suffix.lower() not in GZIP_SUFFIXES or len(data) < GZIP_MIN_LENGTH:
        return len(data)
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def totals(page: Path, site: Path) -> tuple[int, int, dict[str, int]]:
    """(raw bytes, bytes on the wire, {file: raw bytes}) of a page's first load."""
    files = first_load(page, site)
    wire = sum(wire_bytes((site / name).resolve()) for name in files)
    return sum(files.values()), wire, files


def over_budget(site: Path) -> list[str]:
    """One report per page over either budget, with its files by size."""
    report = []
    for page in pages(site):
        raw, wire, files = totals(page, site)
        if raw > RAW_BUDGET or wire > WIRE_BUDGET:
            lines = [f"  {n:>8}  {name}" for name, n in sorted(files.items(), key=lambda x: -x[1])]
            report.append(f"{page.relative_to(site)}: {raw / KB:.0f} KB raw (≤ {RAW_BUDGET // KB}),"
                          f" {wire / KB:.0f} KB on the wire (≤ {WIRE_BUDGET // KB}), "
                          f"{len(files)} files\n" + "\n".join(lines))
    return report
