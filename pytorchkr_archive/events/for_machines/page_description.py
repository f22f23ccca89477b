"""An event page's description, for search engines and social cards: its summary.

sphinxext-opengraph describes a page by its first paragraph; an event's
one-line summary, written for the listings and feeds and translated in its
catalog, says what the page is better.  It replaces the page's ``description``
and ``og:description`` before the site's own description is added.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from sphinx.application import Sphinx

from pytorchkr_archive.events.facts.built import event_page, translations
from pytorchkr_archive.events.facts.event_view import view

_DESCRIPTION = re.compile(
    r'<meta (name="description"|property="og:description") content="[^"]*" />'
)


def describe_event_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """An event page's description (search engines, social cards) is its summary.

    sphinxext-opengraph describes a page by its first paragraph; an event's
    one-line summary, written for the listings and feeds and translated in
    its catalog, says what the page is better.
    """
    page = event_page(app.env, pagename)
    if page is None or "metatags" not in context:
        return
    lang = app.config.language or app.config.archive_default_language
    summary = escape(view(page, lang, translations(app.env)).summary, quote=True)
    context["metatags"] = _DESCRIPTION.sub(
        lambda m: f'<meta {m.group(1)} content="{summary}" />', context["metatags"]
    )
