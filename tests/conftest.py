"""Shared fixtures: built editions, a local HTTP server, and Debian's Chromium via Playwright."""

from __future__ import annotations

import functools
import http.server
import inspect
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

from naervaer.content.edition import Edition, load_edition

ROOT = Path(__file__).resolve().parent.parent
# tests never write into the repository: rendered PDFs, previews and fonts are cached outside
# it (kept between runs on this machine, so an unchanged PDF is not rendered again)
TEST_CACHE = Path(os.environ.get("NAERVAER_TEST_CACHE")
                  or Path(tempfile.gettempdir()) / "naervaer-test-cache")
os.environ["NAERVAER_CACHE"] = str(TEST_CACHE)
# Hypothesis keeps its examples and its other files there too, not in .hypothesis/ in the
# repository
set_hypothesis_home_dir(TEST_CACHE / "hypothesis")
# fixtures that build an edition (site or PDFs) before the test can run
BUILD_FIXTURES = {"site_dir", "nn_site_dir", "base_url", "nn_base_url", "sites", "hostile",
                  "aure", "hostile_pdfs", "published", "draft_site",
                  "percent_site"}
BROWSER_FIXTURES = {"browser", "page"}
EDITIONS = ROOT / "editions"
DEFAULT_SETTINGS = EDITIONS / "eksempel-kommune.yml"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
]


@functools.cache
def example_edition(name: str) -> Edition:
    """One of the example editions (``editions/<name>``), loaded once per test process: an
    ``Edition`` is frozen, so the tests can share it."""
    return load_edition(EDITIONS / name)


