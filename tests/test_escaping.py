"""Values from a settings file are text, never markup — on every page and in the PDFs.

Two editions are built once for this module, pages only (``NAERVAER_NO_PDF=1``), plus a few
PDFs rendered by the same code the build uses:

* «Aure & Smøla» (nynorsk): an ampersand in the name reads as itself, never «&amp;»;
* a hostile edition: ``<script>alert(1)</script> kommune`` as the name, and markup, event
  handlers, attribute lists and ``javascript:`` links in contacts, partner services, a local
  measure and a local text. All of it must show as the characters typed.
"""

from __future__ import annotations

import html
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from naervaer.content.edition import Edition, load_edition
from naervaer.markup import escape_text, neutralise_markdown, plain_text, to_html

from .conftest import mkdocs_build, serve, site_search

NAME = "<script>alert(1)</script> kommune"
AURE = "Aure & Smøla"

HOSTILE = """\
municipality: "<script>alert(1)</script> kommune"
language: nb
pp_service:
  short: "PP<b>T</b>"
  name: "PP-tjenesten <script>alert(1)</script>"
absence_system: "<script>alert(1)</script> & *IST*"
reporting_channel: "[Mobilskole](javascript:alert(1))"
child_welfare:
  name: "<script>alert(1)</script> barnevern"
  phone: "64 96 20 00"
  hours: "hverdager <img src=x onerror=alert(1)>"
  out_of_hours:
    name: "Vakt </title><script>alert(1)</script>"
    phone: "917 19 615"
    hours: "\\"hele\\" døgnet {: onclick=alert(1) }"
consent_services:
  - "Skole <script>alert(1)</script>"
  - "Aure & Smøla helse"
partner_services:
  - name: "<script>alert(1)</script> teamet"
    mandate: |
      Teamet **hjelper** familier. <script>alert(1)</script>

      - <img src=x onerror=alert(1)>
      - [farlig](javascript:alert(1)) og [trygg](https://example.org/)
    contact: "Ring <b onmouseover=alert(1)>oss</b> {: onclick=alert(1) }"
local_measures:
  - category: 3
    text: "Lokalt tiltak <script>alert(1)</script> ![bilde](https://evil.example/x.png)"
    actors: [skole]
local_text:
  - section: melding-av-fravaer
    text: "Lokal tekst <script>alert(1)</script> <iframe src=https://evil.example/></iframe>"
"""

AURE_SETTINGS = 'municipality: "Aure & Smøla"\nlanguage: nn\n'

# what a reader must see, character for character
HOSTILE_TEXTS = {
    "index.html": [f"skolene i {NAME}", "melde fra til <script>alert(1)</script> barnevern",
                   "hverdager <img src=x onerror=alert(1)>",
                   "Vakt </title><script>alert(1)</script>"],
    "veileder/samarbeidspartnere.html": [
        "<script>alert(1)</script> teamet", "Teamet hjelper familier. <script>alert(1)</script>",
        "<img src=x onerror=alert(1)>", "[farlig](javascript:alert(1)) og trygg",
        "Ring <b onmouseover=alert(1)>oss</b> {: onclick=alert(1) }",
        '"hele" døgnet {: onclick=alert(1) }'],
    "veileder/fravaersforing.html": [
        "fører fravær i <script>alert(1)</script> & *IST*",
        "via [Mobilskole](javascript:alert(1))", f"Lokalt i {NAME}",
        "Lokal tekst <script>alert(1)</script> <iframe src=https://evil.example/></iframe>"],
    "tiltak/plan-for-naervaer.html": ["Lokalt tiltak <script>alert(1)</script> !"],
}


