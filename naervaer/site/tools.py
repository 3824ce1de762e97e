"""The browser tools on the site: the absence check and the plan builder.

What each tool's template needs is computed here from the edition: the numbers and words its
ES module needs go into a ``<script type="application/json">`` block (the modules in
``docs/assets/`` carry no text of their own), and the module's script tag, so the module
loads only on the page that uses it. The page renderer (:mod:`.pages`) draws the HTML,
which works as text without JavaScript.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from ..content.absence import absence_rule, rule_lines
from ..content.checks import absence_check_section
from ..content.edition import Edition
from ..content.schema.bank import ACTORS
from ..content.schema.guide import ProcessStep
from ..forms.components.lines import DATE
from ..forms.layout import layout
from ..markup import plain_text
from .causes import CHANNEL
from .form_fill import OPEN_MAX_MB

Url = Callable[..., str]  # the page's relative URL to a docs path (and anchor)

# Process steps the absence check points to as next steps (ids in data/process.yaml).
NEXT_STEPS = {"contact": "kontakt-hjemmet", "mapping": "kartlegging",
              "meeting": "samarbeidsmote-1"}
# The check's fields, in order; the first two must be given.
CHECK_FIELDS = ("weeks", "days", "leaves_early", "skipped_lessons", "school_days")
CHECK_REQUIRED = ("weeks", "days")
# Which next steps the check shows, by its verdict (absence-rule.js: reached | high | unclear
# | short | not); «contact» also from the day the contact-home rule applies
# (deadlines.contact_after_days), whatever the verdict.
NEXT_SHOWN = {"contact": ("reached", "high"), "report": ("reached",), "mapping": ("reached",),
              "meeting": ("reached",), "high": ("high",), "count": ("unclear", "short"),
              "watch": ("unclear", "short", "not")}
NEXT_CONTACT_RULE = ("contact",)
REPORT_SECTION = "naar-grensen-er-naadd"  # «Hva skjer når en grense er nådd?»
PLAN_ANCHOR = "lag-en-plan"  # the id of the plan builder's heading on the overview
CHECK_SAYS = ("err_", "verdict_", "status_", "crit_", "detail_", "contact_", "unclear_hint",
              "percent", "caution", "next_see", "day_", "week_", "time_")  # check.* the module uses


def json_script(element_id: str, data: Any) -> Markup:
    """Data for a module, safe inside ``<script>`` (never executed: CSP ignores JSON blocks)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/json" id="{element_id}">{text}</script>')


def words(ed: Edition, prefix: str, only: tuple[str, ...] = ("",)) -> dict[str, str]:
    """The UI strings under ``prefix`` (without it) that start with one of ``only``: what a
    module says itself (words the page shows as HTML are not sent twice)."""
    return {key[len(prefix):]: plain_text(ed.t(key)) for key in ed.ui
            if key.startswith(prefix) and key[len(prefix):].startswith(only)}


def module_tag(url: Url, name: str, loader: bool = False) -> Markup:
    """The tool's module ``assets/<name>.js`` and its stylesheet ``assets/<name>.css`` (a
    stylesheet link may sit in the body), so only the page that has the tool loads them.
    With ``loader``, the page loads the small ``assets/<name>-loader.js`` instead, which
    imports the module when the reader starts to use the tool (first-load budget): it shows
    the form, imports the module on the first focus or touch in it, and holds a submit made
    before the module is there (never a real submit) until the module answers it."""
    script = f"{name}-loader.js" if loader else f"{name}.js"
    return Markup(f'<link rel="stylesheet" href="{url(f"assets/{name}.css")}">\n'
                  f'<script type="module" src="{url(f"assets/{script}")}"></script>')


def tool_target(ed: Edition, tool: str) -> tuple[str, str | None]:
    """(docs path, anchor) of a browser tool."""
    if tool == "absence_check":
        where = absence_check_section(ed.guide)
        if where is None:  # the loader refuses a process step that links a missing check
            raise ValueError("no guide section includes absence_check")
        return f"veileder/{where[0]}.md", where[1]
    if tool == "plan_builder":
        return "tiltak/index.md", PLAN_ANCHOR
    raise ValueError(tool)


def process_step(ed: Edition, step_id: str) -> ProcessStep:
    step = next((s for s in ed.process.steps if s.id == step_id), None)
    if step is None:
        raise ValueError(f"data/process.yaml has no step «{step_id}» (the absence check "
                         "links to it)")
    return step


def absence_check(ed: Edition, url: Url) -> dict[str, Any]:
    """What the absence check's template needs."""
    rule = absence_rule(ed.settings)
    steps = {key: process_step(ed, step_id) for key, step_id in NEXT_STEPS.items()}
    page_id, _ = absence_check_section(ed.guide) or ("", "")
    report = next((s for s in ed.guide[page_id].all_sections() if s.id == REPORT_SECTION),
                  None)
    data = {
        "rule": rule.data(),
        "fields": CHECK_FIELDS,
        "required": CHECK_REQUIRED,
        "next": {key: {"verdicts": verdicts, "contact_rule": key in NEXT_CONTACT_RULE}
                 for key, verdicts in NEXT_SHOWN.items()},
        "words": words(ed, "check.", CHECK_SAYS),
    }
    window = ed.t("check.week_other" if rule.window_weeks != 1 else "check.week_one").format(
        n=rule.window_weeks)
    return dict(rule=rule, rule_lines=rule_lines(rule, ed.t), next_steps=steps, window=window,
                fields=CHECK_FIELDS, required=CHECK_REQUIRED, next_shown=NEXT_SHOWN,
                report=report, report_page=page_id, data=json_script("nv-absence-data", data),
                module=module_tag(url, "absence-check", loader=True))


