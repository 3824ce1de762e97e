"""Vendored browser libraries are the published npm files, unchanged (pinned by SHA-256),
each with its licence. To update: see «Vendored browser libraries» in README.md."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

VENDOR = Path(__file__).resolve().parent.parent / "docs" / "assets" / "vendor"

# npm package → file in the package → SHA-256 of that file as published
PINNED = {
    "pdf-lib/pdf-lib.min.js":  # pdf-lib@1.17.1 dist/pdf-lib.min.js
        "0f9a5cad07941f0826586c94e089d89b918c46e5c17cf2d5a3c6f666e3bc694f",
    "fontkit/fontkit.umd.min.js":  # @pdf-lib/fontkit@1.1.1 dist/fontkit.umd.min.js
        "d8df561b9fba98e24f2e5130e40948809281bbbc55a20c412359f1a0a5eb35a6",
    # the Unicode bidirectional algorithm for right-to-left text in filled PDFs (issue 20)
    "bidi-js/bidi.min.mjs":  # bidi-js@1.0.3 dist/bidi.min.mjs
        "bf1c6f8e9a1860c8a7ea4ea438d4b366e0d053d628a24b96fa16833c409df7a9",
    # fontkit's Indic shaper (Tamil) is compiled with regenerator and expects its runtime as a
    # global (pdf-lib issue #1419); loaded before fontkit
    "regenerator-runtime/runtime.js":  # regenerator-runtime@0.13.11 runtime.js
        "e4fa2bcc7507e23fb226bad104bd3c526149ebc9891afbc4bb3a4a0c88afded3",
}
LIBRARIES = ("pdf-lib", "fontkit", "bidi-js", "regenerator-runtime")


@pytest.mark.parametrize("rel", sorted(PINNED))
def test_vendored_file_is_the_published_one(rel: str) -> None:
    digest = hashlib.sha256((VENDOR / rel).read_bytes()).hexdigest()
    assert digest == PINNED[rel], f"{rel} differs from the published npm file"


@pytest.mark.parametrize("folder", LIBRARIES)
def test_vendored_library_has_its_licence(folder: str) -> None:
    text = (VENDOR / folder / "LICENSE.txt").read_text(encoding="utf-8")
    assert "MIT License" in text and "Permission is hereby granted" in text


def test_nothing_unpinned_is_vendored() -> None:
    files = {str(p.relative_to(VENDOR)) for p in VENDOR.rglob("*") if p.is_file()}
    assert files == set(PINNED) | {f"{folder}/LICENSE.txt" for folder in LIBRARIES}
