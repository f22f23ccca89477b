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

import argparse
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import denormalize, normalize, read_po, write_po

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


def add_catalog_arguments(parser: argparse.ArgumentParser, language_help: str) -> None:
    """The options every catalog command takes: the locale folder and languages."""
    parser.add_argument("--locale-dir", type=Path, default=Path("locale"), help="default: locale")
    parser.add_argument("-l", "--language", action="append", dest="languages", help=language_help)


def load(path: Path) -> Catalog:
    """Read a catalog (the caller has checked it is well-formed)."""
    with path.open("rb") as f:
        catalog = read_po(f, abort_invalid=True)
    for message in (*catalog, *catalog.obsolete.values()):
        _restore_previous_id(message)
    return catalog


def _restore_previous_id(message) -> None:
    """Turn Babel's reading of ``#| msgid "..."`` back into the previous msgid.

    Babel writes a fuzzy message's previous source text as ``#|`` lines but
    reads them back as translator comments; written again, they would turn
    into ``# | msgid`` comments and the previous text would be lost.
    """
    previous: dict[str, list[str]] = {}
    kept, current = [], None
    for comment in message.user_comments:
        if not comment.startswith("|"):
            kept.append(comment)
            continue
        body = comment[1:].strip()
        keyword, _, rest = body.partition(" ")
        if keyword in ("msgid", "msgid_plural"):
            current = keyword
            previous[current] = [rest.strip()]
        elif body.startswith('"') and current:
            previous[current].append(body)
        else:
            kept.append(comment)
    if "msgid" in previous:
        ids = [denormalize("\n".join(previous["msgid"]))]
        if "msgid_plural" in previous:
            ids.append(denormalize("\n".join(previous["msgid_plural"])))
        message.previous_id = ids
        message.user_comments = kept


_PREVIOUS_MARK = "archive-previous-msgid:"


def render(catalog: Catalog) -> bytes:
    """A catalog in the archive's format: unwrapped, previous msgids kept, obsolete kept.

    Babel wraps ``#|`` lines like comments, at 76 columns and inside the
    quoted string, which no reader parses back; so the previous msgids are
    written here, unwrapped, where GNU gettext puts them (right before
    ``msgid``).
    """
    previous: dict[str, str] = {}
    for number, message in enumerate(m for m in catalog if m.previous_id):
        mark = f"{_PREVIOUS_MARK}{number}"
        previous[mark] = _previous_lines(message.previous_id)
        message.auto_comments.append(mark)
    buffer = io.BytesIO()
    try:
        write_po(buffer, catalog, width=WIDTH, include_previous=False, ignore_obsolete=False)
    finally:
        for message in catalog:
            message.auto_comments = [c for c in message.auto_comments if c not in previous]
    lines, pending = [], None
    for line in buffer.getvalue().decode(catalog.charset or "utf-8").split("\n"):
        if line.startswith(f"#. {_PREVIOUS_MARK}"):
            pending = previous[line[3:]]
            continue
        if pending and line.startswith(("msgctxt ", "msgid ")):
            lines.append(pending)
            pending = None
        lines.append(line)
    # Babel ends the file with a blank line that msgcat and Poedit do not write.
    return ("\n".join(lines).rstrip("\n") + "\n").encode(catalog.charset or "utf-8")


def _previous_lines(previous_id: list[str]) -> str:
    lines = [f"#| msgid {normalize(previous_id[0], prefix='#| ', width=WIDTH)}"]
    if len(previous_id) > 1:
        lines.append(f"#| msgid_plural {normalize(previous_id[1], prefix='#| ', width=WIDTH)}")
    return "\n".join(lines)


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
