"""Ship a page only the stylesheets and scripts it uses.

Sphinx links ``pygments.css`` (20 KB with Furo's light and dark styles) from
every page, for the colours of highlighted code.  An event recap, a listing or
the search page has no code; on those pages it is a fifth of the bytes the
browser fetches before the first paint (the event page's budget is 130 KB,
``tests/in_browser/test_browser.py``).  A page whose doctree holds a code block, or
inline code in a language, keeps it.

Sphinx also links the scripts that highlight the words a search found
(``sphinx_highlight.js``, with ``doctools.js``, ``documentation_options.js``
and the language's ``translations.js`` it needs: 13.7 KB) from every page.
Search leads only to the pages it indexes, the sources' pages; the pages an
extension generates (a year of events, a speaker's page, the index and 404
pages) are not among them, and leave those scripts out (with them, a year of
52 Korean events weighed 134.6 KB, over the budget; ``make bench``).  The
search page keeps them: its own script needs them.
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


#: The scripts that highlight a search's words on the page it leads to, and
#: what they need (Sphinx 9.0's ``doctools.js`` is there for them alone).
SEARCH_HIGHLIGHT_SCRIPTS = frozenset(
    {
        "_static/sphinx_highlight.js",
        "_static/doctools.js",
        "_static/documentation_options.js",
        "_static/translations.js",
    }
)


def leave_out_what_is_unused(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Leave ``pygments.css`` out of a page without code, and the search
    highlighting scripts out of a page search does not lead to.

    Each list is a new one: Sphinx shares the one in the context between pages.
    """
    if not has_highlighted_code(doctree):
        context["css_files"] = [
            css for css in context.get("css_files", []) if css.filename != PYGMENTS_CSS
        ]
    if doctree is None and pagename != "search":
        context["script_files"] = [
            js
            for js in context.get("script_files", [])
            if getattr(js, "filename", js) not in SEARCH_HIGHLIGHT_SCRIPTS
        ]


def setup(app: Sphinx) -> dict[str, Any]:
    """Connect the per-page stylesheet and script filter: late, after every
    handler that adds a page's own stylesheets or scripts to the lists."""
    app.connect("html-page-context", leave_out_what_is_unused, priority=950)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
