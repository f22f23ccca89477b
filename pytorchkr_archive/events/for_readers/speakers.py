"""The people: the speakers' index, and a page for each person.

``{speaker-index}`` lists every speaker of the record with their number of
talks, and each person gets a generated page (``speakers/<slug>``) with
their sessions across events, newest first, in the language built; both
come from the sessions of each event's view
(:func:`pytorchkr_archive.events.facts.event_view.speakers`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from pytorchkr_archive.events.facts.built import events, events_built, title_of
from pytorchkr_archive.events.facts.collection import load_people
from pytorchkr_archive.events.facts.event_view import SpeakerEntry, speakers
from pytorchkr_archive.events.for_readers.nodes import (
    compact,
    language_of,
    speaker_index,
    title_from,
    uri_from,
)
from pytorchkr_archive.pages.languages import current_language
from pytorchkr_archive.pages.site_pages import unchanged
from pytorchkr_archive.record.people import SPEAKERS_DOC, person_docname, person_slug


def visit_speaker_index(translator: Any, node: speaker_index) -> None:
    lang, _ = language_of(translator)
    pages = events(translator.builder.env)
    titles = {page.docname: title_from(translator, page.docname) for page in pages}
    talks: dict[str, list[SpeakerEntry]] = {}
    views = events_built(translator.builder.config, translator.builder.env).view
    for entry in speakers(pages, titles, lang, views):
        talks.setdefault(entry.key, []).append(entry)
    people = [
        (entries[0].speaker, len(entries), uri_from(translator, person_docname(key)))
        for key, entries in talks.items()
    ]
    html = translator.builder.templates.render("archive-speaker-index.html", {"people": people})
    translator.body.append(compact(html))
    raise nodes.SkipNode


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
