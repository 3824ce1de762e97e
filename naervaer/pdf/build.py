"""Build every PDF of an edition: all forms in both variants and the whole guide.

* one process pool for the whole run (WeasyPrint's import costs ~0.8 s per process);
* a job is skipped when a PDF with the same content hash exists (its inputs did not change);
* progress is reported through ``progress`` (a callable) or logged.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .. import ROOT
from ..content.edition import Edition
from ..content.schema.forms import FormDef
from ..content.settings_file import logo_path
from ..markup import plain_text
from ..messages import msg
from .fonts import field_font
from .html import COMPONENT_TEMPLATES, STYLES, TEMPLATES, form_html, guide_html, parent_html
from .render import Done, Job, render

log = logging.getLogger("naervaer.pdf")

VARIANTS = {"fillable": "utfyllbar", "printable": "utskrift"}
GUIDE_ID = "_guide"
# The marker every fillable PDF carries in its document information: it says which form of
# this site the file is, so «Åpne en lagret PDF» knows it again (docs/assets/pdf-fill.js,
# readPdf), and holds what the browser needs to print every typed character (fillPdf): the
# body text size (styles/form.css, `html`), the page margins of added pages, and the words
# of the continuation pages in the edition's målform.
MARKER_KEY = "NaervaerForm"
MARKER_VERSION = 1
BODY_PT = 10                      # = form.css `html { font-size }`: filled text never smaller
MARGINS_MM = (20, 16, 18, 16)     # = form.css @page margin (top, right, bottom, left)


@dataclass(frozen=True)
class Built:
    form_id: str        # form id, or "_guide"
    variant: str        # fillable | printable | preview | guide
    path: Path
    pages: int
    cached: bool
    seconds: float = 0.0  # render time in its worker (0 when taken from the cache)


def engine_fingerprint() -> str:
    """Hash of the code, templates and styles that shape every PDF."""
    digest = hashlib.sha256()
    package = ROOT / "naervaer"
    folders = (package / "pdf", TEMPLATES, STYLES, package / "forms",
               package / "forms" / "components", COMPONENT_TEMPLATES)
    for folder in folders:
        for path in sorted(folder.glob("*")):
            if path.is_file() and path.suffix in {".py", ".html", ".css"}:
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    for name in ("markup.py", "text.py", "content/schema/forms.py"):
        digest.update((package / name).read_bytes())
    return digest.hexdigest()[:16]


def file_names(form_id: str) -> dict[str, str]:
    return {
        "fillable": f"{form_id}-{VARIANTS['fillable']}.pdf",
        "printable": f"{form_id}-{VARIANTS['printable']}.pdf",
        "preview": f"{form_id}.png",
    }


@dataclass(frozen=True)
class Planned:
    """One PDF to have: where it lives in the cache, and how to render it if it is missing."""

    form_id: str
    variant: str
    out: Path
    preview: Path | None
    job: Job

    def cached(self) -> bool:
        return (self.out.exists() and self.out.with_suffix(".pages").exists()
                and (self.preview is None or self.preview.exists()))


def input_key(*parts: object) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:20]


def plan(
    edition: Edition, cache: Path, only: Iterable[str] | None = None, guide: bool = True,
    parents: bool = True,
) -> list[Planned]:
    """What an edition's PDFs are, each keyed by the hash of the finished HTML it is rendered
    from (with the engine and the logo): exactly the values a PDF prints, so a change of a
    setting renders again only the PDFs that show it."""
    cache = cache.resolve()
    engine = engine_fingerprint()
    fonts_dir = cache / "fonts"
    field_font(fonts_dir)
    base_url = fonts_dir.as_uri() + "/"
    logo = _logo_bytes(edition)
    selected = list(only) if only else list(edition.forms)
    planned: list[Planned] = []
    for form_id in selected:
        form = edition.forms[form_id]
        names = file_names(form_id)
        for variant in ("fillable", "printable"):
            html, radios = form_html(form, edition, fillable=variant == "fillable")
            info = ((MARKER_KEY, fill_marker(form, edition)),) if variant == "fillable" else ()
            key = input_key(engine, variant, html, logo, info)
            out = cache / key / names[variant]
            preview = cache / key / names["preview"] if variant == "printable" else None
            job = Job(key=key, out=out, html=html, base_url=base_url,
                      stylesheets=(str(STYLES / "form.css"),), fillable=variant == "fillable",
                      preview=preview, radio_groups=tuple((n, lab, vals) for n, (lab, vals)
                                                          in sorted(radios.items())),
                      info=info)
            planned.append(Planned(form_id, variant, out, preview, job))
    if guide and not only:
        html = guide_html(edition)
        key = input_key(engine, "guide", html, logo)
        out = cache / key / f"{guide_file_stem(edition)}.pdf"
        job = Job(key=key, out=out, html=html, base_url=base_url,
                  stylesheets=(str(STYLES / "guide.css"),), fillable=False)
        planned.append(Planned(GUIDE_ID, "guide", out, None, job))
    if parents and not only:
        planned += plan_parents(edition, cache, engine, base_url)
    return planned


def fill_marker(form: FormDef, edition: Edition) -> str:
    """The fillable's marker (JSON, see MARKER_KEY): form id, målform, body size, margins
    and the words of added continuation pages."""
    def word(key: str) -> str:
        return plain_text(edition.t(key))

    return json.dumps({
        "v": MARKER_VERSION, "form": form.id, "lang": edition.lang, "size": BODY_PT,
        "margins": [round(mm * 72 / 25.4, 2) for mm in MARGINS_MM],
        "words": {"continued": word("fill.pdf_continued"), "intro": word("fill.pdf_intro"),
                  "see": word("fill.pdf_see"), "page": word("pdf.page")},
    }, ensure_ascii=False, separators=(",", ":"))


PARENT = "parent"


def plan_parents(edition: Edition, cache: Path, engine: str, base_url: str) -> list[Planned]:
    """Parent material (issue 13): each document in each published language, and the
    Norwegian one-page text. The key is the finished HTML (the text with local values filled
    in), so only a document whose words or values changed is rendered again."""
    planned = []
    for doc in edition.parents.all_docs():
        html = parent_html(doc, edition)
        key = input_key(engine, PARENT, html, _logo_bytes(edition))
        out = cache / key / f"{doc.file}.pdf"
        job = Job(key=key, out=out, html=html, base_url=base_url,
                  stylesheets=(str(STYLES / "parent.css"),), fillable=False)
        planned.append(Planned(f"{doc.id}:{doc.lang}", PARENT, out, None, job))
    return planned


def _read(path: Path | None) -> bytes:
    return path.read_bytes() if path is not None and path.exists() else b""


def _logo_bytes(edition: Edition) -> bytes:
    return _read(logo_path(edition.settings, edition.settings_file))


def guide_file_stem(edition: Edition) -> str:
    return "naervaer-veileder" if edition.lang == "nb" else "naervaer-rettleiar"


def build_all(
    edition: Edition,
    cache: Path,
    only: Iterable[str] | None = None,
    workers: int | None = None,
    progress: Callable[[str], None] | None = None,
    guide: bool = True,
    on_pdf: Callable[[int, int, str], None] | None = None,
    render: bool = True,
) -> list[Built]:
    """Render what is missing from the cache; return every PDF (and preview) of the edition.

    ``on_pdf(done, total, file_name)`` is called as each missing PDF is finished (the
    ``naervaer bygg`` progress line); ``progress`` gets the log lines. With ``render``
    False nothing is rendered: only the PDFs already in the cache are returned."""
    say = progress or log.info
    planned = plan(edition, cache, only, guide=guide)
    todo = [p for p in planned if not p.cached()]
    if not render:
        planned, todo = [p for p in planned if p.cached()], []
    done: dict[Path, Done] = {}
    if todo:
        started = time.perf_counter()
        jobs = [p.job for p in todo]
        count = workers or min(len(jobs), os.cpu_count() or 1, 4)
        say(msg("pdfs_start", edition.lang, n=len(jobs), unchanged=len(planned) - len(jobs),
                workers=count))
        for i, result in enumerate(_run(jobs, count), start=1):
            done[result.out] = result
            _write_pages(result)
            say(msg("pdf_done", edition.lang, i=i, n=len(jobs), name=result.out.name,
                    seconds=f"{result.seconds:.1f}".replace(".", ",")))
            if on_pdf is not None:
                on_pdf(i, len(jobs), result.out.name)
        seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
        say(msg("pdfs_done", edition.lang, seconds=seconds))
    elif render:
        say(msg("pdfs_cached", edition.lang, n=len(planned)))
    result_list = []
    for p in planned:
        fresh = done.get(p.out)
        pages = fresh.pages if fresh else _read_pages(p.out)
        result_list.append(Built(p.form_id, p.variant, p.out, pages, fresh is None,
                                 fresh.seconds if fresh else 0.0))
        if p.preview is not None:
            result_list.append(Built(p.form_id, "preview", p.preview, 1, fresh is None, 0.0))
    return result_list


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
