"""make bench's Korean corpus measurement: reading a corpus, scoring, reporting.

Kiwi, the oracle, is a benchmark-only dependency (requirements-bench.lock):
these tests give the scoring an oracle of their own, and check what a
contributor without Kiwi, or with a broken corpus, is told.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import polib
import pytest
from sphinx.search.en import SearchEnglish

from pytorchkr_archive.korean_search.language import SearchKorean
from pytorchkr_archive.korean_search.lookup import korean_related
from pytorchkr_archive.measure import bench
from pytorchkr_archive.measure.korean_corpus import (
    CorpusError,
    Oracle,
    cut_nouns,
    evaluate,
    kiwi_oracle,
    read_corpus,
    tails,
)
from pytorchkr_archive.measure.search_parity import disagreements

#: Three small documents, in words of this test's own.
TEXTS = {
    "first": ["내용을 소개했습니다.", "모델을 최적화했다면 유의하세요."],
    "second": ["최적화된 모델과 표현식", "순서대로 설정하십시오."],
    "third": ["설정 파일의 순서"],
}


def write_corpus(folder: Path, fuzzy: str = "") -> Path:
    folder.mkdir()
    for name, strings in TEXTS.items():
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ko"}
        for number, string in enumerate(strings):
            po.append(polib.POEntry(msgid=f"{name} {number}", msgstr=string))
        if fuzzy:
            po.append(polib.POEntry(msgid="fuzzy", msgstr=fuzzy, flags=["fuzzy"]))
        po.save(str(folder / f"{name}.po"))
    return folder


def test_each_catalog_is_a_document_of_its_translations(tmp_path: Path) -> None:
    documents = read_corpus(write_corpus(tmp_path / "corpus", fuzzy="퍼지문장"))
    assert [d.name for d in documents] == ["first", "second", "third"]
    assert documents[0].text == "내용을 소개했습니다.\n모델을 최적화했다면 유의하세요."
    assert all("퍼지문장" not in d.text for d in documents)  # as gettext drops it


@pytest.mark.parametrize(
    ("catalog", "says"),
    [
        (None, "no such folder"),
        ("", "no .po files in this folder"),
        ('msgid "x"\nmsgstr ""\n', "hold no Korean text"),
        ('msgid "x"\nmsgstr "y\n', "a.po:2:"),  # an unterminated string
    ],
)  # fmt: skip
def test_a_corpus_that_cannot_be_measured_says_why(
    tmp_path: Path, catalog: str | None, says: str
) -> None:
    folder = tmp_path / "corpus"
    if catalog is not None:
        folder.mkdir()
    if catalog:
        (folder / "a.po").write_text(catalog, encoding="utf-8")
    with pytest.raises(CorpusError, match=re.escape(says)):
        read_corpus(folder)


def oracle() -> Oracle:
    """What a morphological analyzer says of TEXTS."""
    holds = {"내용": {0}, "최적": {0, 1}, "순서": {1, 2}, "설정": {1, 2}, "유의": {0}}
    return Oracle(holds=holds, attached={noun: 1 for noun in holds})


def test_recall_and_extra_hits_are_counted_per_noun_and_document(tmp_path: Path) -> None:
    documents = read_corpus(write_corpus(tmp_path / "corpus"))
    default = evaluate("default", documents, oracle(), SearchEnglish({}))
    archive = evaluate("archive", documents, oracle(), SearchKorean({}), korean_related)
    assert default.relevant == archive.relevant == 8
    # Sphinx's default finds only the bare words: 설정 (third), 순서 (third).
    assert default.found == 2 and default.recall == 0.25
    assert set(default.missed) >= {("내용", 0), ("최적", 0), ("최적", 1), ("유의", 0)}
    assert archive.found == 8 and archive.extra == 0 and archive.missed == []


def test_what_is_missed_is_listed_by_the_tail_after_the_noun(tmp_path: Path) -> None:
    documents = read_corpus(write_corpus(tmp_path / "corpus"))
    default = evaluate("default", documents, oracle(), SearchEnglish({}))
    missed = tails(default.missed, documents, SearchEnglish({}))
    found = {tail: (count, example) for tail, count, example in missed}
    assert found["을"] == (1, "내용을")
    assert found["대로"] == (1, "순서대로")


def test_without_kiwi_the_measurement_says_how_to_get_it(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "kiwipiepy", None)  # import fails
    with pytest.raises(CorpusError, match=re.escape("requirements-bench.lock")):
        kiwi_oracle(read_corpus(write_corpus(tmp_path / "corpus")))


def test_make_bench_stops_on_a_bad_corpus_before_measuring(tmp_path: Path, capsys) -> None:
    out = tmp_path / "benchmarks.md"
    assert bench.main(["--ko-corpus", str(tmp_path / "missing"), "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("error: ") and "missing: no such folder" in error
    assert "Traceback" not in error and not out.exists()


def test_an_earlier_corpus_section_is_kept_when_not_measured_again() -> None:
    earlier = (
        "# Benchmarks\n\n## Korean search\n\nfigures\n\n## Korean search on real prose\n\n"
        "| recall |\n| 98 % |\n\n" + bench.KEPT + "\n## The test suite\n"
    )
    assert bench.kept_section(earlier, "## Korean search on real prose") == (
        "## Korean search on real prose\n\n| recall |\n| 98 % |"
    )
    assert bench.kept_section("# Benchmarks\n", "## Korean search on real prose") == ""


def test_parity_is_checked_word_by_word() -> None:
    same_split, differ = disagreements(["유의하세요", "순서대로", "최적화된", "경로는"])
    assert same_split and differ == []


def test_the_nouns_cut_are_those_cut_to_no_noun() -> None:
    """세미나 to 세미 and 페이지 to 페 are cuts (no such noun); 전문가 to 전문
    lands on a noun; with rules.json's nouns kept whole, none is cut."""
    nouns = Counter({"세미나": 3, "페이지": 2, "전문가": 1, "전문": 1, "내용": 4})
    assert cut_nouns(nouns, keep=frozenset()) == {"세미나": "세미", "페이지": "페"}
    assert cut_nouns(nouns) == {}


