"""The one strict base model of every data and settings file: unknown keys are refused, and
a model never changes once validated (resolving an edition makes copies)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def doc(nb: str, nn: str, **kwargs: Any) -> Any:
    """A field with its explanation for editors in both målformer."""
    return Field(description=nb, json_schema_extra={"description_nn": nn}, **kwargs)
