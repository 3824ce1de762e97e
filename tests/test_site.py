"""The strict build of the default edition carries every measure, page and download."""

from __future__ import annotations

import html
import re
from pathlib import Path

from naervaer.markup import to_html

from .conftest import (
    DEFAULT_SETTINGS,
    ROOT,
    example_edition,
    mkdocs_build,
    previous_site,
    untouched,
)


def visible_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", " ", raw))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_measure_has_its_anchor_and_full_text(site_dir: Path) -> None:
    edition = example_edition(DEFAULT_SETTINGS.name)
    for category in edition.bank.categories:
        page = site_dir / "tiltak" / f"{category.slug}.html"
        raw = page.read_text(encoding="utf-8")
        text = squash(visible_text(page))
        for measure in category.measures:
            assert f'id="{measure.id}"' in raw, f"{measure.id} has no anchor on {page.name}"
            expected = squash(html.unescape(re.sub(r"<[^>]+>", " ", to_html(str(measure.text)))))
            assert expected in text, f"text of {measure.id} missing on {page.name}"


def test_overview_lists_every_measure_once_and_is_readable_without_js(site_dir: Path) -> None:
    edition = example_edition(DEFAULT_SETTINGS.name)
    raw = (site_dir / "tiltak" / "index.html").read_text(encoding="utf-8")
    overview = raw[raw.index('id="nv-overview"'):]
    for m in edition.measures():
        assert overview.count(f"#{m.id}\"") == 1, m.id
    # the filter form is hidden until the script enables it; the list is plain HTML
    assert re.search(r'<form class="nv-filter" id="nv-filter" hidden', raw)


def test_pages_keep_aeoeaa_in_heading_ids_and_language_is_set(site_dir: Path) -> None:
    index = (site_dir / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nb"' in index
    category = (site_dir / "tiltak" / "plan-for-naervaer.html").read_text(encoding="utf-8")
    assert 'id="3-plan-for-nærvær"' in category  # the slug keeps æøå
    # Norwegian search language in the index config
    search = (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"lang":["no"]' in search.replace(" ", "")


def test_no_page_references_another_host_for_assets(site_dir: Path) -> None:
    pattern = re.compile(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?:)?//', re.I)
    for page in site_dir.rglob("*.html"):
        match = pattern.search(page.read_text(encoding="utf-8"))
        assert match is None, f"{page.relative_to(site_dir)} loads from another host: {match}"


def test_a_broken_settings_file_stops_the_build_and_keeps_the_previous_output(
    tmp_path: Path,
) -> None:
    out = previous_site(tmp_path / "site")
    bad = tmp_path / "ødelagt.yml"
    bad.write_text("municipality: Ås kommune\nlanguage: nb\nconcern:\n  dayz: 7\n",
                   encoding="utf-8")
    result = mkdocs_build(bad, out, check=False)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"{bad}, linje 4: concern.dayz: ukjent nøkkel «dayz» – mente du «days»?" in output
    assert untouched(out)
    assert not (tmp_path / "site.building").exists()


def test_readme_commands_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "make test" in readme
