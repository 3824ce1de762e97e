"""The preview an editor types against (`naervaer vis`, issue 18): while the settings file is
broken the server keeps answering with the last good version, and the problem is told once,
in Norwegian, in the terminal and on the open page; the next good save recovers. A PDF is
rendered again only when what it prints has changed, and the page preview never waits for
PDFs. No library chatter. (How fast is measured in bench/, not here.)"""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from naervaer.content.edition import load_edition
from naervaer.messages import msg
from naervaer.pdf.build import build_all, plan
from naervaer.pdf.fonts import field_font, fill_fonts

from .conftest import TEST_CACHE, interrupt
from .test_cli import NAERVAER, cli_env, fetch, free_port, squash, wait_for

GOOD = "municipality: Forhåndsvik kommune\nlanguage: nb\n"
# a quote never closed: the parser stumbles on the next line, the message names this one
BROKEN = GOOD + 'absence_system: "IST\nreporting_channel: "Mobilskole"\n'
FIXED = "municipality: Forhåndsvik kommune (rettet)\nlanguage: nb\n"


def status(url: str) -> dict[str, Any]:
    return dict(json.loads(fetch(url + "__naervaer__/status")))


@pytest.mark.build
@pytest.mark.browser
def test_vis_keeps_the_last_good_version_while_the_file_is_broken(
    tmp_path: Path, page: Any
) -> None:
    settings = tmp_path / "kommune.yml"
    settings.write_text(GOOD, encoding="utf-8")
    port = free_port()
    log_file = tmp_path / "vis.log"
    with log_file.open("w") as log:
        proc = subprocess.Popen(
            [str(NAERVAER), "vis", settings.name, "--port", str(port)], cwd=tmp_path,
            env=cli_env(NAERVAER_NO_PDF="1", NAERVAER_CACHE=str(TEST_CACHE)), stdout=log,
            stderr=subprocess.STDOUT, text=True)
        url = f"http://127.0.0.1:{port}/"
        try:
            wait_for(lambda: "Forhåndsvik kommune" in fetch(url), 180, "the first preview")
            page.goto(url)
            expect(page).to_have_title(re.compile("Forhåndsvik kommune$"))
            good = status(url)
            assert good["error"] == ""

            settings.write_text(BROKEN, encoding="utf-8")
            broken = wait_for(lambda: status(url)["error"] and status(url), 60, "the problem")
            problem = msg("yaml_open_quote", "nb", quote='"')
            assert f"{settings}, linje 3: " in broken["error"] and problem in broken["error"]
            assert broken["title"] == "Innstillingsfila har feil – siden viser siste versjon " \
                "som var i orden:"
            # the server still answers, with the last good version
            assert "<title>Nærvær – Forhåndsvik kommune</title>" in fetch(url)
            assert "Forhåndsvik kommune" in fetch(url + "veileder/fravaersforing.html")
            # the open page shows the problem, in Norwegian, and is not reloaded
            alert = page.locator(".nv-preview-error[role=alert]")
            expect(alert).to_contain_text(broken["title"], timeout=15_000)
            expect(alert).to_contain_text(problem)
            expect(page).to_have_title(re.compile("Forhåndsvik kommune$"))

            # saved again, still broken, and a few seconds on: told once all the same
            time.sleep(1.5)
            settings.write_text(BROKEN, encoding="utf-8")
            wait_for(lambda: status(url)["version"] > broken["version"], 60, "the second save")
            time.sleep(3)

            settings.write_text(FIXED, encoding="utf-8")
            expect(page).to_have_title(re.compile(r"\(rettet\)"), timeout=180_000)
            expect(alert).to_have_count(0)
            assert status(url)["error"] == ""
            assert page.console_errors == [] and page.external_requests == []
        finally:
            interrupt(proc)
    output = log_file.read_text(encoding="utf-8")
    assert output.count(problem) == 1, output
    assert output.count("Nettleseren viser fortsatt siste versjon som var i orden.") == 1
    assert "I orden igjen, oppdatert" in output
    assert not re.search(r"^(?:INFO|DEBUG|WARNING)\b|FFTM|fontTools|Traceback", output,
                         re.M), output


# -- PDFs: rendered again only when what they print has changed --------------------------
def keys(folder: Path, name: str, body: str) -> dict[tuple[str, str], str]:
    file = folder / f"{name}.yml"
    file.write_text(GOOD + body, encoding="utf-8")
    edition = load_edition(file, draft=True)
    return {(p.form_id, p.variant): p.job.key for p in plan(edition, folder / "cache")}


def test_a_pdf_is_rendered_again_only_when_a_value_it_prints_has_changed(
    tmp_path: Path
) -> None:
    before = keys(tmp_path, "before", "")
    days = keys(tmp_path, "days", "concern:\n  days: 9\n")
    unprinted = keys(tmp_path, "unprinted", "search_synonyms:\n  - [Familiens hus, familietjeneste]"
                     "\nwords: [ICDP]\neditor_page: true\n")
    assert before.keys() == days.keys() == unprinted.keys()
    assert len(before) >= 60
    changed = {what for what in before if before[what] != days[what]}
    # the letter at school start, the action plan and the guide print the number of days …
    assert {("info-skolestart", "printable"), ("handlingsplan", "printable"),
            ("_guide", "guide")} <= changed
    # … the consent form, the checklists and most other forms do not
    assert not {what for what in changed if what[0] in ("samtykke", "sjekkliste-elev",
                                                        "vip-brev", "samarbeidsmote-2")}
    assert len(changed) <= len(before) // 3
    # values no PDF prints change no PDF: the key is what a form prints, not the settings file
    assert before == unprinted


def test_the_page_preview_never_waits_for_a_pdf(tmp_path: Path) -> None:
    """The preview builds its pages with the PDFs the cache has (none here): nothing is
    rendered on the way; the missing PDFs come afterwards, in the background."""
    file = tmp_path / "kommune.yml"
    file.write_text(GOOD, encoding="utf-8")
    edition = load_edition(file, draft=True)
    cache = tmp_path / "cache"
    assert build_all(edition, cache, render=False) == []
    assert list(cache.rglob("*.pdf")) == []


def test_fonts_are_made_without_library_chatter(tmp_path: Path,
                                                capfd: pytest.CaptureFixture[str]) -> None:
    """fontTools says «FFTM NOT subset» for the fonts' FontForge table unless it is told to
    drop it: a first build (in CI, always) would print it."""
    field_font(tmp_path)
    made = fill_fonts(tmp_path)
    out, err = capfd.readouterr()
    assert squash(out + err) == ""
    assert all(path.is_file() for path in made.values())
    assert {p.suffix for p in tmp_path.rglob("*") if p.is_file()} == {".ttf", ".json"}
