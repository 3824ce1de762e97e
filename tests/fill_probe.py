"""Read a filled PDF as a reader sees it: pages rendered with poppler (`pdftoppm`), words and
their boxes from poppler's text layer (`pdftotext -bbox`), the field rectangles, and the
text each field's appearance draws, in the order it is drawn (for right-to-left text)."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from PIL import Image

from .test_print_layout import to_unicode

DPI = 100


@dataclass(frozen=True)
class Box:
    x0: float  # points, from the page's top left corner (as pdftotext gives them)
    y0: float
    x1: float
    y1: float

    def inside(self, other: Box, slack: float = 0.5) -> bool:
        return (self.x0 >= other.x0 - slack and self.y0 >= other.y0 - slack
                and self.x1 <= other.x1 + slack and self.y1 <= other.y1 + slack)

    def overlaps(self, other: Box) -> bool:
        return (self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1
                and other.y0 < self.y1)


@dataclass(frozen=True)
class Word:
    page: int  # 1-based
    text: str
    box: Box


def words(pdf: Path) -> list[Word]:
    """Every word poppler finds, page by page, in reading order."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    found = []
    for number, page in enumerate(re.split(r"<page ", out)[1:], start=1):
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                             r'yMax="([\d.]+)">(.*?)</word>', page):
            x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
            found.append(Word(number, html.unescape(m.group(5)), Box(x0, y0, x1, y1)))
    return found


def find_sequence(found: list[Word], text: str) -> list[Word]:
    """The words of `text`, in order and consecutive, as poppler read them (or [])."""
    wanted = text.split()
    texts = [w.text for w in found]
    for i in range(len(texts) - len(wanted) + 1):
        if texts[i:i + len(wanted)] == wanted:
            return found[i:i + len(wanted)]
    return []


def render(pdf: Path, page: int, folder: Path) -> Image.Image:
    stem = folder / f"{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", "-f", str(page),
                    "-l", str(page), str(pdf), str(stem)], check=True, capture_output=True)
    return Image.open(stem.with_suffix(".png")).convert("L")


def ink(image: Image.Image, box: Box) -> float:
    """Share of dark pixels inside `box` on a page rendered at DPI."""
    k = DPI / 72
    crop = image.crop((int(box.x0 * k), int(box.y0 * k), int(box.x1 * k) + 1, int(box.y1 * k) + 1))
    pixels = list(crop.getdata())
    return sum(1 for p in pixels if p < 128) / max(1, len(pixels))


def fields(pdf: Path) -> dict[str, tuple[int, Box]]:
    """Every widget: field name → (page, rectangle from the top left)."""
    out = {}
    with pikepdf.open(pdf) as doc:
        for number, page in enumerate(doc.pages, start=1):
            height = float(page.mediabox[3])
            for annot in page.obj.get("/Annots", []):
                if annot.get("/Subtype") != "/Widget":
                    continue
                name = annot.get("/T") or annot.get("/Parent", {}).get("/T")
                x0, y0, x1, y1 = (float(v) for v in annot.Rect)
                out[str(name)] = (number, Box(x0, height - y1, x1, height - y0))
    return out


@dataclass(frozen=True)
class Run:
    x: float
    font: str  # BaseFont
    size: float
    text: str  # Unicode of the glyphs drawn, in drawing order


def appearance(pdf: Path, name: str) -> list[Run]:
    """What the field's normal appearance draws: each shown string with its x, font and
    size, left to right on each line (lines top to bottom)."""
    with pikepdf.open(pdf) as doc:
        for page in doc.pages:
            for annot in page.obj.get("/Annots", []):
                if str(annot.get("/T", "")) != name:
                    continue
                stream = annot.AP.N
                fonts = stream.Resources.get("/Font", {})
                runs: list[tuple[float, float, Run]] = []
                font = size = x = y = None
                for operands, op in pikepdf.parse_content_stream(stream):
                    if str(op) == "Tf":
                        font, size = str(operands[0]), float(operands[1])
                    elif str(op) == "Tm":
                        x, y = float(operands[4]), float(operands[5])
                    elif str(op) == "Tj" and font is not None:
                        cmap = to_unicode(fonts[font])
                        raw = bytes(operands[0])
                        width = 2 if "/ToUnicode" in fonts[font] and fonts[font].get(
                            "/Subtype") == "/Type0" else 1
                        codes = [int.from_bytes(raw[i:i + width], "big")
                                 for i in range(0, len(raw), width)]
                        text = "".join(cmap.get(c, chr(c)) for c in codes)
                        runs.append((-(y or 0), x or 0,
                                     Run(x or 0, str(fonts[font].BaseFont), size or 0, text)))
                return [r for _, _, r in sorted(runs, key=lambda t: (t[0], t[1]))]
    raise KeyError(name)


def text_sizes(pdf: Path, page: int) -> list[float]:
    """Font sizes of the text a page's content draws outside artifacts (running header and
    footer): the document's own text."""
    sizes = []
    with pikepdf.open(pdf) as doc:
        artifact = 0
        depth: list[bool] = []
        size = 0.0
        for operands, op in pikepdf.parse_content_stream(doc.pages[page - 1]):
            name = str(op)
            if name in ("BMC", "BDC"):
                is_artifact = str(operands[0]) == "/Artifact"
                depth.append(is_artifact)
                artifact += is_artifact
            elif name == "EMC" and depth:
                artifact -= depth.pop()
            elif name == "Tf":
                size = float(operands[1])
            elif name in ("Tj", "TJ") and not artifact:
                sizes.append(size)
    return sizes


def field_words(pdf: Path, folder: Path) -> list[Word]:
    """The words the fields' appearances draw, and nothing else: the same PDF with the pages'
    own content taken out, read by poppler (its text layer does not clip, so a word drawn
    past its field's edge shows up outside the field's rectangle)."""
    bare = folder / f"{pdf.stem}-fields-only.pdf"
    with pikepdf.open(pdf) as doc:
        for page in doc.pages:
            page.obj.Contents = doc.make_stream(b"")
        doc.save(bare)
    return words(bare)


def pdf_ua_problems(pdf: Path) -> list[str]:
    """What the offline PDF/UA-1 checks of tests/test_pdf_validity.py find in `pdf`."""
    import page as page_validation
    from pdfua.validator import Validator

    report = page_validation.validate_pdf(pdf, profile="ua1")
    problems = [f"{f.rule_id}: {f.message}" for f in report.failures]
    problems += [f"{f.rule_id}: {f.message}" for f in Validator().validate(str(pdf)).findings
                 if f.severity.name in ("ERROR", "WARNING")]
    return problems
