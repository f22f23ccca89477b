"""The build's catalog check keeps each catalog's outcome until the catalog changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pytorchkr_archive.translation import catalog_guard
from tests.conftest import PROJECT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(PROJECT / "locale", tmp_path / "locale")
    return tmp_path


@pytest.fixture
def checked(monkeypatch) -> list[str]:
    """The catalogs actually checked (not taken from the cache)."""
    names: list[str] = []
    real = catalog_guard.check_file

    def counting(file, root, terms, **options):
        names.append(file.path.name)
        return real(file, root, terms, **options)

    monkeypatch.setattr(catalog_guard, "check_file", counting)
    return names


def errors(project: Path) -> list[str]:
    cache = project / "_build" / "doctrees" / "0-archive-catalog-checks.json"
    return [
        f"{p.path}:{p.line}: [{p.check}]"
        for p in catalog_guard.catalog_errors(project, project / "locale", "ko", cache)
    ]


def test_only_changed_catalogs_are_checked_again(project: Path, checked: list[str]) -> None:
    assert errors(project) == []
    assert len(checked) == len(list((project / "locale" / "ko").rglob("*.po")))
    checked.clear()
    assert errors(project) == []
    assert checked == [], "an unchanged catalog was checked again"
    speakers = project / "locale" / "ko" / "LC_MESSAGES" / "speakers.po"
    speakers.write_text(speakers.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    errors(project)
    assert checked == ["speakers.po"]


def test_a_kept_error_is_reported_on_every_build(project: Path, checked: list[str]) -> None:
    speakers = project / "locale" / "ko" / "LC_MESSAGES" / "speakers.po"
    text = speakers.read_text(encoding="utf-8")
    speakers.write_text(text.replace('msgstr "발표자"', 'msgstr "발표자'), encoding="utf-8")
    first = errors(project)
    assert first and all("speakers.po" in error for error in first)
    checked.clear()
    assert errors(project) == first
    assert checked == []
    speakers.write_text(text, encoding="utf-8")
    assert errors(project) == []


def test_a_glossary_change_checks_every_catalog_again(project: Path, checked: list[str]) -> None:
    errors(project)
    checked.clear()
    glossary = project / "locale" / "ko" / "glossary.csv"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    errors(project)
    assert len(checked) == len(list((project / "locale" / "ko").rglob("*.po")))
