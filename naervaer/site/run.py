"""Run a site build for one edition inside this process (the ``naervaer`` command's ``bygg``
and ``vis``), so an editor never needs to know where mkdocs.yml lives: the project's own
configuration is used from any folder, with the settings file wherever it is. The plugin does
the rest exactly as for a plain ``mkdocs build``: load and check first, build aside, swap.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from .. import ROOT

CONFIG = ROOT / "mkdocs.yml"
# libraries that talk at INFO level while a site is built (page counts, font subsetting,
# macros' start-up): quiet unless the editor asks for them
CHATTY = ("mkdocs", "mkdocs.plugins", "mkdocs_macros", "fontTools", "fontTools.subset",
          "fontTools.ttLib", "weasyprint")


class Failed(Exception):
    """The build stopped; what went wrong has been logged (file, line, key …)."""


def quiet(verbose: bool = False) -> None:
    """Library chatter off (warnings and errors still shown), unless ``verbose``."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    for name in CHATTY:
        logging.getLogger(name).setLevel(logging.INFO if verbose else logging.WARNING)


_attached: list[logging.Handler] = []  # what attach() added (one at a time)


def attach(handler: logging.Handler | None) -> None:
    """Let ``handler`` hear what mkdocs reports (instead of the one attached before)."""
    if handler is None:
        return
    logger = logging.getLogger("mkdocs")
    while _attached:
        logger.removeHandler(_attached.pop())
    _attached.append(handler)
    logger.addHandler(handler)


def build_site(
    settings_file: Path,
    out: Path,
    handler: logging.Handler | None = None,
    on_pdf: Callable[[int, int, str], None] | None = None,
    *,
    command: Literal["build", "serve"] = "build",
    configure: Callable[[Any], None] | None = None,
    draft: bool = False,
    edition: Any = None,
) -> None:
    """Build the whole edition (pages and PDFs) into ``out``; raise Failed. ``command``
    "build" builds aside and swaps into place; ``draft``: build though local facts are
    unset; ``edition``: the edition loaded already; ``configure(plugin)`` may set more
    options on the plugin (the preview)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .plugin import NaervaerPlugin

    attach(handler)
    try:
        # site_dir must be absolute: mkdocs resolves a relative one against mkdocs.yml
        config = load_config(config_file=str(CONFIG), site_dir=str(out.resolve()))
        plugin = config.plugins["naervaer"]
        assert isinstance(plugin, NaervaerPlugin)
        plugin.settings_file = settings_file
        plugin.on_pdf = on_pdf
        plugin.draft = draft
        plugin.preloaded = edition
        if configure is not None:
            configure(plugin)
        config.plugins.on_startup(command=command, dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        if not isinstance(exc, SystemExit):  # Abort: the reason is already logged
            logging.getLogger("mkdocs").error(str(exc))
        raise Failed(str(exc)) from None
