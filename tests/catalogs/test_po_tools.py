"""Catalogs as translators' tools write them: check-po, the build and update-po accept them.

The catalog under test is made the way a real one gets its fuzzy, previous
and obsolete entries: the English changes (a paragraph edited, one removed),
``make update-po`` runs, the English changes again and GNU ``msgmerge
--previous`` updates the catalog (a fuzzy message whose English is then
removed becomes obsolete with its previous msgid, ``#~|``).  Each tool of
:mod:`tests.po_tools` then rewrites it in its own layout.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from pytorchkr_archive.catalogs.files import CatalogFile, load, render, to_catalog
from pytorchkr_archive.catalogs.reader import read
from pytorchkr_archive.catalogs.syntax import check_bytes, gettext_verdict
from tests.conftest import EVENT, copy_project, require_tool, run
from tests.helpers import once_per_run, soup
from tests.po_tools import (
    CLOSING,
    CLOSING_KO,
    EVENT_PO,
    RECAP,
    ROADMAP,
    coverage_catalog,
    edit_page,
    gettext_view,
    gnu,
    paragraph,
    tool,
    variants,
)

TOOLS = ["msgmerge", "msgcat", "msgattrib", "msgcat --width=40", "polib",
         "translate-toolkit", "poedit", "crlf"]  # fmt: skip


@pytest.fixture(scope="module")
def written(merged: tuple[Path, bytes], tmp_path_factory: pytest.TempPathFactory):
    """The merged catalog as each tool writes it."""
    _, data = merged
    source = tmp_path_factory.mktemp("variants") / "merged.po"
    source.write_bytes(data)
    return {"msgmerge": data, **variants(source)}


def project_with(merged: tuple[Path, bytes], data: bytes, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the merged project (its English) with ``data`` as the event's catalog."""
    project = copy_project(tmp_path / "project", first_event=True)
    shutil.copy2(merged[0] / f"{EVENT}.md", project / f"{EVENT}.md")
    po = project / EVENT_PO
    po.write_bytes(data)
    return project, po


def page_of(name: str) -> str:
    """The page of the layouts' project whose catalog is in ``name``'s layout."""
    return f"{EVENT}-{re.sub(r'[^a-z0-9]+', '-', name).strip('-')}"


@dataclass(frozen=True)
class Layouts:
    """The merged project with the event's page once per tool, its catalog in that
    tool's layout, built in Korean: what msgfmt, check-po, stats and the build
    said, and each page's article text."""

    msgfmt: dict[str, str | None]
    check: str
    check_status: int
    fuzzy: dict[str, int]
    articles: dict[str, str]


def build_layouts(folder: Path, merged: tuple[Path, bytes], written: dict[str, bytes]) -> Layouts:
    """One project and one build for every layout (one build each cost eight)."""
    project = copy_project(folder / "project", first_event=True)
    english = (merged[0] / f"{EVENT}.md").read_bytes()
    (project / f"{EVENT}.md").unlink()
    (project / EVENT_PO).unlink()
    msgfmt = {}
    for name, data in written.items():
        page = page_of(name)
        (project / f"{page}.md").write_bytes(english)
        po = project / "locale" / "ko" / "LC_MESSAGES" / f"{page}.po"
        po.write_bytes(data)
        check = subprocess.run(
            [require_tool("msgfmt"), "--check", "-o", "/dev/null", str(po)], capture_output=True
        )
        msgfmt[name] = None if check.returncode == 0 else check.stderr.decode(errors="replace")
    check = tool(project, "check_po")
    counts = json.loads(tool(project, "stats", "--json").stdout)["ko"]["catalogs"]
    run([sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-b", "html",
         "-D", "language=ko", ".", "_build/ko"], cwd=project)  # fmt: skip
    return Layouts(
        msgfmt,
        check.stdout,
        check.returncode,
        {name: counts[f"{page_of(name)}.po"]["messages"]["fuzzy"] for name in written},
        {
            name: soup(project / "_build" / "ko" / f"{page_of(name)}.html")
            .find("article")
            .get_text()
            for name in written
        },
    )


@pytest.fixture(scope="module")
def layouts(merged, written, tmp_path_factory: pytest.TempPathFactory) -> Layouts:
    return once_per_run(
        tmp_path_factory, "po-tool-layouts", lambda folder: build_layouts(folder, merged, written)
    )


@pytest.mark.parametrize("name", TOOLS)
def test_every_tool_layout_passes_check_po_and_builds(layouts: Layouts, name: str) -> None:
    assert layouts.msgfmt[name] is None, layouts.msgfmt[name]
    assert layouts.check_status == 0, layouts.check
    assert "[syntax]" not in layouts.check
    assert layouts.fuzzy[name] == 1
    article = layouts.articles[name]
    # The fuzzy message shows in English; the translated ones in Korean.
    assert "come, and bring a friend! 🙌" in article
    assert "구름" in article and CLOSING_KO not in article


