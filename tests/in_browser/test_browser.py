"""The built site in a real browser, as readers use it.

Debian's Chromium, driven by Playwright, on the site served on localhost; every
request to anywhere else is blocked, so the photos (hosted by pytorch.kr) fail
to load and nothing else may.  What every page is checked for (no error, the
switch, axe-core, a phone's width) is in test_every_page.py, on one load of
each; here, what a reader does across pages or on one kind of page.
"""

from __future__ import annotations

import re
import struct
import time
import warnings
import zlib
from pathlib import Path

import pytest

from pytorchkr_archive.measure.chromium import OUTSIDE_LOCALHOST
from tests.browser import (
    NEXT_FRAMES,
    PAGES,
    Watch,
    as_new,
    new_page,
    open_page,
    rendered,
    scroll_through,
    show_in,
    url_of,
)
from tests.conftest import EVENT, LANGUAGES

OTHER = {"en": "ko", "ko": "en"}
#: What a reader types into the search box of each language; the recap must come up.
READER_QUERIES = {"en": "core maintainers", "ko": "파이토치 컨퍼런스에서"}


#: The theme toggle's name in each language (Furo's English, sphinx.po's Korean).
THEME_TOGGLE_LABELS = {
    "en": "Toggle Light / Dark / Auto color theme",
    "ko": "밝은 테마 / 어두운 테마 / 자동 테마 전환",
}


def test_the_page_list_is_complete(site: Path) -> None:
    for lang in LANGUAGES:
        built = {
            str(path.relative_to(site / lang).with_suffix(""))
            for path in (site / lang).rglob("*.html")
            if "_static" not in path.parts
        }
        assert built == set(PAGES), f"{lang}: update PAGES in tests/browser.py"


# -- Loading cleanly -----------------------------------------------------------


def test_the_photos_are_the_only_requests_blocked(page, site_url: str) -> None:
    """The event page asks for all nine photos, and for nothing else outside."""
    watch = Watch(page)
    why: dict[str, str] = {}
    page.on("requestfailed", lambda request: why.setdefault(request.url, request.failure))
    open_page(page, url_of(site_url, f"en/{EVENT}"))
    scroll_through(page)
    for _ in range(50):  # the last lazy requests may still be on their way
        if len(watch.blocked) >= 9:
            break
        page.wait_for_timeout(100)
    assert len(watch.blocked) == 9
    assert all(kind == "image" and "pytorch.kr" in url for kind, url in watch.blocked)
    # Chromium itself refused them, and refuses every other way out: a bare
    # address (v4 and v6), https, a WebSocket.  Where no network is reachable
    # at all, only the reason tells the refusal from the network's absence.
    outcomes = page.evaluate(REACH, OUTSIDE)
    assert outcomes == dict.fromkeys(OUTSIDE, "refused"), outcomes
    fetched = [url for url in OUTSIDE if url.startswith("http")]
    reasons = {why.get(url) for url in fetched + [url for _, url in watch.blocked]}
    assert reasons == {"net::ERR_PROXY_CONNECTION_FAILED"}, why


#: Addresses outside the machine, by each way a page could reach them.
OUTSIDE = ["http://93.184.215.14/", "http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/",
           "https://example.org/", "wss://example.org/"]  # fmt: skip
#: Whether the page reaches each URL: a fetch (a WebSocket for ws:) that fails
#: before any answer is "refused".
REACH = """async (urls) => Object.fromEntries(await Promise.all(urls.map((url) =>
  new Promise((settle) => {
    if (url.startsWith("ws")) {
      const socket = new WebSocket(url);
      socket.onopen = () => settle([url, "reached"]);
      socket.onerror = () => settle([url, "refused"]);
    } else {
      fetch(url, {mode: "no-cors"}).then(() => settle([url, "reached"]),
                                         () => settle([url, "refused"]));
    }
  }))))"""


