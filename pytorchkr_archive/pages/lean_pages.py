"""Ship a page only the stylesheets it uses.

Sphinx links ``pygments.css`` (20 KB with Furo's light and dark styles) from
every page, for the colours of highlighted code.  An event recap, a listing or
the search page has no code; on those pages it is a fifth of the bytes the
browser fetches before the first paint (the event page's budget is 130 KB,
``tests/in_browser/test_browser.py``).  A page whose doctree holds a code block, or
inline code in a language, keeps it.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

PYGMENTS_CSS = "_static/pygments.css"


def has_highlighted_code(doctree: nodes.document | None) -> bool:
    """Whether anything on the page is coloured by Pygments."""
    if doctree is None:
        return False
    return any(
        isinstance(node, nodes.literal_block) or "code" in node["classes"]
        for node in doctree.findall(lambda n: isinstance(n, (nodes.literal_block, nodes.literal)))
    )


def drop_unused_pygments(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Leave ``pygments.css`` out of the page's stylesheets if it has no code."""
    if has_highlighted_code(doctree):
        return
    # A new list: Sphinx shares the one in the context between pages.
    context["css_files"] = [
        css for css in context.get("css_files", []) if css.filename != PYGMENTS_CSS
    ]


def setup(app: Sphinx) -> dict[str, Any]:
    """Connect the per-page stylesheet filter."""
    app.connect("html-page-context", drop_unused_pygments)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
