"""Korean search: the analysis, its parity in the browser, and real searches."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pytorchkr_archive.catalogs.files import catalog_files, load
from pytorchkr_archive.korean_search import analyzer
from pytorchkr_archive.korean_search.language import SearchKorean
from pytorchkr_archive.measure.search_parity import disagreements
from tests.conftest import EVENT, PROJECT

RECAP = f"{EVENT}.html"


@pytest.mark.parametrize(
    ("word", "root"),
    [
        # a bare noun with any particle or ending
        ("내용을", "내용"), ("관심과", "관심"), ("정보도", "정보"), ("주제의", "주제"),
        ("발표회에서는", "발표회"), ("런타임과의", "런타임"), ("분들께는", "분들"),
        # the same root whatever the particle, and for the query without one
        ("분야에서", "분야"), ("분야의", "분야"), ("분야", "분야"),
        # 하다 / 되다 / 이다 predicates and -적
        ("구성하는", "구성"), ("소개되었습니다", "소개"), ("질문이었습니다", "질문"),
        ("가능한", "가능"), ("기술적인", "기술"),
        # particles that are also word endings: a short word keeps them
        ("속도", "속도"), ("회의", "회의"), ("깊이", "깊이"), ("역할", "역할"), ("대한", "대한"),
        # every inflection of a noun meets at one root
        ("전문가", "전문"), ("전문가들이", "전문"), ("전문가가", "전문"),
        # 이/가 and others after Latin letters: stemmed as English
        ("PyTorch가", "pytorch"), ("NetsPresso를", "netspresso"), ("AI는", "ai"),
        ("Rebellions은", "rebellion"), ("Poedit이나", "poedit"), ("Contraction을", "contract"),
        ("Accelerators", "acceler"),
        # Latin followed by Hangul that is not a particle stays whole
        ("PyTorch코리아", "pytorch코리아"),
        # numbers with counters
        ("201번의", "201번"), ("2022년", "2022년"), ("30일", "30일"),
        # a particle alone stays (and is a stop word)
        ("에도", "에도"), ("을", "을"),
        # polite imperatives and requests (-하세요, -하십시오, -해 주세요, -하시면)
        ("유의하세요", "유의"), ("유의하십시오", "유의"), ("유의해", "유의"),
        ("사용하시면", "사용"), ("참석하시기", "참석"), ("설치해보세요", "설치"),
        # predicate forms with their endings, not listed one by one
        ("설정했다면", "설정"), ("검사하려는", "검사"), ("지원합니까", "지원"),
        ("생각한다면", "생각"), ("소개되기", "소개"), ("발생시킵니다", "발생"),
        ("기술이지만", "기술"), ("곤혹스럽게", "곤혹"), ("자유로운", "자유"),
        # particles that were missing: 대로, 나, 마다, 라면
        ("순서대로", "순서"), ("계산기나", "계산기"), ("파일마다", "파일"),
        # a root of two characters is preferred to a longer suffix
        ("경로는", "경로"), ("반대로", "반대"), ("불만은", "불만"), ("동적으로", "동적"),
        ("개입을", "개입"),
        # a derived word keeps its suffix: partial matching finds it from its root
        ("최적화된", "최적화"), ("활성화하면", "활성화"), ("표현식과", "표현식"),
        ("신뢰성이", "신뢰성"),
        # nouns that end like a particle or an ending keep their roots, alone and
        # with particles and endings after them (rules.json's nouns)
        ("페이지", "페이지"), ("페이지가", "페이지"), ("페이지를", "페이지"),
        ("홈페이지의", "홈페이지"), ("세미나", "세미나"), ("세미나에서", "세미나"),
        ("세미나는", "세미나"), ("온라인으로", "온라인"), ("디자인을", "디자인"),
    ],
)  # fmt: skip
def test_analysis_of_hard_cases(word: str, root: str) -> None:
    assert analyzer.stem(word) == root


@pytest.mark.parametrize(
    ("word", "latin"),
    [("멀티모달", "Multimodal"), ("멀티모달을", "multimodal"), ("파이토치의", "PyTorch"),
     ("컨퍼런스에서", "conference"), ("콘퍼런스", "Conference"), ("트렌드", "Trend"),
     ("액셀러레이터를", "Accelerators")],
)  # fmt: skip
def test_a_hangul_spelling_is_analysed_as_the_latin_word(word: str, latin: str) -> None:
    """rules.json's loanwords: 멀티모달을 finds a Korean title that says Multimodal."""
    assert analyzer.stem(word) == analyzer.stem(latin)


def test_a_word_that_starts_like_a_loanword_is_analysed_as_before() -> None:
    assert analyzer.stem("코어") == analyzer.stem("core")
    assert analyzer.stem("코어텍스") == analyzer.strip_suffixes("코어텍스")
    assert all(analyzer.HANGUL.search(word) for word in analyzer.loanwords())


def test_the_nouns_kept_whole_are_those_the_rules_alone_cut() -> None:
    """Each noun of the list is one the suffix rules, without the list, cut to a
    piece (pytorchkr_archive.measure.korean_roots measured which, with Kiwi); a
    word that merely starts like one is analysed as before."""
    for noun in analyzer.nouns():
        assert analyzer.stem(noun, keep=frozenset()) != noun, noun
        assert analyzer.stem(noun) == noun
    assert "페이지" in analyzer.nouns() and "세미나" in analyzer.nouns()
    assert analyzer.stem("세미나리오를") == analyzer.stem("세미나리오를", keep=frozenset())


