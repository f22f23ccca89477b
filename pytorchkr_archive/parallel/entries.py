"""Where each message of a page stands in its catalog: line, fuzzy or not, proposed text.

Sphinx reads the compiled catalog, in which a fuzzy message is no message at
all: the parallel view reads the ``.po`` file itself, as gettext reads it
(:func:`pytorchkr_archive.catalogs.reader.read_file`, the build's one
reading of each file), to say that a block awaits review, to show what is
proposed, and to link the line a translator edits.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pytorchkr_archive.catalogs.reader import read_file


@dataclass(frozen=True)
class CatalogEntry:
    """A message's entry in one catalog file."""

    path: Path
    line: int
    fuzzy: bool
    #: The translation, fuzzy or not; empty when there is none.
    text: str


#: (msgctxt, msgid) -> entry, for one file.
Entries = dict[tuple[str | None, str], CatalogEntry]


def catalog_entries(path: Path) -> Entries:
    """The current messages of a ``.po`` file (none if it is missing or unreadable)."""
    reading = read_file(path)
    if reading is None or reading.errors:
        return {}
    return {
        (entry.msgctxt, entry.msgid): CatalogEntry(
            path, entry.line, entry.fuzzy, entry.msgstr[0] if entry.msgstr else ""
        )
        for entry in reading.entries
        if not (entry.obsolete or entry.is_header or entry.msgid_plural is not None)
    }


def page_catalog(locale_dirs: list[Path], lang: str, domain: str) -> Path | None:
    """The ``.po`` file of a page's domain in ``lang``: the first locale folder that has it."""
    for locale_dir in locale_dirs:
        path = locale_dir / lang / "LC_MESSAGES" / f"{domain}.po"
        if path.is_file():
            return path
    return None
