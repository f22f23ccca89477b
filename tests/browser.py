"""A real browser on the built site: Debian's Chromium driven by Playwright.

The site is served on localhost; every request to anywhere else is blocked
(the photos, hosted by pytorch.kr, then fail to load, which is expected).
"""

from __future__ import annotations

from pytorchkr_archive.measure.chromium import block_outside_localhost, is_local
from tests.conftest import EVENT, LANGUAGES

#: Every page of a language, as built (checked by test_browser.py).
PAGES = (
    "index",
    "events/index",
    EVENT,
    "speakers",
    "translating",
    "search",
    "genindex",
    "404",
)
EVERY_PAGE = [f"{lang}/{page}" for lang in LANGUAGES for page in PAGES]


def url_of(base: str, lang_page: str) -> str:
    return f"{base}/{lang_page}.html"


def open_page(page, url: str) -> None:
    """Open ``url`` and wait until the page and what it loads have settled."""
    page.goto(url)
    page.wait_for_load_state("networkidle")


def scroll_through(page) -> None:
    """Scroll to the bottom step by step, so every lazy photo is asked for."""
    page.evaluate(
        """async () => {
             for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
               scrollTo(0, y);
               await new Promise((resolve) => setTimeout(resolve, 50));
             }
             scrollTo(0, document.documentElement.scrollHeight);
             await new Promise((resolve) => setTimeout(resolve, 100));
           }"""
    )
    page.wait_for_load_state("networkidle")


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
