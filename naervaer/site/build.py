"""What the site build adds around MkDocs: the edition's PDFs and the swap into place."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import ROOT
from ..edition import Edition
from .pages import PARENTS_DIR, Artifact, Downloads

_state: dict[str, Downloads] = {}
# what the `naervaer` command wants to hear while MkDocs runs: "pdf" (done, total, file name)
# as each PDF is rendered, "serving" () when the preview server is about to listen
_listeners: dict[str, Callable[..., None]] = {}


def listen(event: str, callback: Callable[..., None] | None) -> None:
    if callback is None:
        _listeners.pop(event, None)
    else:
        _listeners[event] = callback


def tell(event: str, *args: Any) -> None:
    if event in _listeners:
        _listeners[event](*args)


def downloads() -> Downloads:
    return _state.setdefault("downloads", Downloads())


def set_downloads(value: Downloads) -> None:
    _state["downloads"] = value


def cache_dir(edition: Edition) -> Path:
    """Where generated PDFs and previews are kept between builds (per edition)."""
    base = Path(os.environ.get("NAERVAER_CACHE", ROOT / ".cache"))
    return base / "pdf" / edition.settings_file.stem


def fill_font_file() -> Path:
    """The font the browser embeds when it fills a PDF with text outside WinAnsi (cached)."""
    from ..pdf.fonts import fill_font

    base = Path(os.environ.get("NAERVAER_CACHE", ROOT / ".cache"))
    return fill_font(base / "fonts")


def build_pdfs(edition: Edition, workers: int | None = None) -> tuple[Downloads, dict[str, Path]]:
    """Render (or take from cache) every form and the whole-guide PDF.

    Returns what the pages show (sizes, page counts) and a map site path → file on disk.
    """
    from ..pdf.build import build_all  # imported here: WeasyPrint is slow to import

    results = build_all(edition, cache_dir(edition), workers=workers,
                        on_pdf=lambda *args: tell("pdf", *args))
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
