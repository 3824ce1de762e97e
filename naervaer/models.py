"""Typed model of the guide's content: the measure bank, guide pages, legal references, UI."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

from .text import Text

Actor = Literal["skole", "hjem", "elev", "ppt", "helse", "barnevern", "kommune"]
ACTORS: tuple[Actor, ...] = ("skole", "hjem", "elev", "ppt", "helse", "barnevern", "kommune")
Step = Literal["prevent", "notice", "map", "cooperate", "act", "escalate", "reference"]
STEPS: tuple[Step, ...] = (
    "prevent", "notice", "map", "cooperate", "act", "escalate", "reference",
)
Audience = Literal["staff", "leaders", "parents", "pupils"]
SLUG = r"^[a-z0-9][a-z0-9-]*$"
ANCHOR = r"^[a-z0-9æøå][a-z0-9æøå-]*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Link(Strict):
    url: str = Field(pattern=r"^https?://")
    label: Text
    status: Literal["unverified", "dead", "checked"] = "unverified"
    checked: dt.date | None = None


class Measure(Strict):
    id: str = Field(pattern=r"^([1-9]|1[0-2])\.(L?[1-9][0-9]*)$")
    text: Text
    actors: list[Actor] = Field(min_length=1)
    decision: bool = False
    parent: str | None = None
    links: list[Link] = []
    local: bool = False

    @property
    def category(self) -> int:
        return int(self.id.split(".")[0])


class Category(Strict):
    id: int = Field(ge=1, le=12)
    slug: str = Field(pattern=SLUG)
    title: Text
    intro: Text | None = None
    tools: list[str] = []
    measures: list[Measure] = Field(min_length=1)


class MeasureBank(Strict):
    credit: Text
    categories: list[Category]

    def all_measures(self) -> list[Measure]:
        return [m for c in self.categories for m in c.measures]

    def category(self, number: int) -> Category:
        return next(c for c in self.categories if c.id == number)

    def measure(self, measure_id: str) -> Measure | None:
        return next((m for m in self.all_measures() if m.id == measure_id), None)


Include = Literal["partner_services", "process_map", "law_refs", "local_text", "absence_check"]
Tool = Literal["absence_check", "plan_builder"]  # browser tools a process step can link to


class Section(Strict):
    id: str = Field(pattern=ANCHOR)
    title: Text
    body: Text | None = None
    include: Include | None = None
    sections: list[Section] = []

    def walk(self) -> list[Section]:
        out = [self]
        for sub in self.sections:
            out.extend(sub.walk())
        return out


class GuidePage(Strict):
    title: Text
    step: Step
    audience: list[Audience] = Field(min_length=1)
    order: int = 100
    when: Text
    measures: list[str] = []
    forms: list[str] = []
    source: Text | None = None
    sections: list[Section] = Field(min_length=1)

    # set by the loader: the file name without .yaml
    id: str = ""

    def all_sections(self) -> list[Section]:
        return [s for top in self.sections for s in top.walk()]


class LawRef(Strict):
    id: str = Field(pattern=SLUG)
    act: str | Text
    act_id: str | None = None
    section: str
    title: Text
    url: str = Field(pattern=r"^https://lovdata\.no/")
    old: str | None = None
    verified: bool = True
    group: str | None = None
    note: Text | None = None


class LawRefs(RootModel[list[LawRef]]):
    pass


class UiStrings(RootModel[dict[str, Text]]):
    pass


class ProcessStep(Strict):
    id: str = Field(pattern=SLUG)
    title: Text
    text: Text
    page: str
    forms: list[str] = []
    measures: bool = False
    tools: list[Tool] = []


class ProcessMap(Strict):
    steps: list[ProcessStep] = Field(min_length=1)
    branches: list[ProcessStep] = []
