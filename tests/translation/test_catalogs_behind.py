"""``make check`` says when the catalogs are behind the English, and stays fast and offline.

The issue's reproduction: a word of an event's summary changed and ``make
check`` run without ``make update-po`` passed ("0 fuzzy, 0 untranslated")
while the Korean page showed the summary in English.  Now it fails, names
the catalog and says to run ``make update-po``; so it does for a paragraph
removed from the English, and for a page with no catalog.  The English's
messages are extracted once and kept until the sources change.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pytorchkr_archive.translation import english
from tests.conftest import EVENT, PROJECT, copy_project, require_tool
from tests.po_tools import CLOSING, EVENT_PO, edit_page, tool

SUMMARY = "with a PyTorch core maintainer: seven talks and a panel."


def make_project(folder: Path) -> Path:
    """A copy of the project where ``make`` runs: the Makefile, and the project's venv."""
    project = copy_project(folder / "project")
    for name in ("Makefile", "requirements.lock"):
        shutil.copy2(PROJECT / name, project / name)
    (project / ".venv").symlink_to(PROJECT / ".venv")
    return project


def make_check(project: Path) -> subprocess.CompletedProcess[str]:
    process = subprocess.run(
        [require_tool("make", "Debian: apt-get install make"), "--no-print-directory", "check"],
        cwd=project, capture_output=True, text=True, check=False,
        env={**os.environ, "CI": "true"},
    )  # fmt: skip
    assert "Traceback" not in process.stdout + process.stderr, process.stderr
    return process


def test_an_english_only_edit_fails_make_check_until_update_po(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    edit_page(project, lambda text: text.replace(SUMMARY, SUMMARY.replace("seven", "eight")))
    check = make_check(project)
    assert check.returncode != 0, check.stdout
    assert re.search(
        rf"^{re.escape(EVENT_PO)}:\d+: error: \[behind\] the catalog is behind the English "
        r"page: it lacks 1 message of the page .* and it holds 1 message the page no longer has "
        r".*run make update-po",
        check.stdout,
        re.M,
    ), check.stdout
    assert "1 catalog(s) behind the English pages: run make update-po" in check.stdout
    # The events' check still ran (make check runs every check).
    assert "check-events:" in check.stdout
    assert tool(project, "update_po").returncode == 0
    check = make_check(project)
    assert check.returncode == 0, check.stdout
    assert "1 fuzzy, 0 untranslated" in check.stdout  # the summary, to confirm


def test_a_removed_paragraph_is_behind_too(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    edit_page(project, lambda text: text.replace(f"\n{CLOSING}\n", "\n"))
    check = tool(project, "check_po")
    assert check.returncode == 1
    assert "holds 1 message the page no longer has (the first: 'See you at the next" in (
        check.stdout
    )
    assert tool(project, "update_po").returncode == 0
    assert tool(project, "check_po").returncode == 0


def test_a_page_without_a_catalog_is_named(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    extra = "---\norphan: true\n---\n\n# Extra\n\nA new paragraph.\n"
    (project / "extra.md").write_text(extra, encoding="utf-8")
    check = tool(project, "check_po")
    assert check.returncode == 1
    assert (
        "locale/ko/LC_MESSAGES/extra.po:1: error: [behind] there is no catalog for extra: its "
        "page shows in English; run make update-po, which creates this file"
    ) in check.stdout
    assert "Not counted: 1 page(s) with no catalog yet" in tool(project, "stats").stdout
    assert "Not listed: 1 page(s) with no catalog yet" in tool(project, "todo").stdout


def test_a_catalog_with_the_english_of_its_page_passes(tmp_path: Path) -> None:
    check = tool(copy_project(tmp_path / "project"), "check_po")
    assert check.returncode == 0, check.stdout
    assert "[behind]" not in check.stdout


def test_the_english_is_extracted_once_and_kept_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path / "project")
    # make update-po extracts anyway: it keeps what it read for the commands after it.
    assert tool(project, "update_po").returncode == 0
    assert (project / english.CACHE).is_file()
    extracted: list[Path] = []
    real = english.extract

    def counting(source: Path, out: Path) -> int:
        extracted.append(source)
        return real(source, out)

    monkeypatch.setattr(english, "extract", counting)
    first = english.english_messages(project)
    assert extracted == []
    assert first is not None and f"{EVENT}" in first and "sphinx" in first
    assert english.english_messages(project) == first and extracted == []
    # A change of the English is seen: the messages are extracted again, once.
    edit_page(project, lambda text: text.replace(SUMMARY, SUMMARY.replace("seven", "eight")))
    changed = english.english_messages(project)
    assert len(extracted) == 1
    assert changed is not None and changed[EVENT] != first[EVENT]
    assert english.english_messages(project) == changed and len(extracted) == 1


def test_a_broken_english_page_is_said_not_hidden(tmp_path: Path) -> None:
    """When the English cannot be extracted, check-po fails and says why (no traceback)."""
    project = copy_project(tmp_path / "project")
    (project / "broken.md").write_text("# Broken\n\n```{nosuchdirective}\n```\n", "utf-8")
    check = tool(project, "check_po")
    assert check.returncode == 1
    assert "cannot tell whether the catalogs are behind the English" in check.stdout
    assert "broken.md" in check.stdout + check.stderr
