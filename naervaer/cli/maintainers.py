"""The verbs for translators and maintainers: ``oversett`` (what translators have to do),
``skjema`` (build forms alone; ``build_forms.py`` calls it), ``jsonschema`` (the editors'
JSON Schema) and ``budsjett`` (first-load bytes of every page of a built site)."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from .. import DATA_DIR, DEFAULT_SETTINGS, ROOT
from .app import Texts, complain, decimal, say

SCHEMA_FILE = DATA_DIR / "settings.schema.json"


def translate(args: argparse.Namespace, t: Texts) -> int:
    from .translators import main

    argv = [*args.codes]
    for flag in ("nn", "gjennomgang", "godkjenn", "pdf"):
        argv += [f"--{flag}"] if getattr(args, flag) else []
    for option in ("innstillinger", "ut", "av", "dato"):
        value = getattr(args, option)
        argv += [f"--{option}", value] if value else []
    return main(argv)


def forms(args: argparse.Namespace, t: Texts) -> int:
    """Render forms (fillable and printable) and the whole-guide PDF of one edition."""
    from ..content.edition import load_edition
    from ..errors import DataError

    started = time.perf_counter()
    try:
        edition = load_edition(Path(args.settings) if args.settings else DEFAULT_SETTINGS)
    except DataError as exc:
        complain(exc.report())
        return 2
    unknown = [f for f in args.forms if f not in edition.forms]
    if unknown:
        complain(t["skjema.unknown"].format(unknown=", ".join(unknown),
                                            known=", ".join(edition.forms)))
        return 2
    from ..pdf.build import build_all, copy_out
    from ..site.build import cache_dir

    out = Path(args.ut) if args.ut else ROOT / "build" / "skjema"
    built = build_all(edition, cache_dir(edition), only=args.forms or None,
                      workers=args.workers, progress=say, guide=not args.no_guide)
    pdfs = [p for p in copy_out(built, out) if p.suffix == ".pdf"]
    say(t["skjema.done"].format(n=len(pdfs), out=out,
                                seconds=decimal(time.perf_counter() - started)))
    return 0


def schema_text() -> str:
    """The editors' JSON Schema, as the file holds it."""
    from ..content.schema.json_schema import editor_schema

    return json.dumps(editor_schema(), ensure_ascii=False, indent=2) + "\n"


def jsonschema(args: argparse.Namespace, t: Texts) -> int:
    """Write data/settings.schema.json; exit 1 when it changed (commit it), or with
    ``--sjekk`` only say that it is out of date."""
    wanted = schema_text()
    current = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
    if current == wanted:
        return 0
    if args.sjekk:
        complain(t["jsonschema.stale"].format(file=SCHEMA_FILE))
        return 1
    SCHEMA_FILE.write_text(wanted, encoding="utf-8")
    say(t["jsonschema.written"].format(file=SCHEMA_FILE))
    return 1


def budget(args: argparse.Namespace, t: Texts) -> int:
    """Every page of a built site: first-load bytes raw and on the wire; exit 1 when a page
    is over the budget."""
    from ..site.budget import KB, RAW_BUDGET, WIRE_BUDGET, pages, totals

    site = Path(args.site)
    over = 0
    for page in pages(site):
        raw, wire, _ = totals(page, site)
        over += raw > RAW_BUDGET or wire > WIRE_BUDGET
        say(f"{raw / KB:>6.0f} KB  {wire / KB:>5.0f} KB  {page.relative_to(site)}")
    say(t["budsjett.summary"].format(over=over, raw=RAW_BUDGET // KB, wire=WIRE_BUDGET // KB))
    return 1 if over else 0
