"""Which events are still ahead: decided once per build, in each event's own time zone.

An event is upcoming until it ends: its end time on its date, in its time
zone, is still after the build's clock.  The clock is the time the build
starts, or ``ARCHIVE_NOW`` (an ISO 8601 time with its offset, such as
``2025-03-30T18:00:00+09:00``) when it is set: the tests fix it, and an
organizer can preview the listings as they will be on a given day.  A page
moves from "Upcoming" to the past listings by itself, at the first build
after its event ended (Read the Docs rebuilds on every push; a scheduled
build keeps it exact, see docs/events.md).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping

from pytorchkr_archive.events.collection import EventPage

#: The environment variable that fixes the build's clock.
NOW_VARIABLE = "ARCHIVE_NOW"


class ClockError(ValueError):
    """``ARCHIVE_NOW`` is set to something that is not a time with an offset."""


def build_clock(environ: Mapping[str, str] = os.environ) -> dt.datetime:
    """The time the build decides by: ``ARCHIVE_NOW`` if set, else now."""
    value = environ.get(NOW_VARIABLE, "").strip()
    if not value:
        return dt.datetime.now(dt.UTC)
    try:
        now = dt.datetime.fromisoformat(value)
    except ValueError:
        now = None
    if now is None or now.tzinfo is None:
        # Written without its offset, it is shown with Seoul's, the archive's usual.
        example = f"{now.isoformat()}+09:00" if now else "2025-03-30T18:00:00+09:00"
        raise ClockError(
            f"{NOW_VARIABLE}={value!r} is not a time with its offset: write it as "
            f"{example} (or unset {NOW_VARIABLE} to build as of now)"
        )
    return now


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
