"""The language gate: spelling and house style for every bokmål and nynorsk text.

Texts are found generically: every ``{nb: …, nn: …}`` mapping in the YAML files under
``data/`` and ``forms/`` (and in settings files), every plain text in a settings file (in the
file's målform), the editors' explanations in :mod:`naervaer.settings` and the build's
messages. Markup, placeholders and addresses are stripped; the words left are checked with
Hunspell's Norwegian dictionaries (Debian ``hunspell-no``, one process per målform) plus a
small reviewed word list per målform (``data/words-nb.txt``, ``data/words-nn.txt``), and
against the house style (``data/style.yaml``: preferred form → forms to avoid).

The project's own texts must pass without a finding (``tests/test_language.py``); an edition's
settings file is checked at build time and its findings are logged as warnings only.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .text import LANGS, Lang
from .yamlsource import Source, load_yaml

log = logging.getLogger("naervaer")

HUNSPELL_DICTS: dict[Lang, str] = {"nb": "nb_NO", "nn": "nn_NO"}

# settings keys whose values are not prose (addresses, ids, codes, numbers)
NOT_PROSE = frozenset({
    "language", "logo", "colour", "site_url", "privacy_statement_url",
    "accessibility_statement_url", "phone", "section", "actors", "hidden_measures",
    "category", "decision", "concern", "deadlines", "url", "link",
})


@dataclass(frozen=True)
class Snippet:
    """One text in one målform, and where it sits."""

    file: Path
    line: int | None
    path: tuple[str | int, ...]
    lang: Lang
    text: str

    @property
    def where(self) -> str:
        line = f":{self.line}" if self.line else ""
        return f"{self.file.name}{line} {'.'.join(map(str, self.path)) or '(rot)'} [{self.lang}]"


@dataclass(frozen=True)
class Finding:
    snippet: Snippet
    word: str
    kind: str  # "spelling" | "style"
    prefer: str = ""

    def __str__(self) -> str:
        if self.kind == "style":
            return f"{self.snippet.where}: «{self.word}» – husstil: skriv «{self.prefer}»"
        return f"{self.snippet.where}: ukjent ord «{self.word}»"


# --- finding the texts ---------------------------------------------------------------------


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("nb"), str) and all(
        isinstance(k, str) for k in value)


def texts_in(source: Source, plain_lang: Lang | None = None) -> Iterator[Snippet]:
    """Every nb/nn text in a loaded YAML file.

    ``plain_lang``: plain strings (not ``{nb, nn}``) are texts in this målform (settings
    files); ``None`` skips them (data files keep every text as ``{nb, nn}``).
    """

    def walk(value: Any, path: tuple[str | int, ...]) -> Iterator[Snippet]:
        if path and isinstance(path[-1], str) and path[-1] in NOT_PROSE:
            return
        if _is_text(value):
            for lang in LANGS:
                text = value.get(lang)
                if isinstance(text, str) and text.strip():
                    line = source.line_of(path + (lang,))
                    yield Snippet(source.file, line, path + (lang,), lang, text)
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, path + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from walk(item, path + (i,))
        elif isinstance(value, str) and plain_lang and value.strip():
            yield Snippet(source.file, source.line_of(path), path, plain_lang, value)

    yield from walk(source.data, ())


def settings_texts(source: Source) -> list[Snippet]:
    """The texts of a settings file; plain strings count as the file's målform."""
    data = source.data if isinstance(source.data, dict) else {}
    lang: Lang = "nn" if data.get("language") == "nn" else "nb"
    return list(texts_in(source, plain_lang=lang))


def described_texts(schema: dict[str, Any], file: Path) -> Iterator[Snippet]:
    """The editors' explanations (``description`` / ``description_nn``) in a JSON Schema."""

    def walk(node: Any, path: tuple[str | int, ...]) -> Iterator[Snippet]:
        if isinstance(node, dict):
            for key, lang in (("description", "nb"), ("description_nn", "nn")):
                if isinstance(node.get(key), str):
                    yield Snippet(file, None, path + (key,), lang, node[key])  # type: ignore[arg-type]
            for key, item in node.items():
                if key not in ("description", "description_nn"):
                    yield from walk(item, path + (key,))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                yield from walk(item, path + (i,))

    yield from walk(schema, ())


def project_texts(root: Path) -> list[Snippet]:
    """Every nb/nn text of the project: data, forms, example editions, settings, messages."""
    from .messages import MESSAGES
    from .settings import Settings

    snippets: list[Snippet] = []
    for pattern in ("data/**/*.yaml", "data/**/*.yml", "forms/*.yaml"):
        for file in sorted(root.glob(pattern)):
            source = load_yaml(file)
            if file.name.startswith("settings"):
                snippets += settings_texts(source)
            else:
                snippets += texts_in(source)
    for file in sorted(root.glob("editions/*.yml")):
        snippets += settings_texts(load_yaml(file))
    snippets += described_texts(Settings.model_json_schema(), root / "naervaer" / "settings.py")
    messages = root / "naervaer" / "messages.py"
    for key, texts in MESSAGES.items():
        for lang, text in texts.items():
            snippets.append(Snippet(messages, None, (key, lang), lang, text))
    return snippets


# --- words -----------------------------------------------------------------------------------

