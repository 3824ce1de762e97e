"""Load one edition (municipality × målform): settings overlay, content, forms — validated.

This is the one place where local settings are applied. Everything downstream (site pages,
form PDFs, the whole-guide PDF) reads the :class:`Edition` and never the raw files.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, get_origin

import jinja2
from markupsafe import Markup
from pydantic import BaseModel, RootModel
from pydantic.fields import FieldInfo

from . import DATA_DIR, DEFAULT_SETTINGS, FORMS_DIR
from .consent import (
    ConsentService,
    ServiceCatalogue,
    check_catalogue,
    check_services,
    law_entries,
    resolve_services,
    service_entries,
)
from .errors import DataError, Problem
from .form_model import FormDef
from .language import check_settings_file
from .markup import (
    SettingMarkdown,
    SettingText,
    SettingToken,
    as_markup,
    neutralise_markdown,
)
from .messages import msg
from .models import GuidePage, LawData, LawRef, Measure, MeasureBank, ProcessMap, Section, UiStrings
from .parents import (
    Document,
    Frame,
    LanguageRegistry,
    ParentLanguage,
    ParentMaterial,
    ParentsData,
    Part,
    TranslationFile,
    audit,
    build_documents,
    isolate_numbers,
    resolve_document,
    rtl_context,
)
from .settings import MARKDOWN, Settings, overlay
from .text import Lang, Text, plain
from .validation import validate
from .yamlsource import MergedSource, Source, load_settings_yaml, load_yaml

log = logging.getLogger("naervaer")

SETTINGS_ENV = "NAERVAER_SETTINGS"


@dataclass
class Edition:
    settings_file: Path
    settings: Settings
    lang: Lang
    s: dict[str, Any]
    bank: MeasureBank
    guide: dict[str, GuidePage]
    law: dict[str, LawRef]
    forms: dict[str, FormDef]
    ui: dict[str, Text]
    process: ProcessMap
    data_dir: Path = DATA_DIR
    inputs: list[Path] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)
    parents: ParentMaterial | None = None

    def t(self, key: str) -> Markup:
        """A UI string in the edition's målform: resolved text is markup source (settings
        values in it are already escaped), so it is never escaped again."""
        return Markup(self.ui[key].value)

    @cached_property
    def fingerprint(self) -> str:
        """Hash of every input file and the settings: what the outputs depend on."""
        digest = hashlib.sha256()
        for path in sorted(self.inputs):
            digest.update(str(path).encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()[:16]

    def measures(self) -> list[Measure]:
        return self.bank.all_measures()


def settings_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Which settings file to use: an explicit path, else ``$NAERVAER_SETTINGS``, else default."""
    chosen = explicit or os.environ.get(SETTINGS_ENV) or DEFAULT_SETTINGS
    return Path(chosen).resolve()


