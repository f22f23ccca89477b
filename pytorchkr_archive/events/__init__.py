"""The archive's events: validated metadata, the event card, listings and speakers.

At the start of every build the event pages' front matter is read and
validated (:mod:`.schema`, :mod:`.collection`); each problem is a warning
located at the file and line, naming the field, so a build with warnings as
errors (every build of the archive) fails on it, and the event is left out.
(A Sphinx error would do it too, but Sphinx 9 prints it as a crash report.)
Each event page then gets a card of its facts after its title, and the
``{event-list}`` and ``{speaker-index}`` directives list every event and
every talk.  What they show is rendered at write time, in the
language being built, by Jinja templates whose labels are translated through
``sphinx.po`` like the rest of the interface, with values from the data.
Events still ahead at the build's clock are listed first, under their own
heading (:mod:`.schedule`); every event has an iCalendar file and is in its
language's calendar feed (:mod:`.calendars`), and its page carries
schema.org ``Event`` data (:mod:`.structured_data`).
The organizers' commands are here too: ``make new-event``
(:mod:`.new_event`) and ``make check-events`` (:mod:`.check_events`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from pytorchkr_archive.events.built import (
    event_page,
    events,
    events_built,
    title_of,
    translations,
)
from pytorchkr_archive.events.calendars import CALENDAR_FEED, calendar_path
from pytorchkr_archive.events.collection import EventPage, collect, load_people
from pytorchkr_archive.events.render import SpeakerEntry, speakers, view
from pytorchkr_archive.events.schedule import ClockError, build_clock, is_upcoming
from pytorchkr_archive.events.translations import Translations, load_translations
from pytorchkr_archive.pages.languages import current_language
from pytorchkr_archive.project import Languages
from pytorchkr_archive.record.people import SPEAKERS_DOC, person_docname, person_slug
from pytorchkr_archive.record.series import series_docname, series_ids, unknown_series


class event_card(nodes.General, nodes.Element):
    """Where an event page's card goes."""


class event_list(nodes.General, nodes.Element):
    """Where the list of events goes."""


class event_programme(nodes.General, nodes.Element):
    """Where an event page's programme goes: at the end of its page."""


class speaker_index(nodes.General, nodes.Element):
    """Where the index of speakers goes."""


