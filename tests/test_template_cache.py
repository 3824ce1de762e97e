"""Compiled templates kept between builds (naervaer/template_cache.py): reused when the
source is the same, compiled again when it changed, and never shared between environments
whose options compile the same file differently."""

from __future__ import annotations

from pathlib import Path

import jinja2

from naervaer.template_cache import cache_templates


def env_for(templates: Path, cache: Path, autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)),
                             autoescape=autoescape)
    cache_templates(env, cache)
    return env


def test_compiled_once_then_reused_and_recompiled_when_the_source_changes(
        tmp_path: Path) -> None:
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "a.html").write_text("Hei {{ name }}!", encoding="utf-8")
    cache = tmp_path / "cache"
    assert env_for(templates, cache, False).get_template("a.html").render(name="Åse") == \
        "Hei Åse!"
    (entry,) = cache.iterdir()
    written = entry.stat().st_mtime_ns
    # a new process (a new environment) reads the compiled code instead of compiling
    env = env_for(templates, cache, False)
    compiled: list[str] = []
    original = env.compile
    env.compile = lambda *a, **k: compiled.append("x") or original(*a, **k)
    assert env.get_template("a.html").render(name="Åse") == "Hei Åse!"
    assert compiled == [] and entry.stat().st_mtime_ns == written
    # an edited template is compiled again, in the same entry
    (templates / "a.html").write_text("Hallo {{ name }}.", encoding="utf-8")
    assert env_for(templates, cache, False).get_template("a.html").render(name="Åse") == \
        "Hallo Åse."
    assert list(cache.iterdir()) == [entry]


def test_a_template_in_a_temporary_folder_keeps_one_entry(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for n in range(3):  # the theme's words are written to a new folder at every build
        folder = tmp_path / f"build-{n}"
        folder.mkdir()
        (folder / "custom.html").write_text(f"ord {n}", encoding="utf-8")
        assert env_for(folder, cache, False).get_template("custom.html").render() == f"ord {n}"
    assert len(list(cache.iterdir())) == 1


def test_environments_with_other_options_do_not_share_compiled_code(tmp_path: Path) -> None:
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "felt.html").write_text("{{ value }}", encoding="utf-8")
    pages = env_for(templates, tmp_path / "cache" / "pages", autoescape=False)
    pdf = env_for(templates, tmp_path / "cache" / "pdf", autoescape=True)
    assert pages.get_template("felt.html").render(value="<b>") == "<b>"
    assert pdf.get_template("felt.html").render(value="<b>") == "&lt;b&gt;"
    # and again from the cache, in fresh environments
    assert env_for(templates, tmp_path / "cache" / "pdf", True).get_template(
        "felt.html").render(value="<b>") == "&lt;b&gt;"
    assert env_for(templates, tmp_path / "cache" / "pages", False).get_template(
        "felt.html").render(value="<b>") == "<b>"
