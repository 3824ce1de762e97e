"""The editors' verbs: ``ny`` (a starter file), ``sjekk`` (validate, write nothing), ``vis``
(preview with live reload) and ``bygg`` (the whole edition, built aside and swapped in)."""

from __future__ import annotations

import argparse
import logging
import socket
import sys
import time
from pathlib import Path
from typing import Any

from ..text import Lang
from .app import Texts, complain, decimal, say


def settings_file(args: argparse.Namespace, t: Texts) -> Path | None:
    path = Path(args.file)
    if not path.is_file():
        # the file is not there to tell its målform: say it in both
        from .app import load_texts

        for texts in (load_texts("nb"), load_texts("nn")):
            complain(f"naervaer: {texts['error']}: {texts['error.no_file'].format(file=args.file)}")
        return None
    return path.resolve()


def load(file: Path, checking: bool = False, draft: bool = False) -> Any:
    """The edition, or None after printing the same report as the build (``checking``: as a
    check that builds nothing)."""
    from ..content.edition import load_edition
    from ..errors import DataError

    try:
        return load_edition(file, draft=draft)
    except DataError as exc:
        complain(exc.report(checking=checking))
        return None


def check(args: argparse.Namespace, t: Texts) -> int:
    file = settings_file(args, t)
    edition = load(file, checking=True) if file else None
    if edition is None:
        return 1
    from ..markup import plain_text

    s = edition.settings
    rows = [
        (t["check.municipality"], s.municipality),
        (t["check.language"], t[f"check.lang.{edition.lang}"]),
        (t["check.concern"], t["check.concern.value"].format(
            rule=plain_text(edition.s["concern"]["rule"]), leaves_early=s.concern.leaves_early,
            skipped_lessons=s.concern.skipped_lessons)),
        (t["check.deadlines"], t["check.deadlines.value"].format(**s.deadlines.model_dump())),
        (t["check.local_measures"], str(len(s.local_measures))),
        (t["check.hidden_measures"], str(len(s.hidden_measures))),
        (t["check.editor_page"], t["check.included" if s.editor_page else "check.left_out"]),
    ]
    width = max(len(label) for label, _ in rows) + 2
    say(t["check.ok_unfinished" if edition.unset else "check.ok"].format(file=args.file))
    for label, value in rows:
        say(f"  {(label + ':').ljust(width)}{value}")
    if edition.unset:  # a checklist: the file is valid, it is not finished
        from ..content.facts import checklist

        say(t["check.unset"].format(n=len(edition.unset)))
        for line in checklist(s, edition.unset, edition.lang):
            say(f"  - {line}")
    say(t["check.next"].format(file=args.file))
    return 0


def new(args: argparse.Namespace, t: Texts) -> int:
    from ..content.settings_file import load_settings
    from ..errors import DataError
    from .starter import starter, write_schema

    lang: Lang = "nn" if args.nn else "nb"
    target = Path(args.file)
    if args.bare_skjema:  # a new version of Nærvær: only the schema beside the file
        written = write_schema(target)
        say(t["new.schema"].format(file=written) if written else t["new.no_schema"])
        return 0
    municipality = args.kommune or t["new.placeholder"]
    texts = {"header": t["new.header"].format(municipality=municipality, file=target.name),
             "item_keys": t["new.item_keys"], "default": t["new.default"]}
    content = starter(target, lang, municipality, texts)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8") as out:  # never overwrite
            out.write(content)
    except FileExistsError:
        complain(f"naervaer: {t['error']}: {t['new.exists'].format(file=args.file)}")
        return 1
    try:
        load_settings(target.resolve())  # valid as written (e.g. a too short --kommune)
    except DataError as exc:
        target.unlink()
        complain(exc.report())
        return 1
    write_schema(target)
    say(t["new.written"].format(file=args.file, municipality=municipality,
                                lang=t[f"check.lang.{lang}"]))
    return 0


class Progress:
    """PDF progress: one updating line on a terminal, every tenth in a log (CI)."""

    def __init__(self, t: Texts) -> None:
        self.t = t
        self.tty = sys.stdout.isatty()
        self.fresh = 0

    def __call__(self, done: int, total: int, name: str) -> None:
        self.fresh = done
        line = self.t["build.pdf"].format(done=done, total=total, name=name)
        if self.tty:
            end = "\n" if done == total else ""
            print(f"\r\033[K{line}", end=end, flush=True)
        elif done == total or done % max(1, round(total / 10)) == 0:
            say(line)


class MessageHandler(logging.Handler):
    """What MkDocs reports (warnings and errors; our own build errors are Norwegian)."""

    def emit(self, record: logging.LogRecord) -> None:
        complain(record.getMessage())


def unsafe_output(out: Path, edition: Any) -> str | None:
    """Why ``out`` must not be (re)placed by a build, or None. The build replaces the whole
    folder, so it must be new, empty or an earlier edition, and hold none of the inputs."""
    from ..content.settings_file import logo_path

    if out.exists() and not out.is_dir():
        return "build.is_file"
    inputs = [edition.settings_file, logo_path(edition.settings, edition.settings_file)]
    if any(p is not None and p.is_relative_to(out) for p in inputs):
        return "build.holds_settings"
    if out.is_dir() and any(out.iterdir()) and not (out / "csp-header.txt").is_file():
        return "build.not_an_edition"
    return None


def build(args: argparse.Namespace, t: Texts) -> int:
    started = time.perf_counter()
    file = settings_file(args, t)
    edition = load(file, draft=args.utkast) if file else None
    if edition is None or file is None:
        return 1
    out = Path(args.ut).resolve()
    problem = unsafe_output(out, edition)
    if problem:
        complain(f"naervaer: {t['error']}: {t[problem].format(out=args.ut)}")
        return 1
    if edition.unset and not edition.draft:
        from ..content.facts import unset_report

        complain(unset_report(edition.settings, edition.unset, edition.lang))
        return 1
    from ..site.run import Failed, build_site, quiet

    quiet()
    say(t["build.start"].format(municipality=edition.settings.municipality,
                                lang=t[f"check.lang.{edition.lang}"]))
    progress = Progress(t)
    try:
        build_site(file, out, handler=MessageHandler(logging.WARNING), on_pdf=progress,
                   draft=args.utkast, edition=edition)
    except Failed:
        complain(t["build.failed"].format(out=args.ut))
        return 1
    pages = sum(1 for p in out.rglob("*.html") if p.name != "404.html")
    pdfs = sum(1 for _ in out.rglob("*.pdf"))
    say(t["build.done"].format(seconds=decimal(time.perf_counter() - started), pages=pages,
                               pdfs=pdfs, fresh=progress.fresh, out=args.ut))
    return 0


def serve(args: argparse.Namespace, t: Texts) -> int:
    file = settings_file(args, t)
    edition = load(file) if file else None
    if edition is None or file is None:
        return 1
    with socket.socket() as probe:  # say so now, not after the first build
        try:
            probe.bind(("127.0.0.1", args.port))
        except OSError:
            complain(f"naervaer: {t['error']}: {t['serve.port_busy'].format(port=args.port)}")
            return 1
    from ..site.preview import Preview
    from ..site.run import quiet

    quiet()
    say(t["build.start"].format(municipality=edition.settings.municipality,
                                lang=t[f"check.lang.{edition.lang}"]))

    def ready() -> None:
        say(t["serve.start"].format(municipality=edition.settings.municipality,
                                    port=args.port))

    preview = Preview(file, args.port, say=say, complain=complain, texts=t)
    try:
        preview.serve(on_ready=ready)
    except KeyboardInterrupt:
        pass
    say(t["serve.stopped"])
    return 0
