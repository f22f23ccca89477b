"""Mark where each block starts and ends in the HTML the writer produces.

The parallel view needs, for every block, its HTML and its place on the page.
The HTML translator is extended (not replaced) so that, around every block
noted by :mod:`.keys` and around the event card, it writes a marker: a
private-use character, a number and another one.  The markers never reach
a page: :mod:`.fragments` reads them out of the body and removes them before
the page is rendered (``html-page-context``), so every page is byte for
byte what it would be without the parallel view.

The message attribute is taken off the node before the node is written, so
docutils decides on compact paragraphs, attributes and classes as it would
without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docutils import nodes

from pytorchkr_archive.events.for_readers.nodes import event_card
from pytorchkr_archive.parallel.keys import MESSAGE

START, END, CLOSE = "\ue000", "\ue001", "\ue002"
#: The key of the event card, which :mod:`.fragments` splits into its fields.
CARD = "card"
#: The source of the documents Sphinx writes to render a title or a
#: fragment on its own (``render_partial``): no block of the page.
_PARTIAL = "<partial node>"


@dataclass(frozen=True)
class Marked:
    """A block the writer marked: its message and whether it was translated."""

    message: str
    #: Sphinx's own flag (``Locale``): True or False in a translated build,
    #: None in the source language.
    translated: bool | None


class MarkingTranslator:
    """A mixin for the builder's HTML translator class (see :func:`marking`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: The marked blocks, by the number of their markers.
        self.archive_marked: list[Marked] = []
        self._archive_open: dict[int, int] = {}
        self._archive_partial = self.document.get("source") == _PARTIAL
        if not self._archive_partial:
            # Sphinx keeps no hold of a page's translator: the page's handler
            # (html-page-context, right after) finds its blocks here.
            self.builder.archive_marked = self.archive_marked

    def dispatch_visit(self, node: nodes.Node) -> None:
        message = None
        if isinstance(node, nodes.Element):
            message = node.attributes.pop(MESSAGE, None)
            if isinstance(node, event_card):
                message = CARD
        if message is None or self._archive_partial:
            super().dispatch_visit(node)
            return
        number = len(self.archive_marked)
        self.archive_marked.append(Marked(message, node.get("translated")))
        self.body.append(f"{START}{number}{CLOSE}")
        try:
            super().dispatch_visit(node)
        except nodes.SkipNode:
            self.body.append(f"{END}{number}{CLOSE}")
            raise
        self._archive_open[id(node)] = number

    def dispatch_departure(self, node: nodes.Node) -> None:
        super().dispatch_departure(node)
        number = self._archive_open.pop(id(node), None)
        if number is not None:
            self.body.append(f"{END}{number}{CLOSE}")


def marking(base: type) -> type:
    """``base`` (the builder's translator class) with block markers."""
    if issubclass(base, MarkingTranslator):
        return base
    return type(f"Marking{base.__name__}", (MarkingTranslator, base), {})
