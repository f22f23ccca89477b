"""Drafts: a page whose front matter starts with ``published: false`` is not built.

An organizer may write the next event's page before it is ready to show
(its facts half known, its text to come) and keep it in the repository.
``published: false`` at the top of its front matter keeps it out of the
built site altogether: Sphinx does not read it (it joins
``exclude_patterns`` at ``config-inited``), so it is in no listing, feed,
calendar, sitemap, search index, message template or navigation, and the
event checks leave it alone until it is published.  Any other value than
``true`` or ``false`` is an error naming the file and line: a draft shown by
mistake, or a page hidden by one, is what this field exists to prevent.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: ``published: ...`` as a top-level key of the front matter, and its value.
PUBLISHED = re.compile(r"^published:[ \t]*(?P<value>[^#\n]*?)[ \t]*(?:#.*)?$", re.MULTILINE)
#: How YAML 1.1 (PyYAML) writes the two booleans.
TRUE = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"}
FALSE = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"}
#: Folders of the project that hold no page.
NOT_PAGES = {"_build", "tests", "docs", "locale", "node_modules", "pytorchkr_archive"}


def front_matter(text: str) -> tuple[str, int] | None:
    """The YAML front matter of a page and the line it starts on, if it has one.

    The one reader of it: the event schema (:mod:`pytorchkr_archive.events.facts.schema`)
    reads an event's facts from what it returns.
    """
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 4)
    if end == -1:
        return None
    return text[4 : end + 1], 2


def published(path: Path) -> tuple[bool, str | None, int]:
    """Whether a page is published; a problem with its ``published:`` value, and its line."""
    found = front_matter(path.read_text(encoding="utf-8", errors="replace"))
    match = PUBLISHED.search(found[0]) if found else None
    if found is None or match is None:
        return True, None, 0
    line = found[1] + found[0].count("\n", 0, match.start())
    value = match["value"].strip("'\"") if match["value"] else ""
    if value in FALSE:
        return False, None, line
    if value in TRUE:
        return True, None, line
    return (
        False,
        f"published: {match['value'] or 'an empty value'} is neither true nor false: write "
        "'published: false' to keep the page out of the site, or delete the line to publish "
        "it (the page is left out until then)",
        line,
    )


def pages(srcdir: Path) -> list[Path]:
    """Every Markdown page of the project, outside the folders that hold none.

    The walk does not enter those folders (nor hidden ones, ``.venv`` and
    ``.git`` among them): this runs at the start of every build, and a
    search of the whole tree read ``.venv`` and ``node_modules`` too (119 ms
    against 0.4 ms in this project).
    """
    found = []
    for folder, dirs, names in os.walk(srcdir):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in NOT_PAGES)
        found += [Path(folder) / name for name in names if name.endswith(".md")]
    return sorted(p for p in found if not p.name.startswith("."))


def drafts(srcdir: Path) -> list[tuple[Path, str | None, int]]:
    """The pages left out: each with the problem of its value, if any, and its line."""
    found = []
    for path in pages(srcdir):
        shown, problem, line = published(path)
        if not shown:
            found.append((path, problem, line))
    return found


def is_draft(path: Path) -> bool:
    """Whether a page is left out of the site (a draft, or an unclear value)."""
    return not published(path)[0]


def exclude_drafts(app: Sphinx, config: Config) -> None:
    """Leave every draft out of the build; a value neither true nor false is a warning."""
    srcdir = Path(app.srcdir)
    for path, problem, line in drafts(srcdir):
        config.exclude_patterns.append(path.relative_to(srcdir).as_posix())
        if problem:
            logger.warning(problem, location=f"{path}:{line}", type="archive", subtype="draft")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", exclude_drafts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
