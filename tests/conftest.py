"""Shared fixtures: real builds of a copy of the project, and Sphinx's own fixtures."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

from pytorchkr_archive.sitebuild.sources import copy_sources
from tests.helpers import once_per_run

pytest_plugins = ("sphinx.testing.fixtures",)

PROJECT = Path(__file__).resolve().parent.parent
TESTS = PROJECT / "tests"
SEEDS = TESTS / "seeds"
EVENT = "events/2025-03-30-pytorch-core-conference"
LANGUAGES = ("en", "ko")


def copy_project(dest: Path) -> Path:
    """Copy the project's sources (no build output, no compiled catalogs) to ``dest``."""
    return copy_sources(PROJECT, dest)


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command; fail the test with its whole output if it fails."""
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
def axe_source() -> str:
    """axe-core's script (package-lock.json), to inject into a page."""
    path = require_file(
        PROJECT / "node_modules" / "axe-core" / "axe.min.js",
        "run `npm ci` in the project, or `make test`, which does",
    )
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium (else Playwright's), headless, driven by Playwright."""
    from pytorchkr_archive.measure.chromium import CHROMIUM_ARGS, find_chromium, missing_message

    executable = find_chromium() or unavailable(missing_message())
    from playwright.sync_api import sync_playwright

    from tests.browser import stop_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
    finally:
        stop_playwright(playwright)


@pytest.fixture(scope="session")
def reader_context(browser) -> Iterator[object]:
    """The default browser context, shared by the tests that take ``page``.

    What a context keeps between pages is storage (the site stores only Furo's
    theme choice, in ``localStorage``, emptied after each test) and the HTTP
    cache, which a reader's browser keeps too.  Tests that set a theme, a
    locale or a viewport make a context of their own (``new_page``).
    """
    from tests.browser import new_context

    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture
def page(reader_context) -> Iterator[object]:
    """A new page, in which only localhost can be reached."""
    page = reader_context.new_page()
    yield page
    if page.url.startswith("http"):
        page.evaluate("localStorage.clear()")
    page.close()
    reader_context.clear_cookies()


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
