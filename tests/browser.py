"""A real browser on the built site: Debian's Chromium driven by Playwright.

The site is served on localhost; every request to anywhere else is blocked
(the photos, hosted by pytorch.kr, then fail to load, which is expected).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import threading
import urllib.request
import warnings
import weakref
from collections.abc import Iterator

from playwright.sync_api import Error as PlaywrightError

from pytorchkr_archive.catalogs.files import load
from pytorchkr_archive.measure.chromium import is_local
from pytorchkr_archive.record.people import NAME_CONTEXT, person_slug
from tests.conftest import LANGUAGES, PROJECT
from tests.helpers import SharedSets, processes

#: The event pages, and the people the record names (one page each, by the
#: English name their message in speakers.po has).
EVENTS = sorted(f"events/{p.stem}" for p in (PROJECT / "events").glob("2*.md"))
PEOPLE = sorted(
    {
        f"speakers/{person_slug(m.id)}"
        for m in load(PROJECT / "locale" / "ko" / "LC_MESSAGES" / "speakers.po")
        if m.context == NAME_CONTEXT
    }
)
#: Every page of a language, as built (checked by test_browser.py).
PAGES = (
    "index",
    "events/index",
    *sorted({f"events/{name[7:11]}" for name in EVENTS}),
    *EVENTS,
    "series/index",
    "series/tech-seminars",
    "series/pytorch-day-korea",
    "series/vllm-kr",
    "series/physical-ai",
    "series/coresig",
    "speakers",
    *PEOPLE,
    "translating",
    "search",
    "genindex",
    "404",
)
EVERY_PAGE = [f"{lang}/{page}" for lang in LANGUAGES for page in PAGES]


#: V8 in the tests' browser compiles no further than its baseline tier
#: (Sparkplug): each page is a new document, in which V8 would optimise
#: axe-core's functions again, on threads beside the page, for the few
#: runs of it the document sees.  Checks read the same; a page of
#: test_every_page costs the browser about a fifth less CPU (measured in
#: docs/benchmarks.md).  Not for the benchmarks, which time what readers get.
TEST_JS_FLAGS = "--js-flags=--max-opt=1"

#: The colour schemes, and the sizes: desktop, and a phone 375 px wide (Furo's
#: mobile layout), in which the accessibility tests read each page.
SCHEMES = ("light", "dark")
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 812}}
#: Each scheme at each size, as ``show_in`` names them.
SETTINGS = [f"{scheme}-{size}" for size in VIEWPORTS for scheme in SCHEMES]


def driver_processes() -> list[int]:
    """The process ids of this process's children that are Playwright's driver."""
    return [
        pid
        for pid, parent, command in processes()
        if parent == os.getpid() and "run-driver" in command
    ]


def stop_playwright(playwright, grace: float = 30.0) -> None:
    """Stop Playwright, and kill its driver if it has not exited ``grace`` s later.

    Now and then (twice in about fifteen full runs here, both times after the
    last test of an xdist worker), Playwright's driver process does not exit
    when it is told to, and ``stop()`` waits for it for ever: every test has
    passed and the run never ends.  The browser is closed by then; killing
    the driver ends the wait, with a warning.  A known kind of Playwright bug
    (microsoft/playwright#39753, microsoft/playwright-pytest#187).  Where
    there is no ``/proc`` (macOS), ``stop()`` runs as it is.
    """
    drivers = driver_processes()
    killed = []

    def kill() -> None:
        for pid in drivers:
            try:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
            except ProcessLookupError:
                pass

    timer = threading.Timer(grace, kill)
    timer.daemon = True
    timer.start()
    try:
        playwright.stop()
    finally:
        timer.cancel()
    if killed:
        warnings.warn(
            f"Playwright's driver did not exit within {grace:.0f} s of stop(); killed it",
            stacklevel=2,
        )


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
    failed requests, the blocked photos set apart; and what it asked for.

    A watch is for the document its page opens next: what the page's earlier
    document still does (a request it had on its way, which fails when the
    new one replaces it; a message it logs as it goes) is not counted.  Until
    the watch has seen its page navigate, only the navigation's own request
    counts (its failure is the new document's); once the new document is
    committed, the earlier one runs no more script.  A request's failure
    counts only if the request was counted when it was made.  So a tab can go
    from page to page without a blank page between them to keep the pages'
    events apart.
    """

    def __init__(self, page) -> None:
        self.console: list[str] = []
        self.page_errors: list[str] = []
        self.failed_local: list[str] = []
        self.blocked: list[tuple[str, str]] = []
        #: Documents whose loading a newer navigation cut short (a redirect
        #: made by a script, as the root page's), and where the page went.
        self.superseded: list[str] = []
        self.navigated: list[str] = []
        #: Every URL the page asked for, the navigations' own included.
        self.requested: list[str] = []
        self._counted: set[object] = set()
        self._page = page
        self._listeners = (
            ("console", self._on_console),
            ("pageerror", self._on_error),
            ("request", self._on_request),
            ("requestfailed", self._on_failed),
            ("framenavigated", self._on_navigated),
        )
        for event, listener in self._listeners:
            page.on(event, listener)

    def stop(self) -> None:
        """Stop watching the page (which goes on to other pages)."""
        for event, listener in self._listeners:
            self._page.remove_listener(event, listener)

    def _counts(self, request=None) -> bool:
        """Whether an event is this watch's document's (see the class)."""
        return bool(self.navigated) or (request is not None and request.is_navigation_request())

    def _on_error(self, error) -> None:
        if self._counts():
            self.page_errors.append(str(error))

    def _on_navigated(self, frame) -> None:
        if frame == self._page.main_frame:
            self.navigated.append(frame.url)

    def _on_request(self, request) -> None:
        if self._counts(request):
            self._counted.add(request)
            self.requested.append(request.url)

    def _on_console(self, message) -> None:
        if message.type not in ("error", "warning") or not self._counts():
            return
        source = message.location.get("url", "")
        # Chromium reports each blocked request once more, as a console error
        # whose source is the blocked URL; the request itself is checked below.
        if message.text.startswith("Failed to load resource") and not is_local(source):
            return
        self.console.append(f"{message.type}: {message.text} ({source})")

    def _on_failed(self, request) -> None:
        if request not in self._counted:
            return
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
    """A browser context (locale, viewport, colour scheme...); the tests'
    browser reaches only localhost (``outside_localhost_refused``)."""
    return browser.new_context(**context_options)


def new_page(browser, **context_options):
    """A page in a context of its own, for a test that needs its own settings
    or storage; close it with ``page.context.close()``."""
    return new_context(browser, **context_options).new_page()


#: What a page of a new context is shown in (Playwright's defaults), which a
#: reused tab is given back after each test (:func:`as_new`).
CONTEXT_MEDIA = {"color_scheme": "light", "reduced_motion": "no-preference"}


@contextlib.contextmanager
def as_new(tab) -> Iterator[object]:
    """The tab, for one test, as a new tab of its context would be; then put back.

    A new tab starts a renderer process (in a new context, an empty cache as
    well): 0.26 core-seconds of Chromium for a new tab and its first page,
    0.62 for a new context's, against 0.12 for a blank page and the next in
    the same tab.  What the test changes of the tab is undone after it: the
    listeners it added (``tab.on``, :class:`Watch`), its routes, its colour
    scheme, motion and size, what its pages stored and their cookies; and
    the tab goes to a blank page, so that the next test starts where a new
    tab does and what the last page had on its way ends there.  The context's
    HTTP cache stays, as a reader's browser keeps it (a new page of the
    context kept it too).  Hover does not carry over: a new document has no
    pointer over it until the mouse moves.
    """
    viewport = tab.viewport_size
    added: list[tuple[str, object]] = []
    own_on, own_once = tab.on, tab.once

    def on(event: str, handler) -> None:
        added.append((event, handler))
        own_on(event, handler)

    def once(event: str, handler) -> None:
        added.append((event, handler))
        own_once(event, handler)

    tab.on, tab.once = on, once
    try:
        yield tab
    finally:
        del tab.on, tab.once
        for event, handler in added:
            tab.remove_listener(event, handler)
        tab.unroute_all(behavior="ignoreErrors")
        if tab.url.startswith("http"):
            tab.evaluate("localStorage.clear(); sessionStorage.clear()")
        tab.goto("about:blank")
        tab.context.clear_cookies()
        tab.emulate_media(**CONTEXT_MEDIA)
        _SCHEMES.pop(tab, None)
        if tab.viewport_size != viewport:
            tab.set_viewport_size(viewport)


def violations_in(page, script_url: str, setting: str, light: dict[str, list[str]]) -> list[str]:
    """axe-core's violations on the open page shown in ``setting``, every rule run.

    ``light`` keeps the page's :func:`layout` in light at each size.  In dark,
    where the layout is the light one's, every rule that does not read colours
    reads what it read in light, so gives the same verdict: only
    :data:`COLOUR_RULES` run again (a run of them costs two fifths of a whole
    run).  Where anything but a colour differs, every rule runs again.
    """
    scheme, size = setting.split("-")
    if scheme == "light" or size not in light:
        show_in(page, f"light-{size}")
        light[size] = layout(page)
    if scheme == "light":
        return axe(page, script_url)
    show_in(page, setting)
    return axe(page, script_url, COLOUR_RULES if layout(page) == light[size] else None)


#: The colour scheme each page was last shown in by :func:`show_in` (a page
#: keeps it from one document to the next).
_SCHEMES: weakref.WeakKeyDictionary[object, str] = weakref.WeakKeyDictionary()


def show_in(page, setting: str, *, render: bool = True) -> None:
    """Show the open page in a colour scheme and size (``light-phone``...), as a
    reader's settings or a turned phone change them, without loading it again;
    what is already so is left alone.  Then wait until the page has rendered
    in it; not with ``render=False``, for a tab about to open its next page
    (which is laid out in the new size as it loads; the page it leaves need
    not be drawn again)."""
    scheme, size = setting.split("-")
    changed = False
    if _SCHEMES.get(page) != scheme:
        page.emulate_media(color_scheme=scheme)
        _SCHEMES[page] = scheme
        changed = True
    if page.viewport_size != VIEWPORTS[size]:
        page.set_viewport_size(VIEWPORTS[size])
        changed = True
    if changed and render:
        rendered(page)


#: Everything of each element that axe-core's rules read, but its colours: what
#: it shows (display, visibility, opacity, clipping), where and how large
#: (its box, what it scrolls, what stacks on what).  Furo's theme icons, which
#: change with the colour scheme by design (a sun, a moon), are left out.
LAYOUT = """() => [...document.querySelectorAll("body *")]
  .filter((e) => !e.closest(".theme-toggle"))
  .map((e) => {
    const s = getComputedStyle(e), r = e.getBoundingClientRect();
    return [e.tagName, s.display, s.visibility, s.opacity, s.position, s.zIndex, s.overflow,
      s.clip, s.clipPath, s.transform, s.pointerEvents, s.contentVisibility,
      Math.round(r.x + scrollX), Math.round(r.y + scrollY), Math.round(r.width),
      Math.round(r.height),
      e.scrollWidth, e.scrollHeight].join(" ");
  })"""
#: axe-core's rules that read colours (its ``cat.color`` rules on by default).
COLOUR_RULES = ("color-contrast", "link-in-text-block")


def layout(page) -> list[str]:
    """What axe-core reads of the open page, colours left out (:data:`LAYOUT`)."""
    return page.evaluate(LAYOUT)


#: Every kind of element the open page holds: each element of ``<body>`` by
#: its path from there, each step its tag, classes and attributes, and whether
#: it holds text of its own; the page's stylesheets and scripts are kinds too
#: (what a script adds at run time follows from them).  An attribute that
#: names, links or labels one thing (an id, an address, a text) counts by
#: whether it is there and empty, not by its value: two speakers' pages hold
#: the same kinds.  What axe-core's rules and the site's stylesheets read of
#: an element (its tag, classes, role, language, state, style) is its kind.
ELEMENT_KINDS = """() => {
  const NAMING = new Set(["id", "href", "src", "srcset", "alt", "title", "datetime",
    "content", "for", "name", "value", "width", "height", "d", "viewbox", "aria-label",
    "aria-labelledby", "aria-describedby", "aria-controls", "xlink:href"]);
  const step = (e) => {
    const attributes = [...e.attributes].filter((a) => a.name !== "class").map((a) =>
      NAMING.has(a.name) || a.name.startsWith("data-")
        ? `${a.name}${a.value ? "" : "=''"}` : `${a.name}=${a.value}`).sort();
    return `${e.localName}.${[...e.classList].sort().join(".")}[${attributes.join(" ")}]`;
  };
  const kinds = new Set([...document.querySelectorAll("link[rel=stylesheet], script[src]")]
    .map((e) => (e.href || e.src).split("?")[0].split("/").pop()));
  const walk = (element, path) => {
    for (const child of element.children) {
      const here = `${path} > ${step(child)}`;
      const text = [...child.childNodes].some((n) => n.nodeType === 3 && n.data.trim());
      kinds.add(text ? `${here} #text` : here);
      walk(child, here);
    }
  };
  walk(document.body, `${step(document.documentElement)} > ${step(document.body)}`);
  return [...kinds];
}"""


def element_kinds(page) -> frozenset[str]:
    """The kinds of element the open page holds (:data:`ELEMENT_KINDS`)."""
    return frozenset(page.evaluate(ELEMENT_KINDS))


#: The setting in which axe-core checks every page whole; in the others it
#: checks every kind of element (:func:`violations_of_new_kinds`).
EVERY_PAGE_SETTING = "light-desktop"


def violations_of_new_kinds(
    page,
    script_url: str,
    setting: str,
    light: dict[str, list[str]],
    kinds: frozenset[str],
    checked: SharedSets,
) -> list[str]:
    """axe-core's violations on the open page in ``setting``: in
    :data:`EVERY_PAGE_SETTING` always; in another setting only if the page
    holds a kind of element (``kinds``, :func:`element_kinds`) that no page
    checked in it so far held (``checked``, shared by every worker of the
    run), else none.  A page that passes adds its kinds to ``checked``.

    Pages made from one template with other words (the speakers', the
    years') hold the same kinds: one of them is checked in dark and at phone
    size, each page in light at desktop size.
    """
    if setting == EVERY_PAGE_SETTING:
        return violations_in(page, script_url, setting, light)
    if kinds <= checked.read(setting):
        return []
    found = violations_in(page, script_url, setting, light)
    if not found:
        checked.add(setting, kinds)
    return found


#: axe-core run in the page, and only what the tests read brought back: each
#: violation's element (one line each), how many rules passed or failed, and
#: which rules ran.  (axe's whole result, every rule's description and a
#: node of each, is most of a run's cost once serialised to the test.)
AXE = """async (options) => {
  const results = await axe.run(document, options);
  const kinds = ["passes", "violations", "incomplete", "inapplicable"];
  return {
    violations: results.violations.flatMap((violation) => violation.nodes.map((node) =>
      `${violation.id} (${violation.impact}): ${node.target.join(" ")}: ${node.failureSummary}`)),
    checked: results.passes.length + results.violations.length,
    ran: kinds.flatMap((kind) => results[kind].map((rule) => rule.id)),
  };
}"""


def axe(page, script_url: str, rules: tuple[str, ...] | None = None) -> list[str]:
    """Run axe-core on the open page (every rule on by default, or only ``rules``);
    its violations, one line per element.  ``script_url``: the ``axe_url`` fixture."""
    if not page.evaluate("typeof window.axe === 'object'"):
        try:
            page.add_script_tag(url=script_url)
        except PlaywrightError:
            # A document that a route made up (the landing page without its
            # redirect) is in no address space Chromium lets reach localhost
            # (Local Network Access): it is given the script whole.
            with urllib.request.urlopen(script_url) as response:
                page.add_script_tag(content=response.read().decode("utf-8"))
    options: dict[str, object] = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": list(rules)}
    results = page.evaluate(AXE, options)
    if rules:
        assert set(rules) <= set(results["ran"]), f"axe did not run {set(rules)}"
    else:
        assert results["checked"] >= 15, "axe checked almost nothing: is the page empty?"
    return results["violations"]


#: Pages with blocks of their own; the search page, the index of terms and
#: the 404 page (which stands for any page) have none, so no control.
#: The pages Sphinx writes of its own, the people's pages and the years' pages
#: (generated, with no source paragraphs to pair) have no view.
WITH_BLOCKS = frozenset(
    page
    for page in PAGES
    if page not in ("search", "genindex", "404")
    and not page.startswith("speakers/")
    and not re.fullmatch(r"events/\d{4}", page)
)

#: (the page's own block, what the view shows beside it, its lang, its notes),
#: for every box of the view, in the page's order.
PARALLEL_PAIRS = """() => [...document.querySelectorAll(".parallel-block")].map((box) => {
  const inside = box.previousElementSibling === null || box.parentElement.localName === "dd"
    || box.parentElement.localName === "figcaption";
  const element = inside ? box.parentElement : box.previousElementSibling;
  const own = element.cloneNode(true);
  own.querySelectorAll(".parallel-block, .headerlink").forEach((e) => e.remove());
  const shown = box.querySelector(".parallel-text");
  return {
    own: own.textContent, ownLang: element.closest("[lang]").lang,
    shown: shown ? shown.textContent : null, lang: shown ? shown.lang : null,
    label: box.querySelector(".parallel-label").lang,
    notes: [...box.querySelectorAll(".parallel-note, .parallel-proposed")].map(
      (n) => [n.textContent, n.lang]),
    edit: [...box.querySelectorAll(".parallel-edit")].map((e) => [e.textContent, e.href || null]),
    card: box.parentElement.localName === "dd",
  };
})"""