def test_the_landing_page_loads_with_no_error(page, site_url: str) -> None:
    """The root page sends the browser on to its language while it is still
    being read: its own request may then end as aborted (it did in one run of
    four), which is the redirect working.  The test waits for the page it
    leads to, not for the root page's load, which may never come."""
    watch = Watch(page)
    page.goto(f"{site_url}/index.html", wait_until="commit")
    page.wait_for_url(f"{site_url}/en/index.html", wait_until="load")
    assert watch.problems() == []
    assert watch.navigated[-1] == f"{site_url}/en/index.html"
    assert set(watch.superseded) <= {f"{site_url}/index.html"}


def test_a_document_cut_short_by_nothing_is_a_problem(page, site_url: str) -> None:
    """The allowance above holds only for a document that a navigation replaced."""
    watch = Watch(page)
    page.route(f"{site_url}/en/index.html", lambda route: route.abort("aborted"))
    with pytest.raises(Exception, match="ERR_ABORTED"):
        page.goto(f"{site_url}/en/index.html")
    page.unroute(f"{site_url}/en/index.html")
    assert watch.problems() == [f"{site_url}/en/index.html: aborted"]


def test_what_the_last_page_had_on_its_way_is_not_the_next_pages_problem(
    page, site_url: str
) -> None:
    """A tab goes from page to page with a new watch for each (test_every_page):
    a request the page left still had on its way fails as it is left, and is
    not the next page's; a request of the next page that fails is."""
    held = []
    page.route("**/_static/held-by-the-test.js", lambda route: held.append(route))
    open_page(page, url_of(site_url, "en/index"))
    with page.expect_request("**/_static/held-by-the-test.js"):
        page.evaluate("fetch('_static/held-by-the-test.js').catch(() => {}); null")
    watch = Watch(page)
    stylesheet = re.compile(r"/_static/archive-events\.css")
    page.route(stylesheet, lambda route: route.abort())
    open_page(page, url_of(site_url, "en/speakers"))
    page.unroute(stylesheet)
    problems = watch.problems()
    assert not [problem for problem in problems if "held-by-the-test" in problem], problems
    failed = [problem for problem in problems if not problem.startswith("error: ")]
    assert len(failed) == 1, problems
    assert failed[0].startswith(f"{site_url}/en/_static/archive-events.css"), problems
    assert failed[0].endswith(": net::ERR_FAILED"), problems


def test_a_reused_tab_is_given_back_as_a_new_one(reader_tab, site_url: str) -> None:
    """What a test changes of the shared tab (``page``) does not reach the next test."""
    heard: list[str] = []
    with as_new(reader_tab) as tab:
        show_in(tab, "dark-phone")
        tab.emulate_media(reduced_motion="reduce")
        tab.on("request", lambda request: heard.append(request.url))
        tab.route("**/*.css*", lambda route: route.abort())
        open_page(tab, url_of(site_url, "en/index"))
        tab.evaluate("localStorage.setItem('theme', 'dark'); sessionStorage.setItem('x', '1')")
        assert heard
    heard.clear()
    assert reader_tab.url == "about:blank"
    open_page(reader_tab, url_of(site_url, "en/index"))
    assert heard == [], "a listener of the last test still hears the tab"
    assert reader_tab.viewport_size == {"width": 1280, "height": 720}
    assert reader_tab.evaluate(
        "[matchMedia('(prefers-color-scheme: light)').matches,"
        " matchMedia('(prefers-reduced-motion: no-preference)').matches,"
        " localStorage.length, sessionStorage.length,"
        " getComputedStyle(document.body).display]"
    ) == [True, True, 0, 0, "block"]
    assert reader_tab.evaluate("document.styleSheets.length") > 1, "a route of the last test"
    reader_tab.goto("about:blank")


# -- The language switch -------------------------------------------------------


def test_switch_keeps_the_section_and_the_query(page, site_url: str) -> None:
    open_page(page, url_of(site_url, f"ko/{EVENT}"))
    section = page.locator("article section[id] section[id]").first.get_attribute("id")
    open_page(page, url_of(site_url, f"ko/{EVENT}") + f"#{section}")
    page.locator("a.language-switch-link").click()
    page.wait_for_url(url_of(site_url, f"en/{EVENT}") + f"#{section}")
    open_page(page, url_of(site_url, "en/search") + "?q=conference")
    page.locator("a.language-switch-link").click()
    page.wait_for_url(url_of(site_url, "ko/search") + "?q=conference")


