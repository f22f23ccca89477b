"""Where each event's calendars are published, relative to a language's root.

Both the readers' pages, which link them, and the calendars, which write
them (:mod:`pytorchkr_archive.events.for_machines.calendars`), take the
places from here.
"""

from __future__ import annotations

import re

#: Each language's calendar to subscribe to, at the root of the language.
CALENDAR_FEED = "events.ics"
#: The calendars of a year's events, beside :data:`CALENDAR_FEED`.
YEAR_CALENDAR = re.compile(r"events-(\d{4})\.ics")


def calendar_path(docname: str) -> str:
    """Where an event page's calendar file is, relative to the language's root."""
    return f"{docname}.ics"


def year_calendar_path(year: int) -> str:
    """Where the calendar of a year's events is, relative to the language's root."""
    return f"events-{year:04d}.ics"
