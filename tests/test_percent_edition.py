"""An edition whose rule for days is a share of school time («12,5 % over 4 uker», issue 21),
end to end: every page, form and PDF that states the rule states that one (in every language
the edition publishes), and the absence check reads it as the page explains. The same
edition sets the school's phone number, which the parents' sheet gives (issue 20); the
default edition has none, so its sheet has a line to write it on."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from naervaer.content.edition import Edition, load_edition

from .absence_oracle import count_status
from .conftest import mkdocs_build, serve
from .test_guide import pdftotext

SETTINGS = """municipality: Prosentvik kommune
language: nb
concern:
  percent: 12.5
  weeks: "4"
  leaves_early: "2–3"
  skipped_lessons: "3"
parent_languages: [en, ar]
school_phone: "00 00 00 21"  # made up: an example edition
example: true
"""
PHRASE = "fravær på 12,5 % av skoletiden i løpet av 4 uker"
# where the rule is stated: the definition, the process, the start page, the guide pages
# that repeat it, and the two forms that quote it
PAGES = ["veileder/bekymringsfullt-fravaer.html", "gangen-i-arbeidet.html", "index.html",
         "veileder/fravaersforing.html", "veileder/informasjon-ved-skolestart.html",
         "veileder/handlingsplan.html", "skjema/info-skolestart.html",
         "skjema/handlingsplan.html", "foreldre/index.html"]
CHECK_PAGE = "veileder/bekymringsfullt-fravaer.html"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def visible(path: Path) -> str:
    import html

    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.S)
    return squash(html.unescape(re.sub(r"<[^>]+>", " ", raw)))


@pytest.fixture(scope="module")
def percent_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Edition]:
    folder = tmp_path_factory.mktemp("prosentvik")
    settings = folder / "prosentvik.yml"
    settings.write_text(SETTINGS, encoding="utf-8")
    out = folder / "site"
    mkdocs_build(settings, out)
    return out, load_edition(settings)


def test_every_page_states_the_share_rule(percent_site) -> None:
    site, ed = percent_site
    assert str(ed.s["concern"]["rule"]) == PHRASE
    for page in PAGES:
        assert PHRASE in visible(site / page), page
    for page in site.rglob("*.html"):
        text = visible(page)
        # no day rule left, and no value missing
        assert not re.search(r"\bNone\b|\{\{|dager fravær i løpet av", text), page
    # the parent pages in the other languages say it in their words, values kept
    assert "absence of 12,5 % of school time within 4 weeks" in visible(site / "foreldre/en.html")
    arabic = visible(site / "foreldre/ar.html")
    assert re.search(r"12,5\W*% من الوقت المدرسي خلال\W*4\W*أسابيع", arabic)


def test_every_pdf_states_the_share_rule(percent_site) -> None:
    site, _ = percent_site
    for name in ("info-skolestart-utskrift.pdf", "handlingsplan-utskrift.pdf"):
        assert PHRASE in squash(pdftotext(site / "skjema" / name)), name
    guide = squash(pdftotext(site / "skjema" / "naervaer-veileder.pdf"))
    assert PHRASE in guide
    # on paper, the check's reading of the rule: 12,5 % of 20 school days is 3 days
    assert ("Fravær på minst 12,5 % av skoledagene i løpet av høyst 4 uker. I 4 hele skoleuker "
            "(20 skoledager) er det minst 3 dager") in guide
    assert "dager fravær i løpet av" not in guide
    english = squash(pdftotext(site / "foreldre" / "skolefravaer-en.pdf"))
    assert "absence of 12,5 % of school time within 4 weeks" in english


@pytest.mark.browser
def test_the_check_reads_the_share(browser, percent_site) -> None:
    site, ed = percent_site
    url, httpd = serve(site)
    page = browser.new_page()
    t = ed.t
    # 12,5 % of a window's school days; in full weeks (20 school days) that is 3 days
    share, window = 0.125, 4
    days_full = math.ceil(share * 5 * window)
    assert days_full == 3
    # (weeks, days, school days or None) and the status of the days criterion
    cases: list[tuple[int, int, int | None, str]] = []
    for weeks in (4, 5, 6, 9):  # full weeks: the share is a number of days, exact
        for days in range(0, 5 * weeks + 1, 1 if weeks < 9 else 4):
            expected = ("reached" if weeks == window and days >= days_full else
                        "not" if weeks == window else
                        count_status(weeks, window, days_full, 5, days))
            cases.append((weeks, days, None, expected))
    for school in (12, 15, 17):  # the window itself with holidays: the share of those days
        for days in range(0, 4):
            cases.append((4, days, school, "reached" if days >= share * school else "not"))
    for weeks, days in ((1, 0), (1, 1), (2, 1), (3, 2)):  # shorter than the window
        expected = ("reached" if days >= days_full else
                    "high" if days >= share * 5 * weeks else "short")
        cases.append((weeks, days, None, expected))
    # a longer period with a week off: more absence than the other week can hold
    cases += [(5, 0, 20, "not"), (5, 9, 20, "reached")]
    try:
        page.goto(url + CHECK_PAGE)
        rule = squash(page.inner_text(".nv-absence__rule"))
        assert ("I 4 hele skoleuker (20 skoledager) er det minst 3 dager; har perioden ferie "
                "eller fridager, fyller du inn skoledagene, så regner sjekken andelen av dem.") \
            in rule
        for weeks, days, school, expected in cases:
            for key, value in (("weeks", weeks), ("days", days), ("leaves_early", ""),
                               ("skipped_lessons", ""), ("school_days", school or "")):
                page.fill(f"#nv-absence-{key}", str(value))
            page.click("#nv-absence-form button[type=submit]")
            item = page.locator("#nv-absence-result li[data-key=days]")
            assert item.get_attribute("data-status") == expected, (weeks, days, school)
            # the line names the share of the school days counted
            counted = school or 5 * weeks
            percent = f"{round(days / counted * 1000) / 10:g}".replace(".", ",")
            assert f"{percent} % av {counted} skoledager" in item.inner_text(), (weeks, days)
            assert t("check.status_" + expected) in item.inner_text()
    finally:
        page.close()
        httpd.shutdown()


def test_the_parents_sheet_gives_the_schools_number_or_a_line(percent_site,
                                                             site_dir: Path) -> None:
    site, _ = percent_site
    assert "Skolens telefonnummer: 00 00 00 21" in visible(site / "foreldre/index.html")
    assert "Skolens telefonnummer: 00 00 00 21" in \
        squash(pdftotext(site / "foreldre" / "skolefravaer-nb.pdf"))
    assert "School telephone number: 00 00 00 21" in \
        squash(pdftotext(site / "foreldre" / "skolefravaer-en.pdf"))
    # no number in the settings: a line the school writes it on
    line = "Skolens telefonnummer: " + "_" * 24
    assert line in visible(site_dir / "foreldre/index.html")
    assert line in squash(pdftotext(site_dir / "foreldre" / "skolefravaer-nb.pdf"))
    assert "School telephone number: " + "_" * 24 in \
        squash(pdftotext(site_dir / "foreldre" / "skolefravaer-en.pdf"))
