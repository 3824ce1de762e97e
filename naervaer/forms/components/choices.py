"""Fields where the reader picks: one checkbox, a list of checkboxes, one of several."""

from __future__ import annotations

from typing import Any

from .base import Block, Component, Context, Input, label


def slug(text: str) -> str:
    """A stable ASCII id from a Norwegian name (PDF field names of listed services)."""
    import re
    import unicodedata

    ascii_text = (
        unicodedata.normalize("NFKD", text.replace("æ", "ae").replace("ø", "o").replace("å", "a")
                              .replace("Æ", "Ae").replace("Ø", "O").replace("Å", "A"))
        .encode("ascii", "ignore")
        .decode()
    )
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40] or "x"


class CheckboxComponent(Component):
    """A single box to tick. Fill rule: ticked or not."""

    type = "checkbox"

    def layout(self, f: Any, base: str, c: Context) -> Block:
        b = self.block(f)
        b.inputs.append(Input(base, "checkbox", b.label or ""))
        return b


class CheckboxesComponent(Component):
    """Any number of options (or the edition's consent services), and «other» as text.
    Fill rule: each option ticked or not; «other» as typed."""

    type = "checkboxes"

    def layout(self, f: Any, base: str, c: Context) -> Block:
        b = self.block(f)
        if f.options_from == "consent_services":
            options = [(slug(s), label(s)) for s in c.consent_services]
        else:
            options = [(o.id, label(o.label)) for o in f.options]
        for oid, olabel in options:
            b.inputs.append(Input(f"{base}:{oid}", "checkbox", olabel))
        if f.other:
            b.extra["other"] = Input(f"{base}:andre", "text", c.word("form.other"))
            b.inputs.append(b.extra["other"])
        return b


class ChoiceComponent(Component):
    """One of several options (a radio group). Fill rule: the chosen option's id."""

    type = "choice"

    def layout(self, f: Any, base: str, c: Context) -> Block:
        b = self.block(f)
        for o in f.options:
            b.inputs.append(Input(base, "radio", label(o.label), value=o.id, group=b.label))
        return b
