"""Guide pages (``data/guide/*.yaml``), the process map (``data/process.yaml``) and the
readers' words (``data/ui.yaml``)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, RootModel

from ...text import Text
from .bank import SLUG
from .base import Strict

Step = Literal["prevent", "notice", "map", "cooperate", "act", "escalate", "reference"]
STEPS: tuple[Step, ...] = (
    "prevent", "notice", "map", "cooperate", "act", "escalate", "reference",
)
Audience = Literal["staff", "leaders", "parents", "pupils"]
ANCHOR = r"^[a-z0-9æøå][a-z0-9æøå-]*$"

Include = Literal["partner_services", "process_map", "law_refs", "absence_check"]
Tool = Literal["absence_check", "plan_builder"]  # browser tools a process step can link to


class FactUpdate(Strict):
    """A fact brought up to date from what the seed said, with its source and date."""

    fact: Text  # what the text says now, and what the seed said
    source: str  # who or what says so now, e.g. «116111.no (Alarmtelefonen for barn og unge)»
    url: str | None = Field(default=None, pattern=r"^https://")
    date: dt.date  # when the text was brought up to date


class Section(Strict):
    id: str = Field(pattern=ANCHOR)
    title: Text
    body: Text | None = None
    include: Include | None = None
    updates: list[FactUpdate] = []
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

    # the file name without .yaml (set on the edition's copy)
    id: str = ""

    def all_sections(self) -> list[Section]:
        return [s for top in self.sections for s in top.walk()]


class UiStrings(RootModel[dict[str, Text]]):
    model_config = {"frozen": True}


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
