"""Typed model of the guide's content: the measure bank, guide pages, legal references, UI."""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, RootModel

from .text import Text

Actor = Literal["skole", "hjem", "elev", "ppt", "helse", "barnevern", "kommune"]
ACTORS: tuple[Actor, ...] = ("skole", "hjem", "elev", "ppt", "helse", "barnevern", "kommune")
Step = Literal["prevent", "notice", "map", "cooperate", "act", "escalate", "reference"]
STEPS: tuple[Step, ...] = (
    "prevent", "notice", "map", "cooperate", "act", "escalate", "reference",
)
Audience = Literal["staff", "leaders", "parents", "pupils"]
# The options of the cause question `folelser` in forms/arsakskartlegging.yaml («Noe annet»
# aside): what a measure can address (data/README.md, «Tiers and causes»).
Cause = Literal[
    "skolen", "fysisk-syk", "engstelig", "redd", "trist", "faglig", "stress", "venner", "hjemme",
    "sovn",
]
CAUSES: tuple[Cause, ...] = get_args(Cause)
Tier = Literal[1, 2, 3]  # Kearney & Graczyk: 1 all pupils, 2 emerging absence, 3 severe/chronic
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
    tier: Tier
    causes: list[Cause]  # may be empty: the measure serves whatever the cause
    judgement: list[Literal["tier", "causes"]] = []  # tags that are a judgement, not the text
    why: Text  # one sentence: why these tags (for the PP service to review)
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

    # set by the loader: the file name without .yaml
    id: str = ""

    def all_sections(self) -> list[Section]:
        return [s for top in self.sections for s in top.walk()]


LOVDATA_SECTION = (
    r"^https://lovdata\.no/(lov|forskrift)/[0-9]{4}-[0-9]{2}-[0-9]{2}(-[0-9]+)?/§[0-9]+[a-z]?"
    r"(-[0-9]+[a-z]?)?$"
)


class Act(Strict):
    id: str = Field(pattern=r"^(LOV|FOR)-[0-9]{4}-[0-9]{2}-[0-9]{2}(-[0-9]+)?$")
    name: Text  # the short name as cited, in both målformer (opplæringsloven / opplæringslova)


class LawRef(Strict):
    """One legal reference: always a section, linked to that section on Lovdata, with when
    and against what it was checked."""

    id: str = Field(pattern=SLUG)
    act: str  # key in LawData.acts
    section: str = Field(pattern=r"^§")
    title: Text
    url: str = Field(pattern=LOVDATA_SECTION)
    old: Text | None = None  # what the seed cited (the act it replaced, or the same act)
    checked: dt.date
    against: str  # key in LawData.checks
    group: str | None = None
    note: Text | None = None

    # set by the loader: the act and the check this reference points to
    _act: Act | None = PrivateAttr(default=None)
    _check: Text | None = PrivateAttr(default=None)

    @property
    def act_name(self) -> Text:
        assert self._act is not None, "LawRef not linked to its act (LawData.link)"
        return self._act.name

    @property
    def check(self) -> Text:
        assert self._check is not None, "LawRef not linked to its check (LawData.link)"
        return self._check


class LawData(Strict):
    checks: dict[str, Text] = Field(min_length=1)
    acts: dict[str, Act] = Field(min_length=1)
    refs: list[LawRef] = Field(min_length=1)

    def link(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Point every reference at its act and check; (key path, problem) where one is missing."""
        problems = []
        seen: set[str] = set()
        for i, ref in enumerate(self.refs):
            if ref.id in seen:
                problems.append((("refs", i, "id"), f"ID «{ref.id}» er brukt før"))
            seen.add(ref.id)
            if ref.act not in self.acts:
                problems.append((("refs", i, "act"),
                                 f"ukjent lov «{ref.act}»; forventet en av {sorted(self.acts)}"))
            else:
                ref._act = self.acts[ref.act]
            if ref.against not in self.checks:
                problems.append((("refs", i, "against"),
                                 f"ukjent kontroll «{ref.against}»; forventet en av "
                                 f"{sorted(self.checks)}"))
            else:
                ref._check = self.checks[ref.against]
        return problems


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
