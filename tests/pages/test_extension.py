"""The archive's Sphinx extensions, on small test roots and on their own."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from sphinx.errors import ConfigError

from pytorchkr_archive.pages.js_translations import fill_catalog
from pytorchkr_archive.pages.languages import swap_language
from pytorchkr_archive.pages.theme_l10n import localize
from pytorchkr_archive.sitebuild.landing import render_landing_page

KOREAN = {
    "Toggle site navigation sidebar": "사이트 탐색 사이드바 열기/닫기",
    "Light mode": "밝은 테마",
    "Toggle navigation of %s": "%s 하위 탐색 열기/닫기",
    "Search finished, found ${resultCount} pages matching the search query.": "${resultCount}개",
}


def read(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.sphinx("html", testroot="languages", confoverrides={"language": "ko"})
def test_nested_page_links_up_and_across(app) -> None:
    app.build()
    page = read(app, "sub/page.html")
    assert page.html["lang"] == "ko"
    assert page.title.get_text() == "A nested page - 테스트 아카이브"
    switch = page.select_one("nav.language-switch a")
    assert switch["href"] == "../../en/sub/page.html"
    alternates = {a["hreflang"]: a["href"] for a in page.select("link[hreflang]")}
    # Search engines take hreflang URLs only absolute: the production ones.
    assert alternates == {
        "en": "https://example.org/en/latest/sub/page.html",
        "ko": "https://example.org/ko/latest/sub/page.html",
        "x-default": "https://example.org/en/latest/sub/page.html",
    }


@pytest.mark.sphinx("html", testroot="languages")
def test_default_language_is_english(app) -> None:
    app.build()
    page = read(app, "index.html")
    assert page.html["lang"] == "en"
    assert page.select_one("nav.language-switch a")["href"] == "../ko/index.html"


@pytest.mark.sphinx(
    "html",
    testroot="languages",
    confoverrides={"html_baseurl": "https://example.org/v1.0/", "language": "ko"},
)
def test_base_url_without_the_language_segment_is_an_error(make_app, app_params) -> None:
    args, kwargs = app_params
    with pytest.raises(ConfigError, match=r"has no /ko/ segment"):
        make_app(*args, **kwargs)


@pytest.mark.sphinx("html", testroot="languages", confoverrides={"language": "fr"})
def test_unknown_language_is_a_clear_error(make_app, app_params) -> None:
    args, kwargs = app_params
    with pytest.raises(ConfigError, match=r"language 'fr' is not one of archive_languages"):
        make_app(*args, **kwargs)


def test_swap_language_keeps_host_version_and_scheme() -> None:
    assert swap_language("https://x.readthedocs.io/ko/latest/", "ko", "en") == (
        "https://x.readthedocs.io/en/latest/"
    )
    assert swap_language("https://docs.example.org/en/v2/", "en", "ko") == (
        "https://docs.example.org/ko/v2/"
    )


def test_localize_translates_only_furos_hardcoded_strings() -> None:
    html = (
        '<input aria-label="Toggle site navigation sidebar">'
        "<svg><title>Light mode</title></svg>"
        '<input aria-label="Toggle navigation of Events">'
        "<p>Toggle site navigation sidebar</p>"
    )
    result = localize(html, lambda s: KOREAN.get(s, s))
    assert result == (
        '<input aria-label="사이트 탐색 사이드바 열기/닫기">'
        "<svg><title>밝은 테마</title></svg>"
        '<input aria-label="Events 하위 탐색 열기/닫기">'
        "<p>Toggle site navigation sidebar</p>"
    )
    assert localize(html, lambda s: s) == html


def test_fill_catalog_fills_only_empty_messages() -> None:
    messages = {
        "Searching": "검색 중",
        "Search finished, found one page matching the search query.": [""],
        "Unknown": "",
    }
    missing = fill_catalog(messages, lambda s: KOREAN.get(s, s))
    assert messages["Searching"] == "검색 중"
    assert messages["Search finished, found one page matching the search query."] == [
        "${resultCount}개"
    ]
    assert missing == ["Unknown"]


def test_landing_page_lists_every_language() -> None:
    html = render_landing_page(
        {
            "en": {"name": "English", "title": "A & B", "description": "d"},
            "ko": {"name": "한국어", "title": "가", "description": "d"},
        }
    )
    page = BeautifulSoup(html, "html.parser")
    assert [a["href"] for a in page.select("main a")] == ["en/index.html", "ko/index.html"]
    assert page.title.get_text() == "A & B · 가"
    assert 'var available = ["en", "ko"];' in html