# -- Search, typed -----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_typed_by_a_reader_finds_the_recap(page, site_url: str, lang: str) -> None:
    open_page(page, url_of(site_url, f"{lang}/index"))
    box = page.get_by_role("searchbox").or_(page.locator("input.sidebar-search")).first
    box.click()
    page.keyboard.type(READER_QUERIES[lang], delay=20)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\.html\?q="))
    result = page.locator(f'#search-results ul.search li a[href*="{EVENT}"]').first
    result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_url(re.compile(re.escape(f"/{lang}/{EVENT}.html")))
    # Sphinx marks the words found on the page it leads to.
    page.locator("article .highlighted").first.wait_for(timeout=5_000)


# -- The landing page ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "lang"),
    [("ko-KR", "ko"), ("en-US", "en"), ("en-GB", "en"), ("fr-FR", "en")],
)
def test_the_landing_page_sends_each_browser_to_its_language(
    browser, site_url: str, locale: str, lang: str
) -> None:
    page = new_page(browser, locale=locale)
    try:
        # The redirect replaces the root page while it loads: wait for where it leads.
        page.goto(f"{site_url}/index.html", wait_until="commit")
        page.wait_for_url(f"{site_url}/{lang}/index.html")
        assert page.locator("html").get_attribute("lang") == lang
    finally:
        page.context.close()


# -- The theme toggle ------------------------------------------------------------------


def background(page) -> tuple[int, ...]:
    color = page.evaluate("getComputedStyle(document.body).backgroundColor")
    return tuple(int(part) for part in re.findall(r"\d+", color)[:3])


def cycle_to(page, theme: str) -> None:
    toggle = page.locator("button.theme-toggle").locator("visible=true").first
    for _ in range(3):
        if page.evaluate("document.body.dataset.theme") == theme:
            return
        toggle.click()
    assert page.evaluate("document.body.dataset.theme") == theme


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_theme_toggle_switches_and_remembers(page, site_url: str, lang: str) -> None:
    """In light (the tab's scheme); the choice is stored, and forgotten after the test."""
    open_page(page, url_of(site_url, f"{lang}/{EVENT}"))
    assert sum(background(page)) > 600, "the light theme is not light"
    cycle_to(page, "dark")
    assert sum(background(page)) < 150, "the dark theme is not dark"
    # Another page remembers the choice.
    open_page(page, url_of(site_url, f"{lang}/index"))
    assert page.evaluate("document.body.dataset.theme") == "dark"
    assert sum(background(page)) < 150
    cycle_to(page, "light")
    assert sum(background(page)) > 600
    label = page.locator("button.theme-toggle").first.get_attribute("aria-label")
    assert label == THEME_TOGGLE_LABELS[lang]


# -- A phone, 375 px wide -----------------------------------------------------------------

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def phone(browser):
    page = new_page(browser, **PHONE)
    yield page
    page.context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_navigation_is_reachable_on_a_phone(phone, site_url: str, lang: str) -> None:
    open_page(phone, url_of(site_url, f"{lang}/index"))
    speakers = phone.locator('.sidebar-drawer a.reference[href="speakers.html"]')
    assert not speakers.is_visible() or not in_viewport(phone, speakers)
    phone.locator("label.nav-overlay-icon").click()
    phone.wait_for_function(
        "() => { const r = document.querySelector('.sidebar-drawer').getBoundingClientRect();"
        " return r.left >= 0 && r.right > 0; }"
    )
    assert in_viewport(phone, speakers)
    speakers.click()
    phone.wait_for_url(url_of(site_url, f"{lang}/speakers"))
    # The language switch is on screen too.
    assert in_viewport(phone, phone.locator("a.language-switch-link"))


def in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    width = page.viewport_size["width"]
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


