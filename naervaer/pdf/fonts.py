"""Fonts made at build time with fontTools: the field font of the blank PDFs, and the fonts
the browser embeds when it fills a PDF with text the standard PDF font cannot show.

WeasyPrint embeds a font used by a form field whole (a viewer needs every glyph to show what
the user types), so fields get their own font subset to the characters Norwegian text needs.

Filling in the browser (docs/assets/pdf-fill.js) draws Norwegian text in the standard font
(Helvetica, WinAnsi). Names in other scripts need fonts of their own, one file per script so
the browser loads only what a value needs: Liberation Sans — the form's own family — for
Latin with any diacritics (Polish, Vietnamese …), Cyrillic and Greek, and Noto Sans for
Arabic script (Arabic, Persian/Dari, Urdu, Sorani), Ethiopic (Tigrinya, Amharic), Thai and
Tamil. ``fill_fonts`` writes them and a manifest, ``fill-fonts.json``, that tells the browser
which characters each file covers (read from the subset's own character map).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

FIELD_FONT_SOURCE = Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf")
FALLBACK_SOURCES = [
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
]
# Basic Latin, Latin-1 (æøå, «»), Latin Extended-A, dashes/quotes/ellipsis, euro sign
UNICODES = "U+0020-007E,U+00A0-017F,U+2010-2027,U+20AC"


def field_font(cache: Path) -> Path:
    """Path to the subset field font, creating it once in ``cache``."""
    target = cache / "field-font.ttf"
    if target.exists():
        return target
    from fontTools import subset

    source = next((p for p in [FIELD_FONT_SOURCE, *FALLBACK_SOURCES] if p.exists()), None)
    if source is None:
        raise FileNotFoundError(
            "no field font: install the Debian package fonts-liberation2 (see README)"
        )
    cache.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    subset.main([
        str(source), f"--unicodes={UNICODES}", f"--output-file={tmp}",
        "--layout-features=*", "--name-IDs=*", "--no-hinting", "--desubroutinize",
    ])
    tmp.replace(target)
    return target


NOTO = Path("/usr/share/fonts/truetype/noto")
# spaces, joiners and the dotted circle (shown for a lone combining mark) go with each script,
# so a run of one script is shaped as one piece
WITH_SCRIPT = ["U+0020", "U+00A0", "U+200B-200D", "U+25CC"]


@dataclass(frozen=True)
class FillFont:
    """One font file the browser may embed: which script(s), from which Debian font."""

    name: str           # file name: fill-<name>.ttf
    source: Path
    package: str        # the Debian package that ships ``source``
    unicodes: tuple[str, ...]


FILL_FONTS = (
    FillFont("latin", FIELD_FONT_SOURCE, "fonts-liberation2", (
        "U+0020-007E", "U+00A0-024F",  # Latin, Latin-1, Latin Extended-A/B
        "U+0250-036F",                 # IPA, spacing modifiers, combining diacritics
        "U+0370-03FF", "U+0400-052F",  # Greek, Cyrillic (+ supplement)
        "U+1E00-1EFF",                 # Latin Extended Additional (Vietnamese)
        "U+2000-206F", "U+20A0-20CF", "U+2100-214F", "U+2190-21FF", "U+2212", "U+25CC",
    )),
    FillFont("arabic", NOTO / "NotoSansArabic-Regular.ttf", "fonts-noto-core", (
        *WITH_SCRIPT, "U+0600-06FF", "U+0750-077F", "U+08A0-08FF",  # Arabic, Persian, Urdu,
        "U+200E-200F", "U+FB50-FDFF", "U+FE70-FEFF",                # Sorani + presentation
    )),
    FillFont("ethiopic", NOTO / "NotoSansEthiopic-Regular.ttf", "fonts-noto-core", (
        *WITH_SCRIPT, "U+1200-139F",  # Ethiopic and its supplement (Tigrinya, Amharic)
    )),
    FillFont("thai", NOTO / "NotoSansThai-Regular.ttf", "fonts-noto-core", (
        *WITH_SCRIPT, "U+0E00-0E7F",
    )),
    FillFont("tamil", NOTO / "NotoSansTamil-Regular.ttf", "fonts-noto-core", (
        *WITH_SCRIPT, "U+0B80-0BFF",
    )),
)
FILL_MANIFEST = "fill-fonts.json"
_SUBSET_OPTIONS = ("--layout-features=*", "--name-IDs=*", "--no-hinting", "--desubroutinize",
                   "--drop-tables+=FFTM")


def _ranges(codepoints: list[int]) -> list[list[int]]:
    """Sorted code points as [first, last] ranges."""
    out: list[list[int]] = []
    for cp in sorted(codepoints):
        if out and cp == out[-1][1] + 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def fill_fonts(cache: Path) -> dict[str, Path]:
    """The browser's fill fonts and their manifest, made once in ``cache``:
    {file name as served: path}. The manifest lists, per font, its file and the code points
    its subset really has (the browser picks fonts by it and names characters none has)."""
    from fontTools.ttLib import TTFont

    key = hashlib.sha256(repr((FILL_FONTS, _SUBSET_OPTIONS)).encode()).hexdigest()[:12]
    folder = cache / f"fill-{key}"
    manifest = folder / FILL_MANIFEST
    files = {f"fill-{font.name}.ttf": folder / f"fill-{font.name}.ttf" for font in FILL_FONTS}
    if not manifest.exists():
        folder.mkdir(parents=True, exist_ok=True)
        entries = []
        for font in FILL_FONTS:
            target = folder / f"fill-{font.name}.ttf"
            _subset(font, target)
            with TTFont(target) as subset_font:
                covered = list(subset_font.getBestCmap())
            entries.append({"name": font.name, "file": target.name, "ranges": _ranges(covered)})
        tmp = manifest.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"fonts": entries}, separators=(",", ":")), encoding="utf-8")
        tmp.replace(manifest)
    return {FILL_MANIFEST: manifest, **files}


def _subset(font: FillFont, target: Path) -> None:
    from fontTools import subset

    if not font.source.exists():
        raise FileNotFoundError(
            f"no font for filled forms: {font.source} is missing — install the Debian "
            f"package {font.package} (./setup.sh does)"
        )
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    subset.main([str(font.source), f"--unicodes={','.join(font.unicodes)}", *_SUBSET_OPTIONS,
                 f"--output-file={tmp}"])
    tmp.replace(target)
