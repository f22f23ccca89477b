"""The lists of events: ``{event-list}``, and a page per year of a long listing.

A listing is written with its page, from the events of this build, in the
language being built: the events ahead first, then the past ones by year
(:mod:`pytorchkr_archive.events.facts.schedule` says which, and what a
listing shows of them).  Which pages hold a listing is noted as they are
read (:func:`note_listings`); they are written again only when what they
show changed (:func:`listings_to_write`), and an event page is read again
when its event has passed since the last build.  A listing that goes by
year gets a page per year (:func:`listing_year_pages`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.osutil import relative_uri

from pytorchkr_archive.events.facts.built import events, events_built, title_of
from pytorchkr_archive.events.facts.collection import EventPage
from pytorchkr_archive.events.facts.event_view import EventView
from pytorchkr_archive.events.facts.places import CALENDAR_FEED
from pytorchkr_archive.events.facts.schedule import EVENTS_INDEX, ListingSpec, cut, year_pages
from pytorchkr_archive.events.for_readers.card import series_links
from pytorchkr_archive.events.for_readers.nodes import (
    compact,
    event_list,
    speaker_index,
    uri_from,
)
from pytorchkr_archive.pages.site_pages import unchanged
from pytorchkr_archive.record.series import series_docname, series_ids


def note_listings(app: Sphinx, doctree: nodes.document) -> None:
    """Note whether the page just read holds a listing, and which goes by year."""
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
            "years": [(year, uri_from(translator, year.docname)) for year in shown.years],
            "more": shown.more,
            "total": shown.total,
            "all_uri": uri_from(translator, everything),
            "level": node["heading_level"],
            "calendar": relative_uri(here, CALENDAR_FEED),
        },
    )
    translator.body.append(compact(html))
    raise nodes.SkipNode


def listing_year_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """One page per year of each listing that goes by year
    (:mod:`pytorchkr_archive.events.facts.schedule`), in the language built:
    that year's events, newest first; kept when unchanged, as a person's page is."""
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