# -- Keyboard -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_skip_link_comes_first_and_skips_to_the_content(
    page, site_url: str, lang: str
) -> None:
    open_page(page, url_of(site_url, f"{lang}/index"))
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-to-content")
    assert page.evaluate("document.activeElement.classList.contains('skip-to-content')")
    # Hidden above the page until focused, then slid into view.
    page.wait_for_function(
        "() => document.querySelector('a.skip-to-content').getBoundingClientRect().top >= 0"
    )
    assert skip.is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#furo-main-content$"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('article') !== null"), (
        "after the skip link, Tab did not go into the page's content"
    )


#: Once the browser has rendered the last Tab: the focused element, described,
#: and its box (none where the focus is back on the page itself).
FOCUSED = f"""async () => {{
  await {NEXT_FRAMES};
  const e = document.activeElement;
  if (e === document.body) return {{described: null, box: null}};
  const label = (e.getAttribute("aria-label") || e.textContent).trim().slice(0, 40);
  const r = e.getBoundingClientRect();
  return {{
    described: `${{e.tagName.toLowerCase()}}.${{[...e.classList].join(".")}} "${{label}}"`,
    box: {{x: r.x, y: r.y, width: r.width, height: r.height}},
  }};
}}"""


def tab_stops(page, limit: int = 80) -> list[str]:
    """Press Tab until the focus comes back round; check each stop shows its focus.

    A stop's focus is visible when the element and its surroundings look
    different focused and not: a screenshot of the area, taken both ways.
    """
    stops: list[str] = []
    invisible: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        described, box = stop["described"], stop["box"]
        if described is None or (stops and described == stops[0]):
            break
        stops.append(described)
        viewport = page.viewport_size
        clip = {
            "x": max(box["x"] - 6, 0),
            "y": max(box["y"] - 6, 0),
        }
        clip["width"] = min(box["x"] + box["width"] + 6, viewport["width"]) - clip["x"]
        clip["height"] = min(box["y"] + box["height"] + 6, viewport["height"]) - clip["y"]
        if clip["width"] <= 0 or clip["height"] <= 0:
            invisible.append(f"{described} (off screen at {box})")
            continue
        focused = page.screenshot(clip=clip, animations="disabled")
        page.evaluate(
            "window.__archiveFocused = document.activeElement; document.activeElement.blur()"
        )
        unfocused = page.screenshot(clip=clip, animations="disabled")
        page.evaluate("window.__archiveFocused.focus({preventScroll: true})")
        if focused == unfocused:
            invisible.append(described)
    assert invisible == [], f"focus not visible on: {invisible}"
    return stops


@pytest.mark.parametrize(
    "lang_page", [f"{lang}/{page}" for lang in LANGUAGES for page in ("index", EVENT)]
)
def test_focus_is_visible_on_every_tab_stop(page, site_url: str, lang_page: str) -> None:
    # Reduced motion: each focused element is scrolled to at once, not smoothly.
    page.emulate_media(reduced_motion="reduce")
    open_page(page, url_of(site_url, lang_page))
    stops = tab_stops(page)
    # The walk went round the whole page: the skip link, the switch, the
    # search box, the navigation and the content.
    assert len(stops) >= 10, stops
    assert "skip-to-content" in stops[0]
    assert any("language-switch-link" in stop for stop in stops)
    assert any("sidebar-search" in stop for stop in stops)


# -- Photos: lazy, sized, nothing shifts -----------------------------------------------------


