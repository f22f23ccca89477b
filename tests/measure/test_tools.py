"""The tools ``make test`` brings itself: Node.js from the lock, and a Chromium.

Reproduced as a contributor's machine would meet them: a system Node.js that
is not the locked one, no Node.js at all on ``PATH``, no Debian Chromium.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pytorchkr_archive.measure import node
from tests.conftest import PROJECT
from tests.helpers import bare_path, free_port


def test_npm_and_what_it_starts_run_on_the_venvs_node(tmp_path: Path) -> None:
    """npm's scripts (as Lighthouse's ``#!/usr/bin/env node``) find the locked
    Node.js, on a PATH without any other and on one with the system's first."""
    package = tmp_path / "package"
    package.mkdir()
    (package / "package.json").write_text(
        json.dumps({"name": "probe", "private": True,
                    "scripts": {"which": "node -p process.execPath"}}),
        encoding="utf-8",
    )  # fmt: skip
    for path in (bare_path(tmp_path), "/usr/local/bin:/usr/bin:/bin"):
        process = subprocess.run(
            [sys.executable, "-m", "pytorchkr_archive.measure.node", "npm", "run",
             "--silent", "which"],
            cwd=package, env={"PATH": path, "HOME": str(tmp_path), "PYTHONPATH": str(PROJECT)},
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert process.returncode == 0, process.stderr
        assert Path(process.stdout.strip()) == node.NODE, path


def test_the_node_command_needs_no_system_node(tmp_path: Path) -> None:
    process = subprocess.run(
        [sys.executable, "-m", "pytorchkr_archive.measure.node", "node", "-p", "1 + 1"],
        env={"PATH": bare_path(tmp_path), "PYTHONPATH": str(PROJECT)},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (process.returncode, process.stdout) == (0, "2\n"), process.stderr


def test_the_node_command_says_how_to_use_it() -> None:
    process = subprocess.run(
        [sys.executable, "-m", "pytorchkr_archive.measure.node", "deno"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert process.returncode == 2
    assert "usage: python -m pytorchkr_archive.measure.node {node,npm}" in process.stderr


def chromium_install(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``make test``'s Chromium step with no Debian Chromium, Playwright's browsers
    in ``tmp_path`` and its download pointed at a closed local port (never the
    real one: the tests stay offline)."""
    environment = {
        key: value for key, value in os.environ.items() if key not in ("CI", "CHROMIUM")
    }
    environment |= {
        "CHROMIUM": str(tmp_path / "no-debian-chromium"),
        "PLAYWRIGHT_BROWSERS_PATH": str(tmp_path / "browsers"),
        "PLAYWRIGHT_DOWNLOAD_HOST": f"http://127.0.0.1:{free_port()}",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "pytorchkr_archive.measure.chromium", "--install"],
        cwd=PROJECT, env=environment, capture_output=True, text=True, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def no_chromium(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """``make test``'s Chromium step where none can be had, outside CI (once:
    Playwright's attempt to download one is most of a run)."""
    return chromium_install(tmp_path_factory.mktemp("no-chromium"))


def test_without_any_chromium_make_test_says_once_what_to_run(
    no_chromium: subprocess.CompletedProcess[str],
) -> None:
    process = no_chromium
    # Outside CI the tests that need no browser still run.
    assert process.returncode == 0
    lines = process.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: no Chromium for the browser tests")
    assert "127.0.0.1" in lines[0]  # why Playwright's could not be had
    assert "`apt-get install chromium`" in lines[0]
    assert "`.venv/bin/playwright install --with-deps chromium`" in lines[0]
    assert "Traceback" not in process.stderr


def test_without_any_chromium_ci_stops(
    no_chromium: subprocess.CompletedProcess[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The same step with ``CI`` set: the same finding (the run above's, not a
    second download attempt), and the step stops the run."""
    from pytorchkr_archive.measure import chromium

    message = no_chromium.stderr.strip().removeprefix("error: ")
    monkeypatch.setattr(chromium, "install", lambda: (None, message))
    monkeypatch.setenv("CI", "true")
    assert chromium.main(["--install"]) == 1
    assert capsys.readouterr().err.startswith("error: no Chromium for the browser tests")


def test_playwrights_chromium_is_used_where_debians_is_missing(tmp_path: Path) -> None:
    """Where Playwright's Chromium is installed (here: Debian's, linked where
    Playwright keeps its own), ``make test`` takes it and the browser starts."""
    from pytorchkr_archive.measure.chromium import DEBIAN_CHROMIUM

    if not DEBIAN_CHROMIUM.is_file():
        pytest.fail(f"this test links {DEBIAN_CHROMIUM} (Debian: apt-get install chromium)")
    env = {"PLAYWRIGHT_BROWSERS_PATH": str(tmp_path / "browsers")}
    where = subprocess.run(
        [sys.executable, "-c", "from pytorchkr_archive.measure.chromium import "
         "playwright_chromium; print(playwright_chromium())"],
        env={**os.environ, **env}, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    assert where.startswith(str(tmp_path / "browsers"))
    Path(where).parent.mkdir(parents=True)
    Path(where).symlink_to(DEBIAN_CHROMIUM)

    process = chromium_install(tmp_path, **env)
    assert process.returncode == 0, process.stderr
    assert process.stdout.strip() == f"Chromium for the browser tests: {where}"
    started = subprocess.run(
        [sys.executable, "-c", LAUNCH],
        env={**os.environ, **env, "CHROMIUM": str(tmp_path / "no-debian-chromium")},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == "2"


#: What the ``browser`` fixture does, in a process of its own.
LAUNCH = """
from playwright.sync_api import sync_playwright
from pytorchkr_archive.measure.chromium import CHROMIUM_ARGS, find_chromium
executable = find_chromium()
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    print(browser.new_page().evaluate("1 + 1"))
    browser.close()
"""


#: A driver that does not exit (here: paused, as the one that hung a run
#: seemed to be), stopped by the suite's own stop_playwright.
PAUSED_DRIVER = """
import os, signal, warnings
from playwright.sync_api import sync_playwright
from tests.browser import driver_processes, stop_playwright
playwright = sync_playwright().start()
drivers = driver_processes()
assert len(drivers) == 1, drivers
os.kill(drivers[0], signal.SIGSTOP)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    stop_playwright(playwright, grace=1)
print([str(w.message) for w in caught], driver_processes())
"""


def test_a_playwright_driver_that_does_not_exit_stops_no_run() -> None:
    """The suite's browser fixture stops Playwright with a watchdog: a driver that
    does not exit is killed after the grace time, with a warning, and the run
    goes on.  (In a process of its own: this one already runs Playwright.)"""
    process = subprocess.run(
        [sys.executable, "-c", PAUSED_DRIVER],
        cwd=PROJECT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert process.returncode == 0, process.stderr
    assert process.stdout.strip() == (
        '["Playwright\'s driver did not exit within 1 s of stop(); killed it"] []'
    )
