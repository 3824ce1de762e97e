"""No municipality's facts by default (issue 18): the defaults hold no real number, name or
service of any one municipality; every local fact a reader acts on is set by the edition or
listed as unset — by `sjekk` as a checklist, by `bygg` as the reason it will not publish,
and `bygg --utkast` builds a draft marked «Utkast» on every page and every page of every
PDF, kept out of search engines. The demo editions are marked as examples, with numbers
nobody has. The editor's målform throughout: a nynorsk starter file and edition hold no
bokmål of ours and no internal issue numbers.

One draft is built here, by the command as an editor runs it (pages and PDFs, PDFs from the
shared test cache when unchanged); the demo editions are the session's shared builds."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from naervaer.content.edition import load_edition
from naervaer.content.facts import describe
from naervaer.content.schema.kinds import PHONE, is_fictitious
from naervaer.content.schema.settings import Settings
from naervaer.content.settings_file import load_settings
from naervaer.content.sources import load_yaml
from naervaer.content.values import markers, unset_facts
from naervaer.errors import DataError
from naervaer.messages import msg
from naervaer.site.tools import responsible_suggestions
from naervaer.text import Lang

from .conftest import EDITIONS, ROOT, TEST_CACHE
from .test_cli import naervaer, squash
from .test_editions import BOKMAL_ONLY

# every local fact a reader acts on that has no neutral default
UNSET = [("pp_service", "phone"), ("absence_system",), ("reporting_channel",),
         ("child_welfare", "phone"), ("child_welfare", "out_of_hours", "phone"),
         ("child_welfare", "out_of_hours", "hours")]
# the seed municipality's own facts: its numbers and its services
SEED_FACTS = ["64 96 20 00", "64962000", "917 19 615", "91719615", "Fagteam i Familiens hus",
              "FINT", "RMU", "Tjenestekontor", "Liaveien", "Pedagogisk-psykologisk senter"]


# -- the defaults ----------------------------------------------------------------------------
def test_the_defaults_hold_no_municipalitys_facts() -> None:
    text = (ROOT / "data" / "settings-defaults.yml").read_text(encoding="utf-8")
    for fact in SEED_FACTS:
        assert fact not in text, fact
    assert not re.search(r"\b\d{2,3} ?\d{2} ?\d{2,3}\b", text)  # no phone number at all
    defaults = load_yaml(ROOT / "data" / "settings-defaults.yml").data
    assert defaults["partner_services"] == [] and defaults["local_measures"] == []
    assert defaults["pp_service"]["short"] == {"nb": "PP-tjenesten", "nn": "PP-tenesta"}


def test_no_data_file_names_the_seed_municipalitys_numbers() -> None:
    """Not in the defaults, the texts, the translations, nor the placeholder table."""
    found = [str(path.relative_to(ROOT)) for path in sorted((ROOT / "data").rglob("*"))
             if path.suffix in (".yaml", ".yml", ".md", ".json", ".txt")
             and any(n in path.read_text(encoding="utf-8") for n in SEED_FACTS[:4])]
    assert found == []


def local_facts(model: type[BaseModel], path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    from naervaer.content.schema.kinds import LOCAL_FACT

    out: list[tuple[str, ...]] = []
    for name, info in model.model_fields.items():
        inner = info.annotation
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            out += local_facts(inner, path + (name,))
        elif LOCAL_FACT in markers(info):
            out.append(path + (name,))
    return out


def phones(model: BaseModel, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    found: dict[tuple[str, ...], Any] = {}
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            found |= phones(value, path + (name,))
        elif PHONE in markers(info):
            found[path + (name,)] = value
    return found


def test_every_local_fact_is_unset_until_the_edition_sets_it(tmp_path: Path) -> None:
    assert sorted(local_facts(Settings)) == sorted(UNSET)
    file = tmp_path / "kommune.yml"
    file.write_text("municipality: Ås kommune\n", encoding="utf-8")
    settings = load_settings(file)[0]
    assert sorted(unset_facts(settings)) == sorted(UNSET)
    # every phone number is a local fact, but the school's own (an edition of one school)
    assert set(phones(settings)) == {p for p in UNSET if p[-1] == "phone"} | {("school_phone",)}
    assert set(phones(settings).values()) == {None}


# -- made-up numbers -------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("key", ["pp_service", "child_welfare", "child_welfare.out_of_hours"])
def test_a_made_up_number_belongs_to_example_editions_only(
    key: str, lang: Lang, tmp_path: Path
) -> None:
    indent = "  " * key.count(".")
    group = "".join(f"{'  ' * i}{part}:\n" for i, part in enumerate(key.split(".")))
    body = f"municipality: Ås kommune\nlanguage: {lang}\n{group}{indent}  phone: 00 00 00 07\n"
    file = tmp_path / "kommune.yml"
    file.write_text(body, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_edition(file)
    [problem] = err.value.problems
    assert problem.path == tuple(key.split(".")) + ("phone",)
    assert problem.line == body.count("\n")
    assert problem.message == msg("phone_fictitious", lang, value="00 00 00 07")
    file.write_text(body + "example: true\n", encoding="utf-8")
    assert load_edition(file).settings.example


@pytest.mark.parametrize("name", ["eksempel-kommune.yml", "fjordvik.yml"])
def test_the_demo_editions_are_examples_with_numbers_nobody_has(name: str) -> None:
    settings = load_settings(EDITIONS / name)[0]
    assert settings.example
    numbers = {path: n for path, n in phones(settings).items() if n is not None}
    assert set(numbers) >= {p for p in UNSET if p[-1] == "phone"}
    assert all(is_fictitious(str(n)) for n in numbers.values()), numbers
    assert unset_facts(settings) == []


# -- sjekk and bygg on a starter file --------------------------------------------------------
@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_sjekk_lists_every_unset_fact_of_a_starter_file_and_bygg_refuses(
    lang: Lang, tmp_path: Path
) -> None:
    made = naervaer("ny", "havoy.yml", *(["--nn"] if lang == "nn" else []), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    check = naervaer("sjekk", "havoy.yml", cwd=tmp_path)
    assert check.returncode == 0, check.stderr  # a checklist: the file itself is valid
    assert check.stderr == ""
    out = check.stdout
    unfinished = {"nb": "men den er ikke ferdig ennå", "nn": "men ho er ikkje ferdig enno"}
    assert unfinished[lang] in out and "Alt i orden" not in out
    head = {"nb": "må disse 6 lokale opplysningene fylles ut:",
            "nn": "må desse 6 lokale opplysningane fyllast ut:"}
    assert head[lang] in out
    listed = re.findall(r"^  - ([a-z_.]+): (.+)$", out, re.M)
    assert [tuple(key.split(".")) for key, _ in listed] == UNSET
    for key, explained in listed:
        assert explained == describe(Settings, tuple(key.split(".")), lang)

    refused = naervaer("bygg", "havoy.yml", "--ut", "nettstad", cwd=tmp_path)
    assert refused.returncode == 1
    assert refused.stderr.startswith(msg("unset_refused", lang, n=6))
    for key in UNSET:
        assert f"  - {'.'.join(key)}: " in refused.stderr
    assert "--utkast" in refused.stderr
    assert not (tmp_path / "nettstad").exists()


# -- a draft, built ------------------------------------------------------------------------
# what the editor adds to the nynorsk starter file: a PP service called «PPT», an
# international web address, languages and a word of the edition's own; one misspelling
EXTRA = """\
site_url: https://skulenærvær.kommune.example/
privacy_statement_url: https://skulenærvær.kommune.example/personvern
parent_languages: [en, uk, so]
words: [ICDP]
pp_service:
  short: PPT
  hours: kvardagar, og ICDP-rettleiing etter avtale med Blørkfjås
