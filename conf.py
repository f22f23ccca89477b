"""Sphinx configuration for the PyTorch Korea User Group's event archive.

English MyST pages are the source; every other language lives in gettext
catalogs under ``locale/``.  Per-language settings (title, switch, hreflang,
canonical URL) are applied by the ``pytorchkr_archive`` extension once the
language is known, since ``-D language=ko`` is only applied after this file
has run.
"""

import os
import sys

sys.path.insert(0, os.path.abspath("."))

# -- Project information -----------------------------------------------------

project = "PyTorch Korea User Group Event Archive"
author = "PyTorch Korea User Group"
copyright = "2025, PyTorch Korea User Group"

# -- General configuration ---------------------------------------------------

extensions = [
    "myst_parser",
    "notfound.extension",
    "sphinx_sitemap",
    "sphinxext.opengraph",
    "pytorchkr_archive",
]

source_suffix = {".md": "markdown"}
# The recaps are reproduced word for word: keep their quotes and dashes.
smartquotes = False
root_doc = "index"
exclude_patterns = [
    ".*",
    "_build",
    ".venv",
    "node_modules",
    "README.md",
    "CONTRIBUTING.md",
    "SECURITY.md",
    "tests",
    "docs",
    "locale",
    "pytorchkr_archive",
]
templates_path = ["_templates"]

myst_enable_extensions = ["colon_fence"]

# -- Internationalisation ----------------------------------------------------

language = "en"
locale_dirs = ["locale/"]
gettext_compact = False
gettext_uuid = False
gettext_location = True
gettext_last_translator = "PyTorch Korea User Group"
gettext_language_team = "PyTorch Korea User Group <https://pytorch.kr/>"

# One entry per language the site is built in; the extension applies the
# entry of the language being built.  Adding a language is adding an entry
# here (then make update-po creates its catalogs): name, title, description
# and og_locale are required; copyright and author override the project's;
# time_format (a CLDR pattern, "short" by default) and time_separator say how
# the language writes an event's time range.
archive_languages = {
    "en": {
        "name": "English",
        "title": "PyTorch Korea User Group Event Archive",
        "og_locale": "en_US",
        "copyright": "2025, PyTorch Korea User Group",
        "description": (
            "Recaps of the PyTorch Korea User Group's conferences and meetups, "
            "in English and Korean."
        ),
    },
    "ko": {
        "name": "한국어",
        "title": "파이토치 한국 사용자 모임 행사 아카이브",
        "og_locale": "ko_KR",
        "author": "파이토치 한국 사용자 모임",
        "copyright": "2025, 파이토치 한국 사용자 모임",
        "description": (
            "파이토치 한국 사용자 모임의 컨퍼런스와 모임 후기를 영어와 한국어로 모은 곳입니다."
        ),
        # CLDR's short time reads "PM 1:00" in Korean; Korean writes 오후 1:00 ~ 오후 6:00.
        "time_format": "aaaa h:mm",
        "time_separator": " ~ ",
    },
}
archive_default_language = "en"

# -- Options for HTML output -------------------------------------------------

html_theme = "furo"
html_static_path = ["_static"]
html_css_files = ["archive.css"]
html_favicon = "_static/favicon.svg"
html_copy_source = False
# Photos are shown at column width; no link to the same file around them.
html_scaled_image_link = False
html_show_sourcelink = False
html_last_updated_fmt = None

# Read the Docs tells the build where this version of this language is served.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
# Where the site is served in production, for the absolute URLs of feeds,
# sitemaps and social cards when the build is not on Read the Docs.
archive_base_url = "https://pytorchkr-archive.readthedocs.io/{language}/latest/"
# Who organizes the events, for their structured data (schema.org Event).
archive_organizer_url = "https://pytorch.kr/"
# The names the record gives the group itself among an event's organizers.
archive_organizer_names = ["PyTorchKR", "PyTorch Korea"]

# -- Options for sphinxext-opengraph -----------------------------------------
# The site URL and name are set per language by pytorchkr_archive.pages.discovery.

ogp_social_cards = {"enable": False}
ogp_enable_meta_description = True
ogp_use_first_image = True

# -- Options for sphinx-notfound-page and sphinx-sitemap ----------------------
# Their URLs are set per language by pytorchkr_archive.pages.discovery.

notfound_pagename = "404"
sitemap_show_lastmod = False
