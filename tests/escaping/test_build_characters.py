"""A translation holding a vertical tab, built: refused at its line, never a traceback.

The reproduction: a vertical tab (``\\v`` in the ``.po`` file) in the Korean
of an event's summary passed ``make check-po`` and stopped the build in the
Atom writer (feedgen, lxml) with a traceback that named no catalog, file or
line.  Also the page's title, which reaches the feed and the calendars
through the compiled catalog: the gate leaves it out, so a preview (no
``-W``) goes on, in English for that message, and ``make html`` fails at
the catalog's line.
"""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import EVENT, copy_project
from tests.helpers import python_m, soup

EVENT_PO = f"locale/ko/LC_MESSAGES/{EVENT}.po"
SUMMARY_KO = 'msgstr "PyTorch Core Maintainer와 함께한 파이토치'
TITLE_KO = 'msgstr "PyTorch Core Maintainer와 함께한 기술'
TITLE_EN = "Recap of the PyTorch Korea User Group Meetup"
ATOM = "{http://www.w3.org/2005/Atom}"


def hostile_copy(folder: Path, old: str) -> tuple[Path, int]:
    """A copy of the project with a vertical tab in one Korean translation, and the
    line of its message (its ``msgid``)."""
    project = copy_project(folder / "project", first_event=True)
    po = project / EVENT_PO
    lines = po.read_text(encoding="utf-8").splitlines(keepends=True)
    [index] = [n for n, row in enumerate(lines) if row.startswith(old)]
    lines[index] = lines[index].replace("Maintainer와 ", "Maintainer와\\v ", 1)
    po.write_text("".join(lines), encoding="utf-8")
    return project, next(n for n in range(index, 0, -1) if lines[n].startswith("msgid ")) + 1


def python(project: Path, *args: str) -> subprocess.CompletedProcess:
    """``python -m ...`` in the copy (in this process: :func:`tests.helpers.python_m`)."""
    assert args[0] == "-m"
    return python_m(list(args[1:]), project)


def located(project: Path, line: int) -> str:
    """How the build's warning starts: the catalog's path and the message's line."""
    return f"{project / EVENT_PO}:{line}: WARNING: [characters] the translation holds U+000B"


# -- the reproduction: the event's summary ----------------------------------------------------


@pytest.fixture(scope="module")
def summary(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    return hostile_copy(tmp_path_factory.mktemp("summary"), SUMMARY_KO)


def test_check_po_refuses_the_summary_at_its_line(summary: tuple[Path, int]) -> None:
    project, line = summary
    process = python(project, "-m", "pytorchkr_archive.translation.check_po")
    assert process.returncode == 1, process.stdout + process.stderr
    assert (
        f"{EVENT_PO}:{line}: error: [characters] the translation holds U+000B (vertical tab) "
        "at character 25 of msgstr" in process.stdout
    ), process.stdout
    assert "check-po: 1 error(s)" in process.stdout
    assert "Traceback" not in process.stdout + process.stderr


def test_the_build_refuses_the_summary_at_its_line(summary: tuple[Path, int]) -> None:
    project, line = summary
    process = python(project, "-m", "pytorchkr_archive.sitebuild.site")
    output = process.stdout + process.stderr
    assert process.returncode == 1
    assert located(project, line) in output, output
    assert "Traceback" not in output, output


def test_a_preview_shows_the_refused_summary_in_english(summary: tuple[Path, int]) -> None:
    """Without -W (make live), the build goes on: the refused fact is left out, not written."""
    project, _line = summary
    out = project / "_preview"
    process = python(project, "-m", "sphinx", "-b", "html", "-q", "-D", "language=ko", ".",
                     str(out))  # fmt: skip
    assert process.returncode == 0, process.stdout + process.stderr
    written = [p for p in out.rglob("*") if p.suffix in (".html", ".xml", ".ics", ".js", ".txt")]
    assert len(written) > 10
    assert not [p for p in written if b"\x0b" in p.read_bytes()]
    assert "Traceback" not in process.stdout + process.stderr


# -- the page's title: through the compiled catalog -------------------------------------------


@pytest.fixture(scope="module")
def title(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    return hostile_copy(tmp_path_factory.mktemp("title"), TITLE_KO)


def test_make_html_fails_with_a_warning_at_the_catalogs_line(title: tuple[Path, int]) -> None:
    project, line = title
    process = python(project, "-m", "pytorchkr_archive.sitebuild.site", "-l", "ko")
    output = process.stdout + process.stderr
    assert process.returncode == 1, output
    assert located(project, line) in output, output
    assert "Traceback" not in output and "Extension error" not in output, output


def test_the_preview_goes_on_without_the_character(title: tuple[Path, int]) -> None:
    project, line = title
    process = python(
        project, "-m", "sphinx", "-q", "-b", "html", "-D", "language=ko", ".", "_build/live/ko"
    )
    assert process.returncode == 0, process.stderr
    assert located(project, line) in process.stderr
    site = project / "_build" / "live" / "ko"
    feed = ET.parse(site / "feed.xml").getroot()
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert any(t.startswith(TITLE_EN) for t in titles), titles  # the refused message: English
    written = [p for p in site.rglob("*") if p.suffix in {".html", ".xml", ".ics", ".js"}]
    assert len(written) > 10
    assert [p.name for p in written if b"\v" in p.read_bytes()] == []
    notice = soup(site / f"{EVENT}.html").select_one(".catalog-errors")
    assert notice is not None and f"{EVENT_PO}:{line}: error: [characters]" in notice.get_text()