_STRIP = [
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S),  # Jinja placeholders
    re.compile(r"\{[^{}]*\}"),                              # format placeholders, attr lists
    re.compile(r"\]\([^)]*\)"),                            # markdown link targets
    re.compile(r"<[^>]+>"),                                 # HTML tags
    re.compile(r"`[^`]*`"),                                 # code
    re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+"),   # addresses
]
_WORD = re.compile(r"[^\W\d_]+(?:[-.'’][^\W\d_]+)*\.?-?(?!\w)")


def strip_markup(text: str) -> str:
    for pattern in _STRIP:
        text = pattern.sub(" ", text)
    return text


def words(text: str) -> list[str]:
    """The words of a text: markup stripped; abbreviations keep their dots (``t.d.``);
    an elided first part keeps its dash (``løysings-`` in «løysings- og meistringsstrategiar»).
    """
    found = []
    for match in _WORD.finditer(strip_markup(text)):
        word = match.group()
        core = word.rstrip(".-")
        if "." not in core:
            word = core + ("-" if word.endswith("-") else "")
        if len(core) > 1:
            found.append(word)
    return found


# --- checking --------------------------------------------------------------------------------


def hunspell_available(langs: Iterable[Lang] = LANGS) -> bool:
    if not shutil.which("hunspell"):
        return False
    return all(Path(f"/usr/share/hunspell/{HUNSPELL_DICTS[lang]}.dic").exists() for lang in langs)


@lru_cache(maxsize=64)
def unknown_to_hunspell(lang: Lang, candidates: frozenset[str]) -> frozenset[str]:
    """The words Hunspell does not know, in one process (``-L``: one word a line in, the
    lines with an unknown word out; no suggestions are computed, so it is fast)."""
    if not candidates:
        return frozenset()
    result = subprocess.run(
        ["hunspell", "-L", "-i", "utf-8", "-d", HUNSPELL_DICTS[lang]],
        input="\n".join(sorted(candidates)) + "\n", capture_output=True, text=True,
        encoding="utf-8", check=True,
    )
    return frozenset(line for line in result.stdout.splitlines() if line)


@dataclass(frozen=True)
class StyleRule:
    prefer: str
    avoid: re.Pattern[str]
    note: str = ""


class Checker:
    """Hunspell + the project's word lists + the house style, for both målformer."""

    def __init__(self, data_dir: Path):
        self.known: dict[Lang, set[str]] = {}
        for lang in LANGS:
            file = data_dir / f"words-{lang}.txt"
            lines = file.read_text(encoding="utf-8").splitlines() if file.exists() else []
            self.known[lang] = {
                w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")}
        self.style: dict[Lang, list[StyleRule]] = {lang: [] for lang in LANGS}
        style_file = data_dir / "style.yaml"
        if style_file.exists():
            data = yaml.safe_load(style_file.read_text(encoding="utf-8")) or {}
            for lang in LANGS:
                for rule in data.get(lang, []):
                    pattern = "|".join(f"(?:{p})" for p in rule["avoid"])
                    self.style[lang].append(StyleRule(
                        rule["prefer"],
                        re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE),
                        rule.get("note", "")))

    def is_listed(self, word: str, lang: Lang) -> bool:
        known = self.known[lang]
        core = word.rstrip("-")
        if word in known or core in known or core.lower() in known:
            return True
        # a dashed compound passes when its listed/known parts do (checked part by part)
        return False

    def check(self, snippets: Iterable[Snippet], spelling: bool = True) -> list[Finding]:
        snippets = list(snippets)
        findings: list[Finding] = []
        per_lang: dict[Lang, dict[str, list[Snippet]]] = {lang: {} for lang in LANGS}
        for snippet in snippets:
            plain = strip_markup(snippet.text)
            for rule in self.style[snippet.lang]:
                for match in rule.avoid.finditer(plain):
                    findings.append(Finding(snippet, match.group(), "style", rule.prefer))
            if spelling:
                for word in words(snippet.text):
                    per_lang[snippet.lang].setdefault(word, []).append(snippet)
        if spelling:
            for lang, where in per_lang.items():
                candidates = {self._hunspell_form(w) for w in where if not self.is_listed(w, lang)}
                candidates.discard("")
                unknown = unknown_to_hunspell(lang, frozenset(candidates))
                for word, places in where.items():
                    form = self._hunspell_form(word)
                    if form in unknown and not self.is_listed(word, lang):
                        seen = set()
                        for snippet in places:
                            if snippet not in seen:
                                seen.add(snippet)
                                findings.append(Finding(snippet, word, "spelling"))
        return findings

    @staticmethod
    def _hunspell_form(word: str) -> str:
        """What Hunspell is asked: an elided first part is asked without its dash; an
        elided linking -s (``løysings-``) is asked as the bare word."""
        if word.endswith("-"):
            core = word[:-1]
            return core[:-1] if core.endswith("s") and len(core) > 4 else core
        return word


def check_settings_file(file: Path, data_dir: Path) -> list[Finding]:
    """Spelling and house style of the editors' own texts in a settings file (for warnings)."""
    if not hunspell_available():
        log.info("hunspell-no er ikke installert: lokale tekster blir ikke stavekontrollert")
        return []
    try:
        source = load_yaml(file)
    except Exception:  # the settings loader reports broken files; not this check's job
        return []
    return Checker(data_dir).check(settings_texts(source))
