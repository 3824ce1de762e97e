"""Checks across files, after each file has passed its schema: IDs unique, references that
resolve, local settings that point at something that exists. Each check returns problems
(file, line, key path, a message from the catalogue) and changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import Problem
from ..messages import msg
from ..text import Lang
from .schema.bank import MeasureBank
from .schema.forms import FormDef
from .schema.guide import GuidePage, ProcessMap, Section
from .schema.law import LawData
from .schema.parents import LanguageRegistry, ParentsData, TranslationFile
from .schema.settings import Settings
from .settings_file import LOGO_TYPES, logo_path
from .sources import MergedSource, Source

Loaded = tuple[Any, Source]


def check_bank(bank: MeasureBank, source: Source) -> list[Problem]:
    problems = []
    numbers = [c.id for c in bank.categories]
    if numbers != list(range(1, 13)):
        problems.append(source.problem(("categories",), msg("categories_order", found=numbers)))
    seen: dict[str, tuple[int, int]] = {}
    slugs: set[str] = set()
    for ci, category in enumerate(bank.categories):
        if category.slug in slugs:
            problems.append(source.problem(("categories", ci, "slug"),
                                           msg("slug_used", slug=category.slug)))
        slugs.add(category.slug)
        local_ids: set[str] = set()
        for mi, measure in enumerate(category.measures):
            path = ("categories", ci, "measures", mi, "id")
            if measure.id in seen:
                first = seen[measure.id]
                line = source.line_of(("categories", first[0], "measures", first[1], "id"))
                problems.append(source.problem(path, msg("id_used", id=measure.id, line=line)))
            seen[measure.id] = (ci, mi)
            if measure.category != category.id:
                problems.append(source.problem(
                    path, msg("id_category", id=measure.id, category=category.id)))
            if measure.parent is not None and measure.parent not in local_ids:
                problems.append(source.problem(("categories", ci, "measures", mi, "parent"),
                                               msg("parent_unknown", parent=measure.parent)))
            local_ids.add(measure.id)
    return problems


def check_law(law: LawData, source: Source) -> list[Problem]:
    """Every reference has its own ID, a known act and a known check."""
    problems = []
    seen: set[str] = set()
    for i, ref in enumerate(law.refs):
        if ref.id in seen:
            problems.append(source.problem(("refs", i, "id"), msg("used_before", id=ref.id)))
        seen.add(ref.id)
        if ref.act not in law.acts:
            problems.append(source.problem(("refs", i, "act"), msg(
                "act_unknown", act=ref.act, acts=sorted(law.acts))))
        if ref.against not in law.checks:
            problems.append(source.problem(("refs", i, "against"), msg(
                "check_unknown", check=ref.against, checks=sorted(law.checks))))
    return problems


def check_references(
    bank: MeasureBank,
    guide: dict[str, Loaded],
    forms: dict[str, Loaded],
    bank_source: Source,
) -> list[Problem]:
    """Guide pages name measures and forms that exist; section ids are unique across the
    guide; forms name guide pages that exist; categories name forms that exist."""
    problems = []
    measure_ids = {m.id for m in bank.all_measures()}
    categories = {str(c.id) for c in bank.categories}
    anchors: dict[str, str] = {}
    for page_id, (page, source) in guide.items():
        for i, ref in enumerate(page.measures):
            if ref not in measure_ids and ref not in categories:
                problems.append(source.problem(("measures", i), msg("measure_unknown", ref=ref)))
        for i, ref in enumerate(page.forms):
            if ref not in forms:
                problems.append(source.problem(("forms", i), msg("form_unknown", id=ref)))
        for section in page.all_sections():
            if section.id in anchors and anchors[section.id] != page_id or section.id == page_id:
                problems.append(Problem(source.file, None, ("sections",), msg(
                    "anchor_used", id=section.id, page=anchors.get(section.id, page_id))))
            anchors[section.id] = page_id
    for form, source in forms.values():
        if form.guide and form.guide not in guide:
            problems.append(source.problem(("guide",), msg("guide_file_unknown", id=form.guide)))
        problems += check_form_ids(form, source)
        if form.carry_forward and form.carry_forward.source not in forms:
            problems.append(source.problem(("carry_forward", "source"),
                                           msg("form_unknown", id=form.carry_forward.source)))
    for ci, category in enumerate(bank.categories):
        for ti, tool in enumerate(category.tools):
            if tool not in forms:
                problems.append(bank_source.problem(("categories", ci, "tools", ti),
                                                    msg("form_unknown", id=tool)))
    return problems


def check_form_ids(form: FormDef, source: Source) -> list[Problem]:
    problems = []
    sections: set[str] = set()
    for si, section in enumerate(form.sections):
        if section.id in sections:
            problems.append(source.problem(("sections", si, "id"),
                                           msg("anchor_used_in_form", id=section.id)))
        sections.add(section.id)
        ids: set[str] = set()
        for fi, fdef in enumerate(section.fields):
            if fdef.id in ids:
                problems.append(source.problem(("sections", si, "fields", fi, "id"),
                                               msg("field_used", id=fdef.id)))
            ids.add(fdef.id)
    return problems


def check_process(process: ProcessMap, source: Source, guide: dict[str, GuidePage],
                  forms: dict[str, Any]) -> list[Problem]:
    problems = []
    anchors = {s.id for page in guide.values() for s in page.all_sections()}
    for kind in ("steps", "branches"):
        for i, step in enumerate(getattr(process, kind)):
            page_id, _, anchor = step.page.partition("#")
            if page_id not in guide or anchor and anchor not in anchors:
                problems.append(source.problem((kind, i, "page"),
                                               msg("guide_page_unknown", page=step.page)))
            for j, form_id in enumerate(step.forms):
                if form_id not in forms:
                    problems.append(source.problem((kind, i, "forms", j),
                                                   msg("form_unknown", id=form_id)))
            for j, tool in enumerate(step.tools):
                if tool == "absence_check" and not absence_check_section(guide):
                    problems.append(source.problem((kind, i, "tools", j),
                                                   msg("no_absence_check")))
    return problems


def shown(section: Section, settings: Settings) -> bool:
    """A guide section that shows the edition's partner services is left out of an edition
    that lists none (its text leads into the list), on the site and in the guide PDF."""
    return not (section.include == "partner_services" and not settings.partner_services)


def absence_check_section(guide: dict[str, GuidePage]) -> tuple[str, str] | None:
    """(page id, section id) of the guide section that holds the absence check, if any."""
    for page_id, page in guide.items():
        for section in page.all_sections():
            if section.include == "absence_check":
                return page_id, section.id
    return None


def check_hidden_measures(bank: MeasureBank, settings: Settings, source: MergedSource,
                          lang: Lang) -> list[Problem]:
    known = {m.id for m in bank.all_measures()}
    return [source.problem(("hidden_measures", i), msg("hidden_unknown", lang, id=measure_id))
            for i, measure_id in enumerate(settings.hidden_measures) if measure_id not in known]


def check_local_text(settings: Settings, guide: dict[str, GuidePage], source: MergedSource,
                     lang: Lang) -> list[Problem]:
    anchors = {s.id for page in guide.values() for s in page.all_sections()}
    left_out = {sub.id for page in guide.values() for s in page.all_sections()
                if not shown(s, settings) for sub in s.walk()}
    problems = []
    for i, item in enumerate(settings.local_text):
        path = ("local_text", i, "section")
        if item.section not in anchors:
            problems.append(source.problem(path, msg("section_unknown", lang, id=item.section)))
        elif item.section in left_out:  # its text would vanish with the section
            problems.append(source.problem(path, msg("section_left_out", lang, id=item.section,
                                                     key="partner_services")))
    return problems


def check_logo(settings: Settings, settings_file: Path, source: MergedSource,
               lang: Lang) -> list[Problem]:
    path = logo_path(settings, settings_file)
    if path is None:
        return []
    file, line = source.locate(("logo",))
    if not path.is_file():
        return [Problem(file, line, ("logo",), msg("logo_missing", lang, path=path))]
    if path.suffix.lower() not in LOGO_TYPES:
        return [Problem(file, line, ("logo",), msg("logo_type", lang, name=path.name))]
    return []


def check_parents(
    parents: tuple[ParentsData, Source],
    registry: tuple[LanguageRegistry, Source],
    translations: dict[str, tuple[TranslationFile, Source]],
    forms: dict[str, Any],
    settings: Settings,
    settings_source: MergedSource,
    lang: Lang,
) -> list[Problem]:
    """Parent material: documents name existing forms, languages are known, translation files
    name their own language, and the settings choose only known languages."""
    problems = []
    data, source = parents
    ids: set[str] = set()
    for i, ref in enumerate(data.documents):
        if ref.id in ids:
            problems.append(source.problem(("documents", i, "id"), msg("used_before", id=ref.id)))
        ids.add(ref.id)
        if ref.form is not None and ref.form not in forms:
            problems.append(source.problem(("documents", i, "form"),
                                           msg("form_unknown", id=ref.form)))
    languages, registry_source = registry
    codes: list[str] = []
    for i, language in enumerate(languages.root):
        if language.code in codes or language.code in ("nb", "nn"):
            problems.append(registry_source.problem((i, "code"),
                                                    msg("language_used", code=language.code)))
        codes.append(language.code)
    for stem, (tfile, tsource) in translations.items():
        if tfile.language != stem:
            problems.append(tsource.problem(("language",), msg(
                "language_file_name", stem=stem, given=tfile.language)))
        elif stem not in codes:
            problems.append(tsource.problem(("language",),
                                            msg("language_not_registered", code=stem)))
    for i, code in enumerate(settings.parent_languages or []):
        if code not in codes:
            problems.append(settings_source.problem(
                ("parent_languages", i),
                msg("language_unknown", lang, code=code, codes=", ".join(codes))))
    return problems
