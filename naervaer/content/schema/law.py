"""Legal references (``data/law.yaml``): always a section, linked on Lovdata."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, PrivateAttr

from ...text import Text
from .bank import SLUG
from .base import Strict

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

    # set on the edition's resolved copy: the act and the check this reference points to
    _act: Act | None = PrivateAttr(default=None)
    _check: Text | None = PrivateAttr(default=None)

    def linked(self, act: Act, check: Text) -> LawRef:
        """A copy that knows its act and its check (the edition's resolved view)."""
        copy = self.model_copy()
        copy._act, copy._check = act, check
        return copy

    @property
    def act_name(self) -> Text:
        assert self._act is not None, "LawRef not linked to its act (see LawRef.linked)"
        return self._act.name

    @property
    def check(self) -> Text:
        assert self._check is not None, "LawRef not linked to its check (see LawRef.linked)"
        return self._check


class LawData(Strict):
    checks: dict[str, Text] = Field(min_length=1)
    acts: dict[str, Act] = Field(min_length=1)
    refs: list[LawRef] = Field(min_length=1)
