"""Markdown → HTML for fragments shared by the site and the PDFs, and how values from a
settings file enter that markup.

Texts in data/ and forms/ are trusted markup source (markdown, HTML allowed). Values from a
settings file are not: an editor types a name, and that name must read as itself wherever it
lands — in running markdown, a heading, an HTML attribute, a PDF title. The edition wraps
every free-text settings value in :class:`SettingText` (or :class:`SettingMarkdown` for the
few fields that are markdown by design); both know their own safe markup through
``__html__``, the protocol Jinja's autoescape, ``markupsafe.escape`` and ``Markup.format``
already follow. So a value is neutralised at the moment it is substituted, by whichever
renderer substitutes it, and by the same two functions:

* :func:`escape_text` — plain text → markup that HTML *and* markdown read as that text:
  HTML's special characters and markdown's inline and line-start syntax become numeric
  character references, which both pass through unchanged and both display as the character;
* :func:`neutralise_markdown` — an editor's markdown keeps its emphasis, lists and links
  (https, http, mailto, tel), but raw HTML, attribute lists (``{: …}``), images (a request to
  another host) and links of any other scheme (``javascript:``) are shown as text.

Values whose form a pattern validates (times, ranges, phone numbers, colours, https
addresses) cannot hold markup; as :class:`SettingToken` they are only HTML-escaped.
"""

from __future__ import annotations

import html
import re
import threading
from functools import lru_cache
from typing import Any

import markdown
from markupsafe import Markup, escape

_EXTENSIONS = ["tables", "attr_list", "sane_lists", "smarty"]
_SMARTY = {"smarty": {"smart_quotes": False, "smart_dashes": False, "smart_ellipses": True}}


_converters = threading.local()


@lru_cache(maxsize=4096)
def to_html(text: str) -> Markup:
    """Block-level markdown to HTML. One converter per thread, reset before each text (as
    Python-Markdown documents): setting its extensions up is half the cost of a short text."""
    md = getattr(_converters, "md", None)
    if md is None:
        md = _converters.md = markdown.Markdown(extensions=_EXTENSIONS,
                                                extension_configs=_SMARTY)
    return Markup(md.reset().convert(text.strip()))


@lru_cache(maxsize=4096)
def inline(text: str) -> Markup:
    """Markdown of a single paragraph, without the surrounding ``<p>``."""
    html_ = str(to_html(text))
    match = re.fullmatch(r"<p>(.*)</p>", html_, flags=re.S)
    return Markup(match.group(1) if match else html_)


# -- settings values in markup ----------------------------------------------------------

# HTML's specials, and markdown's inline syntax (emphasis, code, links, attribute lists,
# tables, strike-through), anywhere in a value
_ALWAYS = re.compile(r"""[&<>"'\\`*_\[\]{}|~]""")
# markdown's block syntax where a value starts a line: headings, quotes, lists, setext rules
_LINE_START = re.compile(r"^[#>+=\-0-9]")


def _ref(match: re.Match[str]) -> str:
    return "".join(f"&#{ord(c)};" for c in match.group(0))


def escape_text(value: str) -> str:
    """Plain text → markup source that reads as exactly that text in HTML and in markdown.

    Whitespace runs (newlines too) become one space: a value never starts a new block.
    """
    text = " ".join(str(value).split())
    return _LINE_START.sub(_ref, _ALWAYS.sub(_ref, text))


_SAFE_SCHEMES = ("https:", "http:", "mailto:", "tel:")
_LINK = re.compile(r"\]\(([^)]*)")                       # [text](target
_REFERENCE = re.compile(r"^(\s*\[[^\]]*)\]:([^\n]*)", re.M)   # [id]: target


def _scheme_ok(target: str) -> bool:
    """A link target without a scheme (a page or anchor here) or with a harmless one.
    Browsers drop tabs and newlines inside a URL, so whitespace is ignored here too."""
    target = re.sub(r"[\x00-\x20<]", "", target).lower()
    head = re.split(r"[/?#]", target, maxsplit=1)[0]
    return ":" not in head or target.startswith(_SAFE_SCHEMES)


def neutralise_markdown(value: str) -> str:
    """An editor's markdown with everything that is not formatting shown as text."""
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("{", "&#123;").replace("}", "&#125;").replace("![", "&#33;[")
    text = _LINK.sub(lambda m: m.group(0) if _scheme_ok(m.group(1))
                     else "&#93;(" + m.group(0)[2:], text)
    return _REFERENCE.sub(lambda m: m.group(0) if _scheme_ok(m.group(2))
                          else m.group(1) + "&#93;:" + m.group(0)[len(m.group(1)) + 2:], text)


class SettingText(str):
    """A free-text value from a settings file: plain text, never markup."""

    __slots__ = ()

    def __html__(self) -> Markup:
        return Markup(escape_text(self))


class SettingToken(str):
    """A settings value whose form a pattern has checked (a time, a colour, an https address):
    no markdown or HTML can hide in it; only ``&`` (in a URL's query) needs escaping."""

    __slots__ = ()

    def __html__(self) -> Markup:
        return escape(str(self))


class SettingPhone(str):
    """A phone number from settings: as written, and a ``tel:`` link on the site and in PDFs
    (``tel`` is its dialable address; bidirectional isolates around the number stay outside
    the link's address)."""

    tel: str

    def __new__(cls, value: str, tel: str) -> SettingPhone:
        self = super().__new__(cls, value)
        self.tel = tel
        return self

    def __html__(self) -> Markup:
        return Markup('<a class="nv-tel" href="{}">{}</a>').format(self.tel, str(self))


class UnsetFact(str):
    """A local fact the settings do not give yet (only in a draft): shown as what is
    missing, marked, so no reader takes it for a value."""

    __slots__ = ()

    def __html__(self) -> Markup:
        return Markup('<mark class="nv-unset">{}</mark>').format(str(self))


class SettingMarkdown(str):
    """A settings value that is markdown by design (a service's mandate, a local text)."""

    __slots__ = ()

    def __html__(self) -> Markup:
        return Markup(neutralise_markdown(self))


def markup_source(value: Any) -> str:
    """What ``value`` contributes to markup source: its ``__html__`` when it has one (a
    resolved text, a settings value, ``Markup``), else its text as it is (trusted data)."""
    html_ = getattr(value, "__html__", None)
    return str(html_()) if html_ is not None else str(value)


def as_markup(value: Any) -> Any:
    """Jinja ``finalize``: a value that knows its markup becomes ``Markup`` (so autoescape
    leaves it alone); anything else is left to the template's escaping, if any."""
    html_ = getattr(value, "__html__", None)
    return html_() if html_ is not None else value


def plain_text(value: Any) -> str:
    """How a short piece of markup source reads (labels, titles, PDF field tooltips):
    character references decoded. Meant for texts without markdown."""
    return html.unescape(markup_source(value))
