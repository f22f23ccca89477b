"""``make check-po`` refuses every kind of bad catalog, naming file and line."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from pytorchkr_archive.translation import check_po
from tests.conftest import EVENT, PROJECT, copy_project, require_tool, run
from tests.helpers import python_m

SOURCE_PO = PROJECT / "locale" / "ko" / "LC_MESSAGES" / f"{EVENT}.po"
INDEX_PO = PROJECT / "locale" / "ko" / "LC_MESSAGES" / "index.po"
SPHINX_PO = PROJECT / "locale" / "ko" / "LC_MESSAGES" / "sphinx.po"
GOORM = "[구름](https://goorm.co/)에도"
THANKS = "감사 인사를 전합니다.😄"


def check(locale: Path) -> subprocess.CompletedProcess:
    """``make check-po`` on ``locale``: what it prints, and its exit status.

    Run in this process (``check_po.main``, what ``python -m ...check_po``
    runs), from the folder that holds ``locale``: two dozen cases, each of
    which would otherwise start Python and import Sphinx again.  The command
    itself is run as a process by ``tests/catalogs/test_po_tools.py`` and the
    translator walkthrough.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(locale.parent), redirect_stdout(out), redirect_stderr(err):
        status = check_po.main(["--locale-dir", str(locale)])
    return subprocess.CompletedProcess(["check-po"], status, out.getvalue(), err.getvalue())


def broken_copy(tmp_path: Path, source: Path, old: str | bytes, new: str | bytes) -> Path:
    """A locale folder with one catalog changed; returns the changed file."""
    target = tmp_path / source.relative_to(PROJECT)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = source.read_bytes()
    old_b = old.encode() if isinstance(old, str) else old
    new_b = new.encode() if isinstance(new, str) else new
    assert old_b in data, old
    target.write_bytes(data.replace(old_b, new_b, 1))
    return target


def line_of(path: Path, text: str) -> int:
    """The line of the message (its msgid) whose translation contains ``text``."""
    lines = path.read_bytes().decode("utf-8", "replace").splitlines()
    found = next(i for i, line in enumerate(lines) if text in line)
    while not lines[found].startswith(("msgid", "msgidd")):
        found -= 1
    return found + 1


def test_the_real_catalogs_pass() -> None:
    process = check(PROJECT / "locale")
    assert process.returncode == 0, process.stdout
    catalogs = len(list((PROJECT / "locale").rglob("*.po")))
    expected = f"0 error(s), 0 warning(s) in {catalogs} catalog(s); 0 fuzzy, 0 untranslated"
    assert expected in process.stdout


SYNTAX_CASES = {
    "unknown keyword": ('msgid "Events"', 'msgidd "Events"', "syntax", "unknown keyword 'msgidd'"),
    "unterminated string": ('msgstr "행사"', 'msgstr "행사', "syntax", "unterminated string"),
    "bad escape": ('msgstr "행사"', 'msgstr "행\\q사"', "syntax", "invalid escape"),
    "not UTF-8": ("행사".encode(), b"\xff\xfe", "encoding", "is not UTF-8"),
    "declared charset": ("charset=utf-8", "charset=EUC-KR", "charset", "charset=EUC-KR"),
    "wrong language": (
        '"Language: ko\\n"',
        '"Language: ja\\n"',
        "language",
        "Language header is 'ja'",
    ),
}


@pytest.mark.parametrize("case", SYNTAX_CASES, ids=list(SYNTAX_CASES))
def test_malformed_catalog_is_refused(tmp_path: Path, case: str) -> None:
    old, new, kind, words = SYNTAX_CASES[case]
    broken = broken_copy(tmp_path, INDEX_PO, old, new)
    process = check(tmp_path / "locale")
    assert process.returncode == 1
    match = re.search(rf"^locale/ko/LC_MESSAGES/index\.po:(\d+): error: \[{kind}\] (.*)$",
                      process.stdout, re.M)  # fmt: skip
    assert match, process.stdout
    assert words in match.group(2)
    marker = new.decode("utf-8", "replace") if isinstance(new, bytes) else new
    assert int(match.group(1)) == next(
        i
        for i, line in enumerate(broken.read_bytes().decode("utf-8", "replace").splitlines(), 1)
        if marker in line
    )


def test_duplicate_message_is_refused(tmp_path: Path) -> None:
    broken = broken_copy(
        tmp_path, INDEX_PO, 'msgstr "소개"', 'msgstr "소개"\n\nmsgid "About"\nmsgstr "정보"'
    )
    process = check(tmp_path / "locale")
    assert process.returncode == 1
    lines = broken.read_text(encoding="utf-8").splitlines()
    first, second = [i for i, line in enumerate(lines, 1) if line == 'msgid "About"']
    assert (f"locale/ko/LC_MESSAGES/index.po:{second}: error: [duplicate] message 'About' is "
            f"already defined at line {first}") in process.stdout  # fmt: skip


