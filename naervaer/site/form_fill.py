"""The HTML forms: one page per form (except cut-out card sheets), generated from the data.

Each page is a renderer of a form's layout (:mod:`naervaer.forms.layout`): the same
sections, labels, options and field names as the fillable PDF, which the browser fills
with what the reader typed (docs/assets/form-fill.js → pdf-fill.js). The pages are not
files in docs/: the hooks add one per form, so adding a form needs no extra page.
"""

from __future__ import annotations

from ..content.edition import Edition
from ..content.schema.forms import FormDef
from ..forms.layout import SectionLayout

PAGE_DIR = "skjema"
# A form page has the site's navigation like every page; the table of contents is left out
# (the form's sections follow each other on the page, and the form needs the width).
PAGE_CONTENT = """---
hide:
  - toc
---
{{ form_fill_page() }}
"""

# what the page's script may say (keys under fill.*), sent in its data block
MESSAGES = ("birthnumber_error", "date_error", "working", "done", "error_summary",
            "glyphs_error", "glyphs_field", "load_error", "fail_error")


def fillable_forms(edition: Edition) -> list[FormDef]:
    """Every form that can be filled on the site: all but pure cut-out card sheets."""
    return [f for f in edition.forms.values() if f.kind != "cards"]


def page_src(form_id: str) -> str:
    return f"{PAGE_DIR}/{form_id}.md"


def short_ids(sections: list[SectionLayout]) -> dict[str, str]:
    """A short HTML id per input (f1, f2 …), keyed by its layout id: the page stays small."""
    ids: dict[str, str] = {}
    for section in sections:
        for block in section.blocks:
            for inp in block.inputs:
                ids.setdefault(inp.html_id, f"f{len(ids) + 1}")
    return ids
