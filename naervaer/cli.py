"""``naervaer``: one command for municipal web editors — ny, sjekk, vis, bygg.

    naervaer ny min-kommune.yml [--nn] [--kommune "Min kommune"]   write a starter file
    naervaer sjekk min-kommune.yml                                 validate; writes nothing
    naervaer vis min-kommune.yml [--port 8000]                     preview, live reload
    naervaer bygg min-kommune.yml --ut nettsted                    site + PDFs, atomically

English aliases: new, check, serve, build. Every word the command prints lives in
``data/cli.yaml`` (bokmål and nynorsk); help follows the målform of the settings file named
on the command line (``--nn`` for ``ny``), bokmål otherwise. Heavy modules (mkdocs,
WeasyPrint) are imported only by the verbs that need them.
"""

from __future__ import annotations

import sys

# `sjekk` promises to write nothing: no bytecode caches in the project either
sys.dont_write_bytecode = True

import argparse  # noqa: E402
import logging  # noqa: E402
import re  # noqa: E402
import socket  # noqa: E402
import textwrap  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, NoReturn  # noqa: E402

from . import DATA_DIR  # noqa: E402
from .text import Lang  # noqa: E402
from .yamlsource import load_yaml  # noqa: E402

TEXTS_FILE = DATA_DIR / "cli.yaml"
WIDTH = 88
Texts = dict[str, str]


# -- texts -------------------------------------------------------------------------------------
def load_texts(lang: Lang) -> Texts:
    """Every text of the command in ``lang`` (bokmål stands in for a missing nynorsk text)."""
    raw = load_yaml(TEXTS_FILE).data
    return {key: str(value.get(lang) or value["nb"]).rstrip("\n") for key, value in raw.items()}


def peek_language(argv: Sequence[str]) -> Lang:
    """The målform for help and messages: ``--nn``, else the settings file's ``language``."""
    if "--nn" in argv:
        return "nn"
    for arg in argv:
        if arg.startswith("-"):
            continue
        path = Path(arg)
        try:
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        found = re.search(r"""^language:\s*["']?(nb|nn)\b""", text, re.M)
        return "nn" if found and found.group(1) == "nn" else "nb"
    return "nb"


def decimal(seconds: float) -> str:
    return f"{seconds:.1f}".replace(".", ",")


# -- argparse in Norwegian ---------------------------------------------------------------------
ARGPARSE_ERRORS = [
    (r"the following arguments are required: (?P<args>.+)", "error.required"),
    (r"unrecognized arguments: (?P<args>.+)", "error.unrecognized"),
    (r"argument (?P<arg>\S+): invalid choice: '(?P<value>[^']*)' \(choose from (?P<choices>.+)\)",
     "error.invalid_choice"),
    (r"argument (?P<arg>\S+): expected one argument", "error.expected_one"),
    (r"argument (?P<arg>\S+): invalid int value: '(?P<value>[^']*)'", "error.invalid_int"),
]


def parser_classes(t: Texts) -> tuple[type[argparse.ArgumentParser], type[argparse.HelpFormatter]]:
    class Formatter(argparse.RawDescriptionHelpFormatter):
        def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any = None) -> None:
            super().add_usage(usage, actions, groups, t["usage"] if prefix is None else prefix)

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            for pattern, key in ARGPARSE_ERRORS:
                found = re.fullmatch(pattern, message)
                if found:
                    message = t[key].format(**found.groupdict())
                    break
            self.print_usage(sys.stderr)
            self.exit(2, f"{self.prog}: {t['error']}: {message}\n")

    return Parser, Formatter


def wrap(text: str) -> str:
    return "\n\n".join(textwrap.fill(p, WIDTH) for p in text.split("\n\n"))


