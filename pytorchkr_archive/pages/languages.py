"""One site per language: per-language settings, the language switch, hreflang.

Sphinx builds one language at a time, and ``-D language=ko`` (which is how
Read the Docs builds a translation) is applied only after ``conf.py`` ran, so
everything that depends on the language is decided here, in a
``config-inited`` handler, from the declarative ``archive_languages`` table of
``conf.py``.

Pages link to their counterparts in the other languages.  Locally the
languages are built side by side (``_build/html/en/``, ``_build/html/ko/``),
so a relative link goes up to the language folder and across.  On Read the
Docs each language is its own project served under ``/<lang>/<version>/``;
``html_baseurl`` is then the canonical URL of this language and version
(``READTHEDOCS_CANONICAL_URL``) and the counterpart's URL is the same URL with
the language segment swapped.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util import logging

logger = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).parent
#: Furo shows its announcement bar, where the switch stands, only when the
#: ``announcement`` theme option is set; this value sets it with no text.
LANGUAGE_BAR_MARKER = "archive-language-bar"


@dataclass(frozen=True)
class Alternate:
    """A page's version in one language, as linked from every language."""

    lang: str
    name: str
    #: For the visible switch: relative in a local build, so it works from
    #: the files; absolute on Read the Docs.
    href: str
    current: bool
    #: For ``hreflang`` alternates, which search engines take only absolute.
    absolute: str


def current_language(config: Config) -> str:
    """The language being built (``None`` and ``""`` mean the default one)."""
    return config.language or config.archive_default_language


def interface_digest(srcdir: Path, config: Config, lang: str) -> str:
    """What the language's interface strings are: a digest of its ``sphinx.po``.

    Sphinx writes a page again when its source, its templates or an ``html``
    configuration value changed, not when an interface translation did: a
    translator who fixes "Date" in ``sphinx.po`` would see it on new pages
    only.  This digest is such a value, so a changed interface catalog
    rewrites every page of its language.
    """
    digest = hashlib.sha256()
    for folder in config.locale_dirs:
        path = srcdir / folder / lang / "LC_MESSAGES" / "sphinx.po"
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def apply_language_settings(app: Sphinx, config: Config) -> None:
    """Check the language and apply its entry of ``archive_languages``."""
    languages: dict[str, dict[str, str]] = config.archive_languages
    if config.archive_default_language not in languages:
        raise ConfigError(
            f"archive_default_language = {config.archive_default_language!r} is not a key "
            f"of archive_languages ({', '.join(languages)}): add it to conf.py"
        )
    lang = current_language(config)
    if lang not in languages:
        raise ConfigError(
            f"language {lang!r} is not one of archive_languages ({', '.join(languages)}): "
            "add an entry for it to archive_languages in conf.py, or build one of those"
        )
    for key in ("name", "title", "description"):
        for code, entry in languages.items():
            if not entry.get(key):
                raise ConfigError(f"archive_languages[{code!r}] has no {key!r}: add it in conf.py")
    config.language = lang
    config.archive_interface_digest = interface_digest(Path(app.srcdir), config, lang)
    config.html_title = languages[lang]["title"]
    config.html_short_title = languages[lang]["title"]
    if languages[lang].get("copyright"):
        config.copyright = languages[lang]["copyright"]
    if "ogp_site_name" in config:
        config.ogp_site_name = languages[lang]["title"]
    config.templates_path.insert(0, str(PACKAGE_DIR / "templates"))
    if not config.html_theme_options.get("announcement"):
        config.html_theme_options = {
            **config.html_theme_options,
            "announcement": LANGUAGE_BAR_MARKER,
        }
    config.html_static_path.insert(0, str(PACKAGE_DIR / "static"))
    if config.html_baseurl and not config.html_baseurl.endswith("/"):
        config.html_baseurl += "/"
    if config.html_baseurl:
        for code in languages:
            swap_language(config.html_baseurl, lang, code)  # fails early if it cannot


def base_url(config: Config, lang: str | None = None) -> str:
    """The absolute URL a language of the site is served at, ending in ``/``.

    Read the Docs' canonical URL when it builds (``html_baseurl``), otherwise
    ``archive_base_url`` of ``conf.py`` (the production address).
    """
    current = current_language(config)
    lang = lang or current
    if config.html_baseurl:
        return swap_language(config.html_baseurl, current, lang)
    if not config.archive_base_url:
        raise ConfigError(
            "archive_base_url is not set: give the production URL in conf.py, "
            'such as "https://example.org/{language}/latest/"'
        )
    url = config.archive_base_url.format(language=lang)
    return url if url.endswith("/") else url + "/"


def swap_language(url: str, current: str, other: str) -> str:
    """Return ``url`` with its ``/<current>/`` path segment replaced by ``other``.

    Read the Docs serves a translation at the same path with another language
    segment (``/en/latest/`` and ``/ko/latest/``).
    """
    scheme, netloc, path, query, fragment = urlsplit(url)
    segments = path.split("/")
    if current not in segments:
        raise ConfigError(
            f"html_baseurl {url!r} has no /{current}/ segment, so the {other!r} counterpart "
            "of its pages cannot be found: on Read the Docs set the project's language to "
            f"{current!r}, or build without READTHEDOCS_CANONICAL_URL"
        )
    segments[segments.index(current)] = other
    return urlunsplit((scheme, netloc, "/".join(segments), query, fragment))


def alternates(app: Sphinx, pagename: str) -> list[Alternate]:
    """The page in every language of the archive, the current one included."""
    config = app.config
    lang = current_language(config)
    target = app.builder.get_target_uri(pagename)
    result = []
    # The 404 page is served at any depth: its links start from the site root.
    not_found = pagename == config["notfound_pagename"] if "notfound_pagename" in config else False
    for code, entry in config.archive_languages.items():
        if config.html_baseurl:
            href = swap_language(config.html_baseurl, lang, code) + target
        elif not_found:
            href = f"/{code}/{target}"
        else:
            depth = target.count("/")
            href = posixpath.join(*([".."] * (depth + 1)), code, target)
        absolute = base_url(config, code) + target
        result.append(Alternate(code, entry["name"], href, code == lang, absolute))
    return result


def add_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Give the templates the page's counterparts (switch and hreflang links)."""
    pages = alternates(app, pagename)
    default = next(p for p in pages if p.lang == app.config.archive_default_language)
    context["archive_alternates"] = pages
    context["archive_x_default"] = default
    context["archive_language_bar_marker"] = LANGUAGE_BAR_MARKER
    # Pages without text of their own (search, index) get the site's description.
    metatags = context.get("metatags", "")
    if 'name="description"' not in metatags:
        description = app.config.archive_languages[current_language(app.config)]["description"]
        context["metatags"] = (
            f'{metatags}\n<meta name="description" content="{escape(description)}" />'
        )


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the configuration values and handlers of this module."""
    app.add_config_value("archive_languages", {}, "html", types=frozenset({dict}))
    app.add_config_value("archive_default_language", "en", "html", types=frozenset({str}))
    # Set at config-inited, never in conf.py: see interface_digest().
    app.add_config_value("archive_interface_digest", "", "html", types=frozenset({str}))
    app.connect("config-inited", apply_language_settings, priority=100)
    # After sphinxext-opengraph (priority 500), whose description comes first.
    app.connect("html-page-context", add_page_context, priority=800)
    app.add_css_file("archive-languages.css")
    app.add_js_file("archive-languages.js", defer="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