class Page(HTMLParser):
    """What a browser would build from one page: elements, handlers, links, visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.script_text: list[str] = []
        self.title = ""
        self.header = ""
        self.text: list[str] = []
        self._header_depth: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.tags.append((tag, values))
        if tag in ("br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "col",
                   "embed", "param", "track"):
            return
        self.stack.append(tag)
        if "md-header__topic" in values.get("class", "") and self._header_depth is None:
            self._header_depth = len(self.stack)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
        if self._header_depth is not None and len(self.stack) < self._header_depth:
            self._header_depth = -1

    def handle_data(self, data: str) -> None:
        where = self.stack[-1] if self.stack else ""
        if where == "script":
            self.script_text.append(data)
        elif where == "title":
            self.title += data
        elif where != "style":
            self.text.append(data)
            if self._header_depth not in (None, -1):
                self.header += data


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def injected(page: Page) -> list[str]:
    """Anything in the page that a settings value could have turned into markup."""
    found = []
    for tag, attrs in page.tags:
        handlers = [a for a in attrs if a.startswith("on")]
        if handlers:
            found.append(f"<{tag}> with {handlers}")
        if tag in ("iframe", "object", "embed", "b") or tag == "img" and attrs.get("src") == "x":
            found.append(f"<{tag} {attrs}>")
        if tag == "script" and attrs.get("src") and not attrs["src"].split("/")[-1].endswith(
            ".js"
        ):
            found.append(f"<script src={attrs['src']}>")
        for name in ("href", "src", "action"):
            if attrs.get(name, "").replace(" ", "").lower().startswith(("javascript:", "data:")):
                found.append(f"<{tag} {name}={attrs[name]}>")
    found += [f"script text: {t[:60]}" for t in page.script_text if "alert" in t]
    return found


def build(tmp: Path, name: str, content: str) -> tuple[Path, Edition]:
    settings = tmp / f"{name}.yml"
    settings.write_text(content, encoding="utf-8")
    out = tmp / name
    mkdocs_build(settings, out, extra_env={"NAERVAER_NO_PDF": "1"})
    return out, load_edition(settings)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Edition]:
    return build(tmp_path_factory.mktemp("hostile"), "hostile", HOSTILE)


@pytest.fixture(scope="module")
def aure(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Edition]:
    return build(tmp_path_factory.mktemp("aure"), "aure", AURE_SETTINGS)


@pytest.fixture(scope="module")
def hostile_pdfs(hostile: tuple[Path, Edition],
                 tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two forms (both variants) and the whole guide of the hostile edition."""
    from naervaer.pdf.build import build_all
    from naervaer.pdf.html import STYLES, guide_html
    from naervaer.pdf.render import Job, render

    edition = hostile[1]
    cache = tmp_path_factory.mktemp("hostile-pdf")
    built = build_all(edition, cache, only=["samtykke", "samarbeidsmote-2"], workers=2)
    pdfs = {b.path.name: b.path for b in built if b.path.suffix == ".pdf"}
    guide = cache / "veileder.pdf"
    render(Job(key="guide", out=guide, html=guide_html(edition), base_url=cache.as_uri() + "/",
               stylesheets=(str(STYLES / "guide.css"),), fillable=False))
    pdfs["veileder.pdf"] = guide
    return pdfs