class EventListDirective(SphinxDirective):
    """``{event-list}``: every event (or a series' only, with ``:series: uid``),
    newest first, grouped by year."""

    option_spec: ClassVar[dict[str, Any]] = {
        "heading-level": directives.positive_int,
        "series": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        series = self.options.get("series")
        known = series_ids(self.env.srcdir) if series is not None else ()
        if series is not None and series not in known:
            message = unknown_series(series, known)
            logger.warning("event-list: %s", message, location=self.get_location())
        return [event_list(heading_level=self.options.get("heading-level", 2), series=series)]


class SpeakerIndexDirective(SphinxDirective):
    """``{speaker-index}``: every talk of every event, by speaker."""

    def run(self) -> list[nodes.Node]:
        return [speaker_index()]


logger = logging.getLogger(__name__)
#: The video buttons' script (pages/static), on the pages that have a video.
VIDEO_SCRIPT = "archive-video.js"


def load_events(app: Sphinx) -> None:
    """Read and validate every event page; warn, at file and line, for each problem.

    A bad ``ARCHIVE_NOW`` stops the build at once with its one line: any
    exception raised here, ``ConfigError`` included, is printed by Sphinx 9
    as a crash report (versions, traceback, "please open an issue").
    """
    try:
        now = build_clock()
    except ClockError as error:
        raise SystemExit(f"error: {error}") from None
    config = app.config
    languages = Languages(config.archive_languages, config.archive_default_language)
    pages, problems = collect(app.srcdir, languages, now.date())
    for problem in problems:
        logger.warning(
            "%s: %s (make check lists every problem without building)",
            problem.field,
            problem.message,
            location=f"{app.srcdir / problem.path}:{problem.line}",
            type="archive",
            subtype="event",
        )
    app.env.archive_events = pages
    app.env.archive_now = now
    # An event page whose event passed (or came back) since the last build is
    # written again: its card no longer leads with the registration.
    before: dict[str, bool] = getattr(app.env, "archive_upcoming", {})
    upcoming = {page.docname: is_upcoming(page, now) for page in pages}
    app.env.archive_upcoming = upcoming
    app.env.archive_upcoming_changed = {
        docname for docname, ahead in upcoming.items() if before.get(docname, ahead) != ahead
    }
    lang = config.language or config.archive_default_language
    if lang == config.archive_default_language:
        app.env.archive_event_translations = Translations()
        return
    dirs = [Path(app.srcdir) / directory for directory in config.locale_dirs]
    # The catalog gate (pytorchkr_archive.translation.catalog_guard) ran at
    # builder-inited before this, being set up first: its refusals are left out.
    refused = getattr(app.env, "archive_refused_messages", set())
    app.env.archive_event_translations = load_translations(pages, dirs, lang, refused)


def add_card(app: Sphinx, doctree: nodes.document) -> None:
    """Put the event card after an event page's title; note pages with listings."""
    docname = app.env.docname
    listings: set[str] = app.env.__dict__.setdefault("archive_listing_docs", set())
    if any(True for _ in doctree.findall(lambda n: isinstance(n, (event_list, speaker_index)))):
        listings.add(docname)
    else:
        listings.discard(docname)
    if not any(page.docname == docname for page in events(app.env)):
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None or not isinstance(section[0], nodes.title):
        return
    section.insert(1, event_card(docname=docname))
    page = event_page(app.env, docname)
    if page is not None and page.event.sessions:
        section.append(event_programme(docname=docname))


def outdated_listings(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Pages with listings are read again on every build (any event may have
    changed), and so is an event page whose event has passed since the last."""
    changed = getattr(env, "archive_upcoming_changed", set())
    return sorted(getattr(env, "archive_listing_docs", set()) | changed)


def merge_listings(
    app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
) -> None:
    env.__dict__.setdefault("archive_listing_docs", set()).update(
        getattr(other, "archive_listing_docs", set())
    )


def purge_listings(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "archive_listing_docs", set()).discard(docname)


def _language(translator: Any) -> tuple[str, dict[str, dict[str, str]]]:
    config = translator.builder.config
    return config.language or config.archive_default_language, config.archive_languages


def series_links(builder: Any, uids: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each series as the page being written links it: its title in the
    language built, and its URI relative to the page."""
    found = []
    for uid in uids:
        docname = series_docname(uid)
        uri = builder.get_relative_uri(builder.current_docname, docname)
        found.append((title_of(builder.env, docname, uid), uri))
    return tuple(found)


def card_view(builder: Any, page: EventPage):
    """The event as its card shows it on the page being written: in the
    language being built, as of the build's clock, with its calendar file
    and the links to its series."""
    shown = events_built(builder.config, builder.env).view(page)
    here = builder.get_target_uri(builder.current_docname)
    return replace(
        shown,
        calendar=relative_uri(here, calendar_path(page.docname)),
        series_links=series_links(builder, shown.series),
    )


def _uri(translator: Any, docname: str) -> str:
    return translator.builder.get_relative_uri(translator.builder.current_docname, docname)


def _title(translator: Any, docname: str) -> str:
    return title_of(translator.builder.env, docname)


def compact(html: str) -> str:
    """Rendered HTML without the template's indentation, which is for its
    readers: a page weighs less without it (no preformatted text is here)."""
    return "\n".join(filter(None, map(str.strip, html.splitlines()))) + "\n"


def visit_event_card(translator: Any, node: event_card) -> None:
    _, languages = _language(translator)
    page = event_page(translator.builder.env, node["docname"])
    html = translator.builder.templates.render(
        "archive-event-card.html",
        {"event": card_view(translator.builder, page), "languages": languages},
    )
    translator.body.append(compact(html))
    raise nodes.SkipNode


def visit_event_programme(translator: Any, node: event_programme) -> None:
    page = event_page(translator.builder.env, node["docname"])
    builder = translator.builder

    def person_uri(name: str) -> str:
        return builder.get_relative_uri(builder.current_docname, person_docname(name))

    html = builder.templates.render(
        "archive-event-programme.html",
        {"event": card_view(builder, page), "person_uri": person_uri},
    )
    translator.body.append(compact(html))
    raise nodes.SkipNode


def add_video_script(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """The script of the video buttons, on the pages that have one."""
    page = event_page(app.env, pagename)
    if page is not None and any(
        session.video and session.video.youtube_id for session in page.event.sessions
    ):
        app.add_js_file(VIDEO_SCRIPT, defer="defer")


def visit_event_list(translator: Any, node: event_list) -> None:
    built = events_built(translator.builder.config, translator.builder.env)
    ahead, past = built.listing(node.get("series"))

    def linked(views):
        return [
            (
                replace(event, series_links=series_links(translator.builder, event.series)),
                _uri(translator, event.docname),
                _title(translator, event.docname),
            )
            for event in views
        ]

    here = translator.builder.get_target_uri(translator.builder.current_docname)
    translator.body.append(
        translator.builder.templates.render(
            "archive-event-list.html",
            {
                "upcoming": linked(ahead),
                "groups": [(year, linked(views)) for year, views in past],
                "level": node["heading_level"],
                "calendar": relative_uri(here, CALENDAR_FEED),
            },
        )
    )
    raise nodes.SkipNode


def visit_speaker_index(translator: Any, node: speaker_index) -> None:
    lang, _ = _language(translator)
    pages = events(translator.builder.env)
    titles = {page.docname: _title(translator, page.docname) for page in pages}
    found = speakers(pages, titles, lang, translations(translator.builder.env))
    entries = [
        (entry, _uri(translator, entry.docname), _uri(translator, person_docname(entry.key)))
        for entry in found
    ]
    translator.body.append(
        translator.builder.templates.render(
            "archive-speaker-index.html",
            {"entries": entries},
        )
    )
    raise nodes.SkipNode


_DESCRIPTION = re.compile(
    r'<meta (name="description"|property="og:description") content="[^"]*" />'
)


def person_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """One page per person (``speakers/<slug>``), in the language built: each
    of their sessions across events, with its event and its media."""
    if app.builder.format != "html" or not hasattr(app.builder, "templates"):
        return
    builder = app.builder
    lang = current_language(app.config)
    pages = events(app.env)
    titles = {page.docname: title_of(app.env, page.docname) for page in pages}
    people, _ = load_people(Path(app.srcdir))
    by_person: dict[str, list[SpeakerEntry]] = {}
    for entry in speakers(pages, titles, lang, translations(app.env)):
        by_person.setdefault(entry.key, []).append(entry)
    for key, entries in sorted(by_person.items()):
        docname = person_docname(key)
        newest = sorted(entries, key=lambda e: (e.iso_date, e.uid), reverse=True)
        body = builder.templates.render(
            "archive-person.html",
            {
                "name": entries[0].speaker,
                "slug": person_slug(key),
                "spellings": people.spellings(key),
                "entries": [
                    (entry, builder.get_relative_uri(docname, entry.docname)) for entry in newest
                ],
                "index_uri": builder.get_relative_uri(docname, SPEAKERS_DOC),
            },
        )
        yield docname, {"title": entries[0].speaker, "body": compact(body)}, "page.html"


def describe_event_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """An event page's description (search engines, social cards) is its summary.

    sphinxext-opengraph describes a page by its first paragraph; an event's
    one-line summary, written for the listings and feeds and translated in
    its catalog, says what the page is better.
    """
    page = event_page(app.env, pagename)
    if page is None or "metatags" not in context:
        return
    lang = app.config.language or app.config.archive_default_language
    summary = escape(view(page, lang, translations(app.env)).summary, quote=True)
    context["metatags"] = _DESCRIPTION.sub(
        lambda m: f'<meta {m.group(1)} content="{summary}" />', context["metatags"]
    )


def skip(translator: Any, node: nodes.Element) -> None:
    """Other formats than HTML do not show generated listings."""
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the nodes, directives and event handlers."""
    others = {fmt: (skip, None) for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(event_card, html=(visit_event_card, None), **others)
    app.add_node(event_list, html=(visit_event_list, None), **others)
    app.add_node(event_programme, html=(visit_event_programme, None), **others)
    app.add_node(speaker_index, html=(visit_speaker_index, None), **others)
    app.add_directive("event-list", EventListDirective)
    app.add_directive("speaker-index", SpeakerIndexDirective)
    app.connect("builder-inited", load_events)
    app.connect("doctree-read", add_card)
    app.connect("env-get-outdated", outdated_listings)
    app.connect("env-merge-info", merge_listings)
    app.connect("env-purge-doc", purge_listings)
    # After sphinxext-opengraph (500), before the site's description (800).
    app.connect("html-page-context", describe_event_page, priority=600)
    app.connect("html-page-context", add_video_script)
    app.connect("html-collect-pages", person_pages)
    app.add_css_file("archive-events.css")
    app.setup_extension("pytorchkr_archive.events.feeds")
    app.setup_extension("pytorchkr_archive.events.calendars")
    app.setup_extension("pytorchkr_archive.events.structured_data")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}
