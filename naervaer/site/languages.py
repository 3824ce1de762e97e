"""Pages in other languages (parent material): a page per published language, generated
from the data, and the small marks that tell browsers and screen readers which parts of
the page are in which language. Each rewrite of the theme's HTML names what it expects to
find and stops the build when it does not (a theme upgrade shows at once)."""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from ..content.edition import Edition
from .nav import language_src


def language_pages(ed: Edition) -> dict[str, str]:
    """A page per published language (the language list is data). Each is one macro call,
    like the thin pages, and stays out of the Norwegian search index."""
    return {
        language_src(lang.code):
            "---\nsearch:\n  exclude: true\n---\n\n"
            f"{{{{ language_page('{lang.code}') }}}}\n"
        for lang in ed.parents.languages
    }


def mark_language_links(html: str, code: str, direction: str, required: bool = False) -> str:
    """The theme's navigation and footer links to a language page show the language's name
    in its own script: mark that name with its language and direction. ``required``: the
    page must hold such a link (pages of the parent section list every language)."""
    link = re.compile(r'(<a href="(?:(?:\.\./)*foreldre/)?' + code + r'\.html"[^>]*>\s*'
                      r'(?:<div class="md-footer__title">\s*<span class="md-footer__direction">'
                      r'[^<]*</span>\s*)?<(?:span|div) class="md-ellipsis")')
    html, found = link.subn(lambda m: f'{m.group(1)} lang="{code}" dir="{direction}"', html)
    if required and not found:
        raise PluginError(f"theme markup changed: no navigation link to {code}.html found "
                          "(naervaer/site/languages.py mark_language_links)")
    return html


# the Norwegian frame: everything but the content and the table of contents (whose entries
# are the page's own headings; only its title is Norwegian)
_CHROME = re.compile(r'<(header|nav|footer|div|a|button|label)\b(?=[^>]*\bclass="(?:md-header|'
                     r'md-tabs|md-sidebar md-sidebar--primary|md-footer|md-skip|md-top|'
                     r'md-search|md-nav__title" for="__toc)[\s"])')
_CHROME_PARTS = ("md-header", "md-sidebar md-sidebar--primary", "md-search")


def page_language(html: str, lang: str, chrome_lang: str, title: str) -> str:
    """A page in another language: ``<html lang>`` and ``<title>`` in the page's language;
    the Norwegian frame around it (header, navigation, search, footer, skip link) keeps
    ``lang`` of the edition. ``title`` is markup (escaped already)."""
    html, n_lang = re.subn(r'<html lang="[^"]*"', f'<html lang="{lang}"', html, count=1)
    html, n_title = re.subn(r"<title>.*?</title>", lambda _: f"<title>{title}</title>", html,
                            count=1, flags=re.S)
    missing = [part for part in _CHROME_PARTS if f'class="{part}' not in html]
    if n_lang != 1 or n_title != 1 or missing:
        raise PluginError("theme markup changed: <html lang>, <title> or the frame "
                          f"{missing} not found (naervaer/site/languages.py page_language)")
    return _CHROME.sub(lambda m: f'{m.group(0)} lang="{chrome_lang}"', html)
