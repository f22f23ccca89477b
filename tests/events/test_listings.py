"""How much of the archive a listing shows on its page
(pytorchkr_archive.events.facts.schedule)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from pytorchkr_archive.events.facts.schedule import (
    LONG,
    ListingSpec,
    cut,
    year_docname,
    year_pages,
)

SEOUL = dt.timezone(dt.timedelta(hours=9))
NOW = dt.datetime(2024, 12, 31, 23, tzinfo=SEOUL)


def event(day: dt.date, *series: str) -> SimpleNamespace:
    """What the listings read of an event page: its date, times and series."""
    starts = dt.datetime.combine(day, dt.time(19), SEOUL)
    facts = SimpleNamespace(
        date=day, starts=starts, ends=starts + dt.timedelta(hours=2), group_ids=list(series)
    )
    return SimpleNamespace(docname=f"events/{day.isoformat()}-meetup", event=facts)


def weekly(count: int, *series: str) -> list[SimpleNamespace]:
    """``count`` events a week apart, the first a week after ``NOW`` (ahead)."""
    return [event(NOW.date() + dt.timedelta(weeks=1 - n), *series) for n in range(count)]


def test_year_pages_are_named_after_their_listing() -> None:
    assert year_docname("events/index", 2025) == "events/2025"
    assert year_docname("series/coresig", 2024) == "series/coresig/2024"


def test_recent_keeps_the_events_ahead_and_the_newest_past_ones() -> None:
    shown = cut(ListingSpec("index", recent=10), weekly(30), NOW)
    assert len(shown.ahead) == 1
    assert sum(len(pages) for _, pages in shown.groups) == 10
    assert (shown.more, shown.total, shown.years) == (19, 30, [])
    # With fewer events than that, everything is shown and nothing is more.
    few = cut(ListingSpec("index", recent=10), weekly(2), NOW)
    assert (few.more, few.total) == (0, 2)


def test_pages_by_year_count_each_year_and_chain_them() -> None:
    spec = ListingSpec("events/index", years="pages")
    shown = cut(spec, weekly(60), NOW)
    assert shown.groups == []
    assert [(y.year, y.docname) for y in shown.years] == [
        (2024, "events/2024"),
        (2023, "events/2023"),
    ]
    assert sum(y.count for y in shown.years) == 59
    pages = year_pages(spec, weekly(60), NOW)
    assert [p.year.year for p in pages] == [2024, 2023]
    assert pages[0].newer is None and pages[0].older == pages[1].year
    assert pages[1].newer == pages[0].year and pages[1].older is None
    assert len(pages[0].events) == pages[0].year.count


def test_a_series_goes_by_year_only_once_it_is_long() -> None:
    spec = ListingSpec("series/coresig", series="coresig", years="auto")
    short = weekly(LONG + 1, "coresig")  # one ahead, LONG past
    assert cut(spec, short, NOW).years == [] and year_pages(spec, short, NOW) == []
    long = weekly(LONG + 2, "coresig") + weekly(5, "other")
    assert cut(spec, long, NOW).years and year_pages(spec, long, NOW)
    assert cut(spec, long, NOW).total == LONG + 2
