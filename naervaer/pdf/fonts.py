"""The font used inside form fields, subset to Latin so the fillable PDF stays small.

WeasyPrint embeds a font used by a form field whole (a viewer needs every glyph to show what
the user types), so fields get their own font subset to the characters Norwegian text needs.
"""

from __future__ import annotations

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