def load_settings_defaults(lang: Lang, data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """The default settings, resolved to one målform (for the editors' reference)."""
    return plain(load_yaml(data_dir / "settings-defaults.yml").data, lang)


def load_settings(file: Path, data_dir: Path = DATA_DIR) -> tuple[Settings, MergedSource]:
    defaults = load_yaml(data_dir / "settings-defaults.yml")
    # an editor who writes nynorsk gets the messages in nynorsk
    local, lang = load_settings_yaml(file)
    if local.data is None:
        local.data = {}
    if not isinstance(local.data, dict):
        raise DataError([Problem(file, 1, (), msg("expected_settings", lang))], lang)
    merged = MergedSource([defaults, local], overlay(defaults.data, local.data))
    lang = "nn" if local.data.get("language") == "nn" else "nb"
    return validate(Settings, merged, lang=lang), merged


def load_edition(
    settings_file: str | os.PathLike[str] | None = None,
    data_dir: Path = DATA_DIR,
    forms_dir: Path = FORMS_DIR,
) -> Edition:
    """Load, overlay, validate and resolve everything for one edition, or raise DataError."""
    file = settings_path(settings_file)
    settings, settings_source = load_settings(file, data_dir)
    lang: Lang = settings.language
    problems: list[Problem] = []
    inputs = [data_dir / "settings-defaults.yml", file]

    def load(path: Path, model: type[BaseModel]) -> tuple[Any, Source] | None:
        inputs.append(path)
        try:
            source = load_yaml(path)
            return validate(model, source), source
        except DataError as exc:
            problems.extend(exc.problems)
            return None

    bank_loaded = load(data_dir / "measures.yaml", MeasureBank)
    law_loaded = load(data_dir / "law.yaml", LawData)
    ui_loaded = load(data_dir / "ui.yaml", UiStrings)
    process_loaded = load(data_dir / "process.yaml", ProcessMap)
    guide_loaded = {p.stem: load(p, GuidePage) for p in sorted((data_dir / "guide").glob("*.yaml"))}
    forms_loaded = {p.stem: load(p, FormDef) for p in sorted(forms_dir.glob("*.yaml"))}
    languages_loaded = load(data_dir / "languages.yaml", LanguageRegistry)
    parents_loaded = load(data_dir / "parents.yaml", ParentsData)
    services_loaded = load(data_dir / "services.yaml", ServiceCatalogue)
    translations_loaded = {p.stem: load(p, TranslationFile)
                           for p in sorted((data_dir / "translations").glob("*.yaml"))}
    if problems:
        raise DataError(problems)
    assert bank_loaded and law_loaded and ui_loaded and process_loaded

    bank, bank_source = bank_loaded
    problems += check_bank(bank, bank_source)
    law_data, law_source = law_loaded
    problems += [law_source.problem(path, text) for path, text in law_data.link()]
    law = {ref.id: ref for ref in law_data.refs}
    guide: dict[str, GuidePage] = {}
    for page_id, loaded in guide_loaded.items():
        assert loaded
        loaded[0].id = page_id
        guide[page_id] = loaded[0]
    forms: dict[str, FormDef] = {}
    for form_id, loaded in forms_loaded.items():
        assert loaded
        loaded[0].id = form_id
        loaded[0].source_file = loaded[1].file
        forms[form_id] = loaded[0]
    problems += check_references(bank, guide, forms, guide_loaded, forms_loaded, bank_source)
    problems += check_process(process_loaded[0], process_loaded[1], guide, forms)
    problems += apply_local_measures(bank, settings, settings_source, lang)
    problems += check_local_text(settings, guide, settings_source, lang)
    problems += check_logo(settings, file, settings_source, lang)
    assert languages_loaded and parents_loaded and services_loaded
    catalogue = services_loaded[0]
    problems += check_catalogue(catalogue, services_loaded[1])
    services = resolve_services(settings.consent_services, catalogue, lang)
    problems += check_parents(parents_loaded, languages_loaded, translations_loaded, forms,
                              settings, settings_source, lang, services)
    if problems:
        raise DataError(problems, lang)

    leave_out_empty_includes(guide, settings)
    s = settings_values(settings, lang)
    # the names on the Norwegian form (a catalogue id stands under the catalogue's name)
    s["consent_services"] = [SettingText(service.name) for service in services]
    edition = Edition(
        settings_file=file,
        settings=settings,
        lang=lang,
        s=s,
        bank=bank,
        guide=dict(sorted(guide.items(), key=lambda kv: (kv[1].order, kv[0]))),
        law=law,
        forms=forms,
        ui=ui_loaded[0].root,
        process=process_loaded[0],
        data_dir=data_dir,
        inputs=inputs,
    )
    resolver = Resolver(edition)
    sources: list[tuple[Any, Source]] = [bank_loaded, law_loaded, ui_loaded, process_loaded]
    sources += [v for v in guide_loaded.values() if v]
    sources += [v for v in forms_loaded.values() if v]
    sources += [languages_loaded, parents_loaded, services_loaded]
    for model, source in sources:
        resolver.resolve_all(model, source)
    resolver.resolve_local()
    if resolver.problems:
        raise DataError(resolver.problems)
    warn_local_language(file, data_dir, lang)
    laws = [ref for ref in law.values() if ref.group == "taushetsplikt"]
    edition.parents = resolve_parents(
        edition, resolver, build_documents(parents_loaded[0], forms, catalogue, laws),
        languages_loaded[0], {code: loaded for code, loaded in translations_loaded.items()
                              if loaded}, services)
    if resolver.problems:
        raise DataError(resolver.problems)
    for warning in edition.parents.warnings:
        log.warning(warning)
    if edition.untranslated:
        log.warning(msg("untranslated", lang, n=len(edition.untranslated)))
    return edition


def warn_local_language(file: Path, data_dir: Path, lang: Lang) -> list[str]:
    """Spelling and house style of the editors' own texts in the settings file: logged as
    warnings, never a failed build (the project's own texts are held to it by the tests)."""
    if file.resolve() == DEFAULT_SETTINGS.resolve():
        return []
    warnings = [f.describe(lang) for f in check_settings_file(file, data_dir)]
    for warning in warnings:
        log.warning(msg("language_warning", lang, finding=warning))
    return warnings


def settings_values(model: BaseModel, lang: Lang) -> dict[str, Any]:
    """The settings as every renderer sees them (``edition.s``): one målform, and each text
    value wrapped so that it stays text, never markup, wherever it is substituted —
    :class:`SettingText` for free text, :class:`SettingMarkdown` for fields marked
    ``MARKDOWN``, :class:`SettingToken` for values whose form a pattern has checked."""

    def wrap(value: Any, info: FieldInfo) -> Any:
        if isinstance(value, Text):
            value = value.raw(lang)
        elif isinstance(value, BaseModel):
            return settings_values(value, lang)
        elif isinstance(value, list):
            return [wrap(item, info) for item in value]
        if not isinstance(value, str):
            return value
        if MARKDOWN in info.metadata:
            return SettingMarkdown(value)
        checked = get_origin(info.annotation) is Literal or any(
            getattr(m, "pattern", None) for m in info.metadata)
        if checked:  # a pattern or a fixed set of values: no markup can hide in it
            return SettingToken(value)
        return SettingText(value)

    return {name: wrap(getattr(model, name), info)
            for name, info in type(model).model_fields.items()}


def check_bank(bank: MeasureBank, source: Source) -> list[Problem]:
    problems = []
    numbers = [c.id for c in bank.categories]
    if numbers != list(range(1, 13)):
        problems.append(source.problem(
            ("categories",), f"forventet kategoriene 1–12 i rekkefølge, fant {numbers}"))
    seen: dict[str, tuple[int, int]] = {}
    slugs: set[str] = set()
    for ci, category in enumerate(bank.categories):
        if category.slug in slugs:
            problems.append(source.problem(("categories", ci, "slug"),
                                           f"slug «{category.slug}» er brukt før"))
        slugs.add(category.slug)
        local_ids: set[str] = set()
        for mi, measure in enumerate(category.measures):
            path = ("categories", ci, "measures", mi, "id")
            if measure.id in seen:
                first = seen[measure.id]
                first_line = source.line_of(("categories", first[0], "measures", first[1], "id"))
                problems.append(source.problem(
                    path, f"ID «{measure.id}» er brukt før (linje {first_line}); "
                          "hver ID må være unik"))
            seen[measure.id] = (ci, mi)
            if measure.category != category.id:
                problems.append(source.problem(
                    path, f"ID «{measure.id}» må begynne med kategorinummeret «{category.id}.»"))
            if measure.parent is not None and measure.parent not in local_ids:
                problems.append(source.problem(
                    ("categories", ci, "measures", mi, "parent"),
                    f"forventet ID-en til et tiltak tidligere i samme kategori, "
                    f"fikk «{measure.parent}»"))
            local_ids.add(measure.id)
    return problems


def check_references(
    bank: MeasureBank,
    guide: dict[str, GuidePage],
    forms: dict[str, FormDef],
    guide_loaded: dict[str, Any],
    forms_loaded: dict[str, Any],
    bank_source: Source,
) -> list[Problem]:
    problems = []
    measure_ids = {m.id for m in bank.all_measures()}
    categories = {str(c.id) for c in bank.categories}
    anchors: dict[str, str] = {}
    for page_id, page in guide.items():
        source = guide_loaded[page_id][1]
        for i, ref in enumerate(page.measures):
            if ref not in measure_ids and ref not in categories:
                path = ("measures", i)
                problems.append(source.problem(path, f"fant ikke tiltak eller kategori «{ref}»"))
        for i, ref in enumerate(page.forms):
            if ref not in forms:
                path = ("forms", i)
                problems.append(source.problem(path, f"fant ikke skjemaet forms/{ref}.yaml"))
        for section in page.all_sections():
            if section.id in anchors and anchors[section.id] != page_id or section.id == page_id:
                problems.append(Problem(source.file, None, ("sections",),
                                        f"avsnitts-id «{section.id}» er brukt før "
                                        f"(i {anchors.get(section.id, page_id)})"))
            anchors[section.id] = page_id
    for form_id, form in forms.items():
        source = forms_loaded[form_id][1]
        if form.guide and form.guide not in guide:
            problems.append(source.problem(
                ("guide",), f"fant ikke veiledersiden data/guide/{form.guide}.yaml"))
        problems += check_form_ids(form, source)
    for ci, category in enumerate(bank.categories):
        for ti, tool in enumerate(category.tools):
            if tool not in forms:
                path = ("categories", ci, "tools", ti)
                problems.append(bank_source.problem(path, f"fant ikke skjemaet forms/{tool}.yaml"))
    return problems


def check_process(
    process: ProcessMap, source: Source, guide: dict[str, GuidePage], forms: dict[str, FormDef]
) -> list[Problem]:
    problems = []
    anchors = {s.id for page in guide.values() for s in page.all_sections()}
    for kind in ("steps", "branches"):
        for i, step in enumerate(getattr(process, kind)):
            page_id, _, anchor = step.page.partition("#")
            if page_id not in guide or anchor and anchor not in anchors:
                path = (kind, i, "page")
                problems.append(source.problem(path, f"fant ikke veiledersiden «{step.page}»"))
            for j, form_id in enumerate(step.forms):
                if form_id not in forms:
                    path = (kind, i, "forms", j)
                    problems.append(source.problem(path,
                                                   f"fant ikke skjemaet forms/{form_id}.yaml"))
            for j, tool in enumerate(step.tools):
                if tool == "absence_check" and not absence_check_section(guide):
                    path = (kind, i, "tools", j)
                    problems.append(source.problem(path, "ingen side i veilederen har "
                                                   "avsnittet med «include: absence_check»"))
    return problems


def shown(section: Section, settings: Settings) -> bool:
    """A guide section that shows the edition's partner services is left out of an edition
    that lists none (its text leads into the list), on the site and in the guide PDF."""
    return not (section.include == "partner_services" and not settings.partner_services)


def leave_out_empty_includes(guide: dict[str, GuidePage], settings: Settings) -> None:
    """Drop the sections :func:`shown` leaves out (with their subsections)."""

    def prune(sections: list[Section]) -> list[Section]:
        kept = [s for s in sections if shown(s, settings)]
        for s in kept:
            s.sections = prune(s.sections)
        return kept

    for page in guide.values():
        page.sections = prune(page.sections)


def absence_check_section(guide: dict[str, GuidePage]) -> tuple[str, str] | None:
    """(page id, section id) of the guide section that holds the absence check, if any."""
    for page in guide.values():
        for section in page.all_sections():
            if section.include == "absence_check":
                return page.id, section.id
    return None


def check_form_ids(form: FormDef, source: Source) -> list[Problem]:
    problems = []
    sections: set[str] = set()
    for si, section in enumerate(form.sections):
        if section.id in sections:
            path = ("sections", si, "id")
            problems.append(source.problem(path,
                                           f"avsnitts-id «{section.id}» er brukt før i skjemaet"))
        sections.add(section.id)
        ids: set[str] = set()
        for fi, fdef in enumerate(section.fields):
            if fdef.id in ids:
                path = ("sections", si, "fields", fi, "id")
                problems.append(source.problem(path,
                                               f"felt-id «{fdef.id}» er brukt før i avsnittet"))
            ids.add(fdef.id)
    return problems


def apply_local_measures(
    bank: MeasureBank, settings: Settings, source: MergedSource, lang: Lang = "nb"
) -> list[Problem]:
    """Add the municipality's own measures (IDs ``<category>.L<n>``) and hide measures by ID."""
    problems = []
    counters: dict[int, int] = {}
    for local in settings.local_measures:
        category = bank.category(local.category)
        counters[local.category] = counters.get(local.category, 0) + 1
        text = local.text if isinstance(local.text, Text) else Text(nb=local.text, nn=local.text)
        category.measures.append(
            Measure(
                id=f"{local.category}.L{counters[local.category]}",
                text=text,
                actors=local.actors,
                decision=local.decision,
                local=True,
            )
        )
    known = {m.id for m in bank.all_measures()}
    hidden = set(settings.hidden_measures)
    for i, measure_id in enumerate(settings.hidden_measures):
        if measure_id not in known:
            path = ("hidden_measures", i)
            problems.append(source.problem(path, msg("hidden_unknown", lang, id=measure_id)))
    for category in bank.categories:
        category.measures = [m for m in category.measures if m.id not in hidden]
        # a sub-point whose parent is hidden becomes a measure of its own
        for m in category.measures:
            if m.parent in hidden:
                m.parent = None
    return problems


def check_local_text(
    settings: Settings, guide: dict[str, GuidePage], source: MergedSource, lang: Lang = "nb"
) -> list[Problem]:
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


LOGO_TYPES = {".png", ".jpg", ".jpeg", ".svg"}


def logo_path(settings: Settings, settings_file: Path) -> Path | None:
    return (settings_file.parent / settings.logo).resolve() if settings.logo else None


def check_logo(
    settings: Settings, settings_file: Path, source: MergedSource, lang: Lang = "nb"
) -> list[Problem]:
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
    parents_loaded: tuple[ParentsData, Source],
    languages_loaded: tuple[LanguageRegistry, Source],
    translations: dict[str, tuple[TranslationFile, Source] | None],
    forms: dict[str, FormDef],
    settings: Settings,
    settings_source: MergedSource,
    lang: Lang,
    services: list[ConsentService] | None = None,
) -> list[Problem]:
    """Parent material: documents name existing forms, languages are known, translation files
    name their own language, and the settings choose only known languages (and translate
    local consent services into known languages only)."""
    problems = []
    data, source = parents_loaded
    ids: set[str] = set()
    for i, ref in enumerate(data.documents):
        if ref.id in ids:
            problems.append(source.problem(("documents", i, "id"), f"«{ref.id}» er brukt før"))
        ids.add(ref.id)
        if ref.form is not None and ref.form not in forms:
            problems.append(source.problem(("documents", i, "form"),
                                           f"fant ikke skjemaet forms/{ref.form}.yaml"))
    registry, registry_source = languages_loaded
    codes: list[str] = []
    for i, language in enumerate(registry.root):
        if language.code in codes or language.code in ("nb", "nn"):
            problems.append(registry_source.problem(
                (i, "code"), f"språkkoden «{language.code}» er brukt før"))
        codes.append(language.code)
    for stem, loaded in translations.items():
        if loaded is None:
            continue
        tfile, tsource = loaded
        if tfile.language != stem:
            problems.append(tsource.problem(("language",), f"forventet «{stem}» (filnavnet), "
                                                           f"fikk «{tfile.language}»"))
        elif stem not in codes:
            problems.append(tsource.problem(
                ("language",), f"språket «{stem}» mangler i data/languages.yaml"))
    for i, code in enumerate(settings.parent_languages or []):
        if code not in codes:
            problems.append(settings_source.problem(
                ("parent_languages", i),
                msg("language_unknown", lang, code=code, codes=", ".join(codes))))
    problems += check_services(services or [], codes, settings_source, lang)
    return problems


