"""Which events are still ahead: decided once per build, in each event's own time zone.

An event is upcoming until it ends: its end time on its date, in its time
zone, is still after the build's clock.  The clock is the time the build
starts, or ``ARCHIVE_NOW`` (an ISO 8601 time with its offset, such as
``2025-03-30T18:00:00+09:00``) when it is set: the tests fix it, and an
organizer can preview the listings as they will be on a given day.  A page
moves from "Upcoming" to the past listings by itself, at the first build
after its event ended (Read the Docs rebuilds on every push; a scheduled
build keeps it exact, see docs/events.md).

Listings: How much of the archive a listing shows on its page, so a page stays light.

At 300 events the landing page and ``events/`` listed every event on one page
(188 and 184 KB of HTML) and the speakers index every talk (839 KB; 2.75 MB
at 1,000 events), against the archive's page budget of 130 KB.  So a
``{event-list}`` can show less than everything, and say where the rest is:

* ``:recent: N``: the events ahead, then only the ``N`` most recent past
  ones, and a link to every event (the landing page);
* ``:years: pages``: the events ahead, then a table of the years with their
  number of events, each year on a page of its own (``events/``, whose years
  are ``events/<year>.html``); ``:years: auto`` does so only when more than
  :data:`LONG` past events would be listed (a series' page, the default
  there: ``series/<uid>/<year>.html``); ``:years: inline`` lists every year
  on the page (the default elsewhere).

Only what is shown is rendered: a year's page views its own events, and a
table of years counts the others.  The year pages are written by
:mod:`pytorchkr_archive.events` (``html-collect-pages``) in every language,
so the language switch, the sitemap and the stale-output sweep treat them as
any page.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from pytorchkr_archive.events.facts.collection import EventPage

# The clock is read by commands too (make html checks it once, before the
# languages' builds): it is kept where they read it without Sphinx.
from pytorchkr_archive.project import NOW_VARIABLE as NOW_VARIABLE
from pytorchkr_archive.project import ClockError as ClockError
from pytorchkr_archive.project import build_clock


def build_now(env: object) -> dt.datetime:
    """The build's clock, as ``builder-inited`` read it into the environment."""
    return getattr(env, "archive_now", None) or build_clock()


def is_upcoming(page: EventPage, now: dt.datetime) -> bool:
    """Whether the event has not ended yet at ``now``."""
    return page.event.ends > now


def upcoming_and_past(
    pages: Iterable[EventPage], now: dt.datetime
) -> tuple[list[EventPage], list[EventPage]]:
    """The events still ahead, soonest first, and the past ones, newest first."""
    pages = list(pages)
    ahead = sorted((p for p in pages if is_upcoming(p, now)), key=lambda p: p.event.starts)
    past = [p for p in pages if not is_upcoming(p, now)]
    past.sort(key=lambda p: (p.event.date, p.docname), reverse=True)
    return ahead, past


# -- How much of the archive a listing shows on its page ------------------------------

#: The values of ``:years:``.
YEARS_MODES = ("inline", "pages", "auto")
#: The most past events ``:years: auto`` lists on the page itself: a series of
#: the group's pace (about a dozen events a year) stays one page for years.
LONG = 24
#: The page that lists every event, to which a cut listing links.
EVENTS_INDEX = "events/index"


@dataclass(frozen=True)
class ListingSpec:
    """What one ``{event-list}`` asked for, on which page."""

    docname: str
    series: str | None = None
    years: str = "inline"
    recent: int | None = None

    def of(self, pages: list[EventPage]) -> list[EventPage]:
        """The events this listing is about: its series' or every one."""
        return [p for p in pages if self.series is None or self.series in p.event.group_ids]


@dataclass(frozen=True)
class Year:
    """A year of a listing that has a page of its own."""

    year: int
    count: int
    docname: str


@dataclass(frozen=True)
class Cut:
    """What a listing's page shows: the events ahead, the past years listed
    on it, or else the years on pages of their own; and what it left out."""

    ahead: list[EventPage]
    groups: list[tuple[int, list[EventPage]]]
    years: list[Year]
    #: Past events neither listed here nor on a year page (``:recent:``).
    more: int
    total: int


def by_year(pages: list[EventPage]) -> list[tuple[int, list[EventPage]]]:
    """Events (newest first) grouped by year, newest year first, order kept."""
    groups: dict[int, list[EventPage]] = {}
    for page in pages:
        groups.setdefault(page.event.date.year, []).append(page)
    return sorted(groups.items(), key=lambda item: item[0], reverse=True)


def year_docname(listing: str, year: int) -> str:
    """The page of one year of a listing: ``events/index`` → ``events/2025``,
    ``series/coresig`` → ``series/coresig/2025``."""
    head, tail = posixpath.split(listing)
    folder = head if tail == "index" else listing
    return posixpath.join(folder, str(year))


def paged(spec: ListingSpec, past: int) -> bool:
    """Whether the listing's past years go on pages of their own."""
    return spec.years == "pages" or (spec.years == "auto" and past > LONG)


def cut(spec: ListingSpec, pages: list[EventPage], now: dt.datetime) -> Cut:
    """What the listing's own page shows of ``pages`` at ``now``."""
    ahead, past = upcoming_and_past(spec.of(pages), now)
    if paged(spec, len(past)):
        years = [
            Year(year, len(events), year_docname(spec.docname, year))
            for year, events in by_year(past)
        ]
        return Cut(ahead, [], years, 0, len(ahead) + len(past))
    shown = past if spec.recent is None else past[: spec.recent]
    return Cut(ahead, by_year(shown), [], len(past) - len(shown), len(ahead) + len(past))


@dataclass(frozen=True)
class YearPage:
    """One year of a paged listing, with its neighbours (None at either end)."""

    year: Year
    events: list[EventPage]
    newer: Year | None
    older: Year | None


def year_pages(spec: ListingSpec, pages: list[EventPage], now: dt.datetime) -> list[YearPage]:
    """The pages of a listing's years, newest first (none if it is not paged)."""
    _, past = upcoming_and_past(spec.of(pages), now)
    if not paged(spec, len(past)):
        return []
    groups = by_year(past)
    years = [Year(year, len(events), year_docname(spec.docname, year)) for year, events in groups]
    return [
        YearPage(
            years[i],
            events,
            years[i - 1] if i > 0 else None,
            years[i + 1] if i + 1 < len(years) else None,
        )
        for i, (_, events) in enumerate(groups)
    ]
