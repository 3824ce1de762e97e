"""The settings as every renderer sees them (``edition.s``): one målform, and each text value
wrapped so that it stays text, never markup, wherever it is substituted."""

from __future__ import annotations

from typing import Any, Literal, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..markup import SettingMarkdown, SettingText, SettingToken
from ..text import Lang, Text
from .schema.settings import MARKDOWN


def settings_values(model: BaseModel, lang: Lang) -> dict[str, Any]:
    """:class:`SettingText` for free text, :class:`SettingMarkdown` for fields marked
    ``MARKDOWN``, :class:`SettingToken` for values whose form a pattern has checked."""

    def wrap(value: Any, info: FieldInfo) -> Any:
        if isinstance(value, Text):
            value = value.raw(lang)
        elif isinstance(value, BaseModel):
            return settings_values(value, lang)
        elif isinstance(value, list):
            return [wrap(item, info) for item in value]
        if not isinstance(value, str):
            return value
        if MARKDOWN in info.metadata:
            return SettingMarkdown(value)
        checked = get_origin(info.annotation) is Literal or any(
            getattr(m, "pattern", None) for m in info.metadata)
        if checked:  # a pattern or a fixed set of values: no markup can hide in it
            return SettingToken(value)
        return SettingText(value)

    return {name: wrap(getattr(model, name), info)
            for name, info in type(model).model_fields.items()}
