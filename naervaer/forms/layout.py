"""From a form definition to what every renderer draws: each field laid out by its
component (:mod:`.components`), every input with its PDF name, label and rules.

The same layout feeds the PDF template, the HTML form on the site, the plan builder, the
browser's fill and the list of declared fields the tests compare the finished PDF
against, so none of them can disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.edition import Edition
from ..content.schema.forms import FormDef
from .components import COMPONENTS
from .components.base import Block, Context, Input, Kind, label, source
from .components.choices import slug

__all__ = ["Block", "Input", "Kind", "SectionLayout", "declared_fields", "layout",
           "radio_groups", "slug"]


@dataclass
class SectionLayout:
    id: str
    title: str | None
    intro: str | None
    blocks: list[Block]


def context(edition: Edition) -> Context:
    return Context(t=edition.t, consent_services=list(edition.s["consent_services"]),
                   laws=[ref for ref in edition.law.values() if ref.group == "taushetsplikt"])


def layout(form: FormDef, edition: Edition) -> list[SectionLayout]:
    c = context(edition)
    sections = []
    for section in form.sections:
        blocks = [COMPONENTS[f.type].layout(f, f"{section.id}:{f.id}", c)
                  for f in section.fields]
        title = None if section.title is None else label(section.title)
        sections.append(SectionLayout(section.id, title, source(section.intro), blocks))
    return sections


def radio_groups(sections: list[SectionLayout]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each radio group: the question it answers and its options' export values, in order."""
    groups: dict[str, tuple[str, tuple[str, ...]]] = {}
    for section in sections:
        for block in section.blocks:
            for inp in block.inputs:
                if inp.kind == "radio":
                    text, values = groups.get(inp.name, (inp.group or inp.label, ()))
                    groups[inp.name] = (text, values + (inp.value or "",))
    return groups


def declared_fields(form: FormDef, edition: Edition) -> dict[str, Kind]:
    """Every AcroForm field the fillable PDF must have: name → kind (radios grouped)."""
    return {inp.name: inp.kind for section in layout(form, edition)
            for block in section.blocks for inp in block.inputs}


def inputs(sections: list[SectionLayout]) -> list[Input]:
    return [inp for section in sections for block in section.blocks for inp in block.inputs]
