"""make bench's count of a search's bytes: what counts as which part."""

from __future__ import annotations

from pathlib import Path

import pytest

from pytorchkr_archive.measure.bench import part_of
from pytorchkr_archive.measure.bench_builds import export
from tests.conftest import PROJECT

SEARCH = "http://127.0.0.1:8000/ko/search.html"


@pytest.mark.parametrize(
    ("url", "part"),
    [
        ("http://127.0.0.1:8000/ko/searchindex.js", "index"),
        ("http://127.0.0.1:8000/ko/_search/events/2025-03-30-x.txt", "results"),
        # what Sphinx's search page fetched for a summary: the page found
        ("http://127.0.0.1:8000/ko/events/2025-03-30-x.html", "results"),
        ("http://127.0.0.1:8000/ko/search.html?q=PyTorch", "page"),
        ("http://127.0.0.1:8000/ko/_static/searchtools.js", "page"),
        ("http://127.0.0.1:8000/ko/_static/styles/furo.css?v=1", "page"),
    ],
)
def test_each_download_is_counted_in_its_part(url: str, part: str) -> None:
    assert part_of(url, SEARCH) == part


def test_the_baseline_is_the_project_at_a_commit(tmp_path: Path) -> None:
    tree = export(PROJECT, "HEAD", tmp_path / "baseline")
    assert (tree / "conf.py").is_file()
    assert (tree / "pytorchkr_archive" / "korean_search").is_dir()
