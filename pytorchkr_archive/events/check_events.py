"""``make check`` (with ``make check-po``): are the event pages' metadata valid?

The same validation as the build (:mod:`pytorchkr_archive.events`), without
building: every problem is printed as ``file:line: field: what to do``, and
the exit status is 1 if there is any.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pytorchkr_archive.events.collection import EVENTS_DIR, collect, event_files
from pytorchkr_archive.events.schema import front_matter
from pytorchkr_archive.problems import shown_path


def placeholders(source: Path) -> list[str]:
    """``file:line`` of every TODO left from the template in an event's front matter."""
    found = []
    for path in event_files(source):
        text = path.read_text(encoding="utf-8")
        matter = front_matter(text)
        if matter is None:
            continue
        block, offset = matter
        for number, line in enumerate(block.splitlines(), offset):
            if "TODO" in line.split("#", 1)[0]:
                found.append(f"{shown_path(path, source)}:{number}")
    return found


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m pytorchkr_archive.events.check_events``)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytorchkr_archive.events.check_events",
        description=f"Validate the metadata of every event page ({EVENTS_DIR}/*.md): required "
        "and unknown fields, dates, times, time zones, URLs, file names and unique slugs.",
    )
    parser.add_argument("--source", type=Path, default=Path(), help="project folder")
    args = parser.parse_args(argv)
    _, problems = collect(args.source)
    for problem in problems:
        print(problem)
    todos = placeholders(args.source)
    for where in todos:
        print(f"{where}: warning: a TODO of the template is left: replace it")
    pages_seen = len(event_files(args.source))
    print(
        f"check-events: {len(problems)} problem(s), {len(todos)} TODO(s) left, in "
        f"{pages_seen} event page(s)"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