def png(width: int, height: int) -> bytes:
    """A grey PNG of the given size: a stand-in for a photo, made here, not fetched."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_photos_are_lazy_and_sized_so_nothing_shifts(browser, site_url: str, lang: str) -> None:
    """The photos' requests are held, never sent; then answered with stand-ins
    of the photos' own sizes.  Their boxes do not move, and no layout shift is
    recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    held = []

    def route(route, request) -> None:
        if request.resource_type == "image":
            held.append(route)  # answered below, from this machine
        else:
            route.abort()

    context.route(OUTSIDE_LOCALHOST, route)
    page = context.new_page()
    try:
        # Every shift is kept with what moved; the photos' shifts are those of
        # the article (a photo, or the text below it).  A sub-pixel shift of
        # something else was seen twice in 6 full runs (3.6e-06 and 3.6e-05):
        # it is reported, with what moved, but it is not this test's subject.
        page.add_init_script(
            "window.__shifts = []; new PerformanceObserver((list) => {"
            " for (const e of list.getEntries()) {"
            "   if (e.hadRecentInput) continue;"
            "   const nodes = e.sources.map((s) => s.node && (s.node.closest ? s.node"
            "     : s.node.parentElement)).filter(Boolean);"
            "   window.__shifts.push({value: e.value, article: nodes.some((n) =>"
            "     n.closest('article')), moved: nodes.map((n) => n.tagName + '.' +"
            "     n.className).join(' ')});"
            " }"
            "}).observe({type: 'layout-shift', buffered: true});"
        )
        # The held photos keep the load event back: wait for the document, and
        # for the first photo's request (the card's photo is on the first
        # screen); then two frames more, in which the browser asks for every
        # photo it means to load at once.
        with page.expect_request(lambda request: request.resource_type == "image"):
            page.goto(url_of(site_url, f"{lang}/{EVENT}"), wait_until="domcontentloaded")
        rendered(page)
        images = page.locator("article img")
        assert images.count() == 9
        assert all(images.nth(i).get_attribute("loading") == "lazy" for i in range(images.count()))
        first_requests = len(held)
        assert first_requests < 9, "every photo was asked for at once: lazy loading is off"

        def boxes() -> list[tuple[int, int, int]]:
            return [
                tuple(
                    round(v)
                    for v in page.evaluate(
                        "(i) => { const r = document.querySelectorAll('article img')[i]"
                        ".getBoundingClientRect(); return [r.top + scrollY, r.width, r.height]; }",
                        i,
                    )
                )
                for i in range(images.count())
            ]

        sizes = [
            (int(images.nth(i).get_attribute("width")), int(images.nth(i).get_attribute("height")))
            for i in range(images.count())
        ]
        reserved = boxes()
        for i, ((_top, width, height), (attr_w, attr_h)) in enumerate(
            zip(reserved, sizes, strict=True)
        ):
            assert height == pytest.approx(width * attr_h / attr_w, abs=1.5), (
                f"photo {i + 1}: no box of its own ratio before it loads"
            )
        by_url = {images.nth(i).get_attribute("src"): sizes[i] for i in range(images.count())}
        answered = 0

        def answer_held() -> None:
            nonlocal answered
            for route_ in held[answered:]:
                route_.fulfill(
                    status=200, content_type="image/png", body=png(*by_url[route_.request.url])
                )
                answered += 1

        # Down the page half a screen at a time, answering what each step asks for.
        while page.evaluate(
            "() => innerHeight + scrollY < document.documentElement.scrollHeight - 1"
        ):
            page.evaluate("scrollBy({top: innerHeight / 2, behavior: 'instant'})")
            rendered(page)
            answer_held()
        deadline = time.monotonic() + 10
        while answered < 9 and time.monotonic() < deadline:  # the last requests
            rendered(page)
            answer_held()
        page.wait_for_function(
            "() => [...document.querySelectorAll('article img')]"
            ".every((img) => img.complete && img.naturalWidth > 0)"
        )
        assert answered == 9
        assert boxes() == reserved, "a photo's box changed when it loaded"
        shifts = page.evaluate("window.__shifts")
        assert [shift for shift in shifts if shift["article"]] == [], shifts
        if shifts:
            warnings.warn(f"layout shifts outside the article: {shifts}", stacklevel=1)
    finally:
        context.close()


@pytest.mark.parametrize(("motion", "behavior"), [("no-preference", "smooth"), ("reduce", "auto")])
def test_smooth_scrolling_only_for_readers_who_did_not_ask_for_less_motion(
    page, site_url: str, motion: str, behavior: str
) -> None:
    page.emulate_media(reduced_motion=motion)
    open_page(page, url_of(site_url, "en/index"))
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == behavior
