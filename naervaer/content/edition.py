"""The edition: one municipality × målform, loaded, checked and resolved — frozen.

``load_edition`` runs the pipeline once: **sources** (YAML with positions) → **schema**
(each file validated) → **checks** (across files and against the settings) → **resolve**
(settings applied, every text rendered for the målform, parent material assembled) →
:class:`Edition`. Renderers (site, PDFs, browser tools, the command) read only the Edition,
and nothing changes it after it is made. A broken file stops the load with every problem
(file, line, key path, what was expected) before anything is written.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from markupsafe import Markup
from pydantic import BaseModel

from .. import DATA_DIR, DEFAULT_SETTINGS, FORMS_DIR
from ..errors import DataError, Problem
from ..markup import SettingText
from ..messages import msg
from ..text import Lang, Text
from . import checks
from .absence import concern_values, rule_kind
from .consent import check_catalogue, check_services, resolve_services
from .parent_docs import build_documents
from .parents import ParentMaterial, resolve_parents
from .resolve import Resolver, link_law, prepare_bank, prune_guide
from .schema.bank import Measure, MeasureBank
from .schema.forms import FormDef
from .schema.guide import GuidePage, ProcessMap, UiStrings
from .schema.law import LawData, LawRef
from .schema.parents import LanguageRegistry, ParentsData, TranslationFile
from .schema.services import ServiceCatalogue
from .schema.settings import Settings
from .settings_file import load_settings
from .sources import Source, load_yaml
from .spelling import check_settings_file
from .validate import validate
from .values import settings_values, unset_facts

log = logging.getLogger("naervaer")
# a line to write on, in markdown (escaped underscores: never emphasis)
WRITE_LINE = "\\_" * 24
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
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
    parents: ParentMaterial
    data_dir: Path = DATA_DIR
    inputs: tuple[Path, ...] = ()
    untranslated: list[str] = field(default_factory=list)  # texts shown in bokmål for nynorsk
    draft: bool = False  # built before every local fact is set: marked «Utkast» everywhere
    unset: tuple[tuple[str, ...], ...] = ()  # key paths of the local facts not set yet

    @property
    def banner(self) -> Markup | None:
        """What every page and PDF of a draft or an example edition says about itself."""
        parts = [self.t(key) for key, on in (("banner.draft", self.draft),
                                              ("banner.example", self.settings.example)) if on]
        return Markup(" ").join(parts) if parts else None

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


class _Loader:
    """Loads and validates files, collecting every problem before anything stops."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.inputs: list[Path] = []

    def __call__(self, path: Path, model: type[M]) -> tuple[M, Source] | None:
        self.inputs.append(path)
        try:
            source = load_yaml(path)
            return validate(model, source), source
        except DataError as exc:
            self.problems.extend(exc.problems)
            return None

    def each(self, folder: Path, model: type[M]) -> dict[str, tuple[M, Source] | None]:
        return {p.stem: self(p, model) for p in sorted(folder.glob("*.yaml"))}


