"""A search's bytes stay within budget at 1,000 events, whatever it finds.

Sphinx's search page downloaded the whole page of every result for its
summary: a search that found every event of an archive of 1,000 downloaded
about 1,000 pages, after a ``searchindex.js`` of 2 MB.  The archive writes
the index compactly and fetches a short summary per result as it comes near
the screen (pytorchkr_archive.korean_search); this test searches a synthetic
archive of 1,000 events (``make bench``'s generator) for a word of every
event, in both languages, and counts what Chromium downloads
(pytorchkr_archive.measure.bench, shared with ``make bench``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pytorchkr_archive.measure.bench import BUDGET, EVERY_EVENT, measure_search
from pytorchkr_archive.measure.bench_builds import synthetic_archive
from tests.browser import new_page
from tests.conftest import LANGUAGES, PROJECT, run
from tests.helpers import once_per_run

EVENTS = 1_000


@pytest.fixture(scope="session")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both languages of a synthetic archive of 1,000 events, built once per run."""

    def make(folder: Path) -> Path:
        project = synthetic_archive(PROJECT, folder / "project", EVENTS)
        run([sys.executable, "-m", "pytorchkr_archive.sitebuild.site"], cwd=project)
        return project / "_build" / "html"

    return once_per_run(tmp_path_factory, "site-1000-events", make)


@pytest.fixture(scope="module")
def large_site_url(large_site: Path):
    from pytorchkr_archive.sitebuild.localserver import serve

    with serve(large_site) as url:
        yield url


# The archive of 1,000 events takes minutes to build on a small machine.
@pytest.mark.timeout(1800)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_search_that_finds_every_event_stays_under_300_kb(
    browser, large_site_url: str, lang: str
) -> None:
    page = new_page(browser)
    try:
        found = measure_search(page, f"{large_site_url}/{lang}/search.html", EVERY_EVENT[lang])
        texts = page.locator("#search-results p.context").all_inner_texts()
    finally:
        page.context.close()
    listing = (
        f"{found.found} results; index {found.index:,} B, results {found.results:,} B "
        f"({found.fetched_results} files), page {found.page:,} B"
    )
    assert found.found >= EVENTS, listing
    # Summaries were fetched for the results on the screen, not for every result.
    assert 0 < found.fetched_results < 100, listing
    assert texts and all(text.strip() for text in texts), listing
    assert found.search < BUDGET, f"{found.search:,} bytes, over the {BUDGET:,} budget: {listing}"
