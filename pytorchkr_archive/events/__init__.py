"""The archive's events, in three rooms laid out as their facts travel.

- :mod:`.facts`: what is known of each event, read from its page's front
  matter, validated (each problem a warning at its file, line and field, so
  a build with warnings as errors fails on it), translated from its page's
  catalog and dated by the build's clock; one view of each event per
  language; the organizers' ``make new-event`` and ``make check-events``.
- :mod:`.for_readers`: what readers see, made from those views in the
  language built: the event card and programme, the lists of events and
  their years' pages, the speakers' index and a page per person.
- :mod:`.for_machines`: what machines read: Atom feeds, iCalendar files and
  calendars, schema.org structured data and the page's description.

A value goes down from the facts to the rooms that show it, never back up.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the three rooms, the events' stylesheet and the generated pages' record."""
    app.setup_extension("pytorchkr_archive.events.facts")
    app.setup_extension("pytorchkr_archive.events.for_readers")
    app.add_css_file("archive-events.css")
    app.setup_extension("pytorchkr_archive.pages.site_pages")
    app.setup_extension("pytorchkr_archive.events.for_machines")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}
