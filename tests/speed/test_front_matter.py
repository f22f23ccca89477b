"""MyST's readings of front matter with libyaml (pytorchkr_archive.speed.front_matter)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from myst_parser.mdit_to_docutils import base
from myst_parser.parsers import sphinx_ as myst_sphinx
from myst_parser.parsers.directives import YAML_LOAD_ERRORS

from pytorchkr_archive.pages.drafts import front_matter
from pytorchkr_archive.speed import front_matter as speed
from tests.conftest import PROJECT
from tests.helpers import html_of


def test_libyaml_is_there_to_be_used() -> None:
    """PyYAML's wheels carry libyaml: without it the speed-up would silently be off."""
    assert yaml.__with_libyaml__


def test_every_page_s_front_matter_reads_the_same_with_libyaml() -> None:
    pages = [
        *PROJECT.glob("*.md"),
        *PROJECT.glob("events/*.md"),
        *PROJECT.glob("pytorchkr_archive/**/*.md"),
        *(p for p in PROJECT.glob("tests/roots/**/*.md") if "_build" not in p.parts),
    ]
    blocks = [found[0] for p in pages if (found := front_matter(p.read_text(encoding="utf-8")))]
    assert len(blocks) >= 13
    for block in blocks:
        try:
            pure = yaml.safe_load(block)
        except YAML_LOAD_ERRORS:
            # (the new-event template's placeholders): refused alike
            with pytest.raises(YAML_LOAD_ERRORS):
                speed.c_safe_load(block)
        else:
            assert speed.c_safe_load(block) == pure


@pytest.mark.parametrize("text", ["event: [unclosed", "a: b: c", "\tevent: 1"])
def test_malformed_yaml_raises_what_myst_reports(text: str) -> None:
    with pytest.raises(YAML_LOAD_ERRORS):
        yaml.safe_load(text)
    with pytest.raises(YAML_LOAD_ERRORS):
        speed.c_safe_load(text)


def test_myst_reads_the_page_s_settings_alike_and_leaves_yaml_as_it_was() -> None:
    text = "---\nmyst:\n  heading_anchors: 2\nevent:\n  date: 2025-03-30\n---\n# Page\n"
    reading = speed.with_c_yaml(speed.MYST_READ_TOPMATTER)
    assert reading(text) == speed.MYST_READ_TOPMATTER(text)
    assert yaml.safe_load is not speed.c_safe_load


def test_the_events_build_is_the_same_with_mysts_own_reading(
    make_app, rootdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Event pages, whose front matter is the whole event: the same pages byte
    for byte with MyST's pure-Python reading as with libyaml's."""
    pages = {}
    for name, with_libyaml in (("libyaml", True), ("myst", False)):
        srcdir = tmp_path / name
        shutil.copytree(rootdir / "test-events", srcdir, ignore=shutil.ignore_patterns("_build"))
        monkeypatch.setattr(myst_sphinx, "read_topmatter", speed.MYST_READ_TOPMATTER)
        monkeypatch.setattr(base, "yaml", yaml)
        monkeypatch.setattr(yaml, "__with_libyaml__", with_libyaml)
        app = make_app("html", srcdir=srcdir, confoverrides={"language": "ko"})
        app.build()
        assert (myst_sphinx.read_topmatter is speed.MYST_READ_TOPMATTER) != with_libyaml
        pages[name] = html_of(app.outdir)
    assert pages["libyaml"] == pages["myst"] and len(pages["libyaml"]) >= 5
