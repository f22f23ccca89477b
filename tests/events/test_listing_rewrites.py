"""A translator's edit rewrites the listings only when it changes what they show.

Pages with listings (the landing page, series pages, the speakers index) are
rendered from every event when they are written; an edit of a recap's
paragraph changes none of it and leaves them as they are, an edit of an
event's summary (shown in the listings) writes them again.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.conftest import EVENT, copy_project, run
from tests.events.test_event_messages import SUMMARY, set_msgstr

LISTINGS = ("index.html", "series/tech-seminars.html", "speakers.html")
PARAGRAPH = ("을 공유합니다. PyTorch가", "을 공유했습니다. PyTorch가")


def korean(project: Path) -> Path:
    run([sys.executable, "-m", "pytorchkr_archive.sitebuild.site", "-l", "ko"], cwd=project)
    return project / "_build" / "html" / "ko"


def stamps(site: Path) -> dict[str, int]:
    return {name: (site / name).stat().st_mtime_ns for name in LISTINGS}


def test_a_paragraph_leaves_the_listings_and_a_summary_rewrites_them(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = korean(project)
    before = stamps(site)
    catalog = project / "locale" / "ko" / "LC_MESSAGES" / f"{EVENT}.po"
    text = catalog.read_text(encoding="utf-8")
    assert PARAGRAPH[0] in text
    catalog.write_text(text.replace(*PARAGRAPH), encoding="utf-8")
    page = site / f"{EVENT}.html"
    written = page.stat().st_mtime_ns
    korean(project)
    assert PARAGRAPH[1] in page.read_text(encoding="utf-8")
    assert page.stat().st_mtime_ns != written  # the page itself is written again
    assert stamps(site) == before  # the listings are not
    set_msgstr(project, "event summary", SUMMARY, "새 요약.")
    korean(project)
    assert "새 요약." in (site / "index.html").read_text(encoding="utf-8")
    assert all(stamps(site)[name] != before[name] for name in LISTINGS)
