"""The standard Sphinx path keeps every translation: the facts are in Sphinx's own templates.

What Sphinx's and sphinx-intl's documentation teach (``sphinx-build -b
gettext`` then ``sphinx-intl update``), and what Poedit and Weblate do with
"update from POT" (``msgmerge``), run on a copy of the project: the event
facts' translations stay translated (none obsolete, none fuzzy), and the
Korean pages are byte for byte those of the project's own workflow.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pytorchkr_archive.catalogs.files import load
from tests.conftest import EVENT, copy_project, require_tool, run
from tests.helpers import once_per_run
from tests.po_tools import EVENT_PO, tool

#: The facts' contexts (pytorchkr_archive.events.facts.messages.CONTEXTS) in the first event.
FACT_CONTEXTS = {"event city", "event country", "venue name", "sponsor name", "recap author",
                 "event summary", "session title",
                 "related link title"}  # fmt: skip


def sphinx_gettext(project: Path) -> Path:
    """``sphinx-build -b gettext``, as Sphinx's documentation writes it."""
    out = project / "_build" / "gettext"
    shutil.rmtree(out, ignore_errors=True)
    run([sys.executable, "-m", "sphinx", "-b", "gettext", "-W", "--keep-going", "-q", ".",
         str(out)], cwd=project)  # fmt: skip
    return out


def korean_pages(project: Path, out: Path) -> Path:
    run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q", "-D",
         "language=ko", "-d", str(out.parent / f"{out.name}-doctrees"), ".", str(out)],
        cwd=project)  # fmt: skip
    return out


def facts(project: Path) -> dict[str, object]:
    """The event catalog's fact messages: translated, fuzzy and obsolete ones."""
    catalog = load(project / EVENT_PO)
    found = [m for m in catalog if m.id and m.context in FACT_CONTEXTS]
    return {
        "translated": sorted((m.context, m.id) for m in found if m.string and not m.fuzzy),
        "fuzzy": sorted(m.id for m in found if m.fuzzy),
        "obsolete": sorted(str(key) for key in catalog.obsolete),
    }


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """The catalogs and Korean pages after each path, from the same sources."""
    require_tool("msgmerge")

    def make(folder: Path) -> dict[str, dict[str, object]]:
        results: dict[str, dict[str, object]] = {}
        # The project's own workflow: make update-po, then the Korean build.
        own = copy_project(folder / "own")
        assert tool(own, "update_po").returncode == 0
        results["make update-po"] = {**facts(own), "pages": korean_pages(own, folder / "own-ko")}
        # sphinx-build -b gettext; sphinx-intl update -p _build/gettext -l ko
        intl = copy_project(folder / "sphinx-intl")
        pot = sphinx_gettext(intl)
        run([sys.executable, "-m", "sphinx_intl", "update", "-p", str(pot), "-l", "ko", "-d",
             "locale"], cwd=intl)  # fmt: skip
        results["sphinx-intl update"] = {
            **facts(intl), "pages": korean_pages(intl, folder / "intl-ko"),
        }  # fmt: skip
        # Poedit's and Weblate's "update from POT": msgmerge against Sphinx's template.
        merge = copy_project(folder / "msgmerge")
        pot = sphinx_gettext(merge)
        subprocess.run(
            [require_tool("msgmerge"), "--update", "--backup=none", "--previous", "--quiet",
             str(merge / EVENT_PO), str(pot / f"{EVENT}.pot")],
            check=True,
        )  # fmt: skip
        results["msgmerge"] = {**facts(merge), "pages": korean_pages(merge, folder / "merge-ko")}
        return results

    return once_per_run(tmp_path_factory, "standard-tools", make)


def test_make_gettext_writes_what_sphinx_build_writes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert tool(project, "extract", "--out", "_build/make-gettext").returncode == 0
    plain = sphinx_gettext(project)
    ours = project / "_build" / "make-gettext"
    names = sorted(p.relative_to(ours).as_posix() for p in ours.rglob("*.pot"))
    assert names == sorted(p.relative_to(plain).as_posix() for p in plain.rglob("*.pot"))
    for name in names:
        assert _without_date(ours / name) == _without_date(plain / name), name
    template = load(plain / f"{EVENT}.pot")
    assert {m.context for m in template if m.context} == FACT_CONTEXTS


def _without_date(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith('"POT-Creation-Date:')]  # fmt: skip


@pytest.mark.parametrize("path", ["sphinx-intl update", "msgmerge"])
def test_the_standard_tools_keep_every_fact_translation(paths, path: str) -> None:
    expected, found = paths["make update-po"], paths[path]
    assert len(expected["translated"]) >= 12  # type: ignore[arg-type]
    assert found["translated"] == expected["translated"]
    assert found["fuzzy"] == [] and found["obsolete"] == []


@pytest.mark.parametrize("path", ["sphinx-intl update", "msgmerge"])
def test_the_korean_pages_are_those_of_make_update_po(paths, path: str) -> None:
    expected: Path = paths["make update-po"]["pages"]  # type: ignore[assignment]
    found: Path = paths[path]["pages"]  # type: ignore[assignment]
    pages = sorted(p.relative_to(expected) for p in expected.rglob("*.html"))
    assert len(pages) > 5
    different = [str(p) for p in pages if not filecmp.cmp(expected / p, found / p, shallow=False)]
    assert not different
    page = (found / f"{EVENT}.html").read_text(encoding="utf-8")
    assert "서울" in page and "Seoul, Republic of Korea" not in page
