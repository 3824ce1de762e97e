"""The command line: ``naervaer`` and its verbs (:mod:`.app` parses, :mod:`.editor` and
:mod:`.maintainers` run them; :mod:`.starter` writes a starter settings file,
:mod:`.translators` reports on translations)."""

from .app import main

__all__ = ["main"]
