"""An event page's card (its facts, after its title) and its programme.

The card and the programme are put into an event page's doctree when it is
read (:func:`add_card`), and written with the page from the event's view in
the language being built (:func:`card_view`: the view of
:mod:`pytorchkr_archive.events.facts.built`, with the page's calendar file
and the links to its series).  A page with a video gets the video buttons'
script.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from pytorchkr_archive.events.facts.built import event_page, events, events_built, title_of
from pytorchkr_archive.events.facts.collection import EventPage
from pytorchkr_archive.events.facts.places import calendar_path
from pytorchkr_archive.events.for_readers.nodes import (
    compact,
    event_card,
    event_programme,
    language_of,
)
from pytorchkr_archive.record.people import person_docname
from pytorchkr_archive.record.series import series_docname

#: The video buttons' script (pages/static), on the pages that have a video.
VIDEO_SCRIPT = "archive-video.js"


def add_card(app: Sphinx, doctree: nodes.document) -> None:
    """Put the event card after an event page's title, and its programme at its end."""
    docname = app.env.docname
    if not any(page.docname == docname for page in events(app.env)):
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None or not isinstance(section[0], nodes.title):
        return
    section.insert(1, event_card(docname=docname))
    page = event_page(app.env, docname)
    if page is not None and page.event.sessions:
        section.append(event_programme(docname=docname))


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


def visit_event_card(translator: Any, node: event_card) -> None:
    _, languages = language_of(translator)
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