@pytest.mark.parametrize("name", TOOLS)
def test_update_po_brings_every_layout_back_and_loses_nothing(
    merged: tuple[Path, bytes], written: dict[str, bytes], tmp_path: Path, name: str
) -> None:
    project, po = project_with(merged, written[name], tmp_path)
    pot_dir = merged[0] / "_build" / "gettext"
    # Line ends become LF (gettext keeps a CR in comments as part of their text).
    before = gettext_view(written[name].replace(b"\r\n", b"\n"), tmp_path)
    update = tool(project, "update_po", "--no-extract", "--pot-dir", str(pot_dir))
    assert update.returncode == 0, update.stdout + update.stderr
    after = po.read_bytes()
    assert gettext_view(after, tmp_path) == before, "a message changed in the rewrite"
    assert gnu("msgcat", "--no-wrap", str(po)) == after, "not in the archive's format"
    catalog = load(po)
    fuzzy = [m for m in catalog if m.id and m.fuzzy]
    assert [m.previous_id for m in fuzzy] == [[CLOSING]]
    obsolete = list(catalog.obsolete.values())
    assert len(obsolete) == 2
    assert [m.id.startswith(ROADMAP) for m in obsolete].count(True) == 1
    if b"#~|" in written[name]:  # polib's save drops an obsolete entry's previous msgid
        assert next(m for m in obsolete if m.id.startswith(ROADMAP)).previous_id
    # Once in the archive's format, another update changes nothing.
    tool(project, "update_po", "--no-extract", "--pot-dir", str(pot_dir))
    assert po.read_bytes() == after


def test_update_po_counts_what_happened(tmp_path: Path) -> None:
    """One paragraph edited and one removed: 1 fuzzy and 1 obsolete, not 2 obsolete."""
    project = copy_project(tmp_path / "project", first_event=True)
    before = (project / EVENT_PO).read_bytes()
    edit_page(project, lambda t: t.replace(CLOSING, CLOSING.replace("come!", "come, friends!")))
    edit_page(project, lambda text: text.replace(paragraph(text, RECAP) + "\n\n", ""))
    update = tool(project, "update_po")
    assert f"updated: {EVENT_PO} (0 new, 1 fuzzy, 1 obsolete)" in update.stdout
    assert "matplotlib" not in update.stdout + update.stderr
    assert before != (project / EVENT_PO).read_bytes()


def test_update_po_keeps_the_creation_date_when_only_the_layout_changed(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", first_event=True)
    po = project / EVENT_PO
    original = po.read_bytes()
    po.write_bytes(gnu("msgcat", "--width=50", str(po)))
    update = tool(project, "update_po")
    assert "rewritten in the archive's format; no message changed" in update.stdout
    assert po.read_bytes() == original


def test_stale_previous_msgid_is_reported_and_dropped(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", first_event=True)
    po = project / EVENT_PO
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace(f'msgid "{CLOSING}"', f'#| msgid "Old words."\nmsgid "{CLOSING}"'),
                  encoding="utf-8")  # fmt: skip
    check = tool(project, "check_po")
    assert check.returncode == 0
    assert "warning: [previous] a previous msgid (#|) is left on a message that is not fuzzy" in (
        check.stdout
    )
    tool(project, "update_po")
    assert po.read_text(encoding="utf-8") == text


# -- The reading is gettext's, for every construct tools write -----------------------------


def test_every_construct_is_read_as_gettext_reads_it(tmp_path: Path) -> None:
    source = coverage_catalog(tmp_path / "coverage.po")
    for name, data in {"polib": source.read_bytes(), **variants(source)}.items():
        path = tmp_path / f"{name.replace(' ', '-')}.po"
        path.write_bytes(data)
        msgfmt = subprocess.run(
            [require_tool("msgfmt"), "--check", "-o", "/dev/null", str(path)], capture_output=True
        )
        reading, problems = check_bytes(data, CatalogFile(path, "ko", "coverage"), name)
        assert gettext_verdict(problems) == (msgfmt.returncode == 0), (name, problems)
        assert reading is not None, (name, problems)
        ours = render(to_catalog(read(data))).decode("utf-8").split("\n\n", 1)[1]
        # (A CR before a line end is kept by gettext in comments only; the
        # archive's format ends lines with LF.)
        expected = gettext_view(data.replace(b"\r\n", b"\n"), tmp_path)
        assert ours == expected, f"{name}: read otherwise than gettext"


def test_a_byte_order_mark_is_named_with_how_to_save_without_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", first_event=True)
    po = project / EVENT_PO
    po.write_bytes(b"\xef\xbb\xbf" + po.read_bytes())
    msgfmt = subprocess.run([require_tool("msgfmt"), "--check", "-o", "/dev/null", str(po)],
                            capture_output=True)  # fmt: skip
    assert msgfmt.returncode != 0
    check = tool(project, "check_po")
    assert check.returncode == 1
    assert f"{EVENT_PO}:1: error: [encoding] the file starts with a byte-order mark (BOM)" in (
        check.stdout
    )
    assert "save it as UTF-8 without BOM" in check.stdout
    assert "unterminated string" not in check.stdout
