"""From a form definition to what the template draws: every input with its PDF name and label.

The same layout feeds the HTML template and the list of declared fields the tests compare
the finished PDF against, so the two can't disagree.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

from ..edition import Edition
from ..form_model import FormDef
from ..markup import plain_text
from ..text import Text

# light tints so black text stays readable on every zone
ZONE_COLOURS = {"green": "#cdebd0", "grønn": "#cdebd0", "yellow": "#fff1a8", "gul": "#fff1a8",
                "red": "#f6c4c4", "rød": "#f6c4c4", "grey": "#e4e6e8", "gray": "#e4e6e8",
                "grå": "#e4e6e8", "blue": "#cfe0f3", "blå": "#cfe0f3"}

Kind = Literal["text", "multiline", "checkbox", "radio", "combo"]


@dataclass
class Input:
    name: str
    kind: Kind
    label: str
    value: str | None = None  # export value of a radio button
    lines: int = 1
    maxlength: int | None = None
    options: list[str] = field(default_factory=list)
    group: str | None = None  # a radio button's group label (the question it answers)

    @property
    def html_id(self) -> str:
        token = self.name if self.value is None else f"{self.name}:{self.value}"
        return "f-" + re.sub(r"[^a-zA-Z0-9_-]", "-", token)


@dataclass
class Block:
    """One field of the definition, ready to draw."""

    type: str
    label: str | None
    help: str | None
    spec: Any
    inputs: list[Input] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class SectionLayout:
    id: str
    title: str | None
    intro: str | None
    blocks: list[Block]


def slug(text: str) -> str:
    ascii_text = (
        unicodedata.normalize("NFKD", text.replace("æ", "ae").replace("ø", "o").replace("å", "a")
                              .replace("Æ", "Ae").replace("Ø", "O").replace("Å", "A"))
        .encode("ascii", "ignore")
        .decode()
    )
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40] or "x"


def _s(text: Text | None) -> str | None:
    """Markup source (help, intros: rendered as markdown by the template)."""
    return None if text is None else str(text)


def _l(text: Any) -> str:
    """A label or title as plain text (the template escapes it; PDF tooltips take it as is)."""
    return plain_text(text)


def layout(form: FormDef, edition: Edition) -> list[SectionLayout]:
    def t(key: str) -> str:
        return _l(edition.t(key))

    sections = []
    for section in form.sections:
        blocks = []
        for f in section.fields:
            base = f"{section.id}:{f.id}"
            label = None if f.label is None else _l(f.label)
            block = Block(type=f.type, label=label, help=_s(f.help), spec=f)
            if f.type in ("text", "date"):
                block.inputs.append(Input(base, "text", label or ""))
            elif f.type == "birthnumber":
                block.inputs.append(Input(base, "text", label or "", maxlength=11))
            elif f.type == "textarea":
                block.inputs.append(Input(base, "multiline", label or "", lines=f.lines))
            elif f.type == "checkbox":
                block.inputs.append(Input(base, "checkbox", label or ""))
            elif f.type == "checkboxes":
                if f.options_from == "consent_services":
                    options = [(slug(s), _l(s)) for s in edition.s["consent_services"]]
                else:
                    options = [(o.id, _l(o.label)) for o in f.options]
                for oid, olabel in options:
                    block.inputs.append(Input(f"{base}:{oid}", "checkbox", olabel))
                if f.other:
                    block.extra["other"] = Input(f"{base}:andre", "text", t("form.other"))
                    block.inputs.append(block.extra["other"])
            elif f.type == "choice":
                for o in f.options:
                    block.inputs.append(Input(base, "radio", _l(o.label), value=o.id,
                                              group=label))
            elif f.type == "yesno":
                answers = [
                    ("ja", t("form.yes")), ("delvis", t("form.partly")), ("nei", t("form.no"))
                ]
                block.extra["answers"] = [a[1] for a in answers]
                for row in f.rows:
                    rlabel = _l(row.label)
                    radios = [Input(f"{base}:{row.id}", "radio", f"{rlabel}: {alabel}", value=aid,
                                    group=rlabel)
                              for aid, alabel in answers]
                    comment = (Input(f"{base}:{row.id}:kommentar", "text",
                                     f"{rlabel}: {t('form.comment')}") if f.comment else None)
                    block.rows.append({"label": rlabel, "radios": radios, "comment": comment})
                    block.inputs += radios + ([comment] if comment else [])
            elif f.type == "questions":
                for row in f.rows:
                    inp = Input(f"{base}:{row.id}", "multiline", _l(row.label), lines=f.lines)
                    block.rows.append({"label": _l(row.label), "input": inp})
                    block.inputs.append(inp)
            elif f.type == "table":
                labels = (
                    [(r.id, _l(r.label)) for r in f.row_labels]
                    if f.row_labels
                    else [(f"r{i}", str(i)) for i in range(1, (f.rows or 5) + 1)]
                )
                block.extra["has_row_labels"] = bool(f.row_labels)
                for rid, rlabel in labels:
                    cells = []
                    for col in f.columns:
                        where = rlabel if f.row_labels else f"{t('form.row')} {rlabel}"
                        cells.append(Input(f"{base}:{rid}:{col.id}", "text",
                                           f"{_l(col.label)}, {where}"))
                    block.rows.append({"label": rlabel, "cells": cells})
                    block.inputs += cells
            elif f.type == "signature":
                if f.place_date:
                    block.extra["place"] = Input(f"{base}:sted", "text", t("form.place"))
                    block.extra["date"] = Input(f"{base}:dato", "text", t("form.date"))
                    block.inputs += [block.extra["place"], block.extra["date"]]
                for signer in f.signers:
                    inp = Input(f"{base}:{signer.id}:navn", "text",
                                f"{_l(signer.label)}: {t('form.name_in_print')}")
                    block.rows.append({"label": _l(signer.label), "name": inp})
                    block.inputs.append(inp)
            elif f.type == "scale":
                values = [str(v) for v in range(f.min, f.max + 1)]
                block.extra["values"] = values
                items = [(i.id, _l(i.label), None) for i in f.items]
                items += [(f"egen{i}", "", Input(f"{base}:egen{i}:tekst", "text",
                                                 f"{t('form.own_item')} {i}"))
                          for i in range(1, f.blank + 1)]
                for iid, ilabel, own in items:
                    score = Input(f"{base}:{iid}", "combo",
                                  f"{ilabel or t('form.own_item')}: {t('form.score')}",
                                  options=[""] + values)
                    block.rows.append({"label": ilabel, "own": own, "score": score})
                    block.inputs += ([own] if own else []) + [score]
            elif f.type == "cards":
                block.extra["cards"] = [_l(c.label) for c in f.cards]
                blanks = [Input(f"{base}:blank{i}", "text", f"{t('form.blank_card')} {i}")
                          for i in range(1, f.blank + 1)]
                block.extra["blanks"] = blanks
                block.inputs += blanks
            elif f.type == "circle":
                for zone in f.zones:
                    inp = Input(f"{base}:{zone.id}", "multiline", _l(zone.label), lines=4)
                    colour = ZONE_COLOURS.get((zone.colour or "").lower(), zone.colour)
                    block.rows.append({"label": _l(zone.label), "colour": colour,
                                       "help": _s(zone.help), "input": inp})
                    block.inputs.append(inp)
            elif f.type == "info":
                if f.include == "confidentiality_laws":
                    block.extra["laws"] = [
                        ref for ref in edition.law.values() if ref.group == "taushetsplikt"
                    ]
            blocks.append(block)
        title = None if section.title is None else _l(section.title)
        sections.append(SectionLayout(section.id, title, _s(section.intro), blocks))
    return sections


def radio_groups(sections: list[SectionLayout]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each radio group: the question it answers and its options' export values, in order."""
    groups: dict[str, tuple[str, tuple[str, ...]]] = {}
    for section in sections:
        for block in section.blocks:
            for inp in block.inputs:
                if inp.kind == "radio":
                    label, values = groups.get(inp.name, (inp.group or inp.label, ()))
                    groups[inp.name] = (label, values + (inp.value or "",))
    return groups


def declared_fields(form: FormDef, edition: Edition) -> dict[str, Kind]:
    """Every AcroForm field the fillable PDF must have: name → kind (radios grouped)."""
    out: dict[str, Kind] = {}
    for section in layout(form, edition):
        for block in section.blocks:
            for inp in block.inputs:
                out[inp.name] = inp.kind
    return out
