"""The site: one MkDocs plugin (``naervaer`` in mkdocs.yml) that holds its own state.

* ``on_config`` loads and checks the edition *before anything is written* (a broken file
  stops the build with file, line and key path); sets language, site name, navigation and
  the theme's words; builds into a staging folder.
* ``on_files`` renders the PDFs (cached by content hash), adds them, the form pages, the
  pages in other languages, the edition's colours and logo.
* ``on_env`` applies the named corrections to the theme's block-less markup
  (:mod:`.theme_fixes`).
* ``on_post_page`` / ``on_post_template`` mark pages in other languages, compact each page
  and add its Content-Security-Policy.
* ``on_post_build`` cuts the theme's stylesheet to the rules the site can use
  (:mod:`.theme_css`), writes the CSP header and the external-link report, fails on a broken
  internal link, and swaps the staging folder into place, so a failed build leaves the
  previous output untouched.

Which edition: the option ``settings`` (mkdocs.yml: ``!ENV [NAERVAER_SETTINGS, …]``); the
``naervaer`` command sets it on the plugin directly. Renderers get the edition and the
downloads from the plugin (:meth:`renderer`), never from module globals.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..content.edition import Edition, load_edition
from ..content.facts import unset_report
from ..content.schema.kinds import href
from ..content.settings_file import logo_path
from ..errors import DataError
from ..messages import msg
from ..pdf import html as pdf_html
from ..template_cache import cache_templates
from . import csp, pages, theme_fixes
from .build import build_pdfs, cache_base, fill_font_files, swap_into_place
from .compact import compact_css, compact_html
from .form_fill import PAGE_CONTENT, fillable_forms, page_src
from .languages import language_pages, mark_language_links, page_language
from .links import check_site
from .nav import CAUSES_PAGE, build_nav, category_src, guide_src, language_src, left_out
from .pages import Downloads, PageRenderer
from .search import rewrite_index
from .theme_css import trim_theme_css
from .theme_fixes import THEME_WORDS

EDITION_CSS = "assets/edition.css"
FILL_FONTS = "assets/fonts"  # next to assets/pdf-fill.js, which loads them (and their list)
PREVIEW_JS = "/__naervaer__/preview.js"  # served by the preview server only (preview.py)


class NaervaerConfig(base.Config):
    settings = c.Type(str, default="editions/eksempel-kommune.yml")
    draft = c.Type((bool, str, int), default=False)  # build though local facts are unset
    no_pdf = c.Type((bool, str, int), default=False)  # pages only (the bench baseline)


def _truthy(value: bool | str | int) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "ja")


class _WarningCount(logging.Handler):
    """Counts the build's warnings: mkdocs aborts a strict build on them only *after*
    ``on_post_build``, so the swap must look for itself, or a build that mkdocs then
    refuses would already have replaced the previous output."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class NaervaerPlugin(BasePlugin[NaervaerConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        super().__init__()
        self.command = "build"
        self.settings_file: Path | None = None  # set by the command, else from the config
        self.edition: Edition | None = None
        self.downloads = Downloads()
        self.staging: Path | None = None
        self.final: Path | None = None
        self.script_hashes: set[str] = set()
        self.warnings = _WarningCount()
        self.on_pdf: Callable[[int, int, str], None] | None = None  # progress, for the command
        self.pdfs = True
        self.preview = False  # naervaer vis: pages reload themselves (preview.js)
        self.render_pdfs = True  # False: PDFs from the cache only (the preview, at first)
        self.theme_dir: Path | None = None  # the edition's custom translation of the theme
        self.draft = False  # the command's --utkast (else the option, or NAERVAER_DRAFT)
        # the edition the command loaded already (bygg checks it first): loaded once, so
        # every warning is told once
        self.preloaded: Edition | None = None

    # -- what renderers read ---------------------------------------------------------------
    def ed(self) -> Edition:
        if self.edition is None:
            raise PluginError("the edition is loaded in on_config")
        return self.edition

    def renderer(self, src: str) -> PageRenderer:
        return PageRenderer(self.ed(), src, self.downloads)

    # -- events ----------------------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_shutdown(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.theme_dir is not None:
            shutil.rmtree(self.theme_dir, ignore_errors=True)
            self.theme_dir = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        logging.getLogger("mkdocs").addHandler(self.warnings)  # removed on shutdown
        self.warnings.count = 0
        self.script_hashes = set()
        file = self.settings_file or Path(config.config_file_path).parent / self.config.settings
        self.pdfs = not _truthy(self.config["no_pdf"])
        self.draft = self.draft or self.preview or _truthy(self.config["draft"])
        try:
            ed = self.preloaded
            if ed is None or ed.settings_file != Path(file).resolve() or ed.draft != self.draft:
                ed = load_edition(Path(file), draft=self.draft)
            self.edition = ed
        except DataError as exc:
            raise PluginError(exc.report()) from None
        if ed.unset and not ed.draft:
            raise PluginError(unset_report(ed.settings, ed.unset, ed.lang))
        # compiled templates kept between builds (naervaer/template_cache.py)
        pages.cache_templates(cache_base() / "templates" / "pages")
        pdf_html.cache_templates(cache_base() / "templates" / "pdf")
        config["extra"]["nv_banner"] = ed.banner
        config["extra"]["nv_noindex"] = ed.draft
        # the theme inserts site_name and site_description as HTML: they are markup here
        config["site_name"] = Markup("Nærvær – {}").format(ed.s["municipality"])
        config["site_description"] = ed.t("site.description")
        # the theme's own switch for its English «Made with …» line; ours says it in Norwegian
        config["extra"]["generator"] = False
        config["copyright"] = ed.t("site.made_with")
        if ed.settings.site_url:  # canonical links and the sitemap: a host in punycode
            config["site_url"] = href(ed.settings.site_url)
        # the theme's words: its own nb/nn file, with ours where it has English
        self.theme_dir = theme_fixes.custom_language(config, ed.lang, {
            key: str(ed.t(f"theme.{key}")) for key in THEME_WORDS})
        config["nav"] = build_nav(ed)
        logo = logo_path(ed.settings, ed.settings_file)
        if logo is not None:
            config["theme"]["logo"] = f"assets/logo{logo.suffix.lower()}"
        if EDITION_CSS not in config["extra_css"]:
            config["extra_css"].insert(0, EDITION_CSS)
        if self.command == "build":
            self.final = Path(config["site_dir"])
            self.staging = self.final.with_name(self.final.name + ".building")
            if self.staging.exists():
                shutil.rmtree(self.staging)
            config["site_dir"] = str(self.staging)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        ed = self.ed()
        check_thin_pages(files, ed)
        for src in left_out(ed):
            file = files.get_file_from_path(src)
            if file is not None:
                files.remove(file)
        generated: dict[str, Path] = {}
        if self.pdfs:
            self.downloads, generated = build_pdfs(ed, on_pdf=self.on_pdf,
                                                   render=self.render_pdfs)
        for dest, path in generated.items():
            files.append(File.generated(config, dest, abs_src_path=str(path)))
        files.append(File.generated(config, EDITION_CSS, content=edition_css(ed)))
        for name, path in fill_font_files().items():
            files.append(File.generated(config, f"{FILL_FONTS}/{name}", abs_src_path=str(path)))
        for form in fillable_forms(ed):
            src = page_src(form.id)
            if files.get_file_from_path(src) is not None:
                raise PluginError(msg("form_page_exists", src=src, id=form.id))
            files.append(File.generated(config, src, content=PAGE_CONTENT,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        for src, content in language_pages(ed).items():
            files.append(File.generated(config, src, content=content))
        logo = logo_path(ed.settings, ed.settings_file)
        if logo is not None:
            files.append(File.generated(config, f"assets/logo{logo.suffix.lower()}",
                                        abs_src_path=str(logo)))
        return files

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Correct the theme's block-less markup as its templates load (theme_fixes.py)."""
        cache_templates(env, cache_base() / "templates" / "theme")
        return theme_fixes.install(env)

    def finish_html(self, output: str) -> str:
        html, hashes = csp.add_meta(compact_html(output))
        self.script_hashes.update(hashes)
        return html

    # after every other plugin: the page is final (search has read it) before it is compacted
    # and its inline scripts hashed; the search index exists before it is rewritten
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        ed = self.ed()
        language = next((lang for lang in ed.parents.languages
                         if page.file.src_uri == language_src(lang.code)), None)
        if language is not None:
            # both parts are markup already (settings values in them escaped as text), as the
            # theme's own <title> takes site_name
            output = page_language(output, language.code, ed.lang,
                                   f"{language.ui['page_title']} – {config['site_name']}")
        for lang in ed.parents.languages:
            output = mark_language_links(output, lang.code, lang.dir,
                                         required=page.file.src_uri.startswith("foreldre/"))
        if self.preview:
            output = output.replace("</body>", f'<script type="module" src="{PREVIEW_JS}">'
                                    "</script></body>", 1)
        return self.finish_html(output)

    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        if template_name.endswith(".html"):
            return self.finish_html(output_content)
        return output_content

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config["site_dir"])
        for sheet in (site / "assets").glob("*.css"):  # ours; the theme's are minified already
            sheet.write_text(compact_css(sheet.read_text(encoding="utf-8")), encoding="utf-8")
        if self.edition is not None:  # the search index, for Norwegian (search.py)
            rewrite_index(site, self.edition)
        # after every page and script is written: it reads them all
        trim_theme_css(site, cache_base() / "theme-css")
        if self.edition is not None and self.edition.draft:  # a draft is no site to index
            (site / "robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf-8")
        header = csp.header(self.script_hashes)
        (site / "csp-header.txt").write_text(header + "\n", encoding="utf-8")
        (site / "nginx-csp.conf").write_text(csp.nginx_directive(header), encoding="utf-8")
        lang = self.edition.lang if self.edition else "nb"
        report = check_site(site, lang, ignore=(PREVIEW_JS,) if self.preview else ())
        (site / "eksterne-lenker.txt").write_text(report.external_text(), encoding="utf-8")
        if report.broken:
            raise PluginError(msg("broken_links", lang) + "\n  - "
                              + "\n  - ".join(report.broken))
        if config["strict"] and self.warnings.count:
            return  # mkdocs aborts next; on_build_error drops the staging folder
        if self.command == "build" and self.staging is not None and self.final is not None:
            swap_into_place(self.staging, self.final)
            config["site_dir"] = str(self.final)
            self.staging = self.final = None

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build leaves the previous output as it was and no half-built folder."""
        if self.staging is not None and self.staging.exists():
            shutil.rmtree(self.staging)
        self.staging = self.final = None


def edition_css(ed: Edition) -> str:
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


def check_thin_pages(files: Files, ed: Edition) -> None:
    """Every guide page and category in data/ has its thin page in docs/, and no more."""
    wanted = {guide_src(p) for p in ed.guide} | {category_src(c.slug) for c in ed.bank.categories}
    wanted.add(CAUSES_PAGE)
    present = {
        f.src_uri for f in files.documentation_pages()
        if f.src_uri.startswith(("veileder/", "tiltak/")) and not f.src_uri.endswith("index.md")
    }
    problems = [msg("thin_page_missing", src=src) for src in sorted(wanted - present)]
    problems += [msg("thin_page_extra", src=src) for src in sorted(present - wanted)]
    if problems:
        raise PluginError(msg("thin_pages") + "\n  - " + "\n  - ".join(problems))

