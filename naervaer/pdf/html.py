"""Form definition / guide / parent material → HTML for WeasyPrint (Jinja templates in
``naervaer/pdf/templates``; each form field drawn by its component's ``pdf`` macro)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from .. import template_cache
from ..content.absence import absence_rule, rule_lines
from ..content.edition import Edition
from ..content.parents import ResolvedDoc
from ..content.schema.forms import FormDef
from ..content.schema.guide import STEPS
from ..content.settings_file import logo_path
from ..forms.components import COMPONENTS
from ..forms.layout import layout, radio_groups
from ..markup import inline, markup_source, to_html

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STYLES = HERE / "styles"
COMPONENT_TEMPLATES = HERE.parent / "forms" / "components" / "templates"

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader([TEMPLATES, COMPONENT_TEMPLATES]),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
# autoescape takes each value's __html__: resolved texts as they are, settings values escaped
_env.filters["md"] = lambda t: to_html(markup_source(t))
_env.filters["mdi"] = lambda t: inline(markup_source(t))
_env.globals["components"] = {kind: c.template for kind, c in COMPONENTS.items()}


def cache_templates(folder: Path) -> None:
    """Keep the PDFs' compiled templates in ``folder`` between builds."""
    template_cache.cache_templates(_env, folder)


def logo_url(edition: Edition) -> str | None:
    path = logo_path(edition.settings, edition.settings_file)
    return path.as_uri() if path else None


def form_html(
    form: FormDef, edition: Edition, fillable: bool
) -> tuple[str, dict[str, tuple[str, tuple[str, ...]]]]:
    """The form's HTML and its radio groups (label and export values)."""
    sections = layout(form, edition)
    html = _env.get_template("form.html").render(
        form=form,
        sections=sections,
        fillable=fillable,
        lang=edition.lang,
        s=edition.s,
        t=edition.t,
        logo=logo_url(edition),
        **banner(edition),
    )
    return html, radio_groups(sections)


def banner(edition: Edition) -> dict[str, Any]:
    """What a draft or an example edition says about itself on every PDF: the sentence, and
    one word in the running header on every page."""
    word = edition.t("pdf.draft" if edition.draft else "pdf.example")
    return {"banner": edition.banner, "banner_word": word}


def guide_html(edition: Edition, **extra: Any) -> str:
    return _env.get_template("guide.html").render(
        ed=edition, s=edition.s, t=edition.t, lang=edition.lang, logo=logo_url(edition),
        steps=STEPS, absence_lines=rule_lines(absence_rule(edition.settings), edition.t),
        banner_word=banner(edition)["banner_word"], **extra
    )


def parent_html(doc: ResolvedDoc, edition: Edition) -> str:
    """One parent document in one language, as a printable page (issue 13)."""
    return _env.get_template("parent.html").render(
        doc=doc, s=edition.s, nlang=edition.lang, norwegian_notice=edition.t("parents.notice"),
        logo=logo_url(edition), **banner(edition),
    )


def parent_body(doc: ResolvedDoc, edition: Edition, level: int, web: bool) -> str:
    """The same document's body as an HTML fragment (the site page shows it)."""
    module = _env.get_template("parent_body.html").make_module(
        {"norwegian_notice": edition.t("parents.notice")})
    body: Any = vars(module)["body"]  # the template's macro
    return str(body(doc, level, web, edition.lang))


def stylesheet(name: str) -> Path:
    return STYLES / name
