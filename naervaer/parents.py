"""Parent material in other languages: the language registry, translation files and the
documents they translate (issue 13).

* ``data/languages.yaml`` — the registry: code, name in its own script, direction, font.
* ``data/parents.yaml`` — which documents are translated (the one-page «Skolefravær – dette
  bør du vite», two letters from ``forms/``, a companion sheet explaining the consent form)
  and the one-page text itself in bokmål and nynorsk.
* ``data/translations/<code>.yaml`` — one file per language: the language's own UI words and
  one entry per item of the documents, keyed by a stable item id (``<document>.<path>``),
  each with its text, its review status and a fingerprint of the bokmål text it was
  translated from (so a changed source shows up as a stale translation).

Bokmål and nynorsk stay inline in the data as everywhere else; this module only describes
the further languages and which item of which document needs a translation.

``python -m naervaer.parents [CODE …] [--nn]`` tells translators, per language, which items
are missing, stale (with the new fingerprint) or not yet reviewed (see data/README.md);
``--gjennomgang`` writes the side-by-side review sheets and ``--godkjenn`` marks items
reviewed (:mod:`naervaer.review`). The consent sheet's services and law titles are items too
(:mod:`naervaer.consent`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

from . import DATA_DIR, FORMS_DIR
from .consent import Entry, ServiceCatalogue, law_items
from .errors import DataError
from .form_model import FormDef
from .messages import msg
from .models import LawData, LawRef
from .text import Lang, Text
from .validation import validate
from .yamlsource import load_yaml

CODE = r"^[a-z]{2}$"
ITEM_ID = r"^[a-z0-9-]+(\.[a-z0-9-]+)+$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Language(Strict):
    code: str = Field(pattern=CODE)
    name: str = Field(min_length=2)
    norwegian: Text
    dir: Literal["ltr", "rtl"] = "ltr"
    font: str = Field(min_length=2)


class LanguageRegistry(RootModel[list[Language]]):
    """The list in data/languages.yaml."""


class DocumentRef(Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    form: str | None = None
    companion: bool = False
    file: str = Field(pattern=r"^[a-z0-9-]+$")


class PageSection(Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: Text | None = None
    body: Text


class ParentPage(Strict):
    title: Text
    sections: list[PageSection] = Field(min_length=1)


class ParentsData(Strict):
    documents: list[DocumentRef] = Field(min_length=1)
    page: ParentPage


class Item(Strict):
    """One translated item: its text, its review status and the source it was made from."""

    text: str = Field(min_length=1)
    source: str = Field(pattern=r"^[0-9a-f]{10}$")
    reviewed: bool = False
    reviewer: str | None = None
    date: dt.date | None = None

    @model_validator(mode="after")
    def reviewed_by_whom(self) -> Item:
        if self.reviewed and not (self.reviewer and self.date):
            raise ValueError("reviewed: true krever reviewer (navn) og date (dato, ÅÅÅÅ-MM-DD)")
        return self


class TranslationFile(Strict):
    language: str = Field(pattern=CODE)
    ui: dict[str, str] = {}
    items: dict[str, Item] = {}


# UI words every translation file must have (what the page and PDF frame say)
UI_KEYS = (
    "page_title", "page_intro", "notice", "download_pdf", "pdf_page", "pdf_of",
    "companion_note", "in_norwegian", "other", "place", "date", "signature",
    "name_in_print", "norwegian_version", "not_translated", "other_languages",
)


def fingerprint(source: str) -> str:
    """Fingerprint of a bokmål source text (whitespace-insensitive: re-wrapping is no change)."""
    return hashlib.sha256(" ".join(source.split()).encode("utf-8")).hexdigest()[:10]


# Right-to-left text (Arabic): local values (names in Latin letters, phone numbers, ranges
# such as 3–4) are set apart with Unicode isolates, so the bidi algorithm neither reorders
# the groups of a phone number nor mixes a name's brackets into the Arabic sentence.
FSI, LRI, PDI, NBSP = "\u2068", "\u2066", "\u2069", "\u00a0"
_ISOLATED = re.compile("([\u2066\u2068][^\u2069]*\u2069|\\]\\([^)\\s]*\\))")  # and link targets
_NUMBER_RUN = re.compile(r"(?<![\w\u2066\u2068])(\d+(?:[ \u00a0–:.-]\d+)+)(?![\w\u2069])")


def isolate_values(value: object) -> object:
    """Settings with every text or number wrapped in first-strong isolates (for RTL text).
    A value keeps its type (``str`` subclass), so a settings value that escapes itself as
    text (``SettingText`` …) still does: the isolates add no markup."""
    if isinstance(value, dict):
        return {k: isolate_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [isolate_values(v) for v in value]
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        text = str(value)
        if re.fullmatch(r"[\d +–:.-]+", text):  # a number, a time, a phone number, a range
            text = f"{LRI}{text.replace(' ', NBSP)}{PDI}"
        else:
            text = f"{FSI}{text}{PDI}"
        return type(value)(text) if isinstance(value, str) else text
    return value


def rtl_context(values: dict[str, object], lov: Callable[[str], str]) -> dict[str, object]:
    """What a right-to-left translation is rendered with: the settings isolated, and every
    legal reference's link text («barnevernsloven § 13-2») isolated as one left-to-right run."""
    def isolated_lov(ref_id: str) -> str:
        return re.sub(r"^\[(.*?)\]\(", lambda m: f"[{FSI}{m.group(1)}{PDI}](", lov(ref_id))

    return {"s": isolate_values(values), "lov": isolated_lov}


