"""Shared fixtures: real builds of a copy of the project, and Sphinx's own fixtures."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

from pytorchkr_archive.sitebuild.sources import copy_sources, keep_only_events
from pytorchkr_archive.sphinx_build import import_extensions
from tests.helpers import SharedSets, build_languages, once_per_run, python_m, run_folder

pytest_plugins = ("sphinx.testing.fixtures",)

# Before any build of this process registers a language's catalogs (the
# Sphinx fixtures' builds do not go through sphinx_build.run).
import_extensions()

PROJECT = Path(__file__).resolve().parent.parent
TESTS = PROJECT / "tests"
SEEDS = TESTS / "seeds"
EVENT = "events/2025-03-30-pytorch-core-conference"
LANGUAGES = ("en", "ko")


#: The run's temporary folders, for the sources every copy starts from.
_RUN: dict[str, pytest.TempPathFactory] = {}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the files that drive the browser last, each file's tests in their order.

    xdist's work stealing gives each worker a contiguous half of the run
    first.  In the order of the folders, the browser's files fell in the
    middle, in both halves: both workers waited on Chromium at once (for
    frames to be drawn, for scripts to run) and the cores stood idle about a
    tenth of the run.  With them last, one worker drives the browser while
    the other builds and parses, until the one that ends first takes half of
    what the other has left.
    """
    drives_browser = {
        item.path for item in items if "browser" in getattr(item, "fixturenames", ())
    }
    items.sort(key=lambda item: item.path in drives_browser)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Leave what every test of the process shares out of the garbage collector's walks.

    Once the suite is collected, a worker holds a few hundred thousand
    objects that live until it ends (the tests, the modules, Sphinx's and
    the archive's imports); each full collection walked them all again,
    forty times a run, while the builds made and dropped their doctrees.
    Collected once and frozen (``gc.freeze``), they are left out, and the
    young generations are collected less often: the two workers spend about
    12 core-seconds collecting instead of 20 (docs/benchmarks.md).  What the
    tests make is collected as before.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


@pytest.fixture(scope="session", autouse=True)
def _run_folders(tmp_path_factory: pytest.TempPathFactory) -> None:
    _RUN["factory"] = tmp_path_factory


def _sources(folder: Path, first_event: bool) -> Path:
    """The sources copies start from: the project's, or its first event's alone
    (its catalogs brought level with that English by ``make update-po``, the
    messages of the other events' people dropped); and the English's messages
    the translators' commands keep, extracted once for every copy."""
    from pytorchkr_archive.catalogs.files import catalog_files, load, save
    from pytorchkr_archive.translation.english import english_messages

    project = copy_sources(PROJECT, folder / "project")
    if first_event:
        keep_only_events(project, EVENT)
        process = python_m(["pytorchkr_archive.translation.update_po"], project)
        assert process.returncode == 0, process.stdout + process.stderr
        for file in catalog_files(project / "locale"):
            catalog = load(file.path)
            if catalog.obsolete:
                catalog.obsolete.clear()
                save(file.path, catalog)
    english_messages(project)
    return project


def copy_project(dest: Path, *, first_event: bool = False) -> Path:
    """Copy the project's sources (no build output, no compiled catalogs) to ``dest``,
    with the English's messages the translators' commands keep
    (``_build/english-messages.json``, as after ``make update-po``).

    ``first_event``: of the events, the first only (the 2025 conference, whose
    recap has every kind of block), with catalogs that match it: half the
    whole site's build, for the tests of one event's page and catalog."""
    name = "first-event-sources" if first_event else "sources"
    source = once_per_run(_RUN["factory"], name, lambda folder: _sources(folder, first_event))
    project = copy_sources(source, dest)
    kept = source / "_build" / "english-messages.json"
    (project / "_build").mkdir(exist_ok=True)
    shutil.copy2(kept, project / "_build" / kept.name)
    return project


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command; fail the test with its whole output if it fails.

    ``python -m`` commands of Sphinx and of the archive run in this process
    (:func:`tests.helpers.python_m`); others start a process."""
    if command[:2] == [sys.executable, "-m"]:
        process = python_m(command[2:], cwd, env)
    else:
        process = subprocess.run(
            command, cwd=cwd, env=env, capture_output=True, text=True, check=False
        )
    output = process.stdout + process.stderr
    if process.returncode:
        pytest.fail(f"{' '.join(command)} exited {process.returncode}:\n{output}")
    return output


def unavailable(message: str) -> NoReturn:
    """Stop a test that lacks a tool: skipped locally, a failure in CI."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)  # only outside CI: with CI set, a missing tool failed above


def require_tool(path: str, install: str = "Debian: apt-get install gettext") -> str:
    """A tool the tests need: skipped locally if missing, a failure in CI."""
    return shutil.which(path) or unavailable(f"{path} is not installed ({install})")


def require_file(path: Path, install: str) -> Path:
    """A file the tests need (an installed package's): skipped locally if
    missing, a failure in CI."""
    return path if path.is_file() else unavailable(f"{path} is missing ({install})")


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The built site, served on localhost."""
    from pytorchkr_archive.sitebuild.localserver import serve

    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def axe_url() -> Iterator[str]:
    """axe-core's script (package-lock.json), served on localhost, to add to a
    page: loaded from a URL, the browser keeps it and its compiled code from one
    page to the next (given whole to each page, it was compiled on each)."""
    path = require_file(
        PROJECT / "node_modules" / "axe-core" / "axe.min.js",
        "run `npm ci` in the project, or `make test`, which does",
    )
    from pytorchkr_archive.sitebuild.localserver import serve

    with serve(path.parent) as url:
        yield f"{url}/{path.name}"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium (else Playwright's), headless, driven by Playwright;
    it reaches nothing but localhost."""
    from pytorchkr_archive.measure.chromium import (
        CHROMIUM_ARGS,
        find_chromium,
        missing_message,
        outside_localhost_refused,
    )

    executable = find_chromium() or unavailable(missing_message())
    from playwright.sync_api import sync_playwright

    from tests.browser import TEST_JS_FLAGS, stop_playwright

    playwright = sync_playwright().start()
    try:
        with outside_localhost_refused() as offline:
            chromium = playwright.chromium.launch(
                executable_path=executable,
                headless=True,
                args=[*CHROMIUM_ARGS, *offline, TEST_JS_FLAGS],
            )
            yield chromium
            chromium.close()
    finally:
        stop_playwright(playwright)


@pytest.fixture(scope="session")
def checked_kinds(tmp_path_factory: pytest.TempPathFactory) -> SharedSets:
    """The kinds of element (``tests.browser.ELEMENT_KINDS``) that axe-core
    found no violation on, by setting, on the pages checked so far by every
    worker of the run (``tests.browser.violations_of_new_kinds``)."""
    return SharedSets(run_folder(tmp_path_factory) / "checked-kinds")


@pytest.fixture(scope="session")
def reader_context(browser) -> Iterator[object]:
    """The default browser context, shared by the tests that take ``page``.

    What a context keeps between pages is storage (the site stores only Furo's
    theme choice, in ``localStorage``, emptied after each test) and the HTTP
    cache, which a reader's browser keeps too.  A test's colour scheme, motion
    and size are set on its tab (``show_in``, ``emulate_media``) and put back
    after it; tests that need a locale, a phone's touch, no scripts or a cache
    of their own make a context of their own (``new_page``).
    """
    from tests.browser import new_context

    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture(scope="session")
def reader_tab(reader_context) -> Iterator[object]:
    """The tab of the default context that the tests taking ``page`` share."""
    tab = reader_context.new_page()
    yield tab
    tab.close()


@pytest.fixture(scope="module")
def tab(reader_tab) -> Iterator[object]:
    """The shared tab lent to a module that goes from page to page in it
    (test_every_page, test_record_pages), light at desktop size, and put back
    as new after the module (``tests.browser.as_new``); a module that takes
    it takes no ``page``, which lends the same tab."""
    from tests.browser import as_new, show_in

    with as_new(reader_tab) as lent:
        show_in(lent, "light-desktop")
        yield lent


@pytest.fixture
def page(reader_tab) -> Iterator[object]:
    """A tab as a new one, in which only localhost can be reached: the shared
    tab, put back as it was after the test (``tests.browser.as_new``; a new
    tab costs Chromium twice as much as going to a blank page and on)."""
    from tests.browser import as_new

    with as_new(reader_tab) as tab:
        yield tab


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where the Sphinx test roots (``tests/roots/test-*``) are."""
    return TESTS / "roots"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as ``make html`` builds it, from a copy of the project (once per run)."""

    def make(folder: Path) -> Path:
        project = copy_project(folder / "project")
        run([sys.executable, "-m", "pytorchkr_archive.sitebuild.site"], cwd=project)
        return project / "_build" / "html"

    return once_per_run(tmp_path_factory, "site", make)


@dataclass(frozen=True)
class SmallArchive:
    """tests/synthetic.py's archive as ``make html`` built it, and what a Korean
    rebuild with nothing changed did to its feeds and calendars: their
    modification times before and after it, by path."""

    html: Path
    unchanged_rebuild: dict[str, tuple[int, int]]


@pytest.fixture(scope="session")
def small_archive(tmp_path_factory: pytest.TempPathFactory) -> SmallArchive:
    """tests/synthetic.py's archive, built once per run; the rebuild happens
    here, before any test reads the output."""
    from pytorchkr_archive.sitebuild.site import sphinx_command
    from tests import synthetic

    def make(folder: Path) -> SmallArchive:
        project = copy_project(folder / "project")
        synthetic.grow(project)
        environ = {**os.environ, "ARCHIVE_NOW": synthetic.NOW}
        html = build_languages(project, env=environ)
        kept = [
            path
            for path in (html / "ko").rglob("*")
            if path.suffix in (".ics", ".xml") and path.name != "sitemap.xml"
        ]
        before = [path.stat().st_mtime_ns for path in kept]
        command = sphinx_command(Path(), Path("_build/html"), Path("_build/doctrees"), "ko", [])
        rebuild = python_m(command[2:], project, environ)
        assert rebuild.returncode == 0, rebuild.stdout + rebuild.stderr
        assert "0 added, 0 changed, 0 removed" in rebuild.stdout, rebuild.stdout
        times = {
            path.relative_to(html).as_posix(): (old, path.stat().st_mtime_ns)
            for path, old in zip(kept, before, strict=True)
        }
        return SmallArchive(html, times)

    return once_per_run(tmp_path_factory, "small-archive", make)


def rtd_build(project: Path, lang: str, canonical: str) -> Path:
    """Build one language the way Read the Docs does, with its environment."""
    out = project / "_readthedocs" / "html"
    env = {
        **os.environ,
        "READTHEDOCS": "True",
        "READTHEDOCS_LANGUAGE": lang,
        "READTHEDOCS_VERSION": "latest",
        "READTHEDOCS_CANONICAL_URL": canonical,
        "READTHEDOCS_OUTPUT": str(project / "_readthedocs"),
    }
    run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-T",
            "-W",
            "--keep-going",
            "-b",
            "html",
            "-d",
            "_build/doctrees",
            "-D",
            f"language={lang}",
            ".",
            str(out),
        ],
        cwd=project,
        env=env,
    )
    return out


@pytest.fixture(scope="session")
def rtd_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both languages built as Read the Docs builds its two projects (once per run)."""

    def make(folder: Path) -> dict[str, Path]:
        return {
            lang: rtd_build(
                copy_project(folder / f"rtd-{lang}"),
                lang,
                f"https://example.readthedocs.io/{lang}/latest/",
            )
            for lang in LANGUAGES
        }

    return once_per_run(tmp_path_factory, "rtd-sites", make)


@pytest.fixture(scope="session")
def merged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A project whose English changed twice, and its catalog as msgmerge left it."""
    from tests.po_tools import merged_catalog

    return once_per_run(tmp_path_factory, "merged", merged_catalog)
