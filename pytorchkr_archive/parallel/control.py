"""The parallel view on each page: its data file, its control, its interface strings.

At ``html-page-context``, first of the archive's handlers, the page's body
is taken out of its markers (:mod:`.fragments`) and the page's blocks are
written to its data file (:mod:`.page_data`); once the page's counterparts
are known, the template gets what the control in the language bar needs:
the data file of each other language, where the page is in it, and the
view's script, which the browser loads only when the reader turns the view
on.  The page itself
carries the control and a small script that knows when to load the rest.

The 404 page has no view: it is served in place of any missing page, so it
does not know which page it stands for.
"""

from __future__ import annotations

import hashlib
import posixpath
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.locale import get_translation
from sphinx.util.i18n import docname_to_domain

from pytorchkr_archive.events.facts.built import event_page, translations
from pytorchkr_archive.events.facts.event_view import card_fields
from pytorchkr_archive.events.for_readers.card import card_view
from pytorchkr_archive.pages.languages import current_language
from pytorchkr_archive.parallel.edit_links import Repository
from pytorchkr_archive.parallel.entries import catalog_entries, page_catalog
from pytorchkr_archive.parallel.fragments import split
from pytorchkr_archive.parallel.markers import CARD
from pytorchkr_archive.parallel.page_data import (
    DATA_DIR,
    Catalog,
    block_record,
    data_path,
    page_data,
)

STATIC = Path(__file__).with_name("static")
TEMPLATES = Path(__file__).with_name("templates")
#: Loaded on every page with blocks: the control's behaviour, without the view.
CONTROL_SCRIPT = "archive-parallel-control.js"
#: Loaded when the reader turns the view on (the script loads the style).
VIEW_SCRIPT = "archive-parallel.js"
VIEW_STYLE = "archive-parallel.css"

#: The view's interface strings, by the name the script uses, in the
#: ``sphinx`` catalog with the rest of the interface (``sphinx.po``).
UI_MESSAGES = {
    "untranslated": "Not translated into %(language)s yet.",
    "fuzzy": "Awaiting review in %(language)s:",
    "edit": "Edit the %(language)s translation",
    "where": "%(file)s, line %(line)s",
}


def interface_strings(app: Sphinx) -> dict[str, Any]:
    """The view's strings in the language being built, and every language's name."""
    translate = get_translation("sphinx")
    strings: dict[str, Any] = {name: str(translate(text)) for name, text in UI_MESSAGES.items()}
    strings["source"] = app.config.archive_default_language
    strings["languages"] = {
        code: entry["name"] for code, entry in app.config.archive_languages.items()
    }
    return strings


def _per_build(app: Sphinx) -> tuple[str, dict[str, Any]]:
    """What every page of a build shares, worked out at its first page: the
    view script's version and the view's strings in the language built.

    The version is a digest of the script and of the stylesheet it loads from
    the same address: a new view is a new URL, so a browser never runs an old
    view with new data.
    """
    shared = getattr(app.builder, "archive_parallel_shared", None)
    if shared is None:
        digest = hashlib.sha1()
        for name in (VIEW_SCRIPT, VIEW_STYLE):
            digest.update((STATIC / name).read_bytes())
        shared = (digest.hexdigest()[:8], interface_strings(app))
        app.builder.archive_parallel_shared = shared
    return shared


def _catalog(app: Sphinx, pagename: str, repository: Repository | None) -> Catalog | None:
    config = app.config
    lang = current_language(config)
    if lang == config.archive_default_language:
        return None
    srcdir = Path(app.srcdir)
    dirs = [srcdir / directory for directory in config.locale_dirs]
    path = page_catalog(dirs, lang, docname_to_domain(pagename, config.gettext_compact))
    if path is None:
        return Catalog({}, "", repository)
    try:
        relative = path.relative_to(srcdir).as_posix()
    except ValueError:
        relative = path.as_posix()
    return Catalog(catalog_entries(path), relative, repository)


def add_parallel_view(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Take the markers out of the body, write the page's blocks, give the control."""
    context["archive_parallel"] = None
    marked = getattr(app.builder, "archive_marked", None) or []
    app.builder.archive_marked = None
    if "body" not in context or doctree is None:
        return
    env = app.env
    event = event_page(env, pagename)
    cards = {}
    if event:
        fields = [name for name, _messages in card_fields(card_view(app.builder, event))]
        cards = {number: fields for number, m in enumerate(marked) if m.message == CARD}
    context["body"], fragments = split(context["body"], cards)
    not_found = app.config.notfound_pagename if "notfound_pagename" in app.config else None
    if not fragments or pagename == not_found:
        return
    catalog = _catalog(app, pagename, getattr(app.builder, "archive_repository", None))
    event_data = (event, translations(env)) if event else None
    blocks = [block_record(f, marked[f.number], catalog, event_data) for f in fragments]
    path = data_path(Path(app.outdir), pagename)
    path.parent.mkdir(parents=True, exist_ok=True)
    version, strings = _per_build(app)
    path.write_text(
        page_data(current_language(app.config), pagename, strings, blocks), encoding="utf-8"
    )
    context["archive_parallel"] = {
        "own": context["pathto"](f"{DATA_DIR}/{pagename}.js", 1),
        "script": f"{context['pathto'](f'_static/{VIEW_SCRIPT}', 1)}?v={version}",
    }
    app.add_js_file(CONTROL_SCRIPT, defer="defer")


def add_other_languages(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Give the control each other language's data file and page, from the
    page's counterparts (:mod:`pytorchkr_archive.pages.languages`): relative
    in a local build, Read the Docs' URLs there."""
    control = context.get("archive_parallel")
    if not control:
        return
    target = app.builder.get_target_uri(pagename)
    control["others"] = [
        {
            "lang": page.lang,
            "name": page.name,
            "page": page.href,
            "src": posixpath.join(page.href.removesuffix(target), DATA_DIR, f"{pagename}.js"),
        }
        for page in context["archive_alternates"]
        if not page.current and page.href.endswith(target)
    ]
