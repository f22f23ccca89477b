"""The events' facts in the language being built, from each event's own catalog.

An event's card, the listings (every event), the speakers index and the
feeds show facts of many events on one page, so each build reads the
metadata messages of every event page's catalog in its language, once, at
``builder-inited``: a message is used when it is translated and not fuzzy;
otherwise the English shows, and the field counts as untranslated in the
page's notice as any paragraph does (``make stats`` counts it in the
catalog).  The catalogs are read as gettext reads them
(:mod:`pytorchkr_archive.catalogs.reader`); one gettext cannot read gives no
translation (the build's catalog gate reports it), and so does a message the
gate refuses (a control character, markup of its own): the English shows.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pytorchkr_archive.catalogs.reader import read_file
from pytorchkr_archive.events.collection import EventPage
from pytorchkr_archive.events.messages import FieldMessage


@dataclass
class Translations:
    """Every event's translated facts in one language, by page."""

    by_page: dict[str, dict[tuple[str, str], str]] = field(default_factory=dict)
    #: The events' field messages each catalog holds, by its page: an event
    #: page's own facts, the speakers page's people (context, English).
    asked: dict[str, set[tuple[str, str]]] = field(default_factory=dict)

    def text(self, docname: str, message: FieldMessage) -> str:
        """The field in the built language, or its English."""
        strings = self.by_page.get(message.domain or docname, {})
        return strings.get((message.context, message.text), message.text)

    def translated(self, docname: str, message: FieldMessage) -> bool:
        return (message.context, message.text) in self.by_page.get(message.domain or docname, {})

    def count(self, docname: str) -> tuple[int, int]:
        """(translated, total) of the events' field messages ``docname``'s catalog
        holds, each distinct message once: an event's facts on its page, the
        people's names on the speakers page."""
        asked = self.asked.get(docname, set())
        strings = self.by_page.get(docname, {})
        return sum(key in strings for key in asked), len(asked)


def catalog_strings(
    path: Path, refused: Collection[tuple[str, int]] = frozenset()
) -> dict[tuple[str, str], str]:
    """The translated, not fuzzy messages of a catalog that have a context,
    except those the build's catalog gate refuses (``(file, line)`` pairs):
    as in the pages, a refused translation is never shown."""
    reading = read_file(path)
    if reading is None or reading.errors:
        return {}
    name = str(path.resolve())
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr[0]
        for entry in reading.entries
        if entry.msgctxt is not None
        and not entry.obsolete
        and not entry.fuzzy
        and entry.msgid_plural is None
        and entry.msgstr[0]
        and (name, entry.line) not in refused
    }


def load_translations(
    pages: Iterable[EventPage],
    locale_dirs: Iterable[Path],
    lang: str,
    refused: Collection[tuple[str, int]] = frozenset(),
) -> Translations:
    """The translated facts of every event page in ``lang``, leaving out refused ones."""
    translations = Translations()
    locale_dirs = list(locale_dirs)
    for page in pages:
        for message in page.messages:
            held = translations.asked.setdefault(message.domain or page.docname, set())
            held.add((message.context, message.text))
    for docname in translations.asked:
        strings: dict[tuple[str, str], str] = {}
        for locale_dir in locale_dirs:
            path = locale_dir / lang / "LC_MESSAGES" / f"{docname}.po"
            strings = {**catalog_strings(path, refused), **strings}
        translations.by_page[docname] = strings
    return translations
