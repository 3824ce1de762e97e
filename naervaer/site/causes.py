"""From causes to measures: what the cause tags of the measure bank (data/measures.yaml,
«Tiers and causes» in data/README.md) give the site.

* the page «Tiltak etter årsak» (``tiltak/etter-arsak.html``): a plain table, cause → the
  measures that address it, by tier — the answer without JavaScript;
* the suggestions on the browser form of the cause mapping (``skjema/arsakskartlegging``):
  as the reader ticks what feels difficult, the measures that address it, by category with
  their tier, each with «Legg til i planen» (``docs/assets/cause-suggest.js``);
* the cause and tier filters of the measure bank's overview (the plan builder's page).

The causes are the options of the question ``folelser`` in the cause-mapping form, so their
words, order and field names come from the form model (as the PDF has them), never from here.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from ..content.edition import Edition
from ..content.schema.bank import CAUSES, TIERS, Measure
from ..forms.layout import layout
from ..markup import markup_source, plain_text, to_html
from .nav import CAUSES_PAGE

__all__ = ["CAUSES_PAGE", "CHANNEL", "Cause", "by_cause", "causes", "suggestions"]

CAUSE_FORM = "arsakskartlegging"
CAUSE_QUESTION = ("arsaker", "folelser")  # section and field of the question «Hva kjennes …»
CHANNEL = "naervaer-plan"  # the BroadcastChannel to an open plan builder (plan-channel.js)
SUGGEST_SAYS = ("none", "count", "for", "opened", "added", "already",
                "new_tab")  # suggest.* words the module uses


@dataclass(frozen=True)
class Cause:
    id: str  # the option id, also the measures' tag
    label: str  # the option's label in the form, in the edition's målform
    name: str  # the checkbox's field name on the form page (and in the PDF)


def causes(ed: Edition) -> list[Cause]:
    """The causes a measure can address, in the form's order, with the form's words."""
    section_id, field_id = CAUSE_QUESTION
    for section in layout(ed.forms[CAUSE_FORM], ed):
        if section.id != section_id:
            continue
        for block in section.blocks:
            spec = getattr(block, "spec", None)
            if spec is None or spec.id != field_id:
                continue
            boxes = [i for i in block.inputs if i.kind == "checkbox"]
            return [Cause(option.id, plain_text(box.label), box.name)
                    for option, box in zip(spec.options, boxes, strict=True)
                    if option.id in CAUSES]
    raise ValueError(f"forms/{CAUSE_FORM}.yaml has no question {'.'.join(CAUSE_QUESTION)} "
                     "(the measures' causes are its options)")


def by_cause(ed: Edition) -> list[tuple[Cause | None, dict[int, list[Measure]]]]:
    """For each cause, and last for none (measures that serve whatever the cause): its
    measures by tier, in the bank's order."""
    rows: list[tuple[Cause | None, dict[int, list[Measure]]]] = []
    for cause in [*causes(ed), None]:
        tiers: dict[int, list[Measure]] = {tier: [] for tier in TIERS}
        for m in ed.measures():
            if (cause.id in m.causes) if cause else not m.causes:
                tiers[m.tier].append(m)
        rows.append((cause, tiers))
    return rows


def suggestions(ed: Edition, url: Any, add_anchor: str) -> dict[str, Any]:
    """What the cause-mapping form page's suggestions need: the measures with a cause (text,
    category, tier, causes), the checkboxes' names, the builder's address and the words."""
    boxes = causes(ed)
    titles = {c.id: f"{c.id}. {plain_text(c.title)}" for c in ed.bank.categories}
    return {
        "causes": {c.name: c.id for c in boxes},
        "labels": {c.id: c.label for c in boxes},
        "categories": titles,
        "measures": [{"id": m.id, "category": m.category, "tier": m.tier, "causes": m.causes,
                      "text": as_text(m.text)}
                     for m in ed.measures() if m.causes],
        "builder": url("tiltak/index.md", add_anchor),
        "channel": CHANNEL,
        "words": {key.removeprefix("suggest."): plain_text(ed.t(key)) for key in ed.ui
                  if key.startswith("suggest.")
                  and key.removeprefix("suggest.").startswith(SUGGEST_SAYS)}
                 | {"add": plain_text(ed.t("plan.add")),
                    "measure": plain_text(ed.t("measure.label"))},
    }


def as_text(text: Any) -> str:
    """A measure's text as it reads on the page (its markdown rendered, then the words)."""
    html_ = to_html(markup_source(text))
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", html_)).split())
