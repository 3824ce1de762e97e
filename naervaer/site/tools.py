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

from ..absence import absence_rule
from ..edition import absence_check_section
from ..models import ProcessStep

if TYPE_CHECKING:
    from .pages import PageRenderer

# Process steps the absence check points to as next steps (ids in data/process.yaml).
NEXT_STEPS = {"contact": "kontakt-hjemmet", "mapping": "kartlegging",
              "meeting": "samarbeidsmote-1"}
REPORT_SECTION = "naar-grensen-er-naadd"  # «Hva skjer når en grense er nådd?»
MAX_WEEKS = 52  # longest period the check accepts


def json_script(element_id: str, data: Any) -> Markup:
    """Data for a module, safe inside ``<script>`` (never executed: CSP ignores JSON blocks)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/json" id="{element_id}">{text}</script>')


def words(r: PageRenderer, prefix: str) -> dict[str, str]:
    """Every UI string whose key starts with ``prefix``, without the prefix."""
    return {key[len(prefix):]: r.ed.t(key) for key in r.ed.ui if key.startswith(prefix)}


def module_tag(r: PageRenderer, name: str) -> Markup:
    return Markup(f'<script type="module" src="{r.url("assets/" + name)}"></script>')


def tool_url(r: PageRenderer, tool: str) -> str:
    if tool == "absence_check":
        where = absence_check_section(r.ed.guide)
        if where is None:  # the loader refuses a process step that links a missing check
            raise ValueError("no guide section includes absence_check")
        return r.page_link(f"{where[0]}#{where[1]}")
    if tool == "plan_builder":
        return r.url("tiltak/index.md", PLAN_ANCHOR)
    raise ValueError(tool)


PLAN_ANCHOR = "lag-en-plan"


def process_step(r: PageRenderer, step_id: str) -> ProcessStep:
    step = next((s for s in r.ed.process.steps if s.id == step_id), None)
    if step is None:
        raise ValueError(f"data/process.yaml has no step «{step_id}» (the absence check "
                         "links to it)")
    return step


def absence_check(r: PageRenderer) -> str:
    rule = absence_rule(r.ed.settings)
    window = rule.window_weeks
    lines = []
    for th in rule.thresholds:
        if th.key == "days":
            text = r.t("check.rule_days", days=th.at_least, weeks=window)
            if rule.weeks_is_range:
                text += " " + r.t("check.from_range_weeks", range=rule.weeks_setting)
        else:
            text = r.t(f"check.rule_{th.key}", n=th.at_least, weeks=window)
            if th.is_range:
                text += " " + r.t("check.from_range_times", range=th.setting)
        lines.append(text + ".")
    steps = {key: process_step(r, step_id) for key, step_id in NEXT_STEPS.items()}
    page_id, _ = absence_check_section(r.ed.guide) or ("", "")
    report_page = r.ed.guide[page_id]
    report = next((s for s in report_page.all_sections() if s.id == REPORT_SECTION), None)
    data = {
        "rule": rule.data() | {"max_weeks": MAX_WEEKS},
        "lang": r.ed.lang,
        "words": words(r, "check."),
    }
    return r.render(
        "absence_check.html", rule=rule, rule_lines=lines, next_steps=steps,
        report=report, report_page=page_id, data=json_script("nv-absence-data", data),
        module=module_tag(r, "absence-check.js"),
    )


def plan_builder(r: PageRenderer, downloads: Any) -> str:
    return ""
