"""The one strict base model of every data and settings file: unknown keys are refused, and
a model never changes once validated (resolving an edition makes copies)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
