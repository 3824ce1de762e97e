"""``naervaer``: the one command, with a verb for each task.

For municipal web editors (:mod:`.editor`):

    naervaer ny min-kommune.yml [--nn] [--kommune "Min kommune"]   write a starter file
    naervaer sjekk min-kommune.yml                                 validate; writes nothing
    naervaer vis min-kommune.yml [--port 8000]                     preview, live reload
    naervaer bygg min-kommune.yml --ut nettsted                    site + PDFs, atomically

For translators and maintainers (:mod:`.maintainers`):

    naervaer oversett [KODE …] [--nn]                 what translators have to do
    naervaer skjema [ID …] [--settings F] [--ut D]    build forms alone (build_forms.py)
    naervaer jsonschema [--sjekk]                     write data/settings.schema.json
    naervaer budsjett MAPPE                           first-load bytes of every built page

English aliases: new, check, serve, build, translate, forms, schema, budget. Every word the
command prints lives in ``data/cli.yaml`` (bokmål and nynorsk); help follows the målform of
the settings file named on the command line (``--nn``), bokmål otherwise. Heavy modules
(mkdocs, WeasyPrint) are imported only by the verbs that need them.
"""

from __future__ import annotations

import sys

# `sjekk` promises to write nothing: no bytecode caches in the project either
sys.dont_write_bytecode = True

import argparse  # noqa: E402
import re  # noqa: E402
import textwrap  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, NoReturn  # noqa: E402

from .. import DATA_DIR  # noqa: E402
from ..content.sources import detect_lang, load_yaml  # noqa: E402
from ..text import Lang  # noqa: E402

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
        return detect_lang(text)
    return "nb"


def say(text: str) -> None:
    print(text, flush=True)


def complain(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


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
    from . import editor, maintainers

    Parser, Formatter = parser_classes(t)
    parser = Parser(prog="naervaer", description=wrap(t["prog.description"]),
                    epilog=t["prog.epilog"], formatter_class=Formatter, add_help=False)
    options = parser.add_argument_group(t["options"])
    options.add_argument("-h", "--help", action="help", help=t["help"])
    options.add_argument("-V", "--versjon", "--version", action="version",
                         version=f"naervaer {version}", help=t["version"])
    verbs = parser.add_subparsers(title=t["commands"], metavar=t["command_metavar"], dest="verb")

    def verb(name: str, alias: str, run: Callable[[argparse.Namespace, Texts], int],
             file: bool = True) -> tuple[argparse._ArgumentGroup, argparse._ArgumentGroup]:
        sub = verbs.add_parser(name, aliases=[alias], help=t[f"{name}.help"],
                               description=wrap(t[f"{name}.description"]),
                               formatter_class=Formatter, add_help=False)
        sub.set_defaults(run=run)
        arguments = sub.add_argument_group(t["arguments"])
        if file:
            arguments.add_argument("file", metavar=t["file_metavar"], help=t[f"{name}.file"])
        opts = sub.add_argument_group(t["options"])
        opts.add_argument("-h", "--help", action="help", help=t["help"])
        return arguments, opts

    verb("sjekk", "check", editor.check)
    _, opts = verb("ny", "new", editor.new)
    opts.add_argument("--nn", action="store_true", help=t["ny.nn"])
    opts.add_argument("--kommune", metavar=t["name_metavar"], help=t["ny.kommune"])
    opts.add_argument("--bare-skjema", "--schema-only", action="store_true",
                      help=t["ny.bare_skjema"])
    _, opts = verb("vis", "serve", editor.serve)
    opts.add_argument("--port", type=int, default=8000, metavar=t["port_metavar"],
                      help=t["vis.port"])
    _, opts = verb("bygg", "build", editor.build)
    opts.add_argument("--ut", "--out", required=True, metavar=t["dir_metavar"],
                      help=t["bygg.ut"])
    opts.add_argument("--utkast", "--draft", action="store_true", help=t["bygg.utkast"])
    arguments, opts = verb("oversett", "translate", maintainers.translate, file=False)
    arguments.add_argument("codes", nargs="*", metavar=t["code_metavar"],
                           help=t["oversett.codes"])
    opts.add_argument("--nn", action="store_true", help=t["oversett.nn"])
    opts.add_argument("--gjennomgang", action="store_true", help=t["oversett.review"])
    opts.add_argument("--godkjenn", action="store_true", help=t["oversett.approve"])
    opts.add_argument("--innstillinger", metavar=t["file_metavar"], help=t["oversett.settings"])
    opts.add_argument("--ut", metavar=t["dir_metavar"], help=t["oversett.out"])
    opts.add_argument("--pdf", action="store_true", help=t["oversett.pdf"])
    opts.add_argument("--av", metavar=t["name_metavar"], help=t["oversett.by"])
    opts.add_argument("--dato", metavar="ÅÅÅÅ-MM-DD", help=t["oversett.date"])
    arguments, opts = verb("skjema", "forms", maintainers.forms, file=False)
    arguments.add_argument("forms", nargs="*", metavar="ID", help=t["skjema.forms"])
    opts.add_argument("--settings", "--innstillinger", metavar=t["file_metavar"],
                      help=t["skjema.settings"])
    opts.add_argument("--ut", "--out", metavar=t["dir_metavar"], help=t["skjema.ut"])
    opts.add_argument("--workers", type=int, default=None, metavar="N",
                      help=t["skjema.workers"])
    opts.add_argument("--no-guide", "--uten-veileder", action="store_true",
                      help=t["skjema.no_guide"])
    _, opts = verb("jsonschema", "schema", maintainers.jsonschema, file=False)
    opts.add_argument("--sjekk", "--check", action="store_true", help=t["jsonschema.check"])
    arguments, _ = verb("budsjett", "budget", maintainers.budget, file=False)
    arguments.add_argument("site", metavar=t["dir_metavar"], help=t["budsjett.site"])
    return parser


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("naervaer")
    except PackageNotFoundError:
        return "0+ukjent"


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
