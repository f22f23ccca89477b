"""A search's bytes stay within budget whatever it finds.

Sphinx's search page downloaded the whole page of every result for its
summary: a search that found every event of an archive of 1,000 downloaded
about 1,000 pages, after a ``searchindex.js`` of 2 MB.  The archive writes
the index compactly and fetches a short summary per result as it comes near
the screen (pytorchkr_archive.korean_search).  Here, tests/synthetic.py's
archive is searched for a word of every event, in both languages, and what
Chromium downloads is counted (pytorchkr_archive.measure.bench, shared with
``make bench``): every event is found, summaries are fetched for the results
near the screen only, and the search stays under the budget.
``make bench BENCH_ARGS="--only search-bytes"`` measures the same search at
100 and 1,000 events (docs/benchmarks.md: about 160 KB at 1,000).
"""

from __future__ import annotations

import pytest

from pytorchkr_archive.measure.bench import BUDGET, measure_search
from tests.browser import new_page
from tests.conftest import LANGUAGES, SmallArchive
from tests.synthetic import EVENTS, EVERY_EVENT


@pytest.fixture(scope="module")
def small_archive_url(small_archive: SmallArchive):
    from pytorchkr_archive.sitebuild.localserver import serve

    with serve(small_archive.html) as url:
        yield url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_search_that_finds_every_event_fetches_only_what_is_shown(
    browser, small_archive_url: str, lang: str
) -> None:
    page = new_page(browser)
    try:
        found = measure_search(page, f"{small_archive_url}/{lang}/search.html", EVERY_EVENT[lang])
        texts = page.locator("#search-results p.context").all_inner_texts()
        # The last result (a page: the talks rank first, summed up by the
        # index) gets its summary once it comes near the screen.
        last = page.locator("#search-results ul.search > li").last
        last.scroll_into_view_if_needed()
        last.locator("p.context").wait_for()
    finally:
        page.context.close()
    listing = (
        f"{found.found} results; index {found.index:,} B, results {found.results:,} B "
        f"({found.fetched_results} files), page {found.page:,} B"
    )
    assert found.found >= EVENTS, listing
    # Summaries were fetched for the results on the screen, not for every
    # result (those of the talks on the first screen are in the index).
    assert found.fetched_results < 30, listing
    assert texts and all(text.strip() for text in texts), listing
    assert found.search < BUDGET, f"{found.search:,} bytes, over the {BUDGET:,} budget: {listing}"
