"""The settings as every renderer sees them (``edition.s``): one målform, and each text value
wrapped so that it stays text, never markup, wherever it is substituted."""

from __future__ import annotations

from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..markup import SettingMarkdown, SettingPhone, SettingText, SettingToken, UnsetFact
from ..messages import msg
from ..text import Lang, Text
from .schema.kinds import LOCAL_FACT, MARKDOWN, PHONE, URL, Marker, href, tel


def markers(info: FieldInfo) -> set[Marker]:
    """The markers of a settings field, wherever its ``Annotated`` metadata holds them."""
    found = {m for m in info.metadata if isinstance(m, Marker)}

    def inner(annotation: Any) -> None:
        for arg in get_args(annotation):
            if isinstance(arg, Marker):
                found.add(arg)
            inner(arg)

    inner(info.annotation)
    return found


def settings_values(model: BaseModel, lang: Lang, path: tuple[str, ...] = ()) -> dict[str, Any]:
    """:class:`SettingText` for free text, :class:`SettingMarkdown` for fields marked
    ``MARKDOWN``, :class:`SettingToken` for values whose form a pattern has checked (a web
    address in the form a link needs), :class:`SettingPhone` for phone numbers (linked),
    :class:`UnsetFact` for a local fact not set yet (a draft)."""

    def wrap(value: Any, info: FieldInfo, key: tuple[str, ...]) -> Any:
        marks = markers(info)
        if value is None and LOCAL_FACT in marks:
            return UnsetFact(msg("unset_fact", lang, key=".".join(key)))
        if isinstance(value, Text):
            value = value.raw(lang)
        elif isinstance(value, BaseModel):
            return settings_values(value, lang, key)
        elif isinstance(value, list):
            return [wrap(item, info, key) for item in value]
        if not isinstance(value, str):
            return value
        if MARKDOWN in marks:
            return SettingMarkdown(value)
        if PHONE in marks:
            return SettingPhone(value, tel(value))
        if URL in marks:
            return SettingToken(href(value))
        checked = get_origin(info.annotation) is Literal or any(
            getattr(m, "pattern", None) for m in info.metadata)
        if checked:  # a pattern or a fixed set of values: no markup can hide in it
            return SettingToken(value)
        return SettingText(value)

    return {name: wrap(getattr(model, name), info, path + (name,))
            for name, info in type(model).model_fields.items()}


def unset_facts(model: BaseModel, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The key paths of every local fact the settings leave unset (LOCAL_FACT, still None)."""
    out: list[tuple[str, ...]] = []
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None and LOCAL_FACT in markers(info):
            out.append(path + (name,))
        elif isinstance(value, BaseModel):
            out += unset_facts(value, path + (name,))
    return out
