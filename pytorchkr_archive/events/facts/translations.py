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

Every event's catalog is read at every build, as every page shows facts of
many events; with hundreds of events that was most of a translator's
rebuild after one edit.  So the messages each catalog gives (with their
lines, for the gate's refusals, which can change without the catalog) are
kept beside the doctrees under a digest of its bytes and of this reading's
code (:func:`load_translations`'s ``cache``): only a catalog that changed is
read again.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pytorchkr_archive.catalogs import reader
from pytorchkr_archive.catalogs.reader import read_file
from pytorchkr_archive.events.facts.collection import EventPage
from pytorchkr_archive.events.facts.messages import FieldMessage
from pytorchkr_archive.pages.site_pages import write_if_changed


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


#: What a catalog gives: ``(msgctxt, msgid, msgstr, line)`` of each message
#: shown when not refused; none when gettext cannot read the catalog.
Facts = list[tuple[str, str, str, int]]


def catalog_facts(path: Path) -> Facts:
    """The translated, not fuzzy messages of a catalog that have a context,
    with the line of each."""
    reading = read_file(path)
    if reading is None or reading.errors:
        return []
    return [
        (entry.msgctxt, entry.msgid, entry.msgstr[0], entry.line)
        for entry in reading.entries
        if entry.msgctxt is not None
        and not entry.obsolete
        and not entry.fuzzy
        and entry.msgid_plural is None
        and entry.msgstr[0]
    ]


def shown_strings(
    path: Path, facts: Facts, refused: Collection[tuple[str, int]]
) -> dict[tuple[str, str], str]:
    """The facts of the catalog at ``path``, except those the build's catalog
    gate refuses (``(file, line)`` pairs): as in the pages, a refused
    translation is never shown."""
    name = str(path.resolve())
    return {
        (context, text): translated
        for context, text, translated, line in facts
        if (name, line) not in refused
    }


def code_digest() -> str:
    """What the kept facts also depend on: the code that reads them."""
    sha = hashlib.sha256()
    for module in (reader, sys.modules[__name__]):
        sha.update(Path(module.__file__ or "").read_bytes())
    return sha.hexdigest()


class FactsCache:
    """Each catalog's facts, kept in a file under a digest of its bytes."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.key = code_digest() if path is not None else ""
        self.kept: dict[str, list] = {}
        self.used: dict[str, list] = {}
        if path is not None:
            try:
                cache = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                cache = {}
            if isinstance(cache, dict) and cache.get("key") == self.key:
                self.kept = cache.get("catalogs", {})

    def facts(self, path: Path) -> Facts:
        """The catalog's facts, read again only if its bytes changed."""
        if self.path is None:
            return catalog_facts(path)
        try:
            data = path.read_bytes()
        except OSError:
            return []
        digest = hashlib.sha256(data).hexdigest()
        name = str(path)
        entry = self.kept.get(name)
        if entry is None or entry[0] != digest:
            entry = [digest, [list(fact) for fact in catalog_facts(path)]]
        self.used[name] = entry
        return [tuple(fact) for fact in entry[1]]  # type: ignore[misc]

    def save(self) -> None:
        """Keep what this build read, if it changed (catalogs gone are dropped)."""
        if self.path is None or self.used == self.kept:
            return
        text = json.dumps({"key": self.key, "catalogs": self.used}, ensure_ascii=False)
        write_if_changed(self.path, text.encode("utf-8"))


def load_translations(
    pages: Iterable[EventPage],
    locale_dirs: Iterable[Path],
    lang: str,
    refused: Collection[tuple[str, int]] = frozenset(),
    cache: Path | None = None,
) -> Translations:
    """The translated facts of every event page in ``lang``, leaving out refused
    ones; with ``cache`` (a file), only the catalogs changed since it was kept
    are read."""
    translations = Translations()
    kept = FactsCache(cache)
    locale_dirs = list(locale_dirs)
    for page in pages:
        for message in page.messages:
            held = translations.asked.setdefault(message.domain or page.docname, set())
            held.add((message.context, message.text))
    for docname in translations.asked:
        strings: dict[tuple[str, str], str] = {}
        for locale_dir in locale_dirs:
            path = locale_dir / lang / "LC_MESSAGES" / f"{docname}.po"
            if path.is_file():
                strings = {**shown_strings(path, kept.facts(path), refused), **strings}
        translations.by_page[docname] = strings
    kept.save()
    return translations
