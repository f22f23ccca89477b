"""The output is exactly the sources: nothing is left of a page renamed or deleted.

Sphinx writes each page it builds and never removes one: after ``git mv``
or ``git rm`` of a page, an incremental build (``make html``, whose staging
copy starts from the previous output so that it stays incremental;
``make live``) still holds the old ``events/<old>.html`` and its
``.ics``, unlinked but served by ``make serve`` and shipped by anyone who
publishes ``_build/html``.

So after each HTML build, every file derived from a page that is not among
the sources any more is removed: its HTML page, and the files the archive
and Sphinx write beside it under the same name (its calendar
``<page>.ics``, its parallel-view data ``_parallel/<page>.js``, its search
summary ``_search/<page>.txt``, its source ``_sources/<page>.md.txt``).
The pages the builder writes of its own (the index, the search page) and
the files of ``html_extra_path`` are kept.  Nothing else is touched: the build stays incremental.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from pytorchkr_archive.pages.site_pages import site_pages

logger = logging.getLogger(__name__)

#: Folders under the output that hold one file per page, named after the
#: page, and the suffix each adds to the page's name.
PER_PAGE_FOLDERS = {"_parallel": (".js",), "_search": (".txt",), "_sources": (".txt",)}
#: Files beside a page that are named after it (``events/<page>.ics``).
PER_PAGE_SUFFIXES = (".html", ".ics")
#: Files at the output's root that are not pages': the calendar to subscribe
#: to, and each year's (``events-<year>.ics``,
#: :mod:`pytorchkr_archive.events.for_machines.calendars`).
SITE_FILES = frozenset({"events.ics"})
SITE_FILE_PATTERN = re.compile(r"events-\d{4}\.ics")


def page_of(relative: Path) -> str | None:
    """The page a file of the output is derived from, if it is a page's file."""
    parts = relative.parts
    if parts[0] in PER_PAGE_FOLDERS:
        name = Path(*parts[1:]).as_posix()
        for suffix in PER_PAGE_FOLDERS[parts[0]]:
            if name.endswith(suffix):
                name = name.removesuffix(suffix)
                # _sources/<page>.md.txt: the source's own suffix, too.
                return name.rsplit(".", 1)[0] if parts[0] == "_sources" else name
        return None
    name = relative.as_posix()
    if parts[0].startswith(("_", ".")) or name in SITE_FILES or SITE_FILE_PATTERN.fullmatch(name):
        return None
    if relative.suffix in PER_PAGE_SUFFIXES:
        return relative.with_suffix("").as_posix()
    return None


def extra_files(app: Sphinx) -> set[str]:
    """The files ``html_extra_path`` copies to the output, relative to it."""
    found = set()
    for extra in app.config.html_extra_path:
        root = Path(app.confdir, extra)
        paths = root.rglob("*") if root.is_dir() else [root]
        found |= {
            (p.relative_to(root) if root.is_dir() else Path(p.name)).as_posix()
            for p in paths
            if p.is_file()
        }
    return found


def remove_stale_outputs(app: Sphinx, exception: Exception | None) -> None:
    """Remove every file of the output derived from a page that is not a source any more."""
    if exception or app.builder.format != "html":
        return
    pages = site_pages(app)
    outdir = Path(app.outdir)
    keep = extra_files(app)
    removed = []
    for path in sorted(outdir.rglob("*")):
        relative = path.relative_to(outdir)
        if not path.is_file() or relative.as_posix() in keep:
            continue
        page = page_of(relative)
        if page is not None and page not in pages:
            path.unlink()
            removed.append(relative.as_posix())
    if removed:
        logger.info("removed %d file(s) of pages that are gone: %s", len(removed), removed)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the clean-up after the HTML build."""
    app.setup_extension("pytorchkr_archive.pages.site_pages")
    app.connect("build-finished", remove_stale_outputs, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
