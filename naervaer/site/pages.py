"""Render the thin pages in ``docs/`` from the edition (markdown with HTML fragments)."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .. import ROOT, template_cache
from ..content.edition import Edition
from ..content.parents import ResolvedDoc
from ..content.schema.bank import ACTORS, TIERS, Measure
from ..content.schema.guide import STEPS, GuidePage, Section
from ..forms.components import COMPONENTS
from ..forms.layout import layout
from ..markup import as_markup, inline, markup_source, plain_text, to_html
from . import causes, tools
from .form_fill import MESSAGES, fill_data, fillable_forms, short_ids
from .nav import category_src, guide_src

COMPONENT_TEMPLATES = Path(__file__).resolve().parent.parent / "forms" / "components" / \
    "templates"

# the settings-only repository example shown on the editors' page (tests run its commands)
PUBLISH_WORKFLOW = ROOT / "examples" / "publish" / ".github" / "workflows" / "publiser.yml"

# Pages are markdown with HTML fragments. Every value goes in as markup source
# (``finalize``): a resolved text as it is, a settings value escaped (naervaer/markup.py).
_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader([Path(__file__).parent / "templates", COMPONENT_TEMPLATES]),
    undefined=jinja2.StrictUndefined,
    autoescape=jinja2.select_autoescape(["html"], default_for_string=False, default=False),
    trim_blocks=True,
    lstrip_blocks=True,
    finalize=as_markup,
)
_env.filters["md"] = lambda t: to_html(markup_source(t))
_env.filters["mdi"] = lambda t: inline(markup_source(t))
_env.filters["e"] = escape  # keeps markup source (texts, settings values) from double escaping


def cache_templates(folder: Path) -> None:
    """Keep the pages' compiled templates in ``folder`` between builds."""
    template_cache.cache_templates(_env, folder)


def _indent(text: Any, width: int = 4) -> str:
    pad = " " * width
    return "\n".join(pad + line if line.strip() else "" for line in str(text).strip().splitlines())


_env.filters["indent4"] = _indent
_env.globals["components"] = {kind: c.template for kind, c in COMPONENTS.items()}


PARENTS_DIR = "foreldre"  # parent material: pages and PDFs (issue 13)


@dataclass
class Artifact:
    """A generated download (PDF) or preview image, with what the page shows about it."""

    dest: str  # path in the site, e.g. skjema/samtykke-utfyllbar.pdf
    size: int
    pages: int = 0


@dataclass
class Downloads:
    forms: dict[str, dict[str, Artifact]] = field(default_factory=dict)
    guide_pdf: Artifact | None = None
    parents: dict[str, Artifact] = field(default_factory=dict)  # "<doc id>:<lang>" → PDF


def human_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


