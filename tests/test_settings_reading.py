"""Settings are read as written (issue 18): YAML 1.2's core schema, and where a setting is
text, the scalar's own text. Every YAML 1.1 surprise an editor can run into is written here
the way an editor writes it, unquoted, and must reach the edition exactly as typed."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from naervaer.cli.app import load_texts
from naervaer.cli.starter import starter
from naervaer.content.edition import load_edition
from naervaer.content.schema.settings import Settings
from naervaer.content.settings_file import load_settings
from naervaer.content.values import unset_facts
from naervaer.text import plain

from .test_cli import naervaer, squash

HEAD = "municipality: Ås kommune\nlanguage: nb\n"


def read(folder: Path, body: str, head: str = HEAD) -> Settings:
    file = folder / "kommune.yml"
    file.write_text(head + body, encoding="utf-8")
    return load_settings(file)[0]


def get(settings: Settings, path: str) -> Any:
    value: Any = settings
    for part in path.split("."):
        if isinstance(value, dict):
            value = value[part]
        else:
            value = value[int(part)] if part.isdigit() else getattr(value, part)
    return value


# (what the editor writes, the key path, what the edition must get). YAML 1.1 (PyYAML's
# default) read each of these as something else: the comment says what.
AS_WRITTEN = [
    ("deadlines:\n  report_by: 10:30\n", "deadlines.report_by", "10:30"),  # 630 (base 60)
    ("deadlines:\n  call_home_by: 09:00\n", "deadlines.call_home_by", "09:00"),  # 540
    ("deadlines:\n  report_by: 08.20\n", "deadlines.report_by", "08.20"),  # 8.2
    ("concern:\n  weeks: 4\n", "concern.weeks", "4"),  # the number 4: «venta tekst»
    ("concern:\n  leaves_early: 010\n", "concern.leaves_early", "010"),  # 8 (octal)
    ("hidden_measures: [8.10]\n", "hidden_measures.0", "8.10"),  # 8.1
    ("hidden_measures:\n  - 12.10\n  - 6.19\n", "hidden_measures.0", "12.10"),  # 12.1
    ("absence_system: no\n", "absence_system", "no"),  # False
    ("absence_system: yes\n", "absence_system", "yes"),  # True
    ("absence_system: on\n", "absence_system", "on"),  # True
    ("reporting_channel: off\n", "reporting_channel", "off"),  # False
    ("reporting_channel: Off\n", "reporting_channel", "Off"),  # False
    ("pp_service:\n  short: y\n", "pp_service.short", "y"),  # True
    ("pp_service:\n  short: N\n", "pp_service.short", "N"),  # False
    ("absence_system: 0123\n", "absence_system", "0123"),  # 83 (octal)
    ("absence_system: 1e3\n", "absence_system", "1e3"),  # 1000.0 in YAML 1.2 too
    ("absence_system: 0o17\n", "absence_system", "0o17"),  # 15 in YAML 1.2
    ("absence_system: 0x1F\n", "absence_system", "0x1F"),  # 31
    ("absence_system: 1_000\n", "absence_system", "1_000"),  # 1000
    ("absence_system: +12\n", "absence_system", "+12"),  # 12
    ("absence_system: 2026-12-06\n", "absence_system", "2026-12-06"),  # a date
    ("absence_system: 2026-12-06 08:20:00\n", "absence_system", "2026-12-06 08:20:00"),
    ("absence_system: .inf\n", "absence_system", ".inf"),  # infinity
    ("absence_system: -.Inf\n", "absence_system", "-.Inf"),
    ("absence_system: .NaN\n", "absence_system", ".NaN"),
    ("absence_system: TRUE\n", "absence_system", "TRUE"),  # True (1.2 too)
    ("child_welfare:\n  out_of_hours:\n    hours: 15:30\n",  # a time two levels down
     "child_welfare.out_of_hours.hours", "15:30"),
    ("partner_services:\n  - name: 1814\n    mandate: 2026-12-06\n",
     "partner_services.0.name", "1814"),
    ("partner_services:\n  - name: Teamet\n    mandate: 12:30\n",
     "partner_services.0.mandate", "12:30"),
    ("local_measures:\n  - category: 3\n    text: 1e3\n    actors: [skole]\n",
     "local_measures.0.text", "1e3"),
    ("search_synonyms:\n  - [no, nei]\n", "search_synonyms.0.0", "no"),
    ("words: [on, 0123]\n", "words.1", "0123"),
    ("consent_services:\n  - name: Teamet\n    translations:\n      en: {name: yes}\n",
     "consent_services.0.translations.en.name", "yes"),
]


@pytest.mark.parametrize(("body", "path", "expected"), AS_WRITTEN,
                         ids=[f"{p}={e}" for _, p, e in AS_WRITTEN])
def test_a_yaml_1_1_surprise_keeps_its_text(body: str, path: str, expected: str,
                                            tmp_path: Path) -> None:
    value = get(read(tmp_path, body), path)
    assert value == expected and isinstance(value, str)


# where the schema wants a number, YAML 1.2 reads one: a leading zero is no octal
NUMBERS = [
    ("concern:\n  days: 010\n", "concern.days", 10),  # 8 in YAML 1.1
    ("concern:\n  days: 08\n", "concern.days", 8),  # an error in YAML 1.1
    ("concern:\n  days: +7\n", "concern.days", 7),
    ("deadlines:\n  contact_after_days: 0o17\n", "deadlines.contact_after_days", 15),
    ("deadlines:\n  doctors_note_after_days: 1e1\n", "deadlines.doctors_note_after_days", 10),
]


@pytest.mark.parametrize(("body", "path", "expected"), NUMBERS)
def test_a_number_where_a_number_is_wanted(body: str, path: str, expected: int,
                                           tmp_path: Path) -> None:
    assert get(read(tmp_path, body), path) == expected


NULLS = [  # ~, null, Null, NULL and nothing at all are YAML 1.2's null: «not set»
    ("site_url: ~\n", "site_url"),
    ("pp_service:\n  hours: null\n", "pp_service.hours"),
    ("parent_languages: Null\n", "parent_languages"),
    ("absence_system: NULL\n", "absence_system"),
    ("child_welfare:\n  phone:\n", "child_welfare.phone"),
]


@pytest.mark.parametrize(("body", "path"), NULLS)
def test_null_where_a_setting_may_be_empty(body: str, path: str, tmp_path: Path) -> None:
    settings_ = read(tmp_path, body)
    assert get(settings_, path) is None
    if path in ("absence_system", "child_welfare.phone"):  # a local fact: still unset
        assert tuple(path.split(".")) in unset_facts(settings_)


# -- the same, for anything an editor might type ------------------------------------------
NOT_TEXT_IN_YAML_1_1 = st.one_of(
    st.from_regex(r"\A[-+]?[0-9]{1,8}\Z"),  # integers, leading zeros included
    st.from_regex(r"\A[-+]?[0-9]{0,4}\.[0-9]{1,4}([eE][-+]?[0-9]{1,2})?\Z"),  # decimals
    st.from_regex(r"\A[-+]?[0-9]{1,3}(:[0-5][0-9]){1,2}\Z"),  # base 60: times
    st.from_regex(r"\A0[oxb][0-9a-fA-F]{1,6}\Z"),  # octal, hexadecimal, binary
    st.from_regex(r"\A[12][0-9]{3}-[01][0-9]-[0-3][0-9]\Z"),  # dates
    st.sampled_from(["yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off",
                     "OFF", "y", "Y", "n", "N", "true", "True", "false", "FALSE", ".inf",
                     "-.inf", ".nan", ".NaN"]),
)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(written=NOT_TEXT_IN_YAML_1_1)
def test_any_plain_scalar_in_a_text_setting_reads_as_written(written: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        body = f"pp_service:\n  short: {written}\n"
        assert read(Path(folder), body).pp_service.short == written


@settings(max_examples=40, deadline=None)
@given(category=st.integers(1, 12), number=st.integers(1, 40), zeros=st.integers(0, 2))
def test_any_measure_id_reads_as_written(category: int, number: int, zeros: int) -> None:
    written = f"{category}.{number}{'0' * zeros}"  # 8.10, 8.100: never 8.1
    with tempfile.TemporaryDirectory() as folder:
        assert read(Path(folder), f"hidden_measures: [{written}]\n").hidden_measures \
            == [written]


# -- through the whole edition -----------------------------------------------------------
def test_measure_8_10_is_hidden_and_8_1_is_not(tmp_path: Path) -> None:
    file = tmp_path / "kommune.yml"
    file.write_text(HEAD + "hidden_measures: [8.10]\n", encoding="utf-8")
    edition = load_edition(file)
    assert edition.bank.measure("8.10") is None
    assert edition.bank.measure("8.1") is not None


def test_sjekk_shows_the_values_as_written(tmp_path: Path) -> None:
    file = tmp_path / "kommune.yml"
    file.write_text(HEAD + "concern:\n  weeks: 4\ndeadlines:\n  report_by: 10:30\n"
                    "  call_home_by: 11:00\nhidden_measures: [8.10]\n", encoding="utf-8")
    result = naervaer("sjekk", file.name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = squash(result.stdout)
    assert "7 dager fravær i løpet av 4 uker" in out
    assert "fravær meldes innen kl. 10:30, skolen ringer hjem før kl. 11:00" in out
    assert "Skjulte tiltak: 1" in out


# -- the starter file reads back as it is written ----------------------------------------
def uncomment(text: str) -> str:
    """The starter file with every commented key written in: «# key: …» and its nested
    lines lose their «# », the explanations between them go."""
    out: list[str] = []
    inside = False
    for line in text.splitlines():
        if re.match(r"^# [a-z_]+:", line):
            inside = True
            out.append(line[2:])
        elif inside and line.startswith("# ") and line[2:].startswith((" ", "- ")):
            if not line[2:].lstrip().startswith("#"):
                out.append(line[2:])
        else:
            inside = False
            out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_every_key_of_the_starter_file_written_in_keeps_the_default(
    lang: str, tmp_path: Path
) -> None:
    """The starter file shows `report_by: 08:20`, `weeks: 3–4` unquoted: an editor who
    takes away the «# » gets exactly the default, never 500 minutes."""
    t = load_texts(lang)
    texts = {"header": t["new.header"].format(municipality="Havøy kommune", file="h.yml"),
             "item_keys": t["new.item_keys"], "default": t["new.default"]}
    target = tmp_path / "havoy.yml"
    text = starter(target, lang, "Havøy kommune", texts)
    written = uncomment(text)
    assert "\ndeadlines:\n" in written and "  report_by: 08:20\n" in written
    assert "\n  weeks: 3–4\n" in written
    target.write_text(written, encoding="utf-8")
    full = load_settings(target)[0]
    bare = read(tmp_path, "", head=f"municipality: Havøy kommune\nlanguage: {lang}\n")
    # the starter writes each text in the file's målform; the defaults hold both
    assert plain(full.model_dump(), lang) == plain(bare.model_dump(), lang)
