"""The Korean catalogs are valid, complete and up to date with the English pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.conftest import PROJECT, copy_project, require_tool, run
from tests.helpers import once_per_run

LOCALE = PROJECT / "locale"
CATALOGS = sorted((LOCALE / "ko" / "LC_MESSAGES").rglob("*.po"))


def load(path: Path):
    with path.open("rb") as f:
        return read_po(f, abort_invalid=True)


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The message templates of the current English sources, as make gettext writes them."""

    def make(folder: Path) -> Path:
        project = copy_project(folder / "project")
        out = project / "_build" / "gettext"
        run([sys.executable, "-m", "pytorchkr_archive.translation.extract", "--out", str(out)],
            cwd=project)  # fmt: skip
        return out

    return once_per_run(tmp_path_factory, "templates", make)


def test_there_is_a_catalog_per_page_and_one_for_the_interface() -> None:
    names = {p.relative_to(LOCALE / "ko" / "LC_MESSAGES").as_posix() for p in CATALOGS}
    assert {"index.po", "sphinx.po", "events/2025-03-30-pytorch-core-conference.po"} <= names


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_catalog_is_well_formed_and_korean(path: Path) -> None:
    catalog = load(path)
    assert str(catalog.locale) == "ko", f"{path}: Language header is {catalog.locale}"
    msgfmt = require_tool("msgfmt")
    check = subprocess.run(
        [msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_catalog_is_complete(path: Path) -> None:
    catalog = load(path)
    messages = [m for m in catalog if m.id]
    assert messages
    assert not [m.id for m in messages if m.fuzzy], f"{path}: fuzzy entries"
    assert not [m.id for m in messages if not m.string], f"{path}: untranslated entries"
    assert not catalog.obsolete, f"{path}: obsolete entries: {list(catalog.obsolete)}"


def test_catalogs_match_the_current_sources(templates: Path) -> None:
    pots = sorted(templates.rglob("*.pot"))
    assert pots
    for pot in pots:
        name = pot.relative_to(templates).with_suffix(".po")
        po = LOCALE / "ko" / "LC_MESSAGES" / name
        assert po.is_file(), f"no Korean catalog for {name}: run sphinx-intl update"
        expected = {(m.id, m.context) for m in load(pot) if m.id}
        actual = {(m.id, m.context) for m in load(po) if m.id}
        assert expected == actual, (
            f"{po}: out of date with the English source: missing {expected - actual}, "
            f"extra {actual - expected}"
        )
