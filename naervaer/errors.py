"""Errors that stop a build, worded for the person who edits the file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


def format_path(path: tuple[str | int, ...]) -> str:
    """``('categories', 2, 'measures', 0, 'id')`` → ``categories[2].measures[0].id``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(hele filen)"


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int | None
    path: tuple[str | int, ...]
    message: str

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f", linje {self.line}"
        return f"{where}: {format_path(self.path)}: {self.message}"


class DataError(Exception):
    """One or more problems in data, settings or form files. Nothing has been written."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        head = (
            "Byggingen stoppet: 1 feil i dataene"
            if len(self.problems) == 1
            else f"Byggingen stoppet: {len(self.problems)} feil i dataene"
        )
        body = "\n".join(f"  - {p}" for p in self.problems)
        return f"{head}. Ingenting er skrevet; forrige versjon er urørt.\n{body}"
