"""The project's sources: what a copy of the project needs to build.

The tests and ``make bench`` build copies of the project (to break them, to
edit a catalog, to grow a synthetic archive) and never its own folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

#: Folders and files a build reads, besides the top-level pages (``*.md``).
PROJECT_FILES = ("conf.py", "events", "series", "locale", "_static", "pytorchkr_archive")


def copy_sources(source: Path, dest: Path) -> Path:
    """Copy the project at ``source`` to ``dest``, without build output or compiled
    catalogs; returns ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("*.mo", "__pycache__")
    pages = [p.name for p in source.glob("*.md")]
    for name in (*PROJECT_FILES, *pages):
        src = source / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore, dirs_exist_ok=True)
        elif src.is_file():
            shutil.copy2(src, dest / name)
    return dest


def keep_only_events(project: Path, *docnames: str) -> None:
    """Leave only these events (their pages and catalogs) in a copy of the project.

    The benchmarks' synthetic archives copy one event; a test whose clock is in
    the archive's past would see the record's later events, known in part, as
    events ahead, which must be known in full.
    """
    for page in (project / "events").glob("2*.md"):
        docname = f"events/{page.stem}"
        if docname not in docnames:
            page.unlink()
            for catalog in (project / "locale").glob(f"*/LC_MESSAGES/{docname}.po"):
                catalog.unlink()
