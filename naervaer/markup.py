"""Markdown → HTML for fragments shared by the site and the PDFs."""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
from markupsafe import Markup

_EXTENSIONS = ["tables", "attr_list", "sane_lists", "smarty"]
_SMARTY = {"smarty": {"smart_quotes": False, "smart_dashes": False, "smart_ellipses": True}}


@lru_cache(maxsize=4096)
def to_html(text: str) -> Markup:
    """Block-level markdown to HTML."""
    md = markdown.Markdown(extensions=_EXTENSIONS, extension_configs=_SMARTY)
    return Markup(md.convert(text.strip()))


@lru_cache(maxsize=4096)
def inline(text: str) -> Markup:
    """Markdown of a single paragraph, without the surrounding ``<p>``."""
    html = str(to_html(text))
    match = re.fullmatch(r"<p>(.*)</p>", html, flags=re.S)
    return Markup(match.group(1) if match else html)