def resolve_parents(
    edition: Edition,
    resolver: Resolver,
    documents: list[Document],
    registry: LanguageRegistry,
    translations: dict[str, tuple[TranslationFile, Source]],
    services: list[ConsentService] | None = None,
) -> ParentMaterial:
    """Resolve the parent material: the Norwegian one-page text, and every document in every
    language the settings choose, if its translation is complete (and reviewed, when the
    settings publish reviewed translations only). What is left out is reported as a warning,
    and so is a local consent service without a translation into a published language."""
    settings = edition.settings
    t = edition.t
    laws = [ref for ref in edition.law.values() if ref.group == "taushetsplikt"]
    words = {"other": t("form.other"), "place": t("form.place"), "date": t("form.date"),
             "signature": t("form.signature"),
             "name_in_print": t("form.name_in_print").capitalize(),
             "in_norwegian": t("parents.in_norwegian"), "download_pdf": t("parents.download"),
             "pdf_page": t("pdf.page"), "pdf_of": t("pdf.of"), "notice": t("parents.notice")}
    norwegian = Frame(edition.lang, "ltr", "Noto Sans", words, [], [])
    page_doc = next(d for d in documents if d.ref.form is None)
    page = resolve_document(page_doc, norwegian, lambda part: part.source.value,
                            edition.lang)
    warnings: list[str] = []
    lang = edition.lang  # warnings in the målform of the edition being built
    wanted = settings.parent_languages
    languages: list[ParentLanguage] = []
    missing_local: dict[str, list[str]] = {}  # local consent service → languages it lacks
    for language in registry.root:
        if wanted is not None and language.code not in wanted:
            continue
        loaded = translations.get(language.code)
        if loaded is None:
            warnings.append(msg("parents_no_file", lang, code=language.code,
                                path=f"data/translations/{language.code}.yaml"))
            continue
        tfile, tsource = loaded
        status = audit(documents, tfile)
        if status.missing_ui:
            warnings.append(msg("parents_missing_ui", lang, file=tsource.file.name,
                                keys=", ".join(status.missing_ui), section="ui"))
            continue
        rtl = language.dir == "rtl"
        context = rtl_context(edition.s, resolver.lov) if rtl else {}

        def render(raw: str, path: tuple, tsource: Source = tsource, rtl: bool = rtl,
                   context: dict[str, Any] = context, **extra: Any) -> str:
            text = resolver.render_at(raw, tsource, path, **context, **extra)
            return isolate_numbers(text) if rtl else text

        ui = {k: render(v, ("ui", k)).strip() for k, v in tfile.ui.items()
              if k != "companion_note"}

        def item_text(key: str, tfile: TranslationFile = tfile, render: Any = render) -> str:
            item = tfile.items.get(key)
            return "" if item is None else render(item.text, ("items", key, "text")).strip()

        entries, untranslated = service_entries(services or [], language.code, item_text,
                                                ui["not_translated"])
        frame = Frame(language.code, language.dir, language.font, ui, entries,
                      law_entries(laws, item_text, edition.lang))
        docs = []
        for doc in documents:
            missing = status.missing[doc.ref.id]
            if missing:
                warnings.append(msg(
                    "parents_doc_missing", lang, file=tsource.file.name, doc=doc.ref.id,
                    code=language.code, n=len(missing),
                    keys=", ".join(missing[:3]) + (" …" if len(missing) > 3 else "")))
                continue
            stale = status.stale[doc.ref.id]
            for key in stale:
                warnings.append(msg("parents_stale", lang, file=tsource.file.name, key=key))
            reviewed = not stale and not status.unreviewed[doc.ref.id]
            if settings.parent_reviewed_only and not reviewed:
                warnings.append(msg("parents_unreviewed", lang, file=tsource.file.name,
                                    doc=doc.ref.id, code=language.code,
                                    setting="parent_reviewed_only"))
                continue

            def text_of(part: Part, tfile: TranslationFile = tfile, render: Any = render) -> str:
                assert part.key is not None
                return str(render(tfile.items[part.key].text, ("items", part.key, "text")))

            resolved = resolve_document(doc, frame, text_of, language.code)
            resolved.reviewed = reviewed
            if any(p.role == "services" for p in doc.parts):
                for name in untranslated:
                    missing_local.setdefault(name, []).append(language.code)
            if doc.ref.companion:
                resolved.note = render(tfile.ui["companion_note"], ("ui", "companion_note"),
                                       form=doc.title.value).strip()
            docs.append(resolved)
        for key in status.unused:
            warnings.append(msg("parents_unused", lang, file=tsource.file.name, key=key))
        if docs:
            languages.append(ParentLanguage(
                code=language.code, name=language.name, norwegian=language.norwegian.value,
                dir=language.dir, font=language.font, ui=ui, docs=docs))
    warnings += [msg("parents_service_untranslated", lang, name=name, codes=", ".join(codes))
                 for name, codes in missing_local.items()]
    return ParentMaterial(page=page, languages=languages, warnings=warnings)


