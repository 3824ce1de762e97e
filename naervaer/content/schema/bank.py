"""The measure bank (``data/measures.yaml``): 12 categories of measures."""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import Field

from ...text import Text
from .base import Strict

Actor = Literal["skole", "hjem", "elev", "ppt", "helse", "barnevern", "kommune"]
ACTORS: tuple[Actor, ...] = ("skole", "hjem", "elev", "ppt", "helse", "barnevern", "kommune")
SLUG = r"^[a-z0-9][a-z0-9-]*$"
# The options of the cause question `folelser` in forms/arsakskartlegging.yaml («Noe annet»
# aside): what a measure can address (data/README.md, «Tiers and causes»).
Cause = Literal[
    "skolen", "fysisk-syk", "engstelig", "redd", "trist", "faglig", "stress", "venner", "hjemme",
    "sovn",
]
CAUSES: tuple[Cause, ...] = get_args(Cause)
Tier = Literal[1, 2, 3]  # Kearney & Graczyk: 1 all pupils, 2 emerging absence, 3 severe/chronic
TIERS: tuple[Tier, ...] = get_args(Tier)


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
