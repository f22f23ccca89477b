"""A real browser on the built site: Debian's Chromium driven by Playwright.

The site is served on localhost; every request to anywhere else is blocked
(the photos, hosted by pytorch.kr, then fail to load, which is expected).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files, and a missing page of a language folder as that
    language's 404.html with status 404, as Read the Docs does."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(
        self, code: int, message: str | None = None, explain: str | None = None
    ) -> None:
        lang = self.path.lstrip("/").split("/", 1)[0]
        not_found = Path(self.directory, lang, "404.html")
        if code != 404 or not lang or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve ``root`` on a free localhost port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def block_outside_localhost(route, request) -> None:
    """Let requests to the local server through, abort every other."""
    if request.url.startswith(("http://127.0.0.1:", "http://localhost:")):
        route.continue_()
    else:
        route.abort()
