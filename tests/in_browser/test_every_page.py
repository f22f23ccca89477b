"""Every page of both languages as a reader's browser shows it: one load, every check.

Each page is opened once (``visit``, a module fixture: pytest runs a page's
tests one after the other), in a desktop window, and scrolled to its end so
that every lazy photo is asked for; one tab goes from page to page (a new
tab starts a renderer process, which cost more than the page), with no
blank page between them (``tests.browser.Watch`` counts only what the
page's own document does, not what the page left still had on its way:
a fifth less of the browser's time in loading).  On that
load: nothing goes wrong (no console or script error, no failed request but
the photos hosted elsewhere), the language switch leads to the same page in
the other language, nothing of the parallel view is fetched before the
reader asks; axe-core finds no violation in light and dark, at desktop size
and at a phone's 375 px (the same load, its colour scheme and size changed
as a reader's phone or settings change them), where nothing scrolls
sideways; last, the parallel view shows each block beside the other
language's.

axe-core runs on every page in light at desktop size; in dark and at phone
size it runs on every kind of element (:data:`tests.browser.ELEMENT_KINDS`,
:func:`tests.browser.violations_of_new_kinds`): a page all of whose kinds of
element an earlier page (in any worker, of this file or of
test_record_pages.py) had, and had checked in that setting, is not checked
in it again.  Pages made from one template with other words (the speakers',
the years') hold the same kinds; a page with an element, a class, a state or
a script no earlier page had is checked in every setting.

Loading each page once for all of this, instead of once per check and
setting, and checking each kind of element once in each setting, is what
keeps the suite's browser time within its budget.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from tests.browser import (
    EVERY_PAGE,
    PARALLEL_PAIRS,
    SETTINGS,
    WITH_BLOCKS,
    Watch,
    element_kinds,
    open_page,
    scroll_through,
    show_in,
    url_of,
    violations_in,
    violations_of_new_kinds,
)
from tests.conftest import EVENT
from tests.helpers import SharedSets, normalize

OTHER = {"en": "ko", "ko": "en"}
#: A word the recap has, in each language: the search page is read with results.
SEARCHED = {"en": "conference", "ko": "컨퍼런스"}
#: Pages checked by axe-core with the parallel view on too, in every setting.
PARALLEL_CHECKED = frozenset({EVENT, "index"})


@dataclass
class Visit:
    """One page, open in a desktop window, and what happened while it loaded."""

    lang: str
    name: str
    url: str
    page: object
    watch: Watch
    #: The page's layout in light, by size (:func:`tests.browser.violations_in`).
    light: dict[str, list[str]] = field(default_factory=dict)
    #: The kinds of element the page holds, once loaded and scrolled through.
    kinds: frozenset[str] = frozenset()


@pytest.fixture(scope="module", params=EVERY_PAGE)
def visit(request, tab, site_url: str) -> Iterator[Visit]:
    lang, name = request.param.split("/", 1)
    query = f"?q={SEARCHED[lang]}" if name == "search" else ""
    show_in(tab, "light-desktop", render=False)
    # The watch counts what this page's document does, not what the last
    # page's still did as it was left (tests.browser.Watch).
    found = Visit(lang, name, url_of(site_url, request.param), tab, Watch(tab))
    try:
        open_page(tab, found.url + query)
        scroll_through(tab)
        if query:
            tab.locator("#search-results ul.search li").first.wait_for()
        found.kinds = element_kinds(tab)
        yield found
    finally:
        found.watch.stop()
        # What the page stored (the parallel view's choice) goes with it.
        tab.evaluate("localStorage.clear(); sessionStorage.clear()")


def test_loads_with_no_error(visit: Visit) -> None:
    assert visit.watch.problems() == []
    assert visit.page.locator("html").get_attribute("lang") == visit.lang


def test_the_switch_leads_to_the_same_page_in_the_other_language(visit: Visit) -> None:
    """The switch is a link (its script only adds the reader's #section and
    ?query, which test_browser.py clicks through); here, where it leads."""
    other = OTHER[visit.lang]
    expected = visit.url.replace(f"/{visit.lang}/", f"/{other}/", 1)
    # Read in one call: each call to the browser is a round trip.
    links = visit.page.evaluate(
        """() => [...document.querySelectorAll("a.language-switch-link")].map((a) => ({
             href: a.href.split(/[?#]/)[0], hreflang: a.getAttribute("hreflang"),
             lang: a.getAttribute("lang")}))"""
    )
    assert links == [{"href": expected, "hreflang": other, "lang": other}]


def test_nothing_of_the_parallel_view_is_fetched_before_the_reader_asks(visit: Visit) -> None:
    view = [u for u in visit.watch.requested if "/_parallel/" in u or "archive-parallel." in u]
    assert view == []
    control = any("archive-parallel-control.js" in url for url in visit.watch.requested)
    assert control == (visit.name in WITH_BLOCKS)


@pytest.mark.parametrize("setting", SETTINGS)
def test_no_accessibility_violations(
    visit: Visit, axe_url: str, checked_kinds: SharedSets, setting: str
) -> None:
    """axe-core's default rules (WCAG 2.0 to 2.2 A and AA, best practices), none
    disabled (in dark, those that read colours where nothing else changed):
    in light at desktop size on every page, in the other settings on every
    page that holds a kind of element not yet checked in that setting."""
    found = violations_of_new_kinds(
        visit.page, axe_url, setting, visit.light, visit.kinds, checked_kinds
    )
    assert found == []


def test_no_horizontal_scrolling_at_375_px(visit: Visit) -> None:
    show_in(visit.page, "light-phone")
    widths = visit.page.evaluate(
        "({page: document.documentElement.scrollWidth, body: document.body.scrollWidth,"
        "  view: document.documentElement.clientWidth})"
    )
    assert widths["view"] == 375, widths
    assert widths["page"] <= widths["view"], widths
    assert widths["body"] <= widths["view"], widths


def test_the_parallel_view_shows_the_other_language(visit: Visit, axe_url: str) -> None:
    """Last of a page's tests: the view is turned on (the choice, which the
    browser remembers, is forgotten with the page)."""
    page = visit.page
    button = page.locator("button.parallel-toggle")
    if visit.name not in WITH_BLOCKS:
        assert button.count() == 0
        return
    # Not waited for: the click waits until the button has been drawn, still,
    # in the new size (which scripts that read the size have seen by then).
    show_in(page, "light-desktop", render=False)
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    page.wait_for_function("() => document.documentElement.dataset.parallel")
    assert button.get_attribute("aria-pressed") == "true"
    found = page.evaluate(PARALLEL_PAIRS)
    assert found, "the view showed nothing"
    for pair in found:
        assert pair["label"] == OTHER[visit.lang]
        assert pair["lang"] == OTHER[visit.lang], pair
        assert normalize(pair["shown"]) and normalize(pair["shown"]) != normalize(pair["own"])
    # Headings are not doubled: the outline of the page is its own.
    assert page.locator("article h1, article h2, article h3").count() == page.evaluate(
        "() => document.querySelectorAll('article :is(h1, h2, h3):not(.parallel-block *)').length"
    )
    assert (
        page.evaluate(
            "() => new Set([...document.querySelectorAll('[id]')].map((e) => e.id)).size"
        )
        == page.locator("[id]").count()
    )
    if visit.name in PARALLEL_CHECKED:
        # Each shown block in its language, its label, notes and edit links.
        scroll_through(page)
        light: dict[str, list[str]] = {}
        for setting in SETTINGS:
            found = violations_in(page, axe_url, setting, light)
            assert found == [], f"with the parallel view on, {setting}"
