"""What a build knows of the events: read once from the environment, for every writer.

``builder-inited`` reads every event page, its translations and the build's
clock into the environment; the card, the listings, the feeds, the
calendars and the structured data read them here, to show every event in
the language being built, as of that clock, with absolute URLs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from pytorchkr_archive.events.collection import EventPage
from pytorchkr_archive.events.render import EventView, view
from pytorchkr_archive.events.schedule import build_now
from pytorchkr_archive.events.translations import Translations
from pytorchkr_archive.pages.languages import base_url, current_language


def events(env: BuildEnvironment) -> list[EventPage]:
    return getattr(env, "archive_events", [])


def event_page(env: BuildEnvironment, docname: str) -> EventPage | None:
    """The event shown on a page, if the page is an event's."""
    return next((page for page in events(env) if page.docname == docname), None)


def title_of(env: BuildEnvironment, docname: str, default: str | None = None) -> str:
    """A page's title in the language built, as text; ``default`` (else the
    docname) for a page that has none."""
    title = env.titles.get(docname)
    return title.astext() if title is not None else default or docname


def translations(env: BuildEnvironment) -> Translations:
    """The events' facts in the language being built (empty in the source language)."""
    return getattr(env, "archive_event_translations", Translations())


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
    now: dt.datetime

    def view(self, page: EventPage) -> EventView:
        """An event as the pages show it."""
        return view(page, self.lang, self.translations, self.language, self.now)


def events_built(config: Config, env: BuildEnvironment) -> EventsBuilt:
    lang = current_language(config)
    return EventsBuilt(
        lang,
        config.archive_languages.get(lang, {}),
        base_url(config),
        events(env),
        translations(env),
        build_now(env),
    )
