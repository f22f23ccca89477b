"""Calendars: an iCalendar file (RFC 5545) for each event, one to subscribe to, one per year.

Written with the ``icalendar`` package after the HTML build, in the language
built: ``events/<page>.ics`` beside each event page (linked from its card);
``events.ics`` at the language's root, which calendar apps subscribe to
(linked from the listings and from every page's head), with the events
still ahead and the :data:`RECENT_PAST` latest past ones; and
``events-<year>.ics`` beside it, every event of a year, to import the
archive's history.  A subscription of every event would outgrow the page
budget (130 KB) near 160 events, and a calendar app downloads it again at
every refresh.

Each event starts and ends in its own time zone, described by a
``VTIMEZONE`` (made once per time zone and process: 9 ms each); its
summary is the page's title and its description the event's summary (or
announcement, while it is ahead), both in the language, with the page's
URL in that language.  Its ``UID`` is made of the page's name and the
archive's host, the same in every language and every build, so that a
calendar app updates the event instead of adding it twice; its
``DTSTAMP`` is when its entry in the feed was last updated
(:func:`.feeds.pages_dates`), never the build's clock, so a file's bytes
change only when its events do, and only then is it written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import icalendar
from sphinx.application import Sphinx

from pytorchkr_archive.events.facts.built import events_built, title_of
from pytorchkr_archive.events.facts.collection import EventPage
from pytorchkr_archive.events.facts.event_view import EventView, location
from pytorchkr_archive.events.facts.places import (
    CALENDAR_FEED,
    YEAR_CALENDAR,
    calendar_path,
    year_calendar_path,
)
from pytorchkr_archive.events.facts.schedule import is_upcoming
from pytorchkr_archive.events.for_machines.feeds import pages_dates
from pytorchkr_archive.pages.languages import base_url
from pytorchkr_archive.pages.site_pages import write_if_changed

#: How many past events the calendar to subscribe to holds, the latest.
RECENT_PAST = 50
_STATUS = {
    "scheduled": "CONFIRMED",
    "held": "CONFIRMED",
    "cancelled": "CANCELLED",
    "postponed": "TENTATIVE",
}


def event_uid(page: EventPage, host: str) -> str:
    """The event's identifier, the same in every language and build."""
    return f"{page.docname.rpartition('/')[2]}@{host}"


def vevent(
    page: EventPage,
    shown: EventView,
    title: str,
    url: str,
    lang: str,
    host: str,
    stamp: dt.datetime,
) -> icalendar.Event:
    """One event, in one language, as last revised at ``stamp``."""
    event = page.event
    component = icalendar.Event()
    component.add("uid", event_uid(page, host))
    component.add("dtstamp", stamp.astimezone(dt.UTC))
    if event.timed:
        component.add("dtstart", event.starts)
        component.add("dtend", event.ends)
    else:  # a day whose times are not known: an all-day event (VALUE=DATE)
        component.add("dtstart", event.date)
        component.add("dtend", event.date + dt.timedelta(days=1))
    component.add("summary", title, parameters={"LANGUAGE": lang})
    component.add("description", f"{shown.description}\n\n{url}", parameters={"LANGUAGE": lang})
    if location(shown):
        component.add("location", location(shown), parameters={"LANGUAGE": lang})
    component.add("url", url)
    component.add("status", _STATUS[event.event_status])
    return component


#: ``VTIMEZONE`` components by time zone, and their bytes: the same in every
#: build of a process (icalendar describes 1970 to 2038 from the tz database).
_TIMEZONES: dict[str, tuple[icalendar.Timezone, bytes] | None] = {}
END = b"END:VCALENDAR\r\n"


def timezone(tzid: str) -> tuple[icalendar.Timezone, bytes] | None:
    """The ``VTIMEZONE`` of a time zone and its bytes, made once (None for one
    icalendar does not know)."""
    if tzid not in _TIMEZONES:
        try:
            zone = icalendar.Timezone.from_tzid(tzid)
            _TIMEZONES[tzid] = (zone, zone.to_ical())
        except ValueError:
            _TIMEZONES[tzid] = None
    return _TIMEZONES[tzid]


def used_tzids(component: icalendar.Component) -> set[str]:
    """The time zones an event's times name (not UTC, which needs no ``VTIMEZONE``)."""
    found = {
        getattr(value, "params", {}).get("TZID")
        for _, value in component.property_items(sorted=False)
    }
    return found - {None, "UTC"}


def calendar(name: str, lang: str, events: Iterable[icalendar.Event]) -> icalendar.Calendar:
    """A calendar of ``events``, with the time zones they use (in the order of
    their names, so that the same events give the same bytes)."""
    found = icalendar.Calendar()
    found.add("prodid", "-//PyTorch Korea User Group//Event Archive//EN")
    found.add("version", "2.0")
    found.add("calscale", "GREGORIAN")
    found.add("x-wr-calname", name)
    found.add("name", name)
    for event in events:
        found.add_component(event)
    # As icalendar's add_missing_timezones, with each VTIMEZONE made once.
    zones = [timezone(tzid) for tzid in sorted(found.get_missing_tzids())]
    found.subcomponents[:0] = [zone[0] for zone in zones if zone is not None]
    return found


@dataclass(frozen=True)
class Serialized:
    """An event's ``VEVENT``, serialized once for every calendar that holds it."""

    ical: bytes
    tzids: frozenset[str]


def serialized(component: icalendar.Event) -> Serialized:
    return Serialized(component.to_ical(), frozenset(used_tzids(component)))


@cache
def calendar_head(name: str, lang: str) -> bytes:
    """A calendar's bytes up to its first component: the same for each calendar of a build."""
    return calendar(name, lang, []).to_ical().removesuffix(END)


