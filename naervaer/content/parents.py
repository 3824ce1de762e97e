"""Parent material resolved for an edition: the Norwegian one-page text, and each document
in each language the settings publish — with local values filled in, set right to left where
the language is written so. What is left out (missing, stale or unreviewed translations) is
reported as a warning in the edition's målform.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

from markupsafe import Markup

from ..markup import SettingPhone
from ..messages import msg
from ..text import Lang
from .absence import rule_kind
from .consent import ConsentService, Entry, law_entries, service_entries
from .parent_docs import Document, Part, audit
from .schema.forms import Role
from .schema.law import LawRef
from .schema.parents import LanguageRegistry, TranslationFile
from .sources import Source

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
        if isinstance(value, SettingPhone):
            return SettingPhone(text, value.tel)
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
    services: list[Entry]   # the consent form's services and laws in this language
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




Render = Callable[..., str]  # (raw text, source, key path, **context) → resolved text


def resolve_parents(
    *,
    lang: Lang,
    s: dict[str, Any],
    t: Callable[[str], Markup],
    law: dict[str, LawRef],
    settings: Any,
    render: Render,
    documents: list[Document],
    registry: LanguageRegistry,
    translations: dict[str, tuple[TranslationFile, Source]],
    services: list[ConsentService],
    lov: Callable[[str], str],
) -> ParentMaterial:
    """Resolve the parent material: the Norwegian one-page text, and every document in every
    language the settings choose, if its translation is complete (and reviewed, when the
    settings publish reviewed translations only). What is left out is reported as a warning,
    and so is a local consent service without a translation into a published language."""
    laws = [ref for ref in law.values() if ref.group == "taushetsplikt"]
    words: dict[str, str] = {
             "other": t("form.other"), "place": t("form.place"), "date": t("form.date"),
             "signature": t("form.signature"),
             "name_in_print": t("form.name_in_print").capitalize(),
             "in_norwegian": t("parents.in_norwegian"), "download_pdf": t("parents.download"),
             "pdf_page": t("pdf.page"), "pdf_of": t("pdf.of"), "notice": t("parents.notice")}
    norwegian = Frame(lang, "ltr", "Noto Sans", words, [], [])
    page_doc = next(d for d in documents if d.ref.form is None)
    page = resolve_document(page_doc, norwegian, lambda part: str(part.source), lang)
    warnings: list[str] = []
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
        plain: dict[str, Any] = rtl_context(s, lov) if rtl else {"s": s}
        base = cast(dict[str, Any], plain["s"])
        # the rule in this language's words ({{ s.concern.rule }}), its values isolated in
        # right-to-left text like every other value
        kind = f"concern_{rule_kind(settings)}"
        phrase = render(tfile.ui[kind], tsource, ("ui", kind), **plain).strip()
        context = {**plain, "s": {**base, "concern": {**base["concern"], "rule": Markup(phrase)}}}

        def text(raw: str, path: tuple[Any, ...], tsource: Source = tsource, rtl: bool = rtl,
                 context: dict[str, Any] = context, **extra: Any) -> str:
            out = render(raw, tsource, path, **context, **extra)
            return isolate_numbers(out) if rtl else out

        ui = {k: text(v, ("ui", k)).strip() for k, v in tfile.ui.items()
              if k != "companion_note" and not k.startswith("concern_")}

        def item_text(key: str, tfile: TranslationFile = tfile, text: Any = text) -> str:
            item = tfile.items.get(key)
            return "" if item is None else str(text(item.text, ("items", key, "text"))).strip()

        entries, untranslated = service_entries(services, language.code, item_text,
                                                ui["not_translated"])
        frame = Frame(language.code, language.dir, language.font, ui, entries,
                      law_entries(laws, item_text, lang))
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

            def text_of(part: Part, tfile: TranslationFile = tfile, text: Any = text) -> str:
                assert part.key is not None
                return str(text(tfile.items[part.key].text, ("items", part.key, "text")))

            resolved = resolve_document(doc, frame, text_of, language.code)
            resolved.reviewed = reviewed
            if any(p.role == "services" for p in doc.parts):
                for name in untranslated:
                    missing_local.setdefault(name, []).append(language.code)
            if doc.ref.companion:
                resolved.note = text(tfile.ui["companion_note"], ("ui", "companion_note"),
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
