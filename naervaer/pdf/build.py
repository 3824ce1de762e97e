"""Build every PDF of an edition: all forms in both variants and the whole guide.

* one process pool for the whole run (WeasyPrint's import costs ~0.8 s per process);
* a job is skipped when a PDF with the same content hash exists (its inputs did not change);
* progress is reported through ``progress`` (a callable) or logged.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .. import ROOT
from ..edition import Edition
from .fonts import field_font
from .html import STYLES, TEMPLATES, form_html, guide_html
from .render import Done, Job, render

log = logging.getLogger("naervaer.pdf")

VARIANTS = {"fillable": "utfyllbar", "printable": "utskrift"}
GUIDE_ID = "_guide"


@dataclass(frozen=True)
class Built:
    form_id: str        # form id, or "_guide"
    variant: str        # fillable | printable | preview | guide
    path: Path
    pages: int
    cached: bool


def engine_fingerprint() -> str:
    """Hash of the code, templates and styles that shape every PDF."""
    digest = hashlib.sha256()
    for folder in (ROOT / "naervaer" / "pdf", TEMPLATES, STYLES):
        for path in sorted(folder.glob("*")):
            if path.is_file() and path.suffix in {".py", ".html", ".css"}:
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    for name in ("markup.py", "form_model.py", "text.py"):
        digest.update((ROOT / "naervaer" / name).read_bytes())
    return digest.hexdigest()[:16]


def file_names(form_id: str) -> dict[str, str]:
    return {
        "fillable": f"{form_id}-{VARIANTS['fillable']}.pdf",
        "printable": f"{form_id}-{VARIANTS['printable']}.pdf",
        "preview": f"{form_id}.png",
    }


def plan(
    edition: Edition, cache: Path, only: Iterable[str] | None = None, guide: bool = True
) -> list[tuple[str, str, Job]]:
    """The jobs for an edition: (form id, variant, job); the HTML carries every input."""
    engine = engine_fingerprint()
    fonts_dir = cache / "fonts"
    field_font(fonts_dir)
    base_url = fonts_dir.as_uri() + "/"
    selected = list(only) if only else list(edition.forms)
    jobs = []
    for form_id in selected:
        form = edition.forms[form_id]
        names = file_names(form_id)
        for variant in ("fillable", "printable"):
            html, radios = form_html(form, edition, fillable=variant == "fillable")
            key = hashlib.sha256(f"{engine}\n{variant}\n{html}".encode()).hexdigest()[:20]
            out = cache / key / names[variant]
            preview = cache / key / names["preview"] if variant == "printable" else None
            jobs.append((form_id, variant, Job(
                key=key, out=out, html=html, base_url=base_url,
                stylesheets=(str(STYLES / "form.css"),), fillable=variant == "fillable",
                preview=preview, group_labels=tuple(sorted(radios.items())),
            )))
    if guide and not only:
        html = guide_html(edition)
        key = hashlib.sha256(f"{engine}\nguide\n{html}".encode()).hexdigest()[:20]
        name = f"{guide_file_stem(edition)}.pdf"
        jobs.append((GUIDE_ID, "guide", Job(
            key=key, out=cache / key / name, html=html, base_url=base_url,
            stylesheets=(str(STYLES / "guide.css"),), fillable=False,
        )))
    return jobs


def guide_file_stem(edition: Edition) -> str:
    return "naervaer-veileder" if edition.lang == "nb" else "naervaer-rettleiar"


def build_all(
    edition: Edition,
    cache: Path,
    only: Iterable[str] | None = None,
    workers: int | None = None,
    progress: Callable[[str], None] | None = None,
    guide: bool = True,
) -> list[Built]:
    """Render what is missing from the cache; return every PDF (and preview) of the edition."""
    say = progress or log.info
    jobs = plan(edition, cache, only, guide=guide)
    todo = [job for _, _, job in jobs if not _cached(job)]
    pages: dict[Path, int] = {}
    if todo:
        started = time.perf_counter()
        count = workers or min(len(todo), os.cpu_count() or 1, 4)
        say(f"Lager {len(todo)} PDF-er ({len(jobs) - len(todo)} uendret) med {count} prosess(er)")
        for i, done in enumerate(_run(todo, count), start=1):
            pages[done.out] = done.pages
            _write_pages(done)
            say(f"  [{i}/{len(todo)}] {done.out.name} ({done.seconds:.1f} s)")
        say(f"PDF-er ferdige på {time.perf_counter() - started:.1f} s")
    else:
        say(f"Alle {len(jobs)} PDF-er er uendret (hentet fra mellomlageret)")
    result = []
    for form_id, variant, job in jobs:
        n = pages.get(job.out) or _read_pages(job.out)
        result.append(Built(form_id, variant, job.out, n, job not in todo))
        if job.preview is not None:
            result.append(Built(form_id, "preview", job.preview, 1, job not in todo))
    return result


def _cached(job: Job) -> bool:
    return job.out.exists() and (job.preview is None or job.preview.exists()) and \
        job.out.with_suffix(".pages").exists()


def _write_pages(done: Done) -> None:
    done.out.with_suffix(".pages").write_text(str(done.pages))


def _read_pages(path: Path) -> int:
    return int(path.with_suffix(".pages").read_text())


def _run(jobs: list[Job], workers: int) -> Iterable[Done]:
    if workers <= 1:
        for job in jobs:
            yield render(job)
        return
    # longest first so the pool finishes together
    ordered = sorted(jobs, key=lambda j: len(j.html), reverse=True)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(render, ordered)


def copy_out(built: list[Built], target: Path) -> list[Path]:
    """Copy built files into ``target`` (a plain folder, for build_forms.py)."""
    target.mkdir(parents=True, exist_ok=True)
    out = []
    for item in built:
        dest = target / item.path.name
        shutil.copy2(item.path, dest)
        out.append(dest)
    return out
