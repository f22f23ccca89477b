"""Event facts in the message templates Sphinx's own gettext builder writes.

An event page's template gets the page's facts at its top: each translatable
field of the front matter (:mod:`pytorchkr_archive.events.messages`) as a
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
from pytorchkr_archive.events.built import events
from pytorchkr_archive.events.collection import EventPage


def event_messages(page: EventPage, source: Path, out: Path) -> list[Message]:
    """The messages of an event's facts, one per distinct text and context."""
    path = source / f"{page.docname}.md"
    location = os.path.relpath(path, out).replace(os.sep, "/")
    merged: dict[tuple[str, str], Message] = {}
    for field in page.messages:
        key = (field.context, field.text)
        if key not in merged:
            merged[key] = Message(field.text, context=field.context, flags=())
        merged[key].locations.append((location, field.line))
        merged[key].auto_comments.append(f"event: {field.field}")
    return list(merged.values())


def add_event_messages(page: EventPage, source: Path, out: Path) -> None:
    """Put an event's facts at the top of its page's template (once: a template
    that has them already, unchanged since, is left as it is)."""
    pot = out / f"{page.docname}.pot"
    if not pot.is_file():
        return
    template = load(pot)
    facts = Catalog(header_comment=template.header_comment, fuzzy=template.fuzzy)
    facts.mime_headers = template.mime_headers
    wanted = event_messages(page, source, out)
    for message in [*wanted, *(m for m in template if m.id and not m.context)]:
        facts[message.id] = message
    rendered = render(facts)
    if pot.read_bytes() != rendered:
        pot.write_bytes(rendered)


def add_facts_to_templates(app: Sphinx, exception: Exception | None) -> None:
    """After the gettext builder wrote its templates, add each event's facts to its page's."""
    if exception or not isinstance(app.builder, MessageCatalogBuilder):
        return
    for page in events(app.env):
        add_event_messages(page, Path(app.srcdir), Path(app.outdir))


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the step after the gettext builder."""
    app.connect("build-finished", add_facts_to_templates)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
