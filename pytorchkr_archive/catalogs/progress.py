"""How much of a catalog is translated: one definition for every report of it.

``make stats``, ``make todo``, ``make check-po`` and the notice on an
incompletely translated page all count and round the same way: a message is
translated when it has a translation and is not fuzzy (a fuzzy or empty one
shows in English), and the share is rounded down, so that a page or a
catalog says 100 % only when nothing is left.

They also count the same messages: those the English page asks for (its
template, :mod:`pytorchkr_archive.translation.english`), not those the file
happens to hold.  A page's message that the catalog lacks, or holds only as
an obsolete entry (``#~``), shows in English on the page, so it counts as
untranslated; an entry whose English is gone is not part of the page, so it
counts as obsolete.  Without the English (a folder of catalogs alone), the
catalog's own entries are counted.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from babel.messages.catalog import Catalog, Message

STATES = ("translated", "fuzzy", "untranslated", "obsolete")
#: A message as gettext tells messages apart: its msgid (the singular) and its context.
Key = tuple[str, str | None]
#: What the English asks of one catalog: each message's key and its English
#: (the msgid, or the singular and the plural).
Asked = Mapping[Key, str | tuple[str, ...]]
_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")


def share(translated: int, total: int) -> int:
    """The translated share in percent, rounded down (100 for nothing to translate)."""
    return math.floor(100 * translated / total) if total else 100


def words(text: str | tuple[str, ...]) -> int:
    """English words in a message."""
    return len(_WORD.findall(text if isinstance(text, str) else " ".join(text)))


def key(message: Message) -> Key:
    """The message's key: what gettext looks a translation up by."""
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return msgid, message.context


def state(message: Message) -> str:
    """``translated``, ``fuzzy`` or ``untranslated``: what a reader sees of the message."""
    if message.fuzzy:
        return "fuzzy"
    strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
    return "translated" if strings and all(strings) else "untranslated"


@dataclass
class Counts:
    """Messages and words in each state."""

    messages: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))
    words: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))

    def add(self, other: Counts) -> None:
        for name in STATES:
            self.messages[name] += other.messages[name]
            self.words[name] += other.words[name]

    @property
    def total(self) -> int:
        """Messages the page has now (obsolete ones are not part of it)."""
        return sum(self.messages[s] for s in STATES if s != "obsolete")

    @property
    def percent(self) -> int:
        """Translated messages, in percent of the page's messages, rounded down."""
        return share(self.messages["translated"], self.total)


def count(catalog: Catalog, asked: Asked | None = None) -> Counts:
    """The counts of one catalog: of the messages the English asks for when
    ``asked`` is given (what the page shows), else of the catalog's entries."""
    counts = Counts()

    def add(name: str, text: str | tuple[str, ...]) -> None:
        counts.messages[name] += 1
        counts.words[name] += words(text)

    if asked is None:
        for message in catalog:
            if message.id:
                add(state(message), message.id)
        for message in catalog.obsolete.values():
            add("obsolete", message.id)
        return counts
    held = {key(m): m for m in catalog if m.id}
    for wanted, english in asked.items():
        message = held.get(wanted)
        add(state(message) if message is not None else "untranslated", english)
    for message in [*held.values(), *catalog.obsolete.values()]:
        if key(message) not in asked:
            add("obsolete", message.id)
    return counts


def pending(catalog: Catalog, asked: Asked | None = None) -> Iterator[tuple[str, Message]]:
    """Every message still to translate, with its state: the catalog's, in file
    order, then (with ``asked``) those of the English the catalog lacks.

    A lacking message is given as its English; its ``lineno`` is that of its
    obsolete entry (the old translation is there) or None.
    """
    held = set()
    for message in catalog:
        if not message.id or (asked is not None and key(message) not in asked):
            continue
        held.add(key(message))
        if state(message) != "translated":
            yield state(message), message
    if asked is None:
        return
    obsolete = {key(m): m for m in catalog.obsolete.values()}
    for wanted, english in asked.items():
        if wanted not in held:
            old = obsolete.get(wanted)
            yield (
                "untranslated",
                Message(
                    english, context=wanted[1], lineno=old.lineno if old is not None else None
                ),
            )
