"""The theme's stylesheet, cut to what this site can use.

mkdocs-material ships one stylesheet (about 137 KB) for every feature it has; every page
loads it before anything is shown, and most of it styles features this site never uses
(content tabs, annotations, Mermaid, icons of every admonition type …). After the build,
``trim_theme_css`` keeps

* every rule that has a selector which can match something here: all the classes and ids it
  requires (outside ``:not()``, ``:is()`` and other functions, which are kept as they are)
  occur in a built page's ``class``/``id`` attributes, in the search index, or as a word
  anywhere in a script that makes elements on pages (the theme's and ours; a word that
  ends in ``-``/``_`` counts as a prefix, since class names are also made as «prefix» +
  value);
* every rule without such a requirement (elements, attributes, ``:root``) and every at-rule
  other than ``@media``/``@supports``/``@layer``/``@container``, whose rules are cut alike;
* of the custom properties, those a kept rule, another kept property, a script, one of
  our stylesheets or a page uses.

Kept rules are written as the theme wrote them (selectors untouched). The result gets a new
name with its own content hash (``main.<hash>.min.css``), and every page is pointed at it:
a cached copy of the full sheet can never stand in for a cut one, nor the other way round.
``tests/test_theme_css.py`` compares every element's computed style with the full sheet.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import tinycss2
from tinycss2.ast import (
    AtRule,
    Declaration,
    FunctionBlock,
    HashToken,
    IdentToken,
    LiteralToken,
    Node,
    QualifiedRule,
)

_NESTING = ("media", "supports", "layer", "container")
_ATTR = re.compile(r"""\b(?:class|id)\s*=\s*\\?["']([^"'\\]*)""")
_WORD = re.compile(r"-?[A-Za-z_][\w-]*")
_PROPERTY = re.compile(r"--[\w-]+")
_THEME_SHEET = re.compile(r"main\.[0-9a-f]{8}\.min\.css")


class Names:
    """The class and id names elements on this site can have."""

    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.prefixes = tuple(sorted(n for n in names if n.endswith(("-", "_"))))

    def __contains__(self, name: str) -> bool:
        return name in self.names or name.startswith(self.prefixes)


def _page_scripts(site: Path) -> list[Path]:
    """The scripts that make elements on pages: the theme's bundle and ours. Not the search
    worker and its language files (no page access), nor vendored libraries (they make no
    elements: pdf-lib, fontkit)."""
    return (sorted((site / "assets" / "javascripts").glob("bundle.*.js"))
            + sorted((site / "assets").glob("*.js")))


def site_names(site: Path) -> tuple[Names, set[str]]:
    """(class and id names, custom property names) that the built site's pages, search index,
    scripts and own stylesheets can give or use."""
    names: set[str] = set()
    properties: set[str] = set()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        for value in _ATTR.findall(text):
            names.update(value.split())
        properties.update(_PROPERTY.findall(text))
    for index in site.rglob("search_index.json"):
        names.update(w for v in _ATTR.findall(index.read_text(encoding="utf-8")) for w in v.split())
    for script in _page_scripts(site):
        text = script.read_text(encoding="utf-8", errors="replace")
        properties.update(_PROPERTY.findall(text))
        names.update(_WORD.findall(text))  # every word, not only strings: minified code
        # is not tokenised here, and a quote in a regular expression would misalign strings
    for sheet in (site / "assets").glob("*.css"):  # ours (the theme's are in stylesheets/)
        properties.update(_PROPERTY.findall(sheet.read_text(encoding="utf-8")))
    return Names(names), properties


def _split_selectors(prelude: list[Node]) -> list[list[Node]]:
    parts: list[list[Node]] = [[]]
    for token in prelude:
        if isinstance(token, LiteralToken) and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _required(selector: list[Node]) -> list[str]:
    """The classes and ids an element must have for ``selector`` to match (top level only)."""
    out = []
    for i, token in enumerate(selector):
        if (isinstance(token, LiteralToken) and token.value == "."
                and i + 1 < len(selector) and isinstance(selector[i + 1], IdentToken)):
            out.append(selector[i + 1].value)
        elif isinstance(token, HashToken) and token.is_identifier:
            out.append(token.value)
    return out


def can_match(rule: QualifiedRule, names: Names) -> bool:
    return any(all(n in names for n in _required(part)) for part in _split_selectors(rule.prelude))


def _declarations(rule: QualifiedRule | AtRule) -> list[Declaration]:
    items = tinycss2.parse_blocks_contents(rule.content or [], skip_comments=True,
                                           skip_whitespace=True)
    return [d for d in items if isinstance(d, Declaration)]


def _rules(rule: AtRule) -> list[Node]:
    return tinycss2.parse_rule_list(rule.content or [], skip_comments=True, skip_whitespace=True)


def _var_refs(tokens: list[Node], into: set[str]) -> None:
    for token in tokens:
        if isinstance(token, FunctionBlock):
            if token.lower_name == "var":
                into.update(t.value for t in token.arguments
                            if isinstance(t, IdentToken) and t.value.startswith("--"))
            _var_refs(token.arguments, into)
        elif getattr(token, "content", None) and isinstance(token.content, list):
            _var_refs(token.content, into)


def _live(rules: list[Node], names: Names) -> list[Node]:
    """Rules that can apply (at-rules that nest rules: with their live rules only)."""
    out: list[Node] = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            if can_match(rule, names):
                out.append(rule)
        elif isinstance(rule, AtRule) and rule.lower_at_keyword in _NESTING and rule.content:
            inner = _live(_rules(rule), names)
            if inner:
                out.append((rule, inner))
        else:
            out.append(rule)
    return out


def trim(css: str, names: Names, used_properties: set[str]) -> str:
    """``css`` with only the rules that can match ``names`` and the custom properties used."""
    live = _live(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True),
                 names)

    definitions: dict[str, list[list[Node]]] = {}
    used = set(used_properties)

    def collect(items: list[Node]) -> None:
        for item in items:
            if isinstance(item, tuple):
                collect(item[1])
            elif isinstance(item, QualifiedRule):
                for decl in _declarations(item):
                    if decl.name.startswith("--"):
                        definitions.setdefault(decl.name, []).append(decl.value)
                    else:
                        _var_refs(decl.value, used)

    collect(live)
    todo = list(used)
    while todo:  # properties that used properties use
        refs: set[str] = set()
        for value in definitions.get(todo.pop(), []):
            _var_refs(value, refs)
        todo.extend(refs - used)
        used |= refs

    def write(items: list[Node]) -> str:
        out = []
        for item in items:
            if isinstance(item, tuple):
                at, inner = item
                body = write(inner)
                if body:
                    out.append(f"@{at.at_keyword}{tinycss2.serialize(at.prelude)}{{{body}}}")
            elif isinstance(item, QualifiedRule):
                decls = [d for d in _declarations(item)
                         if not d.name.startswith("--") or d.name in used]
                if decls:
                    selector = tinycss2.serialize(item.prelude).strip()
                    out.append(selector + "{" + ";".join(d.serialize().strip()
                                                          for d in decls) + "}")
            else:
                out.append(item.serialize())
        return "".join(out)

    return write(live) + "\n"


