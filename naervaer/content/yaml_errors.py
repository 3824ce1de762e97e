"""A file that is not valid YAML, explained in Norwegian at the line where the mistake is.

The parser (libyaml) says what it could not read and where it noticed — often a line after
the mistake, and always in English. Here each kind of mistake an editor makes gets its own
message, at the line to change: a tab used for indenting, a quote that is never closed, a
line indented more or less than its neighbours, a key without its colon, a colon inside a
value that needs quotes. Anything else gets a plain «check this line» message; the English
text never reaches the editor.
"""

from __future__ import annotations

import re

import yaml

from ..messages import msg
from ..text import Lang

_KEY = re.compile(r"^(\s*)(?:-\s+)?([^\s:#'\"][^:#]*?)\s*:(?:\s|$)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(lines: list[str], index: int) -> bool:
    text = lines[index].strip() if 0 <= index < len(lines) else ""
    return bool(text) and not text.startswith("#")


def _previous(lines: list[str], index: int) -> int:
    """The nearest line above ``index`` that holds something (not blank, not a comment)."""
    index -= 1
    while index >= 0 and not _content(lines, index):
        index -= 1
    return index


_OPENS = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:#'"][^:#]*?\s*:\s+)?(?:-\s+)?(["'])""")


def _swallowing_quote(lines: list[str], at: int) -> tuple[int, str] | None:
    """(0-based line, quote) of a value whose quote is never closed on its own line, when
    the quote was closed by the first quote on line ``at`` instead (the next quoted value),
    so that the rest of that line is what the parser stumbled on."""
    if not 0 < at < len(lines):
        return None
    for quote in ('"', "'"):
        if quote not in lines[at]:
            continue
        index = at - 1
        while index >= 0 and quote not in lines[index]:
            index -= 1
        opener = _OPENS.match(lines[index]) if index >= 0 else None
        if opener and opener.group(1) == quote and quote not in lines[index][opener.end():]:
            return index, quote
    return None


def explain(exc: yaml.MarkedYAMLError, text: str, lang: Lang) -> tuple[int | None, str]:
    """(1-based line, Norwegian message) for a YAML syntax error in ``text``."""
    lines = text.split("\n")
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return None, msg("yaml_error", lang)
    at = mark.line
    problem, context = exc.problem or "", exc.context or ""
    # a tab anywhere in the indentation of the line the parser stopped at, or above it
    for index in range(min(at, len(lines) - 1), max(-1, at - 2), -1):
        indent = lines[index][: len(lines[index]) - len(lines[index].lstrip(" \t"))]
        if "\t" in indent:
            return index + 1, msg("yaml_tab", lang)
    opened = _swallowing_quote(lines, at)
    if opened is not None:
        return opened[0] + 1, msg("yaml_open_quote", lang, quote=opened[1])
    if "quoted scalar" in context and exc.context_mark is not None:
        quote = lines[exc.context_mark.line][exc.context_mark.column:][:1] or '"'
        return exc.context_mark.line + 1, msg("yaml_open_quote", lang, quote=quote)
    line = lines[at] if at < len(lines) else ""
    if "mapping values are not allowed" in problem:
        key = _KEY.match(line)
        if key and mark.column > key.end() - 1:
            # a second «: » in the line: a colon inside the value
            value = line[key.end():].strip()
            return at + 1, msg("yaml_colon_in_value", lang, key=key.group(2), value=value)
        above = _previous(lines, at)
        if key and above >= 0 and not _KEY.match(lines[above]) \
                and not lines[above].strip().startswith("-"):
            # the line above is a key that lost its colon, so this line continued it
            return above + 1, msg("yaml_missing_colon", lang, key=lines[above].strip())
        if key and above >= 0 and _indent(line) > _indent(lines[above]):
            return at + 1, msg("yaml_indent_more", lang, key=key.group(2))
        return at + 1, msg("yaml_check_line", lang)
    if "expected ':'" in problem and exc.context_mark is not None:
        start = exc.context_mark.line
        above = _previous(lines, start)
        if above >= 0 and lines[above].strip().startswith("- ") and ":" not in lines[start]:
            return start + 1, msg("yaml_list_item", lang)  # an item without its «- »
        return start + 1, msg("yaml_missing_colon", lang, key=lines[start].strip())
    if "did not find expected key" in problem or "expected <block end>" in problem:
        key = _KEY.match(line)
        name = key.group(2) if key else line.strip()
        return at + 1, msg("yaml_indent_less", lang, key=name)
    if "did not find expected '-'" in problem:
        return at + 1, msg("yaml_list_item", lang)
    return at + 1, msg("yaml_check_line", lang)
