"""Korean search: the analysis, its parity in the browser, and real searches."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from pytorchkr_archive.catalogs.files import catalog_files, load
from pytorchkr_archive.korean_search import analyzer
from pytorchkr_archive.korean_search.language import SearchKorean, javascript
from pytorchkr_archive.measure.node import NODE
from tests.conftest import EVENT, PROJECT

RECAP = f"{EVENT}.html"


@pytest.mark.parametrize(
    ("word", "root"),
    [
        # a bare noun with any particle or ending
        ("내용을", "내용"), ("관심과", "관심"), ("정보도", "정보"), ("주제의", "주제"),
        ("컨퍼런스에서는", "컨퍼런스"), ("런타임과의", "런타임"), ("분들께는", "분들"),
        # the same root whatever the particle, and for the query without one
        ("분야에서", "분야"), ("분야의", "분야"), ("분야", "분야"),
        # 하다 / 되다 / 이다 predicates and -적
        ("구성하는", "구성"), ("소개되었습니다", "소개"), ("세션이었습니다", "세션"),
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
    ],
)  # fmt: skip
def test_analysis_of_hard_cases(word: str, root: str) -> None:
    assert analyzer.stem(word) == root


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
    return sorted(tokens)


def test_python_and_shipped_javascript_agree_on_every_korean_word(tmp_path: Path) -> None:
    tokens = hangul_tokens()
    assert len(tokens) > 400
    text = " ".join(tokens)
    script = tmp_path / "parity.js"
    script.write_text(
        javascript()
        + (PROJECT / "pytorchkr_archive/korean_search/splitter.js").read_text(encoding="utf-8")
        + "\nconst input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        + "\nconst stemmer = new Stemmer();"
        + "\nprocess.stdout.write(JSON.stringify({"
        + "split: splitQuery(input.text), stems: input.tokens.map((t) => stemmer.stemWord(t))}));",
        encoding="utf-8",
    )
    process = subprocess.run(
        [str(NODE), str(script)], input=json.dumps({"text": text, "tokens": tokens}),
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    result = json.loads(process.stdout)
    assert result["split"] == analyzer.split(text)
    python = [analyzer.stem(t) for t in tokens]
    pairs = zip(tokens, python, result["stems"], strict=True)
    different = [(t, p, j) for t, p, j in pairs if p != j]
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
        page.wait_for_function(FINISHED, timeout=10_000)
        links = page.locator("#search-results ul.search li a").evaluate_all(
            "(links) => links.map((a) => a.getAttribute('href'))"
        )
        return [href.split("?")[0].split("#")[0] for href in links]

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
    page.wait_for_function(FINISHED, timeout=10_000)
    links = page.locator("#search-results ul.search li a").evaluate_all(
        "(links) => links.map((a) => a.getAttribute('href'))"
    )
    return [href.split("?")[0].split("#")[0] for href in links]


@pytest.mark.parametrize("query", KOREAN_QUERIES)
def test_korean_search_finds_the_recap(search, query: str) -> None:
    assert RECAP in search("ko", query), query


@pytest.mark.parametrize("query", ABSENT_QUERIES)
def test_korean_search_finds_nothing_for_absent_words(search, query: str) -> None:
    assert search("ko", query) == [], query


@pytest.mark.parametrize("query", ENGLISH_QUERIES)
def test_english_search_still_works(search, query: str) -> None:
    assert RECAP in search("en", query), query


#: Typed key by key, as a reader would: a particle, an ending, two words.
TYPED_KOREAN = ["컨퍼런스에서", "발표했습니다", "파이토치 커뮤니티"]


@pytest.mark.parametrize("query", TYPED_KOREAN)
def test_typed_korean_queries_find_the_recap(page, site_url: str, query: str) -> None:
    assert RECAP in type_query(page, site_url, "ko", query), query