def _trimmed(full: str, names: Names, properties: set[str], cache: Path | None) -> str:
    """``trim()``, remembered in ``cache`` by everything it reads (the sheet, the names, the
    properties and this module's code): a rebuild whose pages use the same names does not
    cut the sheet again."""
    if cache is None:
        return trim(full, names, properties)
    key = hashlib.sha256("\0".join([Path(__file__).read_text(encoding="utf-8"), full,
                                     *sorted(names.names), "\1", *sorted(properties)])
                         .encode("utf-8")).hexdigest()[:32]
    hit = cache / f"{key}.css"
    if hit.exists():
        return hit.read_text(encoding="utf-8")
    css = trim(full, names, properties)
    cache.mkdir(parents=True, exist_ok=True)
    part = hit.with_name(f"{key}.{os.getpid()}.part")
    part.write_text(css, encoding="utf-8")
    part.replace(hit)
    return css


def trim_theme_css(site: Path, cache: Path | None = None) -> Path | None:
    """Cut the built site's theme stylesheet (see above); returns the new file, or None when
    the site has none. ``cache``: a folder where cut sheets are kept between builds."""
    sheets = [p for p in (site / "assets" / "stylesheets").glob("main.*.min.css")
              if _THEME_SHEET.fullmatch(p.name)]
    if not sheets:
        return None
    (sheet,) = sheets
    names, properties = site_names(site)
    css = _trimmed(sheet.read_text(encoding="utf-8"), names, properties, cache)
    digest = hashlib.sha256(css.encode("utf-8")).hexdigest()[:8]
    new = sheet.with_name(f"main.{digest}.min.css")
    sheet.unlink()
    sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)  # maps the full sheet
    new.write_text(css, encoding="utf-8")
    old_ref = f"stylesheets/{sheet.name}"
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if old_ref in text:
            page.write_text(text.replace(old_ref, f"stylesheets/{new.name}"), encoding="utf-8")
    return new
