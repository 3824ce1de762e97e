"""Small, named corrections to mkdocs-material's own templates, made as they are loaded.

The theme's own mechanisms come first: blocks are overridden in
``naervaer/site/theme/main.html``, and its words through a custom translation made for the
edition (:func:`custom_language`). The markup fixed here sits
*outside* any block (the toggle checkboxes at the top of ``base.html``) or inside block-less
partials (``partials/search.html``, the ``render`` macro of ``partials/nav-item.html``), where
the theme's only other way is to copy the whole file into this project — someone else's code,
which silently goes stale on the next theme upgrade. Instead each fix names the exact
upstream snippet it replaces and why, and is pinned to the upstream file by its SHA-256
(:data:`UPSTREAM`, checked by ``tests/test_theme.py``); the build stops if a snippet is no
longer found exactly as often as expected, so a theme upgrade shows at once which fixes to
look at again (and drop, once upstream has fixed the markup).

Only the theme's own files are amended: a template overridden in our theme folder is used
as it is. The output HTML is never patched.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import material

THEME_TEMPLATES = Path(material.__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class Fix:
    template: str
    old: str
    new: str
    why: str
    count: int = 1


# the theme's words that its nb and nn files leave in English; ours are `theme.<key>` in
# data/ui.yaml, given to the theme as a custom translation (:func:`custom_language`)
THEME_WORDS = ("header", "footer")

CUSTOM_LANGUAGE = """{{#- The theme's words for this edition: mkdocs-material's own nb or nn
    file, with the words from data/ui.yaml where that file has English. -#}}
{{% import "partials/languages/{lang}.html" as base %}}
{{% macro t(key) %}}{{{{ {words}.get(key) or base.t(key) }}}}{{% endmacro %}}
"""


def custom_language(config: Any, lang: str, words: dict[str, str]) -> Path:
    """Give the theme a custom translation (its documented way to change its words): a
    ``partials/languages/custom.html`` made for this edition in a folder of its own, put
    first among the theme's folders. Returns the folder (removed when the build ends)."""
    folder = Path(tempfile.mkdtemp(prefix="naervaer-theme-"))
    target = folder / "partials" / "languages" / "custom.html"
    target.parent.mkdir(parents=True)
    target.write_text(CUSTOM_LANGUAGE.format(lang=lang, words=json.dumps(words)),
                      encoding="utf-8")
    config["theme"].dirs.insert(0, str(folder))
    config["theme"]["language"] = "custom"
    return folder

# the upstream files the fixes were written against (mkdocs-material 9.8.1, as pinned)
UPSTREAM = {
    "base.html": "8536d352b0093623df9e0032894f321cbe264b15a9b48cdd962583772455dadb",
    "partials/nav-item.html": "89895208f22d68ce405a4bcb6649b9150eba5bbb04663a6cb3f93f02daf1d2f7",
    "partials/search.html": "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
    # the custom translation falls back to these: their «header» and «footer» are English
    "partials/languages/nb.html":
        "4c9dc198d9c95648c9b55b18d007fc355d3e3eafaa7851671776e9d5a256f6c0",
    "partials/languages/nn.html":
        "725c7bb01e20430652f9ca17f5c6922831354ee468ba3ad8156c893ed6c04a9f",
}

FIXES: tuple[Fix, ...] = (
    Fix(
        "base.html",
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer"'
        ' autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer"'
        ' aria-label="{{ lang.t(\'nav\') }}">',
        "`autocomplete` is not allowed on a checkbox (W3C Nu checker); the theme uses it to "
        "keep the browser from restoring an open menu on «back», which main.html's "
        "`nv-toggles` script now does. The hidden toggle also gets a name of its own.",
    ),
    Fix(
        "base.html",
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search"'
        ' autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search"'
        ' aria-label="{{ lang.t(\'search\') }}">',
        "As for the menu toggle: no `autocomplete` on a checkbox; a name of its own (its "
        "labels are icons only).",
    ),
    Fix(
        "partials/nav-item.html",
        'tabindex="{{ tabindex }}"',
        '{% if tabindex %}tabindex="{{ tabindex }}"{% endif %}',
        "With `navigation.sections` the section labels get `tabindex=\"\"`, which is not a "
        "valid integer (Nu checker, 8 errors on every page). Leave the attribute out instead.",
        count=2,
    ),
    Fix(
        "partials/nav-item.html",
        '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">',
        '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc"'
        ' aria-label="{{ lang.t(\'toc\') }}">',
        "The table-of-contents toggle has no label on pages without headings; give it a name.",
    ),
    Fix(
        "partials/search.html",
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog"'
        ' aria-label="{{ lang.t(\'search\') }}">',
        "A dialog needs an accessible name (axe/Lighthouse `aria-dialog-name`).",
    ),
    Fix(
        "partials/search.html",
        'data-md-component="search-query" required>',
        'data-md-component="search-query" required>\n'
        '      <button type="submit" class="nv-search-submit">{{ lang.t(\'search\') }}</button>',
        "A form needs a submit button (HTML_CodeSniffer H32.2). Visually hidden until it "
        "has focus; naervaer.js turns submitting into moving to the results, so what the "
        "reader typed never leaves the page.",
    ),
)


class ThemeFixError(jinja2.TemplateError):
    pass


class FixingLoader(jinja2.BaseLoader):
    """Wraps the theme's loader and applies :data:`FIXES` to mkdocs-material's own files."""

    def __init__(self, inner: jinja2.BaseLoader, fixes: tuple[Fix, ...] = FIXES):
        self.inner = inner
        self.fixes: dict[str, list[Fix]] = {}
        for fix in fixes:
            self.fixes.setdefault(fix.template, []).append(fix)

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        fixes = self.fixes.get(template, [])
        if fixes and filename and Path(filename).resolve().is_relative_to(THEME_TEMPLATES):
            source = apply_fixes(template, source, fixes)
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


def apply_fixes(template: str, source: str, fixes: list[Fix]) -> str:
    for fix in fixes:
        found = source.count(fix.old)
        if found != fix.count:
            raise ThemeFixError(
                f"mkdocs-material's {template} has changed: expected {fix.count}× "
                f"{fix.old!r}, found {found}×. Check whether this fix is still needed "
                f"(naervaer/site/theme_fixes.py) — {fix.why}")
        source = source.replace(fix.old, fix.new)
    return source


def install(env: jinja2.Environment) -> jinja2.Environment:
    if not isinstance(env.loader, FixingLoader) and env.loader is not None:
        env.loader = FixingLoader(env.loader)
    return env
