"""How the site is found and shared: base URL, sitemap, robots.txt, 404, social cards.

Everything a crawler, a feed reader or a chat app reads needs absolute URLs,
so each build knows the URL its language is served at: Read the Docs' canonical
URL when it builds (``html_baseurl``), otherwise ``archive_base_url`` of
``conf.py`` (the production address, ``{language}`` filled in).  From it:

* sphinx-sitemap writes ``sitemap.xml`` with every page's ``hreflang``
  alternates, under Read the Docs' ``/<lang>/<version>/`` layout; every page
  of the site, not only those an incremental build wrote
  (:func:`complete_sitemap`), in the order of their addresses;
* ``robots.txt`` points at the sitemaps of every language;
* sphinx-notfound-page makes the 404 page's links absolute, so it works at any
  depth (``/<lang>/<version>/`` on Read the Docs, ``/<lang>/`` locally);
* sphinxext-opengraph's cards get absolute URLs, and each page gets
  ``og:locale`` (with its alternates) and a Twitter card.
"""

from __future__ import annotations

import queue
import re
from html import escape
from multiprocessing import Manager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import sphinx_sitemap
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError, ExtensionError

from pytorchkr_archive.pages.languages import base_url, current_language
from pytorchkr_archive.pages.site_pages import site_pages, written_pages


def split_base(url: str, lang: str) -> tuple[str, str]:
    """``https://host/en/latest/`` → (``https://host/``, ``latest/``)."""
    scheme, netloc, path, _, _ = urlsplit(url)
    head, found, tail = path.partition(f"/{lang}/")
    if not found:
        raise ConfigError(f"the base URL {url!r} has no /{lang}/ segment")
    return urlunsplit((scheme, netloc, head + "/", "", "")), tail


def configure(app: Sphinx, config: Config) -> None:
    """Point the sitemap, the 404 page and the social cards at this language's URL."""
    lang = current_language(config)
    base = base_url(config)
    root, version_path = split_base(base, lang)
    config.site_url = root
    config.sitemap_url_scheme = "{lang}" + version_path + "{link}"
    config.sitemap_locales = list(config.archive_languages)
    config.sitemap_excludes = ["search.html", "genindex.html", "404.html"]
    config.ogp_site_url = base
    config.ogp_site_name = config.archive_languages[lang]["title"]
    config.notfound_urls_prefix = (
        urlsplit(config.html_baseurl).path if config.html_baseurl else (f"/{lang}/")
    )


