"""What a build knows of the events, for the files written beside the pages.

The feeds, the calendars and the structured data each show every event in
the language being built, as of the build's clock, with absolute URLs: they
read it here, from what ``builder-inited`` left in the environment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sphinx.application import Sphinx

from pytorchkr_archive.events.collection import EventPage
from pytorchkr_archive.events.render import EventView, view
from pytorchkr_archive.events.schedule import build_clock
from pytorchkr_archive.events.translations import Translations
from pytorchkr_archive.pages.languages import base_url, current_language


@dataclass(frozen=True)
class EventsBuilt:
    """Every event of the build, in the language built."""

    lang: str
    #: The language's entry of ``archive_languages``.
    language: dict[str, str]
    #: The language's absolute URL, ending in ``/``.
    base: str
    pages: list[EventPage]
    translations: Translations
    now: dt.datetime = field(default_factory=build_clock)

    def view(self, page: EventPage) -> EventView:
        """An event as the pages show it."""
        return view(page, self.lang, self.translations, self.language, self.now)


def events_built(app: Sphinx) -> EventsBuilt:
    config = app.config
    env = app.env
    lang = current_language(config)
    return EventsBuilt(
        lang,
        config.archive_languages[lang],
        base_url(config),
        getattr(env, "archive_events", []),
        getattr(env, "archive_event_translations", Translations()),
        getattr(env, "archive_now", None) or build_clock(),
    )
