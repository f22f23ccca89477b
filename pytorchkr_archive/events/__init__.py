"""The archive's events: validated metadata, the event card, listings and speakers.

At the start of every build the event pages' front matter is read and
validated (:mod:`.schema`, :mod:`.collection`); each problem is a warning
located at the file and line, naming the field, so a build with warnings as
errors (every build of the archive) fails on it, and the event is left out.
(A Sphinx error would do it too, but Sphinx 9 prints it as a crash report.)
Each event page then gets a card of its facts after its title, and the
``{event-list}`` and ``{speaker-index}`` directives list every event and
every speaker.  What they show is rendered at write time, in the
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

import hashlib
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
    forget_views,
    title_of,
    translations,
)
from pytorchkr_archive.events.calendars import CALENDAR_FEED, calendar_path
from pytorchkr_archive.events.collection import (
    EventPage,
    collect,
    kept_in_env,
    load_kept,
    load_people,
    save_kept,
)
from pytorchkr_archive.events.render import EventView, SpeakerEntry, speakers, view
from pytorchkr_archive.events.schedule import (
    EVENTS_INDEX,
    YEARS_MODES,
    ClockError,
    ListingSpec,
    build_clock,
    cut,
    is_upcoming,
    year_pages,
)
from pytorchkr_archive.events.translations import Translations, load_translations
from pytorchkr_archive.pages.languages import current_language
from pytorchkr_archive.pages.site_pages import unchanged
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


def years_mode(argument: str | None) -> str:
    """``:years:``'s value, one of :data:`~.schedule.YEARS_MODES`."""
    return directives.choice(argument, YEARS_MODES)


class EventListDirective(SphinxDirective):
    """``{event-list}``: every event (or a series' only, with ``:series: uid``),
    newest first, grouped by year; ``:recent: N`` and ``:years:`` show less
    of it on the page (:mod:`.schedule`)."""

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


logger = logging.getLogger(__name__)
#: The video buttons' script (pages/static), on the pages that have a video.
VIDEO_SCRIPT = "archive-video.js"
#: The events' facts each catalog gives, kept beside the doctrees (:mod:`.translations`).
FACTS_CACHE = "archive-event-facts.json"


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
    # The readings of the last build: only a changed event page is read again.
    readings = load_kept(Path(app.doctreedir), getattr(app.env, "archive_event_readings", None))
    before = {shown: digest for shown, (digest, _) in readings.items()}
    pages, problems = collect(app.srcdir, languages, now.date(), readings)
    if {shown: digest for shown, (digest, _) in readings.items()} != before:
        save_kept(Path(app.doctreedir), readings)
    app.env.archive_event_readings = kept_in_env(readings)
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
    forget_views(app.env)
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
    cache = Path(app.doctreedir) / FACTS_CACHE
    app.env.archive_event_translations = load_translations(pages, dirs, lang, refused, cache)


def add_card(app: Sphinx, doctree: nodes.document) -> None:
    """Put the event card after an event page's title; note pages with listings."""
    docname = app.env.docname
    listings: set[str] = app.env.__dict__.setdefault("archive_listing_docs", set())
    if any(True for _ in doctree.findall(lambda n: isinstance(n, (event_list, speaker_index)))):
        listings.add(docname)
    else:
        listings.discard(docname)
    paged: dict[str, ListingSpec] = app.env.__dict__.setdefault("archive_year_listings", {})
    paged.pop(docname, None)
    for node in doctree.findall(event_list):
        if node.get("years", "inline") != "inline":
            # One listing by year per page: its years' pages are named after it.
            paged[docname] = listing_spec(docname, node)
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
    """An event page whose event has passed (or come back) since the last build
    is read again: its card no longer leads with the registration."""
    return sorted(getattr(env, "archive_upcoming_changed", set()))