def test_splitting_drops_emoji_and_punctuation() -> None:
    assert analyzer.split("## 1️⃣ 이제응 | PyTorch Foundation 💡 Q&A 세션 💡") == [
        "1", "이제응", "PyTorch", "Foundation", "Q", "A", "세션",
    ]  # fmt: skip


def test_particles_alone_are_stop_words() -> None:
    language = SearchKorean({})
    assert not language.word_filter("에도")
    assert not language.word_filter("을")
    assert not language.word_filter("the")
    assert language.word_filter("구름")
    assert not language.word_filter("2025")


def hangul_tokens() -> list[str]:
    """Every word with Hangul in the archive's Korean catalogs."""
    tokens: set[str] = set()
    for file in catalog_files(PROJECT / "locale", ["ko"]):
        for message in load(file.path):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for string in strings:
                tokens |= {t for t in analyzer.split(string) if re.search("[가-힣]", t)}
    # Every loanword, alone and with a particle or an ending after it.
    tails = ("", "을", "에서", "이라는")
    tokens |= {word + tail for word in analyzer.loanwords() for tail in tails}
    return sorted(tokens)


def test_python_and_shipped_javascript_agree_on_every_korean_word() -> None:
    """The index (Python) and the query (the page's JavaScript, in Node.js) reduce
    every word alike; make bench KO_CORPUS=... does the same on a whole corpus."""
    tokens = hangul_tokens()
    assert len(tokens) > 400
    same_split, different = disagreements(tokens)
    assert same_split
    assert not different, different[:20]


def test_the_korean_site_ships_the_korean_analysis(site: Path) -> None:
    data = (site / "ko" / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "var KOREAN_RULES" in data and "function splitQuery" in data
    english = (site / "en" / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "KOREAN_RULES" not in english and "window.Stemmer = EnglishStemmer;" in english


#: The query set, shared with the benchmark (make bench).
QUERIES = json.loads(
    (PROJECT / "pytorchkr_archive/korean_search/queries.json").read_text(encoding="utf-8")
)
KOREAN_QUERIES = QUERIES["present"]
ABSENT_QUERIES = QUERIES["absent"]
ENGLISH_QUERIES = QUERIES["english"]


def test_the_query_set_is_large_enough() -> None:
    assert len(KOREAN_QUERIES) >= 30
    assert len([q for q in ABSENT_QUERIES if len(q) > 1]) >= 5


#: What the search page does with ``search.html?q=...``: the query in the
#: boxes and the address, then Sphinx's own search into a cleared result list.
RUN_QUERY = """(query) => {
    document.getElementById("search-results").replaceChildren();
    history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    document.querySelectorAll('input[name="q"]').forEach((box) => (box.value = query));
    Search.performSearch(query);
}"""
#: The summary Sphinx writes when the result list is complete, in either language.
FINISHED = (
    "() => { const s = document.querySelector('#search-results .search-summary');"
    " return s && /마쳤습니다|일치하는 문서가 없습니다|Search finished|did not match/"
    ".test(s.textContent); }"
)


def result_pages(page) -> list[str]:
    """Once the search has finished, the pages its results link to."""
    page.wait_for_function(FINISHED, timeout=10_000)
    links = page.locator("#search-results ul.search li a").evaluate_all(
        "(links) => links.map((a) => a.getAttribute('href'))"
    )
    return [href.split("?")[0].split("#")[0] for href in links]


@pytest.fixture(scope="module")
def search(reader_context, site_url: str):
    """Search the site as its search page does: the pages the results link to.

    One search page per language is opened for the whole query set and each
    query runs through the page's own search (``Search.performSearch``, what
    ``search.html?q=`` runs on load), so a query costs the search, not a page
    load.  How a reader's typing gets there (the sidebar's box, Enter, the
    search page) is tested by ``test_search_typed_by_a_reader_finds_the_recap``
    and ``test_typed_korean_queries_find_the_recap``.
    """
    pages: dict[str, object] = {}

    def run(lang: str, query: str) -> list[str]:
        if lang not in pages:
            page = pages[lang] = reader_context.new_page()
            page.goto(f"{site_url}/{lang}/search.html")
            page.wait_for_function("() => Search.hasIndex()")
        page = pages[lang]
        page.evaluate(RUN_QUERY, query)
        return result_pages(page)

    yield run
    for page in pages.values():
        page.close()


def type_query(page, base: str, lang: str, query: str) -> list[str]:
    """Type a query into the sidebar's search box; the pages the results link to."""
    page.goto(f"{base}/{lang}/index.html")
    box = page.locator("input.sidebar-search").first
    box.click()
    box.press_sequentially(query)  # key by key, as a reader types
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\.html\?q="))
    return result_pages(page)


@pytest.mark.parametrize("query", KOREAN_QUERIES)
def test_korean_search_finds_the_recap(search, query: str) -> None:
    assert RECAP in search("ko", query), query


@pytest.mark.parametrize("query", ABSENT_QUERIES)
def test_korean_search_finds_nothing_for_absent_words(search, query: str) -> None:
    assert search("ko", query) == [], query


@pytest.mark.parametrize("query", ENGLISH_QUERIES)
def test_english_search_still_works(search, query: str) -> None:
    assert RECAP in search("en", query), query


#: Typed key by key, as a reader would: a particle, an ending, two words, the
#: first syllables of a compound (최적: 최적화), a polite ending, a request.
TYPED_KOREAN = ["컨퍼런스에서", "발표했습니다", "파이토치 커뮤니티", "최적", "참석하시면",
                "소개해 주세요"]  # fmt: skip


@pytest.mark.parametrize("query", TYPED_KOREAN)
def test_typed_korean_queries_find_the_recap(page, site_url: str, query: str) -> None:
    assert RECAP in type_query(page, site_url, "ko", query), query
