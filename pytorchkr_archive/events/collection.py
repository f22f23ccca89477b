"""All the events of the archive, read from their pages and checked together."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pytorchkr_archive.events.messages import FieldMessage, field_messages
from pytorchkr_archive.events.schema import FILE_NAME, Event, Problem, load_event
from pytorchkr_archive.problems import shown_path

#: Where event pages are, relative to the project.
EVENTS_DIR = "events"


@dataclass(frozen=True)
class EventPage:
    """An event and its page."""

    docname: str
    slug: str
    event: Event
    #: Its translatable fields, as messages of the page's catalog.
    messages: tuple[FieldMessage, ...] = ()


def event_files(srcdir: Path) -> list[Path]:
    """The event pages: every ``events/*.md`` but the folder's index."""
    folder = srcdir / EVENTS_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.md") if p.stem != "index")


def collect(srcdir: Path) -> tuple[list[EventPage], list[Problem]]:
    """Every valid event, newest first, and every problem found on the way."""
    pages: list[EventPage] = []
    problems: list[Problem] = []
    by_slug: dict[str, str] = {}
    for path in event_files(srcdir):
        shown = shown_path(path, srcdir)
        name = FILE_NAME.match(path.stem)
        if not name:
            problems.append(
                Problem(
                    shown,
                    1,
                    "file name",
                    "an event page is named "
                    "YYYY-MM-DD-slug.md (lower-case letters, digits and "
                    "hyphens in the slug)",
                )
            )
            continue
        event, found = load_event(path, shown)
        problems += found
        slug = name.group("slug")
        if slug in by_slug:
            problems.append(
                Problem(
                    shown,
                    1,
                    "slug",
                    f"{slug!r} is already the slug of "
                    f"{by_slug[slug]}: give this event another one",
                )
            )
        by_slug.setdefault(slug, shown)
        if event is None:
            continue
        if event.date.isoformat() != name.group("date"):
            problems.append(
                Problem(
                    shown,
                    1,
                    "event.date",
                    f"the page is named for "
                    f"{name.group('date')} but its date is {event.date}: "
                    "make them agree",
                )
            )
            continue
        if event.end <= event.start:
            problems.append(Problem(shown, 1, "event.end", "the event ends before it starts"))
            continue
        docname = f"{EVENTS_DIR}/{path.stem}"
        pages.append(EventPage(docname, slug, event, field_messages(path, event)))
    pages.sort(key=lambda page: (page.event.date, page.docname), reverse=True)
    return pages, sorted(problems)
