"""The facts of each event: read, validated, translated and dated.

What every other room of the events wing shows comes from here.  An event
page's front matter is checked against the record's schema (:mod:`.schema`)
and collected with every other event's (:mod:`.collection`), each problem
located at its file, line and field; its texts are messages of the page's
catalog (:mod:`.messages`), read back translated (:mod:`.translations`); the
build's clock says which events are ahead (:mod:`.schedule`).  At the start
of a build every event is read (:mod:`.loading`), and each gets one view per
language (:mod:`.event_view`), made once per build (:mod:`.built`), which
the readers' pages and the machines' files render; where an event's
calendars are published is here too (:mod:`.places`).  The organizers'
commands are here too: ``make new-event`` (:mod:`.new_event`, from
``event-template.md``) and ``make check-events`` (:mod:`.check_events`).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from pytorchkr_archive.events.facts.loading import load_events


def setup(app: Sphinx) -> dict[str, Any]:
    """Read every event when the build starts."""
    app.connect("builder-inited", load_events)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
