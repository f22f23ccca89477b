"""What readers see of the events: the card, the programme, the lists, the people.

Each event page gets a card of its facts after its title and its programme
at its end (:mod:`.card`); ``{event-list}`` lists the events, ahead and by
year, with a page per year of a long listing (:mod:`.listings`);
``{speaker-index}`` lists the speakers, each with a page of their talks
(:mod:`.speakers`).  The directives (:mod:`.directives`) put nodes into the
doctree (:mod:`.nodes`); each is written with its page, in the language
being built, by a Jinja template of ``pages/templates/`` from the events'
views (:mod:`pytorchkr_archive.events.facts.built`).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from pytorchkr_archive.events.for_readers import card, listings, speakers
from pytorchkr_archive.events.for_readers.directives import (
    EventListDirective,
    SpeakerIndexDirective,
)
from pytorchkr_archive.events.for_readers.nodes import (
    event_card,
    event_list,
    event_programme,
    skip,
    speaker_index,
)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the nodes, directives and event handlers of the readers' pages."""
    others = {fmt: (skip, None) for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(event_card, html=(card.visit_event_card, None), **others)
    app.add_node(event_list, html=(listings.visit_event_list, None), **others)
    app.add_node(event_programme, html=(card.visit_event_programme, None), **others)
    app.add_node(speaker_index, html=(speakers.visit_speaker_index, None), **others)
    app.add_directive("event-list", EventListDirective)
    app.add_directive("speaker-index", SpeakerIndexDirective)
    app.connect("doctree-read", listings.note_listings)
    app.connect("doctree-read", card.add_card)
    app.connect("env-get-outdated", listings.outdated_listings)
    app.connect("env-updated", listings.listings_to_write)
    app.connect("env-merge-info", listings.merge_listings)
    app.connect("env-purge-doc", listings.purge_listings)
    app.connect("html-page-context", card.add_video_script)
    app.connect("html-collect-pages", speakers.person_pages)
    app.connect("html-collect-pages", listings.listing_year_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
