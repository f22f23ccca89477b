"""``make html`` replaces the site whole or not at all: a failed build loses nothing."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from pytorchkr_archive.sitebuild.staging import spare_of
from tests.conftest import EVENT, copy_project
from tests.helpers import python_m


def build(project: Path, *, processes: bool = False) -> subprocess.CompletedProcess[str]:
    """What ``make html`` runs, in a copy of the project: in this process, its
    languages one after the other (``tests.helpers.build_language_here``), or
    with ``processes`` as ``make html`` runs it, a process per language."""
    if processes:
        command = [sys.executable, "-m", "pytorchkr_archive.sitebuild.site"]
        return subprocess.run(command, cwd=project, capture_output=True, text=True)
    return python_m(["pytorchkr_archive.sitebuild.site"], project)


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under ``folder``: its content's hash and its modification time."""
    return {
        str(path.relative_to(folder)): (
            hashlib.sha256(path.read_bytes()).hexdigest(),
            path.stat().st_mtime_ns,
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def leftovers(project: Path) -> list[str]:
    """Staging or previous-output folders left in ``_build`` (the spare, the
    output the last build replaced, is kept for the next build to start from)."""
    spare = spare_of(project / "_build" / "html").name
    hidden = (p.name for p in (project / "_build").iterdir() if p.name.startswith("."))
    return sorted(name for name in hidden if name != spare)


@pytest.fixture
def built(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project", first_event=True)
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def break_the_event_page(project: Path) -> None:
    page = project / f"{EVENT}.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nSee {ref}`a-label-nobody-defined`.\n",
        encoding="utf-8",
    )


def test_a_failed_build_exits_non_zero_and_leaves_the_site_as_it_was(built: Path) -> None:
    html = built / "_build" / "html"
    before = snapshot(html)
    break_the_event_page(built)

    result = build(built)

    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    # Sphinx's own message, with the file and line, reaches the reader...
    assert f"{EVENT}.md:" in output
    assert "a-label-nobody-defined" in output
    # ... and the folder it names is the real one, not the staging copy.
    assert "staging" not in result.stdout
    assert "_build/html/ is left as it was" in result.stderr
    assert snapshot(html) == before, "the failed build changed _build/html"
    assert leftovers(built) == []


def test_a_successful_build_replaces_the_site_whole(built: Path) -> None:
    page = built / f"{EVENT}.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nA sentence added after the first build.\n",
        encoding="utf-8",
    )
    result = build(built)
    assert result.returncode == 0, result.stdout + result.stderr
    html = built / "_build" / "html"
    assert "A sentence added after the first build." in (html / "en" / f"{EVENT}.html").read_text(
        encoding="utf-8"
    )
    assert (html / "index.html").is_file()
    assert leftovers(built) == []
    # Incremental: only the changed page was read again; the listings show none
    # of what changed (tests/events/test_listing_rewrites.py), so they stay.
    assert "0 added, 1 changed, 0 removed" in result.stdout


def test_a_first_build_that_fails_writes_no_site(tmp_path: Path) -> None:
    """As ``make html`` runs: each language's Sphinx in a process of its own."""
    project = copy_project(tmp_path / "project", first_event=True)
    break_the_event_page(project)
    result = build(project, processes=True)
    assert result.returncode == 1
    assert f"{EVENT}.md:" in result.stdout and "== ko (" in result.stdout
    assert "nothing was written to _build/html/" in result.stderr
    assert not (project / "_build" / "html").exists()
    assert leftovers(project) == []
