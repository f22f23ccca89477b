"""Each language built the way Read the Docs builds its per-language projects."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EVENT, LANGUAGES
from tests.helpers import soup

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
    assert html.find("meta", attrs={"name": "description"})["content"].startswith("지난 3월 말")
    assert html.find("meta", property="og:url")["content"] == (f"{BASE}/ko/latest/{EVENT}.html")