# -- plan builder -------------------------------------------------------------------------
#
# Where the plan lives: in this one page. The measure-bank overview shows and filters the
# whole bank, so it is the builder: every measure there has «Legg til i planen», and the plan
# panel sits on the same page. Nothing is kept between pages (no storage of any kind), so the
# category pages cannot add to a plan in another page; their «Legg til i planen» is a plain
# link to this page at the measure's own button (``#legg-til-<id>``), and the builder adds
# that measure when it opens. The fragment holds only a public measure ID from the bank —
# never anything typed — and is never sent to a server; the builder removes it from the
# address bar at once. Leaving the page with a plan in it asks first (``beforeunload``).

PLAN_FORM = "avtale-foresatte-skole"
# the measures table's columns the builder fills, by what they hold (ids in the form)
PLAN_ROLES = {"measure": "tiltak", "subgoal": "delmal", "responsible": "ansvar",
              "deadline": "frist"}
PLAN_COLUMNS = tuple(PLAN_ROLES.values())
# the agreement's other fields: its texts and dates, and the signature block's place, date and
# names in print (the signatures themselves are written on paper)
AGREEMENT_TYPES = ("text", "textarea", "date", "signature")
PLAN_SAYS = ("chosen", "add", "remove_from", "added", "removed", "moved", "limit", "working",
             "done", "copied", "copy_fallback", "nothing", "err_", "jump", "new_tab",
             "open_", "from_pdf")  # plan.* in the module


def add_anchor(measure_id: str) -> str:
    """The id of a measure's «Legg til i planen» button in the builder."""
    return f"legg-til-{measure_id}"


def plan_form(ed: Edition) -> tuple[Any, list[Any], list[dict[str, Any]], list[Any], set[str]]:
    """(form, agreement inputs, table rows as {column: field name}, table columns, names of
    the inputs that come after the table in the form)."""
    form = ed.forms[PLAN_FORM]
    fields: list[Any] = []
    rows: list[dict[str, Any]] = []
    columns: list[Any] = []
    after: set[str] = set()
    for section in layout(form, ed):
        for block in section.blocks:
            if block.type in AGREEMENT_TYPES:
                fields += block.inputs
                if rows:
                    after |= {i.name for i in block.inputs}
            elif block.type == "table" and not rows:
                ids = [c.id for c in block.spec.columns]
                if all(c in ids for c in PLAN_COLUMNS):
                    columns = list(block.spec.columns)
                    rows = [{col.id: cell.name
                             for col, cell in zip(columns, row["cells"], strict=True)
                             if col.id in PLAN_COLUMNS} for row in block.rows]
    if not rows:
        raise ValueError(f"forms/{PLAN_FORM}.yaml has no table with the columns "
                         f"{', '.join(PLAN_COLUMNS)} (the plan builder fills them)")
    return form, fields, rows, columns, after


def responsible_suggestions(ed: Edition) -> dict[str, str]:
    """A suggestion for «Ansvar» per actor: the site's word for it, capitalised; the
    PP-service by the short name the edition uses (PPT, PPS …)."""
    out: dict[str, str] = {}
    for actor in ACTORS:
        word = plain_text(ed.t(f"actor.{actor}"))
        out[actor] = word[:1].upper() + word[1:]
    return out


def plan_builder(ed: Edition, url: Url, downloads: Any) -> dict[str, Any]:
    """What the plan builder's template needs."""
    form, fields, rows, columns, after = plan_form(ed)
    fillable = downloads.forms.get(PLAN_FORM, {}).get("fillable")
    data = {
        "pdf": url(fillable.dest) if fillable else None,
        "filename": f"{PLAN_FORM}-utfylt.pdf",
        "rows": rows,
        "columns": {c.id: plain_text(c.label) for c in columns},
        "roles": PLAN_ROLES,
        "actors": responsible_suggestions(ed),
        "measure": plain_text(ed.t("measure.label")),
        "add_anchor": add_anchor(""),
        "words": words(ed, "plan.", PLAN_SAYS),
        "rules": {"date": DATE.data()},
        "title": plain_text(form.title),
        "form": PLAN_FORM,
        "open_max_mb": OPEN_MAX_MB,
        "before": [i.name for i in fields if i.name not in after],
        "after": [i.name for i in fields if i.name in after],
        "channel": CHANNEL,
    }
    return dict(form=form, fields=fields, columns={c.id: c for c in columns},
                has_pdf=fillable is not None, roles=PLAN_ROLES, date_rule=DATE,
                data=json_script("nv-plan-data", data), module=module_tag(url, "plan-builder"))
