"""What every settings field is built from: text in one or both målformer, the editor's
markdown (no headings: it sits under a heading the page has), and :func:`doc`, a field with
its explanation for editors in bokmål and nynorsk."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from ...text import Text
from .kinds import MARKDOWN

LText = str | Text

# --- Markdown from settings sits under a heading the page already has (issue 12): a heading
# of its own would break the page's heading order, so it is refused with a clear message.
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.M)


def _no_headings(value: LText) -> LText:
    for text in ([value] if isinstance(value, str) else [value.nb, value.nn or ""]):
        match = _HEADING.search(text)
        if match:
            line = text[match.start():].splitlines()[0].strip()
            raise PydanticCustomError("heading_in_text", "markdown heading in text",
                                      {"line": line[:60]})
    return value


# -- values in pages and PDFs (issue 9): free text is escaped where it is substituted, the
# fields marked MARKDOWN keep their formatting but no HTML (naervaer/markup.py), and a value
# whose form a pattern fixes is only HTML-escaped, so no pattern may admit < > " ' ` or spaces.
MdText = Annotated[LText, MARKDOWN, AfterValidator(_no_headings)]  # no headings: issue 12


def doc(nb: str, nn: str, **kwargs: Any) -> Any:
    """A field with its explanation for editors in both målformer."""
    return Field(description=nb, json_schema_extra={"description_nn": nn}, **kwargs)





