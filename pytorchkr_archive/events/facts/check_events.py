"""``make check`` (with ``make check-po``): are the event pages' metadata valid?

The same validation as the build (:mod:`pytorchkr_archive.events`), without
building: every problem is printed as ``file:line: field: what to do``, and
the exit status is 1 if there is any.  A ``TODO`` left from ``make
new-event``'s template is one of them, as it is for the build: a page is
checked, and published, once it is filled in.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pytorchkr_archive.events.facts.collection import ENGLISH, EVENTS_DIR, collect, event_files
from pytorchkr_archive.events.facts.schedule import ClockError, build_clock
from pytorchkr_archive.project import Languages, project_languages


def languages_of(source: Path) -> Languages:
    """The project's languages (``conf.py``), which messages name catalogs by."""
    return project_languages(source) if (source / "conf.py").is_file() else ENGLISH


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m pytorchkr_archive.events.facts.check_events``)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytorchkr_archive.events.facts.check_events",
        description=f"Validate the metadata of every event page ({EVENTS_DIR}/*.md): required "
        "and unknown fields, dates, times, time zones, URLs, file names, unique slugs, "
        "TODOs left from the template and translations written in the front matter.",
    )
    parser.add_argument("--source", type=Path, default=Path(), help="project folder")
    args = parser.parse_args(argv)
    try:
        today = build_clock().date()
    except ClockError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    _, problems = collect(args.source, languages_of(args.source), today)
    for problem in problems:
        print(problem)
    pages_seen = len(event_files(args.source))
    print(f"check-events: {len(problems)} problem(s) in {pages_seen} event page(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
