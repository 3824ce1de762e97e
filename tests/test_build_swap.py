"""A strict build that mkdocs refuses for a warning must not have replaced the previous site.

mkdocs counts warnings and aborts a strict build only after ``on_post_build``, where our plugin
swaps the finished build into place; the plugin must therefore check for warnings itself.
"""

from __future__ import annotations

import inspect
import logging
from pathlib import Path

import pytest
from mkdocs.commands import build as mkdocs_build_module

from naervaer.site.plugin import NaervaerPlugin


def test_mkdocs_still_aborts_strict_builds_after_post_build() -> None:
    """The premise of the plugin's check (mkdocs 1.6, pinned)."""
    source = inspect.getsource(mkdocs_build_module.build)
    assert source.index("on_post_build") < source.index("in strict mode")


@pytest.mark.parametrize("strict, warned, swapped", [
    (True, True, False), (True, False, True), (False, True, True)])
def test_a_strict_build_with_a_warning_keeps_the_previous_site(
        tmp_path: Path,
        strict: bool, warned: bool, swapped: bool) -> None:
    final, staging = tmp_path / "site", tmp_path / "site.building"
    final.mkdir()
    (final / "index.html").write_text("forrige utgave", encoding="utf-8")
    staging.mkdir()
    (staging / "index.html").write_text(
        "<!doctype html><html lang=nb><title>Ny</title><p>ny utgave</p></html>", encoding="utf-8")
    plugin = NaervaerPlugin()
    plugin.command, plugin.staging, plugin.final = "build", staging, final
    config = {"site_dir": str(staging), "strict": strict}
    logging.getLogger("mkdocs").addHandler(plugin.warnings)  # as on_config does
    try:
        if warned:
            logging.getLogger("mkdocs.structure.pages").warning("en lenke peker ingen steder")
        plugin.on_post_build(config=config)
        if strict and warned:  # what mkdocs does next
            plugin.on_build_error(error=RuntimeError("Aborted with 1 warnings in strict mode!"))
    finally:
        plugin.on_shutdown()
    text = (final / "index.html").read_text(encoding="utf-8")
    assert ("ny utgave" in text) is swapped
    assert not staging.exists()
