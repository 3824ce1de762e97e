"""The starter settings file that ``naervaer ny`` writes: every key explained in one målform.

Nothing here is a second copy of the explanations: they come from the settings model
(:mod:`naervaer.content.schema.settings`, ``description`` / ``description_nn``) and the values from
``data/settings-defaults.yml``, so the file, the JSON Schema and the editors' page agree.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .. import DATA_DIR, ROOT
from ..content.schema.settings import Settings
from ..content.sources import load_yaml
from ..text import Lang, plain

SCHEMA_FILE = DATA_DIR / "settings.schema.json"
WIDTH = 92
ACTIVE = ("municipality", "language")  # written as values; everything else as comments


class _Dumper(yaml.SafeDumper):
    """Block style, and multi-line texts as «|» blocks (as an editor would write them)."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(key: str, value: Any) -> list[str]:
    """``key: value`` as YAML lines."""
    text = yaml.dump({key: value}, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=WIDTH - 6)
    return text.rstrip("\n").splitlines()


def describe(info: FieldInfo, lang: Lang) -> str:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    nn = extra.get("description_nn")
    return str(nn) if lang == "nn" and nn else info.description or ""


def comment(text: str, indent: str = "") -> list[str]:
    lines = []
    for paragraph in text.splitlines() or [""]:
        lead = paragraph[: len(paragraph) - len(paragraph.lstrip())]
        wrapped = textwrap.wrap(paragraph.strip(), WIDTH - len(indent) - 2, initial_indent=lead,
                                subsequent_indent=lead + "  " if lead else "",
                                break_on_hyphens=False)
        lines += [f"{indent}# {line}".rstrip() for line in wrapped] or [f"{indent}#"]
    return lines


def _model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _item_model(annotation: Any) -> type[BaseModel] | None:
    if getattr(annotation, "__origin__", None) is list:
        return _model(annotation.__args__[0])
    return None


def entry(name: str, info: FieldInfo, value: Any, lang: Lang, indent: str = "") -> list[str]:
    """The YAML for one key (as it would be uncommented), nested keys explained inline."""
    model = _model(info.annotation)
    if model is None:
        return [indent + line for line in dump(name, value)]
    lines = [f"{indent}{name}:"]
    for sub, sub_info in model.model_fields.items():
        sub_value = value.get(sub) if isinstance(value, dict) else None
        lines += comment(describe(sub_info, lang), indent + "  ")
        lines += entry(sub, sub_info, sub_value, lang, indent + "  ")
    return lines


def item_keys(model: type[BaseModel], lang: Lang, texts: dict[str, str]) -> list[str]:
    """For a list of groups (local measures …): what each item holds."""
    lines = [texts["item_keys"]]
    for sub, sub_info in model.model_fields.items():
        line = f"  {sub}: {describe(sub_info, lang)}"
        if not sub_info.is_required():
            shown = yaml.safe_dump(sub_info.default, default_flow_style=True).strip()
            shown = shown.removesuffix("...").strip()
            line += f" ({texts['default']}: {shown})"
        lines.append(line)
    return lines


LOCAL_SCHEMA = "naervaer.schema.json"  # beside a settings file outside the project


def schema_ref(target: Path) -> str:
    """Where editors' YAML tools find the JSON Schema: a relative path for a file inside
    the Nærvær project, else the copy beside the file (:func:`write_schema` writes it), so
    the line works on any machine the file is copied to."""
    folder = target.resolve().parent
    if folder.is_relative_to(ROOT):
        return os.path.relpath(SCHEMA_FILE, folder).replace(os.sep, "/")
    return LOCAL_SCHEMA


def write_schema(target: Path) -> Path | None:
    """The JSON Schema beside a settings file outside the project (written again when it
    has changed: a new version of Nærvær); None for a file inside the project."""
    folder = target.resolve().parent
    if folder.is_relative_to(ROOT):
        return None
    copy = folder / LOCAL_SCHEMA
    text = SCHEMA_FILE.read_text(encoding="utf-8")
    if not copy.is_file() or copy.read_text(encoding="utf-8") != text:
        copy.write_text(text, encoding="utf-8")
    return copy


def starter(target: Path, lang: Lang, municipality: str, texts: dict[str, str]) -> str:
    """The whole file. ``texts``: header (with {municipality} and {file} filled in),
    item_keys and default, in ``lang``."""
    defaults = plain(load_yaml(DATA_DIR / "settings-defaults.yml").data, lang)
    out = [f"# yaml-language-server: $schema={schema_ref(target)}", "#"]
    out += comment(texts["header"])
    for name, info in Settings.model_fields.items():
        out.append("")
        out += comment(describe(info, lang))
        item_model = _item_model(info.annotation)
        if item_model is not None:
            out += comment("\n".join(item_keys(item_model, lang, texts)))
        if name == "municipality":
            out += dump(name, municipality)
        elif name == "language":
            out += dump(name, lang)
        else:
            out += [f"# {line}".rstrip() for line in entry(name, info, defaults.get(name), lang)]
    return "\n".join(out) + "\n"
