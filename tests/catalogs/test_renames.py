"""Which orphan is a renamed page's old catalog, and how a catalog counts against its English."""

from __future__ import annotations

from babel.messages.catalog import Catalog, Message

from pytorchkr_archive.catalogs.progress import count, pending
from pytorchkr_archive.catalogs.renames import old_catalogs


def keys(*names: str, context: str | None = None) -> set[tuple[str, str | None]]:
    return {(name, context) for name in names}


PAGE = keys(*(f"paragraph {n}" for n in range(20))) | keys("Seoul", context="event city")


def test_an_orphan_with_most_of_a_page_is_its_old_catalog() -> None:
    edited = (PAGE - keys("paragraph 0")) | keys("paragraph 0, edited")
    found = old_catalogs({"events/old": PAGE}, {"events/new": edited, "index": keys("Events")})
    assert found == {"events/new": "events/old"}


def test_shared_facts_do_not_make_a_rename() -> None:
    other = keys("Seoul", context="event city") | keys("Another recap", "Its title")
    assert old_catalogs({"events/old": PAGE}, {"events/other": other}) == {}


def test_a_page_split_in_two_matches_neither_half() -> None:
    first = keys(*(f"paragraph {n}" for n in range(10)))
    second = keys(*(f"paragraph {n}" for n in range(10, 20)))
    assert old_catalogs({"events/old": PAGE}, {"events/a": first, "events/b": second}) == {}


def test_each_orphan_and_each_page_are_matched_once_largest_first() -> None:
    smaller = set(list(sorted(PAGE))[:15])
    found = old_catalogs({"events/a": PAGE, "events/b": smaller}, {"events/new": PAGE})
    assert found == {"events/new": "events/a"}
    assert old_catalogs({"empty": set()}, {"events/new": PAGE}) == {}


def test_counting_against_the_english_counts_what_the_page_shows() -> None:
    catalog = Catalog()
    catalog.add("Kept", "유지", lineno=10)
    catalog.add("Gone from the English", "사라짐", lineno=14)
    catalog.add("Fuzzy", "퍼지", flags=["fuzzy"], lineno=18)
    catalog.obsolete["Obsolete but asked"] = Message("Obsolete but asked", "옛 번역", lineno=22)
    asked = {("Kept", None): "Kept", ("Fuzzy", None): "Fuzzy",
             ("Obsolete but asked", None): "Obsolete but asked",
             ("Never translated", None): "Never translated"}  # fmt: skip
    counts = count(catalog, asked)
    assert counts.messages == {"translated": 1, "fuzzy": 1, "untranslated": 2, "obsolete": 1}
    assert counts.percent == 25
    left = [(state, m.id, m.lineno) for state, m in pending(catalog, asked)]
    assert left == [
        ("fuzzy", "Fuzzy", 18),
        ("untranslated", "Obsolete but asked", 22),
        ("untranslated", "Never translated", None),
    ]
    # Without the English, the catalog's own entries are counted, as before.
    assert count(catalog).messages == {
        "translated": 2, "fuzzy": 1, "untranslated": 0, "obsolete": 1,
    }  # fmt: skip
