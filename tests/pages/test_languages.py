"""Every page switches to its own counterpart, and says which language it is in."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest

from tests.conftest import EVENT, LANGUAGES
from tests.helpers import html_pages, soup

OTHER = {"en": "ko", "ko": "en"}
NAMES = {"en": "English", "ko": "한국어"}


def pages(site: Path, lang: str) -> list[Path]:
    pages = html_pages(site / lang)
    assert len(pages) >= 4, pages
    return pages


def resolve(page: Path, href: str) -> Path:
    """The file a link of ``page`` points at (``/...`` from the served site's root)."""
    assert "://" not in href, f"{page}: local builds link relatively, got {href}"
    if href.startswith("/"):
        root = next(p for p in page.parents if p.name == "html")
        return root / href.lstrip("/")
    return Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), href)))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_lang(site: Path, lang: str) -> None:
    for page in pages(site, lang):
        assert soup(page).html["lang"] == lang, page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switch_leads_to_the_same_page(site: Path, lang: str) -> None:
    for page in pages(site, lang):
        html = soup(page)
        switch = html.select(".announcement nav.language-switch a")
        assert [a["hreflang"] for a in switch] == [OTHER[lang]], page
        # Outside the text that search results quote.
        assert not html.select('[role="main"] nav.language-switch'), page
        link = switch[0]
        assert link.get_text(strip=True) == NAMES[OTHER[lang]]
        assert link["lang"] == OTHER[lang]
        target = resolve(page, link["href"])
        counterpart = site / OTHER[lang] / page.relative_to(site / lang)
        assert target == counterpart, f"{page}: switch goes to {target}"
        assert target.is_file(), f"{page}: switch goes to a missing page {target}"
        back = soup(target).select_one("nav.language-switch a")
        assert resolve(target, back["href"]) == page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hreflang_alternates(site: Path, lang: str) -> None:
    for page in pages(site, lang):
        links = {
            link["hreflang"]: link["href"]
            for link in soup(page).select('head link[rel="alternate"][hreflang]')
        }
        assert set(links) == {"en", "ko", "x-default"}, page
        relative = page.relative_to(site / lang).as_posix()
        # Absolute, at the production address (archive_base_url of conf.py),
        # as search engines require; each is a page the build has.
        for code in LANGUAGES:
            assert (
                links[code] == f"https://pytorchkr-archive.readthedocs.io/{code}/latest/{relative}"
            )
            assert (site / code / relative).is_file()
        assert links["x-default"] == links["en"]


def test_switch_is_labelled_in_the_pages_language(site: Path) -> None:
    assert (
        soup(site / "en" / f"{EVENT}.html").select_one("nav.language-switch")["aria-label"]
        == "Language"
    )
    assert (
        soup(site / "ko" / f"{EVENT}.html").select_one("nav.language-switch")["aria-label"]
        == "언어"
    )


def test_landing_page_offers_both_languages_without_scripts(site: Path) -> None:
    page = soup(site / "index.html")
    links = {a["hreflang"]: a for a in page.select("main a")}
    assert set(links) == {"en", "ko"}
    for code, link in links.items():
        assert (site / link["href"]).resolve() == (site / code / "index.html").resolve()
        assert link.get_text(strip=True) == NAMES[code]
        assert link["lang"] == code
    script = page.find("script").get_text()
    assert "navigator.languages" in script
    assert 'location.replace(code + "/index.html")' in script
    alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"]')}
    assert alternates == {
        "en": "en/index.html",
        "ko": "ko/index.html",
        "x-default": "en/index.html",
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_complete_pages_show_no_translation_notice(site: Path, lang: str) -> None:
    for page in pages(site, lang):
        assert soup(page).select_one(".translation-notice") is None, page
