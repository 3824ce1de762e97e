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

from ..text import LANGS, Lang
from .sources import Source, load_yaml

log = logging.getLogger("naervaer")

HUNSPELL_DICTS: dict[Lang, str] = {"nb": "nb_NO", "nn": "nn_NO"}

# settings keys whose values are not prose (addresses, ids, codes, numbers)
NOT_PROSE = frozenset({
    "language", "logo", "colour", "site_url", "privacy_statement_url",
    "accessibility_statement_url", "phone", "section", "actors", "hidden_measures",
    "category", "decision", "concern", "deadlines", "url", "link", "parent_languages",
    "words", "example", "tier", "causes", "translations",
    "search_synonyms",  # search words: names and the words readers type
})


# settings keys that hold names (of the municipality, its services and systems)
NAME_KEYS = frozenset({"municipality", "short", "name", "absence_system", "reporting_channel",
                       "consent_services"})


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

    def describe(self, lang: Lang = "nb") -> str:
        """The finding for a person, in their målform, with file, line, key path and word."""
        from ..messages import msg

        if self.kind == "style":
            what = msg("style_word", lang, word=self.word, prefer=self.prefer)
        else:
            what = msg("unknown_word", lang, word=self.word)
        return f"{self.snippet.where}: {what}"

    def __str__(self) -> str:
        return self.describe()


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
    return list(texts_in(source, plain_lang=source.lang))


def described_texts(schema: dict[str, Any], file: Path) -> Iterator[Snippet]:
    """The editors' explanations (``description`` / ``description_nn``) in a JSON Schema."""

    def walk(node: Any, path: tuple[str | int, ...]) -> Iterator[Snippet]:
        if isinstance(node, dict):
            described: tuple[tuple[str, Lang], ...] = (("description", "nb"),
                                                       ("description_nn", "nn"))
            for key, lang in described:
                if isinstance(node.get(key), str):
                    yield Snippet(file, None, path + (key,), lang, node[key])
            for key, item in node.items():
                if key not in ("description", "description_nn"):
                    yield from walk(item, path + (key,))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                yield from walk(item, path + (i,))

    yield from walk(schema, ())


def project_texts(root: Path) -> list[Snippet]:
    """Every nb/nn text of the project: data (the message catalogues among them), forms,
    example editions and the settings' explanations."""
    from .schema.json_schema import editor_schema

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
    schema_file = root / "naervaer" / "content" / "schema" / "settings.py"
    snippets += described_texts(editor_schema(), schema_file)
    return snippets


# --- words -----------------------------------------------------------------------------------

_STRIP = [
    re.compile(r"(?<![\w`])(?:data|docs|forms|editions)/[^\s`]*"),  # paths in the project
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S),  # Jinja placeholders
    re.compile(r"\{[^{}]*\}"),                              # format placeholders, attr lists
    re.compile(r"\]\([^)]*\)"),                            # markdown link targets
    re.compile(r"<[^>]+>"),                                 # HTML tags
    re.compile(r"`[^`]*`"),                                 # code
    re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+"),   # addresses
    re.compile(r"\S+\.(?:ya?ml|pdf|md|txt|json|svg|png|html)\b"),  # file names
    re.compile(r"(?<!\w)--?[a-z][\w-]*"),                  # command-line options
]
_WORD = re.compile(r"[^\W\d_]+(?:[-.'’][^\W\d_]+)*\.?-?(?!\w)")


def strip_markup(text: str) -> str:
    for pattern in _STRIP:
        text = pattern.sub(" ", text)
    return text


