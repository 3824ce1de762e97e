"""Parent material in other languages: the language registry (``data/languages.yaml``), the
documents to translate (``data/parents.yaml``) and one translation file per language
(``data/translations/<code>.yaml``)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, RootModel, model_validator
from pydantic_core import PydanticCustomError

from ...text import Text
from .base import Strict

CODE = r"^[a-z]{2}$"
ITEM_ID = r"^[a-z0-9-]+(\.[a-z0-9-]+)+$"


class Language(Strict):
    code: str = Field(pattern=CODE)
    name: str = Field(min_length=2)
    norwegian: Text
    dir: Literal["ltr", "rtl"] = "ltr"
    font: str = Field(min_length=2)


class LanguageRegistry(RootModel[list[Language]]):
    """The list in data/languages.yaml."""

    model_config = {"frozen": True}


class DocumentRef(Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    form: str | None = None
    companion: bool = False
    file: str = Field(pattern=r"^[a-z0-9-]+$")


class PageSection(Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: Text | None = None
    body: Text


class ParentPage(Strict):
    title: Text
    sections: list[PageSection] = Field(min_length=1)


class ParentsData(Strict):
    documents: list[DocumentRef] = Field(min_length=1)
    page: ParentPage


class Item(Strict):
    """One translated item: its text, its review status and the source it was made from."""

    text: str = Field(min_length=1)
    source: str = Field(pattern=r"^[0-9a-f]{10}$")
    reviewed: bool = False
    reviewer: str | None = None
    date: dt.date | None = None

    @model_validator(mode="after")
    def reviewed_by_whom(self) -> Item:
        if self.reviewed and not (self.reviewer and self.date):
            raise PydanticCustomError("reviewed_by_whom", "reviewed needs reviewer and date", {})
        return self


class TranslationFile(Strict):
    language: str = Field(pattern=CODE)
    ui: dict[str, str] = {}
    items: dict[str, Item] = {}


# UI words every translation file must have (what the page and PDF frame say)
UI_KEYS = (
    "page_title", "page_intro", "notice", "download_pdf", "pdf_page", "pdf_of",
    "companion_note", "in_norwegian", "other", "place", "date", "signature",
    "name_in_print", "norwegian_version", "not_translated", "other_languages",
    # the rule for days in the language: «… days of absence within … weeks», or a share
    # of school time (the one the edition uses becomes {{ s.concern.rule }})
    "concern_days", "concern_share",
)
