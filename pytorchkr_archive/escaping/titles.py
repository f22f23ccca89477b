"""A title is one line, whatever its translation holds.

A MyST heading is one line in English, but its translation is a message in
which a line break is a soft break, as in a paragraph: ``make check-po``
has no reason to refuse it.  Sphinx writes every page's and section's
title into ``objects.inv``, one entry a line, without escaping: a title
whose translation holds a line break added a line there, and a crafted
one (``evil std:doc -1 https://evil.example/ x``) is an entry that every
project using the archive through intersphinx would link to.

So, after the translations are applied, each line break in a title's text
becomes a space.  A browser shows the title the same way (white space
collapses); every line-based output gets one line.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

#: Line breaks, as the inventory's and the other line-based outputs' readers see them.
LINE_BREAKS = re.compile(r"[\r\n\u0085\u2028\u2029\v\f]+")


def one_line(text: str) -> str:
    """``text`` with every run of line breaks made one space."""
    return LINE_BREAKS.sub(" ", text)


class OneLineTitles(SphinxTransform):
    """Make every title's text one line, after :class:`sphinx.transforms.i18n.Locale` (20)."""

    default_priority = 21

    def apply(self, **kwargs: Any) -> None:
        for title in self.document.findall(nodes.title):
            for text in list(title.findall(nodes.Text)):
                flat = one_line(str(text))
                if flat != str(text):
                    text.parent.replace(text, nodes.Text(flat))


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the transform."""
    app.add_transform(OneLineTitles)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
