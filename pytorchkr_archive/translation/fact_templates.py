"""Event facts in the message templates Sphinx's own gettext builder writes.

An event page's template gets the page's facts at its top: each translatable
field of the front matter (:mod:`pytorchkr_archive.events.facts.messages`) as a
message with its context, a translator comment naming the field and the
field's line.  Sphinx's gettext builder writes neither contexts nor
comments, so they are added to the templates it wrote, at ``build-finished``
of the same run.

Being part of the build, not of ``make gettext`` alone, is what keeps the
translations: ``sphinx-build -b gettext`` followed by ``sphinx-intl
update`` (what Sphinx's and sphinx-intl's documentation teach), Poedit's or
Weblate's "update from POT" and ``msgmerge`` all see the facts, and none of
them makes a fact's translation obsolete.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from sphinx.application import Sphinx
from sphinx.builders.gettext import MessageCatalogBuilder

from pytorchkr_archive.catalogs.files import load, render
from pytorchkr_archive.events.facts.built import events
from pytorchkr_archive.events.facts.collection import EventPage
from pytorchkr_archive.record.people import SPEAKERS_DOC


def event_messages(
    pages: list[EventPage], source: Path, out: Path, domain: str = ""
) -> list[Message]:
    """The messages of events' facts in ``domain``'s catalog (the event's own,
    or a shared one, such as the people's names), one per distinct text and
    context, with every place that names it."""
    merged: dict[tuple[str, str], Message] = {}
    originals: dict[tuple[str, str], set[str]] = {}
    for page in pages:
        path = source / f"{page.docname}.md"
        location = os.path.relpath(path, out).replace(os.sep, "/")
        for field in page.messages:
            if field.domain != domain:
                continue
            key = (field.context, field.text)
            if key not in merged:
                merged[key] = Message(field.text, context=field.context, flags=())
            merged[key].locations.append((location, field.line))
            where = f"{page.docname}: " if domain else ""
            merged[key].auto_comments.append(f"event: {where}{field.field}")
            if field.original:
                originals.setdefault(key, set()).add(field.original)
    for key, languages in originals.items():
        merged[key].auto_comments += [f"original: {code}" for code in sorted(languages)]
    return list(merged.values())


def add_event_messages(page: EventPage, source: Path, out: Path, title: str = "") -> None:
    """Put an event's facts at the top of its page's template; where the sources
    name the event in another language, its ``title`` says so too."""
    original = page.event.original_language
    add_messages(
        out / f"{page.docname}.pot",
        event_messages([page], source, out),
        {title: f"original: {original}"} if original and title else {},
    )


def add_messages(pot: Path, wanted: list[Message], comments: dict[str, str] | None = None) -> None:
    """Put ``wanted`` at the top of a template, and the ``comments`` on the page's
    messages they name (once: a template that has them already, unchanged
    since, is left as it is)."""
    if not pot.is_file():
        return
    template = load(pot)
    facts = Catalog(header_comment=template.header_comment, fuzzy=template.fuzzy)
    facts.mime_headers = template.mime_headers
    for message in [*wanted, *(m for m in template if m.id and not m.context)]:
        comment = (comments or {}).get(message.id) if not message.context else None
        if comment and comment not in message.auto_comments:
            message.auto_comments.append(comment)
        facts[message.id] = message
    rendered = render(facts)
    if pot.read_bytes() != rendered:
        pot.write_bytes(rendered)


def add_facts_to_templates(app: Sphinx, exception: Exception | None) -> None:
    """After the gettext builder wrote its templates, add each event's facts to its page's."""
    if exception or not isinstance(app.builder, MessageCatalogBuilder):
        return
    pages = events(app.env)
    for page in pages:
        title = app.env.titles.get(page.docname)
        add_event_messages(
            page, Path(app.srcdir), Path(app.outdir), title.astext() if title else ""
        )
    # The people's names, once each, in the speakers page's template.
    shared = event_messages(pages, Path(app.srcdir), Path(app.outdir), SPEAKERS_DOC)
    add_messages(Path(app.outdir) / f"{SPEAKERS_DOC}.pot", shared)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the step after the gettext builder."""
    app.connect("build-finished", add_facts_to_templates)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
