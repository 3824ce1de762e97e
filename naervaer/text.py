"""Translatable text: one value per målform, resolved once per edition.

A :class:`Text` holds the bokmål and nynorsk versions as written in the data, and never
changes. Resolving an edition makes a *copy* per text (:meth:`Text.resolved`) that also
carries the rendered value for the edition's målform (placeholders filled from settings),
so templates simply write ``{{ text }}``; the data as loaded stays as it was.
"""

from __future__ import annotations

from typing import Any, Literal

from markupsafe import Markup
from pydantic import BaseModel, ConfigDict, PrivateAttr

Lang = Literal["nb", "nn"]
LANGS: tuple[Lang, ...] = ("nb", "nn")
LANG_NAMES = {"nb": "bokmål", "nn": "nynorsk"}


class Text(BaseModel):
    """A user-facing text in bokmål and nynorsk (markdown where the field says so)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    nb: str
    nn: str | None = None

    _value: str | None = PrivateAttr(default=None)

    def raw(self, lang: Lang) -> str:
        """The source text for ``lang``; bokmål stands in for a missing nynorsk text."""
        value = getattr(self, lang)
        return value if value is not None else self.nb

    def missing(self, lang: Lang) -> bool:
        return getattr(self, lang) in (None, "")

    def resolved(self, value: str) -> Text:
        """A copy of this text that carries ``value``, its rendering for one edition."""
        copy = self.model_copy()
        copy._value = value
        return copy

    @property
    def is_resolved(self) -> bool:
        return self._value is not None

    @property
    def value(self) -> str:
        if self._value is None:
            raise RuntimeError(f"text not resolved for an edition: {self.nb[:60]!r}")
        return self._value

    def __str__(self) -> str:
        return self.value

    def __html__(self) -> Markup:  # Jinja, markupsafe: a resolved text is markup as it is
        return Markup(self.value)


def plain(value: Any, lang: Lang) -> Any:
    """Resolve ``{nb: …, nn: …}`` mappings inside plain data (settings) to one language."""
    if isinstance(value, Text):
        return value.raw(lang)
    if isinstance(value, dict):
        if value and set(value) <= set(LANGS) and "nb" in value:
            return value.get(lang) or value["nb"]
        return {k: plain(v, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v, lang) for v in value]
    return value