def build_parser(t: Texts, version: str) -> argparse.ArgumentParser:
    Parser, Formatter = parser_classes(t)
    parser = Parser(prog="naervaer", description=wrap(t["prog.description"]),
                    epilog=t["prog.epilog"], formatter_class=Formatter, add_help=False)
    options = parser.add_argument_group(t["options"])
    options.add_argument("-h", "--help", action="help", help=t["help"])
    options.add_argument("-V", "--versjon", "--version", action="version",
                         version=f"naervaer {version}", help=t["version"])
    verbs = parser.add_subparsers(title=t["commands"], metavar=t["command_metavar"], dest="verb")

    def verb(name: str, alias: str, run: Callable[[argparse.Namespace, Texts], int]
             ) -> tuple[argparse._ArgumentGroup, argparse._ArgumentGroup]:
        sub = verbs.add_parser(name, aliases=[alias], help=t[f"{name}.help"],
                               description=wrap(t[f"{name}.description"]),
                               formatter_class=Formatter, add_help=False)
        sub.set_defaults(run=run)
        arguments = sub.add_argument_group(t["arguments"])
        arguments.add_argument("file", metavar=t["file_metavar"], help=t[f"{name}.file"])
        opts = sub.add_argument_group(t["options"])
        opts.add_argument("-h", "--help", action="help", help=t["help"])
        return arguments, opts

    verb("sjekk", "check", check)
    _, opts = verb("ny", "new", new)
    opts.add_argument("--nn", action="store_true", help=t["ny.nn"])
    opts.add_argument("--kommune", metavar=t["name_metavar"], help=t["ny.kommune"])
    _, opts = verb("vis", "serve", serve)
    opts.add_argument("--port", type=int, default=8000, metavar=t["port_metavar"],
                      help=t["vis.port"])
    _, opts = verb("bygg", "build", build)
    opts.add_argument("--ut", "--out", required=True, metavar=t["dir_metavar"],
                      help=t["bygg.ut"])
    return parser


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("naervaer")
    except PackageNotFoundError:
        return "0+ukjent"


# -- the verbs ---------------------------------------------------------------------------------
def say(text: str) -> None:
    print(text, flush=True)


def complain(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def settings_file(args: argparse.Namespace, t: Texts) -> Path | None:
    path = Path(args.file)
    if not path.is_file():
        complain(f"naervaer: {t['error']}: {t['error.no_file'].format(file=args.file)}")
        return None
    return path.resolve()


def load(file: Path) -> Any:
    """The edition, or None after printing the same report as the build."""
    from .edition import load_edition
    from .errors import DataError

    try:
        return load_edition(file)
    except DataError as exc:
        complain(exc.report())
        return None


def check(args: argparse.Namespace, t: Texts) -> int:
    file = settings_file(args, t)
    edition = load(file) if file else None
    if edition is None:
        return 1
    s = edition.settings
    rows = [
        (t["check.municipality"], s.municipality),
        (t["check.language"], t[f"check.lang.{edition.lang}"]),
        (t["check.concern"], t["check.concern.value"].format(**s.concern.model_dump())),
        (t["check.deadlines"], t["check.deadlines.value"].format(**s.deadlines.model_dump())),
        (t["check.local_measures"], str(len(s.local_measures))),
        (t["check.hidden_measures"], str(len(s.hidden_measures))),
        (t["check.editor_page"], t["check.included" if s.editor_page else "check.left_out"]),
    ]
    width = max(len(label) for label, _ in rows) + 2
    say(t["check.ok"].format(file=args.file))
    for label, value in rows:
        say(f"  {(label + ':').ljust(width)}{value}")
    say(t["check.next"].format(file=args.file))
    return 0


def new(args: argparse.Namespace, t: Texts) -> int:
    from .edition import load_settings
    from .errors import DataError
    from .starter import starter

    lang: Lang = "nn" if args.nn else "nb"
    target = Path(args.file)
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
    from .edition import logo_path

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
    edition = load(file) if file else None
    if edition is None or file is None:
        return 1
    out = Path(args.ut).resolve()
    problem = unsafe_output(out, edition)
    if problem:
        complain(f"naervaer: {t['error']}: {t[problem].format(out=args.ut)}")
        return 1
    from .site.run import Failed, build_site

    say(t["build.start"].format(municipality=edition.settings.municipality,
                                lang=t[f"check.lang.{edition.lang}"]))
    progress = Progress(t)
    try:
        build_site(file, out, handler=MessageHandler(logging.WARNING), on_pdf=progress)
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
    from .site.run import Failed, serve_site

    say(t["build.start"].format(municipality=edition.settings.municipality,
                                lang=t[f"check.lang.{edition.lang}"]))

    def ready() -> None:
        say(t["serve.start"].format(municipality=edition.settings.municipality,
                                    port=args.port))

    try:
        serve_site(file, args.port, handler=MessageHandler(logging.WARNING), on_ready=ready,
                   on_pdf=Progress(t))
    except Failed:
        return 1
    say(t["serve.stopped"])
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    t = load_texts(peek_language(argv))
    parser = build_parser(t, package_version())
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        complain(f"\nnaervaer: {t['error']}: {t['error.no_command']}")
        return 2
    try:
        return int(args.run(args, t))
    except KeyboardInterrupt:
        complain(t["serve.stopped"])
        return 130


if __name__ == "__main__":
    sys.exit(main())
