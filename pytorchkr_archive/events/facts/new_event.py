"""``make new-event DATE=YYYY-MM-DD SLUG=...``: start the page of the next event.

It writes ``events/<date>-<slug>.md`` from a template that has every field of
the event schema (``docs/events.md``), with the date filled in and a ``TODO``
wherever a fact is to come, and a skeleton of the recap (of the
announcement, for an event still ahead: then its registration link comes
first); then it tells the organizer what comes next.  Every ``TODO`` is an
error for ``make check`` and the build until it is replaced
(:mod:`.collection`), so nothing half filled is published.  It refuses to
overwrite a page, and checks the date and the slug: a refusal is one line
that says what to write, not a usage text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from string import Template

from pytorchkr_archive.events.facts.collection import EVENTS_DIR, event_files
from pytorchkr_archive.events.facts.schedule import ClockError, build_clock
from pytorchkr_archive.events.facts.schema import FILE_NAME
from pytorchkr_archive.problems import shown_path
from pytorchkr_archive.project import project_languages

TEMPLATE = Path(__file__).with_name("event-template.md")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

#: The parts of the template that depend on whether the event is ahead.
AHEAD = {
    "registration": (
        "  registration: https://TODO  # the registration page's URL, first on the card\n"
    ),
    "was": "will be",
    "announcement": (
        "  # announcement: shown until the event is over: what to expect, how to register\n"
        '  announcement: "TODO: a short announcement."\n'
    ),
    "body": (
        "# TODO: the event's title\n\n"
        "TODO: what the event will be. After the event, the recap replaces this.\n"
    ),
}
PAST = {
    "registration": "  # registration: https://TODO  (optional) the registration page\n",
    "was": "was",
    "announcement": "",
    "body": (
        "# TODO: the recap's title\n\n"
        "TODO: the first paragraph of the recap: what the event was, where and when.\n\n"
        "## TODO: the first talk\n\n"
        "TODO: what the talk was about.\n"
    ),
}

NEXT_STEPS = """\
Created {path}.

Next:
  1. Replace every TODO in {path}: the event's facts in its
     front matter (docs/events.md explains each field), its title and its text.
     Until none is left, make check, make update-po and make html refuse the
     page, naming each TODO at its line.
  2. make check          validate the page's metadata and the catalogs
  3. make update-po      create its catalogs: {catalog}
  4. Translate it (CONTRIBUTING.md), then make check again.
  5. make html           the event is on the landing page, in events/, in the
                         speakers index and in the feeds, in every language.
"""


class Refused(Exception):
    """What the organizer asked for cannot be done: the message says what to write."""


def page_path(source: Path, date_text: str, slug: str) -> tuple[Path, dt.date]:
    """The new page's path and the event's date, once both are known to be right."""
    if not date_text.strip():
        raise Refused("DATE is missing: make new-event DATE=YYYY-MM-DD SLUG=name")
    try:
        date = dt.date.fromisoformat(date_text)
    except ValueError:
        raise Refused(f"DATE={date_text!r} is not a date: write it as YYYY-MM-DD") from None
    if not SLUG.match(slug):
        raise Refused(
            f"SLUG={slug!r}: use lower-case letters, digits and hyphens, "
            "such as pytorch-conference"
        )
    # Every page counts, a half-filled or a broken one too, not only the valid events.
    for other in event_files(source):
        name = FILE_NAME.match(other.stem)
        if name and name["slug"] == slug:
            taken = shown_path(other, source)
            raise Refused(f"SLUG={slug!r} is already the slug of {taken}: choose another")
    path = source / EVENTS_DIR / f"{date.isoformat()}-{slug}.md"
    if path.exists():
        raise Refused(f"{path} already exists: it is not overwritten")
    return path, date


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m pytorchkr_archive.events.facts.new_event``)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytorchkr_archive.events.facts.new_event",
        description="Create the page of a new event from the template.",
    )
    parser.add_argument("--date", required=True, help="the event's date, YYYY-MM-DD")
    parser.add_argument(
        "--slug", required=True, help="a short name: lower-case letters, digits and hyphens"
    )
    parser.add_argument("--source", type=Path, default=Path(), help="project folder")
    args = parser.parse_args(argv)
    try:
        path, date = page_path(args.source, args.date, args.slug)
        today = build_clock().date()
    except (Refused, ClockError) as error:
        print(f"new-event: error: {error}", file=sys.stderr)
        return 2
    # An event ahead gets a registration link and an announcement to fill in.
    parts = AHEAD if date >= today else PAST
    text = Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        date=date.isoformat(), **parts
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    shown = path.relative_to(args.source).as_posix() if path.is_relative_to(args.source) else path
    languages = project_languages(args.source).translations
    catalog = ", ".join(
        f"locale/{code}/LC_MESSAGES/{EVENTS_DIR}/{path.stem}.po" for code in languages
    )
    print(NEXT_STEPS.format(path=shown, catalog=catalog or "(no language besides English)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
