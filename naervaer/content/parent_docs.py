"""The documents translated for parents, as parts in reading order, and where a
translation file stands against them (missing, stale, unreviewed, unused items).

Which documents: ``data/parents.yaml`` (the one-page «Skolefravær – dette bør du vite», two
letters from ``forms/``, a companion sheet explaining the consent form). Each translatable
part has a stable item id (``<document>.<path>``); a translation records the fingerprint of
the bokmål text it was made from, so a changed source shows as stale.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from ..text import Text
from .consent import law_items
from .schema.forms import FormDef, Role
from .schema.law import LawRef
from .schema.parents import UI_KEYS, DocumentRef, ParentPage, ParentsData, TranslationFile
from .schema.services import ServiceCatalogue


def fingerprint(source: str) -> str:
    """Fingerprint of a bokmål source text (whitespace-insensitive: re-wrapping is no change)."""
    return hashlib.sha256(" ".join(source.split()).encode("utf-8")).hexdigest()[:10]


_PLACEHOLDER = re.compile(r"{{\s*(.*?)\s*}}")


def placeholders(text: str) -> list[str]:
    """The ``{{ … }}`` expressions in a text, sorted (a translation must keep them all)."""
    return sorted(_PLACEHOLDER.findall(text))


@dataclass
class Part:
    """One piece of a document in reading order. ``key`` is the translation item id (None for
    parts that stay Norwegian, such as the consent form's list of services)."""

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
    and what the translators' report says. Per document id, in order."""

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


def page_document(ref: DocumentRef, page: ParentPage) -> Document:
    doc = Document(ref, page.title, [Part("title", f"{ref.id}.title", page.title)])
    for section in page.sections:
        if section.title is not None:
            doc.parts.append(Part("heading", f"{ref.id}.{section.id}.title", section.title))
        doc.parts.append(Part("body", f"{ref.id}.{section.id}.body", section.body))
    return doc


def form_document(ref: DocumentRef, form: FormDef) -> Document:
    """A letter, or (``companion``) a reading sheet that explains a form, part by part; each
    field reads as its type says (:meth:`~.schema.forms.Base.reading`)."""
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
            for role, key, text, width in f.reading():
                item = None if key is None else f"{base}.{f.id}.{key}"
                doc.parts.append(Part(role, item, text, width))
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
