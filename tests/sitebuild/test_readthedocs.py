"""Each language built the way Read the Docs builds its per-language projects."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from tests.conftest import EVENT, LANGUAGES
from tests.helpers import soup

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

BASE = "https://example.readthedocs.io"
OTHER = {"en": "ko", "ko": "en"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", ["index", EVENT, "search", "genindex"])
def test_canonical_switch_and_alternates(rtd_sites: dict[str, Path], lang: str, page: str) -> None:
    html = soup(rtd_sites[lang] / f"{page}.html")
    assert html.html["lang"] == lang
    if page not in ("search", "genindex"):
        canonical = html.find("link", rel="canonical")["href"]
        assert canonical == f"{BASE}/{lang}/latest/{page}.html"
    switch = html.select_one("nav.language-switch a")
    assert switch["href"] == f"{BASE}/{OTHER[lang]}/latest/{page}.html"
    alternates = {
        link["hreflang"]: link["href"]
        for link in html.select('head link[rel="alternate"][hreflang]')
    }
    assert alternates == {
        "en": f"{BASE}/en/latest/{page}.html",
        "ko": f"{BASE}/ko/latest/{page}.html",
        "x-default": f"{BASE}/en/latest/{page}.html",
    }


def test_korean_project_is_korean(rtd_sites: dict[str, Path]) -> None:
    html = soup(rtd_sites["ko"] / f"{EVENT}.html")
    assert html.find("article").find("h1").get_text().startswith("PyTorch Core Maintainer와")
    description = html.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("PyTorch Core Maintainer와 함께한 파이토치 한국 사용자 모임의")
    assert html.find("meta", property="og:url")["content"] == (f"{BASE}/ko/latest/{EVENT}.html")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feeds_sitemaps_and_404_use_read_the_docs_urls(
    rtd_sites: dict[str, Path], lang: str
) -> None:
    out = rtd_sites[lang]
    sitemap = ET.parse(out / "sitemap.xml").getroot()
    locations = [loc.text for loc in sitemap.iter(f"{SITEMAP}loc")]
    assert f"{BASE}/{lang}/latest/{EVENT}.html" in locations
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    ids = [entry.id for entry in feed.entries]
    assert f"{BASE}/{lang}/latest/{EVENT}.html" in ids
    assert all(i.startswith(f"{BASE}/{lang}/latest/events/2") for i in ids), ids
    robots = (out / "robots.txt").read_text()
    assert f"Sitemap: {BASE}/en/latest/sitemap.xml" in robots
    assert f"Sitemap: {BASE}/ko/latest/sitemap.xml" in robots
    not_found = soup(out / "404.html")
    stylesheets = [link["href"] for link in not_found.find_all("link", rel="stylesheet")]
    assert stylesheets
    assert all(href.startswith(f"/{lang}/latest/_static/") for href in stylesheets), stylesheets
    body_links = [a["href"] for a in not_found.select("article p a.reference")]
    assert body_links == [f"/{lang}/latest/index.html", f"/{lang}/latest/events/index.html"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_parallel_view_loads_the_other_project_from_the_same_host(
    rtd_sites: dict[str, Path], lang: str
) -> None:
    """Each project writes only its own language's blocks; the other's come
    from the other project, at its Read the Docs URL."""
    other = "ko" if lang == "en" else "en"
    toggle = soup(rtd_sites[lang] / f"{EVENT}.html").select_one("button.parallel-toggle")
    assert toggle["data-parallel-src"] == (
        f"https://example.readthedocs.io/{other}/latest/_parallel/{EVENT}.js"
    )
    assert toggle["data-parallel-page"] == (
        f"https://example.readthedocs.io/{other}/latest/{EVENT}.html"
    )
    data = (rtd_sites[other] / "_parallel" / f"{EVENT}.js").read_text(encoding="utf-8")
    assert f'"lang":"{other}"' in data
