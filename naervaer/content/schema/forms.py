"""A form definition (``forms/<id>.yaml``): sections of typed fields.

Besides its keys, each field type says how it reads in a document for parents
(:meth:`Base.reading`: a line to fill in, a list of options, signatures …), which the parent
material in other languages translates part by part. Its layout, HTML and fill rules are the
field's component in :mod:`naervaer.forms`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, NamedTuple

from pydantic import Field

from ...text import Text
from .base import Strict
from .guide import Step

ID = r"^[a-z0-9][a-z0-9_-]*$"


class Option(Strict):
    id: str = Field(pattern=ID)
    label: Text


class Column(Strict):
    id: str = Field(pattern=ID)
    label: Text
    width: int | None = Field(default=None, ge=5, le=100, description="percent")
    lines: int = Field(default=1, ge=1, le=10, description="lines per cell; >1 = multiline")


Role = Literal["title", "lead", "heading", "body", "line", "label", "option", "signer",
               "signature", "services", "laws", "source"]


class Reading(NamedTuple):
    """One part of a field as a document for parents reads it, in order. ``key`` is the
    translation item's id below the field (None: a part with no text of its own)."""

    role: Role
    key: str | None
    text: Text | None = None
    width: str = "full"


class UnsupportedField(ValueError):
    """A field type that has no reading in a document for parents."""


class Base(Strict):
    id: str = Field(pattern=ID)
    label: Text | None = None
    help: Text | None = None

    def reading(self) -> list[Reading]:
        raise UnsupportedField(f"{self.id}: {getattr(self, 'type', '?')}")

    def _label(self) -> list[Reading]:
        return [] if self.label is None else [Reading("label", "label", self.label)]


class _Line(Base):
    """A line to write on (text, date, birth number, a text area)."""

    def reading(self) -> list[Reading]:
        return [Reading("line", "label", self.label, getattr(self, "width", "full"))]


class TextField(_Line):
    type: Literal["text"]
    width: Literal["full", "half", "third"] = "full"


class TextArea(_Line):
    type: Literal["textarea"]
    lines: int = Field(default=4, ge=1, le=40)


class DateField(_Line):
    type: Literal["date"]
    width: Literal["full", "half", "third"] = "third"


class BirthNumber(_Line):
    type: Literal["birthnumber"]


class Checkbox(Base):
    type: Literal["checkbox"]


class Checkboxes(Base):
    type: Literal["checkboxes"]
    options: list[Option] = []
    options_from: Literal["consent_services"] | None = None
    other: bool = False

    def reading(self) -> list[Reading]:
        parts = self._label()
        if self.options_from == "consent_services":
            parts.append(Reading("services", None))
        parts += [Reading("option", o.id, o.label) for o in self.options]
        return parts + ([Reading("option", None)] if self.other else [])


class Choice(Base):
    type: Literal["choice"]
    options: list[Option] = Field(min_length=2)

    def reading(self) -> list[Reading]:
        return self._label() + [Reading("option", o.id, o.label) for o in self.options]


class YesNo(Base):
    type: Literal["yesno"]
    rows: list[Option] = Field(min_length=1)
    comment: bool = True


class Questions(Base):
    type: Literal["questions"]
    rows: list[Option] = Field(min_length=1)
    lines: int = Field(default=3, ge=1, le=20)


class Table(Base):
    type: Literal["table"]
    columns: list[Column] = Field(min_length=1)
    rows: int | None = Field(default=None, ge=1, le=40)
    row_labels: list[Option] = []


class Signature(Base):
    type: Literal["signature"]
    signers: list[Option] = Field(min_length=1)
    place_date: bool = True

    def reading(self) -> list[Reading]:
        parts = self._label() + ([Reading("signature", None)] if self.place_date else [])
        return parts + [Reading("signer", s.id, s.label) for s in self.signers]


class Scale(Base):
    type: Literal["scale"]
    items: list[Option] = Field(min_length=1)
    blank: int = Field(default=0, ge=0, le=20)
    min: int = 1
    max: int = 10


class Cards(Base):
    type: Literal["cards"]
    cards: list[Option] = []
    blank: int = Field(default=0, ge=0, le=40)


class Zone(Strict):
    id: str = Field(pattern=ID)
    label: Text
    colour: str | None = None
    help: Text | None = None


class Circle(Base):
    type: Literal["circle"]
    zones: list[Zone] = Field(min_length=1)


class Info(Base):
    type: Literal["info"]
    body: Text | None = None
    include: Literal["confidentiality_laws"] | None = None

    def reading(self) -> list[Reading]:
        parts = [] if self.body is None else [Reading("body", "body", self.body)]
        return parts + ([Reading("laws", None)] if self.include == "confidentiality_laws" else [])


FieldDef = Annotated[
    TextField | TextArea | DateField | BirthNumber | Checkbox | Checkboxes | Choice | YesNo
    | Questions | Table | Signature | Scale | Cards | Circle | Info,
    Field(discriminator="type"),
]


class FormSection(Strict):
    id: str = Field(pattern=ID)
    title: Text | None = None
    intro: Text | None = None
    fields: list[FieldDef] = []


ROW = "{row}"


class CarryForward(Strict):
    """Start this form from the PDF of an earlier one (issue 20): «Start fra …» on the form's
    page reads that PDF in the browser and fills these fields. ``fields`` maps a field name of
    this form to field names of the source form, whose values are joined with ", " (empty ones
    left out); ``{row}`` in both stands for the row number 1 … ``rows``."""

    source: str = Field(pattern=ID, description="the form whose PDF is read")
    label: Text = Field(description="the button")
    help: Text | None = None
    rows: int = Field(default=1, ge=1, le=40)
    fields: dict[str, list[str]] = Field(min_length=1)


class FormDef(Strict):
    title: Text
    purpose: Text
    when: Text
    step: Step
    guide: str | None = None
    audience: list[Literal["staff", "leaders", "parents", "pupils"]] = Field(min_length=1)
    kind: Literal["form", "letter", "worksheet", "cards"] = "form"
    page: Literal["a4-portrait", "a4-landscape", "a3-landscape"] = "a4-portrait"
    source: Text | None = None
    carry_forward: CarryForward | None = None
    sections: list[FormSection] = Field(min_length=1)

    # set by the loader: the file name without .yaml, and the file itself
    id: str = ""
    source_file: Path | None = Field(default=None, exclude=True)
