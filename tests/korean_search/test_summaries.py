"""Search result summaries read as text: table cells, list items and headings apart."""

from __future__ import annotations

import pytest

from tests.browser import open_page, url_of

#: A search whose first result is the speakers page, whose table starts its text:
#: (language, query, what the summary must read, what it read before).
CASES = [
    ("ko", "발표자", "발표자 · 발표 수 Alban Desmaison · 1", "발표자발표 수"),
    ("en", "speakers", "Speaker · Talks Alban Desmaison · 1", "SpeakerTalks"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "query", "reads", "before"), CASES)
def test_summaries_keep_table_cells_and_blocks_apart(
    page, site_url: str, lang: str, query: str, reads: str, before: str
) -> None:
    open_page(page, url_of(site_url, f"{lang}/search") + f"?q={query}")
    summary = page.locator('#search-results li:has(a[href^="speakers.html"]) p.context')
    summary.wait_for(timeout=10_000)
    text = " ".join(summary.inner_text().split())
    assert reads in text, text
    assert before not in text


def test_only_the_search_page_loads_the_summary_script(site) -> None:
    for lang in ("en", "ko"):
        assert "archive-search.js" in (site / lang / "search.html").read_text(encoding="utf-8")
        assert "archive-search.js" not in (site / lang / "index.html").read_text(encoding="utf-8")
        assert (site / lang / "_static" / "archive-search.js").is_file()
