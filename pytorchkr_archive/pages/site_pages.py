"""Every page of the site, written by this build or kept from an earlier one.

An incremental build writes the pages whose sources changed, and Sphinx's
additional pages; every other page of the output is the one an earlier build
wrote, and is still part of the site.  What speaks of the whole site has to
count those too: the stale-output sweep (:mod:`.stale_outputs`) and the
sitemap (:mod:`.discovery`: sphinx-sitemap lists only the pages written by
the build that writes it, jdillard/sphinx-sitemap#13, so a translator's
rebuild used to publish a sitemap of two pages).

The pages an extension generates at ``html-collect-pages`` (a speaker's page,
a year of events) have no source for Sphinx to compare times with, so Sphinx
writes them all on every build: at a thousand events, hundreds of pages for
one edited message.  So such a page is written again only when what it would
be changed: :func:`unchanged` compares a digest of the data its title and
body are made of and of its template, and of everything around them on every
page (the configuration and templates, by Sphinx's own build information;
the stylesheets and scripts; the titles and toctrees the sidebar is drawn
from), with the digest of the page in the output, recorded beside it
(:data:`RECORD`) by the build that wrote it.  The record lives in the
output folder, so it is replaced with it (``make html``'s staging) or not at
all.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: The digests of the generated pages in the output, by page (a dotfile of
#: the output, as Sphinx's ``.buildinfo``).
RECORD = ".archive-generated-pages.json"


@dataclass
class _Build:
    """One build's pages: written, kept, and the generated ones' digests."""

    written: set[str] = field(default_factory=set)
    kept: set[str] = field(default_factory=set)
    digests: dict[str, str] = field(default_factory=dict)
    recorded: dict[str, str] | None = None
    surroundings: str | None = None


_builds: WeakKeyDictionary[Sphinx, _Build] = WeakKeyDictionary()


def _build(app: Sphinx) -> _Build:
    return _builds.setdefault(app, _Build())


def remember_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Note each page the builder writes, its own pages (index, search) included."""
    _build(app).written.add(pagename)


def written_pages(app: Sphinx) -> set[str]:
    """The pages this build wrote (so far)."""
    return set(_build(app).written)


def site_pages(app: Sphinx) -> set[str]:
    """Every page of the output: the sources', and those written or kept by this build."""
    build = _build(app)
    return set(app.env.all_docs) | build.written | build.kept


def surroundings(app: Sphinx) -> str:
    """A digest of what every page has around its content, the same for the whole build."""
    builder: Any = app.builder
    env = app.env
    info = getattr(builder, "build_info", None)
    templates = getattr(builder, "templates", None)
    parts = [
        [info.config_hash, info.tags_hash] if info is not None else None,
        templates.newest_template_mtime() if templates is not None else None,
        # Their str() names the file, priority and attributes (repr() their address).
        [str(asset) for asset in getattr(builder, "_css_files", [])],
        [str(asset) for asset in getattr(builder, "_js_files", [])],
        sorted((parent, list(children)) for parent, children in env.toctree_includes.items()),
        sorted((docname, title.astext()) for docname, title in env.titles.items()),
    ]
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()


def _recorded(app: Sphinx) -> dict[str, str]:
    try:
        found = json.loads(Path(app.outdir, RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(page): str(digest) for page, digest in found.items()}


def unchanged(app: Sphinx, pagename: str, templatename: str, made_of: object) -> bool:
    """Whether the generated page ``pagename`` is in the output as this build
    would write it; then it is kept, and need not be rendered or yielded.

    ``made_of`` is what the page's title and body are rendered from, as data
    whose ``repr()`` is the same exactly when they are (data classes, strings,
    numbers, tuples): the data, not the rendering, so that a page kept costs
    no rendering.  A ``repr()`` that differs from build to build (an object's
    address) only makes the page written every time.
    """
    build = _build(app)
    if build.surroundings is None:
        build.surroundings = surroundings(app)
        build.recorded = _recorded(app)
    content = f"{build.surroundings}\n{templatename}\n{made_of!r}".encode()
    digest = hashlib.sha256(content).hexdigest()
    build.digests[pagename] = digest
    outfile = Path(app.builder.get_outfilename(pagename))
    if (build.recorded or {}).get(pagename) == digest and outfile.is_file():
        build.kept.add(pagename)
        return True
    return False


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` unless it already holds exactly that; whether it wrote.

    What is made from every event (the feed, the calendars) and what is kept
    from one build to the next (this record, the sidebars, the events'
    readings and serialized calendars) is made again by every build; writing
    only what differs leaves the others' times alone, so that ``make live``,
    a sync to a server and a diff of a published copy see only what the edit
    touched.  A file is written whole: beside itself, then renamed over the
    old one, so no reader (a server, the next build) finds half of it.
    """
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_bytes(data)
    partial.replace(path)
    return True


def save_record(app: Sphinx, exception: Exception | None) -> None:
    """Record the generated pages' digests beside them, for the next build."""
    build = _builds.pop(app, None)
    if exception or build is None or app.builder.format != "html" or not build.digests:
        return
    text = json.dumps(build.digests, sort_keys=True, indent=0) + "\n"
    write_if_changed(Path(app.outdir, RECORD), text.encode("utf-8"))


def setup(app: Sphinx) -> dict[str, Any]:
    """Note the pages written; record the generated ones once the build is done."""
    app.connect("html-page-context", remember_page)
    # Last: after the sitemap (500) and the stale-output sweep (900) have used them.
    app.connect("build-finished", save_record, priority=950)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
