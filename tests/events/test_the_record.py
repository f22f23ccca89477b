"""The archive holds the group's record: every event, date, session, speaker and
public video of it, in both languages, and nothing the record does not have.

The record is read from the seeds' facts file (tests/record.py); the site is
built as ``make html`` builds it.  In Korean, the names the record writes
(event titles, session titles, speakers) are the record's own text, exactly;
in English, each is the English of the message whose Korean is that text in
the page's catalog (its translation, made for this archive).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path

import pytest
from icalendar import Calendar

from pytorchkr_archive.catalogs.files import load
from pytorchkr_archive.record.people import person_slug
from tests.conftest import PROJECT as ROOT
from tests.helpers import soup
from tests.record import FACTS, SEEDS, RecordEvent, read_record

LANGUAGES = ("en", "ko")
RECORD = read_record()
#: The event whose page is its recap, titled as the recap is (the seeds' text):
#: the record's name for it is not the recaps' title (the seeds' disagreement 11).
RECAP_TITLES = {
    "pytorch-core-conference-2025": "PyTorch Core Maintainer와 함께한 기술 교류의 장 - "
    "파이토치 한국 사용자 모임 리뷰"
}
CATALOGS = ROOT / "locale" / "ko" / "LC_MESSAGES"
WATCH = re.compile(r"^https://www\.youtube\.com/watch\?v=([\w-]{11})$")


def test_the_facts_are_the_seeds() -> None:
    """The project's copy of the facts is the seeds' file, where the seeds are at hand."""
    assert len(RECORD) == 13
    assert sum(len(event.sessions) for event in RECORD) == 32
    assert sum(len(event.public_videos) for event in RECORD) == 31
    if SEEDS.is_file():
        assert FACTS.read_bytes() == SEEDS.read_bytes(), f"copy {SEEDS} to {FACTS}"


def page_of(event: RecordEvent) -> str:
    """The event's page name: the one page of its date."""
    found = sorted((ROOT / "events").glob(f"{event.date.isoformat()}-*.md"))
    assert len(found) == 1, f"one page for {event.uid} ({event.date}), found {found}"
    return found[0].stem


@cache
def english(domain: str, context: str | None) -> dict[str, str]:
    """Korean → English, for the messages of a catalog in a context."""
    catalog = load(CATALOGS / f"{domain}.po")
    return {m.string: m.id for m in catalog if m.id and m.context == context and m.string}


def in_language(lang: str, korean: str, domain: str, context: str | None) -> str:
    """The record's Korean as a page of ``lang`` shows it."""
    if lang == "ko":
        return korean
    translations = english(domain, context)
    assert korean in translations, f"no message of {domain}.po is translated as {korean!r}"
    return translations[korean]


def structured(html) -> dict:
    return json.loads(html.select_one('script[type="application/ld+json"]').string)