def listings_to_write(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: the pages with listings, written again only when what they
    show changed (an event's facts, translated title or state, a series' title).

    A listing is rendered when its page is written, from the events of this
    build; a translator's edit of a recap paragraph changes none of it, and
    leaves the listings (and the speakers index) as they are.
    """
    built = events_built(app.config, env)
    shown = [
        (page.docname, title_of(env, page.docname), repr(built.view(page))) for page in events(env)
    ]
    named = [(uid, title_of(env, series_docname(uid), uid)) for uid in series_ids(app.srcdir)]
    signature = hashlib.sha256(repr((shown, named)).encode("utf-8")).hexdigest()
    if getattr(env, "archive_listing_signature", None) == signature:
        return []
    env.archive_listing_signature = signature
    return sorted(getattr(env, "archive_listing_docs", set()))


def merge_listings(
    app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
) -> None:
    env.__dict__.setdefault("archive_listing_docs", set()).update(
        getattr(other, "archive_listing_docs", set())
    )
    env.__dict__.setdefault("archive_year_listings", {}).update(
        getattr(other, "archive_year_listings", {})
    )


def purge_listings(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "archive_listing_docs", set()).discard(docname)
    getattr(env, "archive_year_listings", {}).pop(docname, None)


def listing_spec(docname: str, node: event_list) -> ListingSpec:
    """What the listing node asks for, on the page ``docname``."""
    years = node.get("years", "inline")
    return ListingSpec(docname, node.get("series"), years, node.get("recent"))


def _language(translator: Any) -> tuple[str, dict[str, dict[str, str]]]:
    config = translator.builder.config
    return config.language or config.archive_default_language, config.archive_languages


def series_links(
    builder: Any, uids: tuple[str, ...], here: str | None = None
) -> tuple[tuple[str, str], ...]:
    """Each series as the page being written (``here``, else the builder's
    current page) links it: its title in the language built, and its URI
    relative to the page."""
    found = []
    for uid in uids:
        docname = series_docname(uid)
        uri = builder.get_relative_uri(here or builder.current_docname, docname)
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


def linked(
    builder: Any, pages: list[EventPage], here: str, now: bool
) -> list[tuple[EventView, str, str]]:
    """Listing entries for the page ``here``: each event's view (as of the
    build's clock for the events ahead), its URI and its title."""
    built = events_built(builder.config, builder.env)
    found = []
    for page in pages:
        shown = built.view(page) if now else built.past_view(page)
        found.append(
            (
                replace(shown, series_links=series_links(builder, shown.series, here)),
                builder.get_relative_uri(here, page.docname),
                title_of(builder.env, page.docname),
            )
        )
    return found


def visit_event_list(translator: Any, node: event_list) -> None:
    builder = translator.builder
    built = events_built(builder.config, builder.env)
    spec = listing_spec(builder.current_docname, node)
    shown = cut(spec, built.pages, built.now)
    here = builder.get_target_uri(builder.current_docname)
    everything = spec.docname if spec.series is not None else EVENTS_INDEX
    html = builder.templates.render(
        "archive-event-list.html",
        {
            "upcoming": linked(builder, shown.ahead, spec.docname, now=True),
            "groups": [
                (year, linked(builder, pages, spec.docname, now=False))
                for year, pages in shown.groups
            ],
            "years": [(year, _uri(translator, year.docname)) for year in shown.years],
            "more": shown.more,
            "total": shown.total,
            "all_uri": _uri(translator, everything),
            "level": node["heading_level"],
            "calendar": relative_uri(here, CALENDAR_FEED),
        },
    )
    translator.body.append(compact(html))
    raise nodes.SkipNode


def visit_speaker_index(translator: Any, node: speaker_index) -> None:
    lang, _ = _language(translator)
    pages = events(translator.builder.env)
    titles = {page.docname: _title(translator, page.docname) for page in pages}
    talks: dict[str, list[SpeakerEntry]] = {}
    views = events_built(translator.builder.config, translator.builder.env).view
    for entry in speakers(pages, titles, lang, views):
        talks.setdefault(entry.key, []).append(entry)
    people = [
        (entries[0].speaker, len(entries), _uri(translator, person_docname(key)))
        for key, entries in talks.items()
    ]
    html = translator.builder.templates.render("archive-speaker-index.html", {"people": people})
    translator.body.append(compact(html))
    raise nodes.SkipNode


_DESCRIPTION = re.compile(
    r'<meta (name="description"|property="og:description") content="[^"]*" />'
)


def person_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """One page per person (``speakers/<slug>``), in the language built: each
    of their sessions across events, with its event and its media.  A page
    the output holds as it would be written is kept
    (:mod:`pytorchkr_archive.pages.site_pages`)."""
    if app.builder.format != "html" or not hasattr(app.builder, "templates"):
        return
    builder = app.builder
    lang = current_language(app.config)
    pages = events(app.env)
    titles = {page.docname: title_of(app.env, page.docname) for page in pages}
    people, _ = load_people(Path(app.srcdir))
    by_person: dict[str, list[SpeakerEntry]] = {}
    for entry in speakers(pages, titles, lang, events_built(app.config, app.env).view):
        by_person.setdefault(entry.key, []).append(entry)
    for key, entries in sorted(by_person.items()):
        docname = person_docname(key)
        newest = sorted(entries, key=lambda e: (e.iso_date, e.uid), reverse=True)
        made_of = (entries[0].speaker, key, people.spellings(key), newest)
        if unchanged(app, docname, "page.html", made_of):
            continue
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


def listing_year_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """One page per year of each listing that goes by year (:mod:`.schedule`),
    in the language built: that year's events, newest first; kept when
    unchanged, as a person's page is."""
    if app.builder.format != "html" or not hasattr(app.builder, "templates"):
        return
    builder = app.builder
    built = events_built(app.config, app.env)
    specs: dict[str, ListingSpec] = getattr(app.env, "archive_year_listings", {})
    for docname, spec in sorted(specs.items()):
        listing_title = title_of(app.env, docname)
        series = listing_title if spec.series is not None else None
        for page in year_pages(spec, built.pages, built.now):
            name = page.year.docname
            shown = [(built.past_view(event), event.docname) for event in page.events]
            made_of = (spec, series, listing_title, page.year, page.newer, page.older, shown)
            if unchanged(app, name, "page.html", made_of):
                continue
            title = builder.templates.render(
                "archive-event-year-title.html", {"series": series, "year": page.year.year}
            ).strip()

            def uri(target: str, name: str = name) -> str:
                return builder.get_relative_uri(name, target)

            body = builder.templates.render(
                "archive-event-year.html",
                {
                    "title": title,
                    "year": page.year,
                    "items": linked(builder, page.events, name, now=False),
                    "newer": page.newer,
                    "older": page.older,
                    "newer_uri": uri(page.newer.docname) if page.newer else "",
                    "older_uri": uri(page.older.docname) if page.older else "",
                    "listing_uri": uri(docname),
                    "listing_title": listing_title,
                },
            )
            yield name, {"title": title, "body": compact(body)}, "page.html"


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
    app.connect("env-updated", listings_to_write)
    app.connect("env-merge-info", merge_listings)
    app.connect("env-purge-doc", purge_listings)
    # After sphinxext-opengraph (500), before the site's description (800).
    app.connect("html-page-context", describe_event_page, priority=600)
    app.connect("html-page-context", add_video_script)
    app.connect("html-collect-pages", person_pages)
    app.connect("html-collect-pages", listing_year_pages)
    app.add_css_file("archive-events.css")
    app.setup_extension("pytorchkr_archive.pages.site_pages")
    app.setup_extension("pytorchkr_archive.events.feeds")
    app.setup_extension("pytorchkr_archive.events.calendars")
    app.setup_extension("pytorchkr_archive.events.structured_data")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}