def isolate_numbers(text: str) -> str:
    """Keep runs like «116 111» or «8–10» in written order inside right-to-left text."""
    parts = _ISOLATED.split(text)  # values from settings are isolated already; URLs stay
    for i in range(0, len(parts), 2):
        parts[i] = _NUMBER_RUN.sub(lambda m: f"{LRI}{m.group(1).replace(' ', NBSP)}{PDI}",
                                   parts[i])
    return "".join(parts)


_PLACEHOLDER = re.compile(r"{{\s*(.*?)\s*}}")


def placeholders(text: str) -> list[str]:
    """The ``{{ … }}`` expressions in a text, sorted (a translation must keep them all)."""
    return sorted(_PLACEHOLDER.findall(text))


Role = Literal["title", "lead", "heading", "body", "line", "label", "option", "signer",
               "signature", "services", "laws", "source"]


@dataclass
class Part:
    """One piece of a document in reading order. ``key`` is the translation item id (None for
    the parts the edition fills in: the consent form's services and law titles, whose items
    are the document's ``extra``)."""

    role: Role
    key: str | None
    source: Text | None = None
    width: str = "full"


@dataclass
class Document:
    ref: DocumentRef
    title: Text
    parts: list[Part] = field(default_factory=list)
    extra: dict[str, Text] = field(default_factory=dict)  # services.*, laws.* (consent sheet)

    def items(self) -> dict[str, Text]:
        return {p.key: p.source for p in self.parts if p.key and p.source is not None} \
            | self.extra


@dataclass
class Audit:
    """Where one translation file stands against the documents: what the build publishes
    and what ``python -m naervaer.parents`` tells translators. Per document id, in order."""

    missing_ui: list[str] = field(default_factory=list)  # UI_KEYS the file lacks
    missing: dict[str, list[str]] = field(default_factory=dict)     # no translation yet
    stale: dict[str, list[str]] = field(default_factory=dict)       # the bokmål changed since
    unreviewed: dict[str, list[str]] = field(default_factory=dict)  # current, not yet checked
    unused: list[str] = field(default_factory=list)  # items no document has (sorted)
    sources: dict[str, Text] = field(default_factory=dict)  # every item id → its source

    def open(self) -> int:
        """How many items need a translator's work before every document can be published
        as current (missing or stale items, missing UI words, unused items)."""
        return (len(self.missing_ui) + sum(map(len, self.missing.values()))
                + sum(map(len, self.stale.values())) + len(self.unused))


def audit(documents: list[Document], tfile: TranslationFile) -> Audit:
    """Compare a translation file with the items of the documents (fingerprints of bokmål)."""
    out = Audit(missing_ui=[k for k in UI_KEYS if k not in tfile.ui])
    for doc in documents:
        items = doc.items()
        out.sources |= items
        have = [k for k in items if k in tfile.items]
        out.missing[doc.ref.id] = [k for k in items if k not in tfile.items]
        out.stale[doc.ref.id] = [k for k in have
                                 if tfile.items[k].source != fingerprint(items[k].raw("nb"))]
        out.unreviewed[doc.ref.id] = [k for k in have if not tfile.items[k].reviewed
                                      and k not in out.stale[doc.ref.id]]
    out.unused = sorted(set(tfile.items) - set(out.sources))
    return out


