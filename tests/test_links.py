"""Every internal link and anchor resolves; downloads exist; external links are reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from naervaer.site.links import check_site


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_internal_links_anchors_and_downloads_resolve(site_dir: Path, nn_site_dir: Path,
                                                      lang: str) -> None:
    site = site_dir if lang == "nb" else nn_site_dir
    report = check_site(site)
    assert report.broken == []
    forms_page = (site / "skjema" / "index.html").read_text(encoding="utf-8")
    assert forms_page.count('.pdf" download') == 49  # 24 forms × 2 + the whole guide


def test_external_links_are_listed_for_editors_not_fetched(site_dir: Path) -> None:
    text = (site_dir / "eksterne-lenker.txt").read_text(encoding="utf-8")
    assert "https://lovdata.no/lov/2023-06-09-30/§12-4" in text
    assert "klassetrivsel.no" in text
    # a dead link from the seed is shown as text, never as a live link
    category = (site_dir / "tiltak" / "forsterkning.html").read_text(encoding="utf-8")
    assert 'href="http://edu.hioa.no' not in category and "edu.hioa.no" in category


def test_a_broken_internal_link_in_the_output_is_found(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text('<a href="b.html#x">b</a><a href="c.html">c</a>',
                                     encoding="utf-8")
    (tmp_path / "b.html").write_text('<h2 id="y">y</h2>', encoding="utf-8")
    report = check_site(tmp_path)
    assert report.broken == ["a.html: b.html#x (ankeret finnes ikke)",
                             "a.html: c.html (filen finnes ikke)"]
