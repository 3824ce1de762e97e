"""The services a parent can tick on the consent form, and what a parent's language says
about each of them.

* ``data/services.yaml`` — the catalogue (:mod:`.schema.services`): the services common to
  Norwegian municipalities. Their translations are ordinary items of the consent companion
  sheet in ``data/translations/<code>.yaml`` (``services.<id>.name``,
  ``services.<id>.explain``), with fingerprints and review status.
* ``consent_services`` in the settings — the edition's list, in order: a catalogue id
  (``fastlege``), a Norwegian name (a name the catalogue knows gets its explanation and
  translations; any other name is a local service), or a local service with its own
  explanation and translations.

The law titles listed on the form (``group: taushetsplikt`` in ``data/law.yaml``) are items
of the same sheet: ``laws.<ref-id>.title``, translated from «act: title».
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import Problem
from ..markup import SettingText
from ..messages import msg
from ..text import Lang, Text
from .schema.law import LawRef
from .schema.services import CatalogueService, LocalService, ServiceCatalogue, ServiceWords
from .sources import MergedSource, Source


def check_catalogue(catalogue: ServiceCatalogue, source: Source) -> list[Problem]:
    """Ids and names are unique, so a name in the settings means one service."""
    problems = []
    seen: dict[str, str] = {}
    for i, entry in enumerate(catalogue.services):
        names = [entry.id, entry.name.nb, entry.name.nn or "", *entry.also]
        for j, name in enumerate(names):
            key = " ".join(name.split()).casefold()
            if not key:
                continue
            owner = seen.setdefault(key, entry.id)
            if owner != entry.id:
                path: tuple[str | int, ...] = ("services", i) + (("also", j - 3) if j >= 3
                                                                  else ())
                problems.append(source.problem(path, msg("service_name_used", name=name,
                                                         owner=owner)))
    return problems


@dataclass
class ConsentService:
    """One service on the edition's Norwegian consent form."""

    name: str                                # as on the Norwegian form (edition's målform)
    entry: CatalogueService | None = None    # the catalogue entry (None: a local service)
    explain: str | None = None               # a local service's own Norwegian explanation
    translations: dict[str, ServiceWords] = field(default_factory=dict)  # local: per language
    index: int = 0                           # its place in consent_services


def _text(value: str | Text, lang: Lang) -> str:
    return value.raw(lang) if isinstance(value, Text) else value


def resolve_services(items: list[str | Text | LocalService], catalogue: ServiceCatalogue,
                     lang: Lang) -> list[ConsentService]:
    """The settings' list as services: a catalogue id stands under the catalogue's name, a
    name stands as the edition writes it (so the form's field names stay the same)."""
    out = []
    for i, item in enumerate(items):
        if isinstance(item, LocalService):
            explain = None if item.explain is None else _text(item.explain, lang)
            out.append(ConsentService(_text(item.name, lang), None, explain,
                                      dict(item.translations), i))
            continue
        if isinstance(item, Text):
            entry = catalogue.find(item.nb) or (catalogue.find(item.nn) if item.nn else None)
        else:
            entry = catalogue.find(item)
        name = entry.name.raw(lang) if entry is not None and item == entry.id \
            else _text(item, lang)
        out.append(ConsentService(name, entry, index=i))
    return out


def check_services(services: list[ConsentService], codes: list[str],
                   source: MergedSource, lang: Lang) -> list[Problem]:
    """Every name once on the form (a name is a field of the PDF); translations only for
    languages the registry knows."""
    problems = []
    seen: dict[str, int] = {}
    for service in services:
        key = " ".join(service.name.split()).casefold()
        if key in seen:
            problems.append(source.problem(
                ("consent_services", service.index),
                msg("consent_duplicate", lang, name=service.name, n=seen[key] + 1)))
        seen.setdefault(key, service.index)
        for code in service.translations:
            if code not in codes:
                problems.append(source.problem(
                    ("consent_services", service.index, "translations", code),
                    msg("language_unknown", lang, code=code, codes=", ".join(codes))))
    return problems


def law_items(laws: list[LawRef]) -> dict[str, Text]:
    """The translation items of the law titles on the consent form: «act: title» (the
    references linked to their acts, :func:`.resolve.link_law`)."""
    out = {}
    for ref in laws:
        act = ref.act_name
        out[f"laws.{ref.id}.title"] = Text(
            nb=f"{act.nb}: {ref.title.nb}",
            nn=f"{act.raw('nn')}: {ref.title.raw('nn')}")
    return out


# -- the consent sheet in one language -----------------------------------------------------

@dataclass
class Entry:
    """A service or a law on the consent sheet: in the parent's language, with the Norwegian
    as the form has it. ``note`` (not translated) stands where no explanation is given."""

    norwegian: str
    name: str = ""
    explain: str = ""
    note: str = ""


def service_entries(services: list[ConsentService], code: str,
                    item_text: Callable[[str], str | None],
                    not_translated: str) -> tuple[list[Entry], list[str]]:
    """The services in language ``code`` (``item_text(key)``: a translation item, rendered),
    and the names of the local services the settings give no translation for."""
    entries, untranslated = [], []
    for service in services:
        norwegian = SettingText(service.name)
        if service.entry is not None:
            key = f"services.{service.entry.id}"
            name, explain = item_text(f"{key}.name") or "", item_text(f"{key}.explain") or ""
        else:
            words = service.translations.get(code)
            if words is None:
                untranslated.append(service.name)
            name = SettingText(words.name) if words else ""
            explain = SettingText(words.explain) if words and words.explain else ""
        entries.append(Entry(norwegian, name, explain, "" if explain else not_translated))
    return entries, untranslated


def law_entries(laws: list[LawRef], item_text: Callable[[str], str | None],
                lang: Lang) -> list[Entry]:
    """The confidentiality laws: the translated «act: title», and the Norwegian reference."""
    return [Entry(f"{ref.act_name.raw(lang)} {ref.section} – {ref.title.raw(lang)}",
                  item_text(f"laws.{ref.id}.title") or "") for ref in laws]
