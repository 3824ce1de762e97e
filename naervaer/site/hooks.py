"""MkDocs hooks (``hooks:`` in mkdocs.yml): load the edition, add PDFs, build aside and swap.

* ``on_config`` loads and validates the edition *before anything is written*; a broken
  settings or data file stops the build with file, line and key path. It sets language,
  site name and navigation from the edition, and points ``site_dir`` at a staging directory.
* ``on_files`` renders the PDFs (cached by content hash) and adds them to the site.
* ``on_env`` applies the small, named corrections to the theme's own templates
  (``theme_fixes.py``: valid HTML and accessible names where the theme has no block).
* ``on_post_page`` / ``on_post_template`` compact each page and add its
  Content-Security-Policy.
* ``on_post_build`` cuts the theme's stylesheet to the rules the site can use
  (``theme_css.py``), writes the CSP header (also as ``nginx-csp.conf``) and the
  external-link report, fails on a broken internal link, and swaps the staging directory
  into place, so a failed build leaves the previous output untouched.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from naervaer.edition import load_edition, logo_path
from naervaer.errors import DataError
from naervaer.site import csp, edition, set_edition, theme_fixes
from naervaer.site.build import build_pdfs, fill_font_file, set_downloads, swap_into_place, tell
from naervaer.site.compact import compact_css, compact_html
from naervaer.site.form_fill import PAGE_CONTENT, fillable_forms, page_src
from naervaer.site.links import check_site
from naervaer.site.nav import build_nav, category_src, guide_src, language_src, left_out
from naervaer.site.pages import Downloads
from naervaer.site.search import rewrite_index
from naervaer.site.theme_css import trim_theme_css
from naervaer.site.theme_fixes import THEME_WORDS

log = logging.getLogger("mkdocs.plugins.naervaer")
_run: dict[str, Any] = {"command": "build"}


EDITION_CSS = "assets/edition.css"
FILL_FONT = "assets/fonts/form-fill.ttf"  # next to assets/pdf-fill.js, which loads it


def edition_css(ed: Any) -> str:
    """The edition's colour as theme variables (a file, so no inline style is needed)."""
    colour = ed.settings.colour
    return (
        ":root {\n"
        f"  --md-primary-fg-color: {colour};\n"
        f"  --md-primary-fg-color--light: {colour};\n"
        f"  --md-primary-fg-color--dark: {colour};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        f"  --md-accent-fg-color: {colour};\n"
        f"  --md-typeset-a-color: {colour};\n"
        "}\n"
    )


