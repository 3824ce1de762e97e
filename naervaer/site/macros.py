"""mkdocs-macros entry point: the functions thin pages in docs/ call.

A thin page is one line, e.g. ``{{ guide_page() }}``; which guide page or category it shows
follows from the page's file name, so a page can never drift from its data.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from . import edition
from .build import downloads
from .pages import PageRenderer


def define_env(env: Any) -> None:
    def renderer() -> PageRenderer:
        return PageRenderer(edition(), env.page.file.src_uri, downloads())

    def stem() -> str:
        return PurePosixPath(env.page.file.src_uri).stem

    @env.macro
    def guide_page(page_id: str | None = None) -> str:
        return renderer().guide_page(page_id or stem())

    @env.macro
    def category_page(slug: str | None = None) -> str:
        return renderer().category_page(slug or stem())

    @env.macro
    def measure_overview() -> str:
        return renderer().measure_overview()

    @env.macro
    def start_page() -> str:
        return renderer().start_page()

    @env.macro
    def process_page() -> str:
        return renderer().process_page()

    @env.macro
    def forms_page() -> str:
        return renderer().forms_page()

    @env.macro
    def form_fill_page(form_id: str | None = None) -> str:
        return renderer().form_fill_page(form_id or stem())

    @env.macro
    def info_page(name: str) -> str:
        return renderer().info_page(name)

    @env.macro
    def parents_page() -> str:
        return renderer().parents_page()

    @env.macro
    def languages_page() -> str:
        return renderer().languages_page()

    @env.macro
    def language_page(code: str) -> str:
        return renderer().language_page(code)
