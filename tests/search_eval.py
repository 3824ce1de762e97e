"""The search query set (tests/search_queries.yaml) and how a query is judged: shared by
tests/test_search.py (in the browser, through the header box) and bench/search_compare.py
(the candidates compared in issue #23)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

QUERIES = Path(__file__).resolve().parent / "search_queries.yaml"
TOP = 3


@dataclass(frozen=True)
class Query:
    q: str
    pages: tuple[str, ...]
    kind: str
    editions: tuple[str, ...]


def load_queries(edition: str | None = None) -> list[Query]:
    """The query set, or the queries of one edition («nb» or «nn»)."""
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    out = [Query(str(item["q"]), tuple(item["pages"]), item["kind"],
                 tuple(item.get("editions", ["nb", "nn"]))) for item in data["queries"]]
    return [q for q in out if edition is None or edition in q.editions]


def no_hit_queries() -> list[str]:
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    return [str(item["q"]) for item in data["no_hits"]]


def site_path(url: str, base: str) -> str:
    """A result link as a site path: «veileder/x.html#sec» (percent-decoding the anchor)."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    root = urlsplit(base).path
    if path.startswith(root):
        path = path[len(root):]
    return path.lstrip("/") + (f"#{unquote(parts.fragment)}" if parts.fragment else "")


def is_right(link: str, accepted: tuple[str, ...]) -> bool:
    """A result link answers the query when its page is accepted, or its exact anchor."""
    for answer in accepted:
        if "#" in answer:
            if link == answer:
                return True
        elif link.split("#", 1)[0] == answer:
            return True
    return False


def rank_of_right(groups: list[list[str]], accepted: tuple[str, ...]) -> int | None:
    """1-based rank of the first result (a page with its sections) that holds a right link."""
    for rank, links in enumerate(groups, start=1):
        if any(is_right(link, accepted) for link in links):
            return rank
    return None


# Read the result list the theme renders: one <li> per page, the page's link first and then
# its best sections (also those folded into «N more»).
RESULT_GROUPS_JS = """() => Array.from(document.querySelectorAll(
    '.md-search-result__list > .md-search-result__item')).map(li =>
    Array.from(li.querySelectorAll('a.md-search-result__link')).map(a => a.href))"""