def load_edition(
    settings_file: str | Path = DEFAULT_SETTINGS,
    data_dir: Path = DATA_DIR,
    forms_dir: Path = FORMS_DIR,
    draft: bool = False,
) -> Edition:
    """Load, check and resolve everything for one edition, or raise DataError. ``draft``:
    the edition is built before every local fact is set (its pages and PDFs say so)."""
    file = Path(settings_file).resolve()
    settings, settings_source = load_settings(file, data_dir)
    lang: Lang = settings.language
    load = _Loader()
    load.inputs += [data_dir / "settings-defaults.yml", file]

    # -- sources and schema ------------------------------------------------------------
    bank_l = load(data_dir / "measures.yaml", MeasureBank)
    law_l = load(data_dir / "law.yaml", LawData)
    ui_l = load(data_dir / "ui.yaml", UiStrings)
    process_l = load(data_dir / "process.yaml", ProcessMap)
    guide_l = load.each(data_dir / "guide", GuidePage)
    forms_l = load.each(forms_dir, FormDef)
    registry_l = load(data_dir / "languages.yaml", LanguageRegistry)
    parents_l = load(data_dir / "parents.yaml", ParentsData)
    services_l = load(data_dir / "services.yaml", ServiceCatalogue)
    translations_l = load.each(data_dir / "translations", TranslationFile)
    if load.problems:
        raise DataError(load.problems)
    assert bank_l and law_l and ui_l and process_l and registry_l and parents_l and services_l
    guide = {k: (v[0].model_copy(update={"id": k}), v[1]) for k, v in guide_l.items() if v}
    forms = {k: (v[0].model_copy(update={"id": k, "source_file": v[1].file}), v[1])
             for k, v in forms_l.items() if v}
    translations = {k: v for k, v in translations_l.items() if v}

    # -- checks ------------------------------------------------------------------------
    bank, bank_source = bank_l
    pages = {k: page for k, (page, _) in guide.items()}
    problems = checks.check_bank(bank, bank_source)
    problems += checks.check_law(*law_l)
    problems += checks.check_references(bank, guide, forms, bank_source)
    problems += checks.check_process(process_l[0], process_l[1], pages, forms)
    problems += checks.check_hidden_measures(bank, settings, settings_source, lang)
    problems += checks.check_local_text(settings, pages, settings_source, lang)
    problems += checks.check_logo(settings, file, settings_source, lang)
    problems += checks.check_fictitious(settings, settings_source, lang)
    problems += checks.check_parents(parents_l, registry_l, translations, forms, settings,
                                     settings_source, lang)
    catalogue = services_l[0]
    services = resolve_services(settings.consent_services, catalogue, lang)
    problems += check_catalogue(catalogue, services_l[1])
    problems += check_services(services, [language.code for language in registry_l[0].root],
                               settings_source, lang)
    if problems:
        raise DataError(problems, lang)

    # -- resolve -----------------------------------------------------------------------
    s = settings_values(settings, lang)
    # the names on the Norwegian form (a catalogue id stands under the catalogue's name)
    s["consent_services"] = [SettingText(service.name) for service in services]
    s["concern"].update(concern_values(settings))
    # the school's number on the parents' sheet, or a line to write it on
    s["school_phone_line"] = s["school_phone"] or Markup(WRITE_LINE)
    resolver = Resolver(s, link_law(law_l[0]), lang)
    # the rule in words, once, for every text that states it ({{ s.concern.rule }})
    phrase = ui_l[0].root[phrase_key(settings)]
    s["concern"]["rule"] = Markup(resolver.text(phrase, ui_l[1], (phrase_key(settings),)).value)
    resolved_bank = resolver.tree(prepare_bank(bank, settings), bank_source)
    resolved_guide = {k: resolver.tree(prune_guide(page, settings), source)
                      for k, (page, source) in guide.items()}
    resolved_forms = {k: resolver.tree(form, source) for k, (form, source) in forms.items()}
    law = link_law(resolver.tree(*law_l))  # act names and checks resolved too
    ui = resolver.tree(ui_l[0], ui_l[1]).root
    process = resolver.tree(process_l[0], process_l[1])
    registry = resolver.tree(registry_l[0], registry_l[1])
    parents_data = resolver.tree(parents_l[0], parents_l[1])
    if resolver.problems:
        raise DataError(resolver.problems)

    def t(key: str) -> Markup:
        return Markup(ui[key].value)

    def render(raw: str, source: Source, path: tuple[Any, ...], **context: Any) -> str:
        return resolver.source_text(raw, source, path, **context)

    laws = [ref for ref in law.values() if ref.group == "taushetsplikt"]
    parents = resolve_parents(
        lang=lang, s=s, t=t, law=law, settings=settings, render=render,
        documents=build_documents(parents_data, resolved_forms, catalogue, laws),
        registry=registry, translations=translations, services=services, lov=resolver.lov)
    if resolver.problems:
        raise DataError(resolver.problems)
    warn_local_language(file, data_dir, lang)
    for warning in parents.warnings:
        log.warning(warning)
    if resolver.untranslated:
        log.warning(msg("untranslated", lang, n=len(resolver.untranslated)))
    return Edition(
        settings_file=file, settings=settings, lang=lang, s=s, bank=resolved_bank,
        guide=dict(sorted(resolved_guide.items(), key=lambda kv: (kv[1].order, kv[0]))),
        law=law, forms=resolved_forms, ui=ui, process=process, parents=parents,
        data_dir=data_dir, inputs=tuple(load.inputs),
        untranslated=resolver.untranslated, draft=draft, unset=tuple(unset_facts(settings)))


def phrase_key(settings: Settings) -> str:
    return f"concern.rule_{rule_kind(settings)}"


def warn_local_language(file: Path, data_dir: Path, lang: Lang) -> list[str]:
    """Spelling and house style of the editors' own texts in the settings file: logged as
    warnings, never a failed build (the project's own texts are held to it by the tests)."""
    if file.resolve() == DEFAULT_SETTINGS.resolve():
        return []
    warnings = [f.describe(lang) for f in check_settings_file(file, data_dir)]
    for warning in warnings:
        log.warning(msg("language_warning", lang, finding=warning))
    return warnings