def add_meta_tags(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """og:locale and its alternates, a Twitter card, and the feed's address."""
    config = app.config
    lang = current_language(config)
    locales = {
        code: entry.get("og_locale", code) for code, entry in config.archive_languages.items()
    }
    tags = [f'<meta property="og:locale" content="{locales[lang]}" />']
    tags += [
        f'<meta property="og:locale:alternate" content="{value}" />'
        for code, value in locales.items()
        if code != lang
    ]
    metatags = context.get("metatags", "")
    card = "summary_large_image" if 'property="og:image"' in metatags else "summary"
    tags.append(f'<meta name="twitter:card" content="{card}" />')
    context["metatags"] = metatags + "\n" + "\n".join(tags)
    context["archive_feed_url"] = base_url(config) + "feed.xml"
    context["archive_feed_title"] = escape(config.archive_languages[lang]["title"])


_RELATIVE_HREF = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|/|#)([^"]*)"')


def absolute_not_found_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Make the 404 page's own links absolute, as sphinx-notfound-page does for the theme's.

    The 404 page is served in place of any missing page, at any depth, so a
    relative link in its text would lead nowhere.
    """
    if "notfound_pagename" not in app.config or "body" not in context:
        return
    if pagename != app.config.notfound_pagename:
        return
    prefix = app.config.notfound_urls_prefix or "/"
    context["body"] = _RELATIVE_HREF.sub(lambda m: f'href="{prefix}{m.group(1)}"', context["body"])


def robots_txt(sitemaps: list[str]) -> str:
    """A robots.txt that lets everything be crawled and names every sitemap."""
    return "User-agent: *\nAllow: /\n\n" + "".join(f"Sitemap: {url}\n" for url in sitemaps)


def write_robots(app: Sphinx, exception: Exception | None) -> None:
    """``robots.txt`` in the output, naming the sitemaps of every language."""
    if exception or app.builder.format != "html":
        return
    sitemaps = [
        base_url(app.config, code) + "sitemap.xml" for code in app.config.archive_languages
    ]
    Path(app.outdir, "robots.txt").write_text(robots_txt(sitemaps), encoding="utf-8")


def gather_sitemap_links(app: Sphinx) -> None:
    """Give sphinx-sitemap the queue its pages' links are gathered in.

    In place of sphinx-sitemap's own handler (:func:`sphinx_sitemap.record_builder_type`,
    which :func:`setup` disconnects), which does the same with a
    multiprocessing manager's queue in every build: for the builds that write
    pages in parallel (``-j``).  A manager is a process of its own, forked
    from the build's at every build (the gettext builds too: about 0.03 s of
    processor time each); with it, each link is a round trip to that process
    (some 0.3 s of a rebuild at a thousand events).  A build that writes in
    one process gathers the links in a plain queue, the same kind of object
    (``put``, ``get_nowait``, ``empty``).
    """
    builder = app.builder
    builder.env.is_directory_builder = type(builder).__name__ == "DirectoryHTMLBuilder"
    app.sitemap_links = Manager().Queue() if app.parallel > 1 else queue.Queue()  # type: ignore[attr-defined]


def replace_listener(app: Sphinx, event: str, handler: Any, replacement: Any) -> None:
    """Connect ``replacement`` to ``event`` in place of an extension's ``handler``.

    Raises :class:`ExtensionError` if ``handler`` is not connected: a new
    version of the extension changed what it does there, and the replacement
    must be checked against it.
    """
    found = [
        listener.id for listener in app.events.listeners[event] if listener.handler is handler
    ]
    if not found:
        raise ExtensionError(
            f"{handler.__module__}.{handler.__name__} is not connected to {event!r}: "
            f"check {replacement.__module__}.{replacement.__name__} against the "
            "extension's new version"
        )
    for listener_id in found:
        app.disconnect(listener_id)
    app.connect(event, replacement)


def complete_sitemap(app: Sphinx, exception: Exception | None) -> None:
    """Give sphinx-sitemap every page of the site, in the order of their links.

    sphinx-sitemap lists the pages it sees written (``html-page-context``):
    after an incremental build, only the pages that build wrote
    (jdillard/sphinx-sitemap#13).  The pages kept from earlier builds are
    added the way it adds a written one (:func:`sphinx_sitemap.add_html_link`,
    its excludes and link form), and the whole list is put in order, so a
    rebuild's sitemap is the full build's, byte for byte.
    """
    links = getattr(app, "sitemap_links", None)
    if exception or links is None or app.builder.format != "html":
        return
    for pagename in sorted(site_pages(app) - written_pages(app)):
        sphinx_sitemap.add_html_link(app, pagename, "page.html", {}, None)
    # Once each: with -j, the pages written by other processes are not among
    # this one's written pages, and were added both ways.
    found: dict[str, Any] = {}
    while not links.empty():
        link, last_updated = links.get_nowait()
        found[link] = found.get(link) or last_updated
    for link in sorted(found):
        links.put((link, found[link]))


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the configuration value and handlers."""
    app.add_config_value("archive_base_url", "", "html", types=frozenset({str}))
    app.connect("config-inited", configure, priority=200)
    app.connect("html-page-context", add_meta_tags, priority=900)
    app.connect("html-page-context", absolute_not_found_links, priority=900)
    app.connect("build-finished", write_robots)
    app.setup_extension("sphinx_sitemap")
    replace_listener(
        app, "builder-inited", sphinx_sitemap.record_builder_type, gather_sitemap_links
    )
    # Before sphinx-sitemap writes the sitemap (500).
    app.connect("build-finished", complete_sitemap, priority=450)
    app.setup_extension("pytorchkr_archive.pages.site_pages")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
