"""Sources: YAML loading that remembers where every key and item sits in its file.

Validation errors must name the file, the line and the key path, so the loader keeps a map
from key paths (tuples of keys and list indexes) to 1-based line numbers.

Values are read as written (YAML 1.2's core schema, not PyYAML's YAML 1.1): ``10:30`` is a
time, not 630 minutes; ``no``, ``yes``, ``on`` and ``off`` are words; ``0123`` is the number
123, and where a setting is text the scalar's own text is kept (:attr:`Source.texts`, used by
:func:`~.validate.validate`): ``weeks: 4`` is «4», ``hidden_measures: [8.10]`` is «8.10».

A file that is not valid YAML is explained in Norwegian at the line where the mistake is (a
tab, a key written twice, a quote never closed, an indent that does not fit, a missing
colon) — never with the parser's English (:mod:`.yaml_errors`).

Hostile input fails fast: YAML aliases (``*name``) are refused wherever they appear — the
line map would otherwise copy the aliased value once per use, so a few lines of nested
aliases (the «billion laughs» pattern) took minutes and gigabytes. No data or settings file
needs them. A settings file larger than :data:`MAX_SETTINGS_BYTES` is refused before it is
parsed, and nesting deeper than :data:`MAX_DEPTH` is refused too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataError, Problem
from ..messages import msg
from ..text import Lang
from .yaml_errors import explain

Path_ = tuple[str | int, ...]

MAX_SETTINGS_BYTES = 1_000_000  # a real settings file is a few kB
MAX_DEPTH = 50  # settings nest 3 levels, data files 8


@dataclass
class Source:
    """A loaded YAML document together with the line of every key path."""

    file: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    lang: Lang = "nb"  # the målform problems in this file are reported in
    texts: dict[Path_, str] = field(default_factory=dict)  # source text of non-text scalars

    def text_of(self, path: Path_) -> str | None:
        """The scalar at ``path`` as written, where YAML read it as a number or boolean."""
        return self.texts.get(path)

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

    def text_of(self, path: Path_) -> str | None:
        for source in reversed(self.sources):  # the value came from the last that has it
            if path in source.lines:
                return source.text_of(path)
        return None


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~10× faster


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader with YAML 1.2's core schema: only true/false are booleans (so
    ``language: no`` gets a clear message instead of becoming false), no sexagesimal numbers
    (``10:30``), no octal by a leading zero, no timestamps, no ``<<`` merge keys."""


# YAML 1.2.2, 10.3.2 «Tag Resolution» of the core schema
_CORE = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
]
_Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _firsts in _CORE:
    for _first in _firsts:
        _Loader.yaml_implicit_resolvers.setdefault(_first, []).append((_tag, re.compile(_pattern)))
_Loader.yaml_implicit_resolvers.setdefault("", []).append(
    ("tag:yaml.org,2002:null", re.compile(r"^$")))


def _int(loader: _Loader, node: yaml.ScalarNode) -> int:
    text = str(node.value)
    sign, digits = (-1, text[1:]) if text.startswith("-") else (1, text.lstrip("+"))
    if digits.startswith(("0o", "0x")):
        return sign * int(digits[2:], 8 if digits[1] == "o" else 16)
    return sign * int(digits, 10)


def _float(loader: _Loader, node: yaml.ScalarNode) -> float:
    text = str(node.value).lower().replace(".inf", "inf").replace(".nan", "nan")
    return float(text)


_Loader.add_constructor("tag:yaml.org,2002:int", _int)
_Loader.add_constructor("tag:yaml.org,2002:float", _float)


class _Refused(Exception):
    """A structure the loader refuses: ``message`` is the key to :data:`messages.MESSAGES`."""

    def __init__(self, path: Path_, message: str, **values: Any):
        self.path, self.message, self.values = path, message, values


