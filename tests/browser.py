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
    if is_local(request.url):
        route.continue_()
    else:
        route.abort()


def is_local(url: str) -> bool:
    """Whether ``url`` is served by the local test server."""
    return url.startswith(("http://127.0.0.1:", "http://localhost:"))


class Watch:
    """What went wrong while a page was open: console errors, script errors and
    failed requests, the blocked photos set apart."""

    def __init__(self, page) -> None:
        self.console: list[str] = []
        self.page_errors: list[str] = []
        self.failed_local: list[str] = []
        self.blocked: list[tuple[str, str]] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("requestfailed", self._on_failed)

    def _on_console(self, message) -> None:
        if message.type not in ("error", "warning"):
            return
        source = message.location.get("url", "")
        # Chromium reports each blocked request once more, as a console error
        # whose source is the blocked URL; the request itself is checked below.
        if message.text.startswith("Failed to load resource") and not is_local(source):
            return
        self.console.append(f"{message.type}: {message.text} ({source})")

    def _on_failed(self, request) -> None:
        if is_local(request.url):
            self.failed_local.append(f"{request.url}: {request.failure}")
        else:
            self.blocked.append((request.resource_type, request.url))

    def problems(self) -> list[str]:
        """Everything but the photos hosted elsewhere failing to load."""
        unexpected_blocks = [
            f"blocked {kind}: {url}" for kind, url in self.blocked if kind != "image"
        ]
        return [*self.console, *self.page_errors, *self.failed_local, *unexpected_blocks]


def new_page(browser, **context_options):
    """A page in a context of its own (locale, viewport, colour scheme...), in
    which only localhost can be reached; close it with ``page.context.close()``."""
    context = browser.new_context(**context_options)
    context.route("**/*", block_outside_localhost)
    return context.new_page()
