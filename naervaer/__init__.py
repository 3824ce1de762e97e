"""Nærvær: one model of a municipality's school-absence guide, rendered as a site and as PDFs."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
FORMS_DIR = ROOT / "forms"
EDITIONS_DIR = ROOT / "editions"
DEFAULT_SETTINGS = EDITIONS_DIR / "eksempel-kommune.yml"
