"""An event's translatable facts, as gettext messages of the event page's catalog.

The front matter holds the English; each text a reader sees translated is a
message, extracted into the page's own catalog by ``make gettext`` and
``make update-po`` (:mod:`pytorchkr_archive.translation.extract`), at the
top, before the recap's paragraphs.  A message carries:

A speaker's name is the exception: one message per person, in the speakers
page's catalog (``speakers.po``), shared by every event that names them
(:mod:`pytorchkr_archive.record.people`).  Each message carries:

* a context (``msgctxt``) naming the kind of field, since the same English
  can need two translations as a speaker's name and as a talk's title, and
  so that a translation made for one event is offered for the next
  (``make update-po`` fills it in from another catalog, marked fuzzy);
* a translator comment naming the field
  (``#. event: sessions[2].speakers[0].name``);
* the line of the field in the page, as its location;
* where the sources name the event in another language
  (``original_language: ko``), a second comment, ``#. original: ko``, on
  each of the names they give (not on the archive's own sentences, such as
  the summary): that translation is the sources' text, the English is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pytorchkr_archive.events.facts.schema import Event, front_matter, line_of, parse
from pytorchkr_archive.record.people import NAME_CONTEXT, SPEAKERS_DOC, People

#: The fields that are the archive's own words, never the sources' names.
OWN_WORDS = {("author",), ("summary",), ("announcement",)}

#: The translatable fields and the context of their messages.
CONTEXTS = {
    ("city",): "event city",
    ("country",): "event country",
    ("venue", "name"): "venue name",
    ("venue", "address"): "venue address",
    ("announcement",): "event announcement",
    ("sponsor", "name"): "sponsor name",
    ("author",): "recap author",
    ("summary",): "event summary",
    ("sessions", "title"): "session title",
    ("sessions", "speakers", "name"): NAME_CONTEXT,
    ("sessions", "video", "reason"): "video limitation",
    ("related_links", "title"): "related link title",
}


@dataclass(frozen=True)
class FieldMessage:
    """One translatable field of an event: its place, its context, its English,
    and the page whose catalog holds it when it is not the event's own (a
    person's name is the speakers page's, translated once for every event)."""

    field: str
    context: str
    text: str
    line: int
    domain: str = ""
    #: The language the text was first written in, where it is not English.
    original: str | None = None


def _values(event: Event) -> list[tuple[tuple, tuple, str]]:
    """(location in the data, kind of field, English) for every translatable field."""
    found: list[tuple[tuple, tuple, str]] = []
    for key in ("city", "country", "author", "summary", "announcement"):
        value = getattr(event, key)
        if value:
            found.append(((key,), (key,), value))
    for key in ("venue", "sponsor"):
        organization = getattr(event, key)
        if organization:
            found.append(((key, "name"), (key, "name"), organization.name))
    if event.venue and event.venue.address:
        found.append((("venue", "address"), ("venue", "address"), event.venue.address))
    for index, session in enumerate(event.sessions):
        found.append((("sessions", index, "title"), ("sessions", "title"), session.title))
        for number, speaker in enumerate(session.speakers):
            found.append(
                (
                    ("sessions", index, "speakers", number, "name"),
                    ("sessions", "speakers", "name"),
                    speaker.name,
                )
            )
        if session.video and session.video.reason:
            found.append(
                (
                    ("sessions", index, "video", "reason"),
                    ("sessions", "video", "reason"),
                    session.video.reason,
                )
            )
    for index, link in enumerate(event.related_links):
        found.append((("related_links", index, "title"), ("related_links", "title"), link.title))
    return found


def _field_name(location: tuple) -> str:
    return "event" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in location)


def field_messages(
    path: Path, event: Event, people: People | None = None
) -> tuple[FieldMessage, ...]:
    """The messages of an event page's translatable fields, in the page's order;
    a speaker's is the name ``people`` knows them by, in the speakers page's catalog."""
    people = people or People()
    source, offset = front_matter(path.read_text(encoding="utf-8")) or ("", 1)
    document, _ = parse(source)
    event_node = next((v for k, v in getattr(document, "value", []) if k.value == "event"), None)
    messages = []
    for location, kind, text in _values(event):
        line = line_of(event_node, location, offset, offset)
        context = CONTEXTS[kind]
        if context == NAME_CONTEXT:
            text, domain = people.name(text), SPEAKERS_DOC
        else:
            domain = ""
        original = None if kind in OWN_WORDS else event.original_language
        messages.append(
            FieldMessage(_field_name(location)[6:], context, text, line, domain, original)
        )
    return tuple(sorted(messages, key=lambda m: m.line))
