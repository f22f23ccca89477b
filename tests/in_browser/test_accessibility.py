"""axe-core finds no accessibility violation on the pages no link leads to, in either language.

axe-core (installed by ``make test`` from package-lock.json) is injected into
each page in Chromium and run with its default rule set: WCAG 2.0, 2.1 and 2.2
A and AA, and its best practices.  No rule is disabled; a violation is fixed
where it comes from (see pytorchkr_archive.pages.a11y and _static/archive.css).
Every built page is checked in every setting by test_every_page.py (with the
parallel view on too); here, the search results, a missing page, the root
page without its script, and Furo's back-to-top button.
"""

from __future__ import annotations

import re

import pytest

from tests.browser import (
    SETTINGS,
    axe,
    open_page,
    show_in,
    url_of,
    violations_in,
)
from tests.conftest import EVENT, LANGUAGES


def violations_in_every_setting(page, source: str) -> dict[str, list[str]]:
    """axe-core's violations on the open page in each colour scheme and size."""
    light: dict[str, list[str]] = {}
    return {setting: violations_in(page, source, setting, light) for setting in SETTINGS}


NONE = {setting: [] for setting in SETTINGS}


@pytest.fixture
def reader(page):
    """The tab in a desktop window, light; each test shows it in every setting."""
    show_in(page, "light-desktop")
    return page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_violations_on_search_results_and_a_missing_page(
    reader, axe_url: str, site_url: str, lang: str
) -> None:
    open_page(reader, f"{site_url}/{lang}/search.html?q=pytorch")
    reader.locator("#search-results ul.search li").first.wait_for()
    assert violations_in_every_setting(reader, axe_url) == NONE
    open_page(reader, f"{site_url}/{lang}/no/such/page.html")
    assert violations_in_every_setting(reader, axe_url) == NONE


def test_no_violations_on_the_landing_page(reader, axe_url: str, site_url: str, site) -> None:
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
        assert violations_in_every_setting(reader, axe_url) == NONE
    finally:
        reader.unroute(f"{site_url}/index.html")


def test_the_event_page_is_checked_whole(reader, site_url: str) -> None:
    """The event card, photos with their alt texts, and the recap are in the page
    test_every_page.py checks (it could otherwise pass on a shell)."""
    open_page(reader, url_of(site_url, f"ko/{EVENT}"))
    assert reader.locator("section.event-card").count() == 1
    assert reader.locator("article img[alt]").count() == 9
    assert reader.locator("article p").count() > 20


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_violations_with_the_back_to_top_button_shown(
    reader, axe_url: str, site_url: str, lang: str
) -> None:
    """Furo shows its back-to-top button when the reader scrolls up: it stands in a
    landmark then too (it used to make axe's verdict depend on scroll timing)."""
    page = reader
    open_page(page, url_of(site_url, f"{lang}/{EVENT}"))
    page.evaluate("scrollTo(0, 2000)")
    page.wait_for_function("scrollY >= 1000")
    page.mouse.wheel(0, -300)
    page.wait_for_function("document.documentElement.classList.contains('show-back-to-top')")
    assert page.locator(".back-to-top").is_visible()
    assert page.locator("nav.back-to-top-landmark .back-to-top").count() == 1
    assert axe(page, axe_url) == []
