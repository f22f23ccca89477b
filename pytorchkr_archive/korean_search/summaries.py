"""Search result summaries that read as text, on the search page of every language.

Sphinx builds a result's summary from the ``textContent`` of the page it
found, which joins table cells, list items and headings with nothing between
them: a search for 발표자 showed ``발표자발표행사 Alban Desmaison ...``.
``static/archive-search.js`` wraps ``Search.htmlToText`` so that cells are
separated by `` · `` and other blocks by a space.  Only the search page loads it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

STATIC = Path(__file__).with_name("static")
SCRIPT = "archive-search.js"


def add_static_path(app: Sphinx, config: Config) -> None:
    config.html_static_path.append(str(STATIC))


def add_script(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """On the search page only, after ``searchtools.js`` (deferred)."""
    if pagename == "search":
        app.add_js_file(SCRIPT, defer="defer")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", add_static_path)
    app.connect("html-page-context", add_script)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
