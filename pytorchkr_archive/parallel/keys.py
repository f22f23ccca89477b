"""Name each block of a page by the message it comes from, the same in every language.

A block (heading, paragraph, list item's text, caption, term) is what gettext
extracts as one message: its key is a digest of the English message, so the
Korean build and the English build name the same block alike however their
pages differ.  The message is noted on the node before Sphinx's ``Locale``
transform (priority 20) replaces the text by its translation.
"""

from __future__ import annotations

import hashlib
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import LITERAL_TYPE_NODES, extract_messages

#: The node attribute that carries a block's English message to the writer.
MESSAGE = "archive_message"
#: Messages that are not a block of text a reader sees in the page's flow.
_NOT_BLOCKS = (nodes.image, nodes.meta, nodes.raw, addnodes.toctree, *LITERAL_TYPE_NODES)


def block_key(message: str) -> str:
    """The key of a block in every language's data: 12 hex digits of its message's SHA-1.

    Blocks are matched only within one page, where 48 bits make a collision
    between two different messages as good as impossible.
    """
    return hashlib.sha1(message.encode("utf-8")).hexdigest()[:12]


class NoteBlockMessages(SphinxTransform):
    """Note each block's English message on its node, before it is translated."""

    default_priority = 18

    def apply(self, **kwargs: Any) -> None:
        for node, message in extract_messages(self.document):
            if isinstance(node, _NOT_BLOCKS) or MESSAGE in node:
                continue
            node[MESSAGE] = message
