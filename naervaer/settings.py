"""The local-edition settings: the contract a municipality's web editor fills in.

Precedence, lowest first (the one overlay point, :func:`overlay`):

1. ``data/settings-defaults.yml`` — the seed's values, in bokmål and nynorsk;
2. the edition's settings file (``editions/*.yml`` or any file named with
   ``NAERVAER_SETTINGS`` / ``--settings``) — only what the municipality changes.

Mappings merge key by key; lists and plain values from the edition replace the default.
A settings file that is named but missing is an error, never silently skipped.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .models import Actor
from .text import Text

LText = str | Text
TIME = r"^([01][0-9]|2[0-3])[:.][0-5][0-9]$"
RANGE = r"^[0-9]+(–[0-9]+)?$"


class S(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PpService(S):
    short: str = Field(description="Kortnavn i løpende tekst, f.eks. «PPT» eller «PPS».")
    name: str = Field(description="Fullt navn på PP-tjenesten.")


class Concern(S):
    days: int = Field(ge=1, le=60, description="Antall dager fravær …")
    weeks: str = Field(pattern=RANGE, description="… i løpet av så mange uker (f.eks. «3–4»).")
    leaves_early: str = Field(pattern=RANGE, description="Kommer, men forlater skolen N ganger.")
    skipped_lessons: str = Field(pattern=RANGE, description="Uteblir fra enkelttimer N ganger.")


class Deadlines(S):
    report_by: str = Field(pattern=TIME, description="Foresatte melder fravær innen kl.")
    call_home_by: str = Field(pattern=TIME, description="Skolen ringer hjem før kl.")
    contact_after_days: int = Field(ge=1, le=30)
    doctors_note_after_days: int = Field(ge=1, le=60)
    send_to_pp_within_weeks: str = Field(pattern=RANGE)
    measure_period_weeks: str = Field(pattern=RANGE)
    deregister_after_months: int = Field(ge=1, le=24)


class Contact(S):
    name: LText
    phone: str = Field(pattern=r"^[0-9 +]{3,20}$")
    hours: LText


class ChildWelfare(Contact):
    out_of_hours: Contact


class PartnerService(S):
    name: str
    mandate: LText
    contact: LText | None = None


class LocalMeasure(S):
    category: int = Field(ge=1, le=12)
    text: LText
    actors: list[Actor] = Field(min_length=1)
    decision: bool = False


class LocalText(S):
    section: str = Field(description="id-en til avsnittet i veilederen teksten legges til.")
    text: LText


class Settings(S):
    municipality: str = Field(min_length=2)
    language: Literal["nb", "nn"]
    logo: str | None = None
    colour: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")
    site_url: str | None = Field(default=None, pattern=r"^https?://")
    pp_service: PpService
    absence_system: str
    reporting_channel: str
    concern: Concern
    deadlines: Deadlines
    child_welfare: ChildWelfare
    consent_services: list[LText] = Field(min_length=1)
    partner_services: list[PartnerService] = []
    local_measures: list[LocalMeasure] = []
    hidden_measures: list[str] = []
    local_text: list[LocalText] = []
    privacy_statement_url: str | None = None
    accessibility_statement_url: str | None = None


def overlay(defaults: Any, edition: Any) -> Any:
    """Deep-merge ``edition`` over ``defaults``: mappings key by key, everything else replaced."""
    if isinstance(defaults, dict) and isinstance(edition, dict):
        merged = dict(defaults)
        for key, value in edition.items():
            merged[key] = overlay(defaults[key], value) if key in defaults else value
        return merged
    return edition
