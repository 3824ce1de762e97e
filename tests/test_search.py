"""The site's search as people search (issue #23), in Debian's Chromium through the header
box of both example editions: the query set (tests/search_queries.yaml) with a right page
in the top 3, the issue's failures gone, help instead of a dead end, short results on a
phone, nothing sent, stored or put in the URL, and the index only when asked for."""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from naervaer.content.edition import load_edition

from .conftest import EDITIONS, stored_anything
from .search_eval import (
    RESULT_GROUPS_JS,
    TOP,
    load_queries,
    no_hit_queries,
    rank_of_right,
    site_path,
)
from .test_quality_browser import AXE_OPTIONS

pytestmark = pytest.mark.browser

AXE = Axe()
SETTINGS = {"nb": EDITIONS / "eksempel-kommune.yml", "nn": EDITIONS / "fjordvik.yml"}
# the failures the issue names, each of which must be gone in both editions
ISSUE_QUERIES = ["tiltak for engstelig elev", "skolevegering", "fraver", "helsesøster",
                 "sykemelding", "skolefobi", "blanke ark", "angst", "mobbing"]
ISSUE_QUERIES_NB = ["elev som ikke kommer på skolen", "skolevegringen", "opplæringslova", "PPT",
                    "fråvær", "skulevegring", "føresette melde fråvær"]
LISTEN = """() => { if (!window.__nvListening) { window.__nvListening = true;
    document.addEventListener('nv-search-shown', e => { window.__nvLast = e.detail.query }) } }"""


def wait_for(page, expression: str, arg: object = None, timeout: float = 15_000) -> None:
    """Poll a function in the page (the site's CSP forbids what wait_for_function may need)."""
    waited = 0.0
    while not page.evaluate(expression, arg):
        assert waited < timeout, f"timed out: {expression} ({arg!r})"
        page.wait_for_timeout(25)
        waited += 25


def open_search(page, url: str) -> None:
    page.goto(url + "index.html")
    page.evaluate(LISTEN)
    if page.viewport_size["width"] < 960:
        page.click("label.md-header__button[for=__search]")
    else:
        page.click(".md-search__input")