def test_every_event_and_no_other(site: Path) -> None:
    wanted = {page_of(event) for event in RECORD}
    sources = {p.stem for p in (ROOT / "events").glob("*.md") if p.stem != "index"}
    assert sources == wanted
    for lang in LANGUAGES:
        built = {
            p.stem
            for p in (site / lang / "events").glob("2*.html")
            if re.match(r"\d{4}-\d{2}-\d{2}-", p.stem)  # not a year's page
        }
        assert built == wanted, lang


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("event", RECORD, ids=[event.uid for event in RECORD])
def test_event_page(site: Path, lang: str, event: RecordEvent) -> None:
    name = page_of(event)
    domain = f"events/{name}"
    html = soup(site / lang / "events" / f"{name}.html")
    title = html.find("h1").get_text().rstrip("¶")
    korean_title = RECAP_TITLES.get(event.uid, event.title)
    assert title == in_language(lang, korean_title, domain, None)
    assert html.select_one(".event-card time")["datetime"] == event.date.isoformat()

    data = structured(html)
    assert data["name"] == title
    if event.starts_at:
        assert dt.datetime.fromisoformat(data["startDate"]) == event.starts_at
        assert dt.datetime.fromisoformat(data["endDate"]) == event.ends_at
    else:
        assert data["startDate"][:10] == event.date.isoformat()

    # The programme: every session of the record, in its order, and no other.
    shown = html.select(".event-session")
    assert [item["id"] for item in shown] == [session.uid for session in event.sessions]
    subevents = data.get("subEvent", [])
    assert len(subevents) == len(event.sessions)
    for item, sub, session in zip(shown, subevents, event.sessions, strict=True):
        session_title = in_language(lang, session.title, domain, "session title")
        assert item.select_one(".event-session-title").get_text() == session_title
        assert sub["name"] == session_title
        names = [in_language(lang, n, "speakers", "speaker name") for n in session.speakers]
        assert [a.get_text() for a in item.select(".event-session-speakers a")] == names
        assert [p["name"] for p in sub["performer"]] == names
        watch = [WATCH.match(a["href"])[1] for a in item.select(".event-video-watch")]
        assert watch == ([session.youtube_id] if session.youtube_id else [])
        recorded = sub.get("recordedIn")
        if session.youtube_id:
            assert recorded["url"] == f"https://www.youtube.com/watch?v={session.youtube_id}"
        else:
            assert recorded is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_public_video_and_no_other(site: Path, lang: str) -> None:
    wanted = set().union(*(event.public_videos for event in RECORD))
    found: set[str] = set()
    for page in (site / lang).rglob("*.html"):
        for link in soup(page).select('a[href^="https://www.youtube.com/watch"]'):
            found.add(WATCH.match(link["href"])[1])
    assert found == wanted


@pytest.mark.parametrize("lang", LANGUAGES)
def test_calendars(site: Path, lang: str) -> None:
    """Each event's calendar, and the site's, have the record's day and times."""
    everything = Calendar.from_ical((site / lang / "events.ics").read_bytes())
    listed = {str(c["url"]).rsplit("/", 1)[-1] for c in everything.walk("VEVENT")}
    for event in RECORD:
        name = page_of(event)
        calendar = Calendar.from_ical((site / lang / "events" / f"{name}.ics").read_bytes())
        (vevent,) = calendar.walk("VEVENT")
        start = vevent["dtstart"].dt
        if event.starts_at:
            assert start == event.starts_at and vevent["dtend"].dt == event.ends_at
        else:  # a day, or times another source gives (the 2025 conference's)
            assert (start.date() if isinstance(start, dt.datetime) else start) == event.date
        assert f"{name}.html" in listed


@pytest.mark.parametrize("lang", LANGUAGES)
def test_series_and_people_list_their_events(site: Path, lang: str) -> None:
    """Each series' page lists the record's events of it; each speaker's page, their talks."""
    for event in RECORD:
        name = page_of(event)
        for uid in event.group_ids:
            page = soup(site / lang / "series" / f"{uid}.html")
            assert page.select(f'.event-list a[href$="{name}.html"]'), (uid, name)
        for session in event.sessions:
            for korean in session.speakers:
                person = english("speakers", "speaker name")[korean]
                page = soup(site / lang / "speakers" / f"{person_slug(person)}.html")
                links = page.select(f'a[href*="{name}.html"]')
                assert links, (person, name)


@pytest.mark.parametrize("event", RECORD, ids=[event.uid for event in RECORD])
def test_the_record_s_own_words_are_marked(event: RecordEvent) -> None:
    """The record's names are Korean originals: their messages say so
    (``#. original: ko``), so reviewers know which side to trust; the
    archive's own sentences (the summary) are not marked."""
    catalog = load(CATALOGS / f"events/{page_of(event)}.po")
    people = load(CATALOGS / "speakers.po")
    marked = {(m.context, m.string) for m in catalog if "original: ko" in m.auto_comments}
    named = {m.string for m in people if "original: ko" in m.auto_comments}
    korean_title = RECAP_TITLES.get(event.uid, event.title)
    assert (None, korean_title) in marked
    for session in event.sessions:
        assert ("session title", session.title) in marked
        assert set(session.speakers) <= named
    assert not any(
        m.context == "event summary" for m in catalog if "original: ko" in m.auto_comments
    )
