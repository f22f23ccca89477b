"""Compiled templates are kept with the doctrees, and in the process for the builds
after (pytorchkr_archive.speed.template_cache)."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest
import sphinx

from pytorchkr_archive.speed.template_cache import KeptBytecodeCache, cache_dir


def compiled_from_source(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The templates Jinja compiles from source from now on, by name."""
    loaded: list[str] = []
    original = jinja2.Environment._parse

    def parse(self, source, name, filename):  # type: ignore[no-untyped-def]
        if name is not None:  # templates from strings (Sphinx's *.css_t) have no cache
            loaded.append(name)
        return original(self, source, name, filename)

    monkeypatch.setattr(jinja2.Environment, "_parse", parse)
    return loaded


def pages_of(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.html")}


@pytest.mark.sphinx("html", testroot="pages", freshenv=True)
def test_a_second_build_uses_the_compiled_templates(app, make_app, monkeypatch) -> None:
    """On disk, with the doctrees: what a new process finds, even when this
    process had the templates in memory already."""
    app.build(force_all=True)
    folder = cache_dir(app.doctreedir)
    assert folder.name == f"jinja-{jinja2.__version__}-sphinx-{sphinx.__version__}"
    compiled = sorted(folder.glob("__jinja2_*.cache"))
    assert len(compiled) > 10, "the theme's templates were not cached"
    first = {path.name: path.read_bytes() for path in compiled}
    pages = pages_of(app.outdir)

    monkeypatch.setattr(KeptBytecodeCache, "kept", {})  # as in a new process
    loaded = compiled_from_source(monkeypatch)
    again = make_app("html", srcdir=app.srcdir)
    again.build(force_all=True)

    assert loaded == [], f"compiled again: {loaded}"
    assert {path.name: path.read_bytes() for path in folder.glob("*.cache")} == first
    assert pages_of(again.outdir) == pages


@pytest.mark.sphinx("html", testroot="pages", freshenv=True)
def test_a_build_in_another_folder_of_the_same_process_compiles_nothing(
    app, make_app, rootdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In memory, for the builds one process runs after another (make live's
    English beside the preview, the tests' copies); an edited template is
    compiled again."""
    app.build(force_all=True)
    pages = pages_of(app.outdir)
    loaded = compiled_from_source(monkeypatch)
    other = tmp_path / "other"
    shutil.copytree(rootdir / "test-pages", other, ignore=shutil.ignore_patterns("_build"))
    again = make_app("html", srcdir=other)
    again.build(force_all=True)
    assert not any(cache_dir(again.doctreedir).glob("*.cache")) or loaded == []
    assert loaded == [], f"compiled again: {loaded}"
    assert pages_of(again.outdir) == pages

    brand = other / "_templates" / "sidebar" / "brand.html"
    brand.parent.mkdir(parents=True)
    for text in ("first brand", "second brand"):
        brand.write_text(f"<p>{text}</p>\n", encoding="utf-8")
        loaded.clear()
        edited = make_app("html", srcdir=other, confoverrides={"templates_path": ["_templates"]})
        edited.build(force_all=True)
        assert loaded == ["sidebar/brand.html"], f"compiled: {loaded}"
        assert f"<p>{text}</p>" in pages_of(edited.outdir)["index.html"]