def search(page, query: str) -> list[list[str]]:
    """Type ``query`` into the header box key by key, as a reader does; the result groups
    (a page's link, then its sections') once the results of the whole query are shown."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=5)
    wait_for(page, "(q) => window.__nvLast === q", query)
    return page.evaluate(RESULT_GROUPS_JS)


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_query_set_finds_a_right_page_in_the_top_3(served, browser, lang: str) -> None:
    url, _ = served[lang]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    open_search(page, url)
    queries = load_queries(lang)
    assert len(queries) >= 40
    missed = {}
    for q in queries:
        groups = [[site_path(link, url) for link in g] for g in search(page, q.q)]
        rank = rank_of_right(groups, q.pages)
        if rank is None or rank > TOP:
            missed[q.q] = (rank, [g[0] for g in groups[:TOP]])
    page.close()
    score = 1 - len(missed) / len(queries)
    assert score >= 0.9, f"{lang}: {score:.0%} in the top {TOP}; missed: {missed}"
    issue = ISSUE_QUERIES + (ISSUE_QUERIES_NB if lang == "nb" else [])
    assert not set(issue) & set(missed), {q: missed[q] for q in set(issue) & set(missed)}
    assert not errors


def test_the_issue_s_failures_are_gone(served, browser) -> None:
    url, _ = served["nb"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    open_search(page, url)
    # small words match nothing on their own: no result for «for», «i», «på», «som» alone
    groups = search(page, "tiltak for engstelig elev")
    assert not any("skjema/foreldresamtale" in g[0] for g in groups[:3]), groups[:3]
    # only words a result really lacks are named, and never a stopword
    search(page, "elev som ikke kommer på skolen")
    missing = page.eval_on_selector_all(".md-search-result__terms",
                                        "els => els.map(e => e.textContent)")
    assert not any(re.search(r"\b(som|ikke|på)\b", m) for m in missing), missing
    # punctuation no longer sticks to words: «(opplæringsloven» and «Blanke ark»
    groups = search(page, "blanke ark")
    assert site_path(groups[0][1], url) == "tiltak/plan-for-naervaer.html#3.9", groups[0]
    # a measure's result shows its number and the start of its text
    title = page.inner_text(".md-search-result__item article h2")
    assert title.startswith("3.9 «Blanke ark» –"), title
    # a form is found by its purpose, and its snippet is that purpose, not its field labels
    search(page, "samtykke")
    text = page.inner_text(".md-search-result__list")
    assert "dd.mm.åååå" not in text and "RadHvorHva" not in text
    # a quoted phrase is a phrase: «"gangen i arbeidet"» finds only pages with those words
    # in that order
    groups = search(page, '"gangen i arbeidet"')
    assert site_path(groups[0][0], url) == "gangen-i-arbeidet.html"
    assert len(groups) < 10, len(groups)
    page.close()


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_no_hits_is_no_dead_end(served, browser, lang: str) -> None:
    url, site = served[lang]
    ui = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8")
                    )["config"]["nv"]["ui"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    open_search(page, url)
    for query in no_hit_queries():
        assert search(page, query) == []
        help_text = page.inner_text(".nv-search-help")
        assert ui["none_help"] in help_text
        for key, path in (("measures_link", "tiltak/index.html"),
                          ("forms_link", "skjema/index.html")):
            href = page.get_attribute(f".nv-search-help a:text-is('{ui[key]}')", "href")
            assert href and site_path(href, url).split("#")[0] == path
            assert (site / path).is_file()
    # two letters wrong: nothing found, but «Mente du …?» offers the word, and a press searches
    assert search(page, "barnvernn") == []
    assert ui["did_you_mean"] in page.inner_text(".nv-search-help")
    page.click(".nv-search-help__suggest")
    wait_for(page, "() => window.__nvLast === document.querySelector('.md-search__input').value"
                   " && document.querySelectorAll('.md-search-result__item').length > 0")
    assert page.input_value(".md-search__input").startswith("barnevern")
    # a phrase that is nowhere: the synonyms tried are named, and the words without quotes
    # are offered
    assert search(page, '"helsesøster i kantina"') == []
    help_text = page.inner_text(".nv-search-help")
    assert ui["also_tried"] in help_text and "helsesykepleier" in help_text.lower()
    assert "helsesøster i kantina" in help_text
    page.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_search_ui_passes_axe_and_fits_a_phone(served, browser, width: int) -> None:
    url, _ = served["nb"]
    page = browser.new_page(viewport={"width": width, "height": 740})
    open_search(page, url)
    search(page, "tiltak for engstelig elev")
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")
    violations = AXE.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    # a result is a few lines, not a screen of one form's field labels: on a phone the
    # first screen shows at least three results
    heights = page.eval_on_selector_all(
        ".md-search-result__item",
        "els => els.slice(0, 5).map(e => e.getBoundingClientRect().height)")
    assert max(heights) < 330, heights
    tops = page.eval_on_selector_all(
        ".md-search-result__item", "els => els.slice(0, 3).map(e => e.getBoundingClientRect().top)")
    assert tops[2] < 740 if width == 375 else True, tops
    search(page, "xyzzy")
    violations = AXE.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    page.close()


def test_nothing_is_sent_stored_or_put_in_the_url(served, browser) -> None:
    url, _ = served["nb"]
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(url + "veileder/fravaersforing.html", wait_until="networkidle")
    # nothing of the search before the reader reaches for it
    assert not any(re.search(r"/search/search_|/workers/|search-help|search\.css", u)
                   for u in requested), requested
    page.evaluate(LISTEN)
    page.click(".md-search__input")
    for query in ("skolevegring", "xyzzy", "barnvernn"):
        search(page, query)
    page.click(".nv-search-help__suggest")
    wait_for(page, "() => document.querySelectorAll('.md-search-result__item').length > 0")
    assert any("search_index.json" in u for u in requested)
    assert any(u.endswith("/workers/search-nv.js") for u in requested)
    assert all(u.startswith(url) for u in requested), [
        u for u in requested if not u.startswith(url)]
    typed = ("skolevegring", "xyzzy", "barnvern")
    assert not any(t in u for u in requested for t in typed)
    assert not any(t in page.url for t in typed) and "?" not in page.url
    links = page.eval_on_selector_all(".md-search-result a, .nv-search-help a",
                                      "els => els.map(e => e.href)")
    assert links and not any(t in link for link in links for t in typed)
    assert stored_anything(page) == {}
    context.close()


# --- the index as built --------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_index_is_norwegian_and_holds_what_readers_need(served, lang: str) -> None:
    _, site = served[lang]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    config = index["config"]
    assert config["lang"] == ["no"] and config["pipeline"] == ["stopWordFilter", "stemmer"]
    separator = re.compile(config["separator"])

    def split(text: str) -> list[str]:  # as the theme's tokenizer: empty ranges are skipped
        return [w for w in separator.split(text) if w]

    assert split("«Blanke ark» (opplæringsloven) barnehage/skole: «slutt».") == [
        "Blanke", "ark", "opplæringsloven", "barnehage", "skole", "slutt"]
    assert split("tiltak 3.9 kl. 08:20, e-post") == ["tiltak", "3.9", "kl", "08", "20", "e",
                                                      "post"]
    docs = {d["location"]: d for d in index["docs"]}
    ed = load_edition(SETTINGS[lang])
    # forms by title, purpose and when; never their field labels
    for form_id, form in ed.forms.items():
        doc = docs.get(f"skjema/{form_id}.html")
        if doc is None:
            continue  # the card sheets have no page
        assert doc["kind"] == "form"
        assert str(form.purpose)[:40] in doc["text"].replace("&quot;", '"')
        assert "dd.mm.åååå" not in doc["text"] and len(doc["text"]) < 900, form_id
    assert not any(loc.startswith("skjema/index.html#") for loc in docs)
    assert not any(re.search(r"#nv-(related|tools)-title$", loc) for loc in docs)
    # measures: number and the start of the text
    measures = [d for d in index["docs"] if d["kind"] == "measure"]
    assert len(measures) == len(ed.measures())
    for doc in measures:
        number = doc["location"].split("#")[1]
        assert doc["title"].startswith(number + " ") and len(doc["title"]) < 90, doc["title"]
    # the no-hit help's words, in the edition's målform, from data/ui.yaml
    for key, value in config["nv"]["ui"].items():
        assert value == str(ed.t(f"search.{key}"))
    # the edition's PP service's names join the PP synonyms
    pp = next(g for g in config["nv"]["groups"] if "PPT" in g)
    assert ed.settings.pp_service.short in pp and ed.settings.pp_service.name in pp
    # one worker file, holding ours, the theme's and lunr-languages' Norwegian files
    worker = (site / "assets" / "javascripts" / "workers" / "search-nv.js").read_text("utf-8")
    assert "nvSearchReady" in worker and "lunr.no" in worker and "stemmerSupport" in worker
    assert not (site / "assets" / "search-worker.js").exists()
    assert not (site / "assets" / "search-query.js").exists()