class UnsupportedField(ValueError):
    pass


def page_document(ref: DocumentRef, page: ParentPage) -> Document:
    doc = Document(ref, page.title, [Part("title", f"{ref.id}.title", page.title)])
    for section in page.sections:
        if section.title is not None:
            doc.parts.append(Part("heading", f"{ref.id}.{section.id}.title", section.title))
        doc.parts.append(Part("body", f"{ref.id}.{section.id}.body", section.body))
    return doc


def form_document(ref: DocumentRef, form: FormDef) -> Document:
    """A letter, or (``companion``) a reading sheet that explains a form, part by part."""
    k = ref.id
    doc = Document(ref, form.title, [Part("title", f"{k}.title", form.title)])
    if ref.companion:
        doc.parts.append(Part("lead", f"{k}.purpose", form.purpose))
    for section in form.sections:
        base = f"{k}.{section.id}"
        if section.title is not None:
            doc.parts.append(Part("heading", f"{base}.title", section.title))
        if section.intro is not None:
            doc.parts.append(Part("body", f"{base}.intro", section.intro))
        for f in section.fields:
            key = f"{base}.{f.id}"
            if f.type == "info":
                if f.body is not None:
                    doc.parts.append(Part("body", f"{key}.body", f.body))
                if f.include == "confidentiality_laws":
                    doc.parts.append(Part("laws", None))
            elif f.type in ("text", "date", "birthnumber", "textarea"):
                width = getattr(f, "width", "full")
                doc.parts.append(Part("line", f"{key}.label", f.label, width=width))
            elif f.type in ("checkboxes", "choice"):
                if f.label is not None:
                    doc.parts.append(Part("label", f"{key}.label", f.label))
                if f.type == "checkboxes" and f.options_from == "consent_services":
                    doc.parts.append(Part("services", None))
                for option in f.options:
                    doc.parts.append(Part("option", f"{key}.{option.id}", option.label))
                if getattr(f, "other", False):
                    doc.parts.append(Part("option", None))
            elif f.type == "signature":
                if f.label is not None:
                    doc.parts.append(Part("label", f"{key}.label", f.label))
                if f.place_date:
                    doc.parts.append(Part("signature", None))
                for signer in f.signers:
                    doc.parts.append(Part("signer", f"{key}.{signer.id}", signer.label))
            else:
                raise UnsupportedField(f"{form.id}: {section.id}.{f.id}: {f.type}")
    if form.source is not None:
        doc.parts.append(Part("source", f"{k}.source", form.source))
    return doc


def build_documents(data: ParentsData, forms: dict[str, FormDef],
                    catalogue: ServiceCatalogue | None = None,
                    laws: list[LawRef] | None = None) -> list[Document]:
    """The documents; a sheet that lists the consent services or the confidentiality laws
    gets the catalogue's services and the law titles as items of its own."""
    out = []
    for ref in data.documents:
        if ref.form is None:
            out.append(page_document(ref, data.page))
            continue
        doc = form_document(ref, forms[ref.form])
        roles = {p.role for p in doc.parts}
        if "services" in roles and catalogue is not None:
            doc.extra |= catalogue.items()
        if "laws" in roles and laws is not None:
            doc.extra |= law_items(laws)
        out.append(doc)
    return out


# -- what the renderers get: one document resolved in one language ----------------------

@dataclass
class ResolvedPart:
    role: Role
    text: str = ""                                      # markdown (body) or plain text
    entries: list[Entry] = field(default_factory=list)  # services / laws
    width: str = "full"


@dataclass
class ResolvedDoc:
    id: str
    file: str           # PDF file name without .pdf, e.g. skolefravaer-en
    lang: str
    dir: str
    font: str
    title: str
    parts: list[ResolvedPart]
    norwegian_title: str
    reviewed: bool = True   # every item reviewed and current (no notice)
    companion: bool = False
    one_page: bool = False  # the one-page text: set compactly to fit one A4 page
    note: str = ""          # a companion sheet's note: which Norwegian form it explains
    words: dict[str, str] = field(default_factory=dict)

    def blocks(self) -> list[tuple[str, list[ResolvedPart]]]:
        """Parts grouped for drawing: consecutive options form one list."""
        out: list[tuple[str, list[ResolvedPart]]] = []
        for part in self.parts:
            if part.role == "option" and out and out[-1][0] == "options":
                out[-1][1].append(part)
            else:
                out.append(("options" if part.role == "option" else part.role, [part]))
        return out