def mkdocs_build(settings: Path, site_dir: Path, extra_env: dict[str, str] | None = None,
                 check: bool = True, draft: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build` for one edition, as an editor would. ``draft``: the
    small settings files tests write leave local facts unset, so they build as drafts;
    the example editions are complete and build as published."""
    env = dict(os.environ)
    env.update({
        "NAERVAER_SETTINGS": str(settings),
        "NAERVAER_CACHE": str(TEST_CACHE),
        "NO_MKDOCS_2_WARNING": "1",
        "NAERVAER_DRAFT": "1" if draft else "0",
    })
    env.update(extra_env or {})
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return result


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The test ladder: a test that needs a built edition is marked ``build``, one that drives
    Chromium ``browser`` (and ``build``); the rest are unit tests (``make check``)."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        # a fixture asked for by name at run time (`request.getfixturevalue(edition)`)
        params = getattr(getattr(item, "callspec", None), "params", {})
        names |= {value for value in params.values() if isinstance(value, str)}
        # … or by a name the test works out itself: any fixture a test's code names counts
        function = getattr(item, "function", None)
        source = inspect.getsource(function) if function is not None else ""
        if "getfixturevalue" in source:
            names |= {name for name in BUILD_FIXTURES | BROWSER_FIXTURES if f'"{name}"' in source}
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if names & (BUILD_FIXTURES | BROWSER_FIXTURES):
            item.add_marker(pytest.mark.build)


def _new_files_in_repository() -> set[str]:
    """Untracked and ignored paths in the working tree (as `git status` lists them), apart
    from Python's and pytest's own caches."""
    out = subprocess.run(["git", "status", "--porcelain", "--ignored", "--untracked-files=normal"],
                         cwd=ROOT, capture_output=True, text=True)
    return {line[3:] for line in out.stdout.splitlines() if line[:2] in ("??", "!!")
            and not {"__pycache__", ".pytest_cache"} & set(Path(line[3:]).parts)}


def pytest_sessionstart(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput"):  # the controller, not an xdist worker
        session.config.stash[_BEFORE] = _new_files_in_repository()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Tests never write into the repository: a file or folder that appeared there during
    the run fails it."""
    before = session.config.stash.get(_BEFORE, None)
    if before is None or not (ROOT / ".git").exists():
        return
    new = sorted(_new_files_in_repository() - before)
    if new:
        writer = session.config.get_terminal_writer()
        writer.line()
        writer.line("The tests wrote into the repository: " + ", ".join(new), red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_BEFORE = pytest.StashKey[set[str]]()


def shared_build(factory: pytest.TempPathFactory, name: str, settings: Path) -> Path:
    """An example edition built once per test run, also when the tests run in several
    worker processes (pytest-xdist, `make test`): the first worker builds it under a lock in
    the run's shared temporary folder, the others wait for it and read the same site."""
    from filelock import FileLock

    root = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # shared by the workers of this run
    out = root / name / "site"
    done = root / name / "built"
    with FileLock(str(root / f"{name}.lock")):
        if not done.exists():
            out.parent.mkdir(parents=True, exist_ok=True)
            mkdocs_build(settings, out, draft=False)
            done.touch()
    return out


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default edition, built once per test run with `mkdocs build --strict`."""
    return shared_build(tmp_path_factory, "default", DEFAULT_SETTINGS)


@pytest.fixture(scope="session")
def nn_site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The nynorsk example edition (Fjordvik), built once per test run."""
    return shared_build(tmp_path_factory, "fjordvik", EDITIONS / "fjordvik.yml")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/", httpd


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    url, httpd = serve(site_dir)
    yield url
    httpd.shutdown()


@pytest.fixture(scope="session")
def sites(site_dir: Path, nn_site_dir: Path) -> Iterator[dict[str, str]]:
    """Both example editions served on 127.0.0.1: {"nb": url, "nn": url}."""
    servers = {"nb": serve(site_dir), "nn": serve(nn_site_dir)}
    yield {lang: url for lang, (url, _) in servers.items()}
    for _, httpd in servers.values():
        httpd.shutdown()


@pytest.fixture(scope="session")
def served(sites: dict[str, str], site_dir: Path,
           nn_site_dir: Path) -> dict[str, tuple[str, Path]]:
    """:func:`sites` with each edition's built folder: {"nb": (url, folder), …}."""
    return {"nb": (sites["nb"], site_dir), "nn": (sites["nn"], nn_site_dir)}


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed (run ./setup.sh as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    """A fresh page that records every request that leaves 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.external_requests = []
    pg.console_errors = []

    def on_request(request):
        if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            pg.external_requests.append(request.url)

    pg.on("request", on_request)
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()


PREVIOUS_PAGE = "forrige versjon"


def previous_site(folder: Path) -> Path:
    """``folder`` holding an earlier build (one page), for tests that a refused build leaves
    it exactly as it was (see :func:`untouched`)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(PREVIOUS_PAGE, encoding="utf-8")
    return folder


def untouched(folder: Path) -> bool:
    """Whether ``folder`` is still exactly what :func:`previous_site` wrote."""
    return ([p.name for p in folder.iterdir()] == ["index.html"]
            and (folder / "index.html").read_text(encoding="utf-8") == PREVIOUS_PAGE)


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/, forms/ and editions/ to break on purpose."""
    for name in ("data", "forms", "editions"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def stored_anything(page) -> dict[str, object]:
    """What the page's origin keeps on the device: cookies, web storage keys and IndexedDB
    databases. Nothing typed is stored, so every test of a tool expects all of them empty."""
    kept = page.evaluate("""async () => ({localStorage: Object.keys(localStorage),
        sessionStorage: Object.keys(sessionStorage),
        indexedDB: (await indexedDB.databases()).map(d => d.name)})""")
    kept["cookies"] = page.context.cookies()
    return {where: what for where, what in kept.items() if what}


def interrupt(proc: subprocess.Popen[str]) -> None:
    """Stop a long-running command as an editor would (Ctrl+C); kill it if it hangs."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def site_search(page, word: str, expect: str, attempts: int = 3) -> list[str]:
    """Type ``word`` into the site's search box key by key, as a reader does (the theme
    listens for key events), and return the result links once one contains ``expect``."""
    links: list[str] = []
    box = page.locator("input.md-search__input")
    page.click(".md-search__input")
    for _ in range(attempts):
        box.fill("")
        box.press_sequentially(word, delay=15)
        try:
            page.wait_for_function(
                """([expect]) => Array.from(document.querySelectorAll(
                    '.md-search-result__item a')).some(a => a.href.includes(expect))""",
                arg=[expect], timeout=5_000,
            )
        except Exception:  # noqa: BLE001 - retried, then reported by the caller's assert
            pass
        links = page.eval_on_selector_all(".md-search-result__item a",
                                          "els => els.map(e => e.href)")
        if any(expect in link for link in links):
            break
    return links
