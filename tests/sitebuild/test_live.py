"""``make live``: rebuilds in a warm process show the translation just saved."""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from pytorchkr_archive.measure.bench_builds import EDIT, EDITS, edit_catalog
from pytorchkr_archive.sitebuild import live
from tests.conftest import EVENT, PROJECT, copy_project
from tests.helpers import free_port, left_behind

BEFORE, AFTER = EDIT


def test_rebuilds_in_one_process_read_the_catalogs_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path / "project", first_event=True)
    monkeypatch.chdir(project)
    args = ["-b", "html", "-W", "--keep-going", "-q", "-D", "language=ko", ".", "_build/ko"]
    page = project / "_build/ko" / f"{EVENT}.html"

    assert live.sphinx_build(args) == 0
    assert BEFORE in page.read_text(encoding="utf-8")
    for old, new in EDITS:
        edit_catalog(project, old, new)
        assert live.sphinx_build(args) == 0
        html = page.read_text(encoding="utf-8")
        assert new in html and old not in html


def wait_for(condition: Callable[[], bool], what: str, server: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"make live stopped while waiting for {what}:\n{server.stdout.read()}")
        if condition():
            return
        time.sleep(0.2)
    server.terminate()
    pytest.fail(f"make live: no {what} within 90 s:\n{server.communicate()[0]}")


def test_make_live_serves_the_translation_just_saved(tmp_path: Path) -> None:
    """The command ``make live LANG=ko`` runs, on a copy: first build, then
    a saved msgstr shows on the served page, and so does its undoing."""
    project = copy_project(tmp_path / "project", first_event=True)
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "pytorchkr_archive.sitebuild.live",
        *("-b", "html", "-D", "language=ko", "--host", "127.0.0.1", "--port", str(port)),
        *("--re-ignore", r"\.mo$", "--re-ignore", r"(^|/)_build(/|$)"),
        *(".", "_build/live/ko"),
    ]
    environment = {**os.environ, "PYTHONPATH": str(PROJECT), "LANG": "C.UTF-8"}
    server = subprocess.Popen(
        command,
        cwd=project,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/{EVENT}.html"

    def served() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError, http.client.HTTPException):
            return ""  # not served yet, or read while the build rewrote it

    try:
        wait_for(lambda: BEFORE in served(), "first build", server)
        # The English build beside it, where the page's parallel view finds it.
        toggle = re.search(r'data-parallel-src="([^"]+)"', served()).group(1)
        beside = urllib.parse.urljoin(url, toggle)
        assert beside == f"http://127.0.0.1:{port}/en/_parallel/{EVENT}.js"
        with urllib.request.urlopen(beside, timeout=5) as response:
            assert b'"lang":"en"' in response.read()
        # Built after the English in the same process, the Korean is Korean
        # throughout: Sphinx's own labels too (the inventory's module index).
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/objects.inv") as response:
            inventory = zlib.decompress(response.read().partition(b"zlib.\n")[2]).decode()
        assert "py-modindex.html Python 모듈 목록" in inventory, inventory
        for old, new in EDITS:
            edit_catalog(project, old, new)
            wait_for(
                lambda new=new, old=old: new in (html := served()) and old not in html,
                f"rebuild showing {new!r}",
                server,
            )
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    # The Korean and its two rebuilds (the English beside it builds quietly).
    assert output.count("build succeeded") == 3, output
    assert "Building English beside it" in output
    assert not left_behind(f"--port {port}"), "make live left processes running"