class _WarningCount(logging.Handler):
    """Counts the build's warnings: mkdocs aborts a strict build on them only *after*
    ``on_post_build``, so the swap below must look for itself, or a build that mkdocs then
    refuses would already have replaced the previous output."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


_warnings = _WarningCount()


def on_startup(command: str, dirty: bool) -> None:
    _run["command"] = command


def on_pre_build(config: MkDocsConfig) -> None:
    _warnings.count = 0
    logging.getLogger("mkdocs").addHandler(_warnings)  # no-op when already added


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        ed = load_edition()
    except DataError as exc:
        raise PluginError(exc.report()) from None
    set_edition(ed)
    # the theme inserts site_name and site_description as HTML: they are markup here
    config["site_name"] = Markup("Nærvær – {}").format(ed.s["municipality"])
    config["site_description"] = ed.t("site.description")
    if ed.settings.site_url:
        config["site_url"] = ed.settings.site_url
    config["theme"]["language"] = ed.lang
    # the theme's words it has in English only for nb/nn (theme_fixes.py reads them)
    config["extra"]["nv_theme_words"] = {key: ed.t(f"theme.{key}") for key in THEME_WORDS}
    config["nav"] = build_nav(ed)
    logo = logo_path(ed.settings, ed.settings_file)
    if logo is not None:
        config["theme"]["logo"] = f"assets/logo{logo.suffix.lower()}"
    if EDITION_CSS not in config["extra_css"]:
        config["extra_css"].insert(0, EDITION_CSS)
    if _run["command"] == "build":
        final = Path(config["site_dir"])
        staging = final.with_name(final.name + ".building")
        if staging.exists():
            shutil.rmtree(staging)
        _run["final"], _run["staging"] = final, staging
        config["site_dir"] = str(staging)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    check_thin_pages(files)
    for src in left_out(edition()):
        file = files.get_file_from_path(src)
        if file is not None:
            files.remove(file)
    if os.environ.get("NAERVAER_NO_PDF") == "1":  # pages only: the benchmark's baseline
        result, generated = Downloads(), {}
    else:
        result, generated = build_pdfs(edition())
    set_downloads(result)
    for dest, path in generated.items():
        files.append(File.generated(config, dest, abs_src_path=str(path)))
    files.append(File.generated(config, EDITION_CSS, content=edition_css(edition())))
    files.append(File.generated(config, FILL_FONT, abs_src_path=str(fill_font_file())))
    add_form_pages(files, config)
    for src, content in language_pages(edition()).items():
        files.append(File.generated(config, src, content=content))
    logo = logo_path(edition().settings, edition().settings_file)
    if logo is not None:
        files.append(File.generated(config, f"assets/logo{logo.suffix.lower()}",
                                    abs_src_path=str(logo)))
    return files


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """The local preview (``naervaer vis`` / ``mkdocs serve``): reload on a change to the
    settings file or its logo wherever they are, and let the live-reload script the server
    adds to each page run under the page's Content-Security-Policy (by its hash)."""
    ed = edition()
    logo = logo_path(ed.settings, ed.settings_file)
    for folder in {ed.settings_file.parent, *([logo.parent] if logo else [])}:
        server.watch(str(folder), recursive=False)
    inject = server._inject_js_into_html  # mkdocs 1.6 (pinned): adds the reload script

    def inject_allowed(content: bytes, epoch: int) -> bytes:
        return csp.renew_meta(inject(content, epoch).decode("utf-8")).encode("utf-8")

    server._inject_js_into_html = inject_allowed
    tell("serving")
    return server


def add_form_pages(files: Files, config: MkDocsConfig) -> None:
    """One HTML form page per fillable form (skjema/<id>.html), generated from the data:
    reached from the forms overview, not listed in the navigation."""
    for form in fillable_forms(edition()):
        src = page_src(form.id)
        if files.get_file_from_path(src) is not None:
            raise PluginError(f"docs/{src} finnes, men skjemasiden lages av dataene "
                              f"(forms/{form.id}.yaml): slett docs/{src}")
        files.append(File.generated(config, src, content=PAGE_CONTENT,
                                    inclusion=InclusionLevel.NOT_IN_NAV))


def language_pages(ed: Any) -> dict[str, str]:
    """Parent material (issue 13): a page per published language, generated (the language
    list is data). Each is one macro call, like the thin pages, and stays out of the
    Norwegian search index."""
    if ed.parents is None:
        return {}
    return {
        language_src(lang.code):
            "---\nsearch:\n  exclude: true\n---\n\n"
            f"{{{{ language_page('{lang.code}') }}}}\n"
        for lang in ed.parents.languages
    }


def check_thin_pages(files: Files) -> None:
    """Every guide page and category in data/ has its thin page in docs/, and no more."""
    ed = edition()
    wanted = {guide_src(p) for p in ed.guide} | {category_src(c.slug) for c in ed.bank.categories}
    present = {
        f.src_uri for f in files.documentation_pages()
        if f.src_uri.startswith(("veileder/", "tiltak/")) and not f.src_uri.endswith("index.md")
    }
    problems = [f"mangler docs/{src} (én linje: {{{{ guide_page() }}}} eller "
                f"{{{{ category_page() }}}})" for src in sorted(wanted - present)]
    problems += [f"docs/{src} har ingen data (data/guide/ eller data/measures.yaml)"
                 for src in sorted(present - wanted)]
    if problems:
        raise PluginError("Tynne sider i docs/ stemmer ikke med dataene:\n  - "
                          + "\n  - ".join(problems))


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """Correct the theme's block-less markup as its templates load (theme_fixes.py)."""
    return theme_fixes.install(env)


