"""Write the editors' JSON Schema (``data/settings.schema.json``) from the settings model.

    python -m naervaer.schema          # write it; exit 1 if it changed (for CI: commit it)
    python -m naervaer.schema --check  # only check
"""

from __future__ import annotations

import json
import sys

from . import DATA_DIR
from .settings import editor_schema

SCHEMA_FILE = DATA_DIR / "settings.schema.json"


def render() -> str:
    return json.dumps(editor_schema(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    wanted = render()
    current = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
    if current == wanted:
        return 0
    if "--check" in argv:
        print(f"{SCHEMA_FILE} is out of date: run python -m naervaer.schema", file=sys.stderr)
        return 1
    SCHEMA_FILE.write_text(wanted, encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
