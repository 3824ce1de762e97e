"""The font used inside form fields, subset to Latin so the fillable PDF stays small.

WeasyPrint embeds a font used by a form field whole (a viewer needs every glyph to show what
the user types), so fields get their own font subset to the characters Norwegian text needs.
"""

from __future__ import annotations

import hashlib
import os
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
        "--drop-tables+=FFTM",  # FontForge's time stamps: dropped anyway, but with a warning
    ])
    tmp.replace(target)
    return target


# The font the browser embeds when it fills a PDF with text the standard PDF font (WinAnsi)
# cannot show: pupils' and parents' names in Polish, Vietnamese, Cyrillic, Greek, Arabic …
FILL_FONT_SOURCE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FILL_UNICODES = ",".join([
    "U+0020-007E", "U+00A0-024F",  # Latin, Latin-1, Latin Extended-A/B
    "U+0250-036F",                 # IPA, spacing modifiers, combining diacritics
    "U+0370-03FF", "U+0400-052F",  # Greek, Cyrillic (+ supplement)
    "U+0600-06FF",                 # Arabic (shaped forms follow through GSUB)
    "U+1E00-1EFF",                 # Latin Extended Additional (Vietnamese)
    "U+2000-206F", "U+20A0-20CF", "U+2100-214F",  # punctuation, currency, letterlike
    "U+FB50-FDFF", "U+FE70-FEFF",  # Arabic presentation forms
])


def fill_font(cache: Path) -> Path:
    """Path to the subset font for filling PDFs in the browser, creating it once in ``cache``
    (from DejaVu Sans, Debian package fonts-dejavu-core)."""
    options = [f"--unicodes={FILL_UNICODES}", "--layout-features=*", "--name-IDs=*",
               "--no-hinting", "--desubroutinize", "--drop-tables+=FFTM"]
    key = hashlib.sha256("\0".join([str(FILL_FONT_SOURCE), *options]).encode()).hexdigest()[:12]
    target = cache / f"form-fill-{key}.ttf"
    if target.exists():
        return target
    from fontTools import subset

    if not FILL_FONT_SOURCE.exists():
        raise FileNotFoundError(
            f"no font for filled forms: {FILL_FONT_SOURCE} is missing — install the Debian "
            "package fonts-dejavu-core (./setup.sh does)"
        )
    cache.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    subset.main([str(FILL_FONT_SOURCE), *options, f"--output-file={tmp}"])
    tmp.replace(target)
    return target
