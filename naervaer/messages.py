"""What the build says to the people who edit files: one catalogue, ``data/messages.yaml``.

Every message is there in bokmål and nynorsk. A settings file is reported in its own
målform (``language: nn`` → nynorsk); data files in bokmål. Readers' words are in
``data/ui.yaml`` and the command's own words in ``data/cli.yaml``: one catalogue per audience.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from . import DATA_DIR
from .text import Lang

MESSAGES_FILE = DATA_DIR / "messages.yaml"


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """Every message by key: ``{key: {nb: …, nn: …}}``."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with MESSAGES_FILE.open(encoding="utf-8") as handle:
        data: dict[str, dict[str, str]] = yaml.load(handle, Loader=loader)
    return data


def known(key: str) -> bool:
    return key in catalogue()


def msg(key: str, lang: Lang = "nb", /, **values: Any) -> str:
    """The message ``key`` in ``lang`` with ``values`` filled in."""
    return catalogue()[key][lang].format(**values)
