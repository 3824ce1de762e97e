"""Check every link of a built site offline; list external links for editors (never fetched)."""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..messages import msg
from ..text import Lang

_ID = re.compile(r"""<[a-zA-Z][^>]*?\s(?:id|name)=["']([^"']+)["']""")
_LINK = re.compile(r"""<(?:a|link|img|script|iframe|source)\b[^>]*?\s(?:href|src)="""
                   r"""["']([^"']*)["']""")
_SKIP = re.compile(r"<(script|style|svg)\b[^>]*>.*?</\1>", re.S)


class _Collector:
    """Ids and link targets of one page (the HTML is our own output: regular enough)."""

    def __init__(self, html: str) -> None:
        markup = _SKIP.sub(lambda m: m.group(0)[: m.group(0).find(">") + 1], html)
        self.ids = {unescape(v) for v in _ID.findall(markup)}
        self.links = [unescape(v) for v in _LINK.findall(markup) if v]


@dataclass
class LinkReport:
    broken: list[str] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    lang: Lang = "nb"

    def external_text(self) -> str:
        lines = [f"# {msg('external_links', self.lang)}", ""]
        for url in sorted(self.external):
            pages = ", ".join(sorted(self.external[url]))
            lines.append(f"{url}\t{pages}")
        return "\n".join(lines) + "\n"

def check_site(site: Path, lang: Lang = "nb", ignore: tuple[str, ...] = ()) -> LinkReport:
    """Every internal link and anchor of the built ``site``; external links listed.
    ``ignore``: link targets that are not files of the site (the preview's own script)."""
    pages = {str(p.relative_to(site)).replace("\\", "/"): p for p in site.rglob("*.html")}
    parsed: dict[str, _Collector] = {}
    for rel, path in pages.items():
        parsed[rel] = _Collector(path.read_text(encoding="utf-8"))
    report = LinkReport(lang=lang)
    for rel, collector in parsed.items():
        for value in collector.links:
            if value in ignore:
                continue
            parts = urlsplit(value)
            if parts.scheme in ("http", "https"):
                report.external[value].add(rel)
                continue
            if parts.scheme in ("mailto", "tel", "data", "javascript") or value.startswith("//"):
                continue
            target = rel
            if parts.path.startswith("/"):  # root-relative (the 404 page): from the site root
                target = posixpath.normpath(unquote(parts.path).lstrip("/") or "index.html")
            elif parts.path:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(rel),
                                                           unquote(parts.path)))
                if target.endswith("/") or (site / target).is_dir():
                    target = posixpath.join(target, "index.html")
                if not (site / target).is_file():
                    report.broken.append(msg("link_no_file", lang, page=rel, target=value))
                    continue
            if parts.fragment and target.endswith(".html"):
                ids = parsed[target].ids if target in parsed else set()
                if unquote(parts.fragment) not in ids:
                    report.broken.append(msg("link_no_anchor", lang, page=rel, target=value))
    return report

LEGACY_SKIP = re.compile(r"^$")
