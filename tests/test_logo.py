"""A municipality's logo and colour reach the site header and every PDF."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pikepdf
import pytest

from naervaer.content.edition import load_edition
from naervaer.pdf.build import build_all

from .conftest import mkdocs_build


def tiny_png(path: Path) -> None:
    """A 4×4 dark-blue PNG, written by hand (no image library needed)."""
    raw = b"".join(b"\x00" + b"\x1f\x4e\x79" * 4 for _ in range(4))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2,
                                                                      0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@pytest.mark.build
def test_logo_and_colour_on_site_and_in_pdfs(tmp_path: Path) -> None:
    tiny_png(tmp_path / "vapen.png")
    settings = tmp_path / "logo.yml"
    settings.write_text('municipality: Logoby kommune\nlanguage: nb\nlogo: vapen.png\n'
                        'colour: "#6a1b4d"\n', encoding="utf-8")
    out = tmp_path / "site"
    mkdocs_build(settings, out, extra_env={"NAERVAER_NO_PDF": "1"})
    index = (out / "index.html").read_text(encoding="utf-8")
    assert (out / "assets" / "logo.png").exists() and 'src="assets/logo.png"' in index
    assert "#6a1b4d" in (out / "assets" / "edition.css").read_text(encoding="utf-8")

    edition = load_edition(settings)
    built = build_all(edition, tmp_path / "cache", only=["vip-brev"], workers=1,
                      progress=lambda m: None)
    for item in built:
        if item.path.suffix != ".pdf":
            continue
        with pikepdf.open(item.path) as pdf:
            images = [name for name, obj in pdf.pages[0].Resources.get("/XObject", {}).items()
                      if obj.get("/Subtype") == "/Image"]
            assert images, f"no logo image in {item.path.name}"
