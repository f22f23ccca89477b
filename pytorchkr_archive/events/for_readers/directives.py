"""The organizers' directives: ``{event-list}`` and ``{speaker-index}``.

Each puts its node where it stands in the page (:mod:`.nodes`); what the
node shows is written with the page, from the events of the build
(:mod:`.listings`, :mod:`.speakers`).  An unknown series is a warning at
the directive's line.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from pytorchkr_archive.events.facts.schedule import YEARS_MODES
from pytorchkr_archive.events.for_readers.nodes import event_list, speaker_index
from pytorchkr_archive.record.series import series_ids, unknown_series

logger = logging.getLogger(__name__)


def years_mode(argument: str | None) -> str:
    """``:years:``'s value, one of :data:`~pytorchkr_archive.events.facts.schedule.YEARS_MODES`."""
    return directives.choice(argument, YEARS_MODES)


class EventListDirective(SphinxDirective):
    """``{event-list}``: every event (or a series' only, with ``:series: uid``),
    newest first, grouped by year; ``:recent: N`` and ``:years:`` show less
    of it on the page (:mod:`pytorchkr_archive.events.facts.schedule`)."""

    option_spec: ClassVar[dict[str, Any]] = {
        "heading-level": directives.positive_int,
        "series": directives.unchanged_required,
        "recent": directives.positive_int,
        "years": years_mode,
    }

    def run(self) -> list[nodes.Node]:
        series = self.options.get("series")
        known = series_ids(self.env.srcdir) if series is not None else ()
        if series is not None and series not in known:
            message = unknown_series(series, known)
            logger.warning("event-list: %s", message, location=self.get_location())
        # A series' page goes by year once it is long; other listings say so.
        years = self.options.get("years", "auto" if series is not None else "inline")
        return [
            event_list(
                heading_level=self.options.get("heading-level", 2),
                series=series,
                recent=self.options.get("recent"),
                years=years,
            )
        ]


class SpeakerIndexDirective(SphinxDirective):
    """``{speaker-index}``: every speaker, with their number of talks."""

    def run(self) -> list[nodes.Node]:
        return [speaker_index()]
