"""axe-core finds no accessibility violation on any kind of page, in either language.

axe-core (installed by ``make test`` from package-lock.json) is injected into
each page in Chromium and run with its default rule set: WCAG 2.0, 2.1 and 2.2
A and AA, and its best practices.  No rule is disabled; a violation is fixed
where it comes from (see pytorchkr_archive.pages.a11y and _static/archive.css).
"""

from __future__ import annotations

import re

import pytest

from tests.browser import (
    EVERY_PAGE,
    VIEWPORTS,
    axe,
    new_page,
    open_page,
    scroll_through,
    url_of,
)
from tests.conftest import EVENT, LANGUAGES

#: A word the recap has, in each language, for a search page with results.
SEARCHED = {"en": "conference", "ko": "컨퍼런스"}


@pytest.mark.parametrize("lang_page", EVERY_PAGE)
def test_no_violations(reader, axe_source: str, site_url: str, lang_page: str) -> None:
    lang = lang_page.split("/")[0]
    query = f"?q={SEARCHED[lang]}" if lang_page.endswith("/search") else ""
    open_page(reader, url_of(site_url, lang_page) + query)
    scroll_through(reader)
    if query:
        reader.locator("#search-results ul.search li").first.wait_for()
    assert axe(reader, axe_source) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_violations_on_search_results_and_a_missing_page(
    reader, axe_source: str, site_url: str, lang: str
) -> None:
    open_page(reader, f"{site_url}/{lang}/search.html?q=pytorch")
    reader.locator("#search-results ul.search li").first.wait_for()
    assert axe(reader, axe_source) == []
    open_page(reader, f"{site_url}/{lang}/no/such/page.html")
    assert axe(reader, axe_source) == []


def test_no_violations_on_the_landing_page(reader, axe_source: str, site_url: str, site) -> None:
    """The root page redirects at once; served here with its redirect script
    left out, so that what a reader without scripts sees can be checked."""
    html = (site / "index.html").read_text(encoding="utf-8")
    still = re.sub(r"<script>.*?</script>", "", html, flags=re.S)
    assert still != html
    reader.route(
        f"{site_url}/index.html",
        lambda route: route.fulfill(status=200, content_type="text/html", body=still),
    )
    try:
        open_page(reader, f"{site_url}/index.html")
        assert axe(reader, axe_source) == []
    finally:
        reader.unroute(f"{site_url}/index.html")


def test_the_event_page_is_checked_whole(reader, axe_source: str, site_url: str) -> None:
    """The event card, photos with their alt texts, and the recap are in the
    page axe checks (the test above could otherwise pass on a shell)."""
    open_page(reader, url_of(site_url, f"ko/{EVENT}"))
    assert reader.locator("section.event-card").count() == 1
    assert reader.locator("article img[alt]").count() == 9
    assert axe(reader, axe_source) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_violations_with_the_back_to_top_button_shown(
    browser, axe_source: str, site_url: str, lang: str
) -> None:
    """Furo shows its back-to-top button when the reader scrolls up: it stands in a
    landmark then too (it used to make axe's verdict depend on scroll timing)."""
    page = new_page(browser, viewport=VIEWPORTS["desktop"])
    try:
        open_page(page, url_of(site_url, f"{lang}/{EVENT}"))
        page.evaluate("scrollTo(0, 2000)")
        page.wait_for_function("scrollY >= 1000")
        page.mouse.wheel(0, -300)
        page.wait_for_function("document.documentElement.classList.contains('show-back-to-top')")
        assert page.locator(".back-to-top").is_visible()
        assert page.locator("nav.back-to-top-landmark .back-to-top").count() == 1
        assert axe(page, axe_source) == []
    finally:
        page.context.close()


#: A page of each kind with the parallel view on (pytorchkr_archive.parallel).
PARALLEL_PAGES = [f"{lang}/{page}" for lang in LANGUAGES for page in (EVENT, "index")]


@pytest.mark.parametrize("lang_page", PARALLEL_PAGES)
def test_no_violations_with_the_parallel_view_on(
    reader, axe_source: str, site_url: str, lang_page: str
) -> None:
    """Each shown block in its language, its label, notes and edit links, in
    both schemes and sizes; the reader's choice is emptied afterwards."""
    other = "ko" if lang_page.startswith("en/") else "en"
    open_page(reader, url_of(site_url, lang_page) + f"?parallel={other}")
    try:
        reader.wait_for_function(f"document.documentElement.dataset.parallel === '{other}'")
        assert reader.locator(f".parallel-block .parallel-text[lang={other}]").count() > 1
        scroll_through(reader)
        assert axe(reader, axe_source) == []
    finally:
        reader.evaluate("localStorage.clear()")
