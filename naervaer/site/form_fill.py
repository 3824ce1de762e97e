"""The HTML forms: one page per form (except cut-out card sheets), generated from the data.

Each page is a renderer of a form's layout (:mod:`naervaer.forms.layout`): the same
sections, labels, options and field names as the fillable PDF, which the browser fills
with what the reader typed (docs/assets/form-fill.js → pdf-fill.js). The pages are not
files in docs/: the hooks add one per form, so adding a form needs no extra page.
"""

from __future__ import annotations

from typing import Any

from ..content.edition import Edition
from ..content.schema.forms import FormDef
from ..forms.components import RULES
from ..forms.layout import SectionLayout, carry_forward
from ..markup import plain_text

PAGE_DIR = "skjema"
# A form page has the site's navigation like every page; the table of contents is left out
# (the form's sections follow each other on the page, and the form needs the width).
PAGE_CONTENT = """---
hide:
  - toc
---
{{ form_fill_page() }}
"""

# what the page's script may say (keys under fill.* starting so), sent in its data block
MESSAGES = ("birthnumber_error", "date_error", "date_impossible", "working", "done",
            "error_summary", "glyphs_error", "glyphs_field", "load_error", "fail_error",
            "open_", "carry_")
# the largest saved PDF «Åpne en lagret PDF» reads: a filled form from this site is well
# under 1 MB, even with continuation pages and fonts for other scripts
OPEN_MAX_MB = 10


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


def fill_data(form: FormDef, ed: Edition, words: dict[str, str]) -> dict[str, Any]:
    """The page's data block (#nv-fill-data): its words, the rules inputs are checked by,
    which form a saved PDF must be, and the carry-forward mapping when the form has one."""
    data: dict[str, Any] = {
        "words": words, "rules": {name: rule.data() for name, rule in RULES.items()},
        "form": form.id, "open_max_mb": OPEN_MAX_MB,
    }
    carry = form.carry_forward
    if carry is not None:
        data["carry"] = {"source": carry.source,
                         "title": plain_text(ed.forms[carry.source].title),
                         "fields": carry_forward(form, ed)}
    return data
