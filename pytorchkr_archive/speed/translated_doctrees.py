"""Translated nodes belong to their page, not to the whole build.

Sphinx translates a paragraph by parsing its ``msgstr`` as a small document
of its own and moving the parsed nodes into the page.  The nodes it moves
are re-parented, but those below them keep a reference to the small
document, whose settings hold the build environment; Sphinx clears that
reference from the page's own settings before it pickles the page, not from
the small documents'.  So every translated page's doctree pickled the whole
environment, with every event's metadata: on a 300-event archive each Korean
doctree was 1 MB, and pickling them took a sixth of the Korean build, a cost
per page that grew with the archive (``make bench``, scaling).

After reading, every node of a page is pointed at the page itself; what the
page holds is unchanged (``tests/speed/test_translated_doctrees.py`` checks the pickles).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx


def adopt_translated_nodes(app: Sphinx, doctree: nodes.document) -> None:
    """Make every node of ``doctree`` belong to it, not to a msgstr's document."""
    for node in doctree.findall():
        if node is not doctree and node.document is not doctree:
            node.document = doctree


def setup(app: Sphinx) -> dict[str, Any]:
    """Fix pages up after reading, before Sphinx pickles them."""
    app.connect("doctree-read", adopt_translated_nodes, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
