"""From a form definition to what every renderer draws: each field laid out by its
component (:mod:`.components`), every input with its PDF name, label and rules.

The same layout feeds the PDF template, the HTML form on the site, the plan builder, the
browser's fill and the list of declared fields the tests compare the finished PDF
against, so none of them can disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.edition import Edition
from ..content.schema.forms import ROW, FormDef
from ..errors import DataError, Problem
from ..messages import msg
from .components import COMPONENTS
from .components.base import Block, Context, Input, Kind, label, source
from .components.choices import slug

__all__ = ["Block", "Input", "Kind", "SectionLayout", "carry_forward", "declared_fields",
           "layout", "radio_groups", "slug"]

TEXT_KINDS = ("text", "multiline")


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


def carry_forward(form: FormDef, edition: Edition) -> dict[str, list[str]]:
    """A form's carry-forward mapping (``carry_forward`` in its definition) with ``{row}``
    written out: {field of this form: fields of the source form}. Every name must be a text
    field of its form, else the build stops with the file and key."""
    carry = form.carry_forward
    if carry is None:
        return {}
    ours = declared_fields(form, edition)
    theirs = declared_fields(edition.forms[carry.source], edition)
    problems = []
    out: dict[str, list[str]] = {}
    rows = range(1, carry.rows + 1) if any(ROW in k for k in carry.fields) else [None]
    for target, sources in carry.fields.items():
        for row in rows:
            def name(pattern: str, row: int | None = row) -> str:
                return pattern if row is None else pattern.replace(ROW, str(row))

            checked = [(name(target), ours, form.id)] + [(name(s), theirs, carry.source)
                                                         for s in sources]
            bad = [(n, fid) for n, kinds, fid in checked if kinds.get(n) not in TEXT_KINDS]
            for bad_name, fid in bad:
                problems.append(Problem(form.source_file or Path(f"forms/{form.id}.yaml"), None,
                                        ("carry_forward", "fields", target),
                                        msg("carry_field_unknown", edition.lang, name=bad_name,
                                            form=fid)))
            if not bad:
                out[name(target)] = [name(s) for s in sources]
    if problems:
        raise DataError(problems, edition.lang)
    return out
