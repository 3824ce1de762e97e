"""The READMEs tell the truth about the code: every file of the project they name exists, and
every module they say to run with ``python -m`` can be found."""

from __future__ import annotations

import importlib.util
import re

import pytest

from .conftest import ROOT

DOCS = ["README.md", "data/README.md", "forms/README.md", "examples/publish/README.md",
        "bench/SEARCH.md"]
# a path inside the project, as the docs write it (`naervaer/site/causes.py`)
PATH = re.compile(r"\b((?:naervaer|docs|tests|bench|tools|data|forms|examples)/"
                  r"[A-Za-z0-9_./\-]+\.(?:json|js|py|css|yaml|yml|html|txt|md|sh))\b")


@pytest.mark.parametrize("doc", DOCS)
def test_every_file_a_readme_names_exists(doc: str) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    named = set(PATH.findall(text))
    assert named or doc == "bench/SEARCH.md"
    missing = sorted(p for p in named if not (ROOT / p).exists())
    assert missing == [], f"{doc} names files that do not exist: {missing}"


@pytest.mark.parametrize("doc", DOCS)
def test_every_module_a_readme_runs_exists(doc: str) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    modules = set(re.findall(r"python3? -m ([a-z_][\w.]*)", text))
    missing = sorted(m for m in modules if importlib.util.find_spec(m) is None)
    assert missing == [], f"{doc} runs modules that do not exist: {missing}"