def calendar_bytes(name: str, lang: str, events: Iterable[Serialized]) -> bytes:
    """The bytes of :func:`calendar` of these events, made of their kept bytes:
    a ``VCALENDAR``'s serialization is its properties', its components' in
    order, then its end (``tests/events/test_calendar_files.py`` compares)."""
    events = list(events)
    head = calendar_head(name, lang)
    tzids = sorted(set().union(*(event.tzids for event in events)))
    zones = [zone[1] for zone in map(timezone, tzids) if zone is not None]
    return b"".join([head, *zones, *(event.ical for event in events), END])


def subscribed(pages: list[EventPage], now: dt.datetime) -> list[EventPage]:
    """The events of the calendar to subscribe to: every one still ahead, and
    the :data:`RECENT_PAST` latest past ones; in the order of ``pages``."""
    past = [page for page in pages if not is_upcoming(page, now)]
    latest = sorted(past, key=lambda p: (p.event.starts, p.docname))[-RECENT_PAST:]
    kept = {page.docname for page in latest}
    return [page for page in pages if is_upcoming(page, now) or page.docname in kept]


#: Each event's serialized ``VEVENT`` by page, kept beside the doctrees from one
#: build to the next under a digest of what it is made of: serializing a
#: thousand events took a second of every rebuild, for calendars one edit
#: leaves as they were.
KEPT = "archive-calendar-events.json"


@cache
def code_digest() -> str:
    """The code a ``VEVENT`` is made by: this module, and icalendar's version."""
    made_by = Path(__file__).read_bytes() + icalendar.__version__.encode()
    return hashlib.sha256(made_by).hexdigest()


def made_of_key(made_of: tuple[Any, ...]) -> str:
    """The digest an event's kept bytes are found by: of everything they are made of."""
    return hashlib.sha256(repr(made_of).encode("utf-8")).hexdigest()


class KeptEvents:
    """The serialized events of the last build, and this build's."""

    def __init__(self, doctreedir: Path) -> None:
        self.path = Path(doctreedir, KEPT)
        try:
            found = json.loads(self.path.read_text(encoding="utf-8"))
            kept = found["events"] if found.get("code") == code_digest() else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            kept = {}
        self.before: dict[str, list[Any]] = kept if isinstance(kept, dict) else {}
        self.now: dict[str, list[Any]] = {}

    def get(self, docname: str, key: str) -> Serialized | None:
        """The event as the last build serialized it, if made of the same (``key``)."""
        entry = self.before.get(docname)
        if isinstance(entry, list) and len(entry) == 3 and entry[0] == key:
            return Serialized(entry[1].encode("utf-8"), frozenset(entry[2]))
        return None

    def put(self, docname: str, key: str, event: Serialized) -> None:
        """Keep the event as this build serialized it."""
        self.now[docname] = [key, event.ical.decode("utf-8"), sorted(event.tzids)]

    def save(self) -> None:
        """Keep this build's events for the next one, if they changed."""
        if self.now != self.before:
            text = json.dumps({"code": code_digest(), "events": self.now}, ensure_ascii=False)
            write_if_changed(self.path, text.encode("utf-8"))


def write_calendars(app: Sphinx, exception: Exception | None) -> None:
    """Write each event's calendar file, the calendar to subscribe to and
    each year's, those whose bytes changed only."""
    if exception or app.builder.format != "html":
        return
    config = app.config
    built = events_built(app.config, app.env)
    lang, base, now, language = built.lang, built.base, built.now, built.language
    name = language["title"]
    host = urlsplit(base_url(config, config.archive_default_language)).hostname or "localhost"
    dates = pages_dates(app, built)
    pages = sorted(built.pages, key=lambda p: p.event.starts)
    events: dict[str, Serialized] = {}
    kept = KeptEvents(Path(app.doctreedir))
    for page in pages:
        shown = built.view(page)
        url = base + app.builder.get_target_uri(page.docname)
        title = title_of(app.env, page.docname)
        stamp = dates[page.docname][1]
        facts = page.event
        # Everything vevent() reads, so that the kept bytes are its bytes.
        made_of = (
            *(page.docname, facts.timed, facts.starts, facts.ends, facts.date, facts.event_status),
            *(shown.description, location(shown), title, url, lang, host, stamp),
        )
        key = made_of_key(made_of)
        event = kept.get(page.docname, key)
        if event is None:
            event = serialized(vevent(page, shown, title, url, lang, host, stamp))
        kept.put(page.docname, key, event)
        events[page.docname] = event
        path = Path(app.outdir, calendar_path(page.docname))
        write_if_changed(path, calendar_bytes(name, lang, [event]))
    feed = calendar_bytes(name, lang, (events[p.docname] for p in subscribed(pages, now)))
    write_if_changed(Path(app.outdir, CALENDAR_FEED), feed)
    years: dict[int, list[Serialized]] = {}
    for page in pages:
        years.setdefault(page.event.date.year, []).append(events[page.docname])
    for year, held in years.items():
        ical = calendar_bytes(f"{name} ({year})", lang, held)
        write_if_changed(Path(app.outdir, year_calendar_path(year)), ical)
    kept.save()
    # A year none of whose events is left (renamed, deleted) has no calendar.
    for path in Path(app.outdir).glob("events-*.ics"):
        match = YEAR_CALENDAR.fullmatch(path.name)
        if match and int(match.group(1)) not in years:
            path.unlink()


def add_calendar_link(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Every page's head names the language's calendar feed, as it names its Atom feed."""
    context["archive_calendar_url"] = base_url(app.config) + CALENDAR_FEED


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", write_calendars)
    app.connect("html-page-context", add_calendar_link)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
