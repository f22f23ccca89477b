"""What misled or stopped translators following CONTRIBUTING.md, each kept as a test.

The preview that looked right while the gate refused it, counts without the
list behind them, a broken catalog counted as translated, two percentages
for one page, and a preview server that outlived ``make`` or announced a
port it could not have.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import EVENT, PROJECT, copy_project
from tests.helpers import free_port, html_pages, left_behind, python_m, soup
from tests.po_tools import CLOSING, CLOSING_KO, EVENT_PO, edit_page, tool

THANKS = "감사 인사를 전합니다.😄"


def preview(project: Path) -> Path:
    """A Korean build without -W, as make live builds (sphinx-autobuild's arguments)."""
    process = python_m(
        ["sphinx", "-q", "-b", "html", "-D", "language=ko", ".", "_build/live/ko"], project
    )
    assert process.returncode == 0, process.stderr
    return project / "_build" / "live" / "ko"


def test_the_preview_says_on_every_page_what_the_gate_refuses(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", first_event=True)
    po = project / EVENT_PO
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace(THANKS, THANKS + "<script>alert(1)</script>", 1), "utf-8")
    line = next(
        n for n, row in enumerate(po.read_text("utf-8").splitlines(), 1) if "<script>" in row
    )
    site = preview(project)
    for page in html_pages(site):
        notice = soup(page).select_one(".catalog-errors")
        assert notice is not None, f"{page.name} does not say the preview is refused"
        assert notice.get("role") == "alert"
        assert "이 미리보기는 게시될 사이트와 다릅니다." in notice.get_text()
        assert re.search(
            rf"{re.escape(EVENT_PO)}:{line - 1}: error: \[markup\]", notice.get_text()
        )
    # The refused translation is not shown as written: its paragraph is in English.
    article = soup(site / f"{EVENT}.html").find("article")
    assert "<script>" not in str(article) and "alert(1)" not in article.get_text()
    assert "Huge thanks to" in article.get_text()


def test_the_preview_of_a_catalog_gettext_cannot_read_says_so(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", first_event=True)
    po = project / EVENT_PO
    po.write_text(po.read_text("utf-8").replace('msgid "Final Thoughts"', 'msgid "Final Thoughts'),
                  "utf-8")  # fmt: skip
    notice = soup(preview(project) / "index.html").select_one(".catalog-errors")
    assert notice is not None
    assert "[syntax] unterminated string" in notice.get_text()


def test_a_complete_build_has_no_notice(tmp_path: Path) -> None:
    site = preview(copy_project(tmp_path / "project", first_event=True))
    assert all(soup(page).select_one(".catalog-errors") is None for page in html_pages(site))


def fuzzy_project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project", first_event=True)
    edit_page(project, lambda t: t.replace(CLOSING, CLOSING.replace("come!", "come, friends!")))
    tool(project, "update_po")
    return project


def test_todo_lists_each_message_left_with_its_line(tmp_path: Path) -> None:
    project = fuzzy_project(tmp_path)
    po = project / EVENT_PO
    lines = po.read_text(encoding="utf-8").splitlines()
    fuzzy_line = next(n for n, row in enumerate(lines, 1) if row.startswith('msgid "See you'))
    extra = "---\norphan: true\n---\n\n# Extra\n\nA new paragraph.\n"
    (project / "extra.md").write_text(extra, encoding="utf-8")
    todo = tool(project, "todo")
    assert todo.returncode == 0
    assert f"{EVENT_PO}:{fuzzy_line}: fuzzy: 'See you at the next conference" in todo.stdout
    catalogs = len(list((project / "locale" / "ko").rglob("*.po")))
    assert f"todo: 1 fuzzy, 0 untranslated, in 1 of {catalogs} catalog(s)" in todo.stdout
    # An untranslated message is listed too, at its own line.
    assert tool(project, "update_po").returncode == 0
    todo = tool(project, "todo").stdout
    assert re.search(r"^locale/ko/LC_MESSAGES/extra\.po:\d+: untranslated: 'Extra'$", todo, re.M)
    assert "2 untranslated" in todo


def test_stats_does_not_count_a_broken_catalog_as_translated(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", first_event=True)
    po = project / EVENT_PO
    po.write_text(po.read_text("utf-8").replace('msgid "Final Thoughts"', 'msgidd "Final"'),
                  "utf-8")  # fmt: skip
    stats = tool(project, "stats")
    assert stats.returncode == 2
    assert f"error: {EVENT_PO} cannot be counted" in stats.stderr
    assert "leaves out 1 catalog(s) that cannot be read" in stats.stdout
    data = json.loads(tool(project, "stats", "--json").stdout)
    assert data["ko"]["total"]["percent"] is None
    assert data["ko"]["broken"] == [EVENT_PO]
    assert tool(project, "stats", "--fail-under", "0").returncode != 0


def test_the_page_and_stats_give_the_same_percentage(tmp_path: Path) -> None:
    project = fuzzy_project(tmp_path)
    data = json.loads(tool(project, "stats", "--json").stdout)
    percent = data["ko"]["catalogs"][f"{EVENT}.po"]["percent"]
    assert percent == 97  # 44 of 45 (31 paragraphs and 14 facts), rounded down as everywhere
    notice = soup(preview(project) / f"{EVENT}.html").select_one(".translation-notice")
    assert f"이 페이지는 {percent}% 번역되었습니다" in notice.get_text()
    table = tool(project, "stats").stdout
    assert re.search(rf"{re.escape(EVENT)}\.po\s+{percent}%", table)


# -- make live: announced only when it can serve, stopped with make -----------------------


def test_live_refuses_a_busy_port_before_building(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        process = subprocess.run(
            [sys.executable, "-m", "pytorchkr_archive.sitebuild.live", "-b", "html", "--host",
             "127.0.0.1", "--port", str(port), str(PROJECT), str(tmp_path / "out")],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert process.returncode == 2
    assert f"error: port {port} is in use" in process.stderr
    assert f"make live PORT={port + 1}" in process.stderr
    assert "Serving on" not in process.stdout and "build" not in process.stdout


def test_live_stops_when_make_is_stopped(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", first_event=True)
    for name in ("Makefile", "requirements.lock"):
        shutil.copy2(PROJECT / name, project / name)
    (project / ".venv").symlink_to(PROJECT / ".venv")
    port = free_port()
    make = subprocess.Popen(
        ["make", "live", "LANG=ko", f"PORT={port}"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )
    url = f"http://127.0.0.1:{port}/index.html"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                break
        except OSError:
            if make.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"make live did not serve:\n{make.communicate()[0]}")
            time.sleep(0.3)
    # make alone is stopped, as an IDE's stop button or `kill` does.
    os.kill(make.pid, signal.SIGTERM)
    output = make.communicate(timeout=30)[0]
    assert "Ctrl+C stops the preview." in output
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                break
        time.sleep(0.3)
    else:
        pytest.fail(f"the preview server still serves port {port} after make stopped")
    assert not left_behind(f"--port {port}")
    assert CLOSING_KO  # the catalogs were the project's own