MARKUP_CASES = {
    "link dropped": (GOORM, "구름에도", "links", "https://goorm.co/ missing"),
    "link added": (THANKS, THANKS + " [더 보기](https://example.com/)", "links",
                   "https://example.com/ not in the source"),
    "link elsewhere": ("[구름](https://goorm.co/)", "[구름](https://evil.example/)", "links",
                       "https://evil.example/ not in the source"),
    "number changed": ("총 201번의", "총 200번의", "numbers", "201"),
    "script": (THANKS, THANKS + "<script>alert(1)</script>", "markup", "<script>"),
    "img onerror": (THANKS, THANKS + ' <img src=x onerror=\\"alert(1)\\">', "markup", "onerror"),
    "raw block": ('msgstr "지난 3월 말', 'msgstr "```{raw} html\\n<b>x</b>\\n```\\n\\n지난 3월 말',
                  "markup", "{raw} html"),
    "directive": ('msgstr "지난 3월 말', 'msgstr ":::{note}\\nx\\n:::\\n\\n지난 3월 말', "markup",
                  ":::{note}"),
    "role added": (THANKS, THANKS + " {raw-html}`<b>x</b>`", "roles", "{raw-html}"),
    "code added": (THANKS, THANKS + " `rm -rf`", "code", "rm -rf"),
    "emphasis before Hangul": ("멋진 행사 장소를", "멋진 **행사(장소)**를", "emphasis",
                               "{strong}`...`"),
}  # fmt: skip


@pytest.mark.parametrize("case", MARKUP_CASES, ids=list(MARKUP_CASES))
def test_unfaithful_or_unsafe_translation_is_refused(tmp_path: Path, case: str) -> None:
    old, new, kind, words = MARKUP_CASES[case]
    broken = broken_copy(tmp_path, SOURCE_PO, old, new)
    process = check(tmp_path / "locale")
    assert process.returncode == 1, process.stdout
    pattern = rf"^locale/ko/LC_MESSAGES/{EVENT}\.po:(\d+): error: \[{kind}\] (.*)$"
    match = re.search(pattern, process.stdout, re.M)
    assert match, process.stdout
    assert words in match.group(2)
    assert "(msgid '" in match.group(2), "the message is named"
    assert int(match.group(1)) == line_of(broken, new.split("\\n")[0])


def test_strong_role_is_the_way_out_of_the_emphasis_trap(tmp_path: Path) -> None:
    broken_copy(tmp_path, SOURCE_PO, "멋진 행사 장소를", "멋진 {strong}`행사(장소)`를")
    assert check(tmp_path / "locale").returncode == 0


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ('\\">저작권</a>', '\\" onclick=\\"x()\\">저작권</a>', "HTML differs"),
        ("%(percent)s%% 번역되었습니다", "%(pct)s%% 번역되었습니다", "placeholder"),
        ("${resultCount}개", "개", "placeholders"),
    ],
)  # fmt: skip
def test_interface_string_keeps_html_and_placeholders(
    tmp_path: Path, old: str, new: str, words: str
) -> None:
    broken_copy(tmp_path, SPHINX_PO, old, new)
    process = check(tmp_path / "locale")
    assert process.returncode == 1, process.stdout
    assert re.search(rf"sphinx\.po:\d+: error: .*{words}", process.stdout), process.stdout


def test_glossary_miss_is_a_warning(tmp_path: Path) -> None:
    broken_copy(tmp_path, SOURCE_PO, "추론 최적화", "인퍼런스 최적화")
    shutil.copy2(PROJECT / "locale" / "ko" / "glossary.csv", tmp_path / "locale" / "ko")
    process = check(tmp_path / "locale")
    assert process.returncode == 0
    assert re.search(r"\.po:\d+: warning: \[glossary\] 'inference optimization' is in the source; "
                     r"the glossary renders it as '추론 최적화'", process.stdout)  # fmt: skip


def test_wrapped_file_gets_a_format_warning(tmp_path: Path) -> None:
    target = broken_copy(tmp_path, INDEX_PO, "x", "x")
    msgcat = require_tool("msgcat")
    subprocess.run([msgcat, "--width=40", "-o", str(target), str(target)], check=True)
    process = check(tmp_path / "locale")
    assert process.returncode == 0
    assert "warning: [format]" in process.stdout


def test_the_build_refuses_what_check_po_refuses(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    po = project / "locale" / "ko" / "LC_MESSAGES" / f"{EVENT}.po"
    po.write_text(po.read_text("utf-8").replace(THANKS, THANKS + "<script>x</script>", 1), "utf-8")
    process = python_m(
        ["sphinx", "-W", "--keep-going", "-b", "html", "-D", "language=ko", ".", "_build/ko"],
        project,
    )
    assert process.returncode != 0
    assert re.search(rf"{re.escape(EVENT)}\.po:\d+: WARNING: \[markup\].*<script>", process.stderr)
    # The English build does not read the Korean catalogs.
    run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-b", "html", ".", "_build/en"],
        cwd=project)  # fmt: skip
