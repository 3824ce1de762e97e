"""The search at build time (issue #23): the reviewed synonyms (data/synonyms.yaml) point at
words the guide uses, an edition adds its own with `search_synonyms`, and a bad group is
refused with a clear message. No browser: tests/test_search.py drives the search itself."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from naervaer.content.edition import load_edition
from naervaer.content.sources import load_yaml
from naervaer.errors import DataError
from naervaer.site.search import SYNONYMS_FILE, synonyms

from .conftest import EDITIONS

SETTINGS = {"nb": EDITIONS / "eksempel-kommune.yml", "nn": EDITIONS / "fjordvik.yml"}


def index_words(site: Path) -> set[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(d["title"] + " " + re.sub(r"<[^>]+>", " ", d["text"]) for d in index["docs"])
    return set(re.findall(r"[\wæøåÆØÅ]+", text.lower()))


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_every_synonym_group_reaches_a_word_of_the_guide(request, lang: str) -> None:
    site = request.getfixturevalue("site_dir" if lang == "nb" else "nn_site_dir")
    present = index_words(site)
    data = load_yaml(SYNONYMS_FILE).data
    dead = []
    for group in data["groups"]:
        words = [w.lower() for member in group for w in re.findall(r"[\wæøåÆØÅ]+", member)]
        if not any(w in present for w in words):
            dead.append(group)
    assert not dead, f"groups with no word on the {lang} site: {dead}"
    # word parts: the edition's side of each pair occurs in the guide
    side = 0 if lang == "nb" else 1
    missing = [pair for pair in data["parts"]
               if not any(pair[side].lower() in w for w in present)]
    assert not missing, missing


def test_the_synonym_file_is_well_formed() -> None:
    data = load_yaml(SYNONYMS_FILE).data
    assert set(data) == {"groups", "parts", "stopwords"}
    seen: dict[str, int] = {}
    for i, group in enumerate(data["groups"]):
        assert isinstance(group, list) and len(group) >= 2, group
        for member in group:
            assert isinstance(member, str) and member.strip() == member and member, group
            key = member.lower()
            assert key not in seen, f"«{member}» is in groups {seen[key]} and {i}"
            seen[key] = i
    for pair in data["parts"]:
        assert isinstance(pair, list) and len(pair) == 2 and pair[0] != pair[1], pair
    assert all(isinstance(w, str) and w == w.lower() for w in data["stopwords"])


def test_an_edition_adds_its_own_synonyms(tmp_path: Path) -> None:
    settings = tmp_path / "kommune.yml"
    settings.write_text(
        "municipality: Ås kommune\n"
        "pp_service:\n  short: PPT\n  name: PP-tjenesten i Follo\n"
        "search_synonyms:\n"
        "  - [Familiens hus, familietjenesten]\n"
        "  - [Follo PPT, PPS]\n", encoding="utf-8")
    ed = load_edition(settings)
    found = synonyms(ed)
    assert ["Familiens hus", "familietjenesten"] in found["groups"]
    pp = next(g for g in found["groups"] if "PPT" in g)
    assert "PP-tjenesten i Follo" in pp and "Follo PPT" in pp  # merged, not a second group
    assert sum("PPS" in g for g in found["groups"]) == 1
    # a bokmål edition swaps nynorsk word parts for bokmål ones
    assert ("skule", "skole") in found["parts"]
    nn = load_edition(SETTINGS["nn"])
    assert ("skole", "skule") in synonyms(nn)["parts"]


@pytest.mark.parametrize("value", ["  - [ensom]\n", "  - [\"<b>PPT</b>\", PPS]\n", "  - PPT\n"])
def test_a_bad_synonym_group_is_refused_with_file_line_and_key(tmp_path: Path,
                                                                 value: str) -> None:
    settings = tmp_path / "kommune.yml"
    settings.write_text("municipality: Ås kommune\nsearch_synonyms:\n" + value,
                        encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_edition(settings)
    report = err.value.report()
    assert "kommune.yml" in report and "search_synonyms" in report, report
    assert re.search(r"linje 3\b", report), report