def test_make_bench_says_what_each_session_adds_to_the_index(tmp_path) -> None:
    """korean_search/talks.py's part of searchindex.js, per session: alike talks
    written once count once per page they are on."""
    data = {
        "docnames": ["a", "b", "c"],
        "talks": [["x", "X", "Y", "x y", "0-1"], ["z", "Z", "W", "z w", "2"]],
        "people": [["speakers/y", "Y", "y"]],
    }
    path = tmp_path / "searchindex.js"
    path.write_text("Search.setIndex(" + json.dumps(data, ensure_ascii=False) + ")")
    extra = {"talks": data["talks"], "people": data["people"]}
    size = len(json.dumps(extra, separators=(",", ":")).encode())
    line = bench.talks_line(path)
    assert f"{size:,} of its {path.stat().st_size:,} bytes, for 3 sessions and 1 people" in line
    assert f"{size / 3:.0f} bytes a session" in line


def test_make_bench_lists_the_latin_words_of_korean_titles_no_hangul_spelling_finds(
    tmp_path,
) -> None:
    """Multimodal and Trends have one (멀티모달, 트렌드: rules.json's loanwords,
    compared by stem); Gim does not; words of one or two letters are left out."""
    data = {"talks": [["t", "김 굽듯이 알아보는 Multimodal Trends", "S", "w", "0"]]}
    path = tmp_path / "searchindex.js"
    path.write_text("Search.setIndex(" + json.dumps(data, ensure_ascii=False) + ")")
    assert bench.latin_words_line(path).endswith(
        "2 found by a Hangul spelling too (`rules.json`'s `loanwords`); without one: none."
    )
    data["talks"][0][1] += " by Gim AI"
    path.write_text("Search.setIndex(" + json.dumps(data, ensure_ascii=False) + ")")
    line = bench.latin_words_line(path)
    assert "titles: 3, 2 found by a Hangul spelling" in line
    assert line.endswith("without one: gim.")
