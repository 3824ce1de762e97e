"""The worker side: HTML → PDF with WeasyPrint, then the post-processing fixes.

Runs in the pool's worker processes; each imports WeasyPrint once and renders many documents.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Job:
    key: str            # cache key (content hash)
    out: Path           # where the PDF goes
    html: str
    base_url: str       # directory that relative urls (CSS, fonts, logo) resolve against
    stylesheets: tuple[str, ...]
    fillable: bool
    preview: Path | None = None  # PNG of page 1, when wanted
    # radio groups: (name, what it asks, export values of its buttons in order)
    radio_groups: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    # entries for the document information dictionary (the fillable's marker, see build.py)
    info: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Done:
    out: Path
    pages: int
    seconds: float


def render(job: Job) -> Done:
    import time

    from weasyprint import CSS, HTML

    from .postprocess import fix_pdf

    started = time.perf_counter()
    options = dict(pdf_variant="pdf/ua-1", pdf_forms=job.fillable, custom_metadata=True)
    document = HTML(string=job.html, base_url=job.base_url).render(
        stylesheets=[CSS(filename=s) for s in job.stylesheets], **options
    )
    raw = document.write_pdf(**options)
    fixed, pages = fix_pdf(raw, {name: (label, values) for name, label, values in job.radio_groups},
                           dict(job.info))
    job.out.parent.mkdir(parents=True, exist_ok=True)
    # each file appears whole or not at all, even with two builds sharing one cache; the
    # preview first, so a cached PDF always has its preview
    tmp = job.out.with_suffix(f".{os.getpid()}.part")
    tmp.write_bytes(fixed)
    if job.preview is not None:
        make_preview(tmp, job.preview)
    tmp.replace(job.out)
    return Done(job.out, pages, time.perf_counter() - started)


PREVIEW_COLOURS = 4
PREVIEW_PIXELS = 225  # the long side: shown 150 CSS pixels wide, sharp at 1.5× pixel density


def make_preview(pdf: Path, png: Path) -> None:
    """Page 1 as a small PNG (pdftoppm from poppler-utils), reduced to a 4-colour palette
    without dithering (white, text, grey and the accent colour): at the size shown it looks
    as the 16-colour one did, at half its bytes. The forms page shows one per form, and all
    of them count towards its first load on the wire, where PNG does not compress
    (tests/test_budget.py): 225 pixels keep 24 previews at about 25 KB."""
    import subprocess

    from PIL import Image

    stem = png.with_name(f"{png.stem}.{os.getpid()}")
    rendered = stem.with_name(stem.name + ".png")
    subprocess.run(
        ["pdftoppm", "-png", "-f", "1", "-l", "1", "-singlefile", "-scale-to", str(PREVIEW_PIXELS),
         str(pdf), str(stem)],
        check=True, capture_output=True,
    )
    with Image.open(rendered) as image:
        small = image.convert("RGB").quantize(PREVIEW_COLOURS, dither=Image.Dither.NONE)
    small.save(rendered, "PNG", optimize=True)
    rendered.replace(png)
