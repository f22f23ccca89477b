"""``make check-po`` and the build's gate refuse what XML 1.0 and iCalendar cannot hold.

GNU gettext accepts these characters (``msgfmt --check`` exits 0), so the
catalogs are made with ``msgcat`` from the escapes a translator or a tool
writes; only the archive's check refuses them, at the message's line.
"""

from __future__ import annotations

import contextlib
import gettext
import io
import re
import shutil
import subprocess
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from sphinx.util.i18n import CatalogInfo

from pytorchkr_archive.catalogs import characters
from pytorchkr_archive.catalogs.files import load
from pytorchkr_archive.escaping import characters as escaping_characters
from pytorchkr_archive.translation import catalog_guard, check_po
from tests.conftest import EVENT, PROJECT, require_tool

EVENT_PO = f"locale/ko/LC_MESSAGES/{EVENT}.po"
SPHINX_PO = "locale/ko/LC_MESSAGES/sphinx.po"
#: The people's names: one message per person, shared by every event.
SPEAKERS_PO = "locale/ko/LC_MESSAGES/speakers.po"
#: (catalog, what the .po has, what a translator's tool wrote instead: one escape each).
EDITS = [
    (EVENT_PO, 'msgstr "서울"', 'msgstr "서\\v울"'),
    (EVENT_PO, 'msgstr "대한민국"', 'msgstr "대한\\f민국"'),
    (EVENT_PO, 'msgstr "구름"', 'msgstr "구\\r름"'),
    (EVENT_PO, 'msgid "Jiho Kim"\nmsgstr "김지호"', 'msgid "Jiho\\vKim"\nmsgstr "김\\013지호"'),
    (EVENT_PO, 'msgstr "PyTorch Core Maintainer와 함께한 파이토치', 'msgstr "PyTorch Core '
     'Maintainer와\\x0b 함께한 파이토치'),
    (SPEAKERS_PO, 'msgstr "이제응"', 'msgstr "이\\x1b제응"'),
    # A fuzzy translation is one click from published: it is checked too.
    (SPEAKERS_PO, f"#. event: {EVENT}: sessions[6].speakers[0].name\n",
     f"#. event: {EVENT}: sessions[6].speakers[0].name\n#, fuzzy\n"),
    (SPEAKERS_PO, 'msgstr "김솔"', 'msgstr "김\\x7f솔"'),
    (SPHINX_PO, 'msgstr "GitHub에서 보기"', 'msgstr "GitHub에서\\v 보기"'),
]  # fmt: skip
#: (catalog, msgctxt, msgid, what the report says): one error each.
EXPECTED = [
    (EVENT_PO, "event city", "Seoul", "U+000B (vertical tab) at character 2 of msgstr"),
    (EVENT_PO, "event country", "Republic of Korea", "U+000C (form feed) at character 3 of "
     "msgstr"),
    (EVENT_PO, "sponsor name", "goorm", "U+000D (carriage return) at character 2 of msgstr"),
    (EVENT_PO, "recap author", "Jiho\vKim", "U+000B (vertical tab) at character 2 of msgstr"),
    (EVENT_PO, "recap author", "Jiho\vKim", "the English holds U+000B (vertical tab) at "
     "character 5 of msgid"),
    (EVENT_PO, "event summary", None, "U+000B (vertical tab) at character 25 of msgstr"),
    (SPEAKERS_PO, "speaker name", "Jerry Lee", "U+001B (escape) at character 2 of msgstr"),
    (SPEAKERS_PO, "speaker name", "Sol Kim", "U+007F (delete) at character 2 of msgstr"),
    (SPHINX_PO, None, "On GitHub", "U+000B (vertical tab) at character 9 of msgstr"),
]  # fmt: skip


