"""Catalogs as translators' tools write them, made by the tools themselves.

GNU gettext (``msgmerge --previous``, ``msgcat``, ``msgattrib``, which wrap
at 79 columns), polib (78), translate-toolkit (the library Weblate writes
PO files with, 77), Poedit (its header, wrapping at 79) and a Windows
editor's CRLF line endings: each rewrites a real catalog its own way.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import EVENT, copy_project, require_tool
from tests.helpers import python_m

EVENT_PO = f"locale/ko/LC_MESSAGES/{EVENT}.po"
CLOSING = "See you at the next conference—with even more exciting talks to come! 🙌"
CLOSING_KO = "다음 컨퍼런스에서도 다양한 주제의 발표로 찾아뵙겠습니다. 그때 또 만나요! 🙌"
ROADMAP = "Alban shared the design philosophy behind PyTorch"
RECAP = "This recap is for those who couldn’t attend in person"


def gnu(tool: str, *args: str) -> bytes:
    """Run a GNU gettext tool; its standard output."""
    process = subprocess.run([require_tool(tool), *args], capture_output=True, check=False)
    assert process.returncode == 0, process.stderr.decode("utf-8", "replace")
    return process.stdout


def with_polib(path: Path) -> bytes:
    """polib's reading and default save (wrapped at 78 columns)."""
    import polib

    out = path.with_suffix(".polib.po")
    polib.pofile(str(path)).save(str(out))
    return out.read_bytes()


def with_translate_toolkit(path: Path) -> bytes:
    """translate-toolkit's reading and writing of every unit, as Weblate saves a file."""
    from translate.storage import pypo

    store = pypo.pofile.parsefile(str(path))
    for unit in store.units:
        # Setting a unit's text makes the store write it anew, wrapped, as
        # Weblate does for every unit a translator saves.
        if not unit.isheader():
            unit.target = unit.target
    return bytes(store)


def poedit_style(path: Path) -> bytes:
    """What Poedit writes with its default settings: wrapped at 79, and its header."""
    wrapped = gnu("msgcat", "--width=79", str(path))
    return wrapped.replace(
        b'"Content-Transfer-Encoding: 8bit\\n"\n',
        b'"Content-Transfer-Encoding: 8bit\\n"\n"X-Generator: Poedit 3.4.2\\n"\n',
        1,
    )


def variants(path: Path) -> dict[str, bytes]:
    """The catalog at ``path`` as each tool writes it."""
    crlf = gnu("msgcat", str(path)).replace(b"\n", b"\r\n")
    return {
        "msgcat": gnu("msgcat", str(path)),
        "msgattrib": gnu("msgattrib", str(path)),
        "msgcat --width=40": gnu("msgcat", "--width=40", str(path)),
        "polib": with_polib(path),
        "translate-toolkit": with_translate_toolkit(path),
        "poedit": poedit_style(path),
        "crlf": crlf,
    }


def gettext_view(data: bytes, work: Path) -> str:
    """The messages as GNU gettext reads them, header left out, one layout for all."""
    source = work / "view.po"
    source.write_bytes(data)
    text = gnu("msgcat", "--no-wrap", str(source)).decode("utf-8")
    return text.split("\n\n", 1)[1] if "\n\n" in text else ""


def tool(project: Path, name: str, *args: str) -> subprocess.CompletedProcess[str]:
    """A translators' command (``python -m pytorchkr_archive.translation.<name>``), run
    in ``project`` (in this process: :func:`tests.helpers.python_m`)."""
    process = python_m([f"pytorchkr_archive.translation.{name}", *args], project)
    assert "Traceback" not in process.stdout + process.stderr, process.stderr
    return process


def edit_page(project: Path, edit) -> None:
    page = project / f"{EVENT}.md"
    page.write_text(edit(page.read_text(encoding="utf-8")), encoding="utf-8")


def paragraph(text: str, start: str) -> str:
    return next(block for block in text.split("\n\n") if block.startswith(start))


def merged_catalog(work: Path) -> tuple[Path, bytes]:
    """A project whose English changed twice, and its catalog as msgmerge left it."""
    require_tool("msgmerge")
    project = copy_project(work / "project", first_event=True)

    def first(text: str) -> str:
        roadmap = paragraph(text, ROADMAP)
        text = text.replace(roadmap, roadmap + " It was the talk of the day.")
        text = text.replace(CLOSING, CLOSING.replace("come!", "come, and bring a friend!"))
        return text.replace(paragraph(text, RECAP) + "\n\n", "")

    edit_page(project, first)
    assert tool(project, "update_po").returncode == 0
    edit_page(project, lambda text: text.replace(paragraph(text, ROADMAP) + "\n\n", ""))
    assert tool(project, "extract").returncode == 0
    po = project / EVENT_PO
    pot = project / "_build" / "gettext" / f"{EVENT}.pot"
    data = gnu("msgmerge", "--previous", "--quiet", "-o", "-", str(po), str(pot))
    assert b"#| msgid " in data and b"#~| msgid " in data and b"#~ msgid " in data
    return project, data


def coverage_catalog(path: Path) -> Path:
    """A catalog with every PO construct, saved by polib (then rewritten by each tool)."""
    import polib

    po = polib.POFile(wrapwidth=78)
    po.metadata = {
        "Project-Id-Version": "test 1.0",
        "PO-Revision-Date": "2025-03-30 13:00+0900",
        "Last-Translator": "Translator <t@example.org>",
        "Language-Team": "Korean <ko@example.org>",
        "Language": "ko",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    long = "A long sentence that every tool wraps somewhere else, " * 3
    po.append(
        polib.POEntry(
            msgid="Plain",
            msgstr="평문",
            tcomment="A translator's note",
            comment="An extracted comment",
            occurrences=[("a.md", "1"), ("b.md", "22")],
        )
    )
    po.append(polib.POEntry(msgctxt="menu", msgid="Open", msgstr="열기"))
    po.append(
        polib.POEntry(
            msgctxt="verb",
            msgid="Open",
            msgstr="열다",
            flags=["fuzzy"],
            previous_msgctxt="verb",
            previous_msgid="Opens",
        )
    )
    po.append(
        polib.POEntry(
            msgid="%(n)s page",
            msgid_plural="%(n)s pages",
            msgstr_plural={0: "%(n)s쪽"},
            flags=["python-format"],
        )
    )
    po.append(
        polib.POEntry(
            msgid="{count} results",
            msgstr="결과 {count}개",
            flags=["fuzzy", "python-brace-format"],
            previous_msgid="{count} hits",
        )
    )
    po.append(polib.POEntry(msgid=long, msgstr='긴 문장\t탭과 "따옴표"와 \\ 역슬래시'))
    po.append(polib.POEntry(msgid="Line one\nLine two\n", msgstr="첫 줄\n둘째 줄\n"))
    po.append(polib.POEntry(msgid="Untranslated", msgstr=""))
    po.append(polib.POEntry(msgid="Gone " + long, msgstr="사라짐", obsolete=True))
    po.append(polib.POEntry(msgid="Gone fuzzy", msgstr="사라진 퍼지", obsolete=True,
                            flags=["fuzzy"], previous_msgid="Gone fuzzier"))  # fmt: skip
    po.save(str(path))
    return path
