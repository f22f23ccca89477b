"""Where an event's generated HTML goes in a page, and how it is put there.

The directives and the card put these nodes into the doctree; each is
written at HTML-writing time, in the language being built, by a Jinja
template (``pages/templates/archive-*.html``, whose labels are translated
through ``sphinx.po``), from the view of each event
(:mod:`pytorchkr_archive.events.facts.built`).  Other formats than HTML
show none of it.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes

from pytorchkr_archive.events.facts.built import title_of


class event_card(nodes.General, nodes.Element):
    """Where an event page's card goes."""


class event_list(nodes.General, nodes.Element):
    """Where the list of events goes."""


class event_programme(nodes.General, nodes.Element):
    """Where an event page's programme goes: at the end of its page."""


class speaker_index(nodes.General, nodes.Element):
    """Where the index of speakers goes."""


def skip(translator: Any, node: nodes.Element) -> None:
    """Other formats than HTML do not show generated listings."""
    raise nodes.SkipNode


def language_of(translator: Any) -> tuple[str, dict[str, dict[str, str]]]:
    """The language being written, and the project's table of languages."""
    config = translator.builder.config
    return config.language or config.archive_default_language, config.archive_languages


def uri_from(translator: Any, docname: str) -> str:
    """``docname``'s URI relative to the page being written."""
    return translator.builder.get_relative_uri(translator.builder.current_docname, docname)


def title_from(translator: Any, docname: str) -> str:
    """``docname``'s title in the language being written."""
    return title_of(translator.builder.env, docname)


def compact(html: str) -> str:
    """Rendered HTML without the template's indentation, which is for its
    readers: a page weighs less without it (no preformatted text is here)."""
    return "\n".join(filter(None, map(str.strip, html.splitlines()))) + "\n"
