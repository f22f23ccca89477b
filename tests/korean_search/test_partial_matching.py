"""Korean partial matching: a two-syllable word finds its derived words, ranked below.

The same small index is searched by the Python port (``lookup.py``, which the
benchmark uses) and by the page's own search in Chromium (Sphinx's
``searchtools.js`` with ``korean-lookup.js``), so that both sides are held to
the same answers, and the browser's ranking is checked as a reader sees it.
"""

from __future__ import annotations

import pytest

from pytorchkr_archive.korean_search import analyzer
from pytorchkr_archive.korean_search.language import SearchKorean
from pytorchkr_archive.korean_search.lookup import derived_terms, korean_related, search

#: Page 0 holds the word itself, the others a derived word, or an unrelated one.
#: (파이토치 is indexed as the word it spells, pytorch: rules.json's loanwords.)
INDEX = {
    "docnames": ["exact", "suffixed", "prefixed", "unrelated", "title"],
    "filenames": ["exact.md", "suffixed.md", "prefixed.md", "unrelated.md", "title.md"],
    "titles": ["Exact", "Suffixed", "Prefixed", "Unrelated", "Title"],
    "terms": {
        "최적": 0, "최적화": 1, "표현": 0, "표현식": 1, "상위": 0, "최상위": 2,
        "표현력": 3, "최적합": 3, "pytorch": [0, 1, 2],
    },
    "titleterms": {"신뢰성": 4},
    "objects": {}, "objnames": {}, "objtypes": {}, "envversion": {}, "alltitles": {},
    "indexentries": {},
}  # fmt: skip

CASES = [
    # a derivational suffix (-화, -식, -성) or prefix (최-): found
    ("최적", {"exact", "suffixed"}),
    ("표현", {"exact", "suffixed"}),
    ("상위", {"exact", "prefixed"}),
    ("신뢰", {"title"}),
    # 표현력 and 최적합 begin with the query, but with no derivational suffix
    # (a plain prefix match would find them)
    ("표현식", {"suffixed"}),
    # longer words and other scripts are left to Sphinx's own matching
    ("최적화", {"suffixed"}),
    # with a longer word, a two-character one is optional (Sphinx's own rule)
    ("파이토치 최적", {"exact", "suffixed", "prefixed"}),
]


def python_search(query: str) -> set[str]:
    language = SearchKorean({})
    return search(INDEX, query, language.split, analyzer.stem, language.stopwords, korean_related)


@pytest.mark.parametrize(("query", "found"), CASES)
def test_python_finds_the_derived_words_only(query: str, found: set[str]) -> None:
    assert python_search(query) == found


def test_only_two_syllable_korean_words_are_extended() -> None:
    terms = {"최적화": 1, "ab화": 1, "최적화화": 1}
    assert derived_terms("최적", terms, ["화"], []) == ["최적화"]
    assert derived_terms("최적화", terms, ["화"], []) == []
    assert derived_terms("ab", terms, ["화"], []) == []
    assert derived_terms("최", terms, ["화"], []) == []


def test_the_derivational_affixes_are_in_the_rules() -> None:
    data = analyzer.rules()
    assert {"화", "성", "식"} <= set(data["derivational"])
    assert "최" in data["prefixes"]
    # -적 is an ending the analysis strips (기술적인 → 기술), not a compound.
    assert "적" not in data["derivational"] and analyzer.stem("기술적인") == "기술"


@pytest.fixture(scope="module")
def search_page(reader_context, site_url: str):
    """The Korean search page with the small index in place of the site's."""
    page = reader_context.new_page()
    page.goto(f"{site_url}/ko/search.html")
    page.wait_for_function("() => Search.hasIndex()")
    page.evaluate("(index) => { Search._index = index; }", INDEX)
    yield page
    page.close()


def browser_results(page, query: str) -> list[tuple[str, int]]:
    """(page, score) of each result, best first as the search page shows them
    (Sphinx orders them last-shown first: it takes them with ``pop()``)."""
    results = page.evaluate(
        "(q) => Search._performSearch(...Search._parseQuery(q)).map((r) => [r[0], r[4]])",
        query,
    )
    return [tuple(result) for result in reversed(results)]


@pytest.mark.parametrize(("query", "found"), CASES)
def test_the_page_finds_what_python_finds(search_page, query: str, found: set[str]) -> None:
    assert {name for name, _ in browser_results(search_page, query)} == found


def test_derived_matches_rank_below_exact_ones(search_page) -> None:
    results = browser_results(search_page, "최적")
    scores = dict(results)
    assert scores["exact"] > scores["suffixed"]
    assert [name for name, _ in results] == ["exact", "suffixed"]
    # Sphinx's own scores: a word (5) above a partial match (2); a title's
    # partial match is Sphinx's partialTitle (7).
    assert scores == {"exact": 5, "suffixed": 2}
    assert dict(browser_results(search_page, "신뢰")) == {"title": 7}
