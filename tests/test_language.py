"""The language gate: every bokmål and nynorsk text passes Hunspell's Norwegian dictionaries,
the project's reviewed word lists and the house style (data/style.yaml) — and an edition's
own texts are checked too, as warnings that never stop the build."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from naervaer.content.edition import load_edition
from naervaer.content.sources import load_yaml
from naervaer.content.spelling import (
    Checker,
    Snippet,
    hunspell_available,
    project_texts,
    settings_texts,
    texts_in,
    words,
)

from .conftest import EDITIONS, ROOT


@pytest.fixture(autouse=True, scope="module")
def hunspell() -> None:
    """The language gate needs Hunspell: without it the run fails, it never skips."""
    if not hunspell_available():
        pytest.fail("the language gate needs Debian's hunspell and hunspell-no: run ./setup.sh")

DATA = ROOT / "data"


@pytest.fixture(scope="module")
def texts() -> list[Snippet]:
    return project_texts(ROOT)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(DATA)


def test_every_text_is_spelt_right_and_in_house_style(texts: list[Snippet],
                                                      checker: Checker) -> None:
    findings = checker.check(texts)
    assert not findings, (
        f"{len(findings)} funn (fiks ordet; står det riktig, før det opp i "
        "data/words-nb.txt / data/words-nn.txt):\n" + "\n".join(map(str, findings)))


def test_the_gate_reads_every_kind_of_text(texts: list[Snippet]) -> None:
    files = {s.file.name for s in texts}
    for expected in ("measures.yaml", "law.yaml", "process.yaml", "ui.yaml", "style.yaml",
                     "settings-defaults.yml", "samarbeidsmote-1.yaml", "samtykke.yaml",
                     "fjordvik.yml", "settings.py", "messages.yaml"):
        if expected != "style.yaml":
            assert expected in files, expected
    langs = {s.lang for s in texts}
    assert langs == {"nb", "nn"}
    guide = {p.name for p in (DATA / "guide").glob("*.yaml")}
    forms = {p.name for p in (ROOT / "forms").glob("*.yaml")}
    assert guide | forms <= files
    assert len(texts) > 3000


def test_a_new_text_anywhere_is_found_and_a_misspelling_named(tmp_path: Path,
                                                             checker: Checker) -> None:
    file = tmp_path / "ny.yaml"
    file.write_text("noko:\n  djupt:\n    - tekst:\n        nb: Skolen følger opp.\n"
                    "        nn: Skulen følgjer opp fråværet i skuelen.\n", encoding="utf-8")
    snippets = list(texts_in(load_yaml(file)))
    assert [(s.path, s.lang) for s in snippets] == [
        (("noko", "djupt", 0, "tekst", "nb"), "nb"), (("noko", "djupt", 0, "tekst", "nn"), "nn")]
    findings = checker.check(snippets)
    assert [str(f) for f in findings] == [
        "ny.yaml:5 noko.djupt.0.tekst.nn [nn]: ukjent ord «skuelen»"]


def test_markup_placeholders_and_addresses_are_not_words() -> None:
    text = ("Sjå [lova](https://lovdata.no/lov/2023-06-09-30/§10-6) og {{ s.municipality }} "
            "<b>no</b> `kode` t.d. løysings- og meistringsstrategiar, post@kommune.no {n}")
    assert words(text) == ["Sjå", "lova", "og", "no", "t.d.", "løysings-", "og",
                           "meistringsstrategiar"]


def test_house_style_names_the_form_to_write(checker: Checker) -> None:
    snippet = Snippet(Path("x.yaml"), 3, ("body", "nn"), "nn",
                      "Er du uroa for ungdomen? Han uteblir frå einskildtimar og treng "
                      "sakkyndig vurdering. Vi vil gje han hjelp.")
    found = {(f.word, f.prefer) for f in checker.check([snippet], spelling=False)}
    assert ("uroa for", "uroleg for") in found
    assert ("ungdomen", "ungdommen") in found
    assert ("sakkyndig", "sakkunnig") in found
    assert ("einskildtimar", "enkelttimar") in found
    assert ("uteblir", "blir borte frå") in found
    assert ("gje", "gi (gir, gitt, gav)") in found
    nb = Snippet(Path("x.yaml"), 1, ("body", "nb"), "nb", "Ring barneverntjenesten.")
    assert [f.prefer for f in checker.check([nb], spelling=False)] == ["barnevernstjenesten"]


def test_every_style_rule_and_listed_word_is_still_needed(texts: list[Snippet],
                                                          checker: Checker) -> None:
    """The word lists stay small and honest: no entry that no text uses."""
    used: dict[str, set[str]] = {"nb": set(), "nn": set()}
    joined: dict[str, str] = {"nb": "", "nn": ""}
    for s in texts:
        plain = re.sub(r"\s+", " ", s.text)
        joined[s.lang] += " " + plain
        used[s.lang] |= {w.rstrip("-") for w in words(s.text)}
        used[s.lang] |= {w.rstrip("-").lower() for w in words(s.text)}
        # a listed word may be used as a part of a hyphenated compound («Git-server»)
        used[s.lang] |= {p for w in words(s.text) for p in Checker._parts(w)}
    for lang in ("nb", "nn"):
        stale = sorted(w for w in checker.known[lang] if w.rstrip("-") not in used[lang])
        assert not stale, f"data/words-{lang}.txt: ingen tekst bruker {stale}"
        for phrase in checker.phrases[lang]:
            assert phrase in joined[lang], f"data/words-{lang}.txt: «{phrase}» er ikke i bruk"


def test_nynorsk_edition_texts_are_warned_about_never_fatal(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    settings = tmp_path / "kommune.yml"
    settings.write_text(
        "municipality: Testvik kommune\nlanguage: nn\n"
        "local_text:\n  - section: melding-av-fravaer\n"
        "    text: I Testvik ringjer skuelen heim same dag.\n"
        "partner_services:\n  - name: Familieteamet\n"
        "    mandate: Teamet hjelper familiar.\n"
        "    contact: Ring oss om de er uroa for barnet.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="naervaer"):
        edition = load_edition(settings)
    assert edition.settings.municipality == "Testvik kommune"
    warnings = [r.getMessage() for r in caplog.records if "språksjekk" in r.getMessage()]
    assert any("kommune.yml" in w and "local_text.0.text" in w and "«skuelen»" in w
               for w in warnings), warnings
    assert not any("Testvik" in w for w in warnings)  # the municipality's own name
    assert any("partner_services.0.contact" in w and "«uroa for»" in w and "uroleg for" in w
               for w in warnings), warnings
    assert all("berre ei åtvaring" in w for w in warnings)


def test_the_example_editions_give_no_language_warnings() -> None:
    checker = Checker(DATA)
    for name in ("eksempel-kommune.yml", "fjordvik.yml"):
        assert not checker.check(settings_texts(load_yaml(EDITIONS / name))), name
