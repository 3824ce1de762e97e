"""The translator's review: a side-by-side review sheet per language, and marking items as
reviewed by a named reviewer on a date.

    naervaer oversett --gjennomgang [KODE …] [--innstillinger FIL] [--ut MAPPE] [--pdf] [--nn]
    naervaer oversett --godkjenn KODE TEKST-ID … --av "Navn" [--dato ÅÅÅÅ-MM-DD]

The review sheet shows, for every item of every document, the bokmål source and the
translation with the local values of a settings file filled in (the demo edition unless
``--innstillinger`` names another), its status (reviewed by whom and when, not reviewed,
out of date, missing), the language's own words and the edition's local consent services.

``--godkjenn`` edits ``data/translations/<code>.yaml`` line by line: only the lines
``reviewed``, ``reviewer`` and ``date`` of the named items change, every other line of the
file (comments, wrapping, order) stays as it was. A document id stands for all its items.
An item can be marked only when it is translated and current (its ``source`` is the
fingerprint of today's bokmål text): a changed source always asks for a new review.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup

from .. import DEFAULT_SETTINGS, ROOT
from ..content.parent_docs import Document, audit, fingerprint
from ..content.parents import isolate_numbers, rtl_context
from ..content.schema.parents import Language, TranslationFile
from ..content.sources import Source
from ..content.validate import validate
from ..errors import DataError
from ..markup import markup_source, to_html
from ..messages import msg
from ..text import Lang
from .translators import load_for_translators

TEMPLATES = ROOT / "naervaer" / "pdf" / "templates"  # parent_review.html

# the Norwegian words in ui.yaml that a language's UI word stands for
UI_NORWEGIAN = {
    "notice": "parents.notice", "download_pdf": "parents.download", "pdf_page": "pdf.page",
    "pdf_of": "pdf.of", "in_norwegian": "parents.in_norwegian", "other": "form.other",
    "place": "form.place", "date": "form.date", "signature": "form.signature",
    "name_in_print": "form.name_in_print", "other_languages": "parents.other_languages",
}


@dataclass
class Row:
    key: str
    norwegian: str        # HTML
    translation: str      # HTML ("" when missing)
    status: str           # missing | stale | unreviewed | reviewed (| ui, local)
    state_text: str = ""  # the status in words («Kvalitetssikret av Kari Nordmann, …»)


@dataclass
class Sheet:
    language: Language
    file: str
    settings: str
    documents: list[tuple[str, list[Row]]] = field(default_factory=list)
    ui: list[Row] = field(default_factory=list)
    local: list[Row] = field(default_factory=list)   # local consent services (settings)
    counts: dict[str, int] = field(default_factory=dict)


def review_sheet(edition: Any, language: Language, tfile: TranslationFile,
                 documents: list[Document], lang: Lang = "nb") -> Sheet:
    """Every item of ``language`` beside its bokmål source, local values filled in."""
    from ..content.resolve import Resolver

    resolver = Resolver(edition.s, edition.law, edition.lang)
    rtl = language.dir == "rtl"
    context = rtl_context(edition.s, resolver.lov) if rtl else {}

    def render(raw: str, translated: bool) -> str:
        try:
            text = resolver.render(raw, **(context if translated else {}))
        except Exception:  # noqa: BLE001 - a broken placeholder is shown as written
            text = raw
        text = isolate_numbers(text) if translated and rtl else text
        return str(to_html(markup_source(text)))

    status = audit(documents, tfile)
    sheet = Sheet(language, f"data/translations/{language.code}.yaml",
                  str(edition.settings_file.name))
    for doc in documents:
        rows = []
        for key, source in doc.items().items():
            item = tfile.items.get(key)
            state = ("missing" if item is None else "stale" if key in status.stale[doc.ref.id]
                     else "reviewed" if item.reviewed else "unreviewed")
            words = msg(f"rv_{state}", lang, who=f"{item.reviewer}, {item.date}"
                        if item and state == "reviewed" else "")
            rows.append(Row(key, render(source.raw("nb"), False),
                            render(item.text, True) if item else "", state, words))
            sheet.counts[state] = sheet.counts.get(state, 0) + 1
        sheet.documents.append((doc.title.raw("nb"), rows))
    for key in sorted(tfile.ui, key=lambda k: (k not in UI_NORWEGIAN, k)):
        norwegian = edition.ui[UI_NORWEGIAN[key]].raw("nb") if key in UI_NORWEGIAN \
            else msg(f"rv_ui_{key}", lang) if f"rv_ui_{key}" in _UI_DESCRIBED else ""
        sheet.ui.append(Row(key, render(norwegian, False),
                            render(tfile.ui[key].replace("{{ form }}", "…"), True), "ui"))
    for service in _local_services(edition):
        words = service.translations.get(language.code)
        norwegian = service.name + (f" – {service.explain}" if service.explain else "")
        shown = "" if words is None else words.name + (
            f" – {words.explain}" if words.explain else "")
        sheet.local.append(Row(f"consent_services[{service.index}]",
                               render(markup_source(_escaped(norwegian)), False),
                               render(markup_source(_escaped(shown)), True) if shown else "",
                               "local" if words else "missing"))
    return sheet


_UI_DESCRIBED = {"rv_ui_page_title", "rv_ui_page_intro", "rv_ui_companion_note",
                 "rv_ui_norwegian_version", "rv_ui_not_translated"}


def _escaped(text: str) -> Any:
    from ..markup import SettingText

    return SettingText(text)


def _local_services(edition: Any) -> list[Any]:
    from ..content.consent import resolve_services
    from ..content.schema.services import ServiceCatalogue
    from ..content.sources import load_yaml

    catalogue = validate(ServiceCatalogue, load_yaml(edition.data_dir / "services.yaml"))
    services = resolve_services(edition.settings.consent_services, catalogue, edition.lang)
    return [s for s in services if s.entry is None]


_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES),
                          autoescape=True, undefined=jinja2.StrictUndefined,
                          trim_blocks=True, lstrip_blocks=True)


def sheet_html(sheet: Sheet, lang: Lang) -> str:
    """The review sheet as one self-contained HTML page (no request to any other host)."""
    language = sheet.language
    name = f"{language.name} ({language.norwegian.raw(lang)})"
    marked = Markup('<span lang="{}" dir="{}">{}</span> ({})').format(
        language.code, language.dir, language.name, language.norwegian.raw(lang))
    counts = {k: sheet.counts.get(k, 0) for k in ("reviewed", "unreviewed", "stale", "missing")}
    words = {key: msg(key, lang) for key in (
        "rv_id", "rv_norwegian", "rv_status", "rv_missing", "rv_ui", "rv_local",
        "rv_local_intro", "rv_local_missing", "rv_how")}
    return _ENV.get_template("parent_review.html").render(
        sheet=sheet, w=words, lang=lang, title=msg("rv_title", lang, name=name),
        heading=Markup(msg("rv_title", lang, name="{}")).format(marked),
        intro=msg("rv_intro", lang, settings=sheet.settings, file=sheet.file, **counts))


# -- marking items reviewed ------------------------------------------------------------------

class ReviewError(Exception):
    pass


def _item_start(lines: list[str], key: str) -> int:
    inside = False
    for i, line in enumerate(lines):
        if line.rstrip() == "items:":
            inside = True
        elif inside and re.fullmatch(rf"  (?:{re.escape(key)}|\"{re.escape(key)}\"):\s*",
                                     line.rstrip("\n")):
            return i
    raise ReviewError(key)


def mark_reviewed(text: str, keys: list[str], reviewer: str, date: dt.date) -> str:
    """``text`` (a translation file) with ``keys`` marked reviewed by ``reviewer`` on
    ``date``; every other line as it was."""
    lines = text.splitlines(keepends=True)
    for key in keys:
        start = _item_start(lines, key)
        end = start + 1
        while end < len(lines) and (not lines[end].strip() or lines[end].startswith("   ")):
            end += 1
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1  # blank lines after the item stay where they are
        block = [line for line in lines[start + 1:end]
                 if not re.match(r"    (reviewed|reviewer|date):", line)]
        if block and not block[-1].endswith("\n"):
            block[-1] += "\n"
        block += ["    reviewed: true\n",
                  f"    reviewer: {json.dumps(reviewer, ensure_ascii=False)}\n",
                  f"    date: {date.isoformat()}\n"]
        lines[start + 1:end] = block
    return "".join(lines)


def approve(path: Path, code: str, names: list[str], reviewer: str, date: dt.date,
            documents: list[Document], lang: Lang) -> int:
    """Mark items (or every item of a document) of ``path`` reviewed; check the result."""
    source = path.read_text(encoding="utf-8")
    before = validate(TranslationFile, Source(path, yaml.safe_load(source)), lang=lang)
    status = audit(documents, before)
    by_doc = {doc.ref.id: list(doc.items()) for doc in documents}
    keys: list[str] = []
    for name in names:
        keys += by_doc.get(name, [name])
    problems = []
    for key in keys:
        if key not in status.sources:
            problems.append(msg("rv_no_such_item", lang, key=key))
        elif key not in before.items:
            problems.append(msg("rv_not_translated", lang, key=key))
        elif before.items[key].source != fingerprint(status.sources[key].raw("nb")):
            problems.append(msg("rv_is_stale", lang, key=key))
    if problems:
        raise ReviewError("\n".join(problems))
    new = mark_reviewed(source, keys, reviewer, date)
    after = validate(TranslationFile, Source(path, yaml.safe_load(new)), lang=lang)
    for key, item in before.items.items():  # only the review of the named items changed
        wanted = item.model_copy(update={"reviewed": True, "reviewer": reviewer,
                                         "date": date}) if key in keys else item
        assert after.items[key] == wanted, key
    assert after.ui == before.ui and set(after.items) == set(before.items)
    tmp = path.with_suffix(".yaml.part")
    tmp.write_text(new, encoding="utf-8")
    tmp.replace(path)
    return len(dict.fromkeys(keys))


# -- the command line --------------------------------------------------------------------------

def _options(argv: list[str], lang: Lang) -> tuple[list[str], dict[str, str | bool]]:
    takes_value = {"--av", "--dato", "--innstillinger", "--ut"}
    flags = {"--gjennomgang", "--godkjenn", "--pdf", "--nn"}
    positional: list[str] = []
    options: dict[str, str | bool] = {}
    args = iter(argv)
    for arg in args:
        if arg in takes_value:
            value = next(args, None)
            if value is None or value.startswith("--"):
                raise ReviewError(msg("rv_needs_value", lang, option=arg))
            options[arg] = value
        elif arg in flags:
            options[arg] = True
        elif arg.startswith("--"):
            raise ReviewError(msg("rv_unknown_option", lang, option=arg))
        else:
            positional.append(arg)
    return positional, options


def main(argv: list[str], data_dir: Path, forms_dir: Path) -> int:
    lang: Lang = "nn" if "--nn" in argv else "nb"
    try:
        positional, options = _options(argv, lang)
        documents, registry, translations = load_for_translators(data_dir, forms_dir)
        known = [language.code for language in registry if language.code in translations]
        codes = positional[:1] if options.get("--godkjenn") else positional
        for code in codes:
            if code not in known:
                raise ReviewError(msg("language_unknown", lang, code=code,
                                      codes=", ".join(known)))
        if options.get("--godkjenn"):
            return _approve(positional, options, documents, data_dir, lang)
        return _sheets(codes or known, options, documents, registry, translations,
                       data_dir, forms_dir, lang)
    except ReviewError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except DataError as exc:
        exc.lang = lang
        print(exc.report(), file=sys.stderr)
        return 2


def _approve(positional: list[str], options: dict[str, str | bool],
             documents: list[Document], data_dir: Path, lang: Lang) -> int:
    reviewer = str(options.get("--av") or "").strip()
    if len(positional) < 2 or not reviewer:
        raise ReviewError(msg("rv_approve_usage", lang))
    try:
        date = dt.date.fromisoformat(str(options.get("--dato") or dt.date.today()))
    except ValueError:
        raise ReviewError(msg("rv_bad_date", lang, value=options.get("--dato"))) from None
    code = positional[0]
    path = data_dir / "translations" / f"{code}.yaml"
    n = approve(path, code, positional[1:], reviewer, date, documents, lang)
    print(msg("rv_approved", lang, n=n, path=f"data/translations/{code}.yaml",
              reviewer=reviewer, date=date.isoformat()))
    return 0


def _sheets(codes: list[str], options: dict[str, str | bool], documents: list[Document],
            registry: list[Language], translations: dict[str, TranslationFile],
            data_dir: Path, forms_dir: Path, lang: Lang) -> int:
    from ..content.edition import load_edition

    settings = Path(str(options.get("--innstillinger") or DEFAULT_SETTINGS))
    edition = load_edition(settings, data_dir=data_dir, forms_dir=forms_dir)
    out = Path(str(options.get("--ut") or "gjennomgang"))
    out.mkdir(parents=True, exist_ok=True)
    by_code = {language.code: language for language in registry}
    for code in codes:
        sheet = review_sheet(edition, by_code[code], translations[code], documents, lang)
        html = sheet_html(sheet, lang)
        path = out / f"gjennomgang-{code}.html"
        path.write_text(html, encoding="utf-8")
        written = [path]
        if options.get("--pdf"):
            from weasyprint import HTML

            written.append(out / f"gjennomgang-{code}.pdf")
            HTML(string=html).write_pdf(written[-1])
        print(msg("rv_written", lang, code=code, files=", ".join(map(str, written)),
                  **{k: sheet.counts.get(k, 0) for k in ("reviewed", "unreviewed", "stale",
                                                         "missing")}))
    return 0
