"""Compiled templates are kept with the doctrees (pytorchkr_archive.speed.template_cache)."""

from __future__ import annotations

import jinja2
import pytest
import sphinx

from pytorchkr_archive.speed.template_cache import cache_dir


@pytest.mark.sphinx("html", testroot="pages", freshenv=True)
def test_a_second_build_uses_the_compiled_templates(app, make_app, monkeypatch) -> None:
    app.build(force_all=True)
    folder = cache_dir(app.doctreedir)
    assert folder.name == f"jinja-{jinja2.__version__}-sphinx-{sphinx.__version__}"
    compiled = sorted(folder.glob("__jinja2_*.cache"))
    assert len(compiled) > 10, "the theme's templates were not cached"
    first = {path.name: path.read_bytes() for path in compiled}
    pages = {path.name: path.read_text(encoding="utf-8") for path in app.outdir.glob("*.html")}

    loaded: list[str] = []
    original = jinja2.Environment._parse

    def parse(self, source, name, filename):  # type: ignore[no-untyped-def]
        if name is not None:  # templates from strings (Sphinx's *.css_t) have no cache
            loaded.append(name)
        return original(self, source, name, filename)

    monkeypatch.setattr(jinja2.Environment, "_parse", parse)
    again = make_app("html", srcdir=app.srcdir)
    again.build(force_all=True)

    assert loaded == [], f"compiled again: {loaded}"
    assert {path.name: path.read_bytes() for path in folder.glob("*.cache")} == first
    assert {
        path.name: path.read_text(encoding="utf-8") for path in again.outdir.glob("*.html")
    } == pages