"""
PUNYCODE = "xn--skulenrvr-l3ac.kommune.example"


@pytest.fixture(scope="module")
def draft_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("utkast")
    made = naervaer("ny", "havoy.yml", "--nn", "--kommune", "Havøy kommune", cwd=folder)
    assert made.returncode == 0, made.stderr
    file = folder / "havoy.yml"
    starter = file.read_text(encoding="utf-8")
    file.write_text(starter + EXTRA, encoding="utf-8")
    env = {"NAERVAER_CACHE": str(TEST_CACHE), "NAERVAER_NO_PDF": "0"}
    check = naervaer("sjekk", file.name, cwd=folder)
    refused = naervaer("bygg", file.name, "--ut", "nettstad", cwd=folder, **env)
    built = naervaer("bygg", file.name, "--ut", "nettstad", "--utkast", cwd=folder,
                     timeout=1800, **env)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-3000:]
    return {"file": file, "starter": starter, "site": folder / "nettstad", "check": check,
            "refused": refused, "built": built}


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def unmarked(pdfs: list[Path], mark: str) -> list[str]:
    """The pages without ``mark``: the word in the running header, or (a cover, a one-page
    text) the sentence at the top. «Eksempel kommune» is a name, not a mark."""
    return [f"{pdf.name} s. {i}" for pdf in pdfs
            for i, text in enumerate(pdf_pages(pdf), start=1) if not re.search(mark, text)]


def visible(path: Path) -> str:
    raw = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", path.read_text(encoding="utf-8"),
                 flags=re.S)
    return squash(html.unescape(re.sub(r"<[^>]+>", " ", raw)))


def test_a_draft_says_utkast_on_every_page_and_is_kept_out_of_search_engines(
    draft_site: dict[str, Any]
) -> None:
    site = draft_site["site"]
    banner = squash(msg_ui("banner.draft", "nn"))
    assert len(pages(site)) > 60
    for page in pages(site):
        raw = page.read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex, nofollow">' in raw, page
        assert banner in visible(page), page
    assert (site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /\n"
    # an unset fact is shown as what is missing, never as a number
    pps = (site / "veileder" / "samarbeid-skole-pps.html").read_text(encoding="utf-8")
    assert '<mark class="nv-unset">[manglar: pp_service.phone]</mark>' in pps
    assert "tel:" not in pps


def msg_ui(key: str, lang: Lang) -> str:
    return str(load_yaml(ROOT / "data" / "ui.yaml").data[key][lang])


def test_a_draft_says_utkast_on_every_page_of_every_pdf(draft_site: dict[str, Any]) -> None:
    pdfs = sorted(draft_site["site"].rglob("*.pdf"))
    assert len(pdfs) >= 50  # 24 forms in two variants, the guide, the parent material
    assert unmarked(pdfs, r"\bUTKAST\b|Utkast – ikkje publisert") == []
    guide = " ".join(pdf_pages(draft_site["site"] / "skjema" / "naervaer-rettleiar.pdf"))
    assert "[manglar: pp_service.phone]" in squash(guide)


def test_bygg_refuses_the_draft_without_utkast_and_names_the_facts(
    draft_site: dict[str, Any]
) -> None:
    refused = draft_site["refused"]
    assert refused.returncode == 1
    assert msg("unset_refused", "nn", n=6) in refused.stderr
    assert "  - pp_service.phone: Telefonnummeret til PP-tenesta (8 siffer)." \
        in refused.stderr
    assert "  - absence_system: " in refused.stderr


def test_each_language_warning_is_told_once_and_codes_and_own_words_never(
    draft_site: dict[str, Any]
) -> None:
    for run in ("check", "refused", "built"):
        result = draft_site[run]
        output = result.stdout + result.stderr
        warnings = [line for line in output.splitlines() if "språksjekk" in line]
        assert len(warnings) == 1, (run, warnings)
        assert "«Blørkfjås»" in warnings[0] and "pp_service.hours [nn]" in warnings[0]


def test_the_command_prints_no_library_chatter(draft_site: dict[str, Any]) -> None:
    built = draft_site["built"]
    output = built.stdout + built.stderr
    assert not re.search(r"^(?:INFO|DEBUG|WARNING)\b|FFTM|fontTools|mkdocs_macros|"
                         r"Traceback|Documentation built", output, re.M), output[-3000:]


def test_an_international_web_address_is_linked_in_punycode(draft_site: dict[str, Any]) -> None:
    site = draft_site["site"]
    index = (site / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="https://{PUNYCODE}/index.html">' in index
    assert f"<loc>https://{PUNYCODE}/index.html</loc>" \
        in (site / "sitemap.xml").read_text(encoding="utf-8")
    privacy = (site / "personvern.html").read_text(encoding="utf-8")
    assert f'href="https://{PUNYCODE}/personvern"' in privacy
    for path in [*pages(site), site / "sitemap.xml"]:
        linked = re.findall(r'(?:href|src)="([^"]*)"|<loc>([^<]*)</loc>',
                            path.read_text(encoding="utf-8"))
        assert not [u for pair in linked for u in pair if "skulenærvær" in u], path


def test_the_pp_service_is_called_what_the_edition_calls_it(draft_site: dict[str, Any]) -> None:
    """«PPT» in the actors of the measures, the filter and the plan builder's suggestions."""
    site = draft_site["site"]
    overview = (site / "tiltak" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'value="ppt"> PPT<', overview)
    assert '"ppt":"PPT"' in overview
    actors = [a for page in (site / "tiltak").glob("*.html")
              for a in re.findall(r"Kven gjer det: ([^<]*)<", page.read_text(encoding="utf-8"))]
    assert any("PPT" in a for a in actors)
    assert not any("PP-tenesta" in a for a in actors)
    edition = load_edition(draft_site["file"], draft=True)
    assert responsible_suggestions(edition)["ppt"] == "PPT"


