"""The site navigation, derived from the edition: organised by what the reader is doing."""

from __future__ import annotations

from typing import Any

from ..content.edition import Edition
from ..content.schema.guide import STEPS

# «Lag en lokal versjon»: for editors; only in editions whose settings ask for it
EDITOR_PAGE = "lokal-versjon.md"
# «Tiltak etter årsak»: the measure bank as a table, cause → measures (naervaer/site/causes.py)
CAUSES_PAGE = "tiltak/etter-arsak.md"


def guide_src(page_id: str) -> str:
    return f"veileder/{page_id}.md"


def category_src(slug: str) -> str:
    return f"tiltak/{slug}.md"


def language_src(code: str) -> str:
    return f"foreldre/{code}.md"


def parents_nav(edition: Edition) -> list[Any]:
    """Parent material (issue 13): the Norwegian page, the list of languages, one page each
    (named in its own language)."""
    return ([{edition.parents.page.title: "foreldre/index.md"},
             {edition.t("parents.languages_title"): "foreldre/andre-sprak.md"}]
            + [{lang.name: language_src(lang.code)} for lang in edition.parents.languages])


def build_nav(edition: Edition) -> list[Any]:
    t = edition.t
    nav: list[Any] = [
        {t("nav.start"): "index.md"},
        {t("nav.process"): "gangen-i-arbeidet.md"},
    ]
    for step in STEPS:
        pages = [p for p in edition.guide.values() if p.step == step]
        if step == "act":
            # putting measures to work is what the measure bank is for: it sits at this step
            nav.append(
                {
                    f"{t('step.act')}: {t('nav.measures').lower()}":
                    [{str(p.title): guide_src(p.id)} for p in pages]
                    + [{t("nav.overview"): "tiltak/index.md"},
                       {t("nav.by_cause"): CAUSES_PAGE}]
                    + [
                        {f"{c.id}. {c.title}": category_src(c.slug)}
                        for c in edition.bank.categories
                    ]
                }
            )
        elif pages:
            nav.append({t(f"step.{step}"): [{str(p.title): guide_src(p.id)} for p in pages]})
    nav.append({t("nav.forms"): "skjema/index.md"})
    nav.append({t("parents.section"): parents_nav(edition)})
    about: list[Any] = [{t("nav.editor"): EDITOR_PAGE}] if edition.settings.editor_page else []
    about += [
        {t("nav.privacy"): "personvern.md"},
        {t("nav.accessibility"): "tilgjengelighet.md"},
    ]
    nav.append({t("nav.about"): about})
    return nav


def left_out(edition: Edition) -> set[str]:
    """Pages in docs/ that this edition does not publish (no file, no nav entry, no link)."""
    return set() if edition.settings.editor_page else {EDITOR_PAGE}
