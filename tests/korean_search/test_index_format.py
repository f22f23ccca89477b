"""The compact ``searchindex.js`` and the search summaries, without a browser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pytorchkr_archive.korean_search.index_format import (
    CompactIndex,
    compact,
    compact_index,
    compact_talks,
    expand,
    numbers,
    ranges,
    read_index,
)
from pytorchkr_archive.korean_search.summaries import cut, page_text

#: A frozen index as Sphinx 9.0 makes one (IndexBuilder.freeze), small.
SPHINX_INDEX = {
    "alltitles": {
        "Roadmap": [[0, "roadmap"], [1, "roadmap"], [2, "roadmap"], [4, "plan"]],
        "행사": [[3, None]],
    },
    "docnames": ["a", "b", "c", "events/d", "e"],
    "envversion": {"sphinx": 65},
    "filenames": ["a.md", "b.md", "c.md", "events/d.md", "e.md"],
    "indexentries": {},
    "objects": {},
    "objnames": {},
    "objtypes": {},
    "terms": {"pytorch": [0, 1, 2, 3, 4], "발표": [1, 3, 4], "one": 2, "none": []},
    "titles": ["A", "B", "C", "행사", "E"],
    "titleterms": {"roadmap": [0, 1, 2]},
}


@pytest.mark.parametrize(
    ("pages", "text"),
    [([], ""), ([7], "7"), ([0, 1, 2, 5], "0-2,5"), ([1, 3, 4, 5, 9, 10], "1,3-5,9-10")],
)
def test_page_lists_are_written_as_ranges(pages: list[int], text: str) -> None:
    assert ranges(pages) == text
    assert numbers(text) == pages


#: The index without the word on no page (an incremental build's leftover).
FRESH_INDEX = {
    **SPHINX_INDEX,
    "terms": {k: v for k, v in SPHINX_INDEX["terms"].items() if k != "none"},
}


def test_the_compact_index_expands_to_sphinx_s() -> None:
    data = compact(SPHINX_INDEX)
    assert data["terms"] == {"pytorch": "0-4", "발표": "1,3-4", "one": 2}
    assert data["alltitles"]["Roadmap"] == {"roadmap": "0-2", "plan": "4"}
    assert data["alltitles"]["행사"] == {"": "3"}
    assert data["filenames"] == ".md"
    assert expand(data) == FRESH_INDEX


def test_the_file_is_one_call_in_utf_8_and_reads_back() -> None:
    text = compact_index.dumps(SPHINX_INDEX)
    assert text.startswith("Search.setIndex({") and text.endswith("})")
    assert "행사" in text and "\\u" not in text
    assert read_index(text) == FRESH_INDEX


def test_file_names_that_are_not_the_page_s_name_are_kept() -> None:
    index = {**SPHINX_INDEX, "filenames": ["a.md", "b.rst", "c.md", "events/d.md", "e.md"]}
    assert compact(index)["filenames"] == index["filenames"]
    assert expand(compact(index)) == {**index, "terms": FRESH_INDEX["terms"]}


def test_an_index_written_by_sphinx_itself_still_reads() -> None:
    """The first build after this change reads the index Sphinx wrote before."""
    text = "Search.setIndex(" + json.dumps(SPHINX_INDEX) + ")"
    assert read_index(text) == SPHINX_INDEX


def test_alike_talks_are_written_once_with_their_pages_as_ranges() -> None:
    talks = [
        ["b", "roadmap", "Roadmap", "Alban", "roadmap alban"],
        ["a", "roadmap", "Roadmap", "Alban", "roadmap alban"],
        ["c", "roadmap", "Roadmap", "Alban", "roadmap alban"],
        ["events/d", "intro", "소개", "이제응", "소개 이제응"],
        ["gone", "intro", "소개", "이제응", "소개 이제응"],  # a page not in the index
    ]
    assert compact_talks(talks, SPHINX_INDEX["docnames"]) == [
        ["roadmap", "Roadmap", "Alban", "roadmap alban", "0-2"],
        ["intro", "소개", "이제응", "소개 이제응", "3"],
    ]


def test_the_talks_and_people_are_written_and_not_read_back() -> None:
    """Sphinx's incremental build reads its own data back, never the archive's."""
    extra = {"talks": [["a", "x", "X", "Y", "x y"]], "people": [["speakers/y", "Y", "y"]]}
    text = CompactIndex(lambda: {key: list(value) for key, value in extra.items()}).dumps(
        SPHINX_INDEX
    )
    written = json.loads(text.removeprefix("Search.setIndex(").removesuffix(")"))
    assert written["talks"] == [["x", "X", "Y", "x y", "0"]]
    assert written["people"] == extra["people"]
    assert read_index(text) == FRESH_INDEX


def test_the_built_index_is_compact(site: Path) -> None:
    for lang in ("en", "ko"):
        text = (site / lang / "searchindex.js").read_text(encoding="utf-8")
        assert '"filenames":".md"' in text
        index = read_index(text)
        assert "events/2025-03-30-pytorch-core-conference" in index["docnames"]


def test_a_page_s_text_keeps_cells_and_blocks_apart() -> None:
    body = (
        '<section><h1>Speakers<a class="headerlink" href="#s">¶</a></h1>'
        "<p>Every talk,<br>by speaker.</p><script>var x = 1;</script>"
        "<table><tr><th>Speaker</th>\n<th>Talk</th>\n</tr>"
        "<tr><td><a href='x'>Alban</a><br/>March 30</td><td>Roadmap</td></tr></table>"
        "<ul><li>one</li><li>two</li></ul></section>"
    )
    assert page_text(body) == (
        "Speakers Every talk, by speaker. Speaker · Talk Alban March 30 · Roadmap one two"
    )


def test_a_long_text_is_cut_at_a_space() -> None:
    assert cut("short") == "short"
    text = "word " * 100
    summary = cut(text)
    assert summary.endswith("word...") and len(summary) <= 243