# -- the editor's målform: nynorsk throughout ---------------------------------------------
def test_a_nynorsk_starter_file_has_no_bokmal_and_no_issue_numbers(
    draft_site: dict[str, Any]
) -> None:
    starter = draft_site["starter"]
    comments = [line for line in starter.splitlines() if line.startswith("#")
                and not re.match(r"#\s*- [a-z-]+$", line)]  # the catalogue's service ids
    found = sorted({word for line in comments for word in re.findall(r"[a-zæøå]+", line.lower())
                    if word in BOKMAL_ONLY})
    assert found == []
    assert not re.search(r"\bissue\b|#\d+\b|\(\d{1,3}\)", starter, re.I)


def test_nynorsk_edition_has_nynorsk_link_report_and_footer(nn_site_dir: Path) -> None:
    report = (nn_site_dir / "eksterne-lenker.txt").read_text(encoding="utf-8")
    assert report.splitlines()[0] == f"# {msg('external_links', 'nn')}"
    assert "lenkjer" in report.splitlines()[0]


@pytest.mark.parametrize("edition", ["site_dir", "nn_site_dir"])
def test_no_english_theme_credit_on_any_page(edition: str,
                                             request: pytest.FixtureRequest) -> None:
    site = request.getfixturevalue(edition)
    credit = {"site_dir": "Laget med Nærvær og", "nn_site_dir": "Laga med Nærvær og"}[edition]
    for page in pages(site):
        text = visible(page)
        assert "Made with" not in text, page
        # the theme is named only in our own Norwegian credit line
        assert text.count("Material for MkDocs") == text.count(f"{credit} Material for MkDocs")


