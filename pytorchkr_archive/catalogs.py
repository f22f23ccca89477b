"""Reading and writing the translation catalogs, in one stable format.

sphinx-intl, Babel, polib, GNU msgcat, Poedit and Weblate each wrap long
``msgid``/``msgstr`` lines their own way, so a catalog saved by one and updated
by another changes on every line.  The archive's convention is **no wrapping**:
each string on one line, split only after ``\\n``.  It is what
``msgcat --no-wrap`` writes (and Babel with ``width=0``, less its last blank
line), and what Poedit and Weblate write when told not to wrap
(CONTRIBUTING.md says where), so any of them can touch a file without
reflowing it, and a diff shows the paragraph that changed.

Every tool of the package reads and writes catalogs through this module.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

#: Line width of the convention: 0 means no wrapping.
WIDTH = 0
#: A language folder under ``locale/``: ``ko``, ``pt_BR``...
LANGUAGE_DIR = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")
_CREATION_DATE = re.compile(rb'^"POT-Creation-Date: [^"]*"\n', re.M)


@dataclass(frozen=True)
class CatalogFile:
    """One ``.po`` file: its language and the text domain (page) it translates."""

    path: Path
    lang: str
    domain: str

    def display(self, root: Path) -> str:
        """The path as people see it in messages: relative to the project if it can be."""
        try:
            return self.path.relative_to(root).as_posix()
        except ValueError:
            return self.path.as_posix()


def languages(locale_dir: Path) -> list[str]:
    """The languages that have catalogs under ``locale_dir``."""
    if not locale_dir.is_dir():
        return []
    return sorted(
        p.name
        for p in locale_dir.iterdir()
        if p.is_dir() and LANGUAGE_DIR.match(p.name) and (p / "LC_MESSAGES").is_dir()
    )


def catalog_files(locale_dir: Path, langs: list[str] | None = None) -> Iterator[CatalogFile]:
    """Every ``.po`` file of the given languages (all by default), sorted."""
    for lang in langs or languages(locale_dir):
        messages_dir = locale_dir / lang / "LC_MESSAGES"
        for path in sorted(messages_dir.rglob("*.po")):
            domain = path.relative_to(messages_dir).with_suffix("").as_posix()
            yield CatalogFile(path, lang, domain)


def load(path: Path) -> Catalog:
    """Read a catalog (the caller has checked it is well-formed)."""
    with path.open("rb") as f:
        return read_po(f, abort_invalid=True)


def render(catalog: Catalog) -> bytes:
    """A catalog in the archive's format: unwrapped, previous msgids kept, obsolete kept."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, include_previous=True, ignore_obsolete=False)
    # Babel ends the file with a blank line that msgcat and Poedit do not write.
    return buffer.getvalue().rstrip(b"\n") + b"\n"


def same_except_creation_date(old: bytes, new: bytes) -> bool:
    """Whether two renderings differ only in ``POT-Creation-Date``.

    The templates get a new creation date each time they are extracted; a
    catalog whose messages did not change keeps its bytes.
    """
    return _CREATION_DATE.sub(b"", old) == _CREATION_DATE.sub(b"", new)


def save(path: Path, catalog: Catalog) -> bool:
    """Write ``catalog`` to ``path`` unless only its creation date would change.

    Returns whether the file was written.
    """
    new = render(catalog)
    if path.is_file() and same_except_creation_date(path.read_bytes(), new):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(new)
    return True
