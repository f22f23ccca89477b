"""An event page's own bytes, as the browser fetches them, stay within budget.

Furo's default page for this recap is about 115 KB; the archive's budget is
130 KB of HTML, CSS, JavaScript and fonts, photos excluded (they are hosted by
pytorch.kr, lazy-loaded and sized; see test_browser.py).
"""

from __future__ import annotations

import pytest

from pytorchkr_archive.measure.chromium import is_local
from tests.browser import new_page, open_page, scroll_through
from tests.conftest import EVENT, LANGUAGES

BUDGET = 130_000


def fetched(page, url: str) -> dict[str, tuple[str, int]]:
    """Every local response while ``url`` loads and is read to the end: its
    resource type and the size of its body."""
    responses: dict[str, tuple[str, int]] = {}

    def record(response) -> None:
        if is_local(response.url) and response.ok:
            responses[response.url] = (response.request.resource_type, len(response.body()))

    page.on("response", record)
    open_page(page, url)
    scroll_through(page)
    return responses


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_event_page_stays_under_130_kb(browser, site_url: str, lang: str) -> None:
    """A first visit: a context of its own, whose caches are empty (a tab that
    had shown the site's pages would take their stylesheets from its memory)."""
    page = new_page(browser)
    try:
        responses = fetched(page, f"{site_url}/{lang}/{EVENT}.html")
    finally:
        page.context.close()
    own = {url: size for url, (kind, size) in responses.items() if kind != "image"}
    kinds = {kind for kind, _size in responses.values()}
    total = sum(own.values())
    listing = "\n".join(f"{size:>8,} {url}" for url, size in sorted(own.items()))
    # What was counted: the page itself, its stylesheets and its scripts.
    assert {"document", "stylesheet", "script"} <= kinds, listing
    assert any(url.endswith(f"{EVENT}.html") for url in own), listing
    assert total < BUDGET, f"{total:,} bytes, over the {BUDGET:,} budget:\n{listing}"
