"""A hostile or broken settings file fails fast with a clear message; nothing is written.

Before the loader refused YAML aliases, the «billion laughs» file below kept the build busy
for minutes (every alias was copied into the line map); an oversized or deeply nested file
is refused before it is parsed.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from naervaer.content.edition import load_edition
from naervaer.content.sources import MAX_SETTINGS_BYTES
from naervaer.errors import DataError

from .conftest import mkdocs_build, previous_site, untouched

LEVELS = "abcdefghi"  # 9 levels of 9 aliases each: 9⁹ ≈ 387 million strings once expanded


def billion_laughs(language: str) -> str:
    lines = ["municipality: Ås kommune", f"language: {language}",
             'a: &a ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for prev, name in zip(LEVELS, LEVELS[1:], strict=False):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    lines.append(f"consent_services: *{LEVELS[-1]}")
    return "\n".join(lines) + "\n"


def oversized(language: str) -> str:
    """1 000 100 bytes: just over the limit."""
    head = f"municipality: Ås kommune\nlanguage: {language}\nlocal_measures:\n"
    item = "  - category: 3\n    text: Et lokalt tiltak som gjentas\n    actors: [skole]\n"
    body = item * ((MAX_SETTINGS_BYTES - len(head.encode())) // len(item) + 1)
    text = head + body
    return text + "#" * (MAX_SETTINGS_BYTES + 100 - len(text.encode()) - 1) + "\n"


def deeply_nested(language: str) -> str:
    depth = 100_000  # deep enough to crash libyaml's recursive composer if it got there
    return f"municipality: Ås kommune\nlanguage: {language}\nconsent_services: " \
        + "[" * depth + "]" * depth + "\n"


# case → (file content, language, the message the editor must see)
HOSTILE = {
    "aliases-nb": (
        billion_laughs("nb"),
        "linje 4: b[0]: forventet verdien skrevet ut, fikk en YAML-alias (*navn) som gjentar "
        "verdien fra linje 3; aliaser er ikke tillatt"),
    "aliases-nn": (
        billion_laughs("nn"),
        "linje 4: b[0]: venta verdien skriven ut, fekk ein YAML-alias (*namn) som gjentek "
        "verdien frå linje 3; aliasar er ikkje tillatne"),
    "oversized-nb": (
        oversized("nb"),
        ": (hele filen): filen er 1\u00a0001\u00a0kB; en innstillingsfil kan være høyst "
        "1\u00a0000\u00a0kB"),
    "oversized-nn": (
        oversized("nn"),
        ": (heile fila): fila er 1\u00a0001\u00a0kB; ei innstillingsfil kan vere høgst "
        "1\u00a0000\u00a0kB"),
    "deep-nb": (deeply_nested("nb"),
                "linje 3: forventet høyst 50 nivåer med innrykk, fikk flere"),
}


def where(settings: Path, message: str) -> str:
    """The report line: «file, linje n: …», or «file: (hele filen): …» without a line."""
    return f"{settings}{message}" if message.startswith(":") else f"{settings}, {message}"


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_settings_file_is_refused_by_the_loader_before_it_is_expanded(
    tmp_path: Path, case: str
) -> None:
    content, message = HOSTILE[case]
    settings = tmp_path / f"{case}.yml"
    settings.write_text(content, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(DataError) as err:
        load_edition(settings)
    elapsed = time.perf_counter() - started
    # not a speed goal but a guard: expanding the aliases took minutes and gigabytes
    assert elapsed < 20.0, f"{case}: refused only after {elapsed:.1f} s"
    report = err.value.report()
    assert where(settings, message) in report, report
    head = "Bygginga stoppa: 1 feil" if case.endswith("-nn") else "Byggingen stoppet: 1 feil"
    assert report.startswith(head), report


@pytest.mark.build
@pytest.mark.parametrize("case", ["aliases-nn", "oversized-nb"])
def test_mkdocs_build_refuses_a_hostile_settings_file_fast_and_keeps_the_previous_site(
    tmp_path: Path, case: str
) -> None:
    content, message = HOSTILE[case]
    settings = tmp_path / f"{case}.yml"
    settings.write_text(content, encoding="utf-8")
    out = previous_site(tmp_path / "site")
    started = time.perf_counter()
    result = mkdocs_build(settings, out, check=False)
    elapsed = time.perf_counter() - started
    output = result.stdout + result.stderr
    assert result.returncode != 0
    # mkdocs itself takes a few seconds to start; a hang took minutes
    assert elapsed < 30, f"mkdocs build took {elapsed:.0f} s to refuse {case}"
    assert where(settings, message) in output, output[-2000:]
    assert untouched(out)
    assert not (tmp_path / "site.building").exists()


def test_anchors_without_aliases_and_ordinary_files_still_load(tmp_path: Path) -> None:
    settings = tmp_path / "anker.yml"
    settings.write_text("municipality: &navn Ås kommune\nlanguage: nb\n", encoding="utf-8")
    assert load_edition(settings).settings.municipality == "Ås kommune"
