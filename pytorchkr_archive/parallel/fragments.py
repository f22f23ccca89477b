"""Read the blocks out of a page body the writer marked, and give the body back clean.

Each block comes out with its HTML and its place: the path of element
indexes from the page's ``<article>`` (the body is its content) to the
block's own element, and whether the other language goes after that element
(a heading, a paragraph) or inside it (a figure's caption, an event card's
field: elements whose place in their parent HTML fixes).  The browser finds the
place by the same path in the page it shows, which is this body.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from html.parser import HTMLParser

from pytorchkr_archive.parallel.markers import CLOSE, END, START

_MARKER = re.compile(f"([{START}{END}])(\\d+){CLOSE}")
_TAG = re.compile(r"<[^>]*>")
#: Blocks whose element must stay where it is in its parent (a figure's
#: caption is its first or last child, a term is in its list): the other
#: language goes inside them.
_INSIDE = frozenset({"figcaption", "caption", "dt", "dd", "summary", "legend"})
#: Elements with no end tag (HTML's void elements).
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


@dataclass(frozen=True)
class Place:
    """Where a block is: element indexes from the article, and after or inside."""

    path: tuple[int, ...]
    tag: str
    inside: bool


@dataclass(frozen=True)
class Fragment:
    """One block of a page: the number of its markers, or a card field's name."""

    number: int
    field: str | None
    html: str
    place: Place


class _Places(HTMLParser):
    """Element paths of the first start tag at or after given offsets of a body."""

    def __init__(self, body: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", body)]
        #: (offset, path, tag) of every start tag, in order.
        self.starts: list[tuple[int, tuple[int, ...], str]] = []
        self._stack: list[tuple[str, list[int]]] = []
        self._counts: list[int] = [0]

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _path(self) -> tuple[int, ...]:
        return tuple(count - 1 for count in self._counts)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._counts[-1] += 1
        self.starts.append((self._offset(), self._path(), tag))
        if tag not in _VOID:
            self._stack.append((tag, self._counts))
            self._counts = [*self._counts, 0]

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._counts[-1] += 1
        self.starts.append((self._offset(), self._path(), tag))

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching element (the writer's HTML is well formed).
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                self._counts = self._stack[index][1]
                del self._stack[index:]
                return


def split(body: str, cards: dict[int, list[str]] | None = None) -> tuple[str, list[Fragment]]:
    """The body without markers, and its blocks in the body's order.

    ``cards`` gives, for the markers of an event card, the names of the
    card's fields in order (see
    :func:`pytorchkr_archive.events.facts.event_view.card_fields`); the card becomes
    one fragment per field.  A block that shows nothing is left out, and so
    is one whose text has no element of its own (none in docutils' HTML5).
    """
    cards = cards or {}
    clean_parts: list[str] = []
    spans: dict[int, list[int]] = {}
    position = clean_length = 0
    for match in _MARKER.finditer(body):
        clean_parts.append(body[position : match.start()])
        clean_length += match.start() - position
        spans.setdefault(int(match.group(2)), []).append(clean_length)
        position = match.end()
    clean_parts.append(body[position:])
    clean = "".join(clean_parts)
    if not spans:
        return clean, []
    places = _Places(clean)
    places.feed(clean)
    places.close()
    offsets = [start[0] for start in places.starts]
    fragments: list[Fragment] = []
    for number, bounds in sorted(spans.items(), key=lambda item: item[1][0]):
        if len(bounds) != 2:
            continue  # a block whose end the writer skipped: left alone
        begin, end = bounds
        inner = clean[begin:end]
        if not _TAG.sub("", inner).strip():
            continue
        index = bisect_right(offsets, begin - 1)
        first = places.starts[index] if index < len(places.starts) else None
        if first is None or first[0] >= end or clean[begin : first[0]].strip():
            continue  # text outside any element of its own: not found again
        if number in cards:
            fragments.extend(_card(number, places.starts[index:], end, clean, cards[number]))
            continue
        place = Place(first[1], first[2], first[2] in _INSIDE)
        fragments.append(Fragment(number, None, inner, place))
    return clean, fragments


def _card(
    number: int,
    starts: list[tuple[int, tuple[int, ...], str]],
    end: int,
    clean: str,
    fields: list[str],
) -> list[Fragment]:
    """One fragment per ``<dd>`` of the card, named by ``fields`` in order."""
    values = [start for start in starts if start[0] < end and start[2] == "dd"]
    if len(values) != len(fields):
        raise ValueError(
            f"the event card shows {len(values)} fields and card_fields() names "
            f"{len(fields)} ({', '.join(fields)}): make them agree in "
            "pytorchkr_archive/events/facts/event_view.py"
        )
    found = []
    for (offset, path, _tag), field in zip(values, fields, strict=True):
        close = clean.index("</dd>", offset)
        html = clean[clean.index(">", offset) + 1 : close]
        found.append(Fragment(number, field, html, Place(path, "dd", True)))
    return found
