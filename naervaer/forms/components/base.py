"""What every field component is made of: the inputs it lays out (with their PDF names), the
constraints on what may be typed (shared by Python and the browser), and its template."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from markupsafe import Markup

from ...markup import plain_text
from ...text import Text

# How a value goes into the PDF and comes back out (the fill rule of each kind of input):
# text and multiline take the text, checkbox is on or off, radio and combo take one of
# their export values.
Kind = Literal["text", "multiline", "checkbox", "radio", "combo"]


@dataclass(frozen=True)
class Rule:
    """A constraint on what may be typed in an input: the same facts for the check in
    Python and the browser's check (sent as data, never written twice)."""

    check: str                   # name, e.g. "date": the input's data-check
    pattern: str                 # what is accepted (a regular expression JS and Python share)
    example: str                 # a fictitious value of the right form
    hint: str                    # ui key of the hint under the label
    message: str                 # ui key of the message when it is wrong
    maxlength: int | None = None
    inputmode: str | None = None  # what keyboard a phone shows

    def accepts(self, value: str) -> bool:
        return re.fullmatch(self.pattern, value) is not None

    def data(self) -> dict[str, Any]:
        """What the browser needs to check a value (the words come by their keys)."""
        return {"check": self.check, "pattern": self.pattern, "maxlength": self.maxlength}


@dataclass
class Input:
    name: str
    kind: Kind
    label: str
    value: str | None = None  # export value of a radio button
    lines: int = 1
    maxlength: int | None = None
    options: list[str] = field(default_factory=list)
    group: str | None = None  # a radio button's group label (the question it answers)
    rule: Rule | None = None

    @property
    def html_id(self) -> str:
        token = self.name if self.value is None else f"{self.name}:{self.value}"
        return "f-" + re.sub(r"[^a-zA-Z0-9_-]", "-", token)


@dataclass
class Block:
    """One field of the definition, ready to draw."""

    type: str
    label: str | None
    help: str | None
    spec: Any
    inputs: list[Input] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """What a layout needs from the edition: its words and the values some fields list."""

    t: Any  # key → Markup (the edition's UI words)
    consent_services: list[Any]
    laws: list[Any]

    def word(self, key: str) -> str:
        return plain_text(self.t(key))


def source(text: Text | None) -> str | None:
    """Markup source (help, intros: rendered as markdown by the template)."""
    return None if text is None else str(text)


def label(text: Any) -> str:
    """A label or title as plain text (the template escapes it; PDF tooltips take it as is)."""
    return plain_text(text)


class Component:
    """One field type. Subclasses set ``type`` and lay out their inputs; the type's template
    ``templates/<type>.html`` holds two macros, ``pdf(b)`` and ``site(b)``."""

    type: ClassVar[str]
    rule: ClassVar[Rule | None] = None
    template: ClassVar[str] = ""  # default: templates/<type>.html

    def layout(self, f: Any, base: str, c: Context) -> Block:
        raise NotImplementedError

    def block(self, f: Any, **extra: Any) -> Block:
        return Block(type=self.type, label=None if f.label is None else label(f.label),
                     help=source(f.help), spec=f, **extra)

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        if "type" in cls.__dict__ and "template" not in cls.__dict__ and not cls.template:
            cls.template = f"{cls.type}.html"


__all__ = ["Block", "Component", "Context", "Input", "Kind", "Markup", "Rule", "label", "source"]
