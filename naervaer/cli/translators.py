"""The translators' verb (``naervaer oversett [KODE …] [--nn]``): per language, which items of
the parent material are missing, stale (the bokmål changed since) or not yet reviewed, with
paste-ready YAML for what is missing (see data/README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

from .. import DATA_DIR, FORMS_DIR
from ..content.parent_docs import Document, audit, build_documents, fingerprint
from ..content.resolve import link_law
from ..content.schema.forms import FormDef
from ..content.schema.law import LawData
from ..content.schema.parents import Language, LanguageRegistry, ParentsData, TranslationFile
from ..content.schema.services import ServiceCatalogue
from ..content.sources import load_yaml
from ..content.validate import validate
from ..errors import DataError
from ..messages import msg
from ..text import Lang


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
    linked = link_law(law)
    laws = [ref for ref in linked.values() if ref.group == "taushetsplikt"]
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