def finish_html(output: str) -> str:
    html, hashes = csp.add_meta(compact_html(output))
    _run.setdefault("script_hashes", set()).update(hashes)
    return html


def on_post_page(output: str, page: Any, config: MkDocsConfig) -> str:
    ed = edition()
    language = None
    if ed.parents is not None:
        language = next((lang for lang in ed.parents.languages
                         if page.file.src_uri == language_src(lang.code)), None)
    if language is not None:
        # both parts are markup already (settings values in them escaped as text), as the
        # theme's own <title> takes site_name
        output = page_language(output, language.code, ed.lang,
                               f"{language.ui['page_title']} – {config['site_name']}")
    if ed.parents is not None:
        for lang in ed.parents.languages:
            output = mark_language_links(output, lang.code, lang.dir)
    return finish_html(output)


def mark_language_links(html: str, code: str, direction: str) -> str:
    """The theme's navigation and footer links to a language page show the language's name
    in its own script: mark that name with its language and direction."""
    link = re.compile(r'(<a href="(?:(?:\.\./)*foreldre/)?' + code + r'\.html"[^>]*>\s*'
                      r'(?:<div class="md-footer__title">\s*<span class="md-footer__direction">'
                      r'[^<]*</span>\s*)?<(?:span|div) class="md-ellipsis")')
    return link.sub(lambda m: f'{m.group(1)} lang="{code}" dir="{direction}"', html)


# the Norwegian frame: everything but the content and the table of contents (whose entries
# are the page's own headings; only its title is Norwegian)
_CHROME = re.compile(r'<(header|nav|footer|div|a|button|label)\b(?=[^>]*\bclass="(?:md-header|'
                     r'md-tabs|md-sidebar md-sidebar--primary|md-footer|md-skip|md-top|'
                     r'md-search|md-nav__title" for="__toc)[\s"])')


def page_language(html: str, lang: str, chrome_lang: str, title: str) -> str:
    """A page in another language (issue 13): ``<html lang>`` and ``<title>`` in the
    page's language; the Norwegian frame around it (header, navigation, search, footer,
    skip link) keeps ``lang`` of the edition. ``title`` is markup (escaped already)."""
    html = re.sub(r'<html lang="[^"]*"', f'<html lang="{lang}"', html, count=1)
    html = re.sub(r"<title>.*?</title>", lambda _: f"<title>{title}</title>", html, count=1,
                  flags=re.S)
    return _CHROME.sub(lambda m: f'{m.group(0)} lang="{chrome_lang}"', html)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return finish_html(output) if template_name.endswith(".html") else output


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config["site_dir"])
    for sheet in (site / "assets").glob("*.css"):  # ours; the theme's are minified already
        sheet.write_text(compact_css(sheet.read_text(encoding="utf-8")), encoding="utf-8")
    rewrite_index(site, edition())  # the search index, for Norwegian (search.py, issue 23)
    trim_theme_css(site)  # after every page and script is written: it reads them all
    header = csp.header(_run.pop("script_hashes", set()))
    (site / "csp-header.txt").write_text(header + "\n", encoding="utf-8")
    (site / "nginx-csp.conf").write_text(csp.nginx_directive(header), encoding="utf-8")
    report = check_site(site)
    (site / "eksterne-lenker.txt").write_text(report.external_text(), encoding="utf-8")
    if report.broken:
        raise PluginError("Brutte interne lenker:\n  - " + "\n  - ".join(report.broken))
    if config["strict"] and _warnings.count:
        return  # mkdocs aborts next; on_build_error drops the staging directory
    if _run["command"] == "build" and "staging" in _run:
        swap_into_place(_run.pop("staging"), _run.pop("final"))
        config["site_dir"] = str(Path(config["site_dir"]).with_name(
            Path(config["site_dir"]).name.removesuffix(".building")))


def on_build_error(error: Exception) -> None:
    """A failed build leaves the previous output as it was and no half-built folder."""
    staging = _run.pop("staging", None)
    _run.pop("final", None)
    if staging is not None and Path(staging).exists():
        shutil.rmtree(staging)
