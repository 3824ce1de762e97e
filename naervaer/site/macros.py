"""mkdocs-macros entry point: the functions thin pages in docs/ call.

A thin page is one line, e.g. ``{{ guide_page() }}``; which guide page or category it shows
follows from the page's file name, so a page can never drift from its data. The edition and
the downloads come from the ``naervaer`` plugin's own state.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from .pages import PageRenderer


def define_env(env: Any) -> None:
    def renderer() -> PageRenderer:
        plugin = env.conf.plugins["naervaer"]
        return plugin.renderer(env.page.file.src_uri)

    def stem() -> str:
        return PurePosixPath(env.page.file.src_uri).stem

    macros = {
        "guide_page": lambda page_id=None: renderer().guide_page(page_id or stem()),
        "category_page": lambda slug=None: renderer().category_page(slug or stem()),
        "measure_overview": lambda: renderer().measure_overview(),
        "causes_page": lambda: renderer().causes_page(),
        "start_page": lambda: renderer().start_page(),
        "process_page": lambda: renderer().process_page(),
        "forms_page": lambda: renderer().forms_page(),
        "form_fill_page": lambda form_id=None: renderer().form_fill_page(form_id or stem()),
        "info_page": lambda name: renderer().info_page(name),
        "parents_page": lambda: renderer().parents_page(),
        "languages_page": lambda: renderer().languages_page(),
        "language_page": lambda code: renderer().language_page(code),
    }
    for name, function in macros.items():
        env.macro(function, name)
