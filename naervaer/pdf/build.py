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
from ..edition import Edition
from .fonts import field_font
from .html import STYLES, TEMPLATES, form_html, guide_html, parent_html
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
    seconds: float = 0.0  # render time in its worker (0 when taken from the cache)


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


@dataclass(frozen=True)
class Planned:
    """One PDF to have: where it lives in the cache, and how to render it if it is missing."""

    form_id: str
    variant: str
    out: Path
    preview: Path | None
    make: Callable[[], Job]

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
    """What an edition's PDFs are, keyed by the hash of exactly the inputs each depends on
    (engine, resolved settings, UI words, legal references, its own definition), so an
    unchanged form is neither rendered nor even laid out again."""
    cache = cache.resolve()
    engine = engine_fingerprint()
    fonts_dir = cache / "fonts"
    field_font(fonts_dir)
    base_url = fonts_dir.as_uri() + "/"
    shared = (engine, edition.lang, json.dumps(edition.s, sort_keys=True, ensure_ascii=False),
              _read(edition.data_dir / "ui.yaml"), _read(edition.data_dir / "law.yaml"),
              _logo_bytes(edition))
    selected = list(only) if only else list(edition.forms)
    planned: list[Planned] = []
    for form_id in selected:
        form = edition.forms[form_id]
        names = file_names(form_id)
        for variant in ("fillable", "printable"):
            key = input_key(*shared, variant, form_id, _read(form.source_file))
            out = cache / key / names[variant]
            preview = cache / key / names["preview"] if variant == "printable" else None

            def make(form=form, variant=variant, key=key, out=out, preview=preview) -> Job:
                html, radios = form_html(form, edition, fillable=variant == "fillable")
                return Job(key=key, out=out, html=html, base_url=base_url,
                           stylesheets=(str(STYLES / "form.css"),),
                           fillable=variant == "fillable", preview=preview,
                           radio_groups=tuple((n, lab, vals) for n, (lab, vals)
                                              in sorted(radios.items())))

            planned.append(Planned(form_id, variant, out, preview, make))
    if guide and not only:
        key = input_key(engine, "guide", edition.fingerprint)
        out = cache / key / f"{guide_file_stem(edition)}.pdf"

        def make_guide(key=key, out=out) -> Job:
            return Job(key=key, out=out, html=guide_html(edition), base_url=base_url,
                       stylesheets=(str(STYLES / "guide.css"),), fillable=False)

        planned.append(Planned(GUIDE_ID, "guide", out, None, make_guide))
    if parents and not only and edition.parents is not None:
        planned += plan_parents(edition, cache, engine, base_url)
    return planned


PARENT = "parent"


def plan_parents(edition: Edition, cache: Path, engine: str, base_url: str) -> list[Planned]:
    """Parent material (issue 13): each document in each published language, and the
    Norwegian one-page text. The key is the finished HTML (the text with local values filled
    in), so only a document whose words or values changed is rendered again."""
    assert edition.parents is not None
    planned = []
    for doc in edition.parents.all_docs():
        html = parent_html(doc, edition)
        key = input_key(engine, PARENT, html, _logo_bytes(edition))
        out = cache / key / f"{doc.file}.pdf"

        def make(key=key, out=out, html=html) -> Job:
            return Job(key=key, out=out, html=html, base_url=base_url,
                       stylesheets=(str(STYLES / "parent.css"),), fillable=False)

        planned.append(Planned(f"{doc.id}:{doc.lang}", PARENT, out, None, make))
    return planned


def _read(path: Path | None) -> bytes:
    return path.read_bytes() if path is not None and path.exists() else b""


def _logo_bytes(edition: Edition) -> bytes:
    from ..edition import logo_path

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
) -> list[Built]:
    """Render what is missing from the cache; return every PDF (and preview) of the edition.

    ``on_pdf(done, total, file_name)`` is called as each missing PDF is finished (the
    ``naervaer bygg`` progress line); ``progress`` gets the log lines."""
    say = progress or log.info
    planned = plan(edition, cache, only, guide=guide)
    todo = [p for p in planned if not p.cached()]
    done: dict[Path, Done] = {}
    if todo:
        started = time.perf_counter()
        jobs = [p.make() for p in todo]
        count = workers or min(len(jobs), os.cpu_count() or 1, 4)
        say(f"Lager {len(jobs)} PDF-er ({len(planned) - len(jobs)} uendret) med "
            f"{count} prosess(er)")
        for i, result in enumerate(_run(jobs, count), start=1):
            done[result.out] = result
            _write_pages(result)
            say(f"  [{i}/{len(jobs)}] {result.out.name} ({result.seconds:.1f} s)")
            if on_pdf is not None:
                on_pdf(i, len(jobs), result.out.name)
        say(f"PDF-er ferdige på {time.perf_counter() - started:.1f} s")
    else:
        say(f"Alle {len(planned)} PDF-er er uendret (hentet fra mellomlageret)")
    result_list = []
    for p in planned:
        fresh = done.get(p.out)
        pages = fresh.pages if fresh else _read_pages(p.out)
        seconds = fresh.seconds if fresh else 0.0
        result_list.append(Built(p.form_id, p.variant, p.out, pages, fresh is None, seconds))
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
