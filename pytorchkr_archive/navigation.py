"""The sidebar lists the site's sections, not every event.

Furo draws the whole toctree, at every depth, on every page: with one entry
per event, each page carries the whole archive, and building a page costs
time in proportion to the number of events (``make bench``'s scaling table:
79 ms a page with 10 events, 187 ms with 300, and every page heavier).  The
events are listed, newest first and by year, on the landing page and on the
events page; the sidebar keeps to the sections (``archive_navigation_depth``
levels, 1 by default), so a page's cost and weight stay flat as the archive
grows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sphinx.application import Sphinx


def limit_navigation_depth(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Wrap the page's ``toctree()`` so the theme's sidebar stops at the set depth."""
    depth = app.config.archive_navigation_depth
    toctree: Callable[..., str] | None = context.get("toctree")
    if toctree is None or depth <= 0:
        return

    def limited(**kwargs: Any) -> str:
        maxdepth = kwargs.get("maxdepth", -1)
        if maxdepth is None or int(maxdepth) < 0 or int(maxdepth) > depth:
            kwargs["maxdepth"] = depth
        return toctree(**kwargs)

    context["toctree"] = limited


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the depth option and the wrapper, before Furo draws its sidebar."""
    app.add_config_value("archive_navigation_depth", 1, "html", types=frozenset({int}))
    app.connect("html-page-context", limit_navigation_depth, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
