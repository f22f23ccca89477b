"""Every listing page stays under the page budget however many events there are.

On tests/synthetic.py's archive (more than a year of weekly events, a series
long enough to go by year, a pool of speakers), built in both languages with
warnings as errors: every listing page
(:func:`~pytorchkr_archive.measure.bench_builds.listing_pages`: the landing
page, ``events/`` and its years, the series and their years, the speakers
index) weighs less than the 130 KB page budget as HTML, and holds what keeps
it there at any size: the landing page the events ahead and the ten newest
with a link to all, ``events/`` a table of the years leading to each year's
page, a series of more than 24 events its years, the speakers index one row
per person with a count.  ``make bench BENCH_ARGS="--only pages"`` measures
the same pages at 1,000 events, with what they weigh with their stylesheets
and scripts (docs/benchmarks.md).
"""

from __future__ import annotations

import pytest

from pytorchkr_archive.measure.bench_builds import listing_pages
from tests.conftest import LANGUAGES, SmallArchive
from tests.helpers import soup
from tests.synthetic import AHEAD, EVENTS, PEOPLE

BUDGET = 130_000


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_listing_page_is_under_the_budget(small_archive: SmallArchive, lang: str) -> None:
    html = small_archive.html / lang
    found = listing_pages(html)
    pages = {page.relative_to(html).as_posix(): page.stat().st_size for page in found}
    # Every kind of listing is there: a year of events/, a series and its years.
    assert {"index.html", "events/index.html", "speakers.html"} <= set(pages), sorted(pages)
    assert "events/2024.html" in pages, sorted(pages)
    assert "series/tech-seminars/2024.html" in pages, sorted(pages)
    over = {name: size for name, size in pages.items() if size >= BUDGET}
    assert not over, f"over the {BUDGET:,}-byte budget: {over}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_landing_page_shows_the_recent_events_and_links_to_all(
    small_archive: SmallArchive, lang: str
) -> None:
    listing = soup(small_archive.html / lang / "index.html").select_one(".event-list")
    headings = [h["id"] for h in listing.select("[id]")]
    assert headings[0] == "upcoming"
    entries = listing.select(".event-list-title")
    assert len(entries) == AHEAD + 10, len(entries)
    everything = listing.select_one(".event-list-all a")
    assert everything["href"] == "events/index.html"
    assert f"({EVENTS + 1})" in everything.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_years_each_have_their_page(small_archive: SmallArchive, lang: str) -> None:
    html = small_archive.html / lang
    rows = soup(html / "events/index.html").select(".event-list-years tbody tr")
    years = {tr.a.get_text(): (tr.a["href"], int(tr.select("td")[1].get_text())) for tr in rows}
    # The site's own event and the synthetic ones, some of which are ahead.
    assert sum(count for _, count in years.values()) == EVENTS + 1 - AHEAD
    href, count = years["2024"]
    assert href == "2024.html" and count >= 52
    year = soup(html / "events" / href)
    assert len(year.select(".event-list-title")) == count
    pager = [a["href"] for a in year.select(".event-list-pager a")]
    assert pager == ["2025.html", "index.html", "2023.html"]
    other = "ko" if lang == "en" else "en"
    switch = [a["href"] for a in year.select(".language-switch-link[href]")]
    assert switch == [f"../../{other}/events/2024.html"], switch
    title = {"en": "Events of 2024", "ko": "2024년 행사"}[lang]
    assert year.h1.get_text() == title
    assert (
        f"/{lang}/latest/events/2024.html"
        in (small_archive.html / lang / "sitemap.xml").read_text()
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_speakers_index_names_each_person_once(small_archive: SmallArchive, lang: str) -> None:
    rows = soup(small_archive.html / lang / "speakers.html").select(".speaker-index tbody tr")
    links = [tr.a["href"] for tr in rows]
    synthetic = {n % PEOPLE for n in range(1, EVENTS + 1)}
    synthetic |= {(n * 7 + 1) % PEOPLE for n in range(1, EVENTS + 1)}
    assert len(links) == len(set(links)) >= len(synthetic) > EVENTS
    talks = dict(zip(links, (int(tr.select("td")[1].get_text()) for tr in rows), strict=True))
    assert sum(talks.values()) == 2 * EVENTS + 7  # the site's event has seven talks
