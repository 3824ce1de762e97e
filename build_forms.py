#!/usr/bin/env python3
"""Build the PDF forms (fillable and printable) and the whole-guide PDF of one edition.

    python build_forms.py                          # every form, default edition, into build/skjema
    python build_forms.py samtykke dagsplan        # only these forms
    python build_forms.py --settings editions/fjordvik.yml --out /tmp/fjordvik

`mkdocs build` runs the same code, so this is for working on forms alone. Unchanged forms
are taken from the cache (content hash); all rendering happens in one small process pool.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from naervaer import ROOT
from naervaer.edition import load_edition
from naervaer.errors import DataError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("forms", nargs="*", help="form ids (file names in forms/ without .yaml)")
    parser.add_argument("--settings", help="the edition's settings file (default: "
                        "$NAERVAER_SETTINGS or editions/eksempel-kommune.yml)")
    parser.add_argument("--out", default=str(ROOT / "build" / "skjema"),
                        help="directory for the PDFs (default: build/skjema)")
    parser.add_argument("--workers", type=int, default=None, help="render processes (default: "
                        "number of cores, at most 4)")
    parser.add_argument("--no-guide", action="store_true", help="skip the whole-guide PDF")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    try:
        edition = load_edition(args.settings)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 2
    unknown = [f for f in args.forms if f not in edition.forms]
    if unknown:
        print(f"Ukjent skjema: {', '.join(unknown)}. Finnes: {', '.join(edition.forms)}",
              file=sys.stderr)
        return 2

    from naervaer.pdf.build import build_all, copy_out
    from naervaer.site.build import cache_dir

    built = build_all(
        edition, cache_dir(edition), only=args.forms or None, workers=args.workers,
        progress=print, guide=not args.no_guide,
    )
    written = copy_out(built, Path(args.out))
    pdfs = [p for p in written if p.suffix == ".pdf"]
    print(f"{len(pdfs)} PDF-er i {args.out} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
