"""What the site build adds around MkDocs: the edition's PDFs and the swap into place."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from .. import ROOT
from ..content.edition import Edition
from .pages import PARENTS_DIR, Artifact, Downloads


def cache_base() -> Path:
    """Where rendered PDFs, previews and fonts are kept between builds: ``$NAERVAER_CACHE``,
    else ``.cache/`` in the project."""
    return Path(os.environ.get("NAERVAER_CACHE") or ROOT / ".cache")


def cache_dir(edition: Edition) -> Path:
    """Where generated PDFs and previews are kept between builds (per edition)."""
    return cache_base() / "pdf" / edition.settings_file.stem


def fill_font_files() -> dict[str, Path]:
    """The fonts the browser embeds when it fills a PDF with text outside WinAnsi, one per
    script, and their manifest (cached): {file name: path}."""
    from ..pdf.fonts import fill_fonts

    return fill_fonts(cache_base() / "fonts")


def build_pdfs(edition: Edition, workers: int | None = None,
               on_pdf: Callable[[int, int, str], None] | None = None, render: bool = True,
               ) -> tuple[Downloads, dict[str, Path]]:
    """Render (or take from cache) every form and the whole-guide PDF.

    Returns what the pages show (sizes, page counts) and a map site path → file on disk.
    ``on_pdf(done, total, file name)`` is told as each missing PDF is finished; with
    ``render`` False, missing PDFs are left out (the preview renders them afterwards)."""
    from ..pdf.build import build_all  # imported here: WeasyPrint is slow to import

    results = build_all(edition, cache_dir(edition), workers=workers, on_pdf=on_pdf,
                        render=render)
    files: dict[str, Path] = {}
    result = Downloads()
    for item in results:
        folder = PARENTS_DIR if item.variant == "parent" else "skjema"
        dest = f"{folder}/{item.path.name}"
        files[dest] = item.path
        artifact = Artifact(dest=dest, size=item.path.stat().st_size, pages=item.pages)
        if item.form_id == "_guide":
            result.guide_pdf = artifact
        elif item.variant == "parent":
            result.parents[item.form_id] = artifact
        else:
            result.forms.setdefault(item.form_id, {})[item.variant] = artifact
    return result, files


def swap_into_place(staging: Path, final: Path) -> None:
    """Replace ``final`` with the finished ``staging`` directory (old output kept until then)."""
    old = final.with_name(final.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        final.rename(old)
    staging.rename(final)
    if old.exists():
        shutil.rmtree(old)
