"""How the site is found and shared: base URL, sitemap, robots.txt, 404, social cards.

Everything a crawler, a feed reader or a chat app reads needs absolute URLs,
so each build knows the URL its language is served at: Read the Docs' canonical
URL when it builds (``html_baseurl``), otherwise ``archive_base_url`` of
``conf.py`` (the production address, ``{language}`` filled in).  From it:

* sphinx-sitemap writes ``sitemap.xml`` with every page's ``hreflang``
  alternates, under Read the Docs' ``/<lang>/<version>/`` layout;
* ``robots.txt`` points at the sitemaps of every language;
* sphinx-notfound-page makes the 404 page's links absolute, so it works at any
  depth (``/<lang>/<version>/`` on Read the Docs, ``/<lang>/`` locally);
* sphinxext-opengraph's cards get absolute URLs, and each page gets
  ``og:locale`` (with its alternates) and a Twitter card.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from pytorchkr_archive.pages.languages import base_url, current_language


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


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the configuration value and handlers."""
    app.add_config_value("archive_base_url", "", "html", types=frozenset({str}))
    app.connect("config-inited", configure, priority=200)
    app.connect("html-page-context", add_meta_tags, priority=900)
    app.connect("html-page-context", absolute_not_found_links, priority=900)
    app.connect("build-finished", write_robots)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
