"""The translators' workflow on copies of the project: nothing is lost."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pytorchkr_archive.catalogs.files import load
from tests.conftest import EVENT, PROJECT, copy_project, require_tool
from tests.helpers import build_languages, python_m, soup

EVENT_PO = f"locale/ko/LC_MESSAGES/{EVENT}.po"
EVENT_MD = f"{EVENT}.md"
CLOSING = "See you at the next conference—with even more exciting talks to come! 🙌"
CLOSING_KO = "다음 컨퍼런스에서도 다양한 주제의 발표로 찾아뵙겠습니다. 그때 또 만나요! 🙌"
COMMANDS = ["extract", "update_po", "stats", "check_po"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def tool(project: Path, name: str, *args: str, ok: bool = True) -> subprocess.CompletedProcess:
    """Run one of the package's commands in the copy (in this process, but for
    ``--help``, which checks the command line itself)."""
    command = [f"pytorchkr_archive.translation.{name}", *args]
    if "--help" in args:
        process = subprocess.run(
            [sys.executable, "-m", *command], cwd=project, capture_output=True, text=True
        )
    else:
        process = python_m(command, project)
    assert "Traceback" not in process.stdout + process.stderr, process.stderr
    if ok:
        assert process.returncode == 0, process.stdout + process.stderr
    return process


def catalog(project: Path, relative: str = EVENT_PO):
    """A catalog as the package reads it (previous msgids included)."""
    return load(project / relative)


def build_korean(project: Path) -> Path:
    return build_languages(project, "ko") / "ko"


def snapshot(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes()
            for p in sorted((project / "locale").rglob("*.po"))}  # fmt: skip


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_explains_itself(name: str) -> None:
    process = tool(PROJECT, name, "--help")
    assert process.stdout.startswith(f"usage: python -m pytorchkr_archive.translation.{name}")


def test_makefile_targets_call_the_package() -> None:
    process = subprocess.run(
        ["make", "-n", "-W", "requirements.lock", "gettext", "update-po", "stats", "check-po",
         "live", "LANG=ko"],
        cwd=PROJECT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    for module in ("extract", "update_po", "stats", "check_po"):
        assert f"-m pytorchkr_archive.translation.{module}" in process.stdout
    assert "-m pytorchkr_archive.sitebuild.live -b html -D language=ko" in process.stdout


def test_update_without_source_change_leaves_every_byte(project: Path) -> None:
    before = snapshot(project)
    tool(project, "update_po")
    assert snapshot(project) == before
    tool(project, "update_po")
    assert snapshot(project) == before


def test_catalogs_are_in_the_no_wrap_format_of_msgcat() -> None:
    msgcat = require_tool("msgcat")
    for po in sorted((PROJECT / "locale").rglob("*.po")):
        gnu = subprocess.run([msgcat, "--no-wrap", str(po)], capture_output=True, check=True)
        assert gnu.stdout == po.read_bytes(), f"{po} is not what msgcat --no-wrap writes"


def test_changed_paragraph_keeps_its_translation_as_fuzzy(project: Path) -> None:
    page = project / EVENT_MD
    page.write_text(
        page.read_text(encoding="utf-8").replace(CLOSING, CLOSING + " Bring a friend."),
        encoding="utf-8",
    )
    tool(project, "update_po")
    message = catalog(project).get(CLOSING + " Bring a friend.")
    assert message.fuzzy
    assert message.string == CLOSING_KO
    assert message.previous_id == [CLOSING]
    assert "#| msgid " in (project / EVENT_PO).read_text(encoding="utf-8")
    assert CLOSING not in catalog(project).obsolete
    # A second update keeps the previous text (and the file) as they are.
    before = snapshot(project)
    tool(project, "update_po")
    assert snapshot(project) == before

    # Fuzzy: not a failure, but reported; the page shows English and says so.
    check = tool(project, "check_po")
    assert "1 fuzzy" in check.stdout
    site = build_korean(project)
    html = soup(site / f"{EVENT}.html")
    assert "Bring a friend." in html.find("article").get_text()
    notice = html.select_one(".translation-notice")
    assert notice is not None
    # 30 of the page's 31 translatable elements are translated, and its 14 facts
    # (the people's names are the speakers page's): 44 of 45.
    assert "이 페이지는 97% 번역되었습니다" in notice.get_text()
    links = {a.get_text(strip=True): a["href"] for a in notice.find_all("a")}
    assert links == {
        "영어 원문 보기": f"../../en/{EVENT}.html",
        "번역 돕기": "../translating.html",
    }
    assert (site / "translating.html").is_file()
    # Only the incomplete page says so.
    assert soup(site / "index.html").select_one(".translation-notice") is None

    # The translator checks it and removes the flag: the translation is back.
    text = (project / EVENT_PO).read_text(encoding="utf-8")
    text = text.replace(f'#, fuzzy\n#| msgid "{CLOSING}"\n', "")
    (project / EVENT_PO).write_text(text, encoding="utf-8")
    html = soup(build_korean(project) / f"{EVENT}.html")
    assert CLOSING_KO in html.find("article").get_text()
    assert html.select_one(".translation-notice") is None


def test_removed_paragraph_stays_obsolete_and_comes_back(project: Path) -> None:
    page = project / EVENT_MD
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace(f"\n{CLOSING}\n", "\n"), encoding="utf-8")
    tool(project, "update_po")
    obsolete = catalog(project).obsolete
    assert obsolete[CLOSING].string == CLOSING_KO
    assert f'#~ msgid "{CLOSING}"' in (project / EVENT_PO).read_text(encoding="utf-8")
    stats = json.loads(tool(project, "stats", "--json").stdout)
    assert stats["ko"]["catalogs"][f"{EVENT}.po"]["messages"]["obsolete"] == 1
    assert tool(project, "check_po").returncode == 0

    page.write_text(original, encoding="utf-8")
    tool(project, "update_po")
    message = catalog(project).get(CLOSING)
    assert message.string == CLOSING_KO
    assert not message.fuzzy
    assert not catalog(project).obsolete


def test_new_page_gets_a_new_catalog(project: Path) -> None:
    (project / "extra").mkdir()
    (project / "extra" / "test.md").write_text("# A test\n\nHello.\n", "utf-8")
    index = project / "index.md"
    listed = "speakers\n```"
    new_listed = listed.replace("\n```", "\nextra/test\n```")
    index.write_text(index.read_text("utf-8").replace(listed, new_listed), "utf-8")
    process = tool(project, "update_po")
    assert "created: locale/ko/LC_MESSAGES/extra/test.po" in process.stdout
    new = catalog(project, "locale/ko/LC_MESSAGES/extra/test.po")
    assert str(new.locale) == "ko"
    assert {m.id for m in new if m.id} == {"A test", "Hello."}
    stats = tool(project, "stats", "--fail-under", "100", ok=False)
    assert stats.returncode == 1
    assert "under the required 100%" in stats.stderr


def test_malformed_catalog_is_reported_not_overwritten(project: Path) -> None:
    po = project / EVENT_PO
    broken = po.read_text(encoding="utf-8").replace(
        '\nmsgid "Final Thoughts"', '\nmsgidd "Final Thoughts"'
    )
    po.write_text(broken, encoding="utf-8")
    process = tool(project, "update_po", ok=False)
    assert process.returncode == 1
    assert f"skipped: {EVENT_PO}" in process.stdout
    assert po.read_text(encoding="utf-8") == broken


def test_stats_table_and_json(project: Path) -> None:
    table = tool(project, "stats", "--fail-under", "100").stdout
    assert re.search(rf"{re.escape(EVENT)}\.po\s+100%\s+45\s+0\s+0\s+0\s+0", table)
    assert re.search(r"^total\s+100%", table, re.M)
    data = json.loads(tool(project, "stats", "--json").stdout)
    assert data["ko"]["total"]["percent"] == 100.0
    assert data["ko"]["catalogs"]["sphinx.po"]["messages"]["untranslated"] == 0
