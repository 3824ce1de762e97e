"""Reading an edition's settings: the defaults, overlaid by the edition's own file.

Precedence, lowest first (the one overlay point, :func:`overlay`):

1. ``data/settings-defaults.yml`` — every key with a neutral default, in bokmål and nynorsk;
2. the edition's settings file (``editions/*.yml`` or any file named on the command line or
   in the site configuration) — only what the municipality changes.

Mappings merge key by key; lists and plain values from the edition replace the default.
One exception, :func:`one_concern_rule`: the rule for concerning absence is written either as
days (``concern.days``) or as a share of school time (``concern.percent``); an edition that
writes ``percent`` without ``days`` replaces the default days rule instead of adding to it.
A settings file that is named but missing is an error, never silently skipped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import DATA_DIR
from ..errors import DataError, Problem
from ..messages import msg
from ..text import Lang, plain
from .schema.settings import Settings
from .sources import MergedSource, load_settings_yaml, load_yaml
from .validate import validate

LOGO_TYPES = {".png", ".jpg", ".jpeg", ".svg"}


def overlay(defaults: Any, edition: Any) -> Any:
    """Deep-merge ``edition`` over ``defaults``: mappings key by key, everything else replaced."""
    if isinstance(defaults, dict) and isinstance(edition, dict):
        merged = dict(defaults)
        for key, value in edition.items():
            merged[key] = overlay(defaults[key], value) if key in defaults else value
        return merged
    return edition


def one_concern_rule(merged: Any, edition: Any) -> Any:
    """``merged`` with the default ``concern.days`` dropped when the edition states its rule
    as ``concern.percent`` alone (both written by the edition is refused by the model)."""
    own = edition.get("concern") if isinstance(edition, dict) else None
    if (isinstance(own, dict) and own.get("percent") is not None and "days" not in own
            and isinstance(merged.get("concern"), dict)):
        return {**merged, "concern": {**merged["concern"], "days": None}}
    return merged


def load_settings_defaults(lang: Lang, data_dir: Path = DATA_DIR) -> dict[str, Any]:
    """The default settings, resolved to one målform (for the editors' reference)."""
    return plain(load_yaml(data_dir / "settings-defaults.yml").data, lang)


def load_settings(file: Path, data_dir: Path = DATA_DIR) -> tuple[Settings, MergedSource]:
    """The edition's settings, validated; problems in the file's own målform."""
    defaults = load_yaml(data_dir / "settings-defaults.yml")
    local, lang = load_settings_yaml(file)
    if local.data is None:
        local.data = {}
    if not isinstance(local.data, dict):
        raise DataError([Problem(file, 1, (), msg("expected_settings", lang))], lang)
    merged = MergedSource([defaults, local],
                          one_concern_rule(overlay(defaults.data, local.data), local.data))
    return validate(Settings, merged, lang=lang), merged


def logo_path(settings: Settings, settings_file: Path) -> Path | None:
    return (settings_file.parent / settings.logo).resolve() if settings.logo else None
