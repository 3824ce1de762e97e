"""The loader accepts the real data and rejects each class of error with a precise message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from naervaer.content.edition import load_edition
from naervaer.errors import DataError

ROOT = Path(__file__).resolve().parent.parent


def load(tmp: Path, settings: str = "editions/eksempel-kommune.yml"):
    return load_edition(tmp / settings, data_dir=tmp / "data", forms_dir=tmp / "forms")


def break_file(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace ``old`` by ``new`` and return the 1-based line where the change is."""
    text = path.read_text(encoding="utf-8")
    index = text.index(old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return text[:index].count("\n") + 1


def replace_key_of_measure(path: Path, measure_id: str, key: str, new_line: str) -> None:
    """Replace the line holding ``key`` in the entry of ``measure_id`` by ``new_line``."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f'id: "{measure_id}"')
    line_start = text.index(f"{key}:", start)
    line_end = text.index("\n", line_start)
    path.write_text(text[:line_start] + new_line + text[line_end:], encoding="utf-8")


def problem_for(exc: DataError, file_name: str) -> str:
    lines = [str(p) for p in exc.problems if Path(p.file).name == file_name]
    assert lines, f"no problem reported for {file_name}: {exc.report()}"
    return lines[0]


def test_real_data_loads_with_every_measure() -> None:
    edition = load_edition(ROOT / "editions" / "eksempel-kommune.yml")
    measures = edition.measures()
    assert [c.id for c in edition.bank.categories] == list(range(1, 13))
    assert len(measures) >= 140
    assert len({m.id for m in measures}) == len(measures)
    # the bank's own numbers, and the edition's local measures numbered apart (2.L1)
    assert all(re.fullmatch(r"\d{1,2}\.L\d+" if m.local else r"\d{1,2}\.\d+", m.id)
               for m in measures)
    assert [m.id for m in measures if m.local] == ["2.L1"]
    # «(PPT)»-marked lines carry the decision facet, not the marker
    decided = [m for m in measures if m.decision]
    assert decided and all("(PPT)" not in str(m.text) for m in measures)


def test_yaml_syntax_error_names_file_and_line(data_copy: Path) -> None:
    file = data_copy / "data" / "measures.yaml"
    line = break_file(file, "categories:", "categories: [")
    with pytest.raises(DataError) as err:
        load(data_copy)
    message = problem_for(err.value, "measures.yaml")
    assert "YAML-feil" in message
    assert re.search(r"linje \d+", message)
    assert int(re.search(r"linje (\d+)", message).group(1)) >= line


def test_duplicate_measure_id_is_rejected_with_both_lines(data_copy: Path) -> None:
    file = data_copy / "data" / "measures.yaml"
    line = break_file(file, 'id: "3.2"', 'id: "3.1"')
    with pytest.raises(DataError) as err:
        load(data_copy)
    message = problem_for(err.value, "measures.yaml")
    assert f"linje {line}:" in message
    assert "categories[2].measures[1].id" in message
    assert "«3.1» er brukt før" in message


def test_missing_required_field_names_key_path(data_copy: Path) -> None:
    # drop the actors of measure 5.1, misspell a key instead
    replace_key_of_measure(data_copy / "data" / "measures.yaml", "5.1", "actors",
                           "decision_x: false")
    with pytest.raises(DataError) as err:
        load(data_copy)
    report = err.value.report()
    assert "categories[4].measures[0].actors: mangler" in report
    assert "ukjent nøkkel «decision_x» – mente du «decision»?" in report


def test_wrong_category_set_is_rejected(data_copy: Path) -> None:
    file = data_copy / "data" / "measures.yaml"
    break_file(file, "- id: 12\n", "- id: 13\n")
    with pytest.raises(DataError) as err:
        load(data_copy)
    report = err.value.report()
    assert "measures.yaml" in report
    assert "categories[11].id" in report and "høyst 12" in report


def test_wrong_type_and_bad_actor(data_copy: Path) -> None:
    replace_key_of_measure(data_copy / "data" / "measures.yaml", "6.1", "actors",
                           "actors: [skole, rektor]")
    with pytest.raises(DataError) as err:
        load(data_copy)
    message = problem_for(err.value, "measures.yaml")
    assert "categories[5].measures[0].actors[1]" in message
    assert "'rektor'" in message and "skole" in message


def test_unknown_placeholder_in_text(data_copy: Path) -> None:
    file = data_copy / "data" / "ui.yaml"
    break_file(file, "har {{ s.concern.rule }},", "har {{ s.concern.rulez }},")
    lines = file.read_text(encoding="utf-8").splitlines()
    nb_line = lines.index("start.concern_body:") + 2  # the «nb:» key below it, 1-based
    with pytest.raises(DataError) as err:
        load(data_copy)
    message = problem_for(err.value, "ui.yaml")
    assert f"ui.yaml, linje {nb_line}: start.concern_body.nb" in message
    assert "ukjent plassholder" in message and "rulez" in message


def test_reference_to_missing_form_is_rejected(data_copy: Path) -> None:
    file = data_copy / "data" / "measures.yaml"
    break_file(file, "arsakskort", "arsakskort-finnes-ikke")
    with pytest.raises(DataError) as err:
        load(data_copy)
    assert "fant ikke skjemaet forms/arsakskort-finnes-ikke.yaml" in err.value.report()


def test_missing_settings_file_is_an_error_not_skipped(tmp_path: Path) -> None:
    with pytest.raises(DataError) as err:
        load_edition(tmp_path / "finnes-ikke.yml")
    assert "finnes-ikke.yml" in err.value.report() and "filen finnes ikke" in err.value.report()
