"""What each page ships and how it is marked up (pytorchkr_archive.pages.lean_pages, .a11y)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup


def read(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")


def stylesheets(page: BeautifulSoup) -> list[str]:
    return [link["href"].split("?")[0] for link in page.select('link[rel="stylesheet"]')]


@pytest.mark.sphinx("html", testroot="pages")
def test_pygments_css_only_on_pages_with_highlighted_code(app) -> None:
    app.build()
    assert "_static/pygments.css" not in stylesheets(read(app, "index.html"))
    assert "_static/pygments.css" not in stylesheets(read(app, "search.html"))
    assert "_static/pygments.css" in stylesheets(read(app, "code.html"))
    # The file itself is still there, for the pages that use it.
    assert (app.outdir / "_static" / "pygments.css").is_file()


def scripts(page: BeautifulSoup) -> list[str]:
    sources = [script["src"] for script in page.select("script[src]")]
    return [source.split("?")[0].rsplit("/", 1)[-1] for source in sources]


HIGHLIGHTING = {
    "sphinx_highlight.js",
    "doctools.js",
    "documentation_options.js",
    "translations.js",
}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_search_highlighting_only_on_pages_search_leads_to(site, lang: str) -> None:
    def page(name: str) -> BeautifulSoup:
        return BeautifulSoup((site / lang / name).read_text(encoding="utf-8"), "html.parser")

    # The sources' pages, which search finds, and the search page itself (the
    # English site has no translations.js: its strings are Sphinx's own).
    for name in ("index.html", "events/2025-03-30-pytorch-core-conference.html", "search.html"):
        assert {"sphinx_highlight.js", "doctools.js"} <= set(scripts(page(name))), name
    # The generated pages: a year of events, a person's page.
    for name in ("events/2025.html", "speakers/jerry-lee.html"):
        found = scripts(page(name))
        assert "furo.js" in found, name
        assert not HIGHLIGHTING & set(found), name


@pytest.mark.sphinx("html", testroot="pages")
def test_toctree_captions_are_headings_with_a_level(app) -> None:
    app.build()
    captions = read(app, "index.html").select('[role="heading"]')
    assert captions, "no toctree caption on the page"
    assert all(caption.get("aria-level") == "2" for caption in captions)


@pytest.mark.sphinx("html", testroot="pages")
def test_furo_landmarks_are_named(app) -> None:
    app.build()
    page = read(app, "code.html")
    names = {aside["class"][0]: aside.get("aria-label") for aside in page.select("aside")}
    assert names == {
        "announcement-content": "Language and translation",
        "sidebar-drawer": "Site navigation",
        "toc-drawer": "On this page",
    }


def test_furo_landmarks_are_named_in_korean_on_the_site(site) -> None:
    page = BeautifulSoup((site / "ko" / "index.html").read_text(encoding="utf-8"), "html.parser")
    names = {aside["class"][0]: aside.get("aria-label") for aside in page.select("aside")}
    assert names == {
        "announcement-content": "언어와 번역",
        "sidebar-drawer": "사이트 탐색",
        "toc-drawer": "이 페이지의 내용",
    }


@pytest.mark.sphinx("html", testroot="pages")
def test_search_page_has_a_level_one_heading(app) -> None:
    app.build()
    assert [h1.get_text() for h1 in read(app, "search.html").select("h1")] == ["Search"]


def test_the_sidebar_lists_sections_not_every_event(site) -> None:
    """pytorchkr_archive.pages.navigation: the sidebar stays the same size as events are added."""
    for lang in ("en", "ko"):
        for page in (site / lang).rglob("*.html"):
            if "_static" in page.parts or page.name == "404.html":
                continue
            html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            links = [a.get_text() for a in html.select(".sidebar-tree a.reference")]
            expected = {
                "en": ["Events", "Series", "Speakers", "Help translate this archive"],
                "ko": ["행사", "시리즈", "발표자", "아카이브 번역 돕기"],
            }
            assert links == expected[lang], page
