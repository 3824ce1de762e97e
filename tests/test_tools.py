"""The browser tools' build side: thresholds read from settings, the agreement's field names
taken from the form model, and what the pages carry (the browser side: test_tools_browser)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from naervaer.content.absence import absence_rule
from naervaer.content.edition import load_edition
from naervaer.errors import DataError
from naervaer.forms.layout import layout

from .conftest import DEFAULT_SETTINGS, EDITIONS

EDITION_FILES = [DEFAULT_SETTINGS, EDITIONS / "fjordvik.yml"]


def ends(setting: str) -> tuple[int, int]:
    numbers = [int(n) for n in setting.split("–")]
    return numbers[0], numbers[-1]


@pytest.mark.parametrize("settings", EDITION_FILES, ids=lambda p: p.stem)
def test_ranges_in_settings_become_the_numbers_the_check_compares(settings: Path) -> None:
    concern = load_edition(settings).settings.concern
    rule = absence_rule(load_edition(settings).settings)
    # the window is the upper end of «3–4 uker»; a count is reached from the lower end
    assert rule.window_weeks == ends(concern.weeks)[1]
    at_least = {t.key: t.at_least for t in rule.thresholds}
    assert at_least == {"days": concern.days, "leaves_early": ends(concern.leaves_early)[0],
                        "skipped_lessons": ends(concern.skipped_lessons)[0]}
    assert rule.contact_after_days == load_edition(settings).settings.deadlines.contact_after_days


def test_a_range_written_high_to_low_stops_the_build(data_copy: Path) -> None:
    settings = data_copy / "editions" / "fjordvik.yml"
    text = settings.read_text(encoding="utf-8")
    line = text[:text.index('weeks: "2–3"')].count("\n") + 1
    settings.write_text(text.replace('weeks: "2–3"', 'weeks: "3–2"'), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_edition(settings, data_dir=data_copy / "data", forms_dir=data_copy / "forms")
    report = err.value.report()
    assert f"fjordvik.yml, linje {line}: concern.weeks: " in report
    # the editor of a nynorsk edition is told in nynorsk
    assert "«3–2» må skrivast med det minste talet først" in report


def test_the_check_is_on_the_concern_page_and_linked_from_the_process_map(site_dir: Path) -> None:
    page = (site_dir / "veileder" / "bekymringsfullt-fravaer.html").read_text(encoding="utf-8")
    assert 'id="er-fravaeret-bekymringsfullt"' in page
    data = json.loads(re.search(r'id="nv-absence-data">(.*?)</script>', page).group(1))
    assert data["rule"]["window_weeks"] == absence_rule(load_edition().settings).window_weeks
    assert all(not key.startswith(("intro", "rule_")) for key in data["words"])
    process = (site_dir / "gangen-i-arbeidet.html").read_text(encoding="utf-8")
    start, end = process.index('id="steg-bekymringsfullt"'), process.index('id="steg-kartlegging"')
    step = process[start:end]
    assert 'href="veileder/bekymringsfullt-fravaer.html#er-fravaeret-bekymringsfullt"' in step


def test_the_plan_builder_gets_the_agreements_field_names_from_the_form(site_dir: Path) -> None:
    edition = load_edition()
    form = edition.forms["avtale-foresatte-skole"]
    inputs = [i for s in layout(form, edition) for b in s.blocks for i in b.inputs]
    names = {i.name for i in inputs}
    page = (site_dir / "tiltak" / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="nv-plan-data">(.*?)</script>', page).group(1))
    assert len(data["rows"]) == 8  # the agreement's table holds a real plan
    for i, row in enumerate(data["rows"], start=1):
        columns = ("delmal", "tiltak", "ansvar", "frist")
        assert row == {c: f"tiltak:delmal:r{i}:{c}" for c in columns}
        assert set(row.values()) <= names
    fields = set(re.findall(r'data-field="([^"]+)"', page))
    assert fields <= names
    # the signature block's place, date and names in print are the builder's too, so a
    # saved agreement opened in the builder keeps them (issue 20)
    assert {"elev:elev", "elev:skole", "elev:klasse", "status:status", "status:hovedmal",
            "tiltak:plan-b", "underskrift:signaturer:sted", "underskrift:signaturer:dato",
            "underskrift:signaturer:foresatt-1:navn", "underskrift:signaturer:foresatt-2:navn",
            "underskrift:signaturer:skole:navn"} == fields
    # the module carries no field list of its own
    module = (site_dir / "assets" / "plan-builder.js").read_text(encoding="utf-8")
    assert "tiltak:" not in module and "elev:" not in module
    # the PDF the builder fills is the edition's fillable agreement
    assert (site_dir / "tiltak" / data["pdf"]).resolve() == \
        (site_dir / "skjema" / "avtale-foresatte-skole-utfyllbar.pdf").resolve()


@pytest.mark.parametrize("edition", ["site_dir", "nn_site_dir"])
def test_the_start_page_leads_with_the_tasks(edition: str, request: pytest.FixtureRequest) -> None:
    """Issue 20: check absence, make a plan, fill a form, open a saved PDF — before anything
    else on the start page, each leading to its tool."""
    site: Path = request.getfixturevalue(edition)
    page = (site / "index.html").read_text(encoding="utf-8")
    tasks = page[page.index('id="oppgaver"'):page.index("</div>", page.index('id="oppgaver"'))]
    assert page.index('id="oppgaver"') < page.index('id="slik-bruker-du-veilederen"')
    links = re.findall(r'<h3 id="oppgave-(\w+)">(?:<a href="([^"]+)">)?', tasks)
    check = "veileder/bekymringsfullt-fravaer.html#er-fravaeret-bekymringsfullt"
    assert links == [("check", check), ("plan", "tiltak/index.html#lag-en-plan"),
                     ("form", "skjema/index.html"), ("open", "")]
    # opening a saved PDF: the plan builder for the agreement, the form pages for the rest
    assert 'href="tiltak/index.html#lag-en-plan"' in tasks.split('id="oppgave-open"')[1]
    assert 'href="skjema/index.html"' in tasks.split('id="oppgave-open"')[1]
