"""Carry forward (issue 20) is data: samarbeidsmøte 2 names, in its definition, which fields
of the agreement fill which of its own. The mapping is written out for the page, checked
against both forms' fields, and a wrong form or field stops the build with file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from naervaer.content.edition import load_edition
from naervaer.errors import DataError
from naervaer.forms.layout import carry_forward, declared_fields
from naervaer.site.form_fill import fill_data

from .conftest import DEFAULT_SETTINGS, EDITIONS
from .test_loader import break_file, load, problem_for

MEETING_2 = "samarbeidsmote-2"
AGREEMENT = "avtale-foresatte-skole"


@pytest.mark.parametrize("settings", [DEFAULT_SETTINGS, EDITIONS / "fjordvik.yml"])
def test_every_row_of_the_agreement_goes_into_the_evaluation(settings: Path) -> None:
    ed = load_edition(settings)
    mapping = carry_forward(ed.forms[MEETING_2], ed)
    ours = declared_fields(ed.forms[MEETING_2], ed)
    theirs = declared_fields(ed.forms[AGREEMENT], ed)
    rows = [name for name in theirs if name.endswith(":tiltak") and ":r" in name]
    assert len(rows) == 8  # the agreement's rows (the plan builder's limit)
    for row in range(1, 9):
        assert mapping[f"evaluering:tiltak:r{row}:nr"] == [f"tiltak:delmal:r{row}:tiltak"]
        assert mapping[f"evaluering:tiltak:r{row}:delmal"] == [f"tiltak:delmal:r{row}:delmal"]
        assert mapping[f"evaluering:tiltak:r{row}:ansvar"] == [
            f"tiltak:delmal:r{row}:ansvar", f"tiltak:delmal:r{row}:frist"]
    assert all(ours[name] in ("text", "multiline") for name in mapping)
    assert all(theirs[name] in ("text", "multiline") for names in mapping.values()
               for name in names)
    # the page gets it in its data block, with the source form's title for messages
    data = fill_data(ed.forms[MEETING_2], ed, {})
    assert data["carry"]["fields"] == mapping and data["carry"]["source"] == AGREEMENT
    assert data["carry"]["title"] == str(ed.forms[AGREEMENT].title)
    assert "carry" not in fill_data(ed.forms[AGREEMENT], ed, {})


def test_an_unknown_source_form_stops_the_build(data_copy: Path) -> None:
    file = data_copy / "forms" / f"{MEETING_2}.yaml"
    line = break_file(file, "  source: avtale-foresatte-skole", "  source: avtale-finnes-ikke")
    with pytest.raises(DataError) as err:
        load(data_copy)
    message = problem_for(err.value, f"{MEETING_2}.yaml")
    assert "carry_forward.source" in message and f"linje {line}" in message
    assert "forms/avtale-finnes-ikke.yaml" in message


def test_an_unknown_field_stops_the_build(data_copy: Path) -> None:
    file = data_copy / "forms" / f"{MEETING_2}.yaml"
    break_file(file, '["tiltak:delmal:r{row}:delmal"]', '["tiltak:delmal:r{row}:delmaal"]')
    ed = load(data_copy)
    with pytest.raises(DataError) as err:
        carry_forward(ed.forms[MEETING_2], ed)
    report = err.value.report()
    assert "carry_forward.fields.evaluering:tiltak:r{row}:delmal" in report
    assert "«tiltak:delmal:r1:delmaal» er ikke et tekstfelt i skjemaet " \
           "forms/avtale-foresatte-skole.yaml" in report
