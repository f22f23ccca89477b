"""The series of events (the record's ``_groups``): one page each, under ``series/``.

A series is a MyST page, ``series/<uid>.md``, whose title is the series'
name (translated in its catalog like any page) and whose listing shows its
events; the uid is the file's name, as an event's ``group_ids`` names it.
Knowing which series exist needs only the folder, so ``make check`` can
tell an event that names a series no page describes.
"""

from __future__ import annotations

import difflib
from pathlib import Path

#: Where series pages are, relative to the project.
SERIES_DIR = "series"


def series_ids(srcdir: Path) -> tuple[str, ...]:
    """The uids of the series the project describes (``series/*.md`` but its index)."""
    folder = Path(srcdir) / SERIES_DIR
    if not folder.is_dir():
        return ()
    return tuple(sorted(p.stem for p in folder.glob("*.md") if p.stem != "index"))


def unknown_series(uid: str, known: tuple[str, ...]) -> str:
    """Why ``uid`` is not a series, and what to write instead."""
    close = difflib.get_close_matches(uid, known, n=1, cutoff=0.6)
    if close:
        return f"no series is named {uid!r}: did you mean {close[0]!r}?"
    listed = ", ".join(known) if known else "none yet"
    return (
        f"no series is named {uid!r} (the series are {listed}): to start one, add "
        f"{SERIES_DIR}/{uid}.md with its name as the title (docs/events.md)"
    )


def series_docname(uid: str) -> str:
    """The page of a series."""
    return f"{SERIES_DIR}/{uid}"
