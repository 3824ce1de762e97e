"""Compiled Jinja templates kept between builds (Jinja's own bytecode cache).

Compiling the theme's, the pages' and the PDFs' templates is about a third of a second of
every build; a rebuild and the editor's preview reuse the compiled code instead. Each
environment gets a folder of its own, because the same template file compiles differently
under different options (the pages and the PDFs share the field components' templates, one
escaping HTML and the other not). Entries are keyed by template name and checked against
the source's checksum, so an edited template, or another edition's theme words, is compiled
again; a template in a temporary folder does not leave a new file behind at every build."""

from __future__ import annotations

from pathlib import Path

import jinja2


class TemplateCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, keyed by the template's name only (see the module docstring)."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(name)


def cache_templates(env: jinja2.Environment, folder: Path) -> None:
    """Let ``env`` keep its compiled templates in ``folder`` (made if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = TemplateCache(str(folder))
