"""Shared browser set-up: Debian Chromium driven by Playwright, and a local
static server for the built site. Used by the screenshots script, the
Lighthouse benchmark and the browser tests."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

import contextlib
import functools
import gzip
import http.server
import io
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# Flags that keep Chromium off the network on these machines (GUIDE §7).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]



@contextlib.contextmanager
def launch() -> Iterator[Browser]:
    """Debian Chromium with the flags that keep it off the network (GUIDE §7)."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"
    gzip = False
    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".map", ".txt")

    def log_message(self, *args):  # keep test output readable
        pass

    def send_head(self):
        # Serve the site under `prefix` (the path of site_url), as it is published.
        if not self.path.startswith(self.prefix) and self.path + "/" != self.prefix:
            self.send_error(404)
            return None
        if self.gzip and "gzip" in self.headers.get("Accept-Encoding", ""):
            compressed = self._gzipped()
            if compressed is not None:
                return compressed
        return super().send_head()

    def _gzipped(self):
        """Text files gzip-compressed, as GitHub Pages sends them (for Lighthouse)."""
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = Path(self.translate_path(url_path))
        if url_path.endswith("/"):
            path = path / "index.html"
        if path.suffix not in self.COMPRESSIBLE or not path.is_file():
            return None  # folders without "/" get the usual redirect
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Like GitHub Pages: a missing page gets the site's own 404.html.
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve(site_dir: Path, prefix: str = "/", compress: bool = False) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 at a free port; yields the base URL.

    ``prefix`` is the path the site lives under, e.g. "/kinderwerk/" for the
    path of ``site_url``: 404.html links its assets absolutely, so it only
    works when served where it is published. ``compress`` gzips text files
    for clients that accept it, as GitHub Pages does."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler_class = type("_Handler", (_QuietHandler,), {"prefix": prefix, "gzip": compress})
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
