"""A page renamed without its catalog keeps its translations.

The issue's reproduction: ``git mv`` of the event page alone, then ``make
update-po``: the new catalog was filled from the orphaned one, every message
fuzzy, and the Korean page read 0 % translated.  The orphan is the page's old
catalog, its exact matches are the translator's own work on the same text:
the page now takes them as they were, exactly what moving the catalog with
the page gives, and ``make update-po`` and ``make check-po`` say what to do
with the old file.  Another event's catalog still only offers its
translations, fuzzy.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pytorchkr_archive.catalogs.files import load, save
from tests.conftest import EVENT, copy_project, require_tool
from tests.po_tools import CLOSING, CLOSING_KO, EVENT_PO, tool
from tests.translation.test_one_count import korean_build, notice_percent, stats_percent

NEW = "events/2025-03-30-pytorch-kr-conference"
NEW_PO = f"locale/ko/LC_MESSAGES/{NEW}.po"


def git(project: Path, *args: str) -> None:
    git_tool = require_tool("git", "Debian: apt-get install git")
    subprocess.run([git_tool, *args], cwd=project, check=True, capture_output=True)


def git_project(folder: Path) -> Path:
    """A copy of the project in a repository of its own, for git mv."""
    project = copy_project(folder / "project")
    git(project, "init", "-q")
    git(project, "add", "-A")
    return project


def messages(path: Path) -> list[tuple[object, ...]]:
    """A catalog's messages as the page uses them (not where they are in the English)."""
    catalog = load(path)
    return [
        (m.context, m.id, m.string, m.fuzzy, tuple(m.previous_id), tuple(m.user_comments))
        for m in catalog
        if m.id
    ]


@pytest.fixture
def renamed_alone(tmp_path: Path) -> Path:
    """The page renamed with git mv, its catalog left where it was."""
    project = git_project(tmp_path)
    git(project, "mv", f"{EVENT}.md", f"{NEW}.md")
    return project


def test_the_renamed_page_takes_its_old_catalog_as_it_was(renamed_alone: Path) -> None:
    update = tool(renamed_alone, "update_po")
    assert update.returncode == 0, update.stderr
    assert (
        f"created: {NEW_PO} (took 45 translations from {EVENT_PO}, the page's old catalog, as "
        "they were: the page was renamed without it; check the page, then delete that file)"
    ) in update.stdout
    orphaned = f"orphaned: {EVENT_PO} (no English page has this name any more; its page is now"
    assert f"{orphaned} {NEW}, whose catalog has its translations" in update.stdout
    catalog = load(renamed_alone / NEW_PO)
    assert not [m.id for m in catalog if m.id and (m.fuzzy or not m.string)]
    assert catalog.get(CLOSING).string == CLOSING_KO
    assert notice_percent(korean_build(renamed_alone) / f"{NEW}.html") is None
    assert stats_percent(renamed_alone, f"{NEW}.po") == 100


def test_it_is_what_moving_the_catalog_too_gives(renamed_alone: Path, tmp_path: Path) -> None:
    both = git_project(tmp_path / "both")
    git(both, "mv", f"{EVENT}.md", f"{NEW}.md")
    git(both, "mv", EVENT_PO, NEW_PO)
    assert tool(both, "update_po").returncode == 0
    assert tool(renamed_alone, "update_po").returncode == 0
    assert messages(renamed_alone / NEW_PO) == messages(both / NEW_PO)


def test_a_renamed_and_edited_page_keeps_the_rest_and_the_change_is_fuzzy(
    renamed_alone: Path,
) -> None:
    edit_page_at = renamed_alone / f"{NEW}.md"
    text = edit_page_at.read_text(encoding="utf-8")
    edit_page_at.write_text(text.replace(CLOSING, CLOSING + " Bring a friend."), "utf-8")
    assert tool(renamed_alone, "update_po").returncode == 0
    catalog = load(renamed_alone / NEW_PO)
    changed = catalog.get(CLOSING + " Bring a friend.")
    assert changed.fuzzy and changed.string == CLOSING_KO and changed.previous_id == [CLOSING]
    assert sum(1 for m in catalog if m.id and m.string and not m.fuzzy) == 44


def test_check_po_names_the_orphan_and_the_page_it_became(renamed_alone: Path) -> None:
    check = tool(renamed_alone, "check_po")
    assert (
        f"{EVENT_PO}:1: warning: [orphan] no English page is named {EVENT} any more, so nothing "
        f"shows this catalog and it is not counted; its messages are those of the page {NEW}"
    ) in check.stdout
    # Before make update-po, the renamed page has no catalog: that fails.
    assert check.returncode == 1
    assert f"{NEW_PO}:1: error: [behind] there is no catalog for {NEW}" in check.stdout
    assert tool(renamed_alone, "update_po").returncode == 0
    check = tool(renamed_alone, "check_po")
    assert check.returncode == 0, check.stdout
    assert "warning: [orphan]" in check.stdout
    # Once the old file is deleted, nothing is left to say.
    (renamed_alone / EVENT_PO).unlink()
    check = tool(renamed_alone, "check_po")
    assert check.returncode == 0 and "[orphan]" not in check.stdout


def test_a_catalog_made_fuzzy_before_is_confirmed_from_its_old_catalog(
    renamed_alone: Path,
) -> None:
    """The issue's state: the new catalog was made with every message fuzzy from the orphan."""
    made = load(renamed_alone / EVENT_PO)
    for message in made:
        if message.id:
            message.flags.add("fuzzy")
    po = renamed_alone / NEW_PO
    save(po, made)
    assert sum(1 for m in load(po) if m.id and m.fuzzy) == 45
    update = tool(renamed_alone, "update_po")
    assert f"took 45 translations from {EVENT_PO}" in update.stdout
    assert not [m.id for m in load(po) if m.id and m.fuzzy]


def test_an_unrelated_orphan_is_not_taken_for_a_new_page(tmp_path: Path) -> None:
    """A page removed, and a new event with the same facts but its own recap: not a rename.

    The new page's facts are offered from the old catalog, fuzzy, as from any other.
    """
    project = copy_project(tmp_path / "project")
    page = project / f"{EVENT}.md"
    front, _, _ = page.read_text(encoding="utf-8").partition("\n---\n")
    page.unlink()
    (project / "events/2026-05-01-spring-meetup.md").write_text(
        front.replace("2025-03-30", "2026-05-01") + "\n---\n\n# Spring meetup\n\nA new recap.\n",
        encoding="utf-8",
    )
    update = tool(project, "update_po")
    assert update.returncode == 0, update.stdout + update.stderr
    assert "took" not in update.stdout
    assert f"orphaned: {EVENT_PO} (no English page has this name any more; its translations" in (
        update.stdout
    )
    spring = load(project / "locale/ko/LC_MESSAGES/events/2026-05-01-spring-meetup.po")
    city = spring.get("Seoul", context="event city")
    assert city.string == "서울" and city.fuzzy
    assert not spring.get("Spring meetup").string
    check = tool(project, "check_po")
    assert "if the page was renamed, git mv this file to the page's new name" in check.stdout
