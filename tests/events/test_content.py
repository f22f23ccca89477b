"""The first event's recap, word for word, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EVENT
from tests.helpers import (
    article_text,
    markdown_to_text,
    seed_blocks,
    seed_photos,
    seed_title,
    soup,
)

SEED = {"en": "recap-en.translation.md", "ko": "recap-ko.original.md"}

#: The English alt text of each photo, the counterpart of the original's Korean one.
ENGLISH_ALTS = [
    "Group photo after the conference",
    "Session 1: Jerry Lee - PyTorch Foundation",
    "Session 2: Alban Desmaison - PyTorch Roadmap",
    "Session 3: Hongseok Kim - PyTorch on Rebellions AI Accelerators: Status",
    "Session 4: Kyujin Cho - Backend.AI: A Unified Platform for All AI Accelerators",
    "Session 5: Taeho Kim - Optimizing & Deploying Models Across Multiple Chipsets Using "
    "NetsPresso",
    "Session 6: Jungyeop Lee - The Journey to Reproduce Deepseek-R1",
    "Session 7: Sol Kim - A journey from TCP architecture to production-level LLMs",
    "Moments from the panel talk and networking",
]


#: The archive's only departures from the seeds' wording, each with its reason.
#: A link named "link" (링크) tells a screen reader's list of links, and a
#: search engine, nothing about where it goes (WCAG 2.4.4, Lighthouse's
#: link-text audit): the roadmap's own words carry the link instead.  Same
#: URL, same sentence otherwise.
EDITS = {
    "en": [
        (
            "contribution roadmap ([link](https://dev-discuss.pytorch.org/t/meta-pytorch-team-2025-h1-roadmaps/2794))",
            "[contribution roadmap](https://dev-discuss.pytorch.org/t/meta-pytorch-team-2025-h1-roadmaps/2794)",
        )
    ],
    "ko": [
        (
            "파이토치 컨트리뷰션 로드맵([링크](https://dev-discuss.pytorch.org/t/meta-pytorch-team-2025-h1-roadmaps/2794))",
            "[파이토치 컨트리뷰션 로드맵](https://dev-discuss.pytorch.org/t/meta-pytorch-team-2025-h1-roadmaps/2794)",
        )
    ],
}


def edited_blocks(lang: str) -> list[str]:
    """The seed's blocks with the archive's documented edits applied (each exactly once)."""
    blocks = seed_blocks(SEED[lang])
    for before, after in EDITS[lang]:
        assert sum(block.count(before) for block in blocks) == 1, before
        blocks = [block.replace(before, after) for block in blocks]
    return blocks


def event_page(site: Path, lang: str):
    return soup(site / lang / f"{EVENT}.html")


def test_seeds_have_the_documented_shape() -> None:
    assert len(seed_blocks(SEED["en"])) == len(seed_blocks(SEED["ko"])) == 21
    assert len(seed_photos()) == 9


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_title_is_the_pages_heading(site: Path, lang: str) -> None:
    page = event_page(site, lang)
    h1 = page.find("article").find("h1")
    h1.find("a", class_="headerlink").decompose()
    assert markdown_to_text(h1.get_text())[0] == seed_title(SEED[lang])
    assert page.title.get_text().startswith(seed_title(SEED[lang]))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_heading_and_paragraph_in_order(site: Path, lang: str) -> None:
    text = article_text(event_page(site, lang))
    position = 0
    for block in edited_blocks(lang):
        expected, _ = markdown_to_text(block)
        found = text.find(expected, position)
        assert found != -1, f"{lang}: not found (in order) on the page: {expected!r}"
        position = found + len(expected)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_link_is_named_only_link(site: Path, lang: str) -> None:
    names = [a.get_text().strip().lower() for a in event_page(site, lang).select("article a")]
    assert not {"link", "링크", "here", "여기"} & set(names)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_links_of_the_recap(site: Path, lang: str) -> None:
    hrefs = [a["href"] for a in event_page(site, lang).find("article").find_all("a", href=True)]
    for block in edited_blocks(lang):
        for url in markdown_to_text(block)[1]:
            assert url in hrefs, f"{lang}: link to {url} missing"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_photos_sized_lazy_and_described(site: Path, lang: str) -> None:
    images = event_page(site, lang).find("article").find_all("img")
    expected_alts = ENGLISH_ALTS if lang == "en" else [alt for _, _, alt in seed_photos()]
    assert len(images) == 9
    for img, (url, height, _), alt in zip(images, seed_photos(), expected_alts, strict=True):
        assert img["src"] == url
        assert (img["width"], img["height"]) == ("1366", str(height))
        assert img["loading"] == "lazy"
        assert img["alt"] == alt
        assert img.parent.name != "a", "a photo is wrapped in a link to itself"
