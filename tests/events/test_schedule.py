"""Upcoming or past: decided by the build's clock, in the event's own time zone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pytorchkr_archive.events.facts.collection import collect
from pytorchkr_archive.events.facts.schedule import ClockError, build_clock, upcoming_and_past
from tests.conftest import TESTS

ROOT = TESTS / "roots" / "test-events"


def test_the_clock_is_fixed_by_archive_now() -> None:
    fixed = build_clock({"ARCHIVE_NOW": "2024-11-15T17:30:00+09:00"})
    assert fixed == dt.datetime(2024, 11, 15, 8, 30, tzinfo=dt.UTC)
    assert build_clock({}).tzinfo is not None


@pytest.mark.parametrize("value", ["2024-11-15 17:30", "tomorrow", "2024-13-01T00:00:00+09:00"])
def test_a_clock_without_an_offset_or_not_a_time_is_a_clear_error(value: str) -> None:
    with pytest.raises(ClockError, match=r"ARCHIVE_NOW=.* is not a time with its offset"):
        build_clock({"ARCHIVE_NOW": value})


def test_an_event_is_upcoming_until_it_ends_in_its_own_time_zone() -> None:
    pages, problems = collect(ROOT)
    assert problems == []
    # Gamma: 2024-11-15, 10:00 to 17:30 in Asia/Seoul (08:30 UTC).
    before = dt.datetime(2024, 11, 15, 8, 29, tzinfo=dt.UTC)
    after = dt.datetime(2024, 11, 15, 8, 31, tzinfo=dt.UTC)
    ahead, past = upcoming_and_past(pages, before)
    assert [p.slug for p in ahead] == ["gamma", "delta"]  # soonest first
    assert [p.slug for p in past] == ["beta", "alpha"]  # newest first
    ahead, past = upcoming_and_past(pages, after)
    assert [p.slug for p in ahead] == ["delta"]
    assert [p.slug for p in past] == ["gamma", "beta", "alpha"]
    # 17:31 in Seoul is 09:31 in Paris: the Seoul event is over all the same.
    paris = dt.datetime(2024, 11, 15, 9, 31, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert [p.slug for p in upcoming_and_past(pages, paris)[0]] == ["delta"]


def test_new_metadata_fields_are_validated_and_located(tmp_path: Path) -> None:
    from pytorchkr_archive.events.facts.schema import load_event

    page = tmp_path / "2026-01-10-x.md"
    page.write_text(
        '---\nevent:\n  date: 2026-01-10\n  start: "10:00"\n  end: "12:00"\n'
        "  timezone: Asia/Seoul\n  city: Seoul\n  country: Republic of Korea\n"
        '  attendance: hybrid\n  event_status: maybe\n  summary: "x"\n'
        "  venue:\n    name: V\n    url: https://v.example/\n    adress: 1 Road\n---\n",
        encoding="utf-8",
    )
    event, problems = load_event(page, "events/2026-01-10-x.md")
    assert event is None
    found = {(p.field, p.line): p.message for p in problems}
    assert (
        "'offline', 'online' or 'mixed'; write one of the values given"
        in found[("event.attendance", 9)]
    )
    assert "'scheduled', 'held', 'cancelled' or 'postponed'" in found[("event.event_status", 10)]
    assert found[("event.venue.adress", 15)].startswith("unknown field")


@pytest.mark.parametrize("root", ["test-events", "test-record"])
def test_the_past_view_is_the_view_as_of_no_clock(root: str) -> None:
    """The listings of past years show each event as of no clock; a build
    makes it from its one view of the event, the clock's two fields cleared."""
    from pytorchkr_archive.events.facts.built import EventsBuilt
    from pytorchkr_archive.events.facts.event_view import view
    from pytorchkr_archive.events.facts.translations import Translations

    pages, problems = collect(TESTS / "roots" / root)
    assert problems == []
    assert any(page.event.registration for page in pages)
    translations = Translations()
    for now in (dt.datetime(2024, 1, 1, tzinfo=dt.UTC), dt.datetime(2030, 6, 1, tzinfo=dt.UTC)):
        built = EventsBuilt("ko", {}, "https://x.example/ko/", pages, translations, now)
        for page in pages:
            assert built.past_view(page) == view(page, "ko", translations, {})
            assert built.view(page) is built.view(page)  # made once per build