class Resolver:
    """Render every text of the edition once: pick the målform, fill in local values."""

    def __init__(self, edition: Edition):
        self.edition = edition
        self.problems: list[Problem] = []
        # every placeholder goes in as markup source: a settings value escaped as text
        self.env = jinja2.Environment(
            undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True,
            finalize=as_markup,
        )
        self.env.globals.update(s=edition.s, lov=self.lov)
        self._compiled: dict[str, jinja2.Template] = {}

    def lov(self, ref_id: str) -> str:
        ref = self.edition.law.get(ref_id)
        if ref is None:
            raise KeyError(f"lovhenvisningen «{ref_id}» finnes ikke i data/law.yaml")
        label = f"{ref.act_name.raw(self.edition.lang)} {ref.section}"
        return f"[{label}]({ref.url})"

    def render(self, raw: str, **context: Any) -> str:
        if "{{" not in raw and "{%" not in raw:
            return raw
        template = self._compiled.get(raw)
        if template is None:
            template = self._compiled[raw] = self.env.from_string(raw)
        return template.render(**context)

    def render_at(self, raw: str, source: Source, path: tuple, **context: Any) -> str:
        """Render a text from ``source`` (a translation); a problem names file, line and key."""
        try:
            return self.render(raw, **context)
        except (jinja2.TemplateError, KeyError) as exc:
            message = getattr(exc, "message", None) or str(exc)
            if isinstance(exc, jinja2.UndefinedError):
                message = f"ukjent plassholder: {message} (se tabellen i data/README.md)"
            self.problems.append(source.problem(path, message))
            return raw

    def resolve_all(self, model: Any, source: Source) -> None:
        lang = self.edition.lang
        for text, path in walk_texts(model, ()):
            self.resolve(text, path, source.file, source.line_of(path + (lang,)))

    def resolve(self, text: Text, path: tuple, file: Path, line: int | None) -> None:
        lang = self.edition.lang
        if text.missing(lang):
            self.edition.untranslated.append(f"{file.name}: {'.'.join(map(str, path))}")
        try:
            text.set_value(self.render(text.raw(lang)))
        except (jinja2.TemplateError, KeyError) as exc:
            message = getattr(exc, "message", None) or str(exc)
            if isinstance(exc, jinja2.UndefinedError):
                message = f"ukjent plassholder: {message} (se tabellen i data/README.md)"
            self.problems.append(Problem(file, line, path + (lang,), message))

    def resolve_local(self) -> None:
        """Texts that came from settings (local measures) are the editor's markdown: no
        placeholders are filled in, and nothing but formatting survives."""
        for measure in self.edition.bank.all_measures():
            if measure.local:
                measure.text.set_value(neutralise_markdown(measure.text.raw(self.edition.lang)))


def walk_texts(value: Any, path: tuple) -> Iterator[tuple[Text, tuple]]:
    if isinstance(value, Text):
        yield value, path
    elif isinstance(value, RootModel):
        yield from walk_texts(value.root, path)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from walk_texts(getattr(value, name), path + (name,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from walk_texts(item, path + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk_texts(item, path + (key,))
