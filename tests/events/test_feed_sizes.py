"""The feed and the calendars stay under the page budget however many events there are.

A reader's feed reader and calendar app download ``feed.xml`` and
``events.ics`` again at every refresh: each holds the recent events only
(:data:`~pytorchkr_archive.events.for_machines.feeds.FEED_ENTRIES`,
:data:`~pytorchkr_archive.events.for_machines.calendars.RECENT_PAST`), and each year's
calendar holds that year's events.  Checked on tests/synthetic.py's archive,
which has more events than either holds, some of them ahead, and more than
a year of weekly events; ``make bench BENCH_ARGS="--only scale ..."``
measures them at 1,000 events (docs/benchmarks.md).
"""

from __future__ import annotations

from pathlib import Path

import feedparser
import icalendar
import pytest

from pytorchkr_archive.events.facts.places import YEAR_CALENDAR
from pytorchkr_archive.events.for_machines.calendars import RECENT_PAST
from pytorchkr_archive.events.for_machines.feeds import FEED_ENTRIES
from tests.conftest import EVENT, LANGUAGES, SmallArchive
from tests.synthetic import AHEAD, EVENTS, name_of

#: The budget every listing, index, feed and calendar page stays under
#: (``tests/in_browser/test_page_weight.py`` holds the pages to it).
BUDGET = 130 * 1024


def newest_first() -> list[str]:
    """Every event of the archive, by its end, the newest first: the synthetic
    ones end at 21:00, the site's own event at 18:00."""
    ends = {name_of(n): (name_of(n)[:10], "21:00") for n in range(1, EVENTS + 1)}
    ends[EVENT.removeprefix("events/")] = (EVENT[7:17], "18:00")
    return sorted(ends, key=ends.__getitem__, reverse=True)


def sizes(site: Path, lang: str) -> dict[str, int]:
    """The feed's and the calendars' sizes in bytes, by name."""
    files = [site / lang / "feed.xml", *sorted((site / lang).glob("events*.ics"))]
    return {path.name: path.stat().st_size for path in files}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feed_and_calendars_stay_under_the_budget(small_archive: SmallArchive, lang: str) -> None:
    found = sizes(small_archive.html, lang)
    assert {"feed.xml", "events.ics", "events-2023.ics", "events-2024.ics"} <= set(found)
    over = {name: size for name, size in found.items() if size >= BUDGET}
    assert not over, f"over {BUDGET} bytes: {over}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feed_holds_the_latest_entries(small_archive: SmallArchive, lang: str) -> None:
    feed = feedparser.parse((small_archive.html / lang / "feed.xml").read_bytes())
    assert len(feed.entries) == FEED_ENTRIES < EVENTS
    links = {entry.link.rsplit("/", 1)[-1].removesuffix(".html") for entry in feed.entries}
    # Without git history, an entry's updated is its event's end: the latest events.
    assert links == set(newest_first()[:FEED_ENTRIES])


def events_in(path: Path) -> list[str]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return [str(event["UID"]).split("@")[0] for event in calendar.walk("VEVENT")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_calendars_hold_what_is_ahead_the_recent_past_and_each_year(
    small_archive: SmallArchive, lang: str
) -> None:
    subscribed = events_in(small_archive.html / lang / "events.ics")
    assert len(subscribed) == AHEAD + RECENT_PAST < EVENTS
    assert set(subscribed) == set(newest_first()[: AHEAD + RECENT_PAST])
    years = sorted((small_archive.html / lang).glob("events-*.ics"))
    assert all(YEAR_CALENDAR.fullmatch(path.name) for path in years)
    every = [uid for path in years for uid in events_in(path)]
    generated = [uid for uid in every if "synthetic" in uid]
    assert len(generated) == EVENTS and len(set(every)) == len(every)
    for path in years:
        year = path.name.removeprefix("events-").removesuffix(".ics")
        assert all(uid.startswith(year) for uid in events_in(path))


def test_unchanged_rebuild_writes_no_calendar(small_archive: SmallArchive) -> None:
    """A build that changes nothing leaves the feed and calendars as they were."""
    rebuilt = small_archive.unchanged_rebuild
    assert len(rebuilt) > EVENTS
    assert {path for path, (before, after) in rebuilt.items() if before != after} == set()