def _construct(
    node: yaml.Node, loader: _Loader, path: Path_, lines: dict[Path_, int], seen: set[int],
    texts: dict[Path_, str], settings: bool = False,
) -> Any:
    if id(node) in seen:  # the composer hands out the anchored node again for every alias
        raise _Refused(path, "yaml_alias", line=node.start_mark.line + 1)
    seen.add(id(node))
    lines.setdefault(path, node.start_mark.line + 1)
    if len(path) > MAX_DEPTH:
        raise _Refused(path, "yaml_too_deep", n=MAX_DEPTH)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if id(key_node) in seen:
                raise _Refused(path, "yaml_alias", line=key_node.start_mark.line + 1)
            seen.add(id(key_node))
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | bool | float) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be plain text", key_node.start_mark
                )
            key = str(key_node.value) if not isinstance(key, str) else key
            if key in result:
                raise _Refused(path + (key,), "yaml_duplicate", key=key,
                               first=lines[path + (key,)], at=key_node.start_mark.line + 1)
            lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _construct(value_node, loader, path + (key,), lines, seen, texts,
                                     settings)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(item, loader, path + (index,), lines, seen, texts, settings)
            for index, item in enumerate(node.value)
        ]
    style = getattr(node, "style", None)  # a scalar's: None/'' plain, ' or " quoted, | or >
    if settings and style in ("'", '"') and node.end_mark.line > node.start_mark.line:
        # a quoted value in a settings file stays on its line: a quote that is never closed
        # swallows the lines after it without a word from YAML
        raise _Refused(path, "yaml_open_quote", quote=style, at=node.start_mark.line + 1)
    value = loader.construct_object(node, deep=True)
    if not isinstance(value, str) and not style and value is not None:  # a plain scalar
        texts[path] = str(node.value)  # a number or boolean as written, for text settings
    return value


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH` from the event stream (flat, fast)."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else None
                raise _Refused((), "yaml_too_deep", n=MAX_DEPTH, at=line)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


_NYNORSK = re.compile(r"""^language:[ \t]*["']?nn["']?[ \t]*(?:#.*)?$""", re.M)


def detect_lang(text: str) -> Lang:
    """The målform a settings file asks for, read before (or without) parsing it, so even a
    file that cannot be loaded is reported in the editor's own målform. The one way the
    målform of a settings file is told (loader, messages, the command's help)."""
    return "nn" if _NYNORSK.search(text) else "nb"


def _size(n: int) -> str:
    """Bytes as Norwegian kB, rounded up: 1 000 001 → «1 001 kB»."""
    return f"{-(-n // 1000):,}\u00a0kB".replace(",", "\u00a0")


def load_settings_yaml(file: Path) -> tuple[Source, Lang]:
    """Load an edition's settings file (untrusted: written by an editor, maybe copied from
    the web) with a size limit; problems are worded in the målform the file asks for."""
    file = Path(file)
    try:
        size = file.stat().st_size
    except FileNotFoundError:
        # the file is not there to tell its målform: say it in both
        both = f"{msg('file_missing', 'nb')} / {msg('file_missing', 'nn')}"
        raise DataError([Problem(file, None, (), both)]) from None
    if size > MAX_SETTINGS_BYTES:
        with file.open("rb") as handle:
            lang = detect_lang(handle.read(64_000).decode("utf-8", errors="ignore"))
        problem = msg("settings_too_big", lang, size=_size(size), limit=_size(MAX_SETTINGS_BYTES))
        raise DataError([Problem(file, None, (), problem)], lang)
    source = load_yaml(file, settings=True)
    return source, source.lang


def load_yaml(file: Path, *, settings: bool = False) -> Source:
    """Parse ``file``; a syntax error or a refused structure becomes a :class:`DataError`
    naming file, line and key path (in the målform the file asks for, :func:`detect_lang`).
    ``settings``: the file is an editor's, so its nesting is checked before it is parsed."""
    file = Path(file)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(file, None, (), msg("file_missing"))]) from None
    except UnicodeDecodeError:
        raise DataError([Problem(file, None, (), msg("not_utf8"))]) from None
    lang = detect_lang(text)
    loader = _Loader(text)
    lines: dict[Path_, int] = {}
    texts: dict[Path_, str] = {}
    try:
        if settings:
            _check_depth(text)  # libyaml's composer recurses in C: a deep file crashes it
        node = loader.get_single_node()
        data = None if node is None else _construct(node, loader, (), lines, set(), texts,
                                                    settings)
    except yaml.MarkedYAMLError as exc:
        line, message = explain(exc, text, lang)
        raise DataError([Problem(file, line, (), message)], lang) from None
    except _Refused as exc:
        where = exc.values.pop("at", None) or Source(file, None, lines).line_of(exc.path)
        raise DataError([Problem(file, where, exc.path, msg(exc.message, lang, **exc.values))],
                        lang) from None
    except RecursionError:
        raise DataError([Problem(file, None, (), msg("yaml_too_deep", lang, n=MAX_DEPTH))],
                        lang) from None
    finally:
        loader.dispose()
    return Source(file, data, lines, lang, texts)
