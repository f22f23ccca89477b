"""What machines read of the events: feeds, calendars, structured data.

Every language has an Atom feed of its events, newest first, dated by the
repository's history (:mod:`.feeds`); every event an iCalendar file, and
every language a calendar of its events (:mod:`.calendars`); every event
page schema.org ``Event`` data for search engines (:mod:`.structured_data`)
and its summary as its description (:mod:`.page_description`).  Each is
made from the events' views (:mod:`pytorchkr_archive.events.facts.built`),
in the language built.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from pytorchkr_archive.events.for_machines.page_description import describe_event_page


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the description, the feeds, the calendars and the structured data."""
    # After sphinxext-opengraph (500), before the site's description (800).
    app.connect("html-page-context", describe_event_page, priority=600)
    app.setup_extension("pytorchkr_archive.events.for_machines.feeds")
    app.setup_extension("pytorchkr_archive.events.for_machines.calendars")
    app.setup_extension("pytorchkr_archive.events.for_machines.structured_data")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