def words(text: str, stripped: bool = False) -> list[str]:
    """The words of a text: markup stripped; abbreviations keep their dots (``t.d.``);
    an elided first part keeps its dash (``løysings-`` in «løysings- og meistringsstrategiar»).
    """
    found = []
    for match in _WORD.finditer(text if stripped else strip_markup(text)):
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
        self.phrases: dict[Lang, list[str]] = {}
        for lang in LANGS:
            file = data_dir / f"words-{lang}.txt"
            lines = file.read_text(encoding="utf-8").splitlines() if file.exists() else []
            entries = [w.split("#")[0].strip() for w in lines if not w.lstrip().startswith("#")]
            # «a quoted title»: these exact words are exempt (titles of works in the other
            # målform or in English, cited as published)
            self.phrases[lang] = [w[1:-1] for w in entries if w.startswith("«") and
                                  w.endswith("»")]
            self.known[lang] = {w for w in entries if w and not w.startswith("«")}
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
        return word in known or core in known or core.lower() in known

    def check(self, snippets: Iterable[Snippet], spelling: bool = True,
              known: Iterable[str] = ()) -> list[Finding]:
        """Style findings for every text; spelling findings (one Hunspell process per målform)
        for every word that neither Hunspell nor the word list knows. A dashed compound
        (``PDF-filer``) passes when Hunspell knows it whole or knows or lists each part."""
        findings: list[Finding] = []
        per_lang: dict[Lang, dict[str, list[Snippet]]] = {lang: {} for lang in LANGS}
        for snippet in snippets:
            plain = re.sub(r"\s+", " ", strip_markup(snippet.text))
            for phrase in self.phrases[snippet.lang]:
                plain = plain.replace(phrase, " ")
            for rule in self.style[snippet.lang]:
                for match in rule.avoid.finditer(plain):
                    findings.append(Finding(snippet, match.group(), "style", rule.prefer))
            if spelling:
                for word in words(plain, stripped=True):
                    per_lang[snippet.lang].setdefault(word, []).append(snippet)
        if not spelling:
            return findings
        for lang, where in per_lang.items():
            extra = set(known)
            todo = [w for w in where if not self.is_listed(w, lang) and w not in extra]
            candidates = {f for w in todo for f in self._hunspell_forms(w) + self._parts(w)}
            unknown = unknown_to_hunspell(lang, frozenset(candidates))

            for word in todo:
                if not self._known(word, lang, unknown, extra):
                    for snippet in dict.fromkeys(where[word]):
                        findings.append(Finding(snippet, word, "spelling"))
        return findings

    def _known(self, word: str, lang: Lang, unknown: frozenset[str],
               extra: set[str] | None = None) -> bool:
        if any(f not in unknown for f in self._hunspell_forms(word)):
            return True
        parts = self._parts(word)  # a compound of known words, the edition's own among them
        return bool(parts) and all(self.is_listed(p, lang) or p in (extra or ())
                                   or p not in unknown for p in parts)

    @staticmethod
    def _parts(word: str) -> tuple[str, ...]:
        core = word.strip("-")
        if "-" not in core or "." in core:
            return ()
        return tuple(p for p in core.split("-") if len(p) > 1)

    @staticmethod
    def _hunspell_forms(word: str) -> tuple[str, ...]:
        """What Hunspell is asked; the word passes when it knows one of them. An elided
        first part (``løysings-`` in «løysings- og meistringsstrategiar») is asked without
        its dash, and without a linking -s."""
        if word.endswith("-"):
            core = word[:-1]
            return (core, core[:-1]) if core.endswith("s") and len(core) > 4 else (core,)
        return (word,)


def check_settings_file(file: Path, data_dir: Path) -> list[Finding]:
    """Spelling and house style of the editors' own texts in a settings file (for warnings)."""
    if not hunspell_available():
        log.info("hunspell-no er ikke installert: lokale tekster blir ikke stavekontrollert")
        return []
    try:
        source = load_yaml(file)
    except Exception:  # the settings loader reports broken files; not this check's job
        return []
    snippets = settings_texts(source)
    # the names the municipality gives (itself, its services, systems) are its own words:
    # their spelling is not checked, and other texts may use them
    names = [s for s in snippets if any(k in NAME_KEYS for k in s.path[-2:])]
    own_words = {w for s in names for w in words(s.text)}
    listed = source.data.get("words") if isinstance(source.data, dict) else None
    own_words |= {str(w) for w in listed or [] if isinstance(w, str | int)}  # the edition's own
    others = [s for s in snippets if s not in names]
    checker = Checker(data_dir)
    return checker.check(names, spelling=False) + checker.check(others, known=own_words)