@dataclass
class ParentLanguage:
    code: str
    name: str
    norwegian: str
    dir: str
    font: str
    ui: dict[str, str]
    docs: list[ResolvedDoc]

    @property
    def reviewed(self) -> bool:
        return all(d.reviewed for d in self.docs)


@dataclass
class ParentMaterial:
    """What an edition publishes for parents: the Norwegian one-pager, then each language."""

    page: ResolvedDoc
    languages: list[ParentLanguage]
    warnings: list[str] = field(default_factory=list)

    def language(self, code: str) -> ParentLanguage | None:
        return next((lang for lang in self.languages if lang.code == code), None)

    def all_docs(self) -> list[ResolvedDoc]:
        return [self.page] + [d for lang in self.languages for d in lang.docs]


# -- resolving a document in a language (the edition supplies the placeholder renderer) ---

@dataclass
class Frame:
    """What a document needs besides its own items: the language, its words, and the
    consent form's services and laws in this language (with their Norwegian names)."""

    lang: str
    dir: str
    font: str
    words: dict[str, str]   # other, place, date, signature, name_in_print, in_norwegian …
    services: list[Entry]
    laws: list[Entry]


def resolve_document(
    doc: Document, frame: Frame, text_of: Callable[[Part], str], file_suffix: str
) -> ResolvedDoc:
    """``text_of(part)`` gives the text of a translatable part in the frame's language."""
    parts: list[ResolvedPart] = []
    title = ""
    for part in doc.parts:
        if part.role == "title":
            title = text_of(part)
        elif part.role == "services":
            parts.append(ResolvedPart("services", entries=list(frame.services)))
        elif part.role == "laws":
            parts.append(ResolvedPart("laws", entries=list(frame.laws)))
        elif part.role == "source" and part.key is None:
            assert part.source is not None
            parts.append(ResolvedPart("source", part.source.value))
        elif part.role == "signature":  # place and date above the signers
            parts.append(ResolvedPart("signature"))
        elif part.key is None:  # the «other» option of a checkbox list
            parts.append(ResolvedPart("option", frame.words["other"]))
        else:
            text = text_of(part)
            parts.append(ResolvedPart(part.role, text if part.role == "body" else text.strip(),
                                      width=part.width))
    return ResolvedDoc(
        id=doc.ref.id, file=f"{doc.ref.file}-{file_suffix}", lang=frame.lang, dir=frame.dir,
        font=frame.font, title=title.strip(), parts=parts, norwegian_title=doc.title.value,
        companion=doc.ref.companion, words=frame.words, one_page=doc.ref.form is None,
    )


# -- the translators' tool: python -m naervaer.parents [CODE …] [--nn] ---------------------

def _comment(text: str, lead: str) -> list[str]:
    """``text`` as YAML comment lines, the first one starting with ``lead``."""
    lines = text.strip("\n").splitlines() or [""]
    pad = " " * len(lead)
    return [f"  # {lead if i == 0 else pad}{line}".rstrip() for i, line in enumerate(lines)]