# -- the demo editions ---------------------------------------------------------------------
DEMOS = {"site_dir": ("nb", r"\bEKSEMPEL\b|Eksempel: kommunen", "00 00 00 01", "00 00 00 03"),
         "nn_site_dir": ("nn", r"\bDØME\b|Døme: kommunen", "00 00 00 11", "00 00 00 13")}


@pytest.mark.parametrize("edition", sorted(DEMOS))
def test_the_demo_editions_say_they_are_examples_on_every_page_and_pdf(
    edition: str, request: pytest.FixtureRequest
) -> None:
    site = request.getfixturevalue(edition)
    lang, mark, _, _ = DEMOS[edition]
    banner = squash(msg_ui("banner.example", lang))
    for page in pages(site):
        assert banner in visible(page), page
        assert 'name="robots"' not in page.read_text(encoding="utf-8")  # not a draft
    assert not (site / "robots.txt").exists()
    pdfs = sorted(site.rglob("*.pdf"))
    assert len(pdfs) >= 60
    assert unmarked(pdfs, mark) == []


@pytest.mark.parametrize("edition", sorted(DEMOS))
def test_phone_numbers_are_tel_links(edition: str, request: pytest.FixtureRequest) -> None:
    site = request.getfixturevalue(edition)
    _, _, child_welfare, pp_service = DEMOS[edition]

    def link(number: str) -> str:
        return f'<a class="nv-tel" href="tel:+47{number.replace(" ", "")}">{number}</a>'

    for page in ("index.html", "foreldre/index.html", "veileder/samarbeidspartnere.html"):
        assert link(child_welfare) in (site / page).read_text(encoding="utf-8"), page
    pps = (site / "veileder" / "samarbeid-skole-pps.html").read_text(encoding="utf-8")
    assert link(pp_service) in pps
