"""docutils' default settings made once (pytorchkr_archive.speed.docutils_settings)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser as RSTParser
from myst_parser.mdit_to_docutils import base

from pytorchkr_archive.speed import docutils_settings
from tests.helpers import html_of


def test_each_document_has_the_default_settings_as_its_own() -> None:
    first, second = (docutils_settings.make_document("x.md") for _ in range(2))
    defaults = vars(get_default_settings(RSTParser))
    made = vars(first.settings)
    assert made.keys() == defaults.keys()
    assert {key: repr(value) for key, value in made.items()} == {
        key: repr(value) for key, value in defaults.items()
    }
    assert first.settings is not second.settings
    first.settings.tab_width = 2
    assert second.settings.tab_width == 8
    assert docutils_settings.make_document().settings.tab_width == 8


def test_a_translated_build_is_the_same_with_mysts_own_documents(
    make_app, rootdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every translated paragraph goes through MyST's renderer: the pages are the
    same byte for byte with MyST's own ``make_document`` as with the archive's."""
    mysts_own = docutils_settings.MYST_MAKE_DOCUMENT
    pages = {}
    for name, maker in (("archive", docutils_settings.make_document), ("myst", mysts_own)):
        srcdir = tmp_path / name
        shutil.copytree(rootdir / "test-parallel", srcdir, ignore=shutil.ignore_patterns("_build"))
        monkeypatch.setattr(docutils_settings, "make_document", maker)
        app = make_app("html", srcdir=srcdir, confoverrides={"language": "ko"})
        app.build()
        assert base.make_document is maker
        pages[name] = html_of(app.outdir)
    assert pages["archive"] == pages["myst"] and len(pages["archive"]) >= 2
