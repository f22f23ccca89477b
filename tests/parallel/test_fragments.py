"""The writer's markers come out of the body, each block with its HTML and its place."""

from __future__ import annotations

import pytest

from pytorchkr_archive.parallel.fragments import Place, split
from pytorchkr_archive.parallel.markers import CLOSE, END, START


def start(number: int) -> str:
    return f"{START}{number}{CLOSE}"


def end(number: int) -> str:
    return f"{END}{number}{CLOSE}"


def test_the_body_comes_back_as_it_was_written() -> None:
    written = (
        f'<section id="a">\n{start(0)}<h1>Title</h1>{end(0)}\n'
        f"{start(1)}<p>Text</p>{end(1)}</section>"
    )
    clean, fragments = split(written)
    assert clean == '<section id="a">\n<h1>Title</h1>\n<p>Text</p></section>'
    assert [f.html for f in fragments] == ["<h1>Title</h1>", "<p>Text</p>"]


def test_places_are_element_paths_from_the_article() -> None:
    written = (
        f'<section>{start(0)}<h1>T<a class="headerlink" href="#t">¶</a></h1>{end(0)}'
        '<img alt="x" src="a.png" /><img alt="y" src="b.png">'
        f"<ul><li>{start(1)}<p>one</p>{end(1)}<ul><li>{start(2)}<p>two<br>b</p>{end(2)}</li></ul>"
        f"</li></ul><table><tbody><tr><td>{start(3)}<p>cell</p>{end(3)}</td></tr></tbody></table>"
        "</section>"
    )
    _clean, fragments = split(written)
    assert [f.place for f in fragments] == [
        Place((0, 0), "h1", False),
        Place((0, 3, 0, 0), "p", False),
        Place((0, 3, 0, 1, 0, 0), "p", False),
        Place((0, 4, 0, 0, 0, 0), "p", False),
    ]


def test_the_event_card_is_one_block_per_field() -> None:
    card = (
        '<section class="event-card"><dl><dt>Date</dt><dd><time>Sunday</time></dd>'
        '<dt>Place</dt><dd>Seoul, <a href="u">Korea</a></dd></dl></section>'
    )
    _clean, fragments = split(
        f"<section>{start(0)}{card}{end(0)}</section>", {0: ["date", "place"]}
    )
    assert [(f.field, f.html, f.place) for f in fragments] == [
        ("date", "<time>Sunday</time>", Place((0, 0, 0, 1), "dd", True)),
        ("place", 'Seoul, <a href="u">Korea</a>', Place((0, 0, 0, 3), "dd", True)),
    ]


def test_a_card_and_its_field_names_that_disagree_are_a_clear_error() -> None:
    card = '<section class="event-card"><dl><dt>Date</dt><dd>Sunday</dd></dl></section>'
    with pytest.raises(ValueError, match=r"card shows 1 fields and card_fields\(\) names 2"):
        split(f"{start(0)}{card}{end(0)}", {0: ["date", "place"]})


def test_blocks_without_an_end_or_without_text_are_left_alone() -> None:
    written = f"{start(0)}<p>open</p>{start(1)}<p> </p>{end(1)}{start(2)}<p>kept</p>{end(2)}"
    clean, fragments = split(written)
    assert clean == "<p>open</p><p> </p><p>kept</p>"
    assert [(f.number, f.html) for f in fragments] == [(2, "<p>kept</p>")]


def test_a_body_without_markers_is_returned_untouched() -> None:
    assert split("<p>plain</p>") == ("<p>plain</p>", [])
