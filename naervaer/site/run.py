"""Run ``mkdocs build`` or ``mkdocs serve`` for one edition inside this process.

The ``naervaer`` command uses these, so an editor never needs to know where mkdocs.yml
lives: the project's own configuration (``ROOT/mkdocs.yml``) is used from any directory,
with the settings file wherever it is. The hooks do the rest exactly as for a plain
``mkdocs build``: load and validate first, build aside, swap into place.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from .. import ROOT
from ..edition import SETTINGS_ENV
from .build import listen

CONFIG = ROOT / "mkdocs.yml"


class Failed(Exception):
    """The build stopped; what went wrong has been logged (file, line, key …)."""


def _prepare(settings_file: Path, handler: logging.Handler | None) -> None:
    os.environ[SETTINGS_ENV] = str(settings_file)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if handler is not None:
        logger = logging.getLogger("mkdocs")
        for old in [h for h in logger.handlers if getattr(h, "naervaer", False)]:
            logger.removeHandler(old)
        handler.naervaer = True  # type: ignore[attr-defined]
        logger.addHandler(handler)


def build_site(
    settings_file: Path,
    out: Path,
    handler: logging.Handler | None = None,
    on_pdf: Callable[[int, int, str], None] | None = None,
) -> None:
    """Build the whole edition (pages and PDFs) into ``out``, atomically; raise Failed."""
    _prepare(settings_file, handler)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    listen("pdf", on_pdf)
    try:
        # site_dir must be absolute: mkdocs resolves a relative one against mkdocs.yml
        config = load_config(config_file=str(CONFIG), site_dir=str(out.resolve()))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        if not isinstance(exc, SystemExit):  # Abort: the reason is already logged
            logging.getLogger("mkdocs").error(str(exc))
        raise Failed(str(exc)) from None
    finally:
        listen("pdf", None)


def serve_site(
    settings_file: Path,
    port: int,
    handler: logging.Handler | None = None,
    on_ready: Callable[[], None] | None = None,
    on_pdf: Callable[[int, int, str], None] | None = None,
) -> None:
    """Preview with live reload on 127.0.0.1:``port`` until Ctrl+C (mkdocs serve)."""
    _prepare(settings_file, handler)
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    listen("serving", on_ready)
    listen("pdf", on_pdf)
    try:
        serve(config_file=str(CONFIG), livereload=True, dev_addr=f"127.0.0.1:{port}")
    except MkDocsException as exc:
        raise Failed(str(exc)) from None
    finally:
        listen("serving", None)
        listen("pdf", None)
