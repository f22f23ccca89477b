"""What a build knows of the events: read once from the environment, for every writer.

``builder-inited`` reads every event page, its translations and the build's
clock into the environment; the card, the listings, the feeds, the
calendars and the structured data read them here, to show every event in
the language being built, as of that clock, with absolute URLs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from weakref import WeakKeyDictionary

from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from pytorchkr_archive.events.facts.collection import EventPage
from pytorchkr_archive.events.facts.event_view import EventView, view
from pytorchkr_archive.events.facts.schedule import build_now
from pytorchkr_archive.events.facts.translations import Translations
from pytorchkr_archive.pages.languages import base_url, current_language

#: Each build's views of its events, made once: the listings' digest, the
#: cards, the feed, the calendars and the structured data all show every
#: event, and a view (translations, times, sessions) is not free at a
#: thousand events.  Forgotten when a build reads its events
#: (:func:`forget_views`).
_views: WeakKeyDictionary[BuildEnvironment, dict[str, EventView]] = WeakKeyDictionary()


def forget_views(env: BuildEnvironment) -> None:
    """A new build (its events, translations and clock just read): no view is kept."""
    _views.pop(env, None)


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
    #: The build's views made so far, by page.
    views: dict[str, EventView] = field(default_factory=dict, repr=False, compare=False)

    def view(self, page: EventPage) -> EventView:
        """An event as the pages show it."""
        shown = self.views.get(page.docname)
        if shown is None:
            shown = view(page, self.lang, self.translations, self.language, self.now)
            self.views[page.docname] = shown
        return shown

    def past_view(self, page: EventPage) -> EventView:
        """An event as the archive's past shows it: :meth:`view` as of no clock
        (``render.view`` uses the clock for these two fields only)."""
        return replace(self.view(page), upcoming=False, registration_state=None)


def events_built(config: Config, env: BuildEnvironment) -> EventsBuilt:
    lang = current_language(config)
    return EventsBuilt(
        lang,
        config.archive_languages.get(lang, {}),
        base_url(config),
        events(env),
        translations(env),
        build_now(env),
        _views.setdefault(env, {}),
    )
