"""Find glyphs a PDF draws that its embedded fonts do not have (the boxes a reader would see).

WeasyPrint draws a character that no font covers with a glyph id beyond the font's last glyph
(and warns); a viewer then shows an empty box. This reads the content streams back and checks
every glyph id of every composite (Type0) font against the embedded font program.
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from fontTools.ttLib import TTFont

_SHOW = (pikepdf.Operator("Tj"), pikepdf.Operator("TJ"), pikepdf.Operator("'"),
         pikepdf.Operator('"'))


def _glyph_counts(page: pikepdf.Page) -> dict[str, tuple[str, int]]:
    counts = {}
    for name, font in page.obj.get("/Resources", {}).get("/Font", {}).items():
        if font.get("/Subtype") != "/Type0":
            continue
        descriptor = font.DescendantFonts[0].FontDescriptor
        program = descriptor.get("/FontFile2") or descriptor.get("/FontFile3")
        if program is None:
            counts[str(name)] = (str(font.BaseFont), 0)  # not embedded: nothing is covered
            continue
        counts[str(name)] = (str(font.BaseFont),
                             TTFont(io.BytesIO(program.read_bytes()))["maxp"].numGlyphs)
    return counts


def missing_glyphs(path: Path) -> list[tuple[int, str, int]]:
    """(page number, font, glyph id) of every drawn glyph that is .notdef or not in its font."""
    found = []
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            counts = _glyph_counts(page)
            current: str | None = None
            for operands, operator in pikepdf.parse_content_stream(page):
                if operator == pikepdf.Operator("Tf"):
                    current = str(operands[0])
                    continue
                if operator not in _SHOW or current not in counts:
                    continue
                base, count = counts[current]
                items = operands[-1]
                strings = ([items] if isinstance(items, pikepdf.String)
                           else [x for x in items if isinstance(x, pikepdf.String)])
                for string in strings:
                    raw = bytes(string)
                    for i in range(0, len(raw) - 1, 2):
                        gid = int.from_bytes(raw[i:i + 2], "big")
                        if gid == 0 or gid >= count:
                            found.append((number, base, gid))
    return found