class PageRenderer:
    """Renders one page; ``src`` is the page's path in docs/ (links are made relative to it)."""

    def __init__(self, edition: Edition, src: str, downloads: Downloads | None = None):
        self.ed = edition
        self.src = src
        self.downloads = downloads or Downloads()

    # -- links ---------------------------------------------------------------
    def url(self, target_src: str, anchor: str | None = None) -> str:
        """Relative URL from this page to ``target_src`` (docs path or site file)."""
        dest = re.sub(r"\.md$", ".html", target_src)
        here = posixpath.dirname(re.sub(r"\.md$", ".html", self.src))
        rel = posixpath.relpath(dest, here or ".")
        return rel + (f"#{anchor}" if anchor else "")

    def md_url(self, target_src: str) -> str:
        """Relative path from this page to the docs page ``target_src`` as markdown links
        write it (``.md``, so MkDocs checks and converts it)."""
        here = posixpath.dirname(self.src)
        return posixpath.relpath(target_src, here or ".")

    def measure_url(self, measure: Measure) -> str:
        category = self.ed.bank.category(measure.category)
        return self.url(category_src(category.slug), measure.id)

    def form_url(self, form_id: str) -> str:
        return self.url("skjema/index.md", form_id)

    # -- helpers for templates ----------------------------------------------
    def ctx(self, **extra: Any) -> dict[str, Any]:
        return dict(
            ed=self.ed, s=self.ed.s, t=self.t, url=self.url, r=self, steps=STEPS,
            actors=ACTORS, human_size=human_size, **extra,
        )

    def t(self, key: str, **values: Any) -> Markup:
        """A UI string; ``values`` are filled in escaped (``Markup.format``)."""
        text = self.ed.t(key)
        return text.format(**values) if values else text

    def script_data(self, element_id: str, **words: Any) -> Markup:
        """Words for the page's script, as its data block (the one channel to the browser)."""
        return tools.json_script(element_id, {"words": {key: plain_text(value)
                                                        for key, value in words.items()}})

    def render(self, template: str, **extra: Any) -> str:
        return _env.get_template(template).render(self.ctx(**extra))

    def audience(self, page: GuidePage) -> str:
        return ", ".join(self.t(f"audience.{a}") for a in page.audience)

    def actors(self, measure: Measure) -> str:
        return ", ".join(self.t(f"actor.{a}") for a in measure.actors)

    def measure_tree(self, measures: list[Measure]) -> list[tuple[Measure, list[Measure]]]:
        children: dict[str, list[Measure]] = {}
        for m in measures:
            if m.parent:
                children.setdefault(m.parent, []).append(m)
        return [(m, children.get(m.id, [])) for m in measures if not m.parent]

    def related_measures(self, refs: list[str]) -> list[tuple[str, str]]:
        """(label, url) for each measure or category reference."""
        out = []
        for ref in refs:
            if "." in ref:
                m = self.ed.bank.measure(ref)
                if m:
                    out.append((f"{self.t('measure.label')} {m.id}", self.measure_url(m)))
            else:
                c = self.ed.bank.category(int(ref))
                out.append((f"{c.id}. {c.title}", self.url(category_src(c.slug))))
        return out

    def local_texts(self, section_id: str) -> list[Any]:
        """The municipality's own texts for a section (markdown from settings)."""
        return [item["text"] for item in self.ed.s["local_text"] if item["section"] == section_id]

    def section(self, section: Section, level: int) -> str:
        return self.render("section.md", section=section, level=level)

    def include(self, name: str, level: int) -> str:
        """Generated content inside a guide section; its headings start at ``level`` (one
        below the section's own), so no heading level is ever skipped."""
        if name == "partner_services":
            return self.render("partner_services.md", level=level)
        if name == "process_map":
            return self.process_map(level)
        if name == "law_refs":
            return self.render("law_refs.md")
        if name == "absence_check":
            return self.render("absence_check.html", **tools.absence_check(self.ed, self.url))
        raise ValueError(name)

    # -- process map -----------------------------------------------------------
    def process_map(self, level: int) -> str:
        """The steps as headings of ``level``, the alternative branches one level below."""
        return self.render("process_map.html", process=self.ed.process, level=level)

    def plan_builder(self) -> str:
        return self.render("plan_builder.html",
                           **tools.plan_builder(self.ed, self.url, self.downloads))

    plan_anchor = tools.PLAN_ANCHOR

    def plan_links_data(self) -> Markup:
        """A category page's «Legg til i planen» links: their words and the channel to an
        open plan builder."""
        return tools.json_script("nv-measures-data", {
            "channel": causes.CHANNEL,
            "words": {"add": plain_text(self.t("plan.add")),
                      "measure": plain_text(self.t("measure.label")).lower(),
                      "added": plain_text(self.t("suggest.added")),
                      "already": plain_text(self.t("suggest.already"))}})

    def add_anchor(self, measure_id: str) -> str:
        return tools.add_anchor(measure_id)

    def tool_url(self, tool: str) -> str:
        return self.url(*tools.tool_target(self.ed, tool))

    def page_link(self, ref: str) -> str:
        page_id, _, anchor = ref.partition("#")
        return self.url(guide_src(page_id), anchor or None)

    # -- pages -----------------------------------------------------------------
    def guide_page(self, page_id: str) -> str:
        return self.render("guide_page.md", page=self.ed.guide[page_id])

    def category_page(self, slug: str) -> str:
        category = next(c for c in self.ed.bank.categories if c.slug == slug)
        return self.render("category.md", c=category)

    def measure_overview(self) -> str:
        return self.render("overview.md")

    causes_src = causes.CAUSES_PAGE
    tiers = TIERS

    def cause_options(self) -> list[causes.Cause]:
        return causes.causes(self.ed)

    def causes_page(self) -> str:
        return self.render("causes.md", rows=causes.by_cause(self.ed), tiers=TIERS,
                           form_src=f"skjema/{causes.CAUSE_FORM}.md")

    def start_page(self) -> str:
        return self.render("start.md")

    def process_page(self) -> str:
        return self.render("process.md")

    def settings_reference(self) -> list[dict[str, str]]:
        """One row per settings key, from the schema: key path, meaning, default."""
        from ..content.schema.settings import Settings
        from ..content.settings_file import load_settings_defaults

        defaults = load_settings_defaults(self.ed.lang)
        rows: list[dict[str, str]] = []

        def default_of(path: list[str]) -> Any:
            value: Any = defaults
            for part in path:
                value = value.get(part) if isinstance(value, dict) else None
            return value

        def walk(model: Any, prefix: list[str]) -> None:
            for name, info in model.model_fields.items():
                path = prefix + [name]
                extra = info.json_schema_extra or {}
                meaning = extra.get("description_nn") if self.ed.lang == "nn" else None
                meaning = meaning or info.description or ""
                inner = getattr(info.annotation, "model_fields", None)
                if inner is not None:
                    rows.append({"key": ".".join(path), "meaning": meaning, "default": ""})
                    walk(info.annotation, path)
                    continue
                rows.append({"key": ".".join(path), "meaning": meaning,
                             "default": self.format_default(default_of(path))})

        walk(Settings, [])
        return rows

    def consent_catalogue(self) -> list[dict[str, str]]:
        """The services an edition can name by id in consent_services (data/services.yaml)."""
        from ..content.schema.services import ServiceCatalogue
        from ..content.sources import load_yaml
        from ..content.validate import validate

        lang = self.ed.lang
        catalogue = validate(ServiceCatalogue, load_yaml(self.ed.data_dir / "services.yaml"))
        return [{"id": s.id, "name": s.name.raw(lang), "explain": " ".join(
            s.explain.raw(lang).split())} for s in catalogue.services]

    def format_default(self, value: Any) -> str:
        if value is None or value == []:
            return self.t("editor.none")
        if isinstance(value, list):
            return f"{self.t('editor.list_of')} ({len(value)})"
        text = str(value).replace("\n", " ").replace("|", "/").strip()
        return text if len(text) <= 60 else text[:57] + "…"

    def host_example(self) -> str:
        """An example host name from the municipality's name: letters, digits, hyphens."""
        first = (self.ed.settings.municipality.lower().split() or ["kommune"])[0]
        name = re.sub(r"[^a-z0-9æøå-]+", "", first).strip("-") or "kommune"
        return f"{name}.kommune.no"

    def publish_workflow(self) -> str:
        """The example GitHub workflow (examples/publish/), as the file has it, without its
        comments (they are in bokmål; the page explains it in the edition's målform)."""
        text = PUBLISH_WORKFLOW.read_text(encoding="utf-8")
        lines = [re.sub(r"\s+#\s.*$", "", line) for line in text.splitlines()
                 if not line.lstrip().startswith("#")]
        return "\n".join(lines).strip()

    def info_page(self, name: str) -> str:
        return self.render(f"info_{name}.md")

    def forms_page(self) -> str:
        return self.render("forms.md", downloads=self.downloads,
                           fill_pages={f.id for f in fillable_forms(self.ed)})

    def cause_suggestions(self, form_id: str) -> str:
        """The suggestions from the cause mapping, on that form's page only."""
        if form_id != causes.CAUSE_FORM:
            return ""
        data = causes.suggestions(self.ed, self.url, tools.add_anchor(""))
        data["tiers"] = {tier: plain_text(self.t(f"tier.{tier}")) for tier in TIERS}
        data["words"]["tier"] = plain_text(self.t("measure.tier"))
        return self.render("cause_suggest.html", causes_src=causes.CAUSES_PAGE,
                           data=tools.json_script("nv-suggest-data", data))

    def form_fill_page(self, form_id: str) -> str:
        form = self.ed.forms[form_id]
        sections = layout(form, self.ed)
        data = fill_data(form, self.ed, tools.words(self.ed, "fill.", MESSAGES))
        return self.render("form_fill.md", form=form, sections=sections, ids=short_ids(sections),
                           files=self.downloads.forms.get(form_id, {}),
                           data=tools.json_script("nv-fill-data", data))

    # -- parent material (issue 13) ----------------------------------------------
    def parent_pdf(self, doc: ResolvedDoc) -> Artifact | None:
        return self.downloads.parents.get(f"{doc.id}:{doc.lang}")

    def parents_page(self) -> str:
        return self.render("parents.md", level=2)

    def languages_page(self) -> str:
        return self.render("parent_languages.md")

    def language_page(self, code: str) -> str:
        language = self.ed.parents.language(code)
        if language is None:
            raise ValueError(f"language {code} is not published in this edition")
        return self.render("parent_language.md", lang=language)

