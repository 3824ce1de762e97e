"""YAML loading that remembers where every key and item sits in its file.

Validation errors must name the file, the line and the key path, so the loader keeps a map
from key paths (tuples of keys and list indexes) to 1-based line numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem

Path_ = tuple[str | int, ...]


@dataclass
class Source:
    """A loaded YAML document together with the line of every key path."""

    file: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """Line of the deepest existing ancestor of ``path``."""
        return self.depth_and_line(path)[1]

    def depth_and_line(self, path: Path_) -> tuple[int, int | None]:
        for cut in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:cut]))
            if line is not None:
                return cut, line
        return -1, None

    def locate(self, path: Path_) -> tuple[Path, int | None]:
        return self.file, self.line_of(path)

    def problem(self, path: Path_, message: str) -> Problem:
        """A problem at ``path`` in this file, with its line."""
        return Problem(self.file, self.line_of(path), path, message)


@dataclass
class MergedSource:
    """Data merged from several sources; a key path is located in the last source that has it."""

    sources: list[Source]
    data: Any

    def locate(self, path: Path_) -> tuple[Path, int | None]:
        best: tuple[int, Source] | None = None
        for source in self.sources:
            depth, _ = source.depth_and_line(path)
            if best is None or depth >= best[0] and depth > 0:
                best = (depth, source)
        assert best is not None
        return best[1].locate(path)

    def problem(self, path: Path_, message: str) -> Problem:
        file, line = self.locate(path)
        return Problem(file, line, path, message)


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~10× faster


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader where only true/false are booleans: «no» (Norway), «yes», «on» and «off»
    stay text, so ``language: no`` gets a clear message instead of becoming false."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _Loader.yaml_implicit_resolvers.setdefault(_first, []).append(
        ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"))
    )


def _construct(node: yaml.Node, loader: _Loader, path: Path_, lines: dict[Path_, int]) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | bool | float) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be plain text", key_node.start_mark
                )
            key = str(key) if not isinstance(key, str) else key
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key «{key}» appears twice", key_node.start_mark
                )
            lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _construct(value_node, loader, path + (key,), lines)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(item, loader, path + (index,), lines)
            for index, item in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)


def load_yaml(file: Path) -> Source:
    """Parse ``file``; a syntax error becomes a :class:`DataError` naming file and line."""
    file = Path(file)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(file, None, (), "filen finnes ikke")]) from None
    except UnicodeDecodeError:
        raise DataError([Problem(file, None, (), "filen er ikke lagret som UTF-8")]) from None
    loader = _Loader(text)
    lines: dict[Path_, int] = {}
    try:
        node = loader.get_single_node()
        data = None if node is None else _construct(node, loader, (), lines)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or exc.context or "ugyldig YAML"
        raise DataError(
            [Problem(file, line, (), f"YAML-feil: {what} (sjekk innrykk, kolon og anførselstegn)")]
        ) from None
    finally:
        loader.dispose()
    return Source(file, data, lines)
