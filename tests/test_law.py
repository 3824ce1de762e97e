"""Legal references: every one a section with a section-level Lovdata link, act names in both
målformer, and when and against what it was checked — shown to editors on the site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from naervaer.content.edition import load_edition
from naervaer.content.resolve import Resolver
from naervaer.content.schema.law import LOVDATA_SECTION
from naervaer.errors import DataError

from .conftest import ROOT, example_edition
from .test_site import visible_text

NB = example_edition("eksempel-kommune.yml")
NN = example_edition("fjordvik.yml")


def test_every_reference_is_a_section_with_its_own_link_and_check() -> None:
    assert len(NB.law) >= 20
    for ref in NB.law.values():
        assert ref.section.startswith("§"), ref.id
        assert re.match(LOVDATA_SECTION, ref.url), ref.id
        cited = re.findall(r"\b[0-9]+(?:-[0-9]+)?\b", ref.section.split("ledd")[0])
        assert ref.url.rsplit("§", 1)[1] in cited, (ref.id, ref.url, cited)
        assert ref.checked.year >= 2026 and ref.check.nb and ref.check.nn, ref.id
        assert ref.act_name.nb and ref.act_name.nn, ref.id


def test_no_chapter_citation_is_left_anywhere() -> None:
    for folder in ("data", "forms"):
        for file in (ROOT / folder).rglob("*.y*ml"):
            text = file.read_text(encoding="utf-8")
            assert "KAPITTEL" not in text, file
            assert not re.search(r"(?i)(loven|lova|forskrift\w*) kapittel", text), file
    for ref in NB.law.values():
        assert "kapittel" not in ref.section.lower()


@pytest.mark.parametrize(("edition", "names"), [
    (NB, ["opplæringsloven", "forvaltningsloven", "barnevernsloven", "helsepersonelloven",
          "pasient- og brukerrettighetsloven", "sosialtjenesteloven"]),
    (NN, ["opplæringslova", "forvaltningslova", "barnevernslova", "helsepersonellova",
          "pasient- og brukarrettslova", "sosialtenestelova"]),
])
def test_act_names_follow_the_editions_malform(edition, names: list[str]) -> None:
    printed = {str(ref.act_name) for ref in edition.law.values()}
    for name in names:
        assert name in printed
    other = NN if edition is NB else NB
    wrong = {str(r.act_name) for r in other.law.values()} - printed
    assert wrong and not wrong & printed
    cited = Resolver(edition.s, edition.law, edition.lang).lov("oppl-10-6")
    assert cited == f"[{names[0]} § 10-6](https://lovdata.no/lov/2023-06-09-30/§10-6)"


def test_the_key_sections_are_cited_where_the_guide_explains_them() -> None:
    def body(page: str, section: str) -> str:
        return next(str(s.body) for s in NN.guide[page].all_sections() if s.id == section)

    assert "opplæringslova § 10-6" in body("skolens-handtering", "dette-skal-alle-skoler-ha")
    assert "forskrift til opplæringslova §§ 9-9 og 9-44" in body("fravaersforing",
                                                                  "foring-av-fravaer")
    texts = body("skole-hjem-samarbeid", "skole-hjem-regelverket")
    assert "§§ 10-4 og 10-5" in texts and "krev ikkje lenger" in texts
    everything = " ".join(str(s.body) for p in NB.guide.values() for s in p.all_sections()
                          if s.body)
    assert "skoleplikt" not in everything and "opplæringsplikt" in everything


def test_a_reference_to_an_unknown_act_names_file_and_key(data_copy: Path) -> None:
    law = data_copy / "data" / "law.yaml"
    law.write_text(law.read_text(encoding="utf-8").replace("act: fvl", "act: fvll", 1),
                   encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_edition(data_copy / "editions" / "eksempel-kommune.yml",
                     data_dir=data_copy / "data", forms_dir=data_copy / "forms")
    assert "law.yaml" in err.value.report() and "ukjent lov «fvll»" in err.value.report()


def test_editors_see_when_and_against_what_each_reference_was_checked(
        nn_site_dir: Path) -> None:
    html = (nn_site_dir / "veileder" / "om-veilederen.html").read_text(encoding="utf-8")
    assert 'href="https://lovdata.no/lov/2023-06-09-30/§10-6"' in html
    text = visible_text(nn_site_dir / "veileder" / "om-veilederen.html")
    assert "For redaktørar: når og mot kva kvar tilvising er kontrollert" in text
    assert "01.12.2026" in text and "Lovdata, konsolidert lovtekst" in text
    assert "forvaltningsloven" not in text and "forvaltningslova" in text
