"""Signatures, cut-out cards, the relation circle and information text."""

from __future__ import annotations

from typing import Any

from .base import Block, Component, Context, Input, label, source

# light tints so black text stays readable on every zone
ZONE_COLOURS = {"green": "#cdebd0", "grønn": "#cdebd0", "yellow": "#fff1a8", "gul": "#fff1a8",
                "red": "#f6c4c4", "rød": "#f6c4c4", "grey": "#e4e6e8", "gray": "#e4e6e8",
                "grå": "#e4e6e8", "blue": "#cfe0f3", "blå": "#cfe0f3"}


class SignatureComponent(Component):
    """Place and date, then per signer a line to sign by hand and the name in print.
    Fill rule: place, date and names as typed (signing is done on paper)."""

    type = "signature"

    def layout(self, f: Any, base: str, c: Context) -> Block:
        from .lines import DATE

        b = self.block(f)
        if f.place_date:
            b.extra["place"] = Input(f"{base}:sted", "text", c.word("form.place"))
            b.extra["date"] = Input(f"{base}:dato", "text", c.word("form.date"), rule=DATE)
            b.inputs += [b.extra["place"], b.extra["date"]]
        for signer in f.signers:
            inp = Input(f"{base}:{signer.id}:navn", "text",
                        f"{label(signer.label)}: {c.word('form.name_in_print')}")
            b.rows.append({"label": label(signer.label), "name": inp})
            b.inputs.append(inp)
        return b


class CardsComponent(Component):
    """Cards to cut out, and blank cards to write on. Fill rule: each blank card as typed."""

    type = "cards"

    def layout(self, f: Any, base: str, c: Context) -> Block:
        b = self.block(f)
        b.extra["cards"] = [label(card.label) for card in f.cards]
        blanks = [Input(f"{base}:blank{i}", "text", f"{c.word('form.blank_card')} {i}")
                  for i in range(1, f.blank + 1)]
        b.extra["blanks"] = blanks
        b.inputs += blanks
        return b


class CircleComponent(Component):
    """Rings of people around the pupil, a text box per ring. Fill rule: each as typed."""

    type = "circle"

    def layout(self, f: Any, base: str, c: Context) -> Block:
        b = self.block(f)
        for zone in f.zones:
            inp = Input(f"{base}:{zone.id}", "multiline", label(zone.label), lines=4)
            colour = ZONE_COLOURS.get((zone.colour or "").lower(), zone.colour)
            b.rows.append({"label": label(zone.label), "colour": colour,
                           "help": source(zone.help), "input": inp})
            b.inputs.append(inp)
        return b


class InfoComponent(Component):
    """Text to read (and the confidentiality laws, where asked). Nothing to fill in."""

    type = "info"

    def layout(self, f: Any, base: str, c: Context) -> Block:
        b = self.block(f)
        if f.include == "confidentiality_laws":
            b.extra["laws"] = c.laws
        return b
