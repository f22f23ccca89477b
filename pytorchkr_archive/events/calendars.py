"""Calendars: an iCalendar file (RFC 5545) for each event, and a feed of every event.

Written with the ``icalendar`` package after the HTML build, in the language
built: ``events/<page>.ics`` beside each event page (linked from its card)
and ``events.ics`` at the language's root, which calendar apps subscribe to
(linked from the listings and from every page's head).  Each event starts
and ends in its own time zone, described by a ``VTIMEZONE``; its summary is
the page's title and its description the event's summary (or announcement,
while it is ahead), both in the language, with the page's URL in that
language.  Its ``UID`` is made of the page's name and the archive's host,
the same in every language and every build, so that a calendar app updates
the event instead of adding it twice.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import icalendar
from sphinx.application import Sphinx

from pytorchkr_archive.events.built import events_built, title_of
from pytorchkr_archive.events.collection import EventPage
from pytorchkr_archive.events.render import EventView, location
from pytorchkr_archive.pages.languages import base_url

#: Each language's feed of every event, at the root of the language.
CALENDAR_FEED = "events.ics"
_STATUS = {
    "scheduled": "CONFIRMED",
    "held": "CONFIRMED",
    "cancelled": "CANCELLED",
    "postponed": "TENTATIVE",
}


def calendar_path(docname: str) -> str:
    """Where an event page's calendar file is, relative to the language's root."""
    return f"{docname}.ics"


def event_uid(page: EventPage, host: str) -> str:
    """The event's identifier, the same in every language and build."""
    return f"{page.docname.rpartition('/')[2]}@{host}"


def vevent(
    page: EventPage, shown: EventView, title: str, url: str, lang: str, host: str, now: dt.datetime
) -> icalendar.Event:
    """One event, in one language."""
    event = page.event
    component = icalendar.Event()
    component.add("uid", event_uid(page, host))
    component.add("dtstamp", now.astimezone(dt.UTC))
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


def calendar(name: str, lang: str, events: list[icalendar.Event]) -> icalendar.Calendar:
    """A calendar of ``events``, with the time zones they use."""
    found = icalendar.Calendar()
    found.add("prodid", "-//PyTorch Korea User Group//Event Archive//EN")
    found.add("version", "2.0")
    found.add("calscale", "GREGORIAN")
    found.add("x-wr-calname", name)
    found.add("name", name)
    for event in events:
        found.add_component(event)
    found.add_missing_timezones()
    return found


def write_calendars(app: Sphinx, exception: Exception | None) -> None:
    """Write every event's calendar file and the language's feed."""
    if exception or app.builder.format != "html":
        return
    config = app.config
    built = events_built(app.config, app.env)
    lang, base, now, language = built.lang, built.base, built.now, built.language
    host = urlsplit(base_url(config, config.archive_default_language)).hostname or "localhost"
    events = []
    for page in sorted(built.pages, key=lambda p: p.event.starts):
        shown = built.view(page)
        url = base + app.builder.get_target_uri(page.docname)
        component = vevent(page, shown, title_of(app.env, page.docname), url, lang, host, now)
        events.append(component)
        single = calendar(language["title"], lang, [component])
        path = Path(app.outdir, calendar_path(page.docname))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(single.to_ical())
    Path(app.outdir, CALENDAR_FEED).write_bytes(
        calendar(language["title"], lang, events).to_ical()
    )


def add_calendar_link(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Every page's head names the language's calendar feed, as it names its Atom feed."""
    context["archive_calendar_url"] = base_url(app.config) + CALENDAR_FEED


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", write_calendars)
    app.connect("html-page-context", add_calendar_link)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
