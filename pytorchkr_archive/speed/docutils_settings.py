"""docutils' default settings made once, not once for each translated message.

Sphinx translates a paragraph by parsing its ``msgstr`` as a small document
of its own, handing MyST the document to fill.  MyST's renderer still makes
a document of its own first (``options.get("document", make_document())``:
a default argument is evaluated whether it is used or not, myst-parser
5.2.0), and ``make_document`` builds docutils' default settings from
scratch, an option parser of some eighty options: two milliseconds a
message, a fifth of a Korean build of the first event's page, a third of
the whole site's.  Here the default settings are made once per parser
class and each document gets its own copy of them, so what a document
holds is what it held before; the site's output is the same byte for byte
(``tests/speed/test_docutils_settings.py``).
"""

from __future__ import annotations

import copy
from typing import Any

from docutils import nodes
from docutils.frontend import Values, get_default_settings
from docutils.parsers.rst import Parser as RSTParser
from docutils.utils import new_document
from myst_parser.mdit_to_docutils import base
from sphinx.application import Sphinx

#: The default settings of each parser class, made the first time one asks.
_DEFAULTS: dict[type, Values] = {}
#: MyST's own, which makes them anew each time (the tests compare the two).
MYST_MAKE_DOCUMENT = base.make_document


def make_document(source_path: str = "notset", parser_cls: type = RSTParser) -> nodes.document:
    """What ``myst_parser``'s ``make_document`` returns: a new document with the
    parser class's default settings (a copy of them: documents change theirs)."""
    defaults = _DEFAULTS.get(parser_cls)
    if defaults is None:
        defaults = _DEFAULTS[parser_cls] = get_default_settings(parser_cls)
    return new_document(source_path, settings=copy.deepcopy(defaults))


def setup(app: Sphinx) -> dict[str, Any]:
    """Give MyST's renderer the document maker that reuses the default settings."""
    base.make_document = make_document
    return {"parallel_read_safe": True, "parallel_write_safe": True}
