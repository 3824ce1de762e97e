"""Fields written on a line or in a box: text, date, birth number, text area."""

from __future__ import annotations

from typing import Any

from .base import Block, Component, Context, Input, Rule

DATE = Rule(
    check="date",
    # dd.mm.åååå; one-digit day and month are accepted (and written out in full), and so are
    # the separators a phone's number pad has instead of «.» (a comma in a Norwegian locale,
    # «-», «/», a space) and eight digits typed without any (ddmmåååå)
    pattern=r"^(?:(\d{1,2})[.,/ -](\d{1,2})[.,/ -](\d{4})|(\d{2})(\d{2})(\d{4}))$",
    example="17.05.2026",
    hint="fill.date_hint",
    message="fill.date_error",
    inputmode="decimal",  # a phone's number pad with «.» (the numeric pad has none)
)
BIRTH_NUMBER = Rule(
    check="birthnumber",
    pattern=r"^[0-9]{11}$",
    example="01010112345",
    hint="fill.birthnumber_hint",
    message="fill.birthnumber_error",
    maxlength=11,
    inputmode="numeric",
)


class TextComponent(Component):
    """One line of text. Fill rule: the text as typed."""

    type = "text"
    template = "text.html"  # date and birth number draw the same, with their rules

    def layout(self, f: Any, base: str, c: Context) -> Block:
        b = self.block(f)
        b.inputs.append(Input(base, "text", b.label or "", rule=self.rule,
                              maxlength=self.rule.maxlength if self.rule else None))
        return b


class DateComponent(TextComponent):
    """A date as dd.mm.åååå (a text field in the PDF). Fill rule: the date as written."""

    type = "date"
    rule = DATE


class BirthNumberComponent(TextComponent):
    """Fødselsnummer: 11 digits (a text field of at most 11 characters in the PDF)."""

    type = "birthnumber"
    rule = BIRTH_NUMBER


class TextAreaComponent(Component):
    """Several lines of text. Fill rule: the text as typed, line breaks kept."""

    type = "textarea"

    def layout(self, f: Any, base: str, c: Context) -> Block:
        b = self.block(f)
        b.inputs.append(Input(base, "multiline", b.label or "", lines=f.lines))
        return b
