"""Typed model of a form definition (``forms/<id>.yaml``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .models import Step
from .text import Text

ID = r"^[a-z0-9][a-z0-9_-]*$"


class F(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Option(F):
    id: str = Field(pattern=ID)
    label: Text


class Column(F):
    id: str = Field(pattern=ID)
    label: Text
    width: int | None = Field(default=None, ge=5, le=100, description="percent")
    lines: int = Field(default=1, ge=1, le=10, description="lines per cell; >1 = multiline")


class Base(F):
    id: str = Field(pattern=ID)
    label: Text | None = None
    help: Text | None = None


class TextField(Base):
    type: Literal["text"]
    width: Literal["full", "half", "third"] = "full"


class TextArea(Base):
    type: Literal["textarea"]
    lines: int = Field(default=4, ge=1, le=40)


class DateField(Base):
    type: Literal["date"]
    width: Literal["full", "half", "third"] = "third"


class BirthNumber(Base):
    type: Literal["birthnumber"]


class Checkbox(Base):
    type: Literal["checkbox"]


class Checkboxes(Base):
    type: Literal["checkboxes"]
    options: list[Option] = []
    options_from: Literal["consent_services"] | None = None
    other: bool = False


class Choice(Base):
    type: Literal["choice"]
    options: list[Option] = Field(min_length=2)


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


class Zone(F):
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


FieldDef = Annotated[
    TextField | TextArea | DateField | BirthNumber | Checkbox | Checkboxes | Choice | YesNo
    | Questions | Table | Signature | Scale | Cards | Circle | Info,
    Field(discriminator="type"),
]


class FormSection(F):
    id: str = Field(pattern=ID)
    title: Text | None = None
    intro: Text | None = None
    fields: list[FieldDef] = []


class FormDef(F):
    title: Text
    purpose: Text
    when: Text
    step: Step
    guide: str | None = None
    audience: list[Literal["staff", "leaders", "parents", "pupils"]] = Field(min_length=1)
    kind: Literal["form", "letter", "worksheet", "cards"] = "form"
    page: Literal["a4-portrait", "a4-landscape", "a3-landscape"] = "a4-portrait"
    source: Text | None = None
    sections: list[FormSection] = Field(min_length=1)

    # set by the loader: the file name without .yaml, and the file itself
    id: str = ""
    source_file: Path | None = Field(default=None, exclude=True)
