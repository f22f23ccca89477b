"""An Atom feed per language, ``feed.xml``: one entry per event recap.

Written with feedgen after the HTML build, with absolute URLs from the
language's base URL (:func:`pytorchkr_archive.pages.languages.base_url`), the
event's summary and date, and the page's title in that language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from feedgen.feed import FeedGenerator
from sphinx.application import Sphinx

from pytorchkr_archive.events.built import events_built

FEED = "feed.xml"


def write_feed(app: Sphinx, exception: Exception | None) -> None:
    """Write the language's Atom feed."""
    if exception or app.builder.format != "html":
        return
    config = app.config
    built = events_built(app.config, app.env)
    lang, base, pages = built.lang, built.base, built.pages
    feed = FeedGenerator()
    feed.id(base)
    feed.title(config.archive_languages[lang]["title"])
    feed.subtitle(config.archive_languages[lang]["description"])
    feed.author({"name": config.archive_languages[lang].get("author", config.author)})
    feed.link(href=base, rel="alternate")
    feed.link(href=base + FEED, rel="self")
    feed.language(lang)
    if pages:
        feed.updated(max(page.event.starts for page in pages))
    for page in sorted(pages, key=lambda p: p.event.date):
        event = page.event
        url = base + app.builder.get_target_uri(page.docname)
        title = app.env.titles.get(page.docname)
        entry = feed.add_entry()
        entry.id(url)
        entry.title(title.astext() if title is not None else page.docname)
        entry.link(href=url)
        shown = built.view(page)
        entry.summary(shown.summary)
        entry.published(event.starts)
        entry.updated(event.starts)
        if shown.author:
            entry.author({"name": shown.author})
    feed.atom_file(str(Path(app.outdir, FEED)), pretty=True)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", write_feed)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
