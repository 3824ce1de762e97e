"""The local facts of an edition that a reader may act on (phone numbers, the absence
system, the channel parents report in …): which are still unset, told to the editor in the
file's målform with what each one is — a checklist for ``naervaer sjekk``, the reason
``naervaer bygg`` will not publish without ``--utkast``."""

from __future__ import annotations

from pydantic import BaseModel

from ..messages import msg
from ..text import Lang


def describe(model: type[BaseModel], path: tuple[str, ...], lang: Lang) -> str:
    """The editors' explanation of the settings key at ``path``."""
    current: type[BaseModel] = model
    info = None
    for name in path:
        info = current.model_fields[name]
        inner = info.annotation
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            current = inner
    if info is None:
        return ""
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    nn = extra.get("description_nn")
    return str(nn) if lang == "nn" and nn else info.description or ""


def checklist(settings: BaseModel, unset: tuple[tuple[str, ...], ...], lang: Lang) -> list[str]:
    """One line per unset fact: its key and what it is."""
    return [f"{'.'.join(path)}: {describe(type(settings), path, lang)}" for path in unset]


def unset_report(settings: BaseModel, unset: tuple[tuple[str, ...], ...], lang: Lang) -> str:
    """Why an edition is not published yet, and what to do."""
    lines = "\n".join(f"  - {line}" for line in checklist(settings, unset, lang))
    return f"{msg('unset_refused', lang, n=len(unset))}\n{lines}\n{msg('unset_draft', lang)}"
