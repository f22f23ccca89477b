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

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from pytorchkr_archive.catalogs.reader import Entry, Reading, read

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


def load(path: Path) -> Catalog:
    """Read a catalog (the caller has checked it is well-formed) as gettext reads it."""
    return to_catalog(read(path.read_bytes()))


def _locations(comment: str) -> list[tuple[str, int | None]]:
    """The ``file:line`` references of a ``#:`` comment."""
    found = []
    for reference in comment.split():
        name, colon, line = reference.rpartition(":")
        if colon and line.isdigit():
            found.append((name, int(line)))
        else:
            found.append((reference, None))
    return found


def to_message(entry: Entry) -> Message:
    """A message of the reader as a Babel message, previous context included."""
    user, auto, locations = [], [], []
    for comment in entry.comments:
        if comment.startswith("."):
            auto.append(comment[1:].removeprefix(" "))
        elif comment.startswith(":"):
            locations += _locations(comment[1:])
        elif not comment.startswith((",", "=")):
            user.append(comment.removeprefix(" "))
    previous: list[str] = []
    if entry.previous_msgid is not None:
        previous = [entry.previous_msgid]
        if entry.previous_msgid_plural is not None:
            previous.append(entry.previous_msgid_plural)
    plural = entry.msgid_plural is not None
    message = Message(
        (entry.msgid, entry.msgid_plural) if plural else entry.msgid,
        tuple(entry.msgstr) if plural else entry.msgstr[0],
        locations=locations,
        flags=entry.flags,
        auto_comments=auto,
        user_comments=user,
        previous_id=previous,
        lineno=entry.line,
        context=entry.msgctxt,
    )
    message.previous_context = entry.previous_msgctxt  # type: ignore[attr-defined]
    return message


def to_catalog(reading: Reading) -> Catalog:
    """A well-formed reading as a Babel catalog: Babel merges, the archive reads and writes."""
    catalog = Catalog(header_comment="", fuzzy=False)
    for entry in reading.entries:
        message = to_message(entry)
        if entry.obsolete:
            catalog.obsolete[catalog._key_for(message.id, message.context)] = message
        elif entry.is_header:
            catalog[""] = message
            catalog.header_comment = "\n".join(f"# {c}".rstrip() for c in message.user_comments)
        else:
            catalog[message.id] = message
    return catalog


#: GNU gettext writes a message's flags in this order (fuzzy, then the formats).
_FLAG_ORDER = ("fuzzy", "c-format", "python-format", "python-brace-format")
#: The width at which GNU gettext breaks ``#:`` lines (it does so even with --no-wrap).
REFERENCE_WIDTH = 79
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
}
_TO_ESCAPE = re.compile('[\\\\"\a\b\f\n\r\t\v]')


def _quoted(text: str) -> str:
    return '"' + _TO_ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], text) + '"'


def _string_lines(keyword: str, text: str, prefix: str) -> list[str]:
    """``keyword "text"``, split after each line break inside the text (msgcat --no-wrap)."""
    if "\n" not in text[:-1]:
        return [f"{prefix}{keyword} {_quoted(text)}"]
    parts = re.findall(r"[^\n]*\n|[^\n]+$", text)
    return [f'{prefix}{keyword} ""', *(f"{prefix}{_quoted(part)}" for part in parts)]


def _reference_lines(locations: list[tuple[str, int | None]]) -> list[str]:
    lines, current = [], "#:"
    for name, line in locations:
        reference = f"{name}:{line}" if line is not None else name
        if current != "#:" and len(current) + 1 + len(reference) > REFERENCE_WIDTH:
            lines.append(current)
            current = "#:"
        current += " " + reference
    if current != "#:":
        lines.append(current)
    return lines


def _flags(flags: set[str]) -> str:
    known = [f for f in _FLAG_ORDER if f in flags]
    return ", ".join(known + sorted(flags - set(known)))


def message_lines(message: Message, obsolete: bool = False) -> list[str]:
    """One entry in the archive's format: GNU gettext's layout, strings unwrapped."""
    prefix = "#~ " if obsolete else ""
    lines = [f"# {c}".rstrip() for c in message.user_comments]
    lines += [f"#. {c}".rstrip() for c in message.auto_comments]
    lines += _reference_lines(list(message.locations))
    if message.flags:
        lines.append(f"#, {_flags(set(message.flags))}")
    previous_prefix = "#~| " if obsolete else "#| "
    previous_context = getattr(message, "previous_context", None)
    if message.previous_id:
        if previous_context is not None:
            lines += _string_lines("msgctxt", previous_context, previous_prefix)
        lines += _string_lines("msgid", message.previous_id[0], previous_prefix)
        if len(message.previous_id) > 1:
            lines += _string_lines("msgid_plural", message.previous_id[1], previous_prefix)
    if message.context is not None:
        lines += _string_lines("msgctxt", message.context, prefix)
    if isinstance(message.id, (list, tuple)):
        lines += _string_lines("msgid", message.id[0], prefix)
        lines += _string_lines("msgid_plural", message.id[1], prefix)
        strings = message.string if isinstance(message.string, (list, tuple)) else ()
        for index, string in enumerate(strings or ("",)):
            lines += _string_lines(f"msgstr[{index}]", string or "", prefix)
    else:
        lines += _string_lines("msgid", message.id, prefix)
        lines += _string_lines("msgstr", message.string or "", prefix)
    return lines


def render(catalog: Catalog) -> bytes:
    """A catalog in the archive's format: what ``msgcat --no-wrap`` writes.

    Written here rather than by Babel's ``write_po``, which wraps ``#|``
    lines inside their strings, and drops the flags, references and previous
    msgids of obsolete entries (a fuzzy obsolete entry would come back as a
    finished translation).
    """
    header = next(iter(catalog))
    header.string = "".join(f"{line}\n" for line in header.string.rstrip("\n").split("\n"))
    header.user_comments = []
    entries = [
        [*(catalog.header_comment.splitlines() if catalog.header_comment else []),
         *message_lines(header)],
        *(message_lines(m) for m in catalog if m.id),
        *(message_lines(m, obsolete=True) for m in catalog.obsolete.values()),
    ]  # fmt: skip
    text = "\n\n".join("\n".join(lines) for lines in entries) + "\n"
    return text.encode("utf-8")


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
