"""The built site in Debian's Chromium: search, deep links, filter; nothing leaves 127.0.0.1."""

from __future__ import annotations

import re

import pytest

from .conftest import DEFAULT_SETTINGS, example_edition, site_search

pytestmark = pytest.mark.browser


def unique_measure_with(word: str) -> str:
    edition = example_edition(DEFAULT_SETTINGS.name)
    hits = [m for m in edition.measures() if word in str(m.text).lower()]
    assert len(hits) == 1, f"«{word}» must occur in exactly one measure, found {len(hits)}"
    return hits[0].id


@pytest.mark.parametrize("word", ["kveldsrutiner", "garderobe", "faddergrupper"])
def test_search_finds_the_one_measure_with_an_inflected_word(page, base_url, word) -> None:
    measure_id = unique_measure_with(word)
    page.goto(base_url + "index.html")
    links = site_search(page, word, f"#{measure_id}")
    assert any(link.endswith(f"#{measure_id}") for link in links), links
    assert page.external_requests == []


def test_deep_link_to_a_measure_lands_on_it(page, base_url) -> None:
    page.goto(base_url + "tiltak/plan-for-naervaer.html#3.14")
    heading = page.locator('[id="3.14"]')
    assert heading.is_visible()
    assert re.search(r"3\.14", heading.inner_text())
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < 300, "the page is scrolled to the measure"
    assert page.evaluate("location.hash") == "#3.14"
    assert page.external_requests == []


def test_overview_filter_by_actor_and_decision(page, base_url) -> None:
    edition = example_edition(DEFAULT_SETTINGS.name)
    page.goto(base_url + "tiltak/index.html")
    assert page.is_visible("#nv-filter")
    total = len(edition.measures())
    page.check("input[name=actor][value=barnevern]")
    expected = [m for m in edition.measures() if "barnevern" in m.actors]
    visible = page.locator("#nv-overview .nv-measure:visible")
    assert visible.count() == len(expected)
    status = page.inner_text("#nv-filter-status")
    assert f"{len(expected)} av {total}" in status
    page.click("input[type=reset]")
    page.check("input[name=decision][value='1']")
    assert visible.count() == len([m for m in edition.measures() if m.decision])
    page.select_option("#nv-filter-category", "3")
    page.check("input[name=decision][value='']")
    assert visible.count() == len(edition.bank.category(3).measures)
    assert page.external_requests == []


def test_overview_is_complete_without_javascript(browser, base_url) -> None:
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(base_url + "tiltak/index.html")
    total = len(example_edition(DEFAULT_SETTINGS.name).measures())
    assert pg.locator("#nv-overview .nv-measure:visible").count() == total
    assert not pg.is_visible("#nv-filter")
    context.close()
