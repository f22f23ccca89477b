"""A line break in a translated title cannot add an entry to ``objects.inv`` (issue 25).

Found by the differential test: a page title's translation ending in a line
break and a line of the inventory's form passed the gate (in MyST it is a
soft break) and Sphinx wrote it into ``objects.inv`` as an entry of its own.
"""

from __future__ import annotations

import sys
from pathlib import Path

import polib
import pytest
from sphinx.util.inventory import InventoryFile

from pytorchkr_archive.escaping.titles import one_line
from tests.conftest import EVENT, copy_project, run
from tests.helpers import once_per_run

INJECTED = "\nevil std:doc -1 https://evil.example/ x"


def test_every_kind_of_line_break_becomes_one_space() -> None:
    assert one_line("a\nb\r\nc\u2028d\u0085e\u2029f") == "a b c d e f"
    assert one_line("제목\n\n\nevil") == "제목 evil"
    assert one_line("no break") == "no break"


@pytest.fixture(scope="module")
def inventory(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The Korean inventory of a copy whose event title's translation holds a line."""

    def make(folder: Path) -> dict[str, object]:
        project = copy_project(folder / "project")
        path = project / "locale" / "ko" / "LC_MESSAGES" / f"{EVENT}.po"
        catalog = polib.pofile(str(path))
        title = next(e for e in catalog if e.msgid.startswith("Recap of the PyTorch Korea"))
        title.msgstr += INJECTED
        catalog.save(str(path))
        out = folder / "ko"
        run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q", "-D",
             "language=ko", ".", str(out)], cwd=project)  # fmt: skip
        with (out / "objects.inv").open("rb") as stream:
            data = InventoryFile.load(stream, "", lambda base, uri: uri)
        return {"data": data, "page": (out / f"{EVENT}.html").read_text(encoding="utf-8")}

    return once_per_run(tmp_path_factory, "title-line-break", make)


def test_the_inventory_has_no_entry_from_a_translation(inventory) -> None:
    data = inventory["data"]
    names = {name for kind in data for name in data[kind]}
    assert "evil" not in names
    entry = data["std:doc"][EVENT]
    assert "\n" not in entry.display_name and entry.display_name.endswith(INJECTED.strip())


def test_the_title_reads_the_same_on_the_page(inventory) -> None:
    page = inventory["page"]
    assert "evil std:doc -1 https://evil.example/ x" in page
