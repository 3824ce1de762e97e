"""MkDocs glue: hooks that load the edition, macros that render thin pages from it."""

from __future__ import annotations

from ..edition import Edition

_current: dict[str, Edition] = {}


def set_edition(edition: Edition) -> None:
    _current["edition"] = edition


def edition() -> Edition:
    try:
        return _current["edition"]
    except KeyError:
        raise RuntimeError("the edition is loaded by naervaer/site/hooks.py on_config") from None
