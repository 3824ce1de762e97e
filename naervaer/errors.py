"""Errors that stop a build, worded for the person who edits the file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .messages import msg
from .text import Lang


def format_path(path: tuple[str | int, ...], lang: Lang = "nb") -> str:
    """``('categories', 2, 'measures', 0, 'id')`` → ``categories[2].measures[0].id``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or msg("whole_file", lang)


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int | None
    path: tuple[str | int, ...]
    message: str

    def describe(self, lang: Lang = "nb") -> str:
        where = str(self.file)
        if self.line is not None:
            where += f", {msg('line', lang)} {self.line}"
            if not self.path:  # a mistake in the YAML itself: the line says where
                return f"{where}: {self.message}"
        return f"{where}: {format_path(self.path, lang)}: {self.message}"

    def __str__(self) -> str:
        return self.describe()


class DataError(Exception):
    """One or more problems in data, settings or form files. Nothing has been written."""

    def __init__(self, problems: Iterable[Problem], lang: Lang = "nb"):
        self.problems = list(problems)
        self.lang = lang
        super().__init__(self.report())

    def report(self, checking: bool = False) -> str:
        """Every problem, with a head that says what happened: the build stopped and wrote
        nothing, or (``checking``, for ``naervaer sjekk``) the file has problems."""
        n = len(self.problems)
        body = "\n".join(f"  - {p.describe(self.lang)}" for p in self.problems)
        if checking:
            head = msg("check_found_one" if n == 1 else "check_found_many", self.lang, n=n)
            return f"{head}\n{body}"
        head = msg("stopped_one", self.lang) if n == 1 else msg("stopped_many", self.lang, n=n)
        return f"{head}. {msg('nothing_written', self.lang)}\n{body}"
