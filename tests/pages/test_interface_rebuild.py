"""A changed interface translation reaches every page of an incremental build.

Sphinx writes a page again when its source, its templates or an ``html``
configuration value changed; a translator who corrects an interface string
in ``sphinx.po`` changes none of these, and used to see the fix on new pages
only. Reproduced as the translator does it: build, edit ``sphinx.po``,
build again (``make html``, incremental).
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.conftest import EVENT, copy_project, run
from tests.helpers import soup

BUILD = [sys.executable, "-m", "pytorchkr_archive.sitebuild.site", "-l", "ko"]


def first_label(project: Path) -> str:
    card = soup(project / "_build" / "html" / "ko" / f"{EVENT}.html").select_one(".event-card")
    return card.find("dt").get_text()


def test_a_corrected_interface_string_is_on_every_page_at_the_next_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", first_event=True)
    run(BUILD, cwd=project)
    assert first_label(project) == "날짜"
    catalog = project / "locale" / "ko" / "LC_MESSAGES" / "sphinx.po"
    text = catalog.read_text(encoding="utf-8")
    assert text.count('msgid "Date"\nmsgstr "날짜"') == 1
    catalog.write_text(text.replace('msgid "Date"\nmsgstr "날짜"', 'msgid "Date"\nmsgstr "일자"'))
    run(BUILD, cwd=project)
    assert first_label(project) == "일자"
    index = soup(project / "_build" / "html" / "ko" / "index.html")
    assert index.find("html")["lang"] == "ko"
