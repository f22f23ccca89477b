"""What the translator's loop leaves alone: calendars made of kept bytes, files
written only when they change, each catalog's facts and each event page read
once until they change."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import shutil
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import icalendar
import pytest

from pytorchkr_archive.events.facts.messages import FieldMessage
from pytorchkr_archive.events.facts.translations import load_translations
from pytorchkr_archive.events.for_machines.calendars import (
    calendar,
    calendar_bytes,
    serialized,
    timezone,
)
from pytorchkr_archive.events.for_machines.feeds import write_if_changed
from pytorchkr_archive.pages.stale_outputs import page_of
from tests.conftest import TESTS

#: The module (the package's ``translations`` is a function of the same name).
translations = importlib.import_module("pytorchkr_archive.events.facts.translations")
collection = importlib.import_module("pytorchkr_archive.events.facts.collection")


def event(uid: str, starts: dt.datetime | dt.date) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", uid)
    component.add("dtstamp", dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    component.add("dtstart", starts)
    component.add("summary", "행사 " * 30, parameters={"LANGUAGE": "ko"})
    return component


def test_calendar_bytes_are_icalendars_own() -> None:
    """Assembled from each event's bytes, a calendar is what icalendar writes of it:
    time zones first, in the order of their names, then the events in order."""
    events = [
        event("a", dt.datetime(2025, 3, 30, 13, tzinfo=ZoneInfo("Asia/Seoul"))),
        event("b", dt.datetime(2025, 4, 2, 9, tzinfo=ZoneInfo("America/Los_Angeles"))),
        event("c", dt.date(2025, 5, 1)),
        event("d", dt.datetime(2025, 6, 1, 9, tzinfo=dt.UTC)),
        event("e", dt.datetime(2025, 7, 1, 9, tzinfo=ZoneInfo("Asia/Seoul"))),
    ]
    expected = calendar("이름", "ko", events).to_ical()
    assert calendar_bytes("이름", "ko", [serialized(e) for e in events]) == expected
    parsed = icalendar.Calendar.from_ical(expected)
    assert [tz["TZID"] for tz in parsed.walk("VTIMEZONE")] == ["America/Los_Angeles", "Asia/Seoul"]
    assert calendar_bytes("이름", "ko", []) == calendar("이름", "ko", []).to_ical()


def test_each_time_zone_is_made_once() -> None:
    assert timezone("Asia/Seoul") is timezone("Asia/Seoul")
    assert timezone("Not/A_Zone") is None


def test_a_file_is_written_only_when_its_bytes_change(tmp_path: Path) -> None:
    path = tmp_path / "events" / "a.ics"
    assert write_if_changed(path, b"one")
    os.utime(path, ns=(1, 1))
    assert not write_if_changed(path, b"one")
    assert path.stat().st_mtime_ns == 1
    assert write_if_changed(path, b"two") and path.read_bytes() == b"two"


def test_site_calendars_are_not_pages_files() -> None:
    for name in ("events.ics", "events-2025.ics"):
        assert page_of(Path(name)) is None, name
    assert page_of(Path("events/events-2025.ics")) == "events/events-2025"


CATALOG = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "event city"
msgid "Seoul"
msgstr "{city}"

msgctxt "event summary"
msgid "A day."
msgstr "하루."
"""


def pages(*names: str) -> list[SimpleNamespace]:
    messages = [
        FieldMessage("city", "event city", "Seoul", 3),
        FieldMessage("summary", "event summary", "A day.", 4),
    ]
    return [SimpleNamespace(docname=f"events/{name}", messages=messages) for name in names]


def test_facts_are_read_again_only_from_a_changed_catalog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "locale" / "ko" / "LC_MESSAGES" / "events"
    folder.mkdir(parents=True)
    for name in ("a", "b"):
        (folder / f"{name}.po").write_text(CATALOG.format(city="서울"), encoding="utf-8")
    read: list[str] = []
    facts = translations.catalog_facts
    monkeypatch.setattr(
        translations, "catalog_facts", lambda path: read.append(path.name) or facts(path)
    )
    cache = tmp_path / "doctrees" / "facts.json"
    locale = [tmp_path / "locale"]
    first = load_translations(pages("a", "b"), locale, "ko", cache=cache)
    assert sorted(read) == ["a.po", "b.po"] and cache.is_file()
    assert first.by_page["events/a"][("event city", "Seoul")] == "서울"

    read.clear()
    (folder / "b.po").write_text(CATALOG.format(city="서울특별시"), encoding="utf-8")
    again = load_translations(pages("a", "b"), locale, "ko", cache=cache)
    assert read == ["b.po"]
    assert again.by_page == load_translations(pages("a", "b"), locale, "ko").by_page
    assert again.by_page["events/b"][("event city", "Seoul")] == "서울특별시"

    # The gate's refusals apply to kept facts too: they can change without the catalog.
    read.clear()
    refused = {(str((folder / "a.po").resolve()), 6)}
    kept = load_translations(pages("a", "b"), locale, "ko", refused, cache=cache)
    assert read == []
    assert ("event city", "Seoul") not in kept.by_page["events/a"]
    assert kept.by_page["events/a"][("event summary", "A day.")] == "하루."


def test_event_pages_are_read_again_only_when_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build keeps each event page's reading; only a changed page is read again,
    and what it collects is what a fresh reading collects."""
    project = tmp_path / "project"
    shutil.copytree(TESTS / "roots" / "test-events", project)
    read: list[str] = []
    reading = collection.read_event_file
    monkeypatch.setattr(
        collection,
        "read_event_file",
        lambda path, *args: read.append(path.name) or reading(path, *args),
    )
    today = dt.date(2025, 1, 1)
    kept: dict = {}
    first = collection.collect(project, today=today, kept=kept)
    assert len(read) == 4 and len(kept) == 4
    read.clear()
    page = project / "events" / "2024-11-15-gamma.md"
    page.write_text(page.read_text().replace("The gamma conference.", "Gamma."))
    again = collection.collect(project, today=today, kept=kept)
    assert read == ["2024-11-15-gamma.md"]
    fresh = collection.collect(project, today=today)
    assert again == fresh and again != first
    read.clear()
    # What a reading depends on besides the file: the build's date.
    collection.collect(project, today=dt.date(2025, 1, 2), kept=kept)
    assert len(read) == 4
