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


#: Resolves once the browser has rendered twice more: after it, what a scroll
#: or a focus change sets off (lazy photos asked for, a focus ring painted) has
#: happened.  Waiting for the condition, not for a fixed time or for quiet.
#: A page that renders no frame within 5 s fails the test (``evaluate`` has no
#: timeout of its own).
NEXT_FRAMES = (
    "Promise.race(["
    "new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),"
    "new Promise((_, reject) => setTimeout(() => reject(new Error("
    "'the page rendered no frame in 5 s')), 5000))])"
)


def open_page(page, url: str) -> None:
    """Open ``url`` and wait for its ``load`` event: the page, its stylesheets,
    scripts and fonts, and every photo it asked for, have loaded or failed."""
    page.goto(url, wait_until="load")


def rendered(page) -> None:
    """Wait until the browser has rendered what the last action changed."""
    page.evaluate(f"() => {NEXT_FRAMES}")


def scroll_through(page) -> None:
    """Scroll to the bottom a screen at a time, so every lazy photo is asked
    for, then wait until each photo has loaded or failed.

    Each step scrolls at once (the site scrolls smoothly for readers who did
    not ask for less motion) and waits for two frames, in which the browser
    decides which lazy photos come near the screen.
    """
    page.evaluate(
        f"""async () => {{
             const next = () => {NEXT_FRAMES};
             const bottom = () => document.documentElement.scrollHeight - innerHeight;
             for (let y = 0; y < bottom(); y += innerHeight) {{
               scrollTo({{top: y, behavior: "instant"}});
               await next();
             }}
             scrollTo({{top: bottom(), behavior: "instant"}});
             await next();
           }}"""
    )
    page.wait_for_function("() => [...document.images].every((image) => image.complete)")


class Watch:
    """What went wrong while a page was open: console errors, script errors and
    failed requests, the blocked photos set apart."""

    def __init__(self, page) -> None:
        self.console: list[str] = []
        self.page_errors: list[str] = []
        self.failed_local: list[str] = []
        self.blocked: list[tuple[str, str]] = []
        #: Documents whose loading a newer navigation cut short (a redirect
        #: made by a script, as the root page's), and where the page went.
        self.superseded: list[str] = []
        self.navigated: list[str] = []
        self._page = page
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("requestfailed", self._on_failed)
        page.on("framenavigated", self._on_navigated)

    def _on_navigated(self, frame) -> None:
        if frame == self._page.main_frame:
            self.navigated.append(frame.url)

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
        if request.is_navigation_request() and request.failure == "net::ERR_ABORTED":
            self.superseded.append(request.url)
        elif is_local(request.url):
            self.failed_local.append(f"{request.url}: {request.failure}")
        else:
            self.blocked.append((request.resource_type, request.url))

    def problems(self) -> list[str]:
        """Everything but the photos hosted elsewhere failing to load, and
        documents that a later navigation replaced."""
        unexpected_blocks = [
            f"blocked {kind}: {url}" for kind, url in self.blocked if kind != "image"
        ]
        where = self.navigated[-1] if self.navigated else None
        # Excused: a document that was shown (its script ran) and then left.
        cut_short = [
            f"{url}: aborted"
            for url in self.superseded
            if url not in self.navigated or url == where
        ]
        return [
            *self.console,
            *self.page_errors,
            *self.failed_local,
            *unexpected_blocks,
            *cut_short,
        ]


def new_context(browser, **context_options):
    """A browser context (locale, viewport, colour scheme...) in which only
    localhost can be reached."""
    context = browser.new_context(**context_options)
    context.route("**/*", block_outside_localhost)
    return context


def new_page(browser, **context_options):
    """A page in a context of its own, for a test that needs its own settings
    or storage; close it with ``page.context.close()``."""
    return new_context(browser, **context_options).new_page()
