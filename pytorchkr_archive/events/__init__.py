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
The organizers' commands are here too: ``make new-event``
(:mod:`.new_event`) and ``make check-events`` (:mod:`.check_events`).
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from pytorchkr_archive.events.collection import EventPage, collect
from pytorchkr_archive.events.render import by_year, speakers, view
from pytorchkr_archive.events.translations import Translations, load_translations


class event_card(nodes.General, nodes.Element):
    """Where an event page's card goes."""


class event_list(nodes.General, nodes.Element):
    """Where the list of events goes."""


class speaker_index(nodes.General, nodes.Element):
    """Where the index of speakers goes."""


class EventListDirective(SphinxDirective):
    """``{event-list}``: every event, newest first, grouped by year."""

    option_spec: ClassVar[dict[str, Any]] = {"heading-level": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        return [event_list(heading_level=self.options.get("heading-level", 2))]


class SpeakerIndexDirective(SphinxDirective):
    """``{speaker-index}``: every talk of every event, by speaker."""

    def run(self) -> list[nodes.Node]:
        return [speaker_index()]


def events(env: BuildEnvironment) -> list[EventPage]:
    return getattr(env, "archive_events", [])


def event_page(env: BuildEnvironment, docname: str) -> EventPage | None:
    """The event shown on a page, if the page is an event's."""
    return next((page for page in events(env) if page.docname == docname), None)


def translations(env: BuildEnvironment) -> Translations:
    """The events' facts in the language being built (empty in the source language)."""
    return getattr(env, "archive_event_translations", Translations())


logger = logging.getLogger(__name__)


def load_events(app: Sphinx) -> None:
    """Read and validate every event page; warn, at file and line, for each problem."""
    pages, problems = collect(app.srcdir)
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
    config = app.config
    lang = config.language or config.archive_default_language
    if lang == config.archive_default_language:
        app.env.archive_event_translations = Translations()
        return
    dirs = [Path(app.srcdir) / directory for directory in config.locale_dirs]
    app.env.archive_event_translations = load_translations(pages, dirs, lang)


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


def outdated_listings(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Pages with listings are read again on every build: any event may have changed."""
    return sorted(getattr(env, "archive_listing_docs", set()))


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


def event_view(translator: Any, page: EventPage):
    """The view of an event in the language being built."""
    lang, languages = _language(translator)
    return view(page, lang, translations(translator.builder.env), languages.get(lang, {}))


def _uri(translator: Any, docname: str) -> str:
    return translator.builder.get_relative_uri(translator.builder.current_docname, docname)


def _title(translator: Any, docname: str) -> str:
    title = translator.builder.env.titles.get(docname)
    return title.astext() if title is not None else docname


def visit_event_card(translator: Any, node: event_card) -> None:
    _, languages = _language(translator)
    page = event_page(translator.builder.env, node["docname"])
    translator.body.append(
        translator.builder.templates.render(
            "archive-event-card.html",
            {"event": event_view(translator, page), "languages": languages},
        )
    )
    raise nodes.SkipNode


def visit_event_list(translator: Any, node: event_list) -> None:
    lang, languages = _language(translator)
    env = translator.builder.env
    groups = [
        (
            year,
            [
                (event, _uri(translator, event.docname), _title(translator, event.docname))
                for event in views
            ],
        )
        for year, views in by_year(events(env), lang, translations(env), languages.get(lang, {}))
    ]
    translator.body.append(
        translator.builder.templates.render(
            "archive-event-list.html",
            {"groups": groups, "level": node["heading_level"]},
        )
    )
    raise nodes.SkipNode


def visit_speaker_index(translator: Any, node: speaker_index) -> None:
    lang, _ = _language(translator)
    pages = events(translator.builder.env)
    titles = {page.docname: _title(translator, page.docname) for page in pages}
    found = speakers(pages, titles, lang, translations(translator.builder.env))
    entries = [(entry, _uri(translator, entry.docname)) for entry in found]
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
    app.add_css_file("archive-events.css")
    app.setup_extension("pytorchkr_archive.events.feeds")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