def pdftext(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    return squash(out)


# -- the two functions every renderer substitutes through -------------------------------

@pytest.mark.parametrize("value", [
    NAME, AURE, "# Overskrift", "1. kommune", "- punkt", "*uthevet* _og_ `kode`",
    "[lenke](https://a.no)", "{: onclick=alert(1) }", "a | b", 'sitat "x" og \'y\'',
    "linje 1\n\n# linje 2",
])
def test_a_value_reads_as_itself_in_markdown_and_html(value: str) -> None:
    source = escape_text(value)
    assert not re.search(r"[<>\"'`*_\[\]{}|]", source)
    rendered = str(to_html(source))
    assert rendered.startswith("<p>") and rendered.count("<") == 2, rendered
    assert html.unescape(rendered[3:-4]) == " ".join(value.split())
    assert plain_text(source) == " ".join(value.split())


def test_editor_markdown_keeps_formatting_and_loses_everything_else() -> None:
    source = neutralise_markdown(
        "**fet** <script>x</script> [ja](https://a.no) [nei](javascript:alert(1)) "
        "[nei](JavaScript :alert(1)) ![bilde](https://b.no/x.png) {: onclick=x }\n\n"
        "[ref]: javascript:alert(1)\n\n- punkt")
    rendered = str(to_html(source))
    assert "<strong>fet</strong>" in rendered and "<li>punkt</li>" in rendered
    assert '<a href="https://a.no">ja</a>' in rendered
    assert "&lt;script&gt;" in rendered and "<script" not in rendered
    assert "javascript" not in "".join(re.findall(r'href="([^"]*)"', rendered)).lower()
    assert "<img" not in rendered and "onclick=" not in re.sub(r">[^<]*<", "><", rendered)


# -- the site ---------------------------------------------------------------------------

def test_no_settings_value_becomes_markup_on_any_page(hostile: tuple[Path, Edition]) -> None:
    site = hostile[0]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        page = parse(path)
        assert not injected(page), f"{path.relative_to(site)}: {injected(page)}"
        assert NAME in page.title, f"{path.relative_to(site)}: title {page.title!r}"
        if path.name != "404.html":
            assert NAME in squash(page.header), f"{path.relative_to(site)}: {page.header!r}"


def test_hostile_values_are_visible_text_where_they_are_used(
    hostile: tuple[Path, Edition],
) -> None:
    site = hostile[0]
    for name, expected in HOSTILE_TEXTS.items():
        text = squash(" ".join(parse(site / name).text))
        for snippet in expected:
            assert snippet in text, f"{name}: «{snippet}» not shown as text"
    search = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script>" not in search and "&lt;script&gt;alert(1)" in search
    report = (site / "eksterne-lenker.txt").read_text(encoding="utf-8")
    assert "https://example.org/" in report and "javascript" not in report


def test_an_ampersand_in_the_name_reads_as_itself(aure: tuple[Path, Edition]) -> None:
    site = aure[0]
    for path in sorted(site.rglob("*.html")):
        raw = path.read_text(encoding="utf-8")
        page = parse(path)
        assert "&amp;amp;" not in raw and "&amp;#" not in raw and "&#38;#" not in raw, path
        assert page.title.endswith(f"Nærvær – {AURE}"), page.title
    index = squash(" ".join(parse(site / "index.html").text))
    assert f"skulane i {AURE}" in index


@pytest.mark.browser
def test_hostile_pages_run_no_script_in_the_browser(
    hostile: tuple[Path, Edition], page,
) -> None:
    url, httpd = serve(hostile[0])
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        for name in HOSTILE_TEXTS:
            page.goto(url + name)
            assert NAME in page.title()
            assert NAME in page.inner_text(".md-header__topic")
            body = squash(page.inner_text("article"))
            for snippet in HOSTILE_TEXTS[name]:
                assert snippet in body, f"{name}: «{snippet}»"
            found = page.evaluate("""() => ({
                inline: [...document.scripts].filter(s => s.textContent.includes('alert'))
                    .length,
                handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes]
                    .some(a => a.name.startsWith('on'))).length,
                frames: document.querySelectorAll('iframe, object, embed, img[src="x"]').length,
                links: [...document.links].filter(a => a.protocol === 'javascript:').length,
            })""")
            assert found == {"inline": 0, "handlers": 0, "frames": 0, "links": 0}, (name, found)
        page.goto(url + "index.html")
        links = site_search(page, "barnevern", "samarbeidspartnere")
        assert links, "search found nothing"
        results = page.inner_text(".md-search-result")
        assert "<script>alert(1)</script>" in results
        assert dialogs == [] and page.external_requests == []
    finally:
        httpd.shutdown()


# -- the PDFs ---------------------------------------------------------------------------

def test_pdfs_show_hostile_values_as_text(hostile: tuple[Path, Edition],
                                          hostile_pdfs: dict[str, Path]) -> None:
    edition = hostile[1]
    for variant in ("utfyllbar", "utskrift"):
        path = hostile_pdfs[f"samtykke-{variant}.pdf"]
        text = pdftext(path)
        assert text.count(NAME) >= 2, f"{path.name}: header and heading"  # running header, top
        assert "Skole <script>alert(1)</script>" in text and "Aure & Smøla helse" in text
        meta = PdfReader(path).metadata
        assert meta.title == f"{plain_text(edition.forms['samtykke'].title)} – {NAME}"
        assert meta.author == NAME
    fields = PdfReader(hostile_pdfs["samtykke-utfyllbar.pdf"]).get_fields() or {}
    tooltips = {str(f.get("/TU")) for f in fields.values()}
    assert {"Skole <script>alert(1)</script>", "Aure & Smøla helse"} <= tooltips
    fields = PdfReader(hostile_pdfs["samarbeidsmote-2-utfyllbar.pdf"]).get_fields() or {}
    assert f"Henvisning til kartleggingsteamet i {NAME}" in {
        str(f.get("/TU")) for f in fields.values()}

    guide = hostile_pdfs["veileder.pdf"]
    text = pdftext(guide)
    for snippet in ["<script>alert(1)</script> teamet",
                    "Teamet hjelper familier. <script>alert(1)</script>",
                    "<img src=x onerror=alert(1)>", "[farlig](javascript:alert(1))",
                    "Ring <b onmouseover=alert(1)>oss</b> {: onclick=alert(1) }",
                    "Lokal tekst <script>alert(1)</script> <iframe src=https://evil.example/>",
                    "Lokalt tiltak <script>alert(1)</script>", f"Skolene i {NAME}"]:
        assert snippet in text, f"guide PDF: «{snippet}»"
    assert PdfReader(guide).metadata.title.endswith(f"– {NAME}")
    with pikepdf.open(guide) as pdf:
        uris = [str(a.A.URI) for page in pdf.pages for a in page.get("/Annots", [])
                if "/A" in a and "/URI" in a.A]
    assert "https://example.org/" in uris
    # phone numbers are tel: links (issue 18); no other scheme reaches a PDF
    assert not [u for u in uris if not u.startswith(("https://", "http://", "mailto:", "tel:"))]
