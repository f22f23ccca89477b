"""How much of a catalog is translated: one definition for every report of it.

``make stats``, ``make todo``, ``make check-po`` and the notice on an
incompletely translated page all count and round the same way: a message is
translated when it has a translation and is not fuzzy (a fuzzy or empty one
shows in English), and the share is rounded down, so that a page or a
catalog says 100 % only when nothing is left.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from babel.messages.catalog import Catalog, Message

STATES = ("translated", "fuzzy", "untranslated", "obsolete")
_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")


def share(translated: int, total: int) -> int:
    """The translated share in percent, rounded down (100 for nothing to translate)."""
    return math.floor(100 * translated / total) if total else 100


def words(text: str | tuple[str, ...]) -> int:
    """English words in a message."""
    return len(_WORD.findall(text if isinstance(text, str) else " ".join(text)))


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


def count(catalog: Catalog) -> Counts:
    """The counts of one catalog."""
    counts = Counts()
    for message in catalog:
        if not message.id:
            continue
        name = state(message)
        counts.messages[name] += 1
        counts.words[name] += words(message.id)
    for message in catalog.obsolete.values():
        counts.messages["obsolete"] += 1
        counts.words["obsolete"] += words(message.id)
    return counts


def pending(catalog: Catalog) -> Iterator[tuple[str, Message]]:
    """Every message still to translate, in file order, with its state."""
    for message in catalog:
        if message.id and state(message) != "translated":
            yield state(message), message
