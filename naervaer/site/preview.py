"""``naervaer vis``: a local preview that follows the settings file as it is saved.

* A saved change is built at once, pages only (PDFs taken from the cache where their content
  is unchanged), into a fresh folder; the server switches to it when it is complete, and
  every open page reloads itself (``preview.js`` asks ``/__naervaer__/status``).
* PDFs whose content changed are rendered afterwards, in a background thread that only fills
  the PDF cache; then the pages are built once more to link them. Every site build happens in
  the main thread, one at a time, and never waits for PDFs.
* While the file is broken the last good version stays served; the problem is printed once
  (and shown on the open pages), in the file's målform, until the next good save.
* Only 127.0.0.1 is served; nothing typed in a page reaches the server (it only serves
  files and the status).
"""

from __future__ import annotations

import functools
import http.server
import json
import logging
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .run import Failed, build_site

STATUS = "/__naervaer__/status"
SCRIPT = "/__naervaer__/preview.js"
SCRIPT_FILE = Path(__file__).resolve().parent / "preview.js"
POLL = 0.25  # seconds between looks at the watched files


class _Errors(logging.Handler):
    """Collects what the build reports (our own Norwegian problem reports among them)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


class Preview:
    def __init__(self, settings_file: Path, port: int, *, say: Callable[[str], None],
                 complain: Callable[[str], None], texts: dict[str, str]):
        self.file = settings_file
        self.port = port
        self.say, self.complain, self.t = say, complain, texts
        self.work = Path(tempfile.mkdtemp(prefix="naervaer-vis-"))
        self.root: Path | None = None  # the folder being served: the last good build
        self.version = 0
        self.error = ""
        self.lock = threading.Lock()
        self.pdf_thread: threading.Thread | None = None
        self.pdfs_wanted = False  # a newer edition than the thread is rendering
        self.pdfs_ready = threading.Event()  # new PDFs in the cache: build the pages again

    # -- building ------------------------------------------------------------------------
    def watched(self) -> list[Path]:
        from ..content.settings_file import logo_path

        paths = [self.file]
        try:
            from ..content.settings_file import load_settings

            settings, _ = load_settings(self.file)
            logo = logo_path(settings, self.file)
            if logo is not None:
                paths.append(logo)
        except Exception:  # noqa: BLE001 - a broken file is reported by the build
            pass
        return paths

    def stamp(self) -> tuple[float, ...]:
        return tuple(p.stat().st_mtime if p.exists() else 0.0 for p in self.watched())

    def build(self) -> bool:
        """Build the pages (PDFs from the cache) into a new folder and serve it; False (and
        the problem told once) if the build stopped."""
        target = self.work / f"v{self.version + 1}"
        errors = _Errors()
        started = time.perf_counter()

        def configure(plugin: Any) -> None:
            plugin.preview = True
            plugin.render_pdfs = False

        try:
            build_site(self.file, target, handler=errors, command="serve", configure=configure)
        except Failed as exc:
            shutil.rmtree(target, ignore_errors=True)
            report = "\n".join(dict.fromkeys(errors.lines)) or str(exc)
            if report != self.error:
                self.error = report
                self.complain(report)
                self.complain(self.t["serve.kept"])
            with self.lock:
                self.version += 1  # the pages show the problem
            return False
        old, self.root = self.root, target
        with self.lock:
            self.version += 1
            was_broken, self.error = bool(self.error), ""
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
        self.say(self.t["serve.fixed" if was_broken else "serve.updated"].format(
            time=time.strftime("%H:%M:%S"), seconds=seconds))
        return True

    def pdfs_later(self) -> None:
        """Render the PDFs whose content changed into the cache, in the background; the main
        loop builds the pages again when they are there."""
        import os

        if os.environ.get("NAERVAER_NO_PDF") == "1":  # pages only, as the build is told
            return
        self.pdfs_wanted = True
        if self.pdf_thread is not None and self.pdf_thread.is_alive():
            return

        def run() -> None:
            from ..content.edition import load_edition
            from ..errors import DataError
            from ..pdf.build import build_all
            from .build import cache_dir

            while self.pdfs_wanted:
                self.pdfs_wanted = False
                try:
                    edition = load_edition(self.file)
                except DataError:
                    return  # the build tells the problem
                built = build_all(edition, cache_dir(edition), progress=lambda line: None)
                if any(not item.cached for item in built):
                    self.pdfs_ready.set()

        self.pdf_thread = threading.Thread(target=run, daemon=True)
        self.pdf_thread.start()

    # -- serving -------------------------------------------------------------------------
    def status(self) -> bytes:
        with self.lock:
            data = {"version": self.version, "error": self.error,
                    "title": self.t["serve.error_title"] if self.error else ""}
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    def handler(self) -> type[http.server.SimpleHTTPRequestHandler]:
        preview = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def translate_path(self, path: str) -> str:
                root = preview.root or preview.work
                self.directory = str(root)
                return super().translate_path(path)

            def do_GET(self) -> None:  # noqa: N802 - the http.server API
                path = self.path.split("?", 1)[0]
                if path == STATUS:
                    self.send_bytes(preview.status(), "application/json; charset=utf-8")
                elif path == SCRIPT:
                    self.send_bytes(SCRIPT_FILE.read_bytes(), "text/javascript; charset=utf-8")
                else:
                    super().do_GET()

            def send_bytes(self, body: bytes, kind: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def end_headers(self) -> None:
                self.send_header("Cache-Control", "no-store")
                super().end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        return Handler

    def serve(self, on_ready: Callable[[], None] | None = None) -> None:
        """Build, serve on 127.0.0.1 and follow the watched files until Ctrl+C."""
        handler = functools.partial(self.handler(), directory=str(self.work))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            if self.build():
                self.pdfs_later()
            if on_ready is not None:
                on_ready()
            seen = self.stamp()
            while True:
                time.sleep(POLL)
                now = self.stamp()
                if now != seen:
                    seen = now
                    if self.build():
                        self.pdfs_later()
                elif self.pdfs_ready.is_set():
                    self.pdfs_ready.clear()
                    self.build()
        finally:
            server.shutdown()
            shutil.rmtree(self.work, ignore_errors=True)
