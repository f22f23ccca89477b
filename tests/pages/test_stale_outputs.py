"""After any build, the output holds the pages of today's sources and nothing else (issue 26).

A maintainer's steps on a copy of the project: ``make html``, then ``git mv``
of an event page with its catalog (a rename) and ``git rm`` of another page,
then ``make html`` again: the old pages, calendars, parallel-view data and
sources are gone from both languages; the pages that did not change are not
rewritten (the build stays incremental).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pytorchkr_archive.pages.stale_outputs import page_of
from tests.conftest import EVENT, LANGUAGES, copy_project, run
from tests.helpers import once_per_run

RENAMED = "events/2025-03-30-pytorch-kr-conference"
#: A page added for the first build, then deleted.
DELETED = "notes"


def add_page(project: Path) -> None:
    """A page of its own in the landing page's table of contents."""
    (project / f"{DELETED}.md").write_text("# Notes\n\nA page that goes away.\n", "utf-8")
    index = project / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace("\ntranslating\n", f"\ntranslating\n{DELETED}\n"), "utf-8")


def remove_page(project: Path) -> None:
    (project / f"{DELETED}.md").unlink()
    index = project / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace(f"\n{DELETED}\n", "\n"), "utf-8")


def files_of(out: Path, page: str) -> list[Path]:
    """Every file of the output derived from ``page``."""
    return [p for p in out.rglob("*") if p.is_file() and page_of(p.relative_to(out)) == page]


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    def make(folder: Path) -> dict[str, object]:
        project = copy_project(folder / "project", first_event=True)
        add_page(project)
        build = [sys.executable, "-m", "pytorchkr_archive.sitebuild.site"]
        run(build, cwd=project)
        out = project / "_build" / "html"
        before = {lang: {str(p.relative_to(out / lang)) for p in files_of(out / lang, EVENT)}
                  for lang in LANGUAGES}  # fmt: skip
        every = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
        # The rename, with its catalog, and the deletion (and links to them).
        (project / f"{EVENT}.md").rename(project / f"{RENAMED}.md")
        catalogs = project / "locale" / "ko" / "LC_MESSAGES"
        (catalogs / f"{EVENT}.po").rename(catalogs / f"{RENAMED}.po")
        remove_page(project)
        for page in project.rglob("*.md"):
            text = page.read_text(encoding="utf-8")
            page.write_text(text.replace(EVENT, RENAMED), encoding="utf-8")
        run(build, cwd=project)
        return {"out": out, "before": before, "every": every}

    return once_per_run(tmp_path_factory, "stale-outputs", make)


def test_the_first_build_wrote_every_file_of_the_page(builds) -> None:
    for lang in LANGUAGES:
        assert {f"{EVENT}.html", f"{EVENT}.ics", f"_parallel/{EVENT}.js"} <= builds["before"][lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_is_left_of_a_renamed_or_deleted_page(builds, lang: str) -> None:
    out: Path = builds["out"] / lang
    assert files_of(out, EVENT) == []
    assert files_of(out, DELETED) == []
    assert (out / f"{RENAMED}.html").is_file() and (out / f"{RENAMED}.ics").is_file()
    assert (out / f"_parallel/{RENAMED}.js").is_file()
    # The builder's own pages and the site's files stay.
    for kept in ("genindex.html", "search.html", "events.ics", "feed.xml", "objects.inv"):
        assert (out / kept).is_file(), kept


def test_only_the_files_of_pages_that_are_gone_are_removed(builds) -> None:
    out: Path = builds["out"]
    after = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    gone = sorted(builds["every"] - after)
    assert gone, "nothing was removed"
    for name in gone:
        _lang, _, rest = name.partition("/")
        assert page_of(Path(rest)) in (EVENT, DELETED), name


def test_pages_are_told_from_site_files() -> None:
    assert page_of(Path("events/x.html")) == "events/x"
    assert page_of(Path("events/x.ics")) == "events/x"
    assert page_of(Path("_parallel/events/x.js")) == "events/x"
    assert page_of(Path("_sources/events/x.md.txt")) == "events/x"
    for site_file in ("events.ics", "_static/x.js", "feed.xml", "_images/a.png", ".buildinfo"):
        assert page_of(Path(site_file)) is None, site_file


def test_a_removed_page_is_removed_by_sphinx_build_too(tmp_path: Path) -> None:
    """Read the Docs and make live run sphinx-build, not make html: the same clean-up."""
    project = copy_project(tmp_path / "project", first_event=True)
    add_page(project)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q",
               "-D", "language=ko", ".", str(out)]  # fmt: skip
    run(command, cwd=project)
    assert (out / f"{DELETED}.html").is_file()
    remove_page(project)
    run(command, cwd=project)
    assert not (out / f"{DELETED}.html").exists()
    assert not (out / f"_sources/{DELETED}.md.txt").exists()
