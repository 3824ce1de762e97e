"""The editors' JSON Schema (``data/settings.schema.json``), made from the settings model:
editors with YAML schema support get the explanations and the checks while they type.
``naervaer jsonschema`` writes it; a test checks the file is current."""

from __future__ import annotations

import copy
from typing import Any

from .base import Strict
from .settings import LocalMeasure, LocalText, PartnerService, Settings


def editor_schema() -> dict[str, Any]:
    """JSON Schema for an edition's settings file (every key optional: defaults fill in)."""
    schema = copy.deepcopy(Settings.model_json_schema())

    def relax(node: Any) -> None:
        if isinstance(node, dict):
            node.pop("required", None)
            for value in node.values():
                relax(value)
        elif isinstance(node, list):
            for value in node:
                relax(value)

    relax(schema)
    # list items must stay complete: a local measure needs its text, category and actors
    items: dict[str, type[Strict]] = {"LocalMeasure": LocalMeasure, "LocalText": LocalText,
                                      "PartnerService": PartnerService}
    for name, model in items.items():
        schema["$defs"][name]["required"] = [
            key for key, f in model.model_fields.items() if f.is_required()
        ]
    # issue 9: editors read the schema, so the text type is explained in Norwegian too
    schema["$defs"]["Text"]["description"] = "Tekst på bokmål (nb) og nynorsk (nn)."
    schema["$defs"]["Text"]["description_nn"] = "Tekst på bokmål (nb) og nynorsk (nn)."
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Nærvær – innstillinger for en lokal utgave"
    return schema