def report(code: str, language: Language | None, tfile: TranslationFile | None,
           documents: list[Document], lang: Lang = "nb") -> tuple[list[str], int]:
    """What a translator of ``code`` has to do, as lines to print (paste-ready YAML for the
    items under ``items:``), and how many items are open (missing, stale, unused)."""
    path = f"data/translations/{code}.yaml"
    name = f"{language.name} ({language.norwegian.raw(lang)})" if language else "?"
    if tfile is None:
        return [f"{code} – {name}: {msg('tr_no_file', lang, path=path)}"], 1
    status = audit(documents, tfile)
    total = len(status.sources)
    out = [f"{code} – {name}, {path}: "
           + msg("tr_counts", lang, docs=len(documents), items=total)]
    if status.missing_ui:
        out.append("  # " + msg("tr_missing_ui", lang, n=len(status.missing_ui),
                                keys=", ".join(status.missing_ui)))
    missing = [k for keys in status.missing.values() for k in keys]
    if missing:
        out.append("  # " + msg("tr_missing", lang, n=len(missing)))
        for key in missing:
            out += _comment(status.sources[key].raw("nb"), "bokmål: ")
            out += [f"  {key}:", "    text: …",
                    f'    source: "{fingerprint(status.sources[key].raw("nb"))}"',
                    "    reviewed: false"]
        out.append("")
    stale = [k for keys in status.stale.values() for k in keys]
    if stale:
        out.append("  # " + msg("tr_stale", lang, n=len(stale)))
        for key in stale:
            out += _comment(status.sources[key].raw("nb"), "bokmål: ")
            out += [f"  {key}:",
                    f'    source: "{fingerprint(status.sources[key].raw("nb"))}"'
                    f'  # {msg("tr_was", lang)} "{tfile.items[key].source}"',
                    "    reviewed: false"]
        out.append("")
    unreviewed = sum(map(len, status.unreviewed.values()))
    if unreviewed:
        out.append("  # " + msg("tr_unreviewed", lang, n=unreviewed, total=total))
        for doc in documents:
            keys = status.unreviewed[doc.ref.id]
            have = len(doc.items()) - len(status.missing[doc.ref.id]) \
                - len(status.stale[doc.ref.id])
            if keys and len(keys) == have:
                out.append(f"  #   {doc.ref.id}: " + msg("tr_all", lang, n=len(keys)))
            elif keys:
                out.append(f"  #   {doc.ref.id}: {', '.join(keys)}")
    if status.unused:
        out.append("  # " + msg("tr_unused", lang, n=len(status.unused)))
        out += [f"  #   {key}" for key in status.unused]
    if not status.open() and not unreviewed:
        out.append("  # " + msg("tr_done", lang))
    return out, status.open()


def load_for_translators(
    data_dir: Path, forms_dir: Path
) -> tuple[list[Document], list[Language], dict[str, TranslationFile]]:
    """The documents, the registry and every translation file, without an edition."""
    parents = validate(ParentsData, load_yaml(data_dir / "parents.yaml"))
    forms = {ref.form: validate(FormDef, load_yaml(forms_dir / f"{ref.form}.yaml"))
             for ref in parents.documents if ref.form is not None}
    registry = validate(LanguageRegistry, load_yaml(data_dir / "languages.yaml")).root
    translations = {p.stem: validate(TranslationFile, load_yaml(p))
                    for p in sorted((data_dir / "translations").glob("*.yaml"))}
    catalogue = validate(ServiceCatalogue, load_yaml(data_dir / "services.yaml"))
    law = validate(LawData, load_yaml(data_dir / "law.yaml"))
    law.link()
    laws = [ref for ref in law.refs if ref.group == "taushetsplikt"]
    return build_documents(parents, forms, catalogue, laws), registry, translations


def main(argv: list[str], data_dir: Path | None = None, forms_dir: Path | None = None) -> int:
    """Print, per language, the items that are missing, stale or not yet reviewed. Exit
    status 1 when any item is missing or stale (or unused), 0 when only review remains."""
    lang: Lang = "nn" if "--nn" in argv else "nb"
    if {"--gjennomgang", "--godkjenn"} & set(argv):
        from .review import main as review_main

        return review_main(argv, data_dir or DATA_DIR, forms_dir or FORMS_DIR)
    codes = [a for a in argv if a != "--nn"]
    try:
        documents, registry, translations = load_for_translators(
            data_dir or DATA_DIR, forms_dir or FORMS_DIR)
    except DataError as exc:
        exc.lang = lang
        print(exc.report(), file=sys.stderr)
        return 2
    known = [language.code for language in registry] + sorted(
        set(translations) - {language.code for language in registry})
    for code in codes:
        if code not in known:
            print(msg("language_unknown", lang, code=code, codes=", ".join(known)),
                  file=sys.stderr)
            return 2
    by_code = {language.code: language for language in registry}
    open_items = 0
    for code in codes or known:
        lines, n = report(code, by_code.get(code), translations.get(code), documents, lang)
        print("\n".join(lines).rstrip("\n") + "\n")
        open_items += n
    print(msg("tr_summary_todo", lang, n=open_items) if open_items
          else msg("tr_summary_ok", lang))
    return 1 if open_items else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
