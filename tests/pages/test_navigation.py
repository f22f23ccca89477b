"""pages.navigation: a sidebar drawn once per kind of page is the one Sphinx draws."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from bs4 import BeautifulSoup

from pytorchkr_archive.pages import navigation

OPTIONS = [
    {"collapse": collapse, "titles_only": titles_only, "includehidden": hidden, "maxdepth": depth}
    for collapse, titles_only, hidden, depth in itertools.product(
        (False, True), (False, True), (False, True), (1, 2, 3)
    )
]


def pages(app) -> list[str]:
    """Every page the builder writes, documents and generated pages alike."""
    return [*sorted(app.env.found_docs), "search", "genindex"]


def sphinx_draws(app, docname: str, options: dict[str, Any]) -> str:
    return app.builder._get_local_toctree(docname, **options)


@pytest.mark.sphinx("html", testroot="navigation")
def test_a_reused_sidebar_is_exactly_the_one_sphinx_draws(app) -> None:
    app.build()
    navigation.forget_sidebars(app, app.env)
    for options, docname in itertools.product(OPTIONS, pages(app)):
        reused = navigation.drawn_once(
            app.builder, docname, lambda docname=docname, **o: sphinx_draws(app, docname, o)
        )
        assert reused(**options) == sphinx_draws(app, docname, options), (docname, options)


@pytest.mark.sphinx("html", testroot="navigation")
def test_pages_of_one_kind_share_one_drawing(app) -> None:
    app.build()
    navigation.forget_sidebars(app, app.env)
    options = {"collapse": False, "titles_only": True, "includehidden": True, "maxdepth": 1}
    for docname in pages(app):
        draw = navigation.drawn_once(
            app.builder, docname, lambda docname=docname, **o: sphinx_draws(app, docname, o)
        )
        draw(**options)
    cache = navigation._caches[app.env]
    # section/a and section/b share a drawing (same folder, same ancestor),
    # and so do the orphan and search pages (no ancestor at all).
    assert len(cache.drawn) == len(pages(app)) - 2
    # A page with no depth to cut at is drawn every time, and never kept.
    before = len(cache.drawn)
    navigation.drawn_once(app.builder, "section/a", lambda **o: "drawn")(maxdepth=-1)
    assert len(cache.drawn) == before


@pytest.mark.sphinx("html", testroot="navigation", confoverrides={"archive_navigation_depth": 2})
def test_the_built_sidebar_marks_the_current_section_on_every_page(app) -> None:
    app.build()
    expected_current = {
        "index.html": ["Home"],
        "other.html": ["Other"],
        "section/index.html": ["Section"],
        "section/a.html": ["Section", "Page A"],
        "section/b.html": ["Section", "Page B"],
        "section/deeper/c.html": ["Section", "Deeper"],
        "orphan.html": [],
    }
    for name, current in expected_current.items():
        page = BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")
        marked = [li.a.get_text() for li in page.select(".sidebar-tree li.current")]
        assert marked == current, name
        links = [a["href"] for a in page.select(".sidebar-tree a.reference.internal")]
        assert links, name
        assert all(
            (app.outdir / name).parent.joinpath(href.split("#")[0]).resolve().is_file()
            for href in links
            if href.split("#")[0]
        ), (name, links)
