"""The browser tools on the site: the absence check and the plan builder.

Each tool is rendered here as plain HTML that works as text without JavaScript, plus a
``<script type="application/json">`` block with the numbers and words its ES module needs
(the modules in ``docs/assets/`` carry no text of their own) and the module's script tag, so
the module loads only on the page that uses it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..absence import absence_rule, rule_lines
from ..edition import absence_check_section
from ..markup import plain_text
from ..models import ACTORS, ProcessStep

if TYPE_CHECKING:
    from .pages import PageRenderer

# Process steps the absence check points to as next steps (ids in data/process.yaml).
NEXT_STEPS = {"contact": "kontakt-hjemmet", "mapping": "kartlegging",
              "meeting": "samarbeidsmote-1"}
REPORT_SECTION = "naar-grensen-er-naadd"  # «Hva skjer når en grense er nådd?»
PLAN_ANCHOR = "lag-en-plan"  # the id of the plan builder's heading on the overview
MAX_WEEKS = 52  # longest period the check accepts
CHECK_SAYS = ("err_", "verdict_", "status_", "crit_", "unclear_hint", "percent", "caution",
              "next_see", "day_", "week_", "time_")  # check.* words the module uses


def json_script(element_id: str, data: Any) -> Markup:
    """Data for a module, safe inside ``<script>`` (never executed: CSP ignores JSON blocks)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/json" id="{element_id}">{text}</script>')


def words(r: PageRenderer, prefix: str, only: tuple[str, ...] = ("",)) -> dict[str, str]:
    """The UI strings under ``prefix`` (without it) that start with one of ``only``: what a
    module says itself (words the page shows as HTML are not sent twice)."""
    return {key[len(prefix):]: plain_text(r.ed.t(key)) for key in r.ed.ui
            if key.startswith(prefix) and key[len(prefix):].startswith(only)}


def module_tag(r: PageRenderer, name: str, loader: bool = False) -> Markup:
    """The tool's module ``assets/<name>.js`` and its stylesheet ``assets/<name>.css`` (a
    stylesheet link may sit in the body), so only the page that has the tool loads them.
    With ``loader``, the page loads the small ``assets/<name>-loader.js`` instead, which
    imports the module when the reader starts to use the tool (first-load budget): it shows
    the form, imports the module on the first focus or touch in it, and holds a submit made
    before the module is there (never a real submit) until the module answers it."""
    script = f"{name}-loader.js" if loader else f"{name}.js"
    return Markup(f'<link rel="stylesheet" href="{r.url(f"assets/{name}.css")}">\n'
                  f'<script type="module" src="{r.url(f"assets/{script}")}"></script>')


def tool_url(r: PageRenderer, tool: str) -> str:
    if tool == "absence_check":
        where = absence_check_section(r.ed.guide)
        if where is None:  # the loader refuses a process step that links a missing check
            raise ValueError("no guide section includes absence_check")
        return r.page_link(f"{where[0]}#{where[1]}")
    if tool == "plan_builder":
        return r.url("tiltak/index.md", PLAN_ANCHOR)
    raise ValueError(tool)


def process_step(r: PageRenderer, step_id: str) -> ProcessStep:
    step = next((s for s in r.ed.process.steps if s.id == step_id), None)
    if step is None:
        raise ValueError(f"data/process.yaml has no step «{step_id}» (the absence check "
                         "links to it)")
    return step


def absence_check(r: PageRenderer) -> str:
    rule = absence_rule(r.ed.settings)
    lines = rule_lines(rule, r.ed.t)
    steps = {key: process_step(r, step_id) for key, step_id in NEXT_STEPS.items()}
    page_id, _ = absence_check_section(r.ed.guide) or ("", "")
    report_page = r.ed.guide[page_id]
    report = next((s for s in report_page.all_sections() if s.id == REPORT_SECTION), None)
    data = {
        "rule": rule.data() | {"max_weeks": MAX_WEEKS},
        "words": words(r, "check.", CHECK_SAYS),
    }
    return r.render(
        "absence_check.html", rule=rule, rule_lines=lines, next_steps=steps,
        report=report, report_page=page_id, data=json_script("nv-absence-data", data),
        module=module_tag(r, "absence-check", loader=True),
    )


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
AGREEMENT_TYPES = ("text", "textarea", "date")  # the agreement's other fields (not signatures)
PLAN_SAYS = ("chosen", "add", "remove_from", "added", "removed", "moved", "limit", "working",
             "done", "copied", "copy_fallback", "nothing", "err_", "jump")  # plan.* in the module


def add_anchor(measure_id: str) -> str:
    """The id of a measure's «Legg til i planen» button in the builder."""
    return f"legg-til-{measure_id}"


def plan_form(r: PageRenderer) -> tuple[Any, list[Any], list[dict[str, Any]], list[Any]]:
    """(form, agreement inputs, table rows as {column: field name}, table columns)."""
    from ..pdf.layout import layout

    form = r.ed.forms[PLAN_FORM]
    fields: list[Any] = []
    rows: list[dict[str, Any]] = []
    columns: list[Any] = []
    for section in layout(form, r.ed):
        for block in section.blocks:
            if block.type in AGREEMENT_TYPES:
                fields += block.inputs
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
    return form, fields, rows, columns


def responsible_suggestions(r: PageRenderer) -> dict[str, str]:
    """A suggestion for «Ansvar» per actor: the site's word for it, capitalised; the
    PP-service by the short name the edition uses (PPT, PPS …)."""
    out = {}
    for actor in ACTORS:
        word = plain_text(r.ed.s["pp_service"]["short"] if actor == "ppt"
                          else r.t(f"actor.{actor}"))
        out[actor] = word[:1].upper() + word[1:]
    return out


def plan_builder(r: PageRenderer, downloads: Any) -> str:
    form, fields, rows, columns = plan_form(r)
    fillable = downloads.forms.get(PLAN_FORM, {}).get("fillable")
    data = {
        "pdf": r.url(fillable.dest) if fillable else None,
        "filename": f"{PLAN_FORM}-utfylt.pdf",
        "rows": rows,
        "columns": {c.id: plain_text(c.label) for c in columns},
        "roles": PLAN_ROLES,
        "actors": responsible_suggestions(r),
        "measure": plain_text(r.t("measure.label")),
        "add_anchor": add_anchor(""),
        "words": words(r, "plan.", PLAN_SAYS),
    }
    return r.render(
        "plan_builder.html", form=form, fields=fields, columns={c.id: c for c in columns},
        has_pdf=fillable is not None, roles=PLAN_ROLES,
        data=json_script("nv-plan-data", data), module=module_tag(r, "plan-builder"),
    )
