"""Resolve: from validated files to the edition's view. Every step returns new, frozen
objects; what was loaded is never changed.

* :func:`prepare_bank` — the municipality's own measures added, hidden ones left out;
* :func:`prune_guide` — sections an edition leaves out (no partner services) dropped;
* :class:`Resolver` — every text rendered once for the målform, local values filled in
  (Jinja, placeholders ``{{ s.… }}`` and ``{{ lov('…') }}``);
* :func:`resolve_tree` — a model with each of its texts replaced by its resolved copy.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, TypeVar

import jinja2
from pydantic import BaseModel

from ..errors import Problem
from ..markup import as_markup, neutralise_markdown
from ..messages import msg
from ..text import Lang, Text
from .checks import shown
from .schema.bank import Measure, MeasureBank
from .schema.guide import GuidePage, Section
from .schema.law import LawData, LawRef
from .schema.settings import Settings
from .sources import Source

T = TypeVar("T")


def prepare_bank(bank: MeasureBank, settings: Settings) -> MeasureBank:
    """Add the municipality's own measures (IDs ``<category>.L<n>``, their text the
    editor's markdown with nothing but formatting kept) and leave out hidden measures;
    a sub-point whose parent is hidden becomes a measure of its own."""
    added: dict[int, list[Measure]] = {}
    for local in settings.local_measures:
        mine = added.setdefault(local.category, [])
        text = local.text if isinstance(local.text, Text) else Text(nb=local.text, nn=local.text)
        why = local.why if isinstance(local.why, Text) else Text(
            nb=local.why or msg("local_measure_why", "nb"),
            nn=local.why or msg("local_measure_why", "nn"))
        judged: list[Literal["tier", "causes"]] = []
        if local.tier is None:
            judged.append("tier")
        if local.causes is None:
            judged.append("causes")
        mine.append(Measure(id=f"{local.category}.L{len(mine) + 1}", text=text,
                            actors=local.actors, decision=local.decision, local=True,
                            tier=local.tier or 2, causes=local.causes or [], why=why,
                            judgement=judged))
    hidden = set(settings.hidden_measures)
    categories = []
    for category in bank.categories:
        measures = [m if m.parent not in hidden else m.model_copy(update={"parent": None})
                    for m in category.measures + added.get(category.id, [])
                    if m.id not in hidden]
        categories.append(category.model_copy(update={"measures": measures}))
    return bank.model_copy(update={"categories": categories})


def prune_guide(page: GuidePage, settings: Settings) -> GuidePage:
    """The page without the sections :func:`~.checks.shown` leaves out (and theirs)."""

    def prune(sections: list[Section]) -> list[Section]:
        return [s.model_copy(update={"sections": prune(s.sections)})
                for s in sections if shown(s, settings)]

    return page.model_copy(update={"sections": prune(page.sections)})


def link_law(law: LawData) -> dict[str, LawRef]:
    """Every reference, linked to its act and its check (the loader checked both exist)."""
    return {ref.id: ref.linked(law.acts[ref.act], law.checks[ref.against]) for ref in law.refs}


class Resolver:
    """Renders texts for one edition: picks the målform and fills in local values. Problems
    (an unknown placeholder or legal reference) are collected with file, line and key."""

    def __init__(self, s: dict[str, Any], law: dict[str, LawRef], lang: Lang):
        self.lang = lang
        self.law = law
        self.problems: list[Problem] = []
        self.untranslated: list[str] = []
        # every placeholder goes in as markup source: a settings value escaped as text
        self.env = jinja2.Environment(
            undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True,
            finalize=as_markup,
        )
        self.env.globals.update(s=s, lov=self.lov)
        self._compiled: dict[str, jinja2.Template] = {}

    def lov(self, ref_id: str) -> str:
        ref = self.law.get(ref_id)
        if ref is None:
            raise KeyError(msg("law_unknown", id=ref_id))
        return f"[{ref.act_name.raw(self.lang)} {ref.section}]({ref.url})"

    def render(self, raw: str, **context: Any) -> str:
        if "{{" not in raw and "{%" not in raw:
            return raw
        template = self._compiled.get(raw)
        if template is None:
            template = self._compiled[raw] = self.env.from_string(raw)
        return template.render(**context)

    def render_at(self, raw: str, file: Path, line: int | None, path: tuple[Any, ...],
                  **context: Any) -> str:
        """:meth:`render`, or the raw text and a problem naming file, line and key."""
        try:
            return self.render(raw, **context)
        except (jinja2.TemplateError, KeyError) as exc:
            message = getattr(exc, "message", None) or (exc.args[0] if exc.args else str(exc))
            if isinstance(exc, jinja2.UndefinedError):
                message = msg("placeholder_unknown", what=message)
            self.problems.append(Problem(file, line, path, str(message)))
            return raw

    def source_text(self, raw: str, source: Source, path: tuple[Any, ...], **context: Any) -> str:
        """A text of a translation file (plain strings, not nb/nn)."""
        return self.render_at(raw, source.file, source.line_of(path), path, **context)

    def text(self, text: Text, source: Source, path: tuple[Any, ...]) -> Text:
        if text.missing(self.lang):
            self.untranslated.append(f"{source.file.name}: {'.'.join(map(str, path))}")
        where = path + (self.lang,)
        value = self.render_at(text.raw(self.lang), source.file, source.line_of(where), where)
        return text.resolved(value)

    def tree(self, model: T, source: Source) -> T:
        """``model`` with every text resolved (local measures: the editor's markdown, no
        placeholders filled in)."""
        def resolve(text: Text, path: tuple[Any, ...], owner: Any) -> Text:
            if isinstance(owner, Measure) and owner.local:
                return text.resolved(neutralise_markdown(text.raw(self.lang)))
            return self.text(text, source, path)

        return resolve_tree(model, resolve)


def resolve_tree(value: T, fn: Callable[[Text, tuple[Any, ...], Any], Text],
                 path: tuple[Any, ...] = (), owner: Any = None) -> T:
    """A copy of ``value`` in which ``fn(text, key path, owning model)`` has replaced every
    :class:`Text`; models are copied, never changed."""
    out: Any
    node: Any = value
    if isinstance(value, Text):
        out = fn(value, path, owner)
    elif isinstance(value, BaseModel):
        fields = type(value).model_fields
        if "root" in fields and len(fields) == 1:  # a RootModel: its keys are the path
            out = value.model_copy(update={"root": resolve_tree(node.root, fn, path, owner)})
        else:
            out = value.model_copy(update={
                name: resolve_tree(getattr(value, name), fn, path + (name,), value)
                for name in fields})
    elif isinstance(value, list):
        out = [resolve_tree(item, fn, path + (i,), owner) for i, item in enumerate(value)]
    elif isinstance(value, dict):
        out = {key: resolve_tree(item, fn, path + (key,), owner) for key, item in value.items()}
    else:
        out = value
    return out