def gnu(tool: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([require_tool(tool), *args], capture_output=True, check=False)


def message_line(path: Path, context: str | None, msgid: str | None) -> int:
    """The line of a message's ``msgid``, found in the text (by context, then msgid)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(f'msgctxt "{context}"') if context else 0
    wanted = 'msgid "' + msgid.replace("\v", "\\v") + '"' if msgid else "msgid "
    return next(n for n, row in enumerate(lines[start:], start + 1) if row.startswith(wanted))


def check(folder: Path) -> subprocess.CompletedProcess:
    """``make check-po`` on ``folder/locale``, run in this process (as tests/catalogs do)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(folder), redirect_stdout(out), redirect_stderr(err):
        status = check_po.main(["--locale-dir", "locale"])
    return subprocess.CompletedProcess(["check-po"], status, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's catalogs with the edits above, as ``msgcat --no-wrap`` writes them."""
    folder = tmp_path_factory.mktemp("hostile")
    shutil.copytree(PROJECT / "locale", folder / "locale")
    for relative, old, new in EDITS:
        path = folder / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        path.write_text(text.replace(old, new), encoding="utf-8")
    for relative in {relative for relative, _, _ in EDITS}:
        path = folder / relative
        written = gnu("msgcat", "--no-wrap", "-o", str(path), str(path))
        assert written.returncode == 0, written.stderr.decode()
    return folder


def test_gettext_accepts_them(hostile: Path) -> None:
    event = (hostile / EVENT_PO).read_bytes()
    names = (hostile / SPEAKERS_PO).read_bytes()
    assert b"\x1b" in names and b"\x7f" in names, "msgcat writes these as raw bytes"
    assert b"\\v" in event and b"\\r" in event and b"\\f" in event
    for relative in (EVENT_PO, SPEAKERS_PO, SPHINX_PO):
        process = gnu("msgfmt", "--check", "-o", "/dev/null", str(hostile / relative))
        assert process.returncode == 0, process.stderr.decode()


def test_check_po_refuses_each_message_at_its_line(hostile: Path) -> None:
    process = check(hostile)
    assert process.returncode == 1, process.stdout
    found = re.findall(r"^(\S+):(\d+): error: \[characters\] (.*)$", process.stdout, re.M)
    assert len(found) == len(EXPECTED), process.stdout
    by_place: dict[tuple[str, int], list[str]] = {}
    for path, at, message in found:
        by_place.setdefault((path, int(at)), []).append(message)
    for relative, context, msgid, words in EXPECTED:
        line = message_line(hostile / relative, context, msgid)
        messages = by_place.get((relative, line), [])
        assert any(words in m for m in messages), f"{relative}:{line}: {words}\n{process.stdout}"
    [carriage_return] = by_place[
        (EVENT_PO, message_line(hostile / EVENT_PO, "sponsor name", "goorm"))
    ]
    assert "write a line break (\\n) instead" in carriage_return
    english = [m for _, _, m in found if m.startswith("the English holds")]
    assert len(english) == 1 and "fix the English page" in english[0]
    translations = [m for _, _, m in found if m.startswith("the translation holds")]
    assert all("delete it" in m and "(msgid '" in m for m in translations)


def test_plural_forms_are_each_checked(tmp_path: Path) -> None:
    po = tmp_path / "plural.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: ko\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "%d page"\nmsgid_plural "%d pages"\nmsgstr[0] "%d 쪽"\nmsgstr[1] "%d\\f 쪽\\v"\n',
        encoding="utf-8",
    )
    assert gnu("msgfmt", "--check", "-o", "/dev/null", str(po)).returncode == 0
    [problem] = characters.character_problems(load(po), "plural.po")
    assert problem.line == 7
    assert "U+000C (form feed) at character 3 of msgstr[1], U+000B (vertical tab) at " \
        "character 6 of msgstr[1]" in problem.message  # fmt: skip


def test_the_gate_leaves_refused_messages_out_of_the_mo(hostile: Path) -> None:
    cache = hostile / "_build" / "doctrees" / "0-archive-catalog-checks.json"
    refused = catalog_guard.catalog_errors(hostile, hostile / "locale", "ko", cache)
    assert {p.check for p in refused} == {"characters"}
    info = CatalogInfo(str(hostile / "locale" / "ko" / "LC_MESSAGES"), EVENT, "utf-8")
    assert catalog_guard.compile_catalog(info, refused, use_fuzzy=False)
    with Path(info.mo_path).open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    assert compiled.pgettext("event city", "Seoul") == "Seoul"  # left out: English shows
    assert compiled.pgettext("event summary", "A technical conference of the PyTorch "
                             "Korea User Group with a PyTorch core maintainer: seven talks "
                             "and a panel.").startswith("A technical")  # fmt: skip
    assert compiled.gettext("Final Thoughts") != "Final Thoughts"  # the rest is translated
    assert not any(
        ch in text
        for text in compiled._catalog.values()  # type: ignore[attr-defined]
        for ch in "\v\f\r\x1b\x7f"
    )


def test_a_change_of_the_character_checks_invalidates_the_gates_cache() -> None:
    assert characters in catalog_guard.CHECK_MODULES
    assert escaping_characters in catalog_guard.CHECK_MODULES
