"""Korean pages show no English interface text, titles and descriptions included."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import EVENT
from tests.helpers import html_pages, soup

#: The English interface strings of Furo and Sphinx that a reader can see or
#: hear (screen readers read labels and icon titles).
ENGLISH_INTERFACE = [
    "Skip to content",
    "Back to top",
    "On this page",
    "Next",
    "Previous",
    "Made with",
    "Contents",
    "Toggle site navigation sidebar",
    "Toggle table of contents sidebar",
    "Toggle Light / Dark / Auto color theme",
    "Toggle navigation of",
    "Light mode",
    "Dark mode",
    "Auto light/dark",
    "Menu",
    "Expand",
    "Search",
    "Link to this heading",
    "Language",
    "Copyright",
    "Home",
    "Index",
    "Please activate JavaScript",
    "Hide Search Matches",
]
READABLE_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "value")


def readable_strings(path: Path) -> list[str]:
    """The text of a page a reader sees or hears: text, labels, titles, alt texts."""
    page = soup(path)
    for element in page(["script", "style"]):
        element.decompose()
    # The switch's link to the English page is rightly in English.
    for element in page.select('nav.language-switch a[lang="en"]'):
        element.decompose()
    strings = [s.strip() for s in page.find_all(string=True) if s.strip()]
    for element in page.find_all(True):
        strings += [element[a] for a in READABLE_ATTRIBUTES if isinstance(element.get(a), str)]
    return strings


def test_korean_pages_have_no_english_interface_strings(site: Path) -> None:
    pages = html_pages(site / "ko")
    assert len(pages) >= 4
    for path in pages:
        strings = readable_strings(path)
        for english in ENGLISH_INTERFACE:
            pattern = re.compile(rf"(?<![A-Za-z]){re.escape(english)}(?![a-z])")
            hits = [s for s in strings if pattern.search(s)]
            assert not hits, f"{path}: English interface string {english!r} in {hits}"


def test_the_check_finds_english_pages_english(site: Path) -> None:
    """The test above would see the strings if they were there."""
    strings = " ".join(readable_strings(site / "en" / f"{EVENT}.html"))
    for english in ("Skip to content", "Back to top", "On this page", "Toggle site navigation"):
        assert english in strings


def test_search_messages_are_korean(site: Path) -> None:
    text = (site / "ko" / "_static" / "translations.js").read_text(encoding="utf-8")
    catalog = json.loads(re.search(r"addTranslations\((.*)\);", text, re.S).group(1))
    messages = catalog["messages"]
    for msgid in (
        "Search Results",
        "Searching",
        "Preparing search...",
        "Search finished, found one page matching the search query.",
        "Your search did not match any documents. Please make sure that all words are "
        "spelled correctly and that you've selected enough categories.",
        "Hide Search Matches",
    ):
        value = messages[msgid]
        value = value[0] if isinstance(value, list) else value
        assert re.search(r"[가-힣]", value), f"{msgid!r} is not translated: {value!r}"


@pytest.mark.parametrize(
    ("lang", "site_title", "description_start"),
    [
        ("en", "PyTorch Korea User Group Event Archive", "A technical conference of the"),
        ("ko", "파이토치 한국 사용자 모임 행사 아카이브", "PyTorch Core Maintainer와 함께한"),
    ],
)
def test_title_and_description_in_the_pages_language(
    site: Path, lang: str, site_title: str, description_start: str
) -> None:
    page = soup(site / lang / f"{EVENT}.html")
    assert page.title.get_text().endswith(f" - {site_title}")
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith(description_start)
    assert page.find("link", rel="canonical") is None, "no canonical URL without a base URL"
    for path in html_pages(site / lang):
        html = soup(path)
        assert html.title.get_text().strip(), f"{path} has no <title>"
        descriptions = html.find_all("meta", attrs={"name": "description"})
        assert len(descriptions) == 1, f"{path}: {len(descriptions)} meta descriptions"
        if lang == "ko":
            assert re.search(r"[가-힣]", descriptions[0]["content"]), path


def test_footer_names_the_group_in_the_pages_language(site: Path) -> None:
    assert (
        "파이토치 한국 사용자 모임"
        in soup(site / "ko" / "index.html").select_one(".copyright").get_text()
    )
    assert (
        "PyTorch Korea User Group"
        in soup(site / "en" / "index.html").select_one(".copyright").get_text()
    )
