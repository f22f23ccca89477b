"""An event added before it happens: "Upcoming" in every language, then past, by the clock.

The organizer's own steps on a copy of the project: ``make new-event`` for a
date ahead, then the site built (both languages, warnings as errors) with
the clock fixed an hour before the event ends, and built again, in place,
with the clock a minute after it ended.  Calendars are read back with the
``icalendar`` library; the schema.org data is checked against the
properties Google's event rich results require and recommend.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
from pathlib import Path

import feedparser
import icalendar
import pytest

from tests.conftest import EVENT, LANGUAGES, copy_project, run
from tests.events.organizer import fill_in
from tests.helpers import build_languages, once_per_run, soup

NEW = "events/2027-01-20-winter-meetup"
#: The new event ends at 18:00 in Seoul on 2027-01-20 (the template's times).
BEFORE = "2027-01-20T17:00:00+09:00"
AFTER = "2027-01-20T09:01:00+00:00"
UPCOMING = {"en": "Upcoming", "ko": "다가오는 행사"}
REGISTRATION = "https://event-us.kr/pytorchkr/event/999999"
#: Google's event rich results: required, then recommended properties.
REQUIRED = ("name", "startDate", "location")
RECOMMENDED = ("description", "endDate", "eventAttendanceMode", "eventStatus", "image",
               "organizer", "performer")  # fmt: skip


def city(lang: str, page: str) -> str:
    """The city as a page shows it: the new event is not translated yet."""
    return "서울" if lang == "ko" and page == EVENT else "Seoul"


def build(project: Path, now: str) -> Path:
    return build_languages(project, env={**os.environ, "ARCHIVE_NOW": now})


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The site before the new event ended, and after (rebuilt in place); once per run."""

    def make(folder: Path) -> dict[str, Path]:
        project = copy_project(folder / "project", first_event=True)
        environ = {**os.environ, "ARCHIVE_NOW": "2026-12-01T12:00:00+09:00"}
        command = [sys.executable, "-m", "pytorchkr_archive.events.facts.new_event"]
        run([*command, "--date", "2027-01-20", "--slug", "winter-meetup"], project, environ)
        page = project / f"{NEW}.md"
        text = page.read_text(encoding="utf-8")
        assert "registration: https://TODO" in text and "announcement:" in text
        announcement = '"Registration is open: two talks on compilers."'
        fill_in(page, "Winter meetup", registration=REGISTRATION, announcement=announcement)
        before = build(project, BEFORE)
        kept = folder / "before"
        shutil.copytree(before, kept)
        after = build(project, AFTER)
        return {"before": kept, "after": after}

    return once_per_run(tmp_path_factory, "upcoming", make)


def listed(site: Path, lang: str, listing: str) -> dict[str, list[str]]:
    """The pages each heading of a listing lists, by the heading's id: its
    events, or the years' pages of its table of years."""
    found: dict[str, list[str]] = {}
    for heading in soup(site / lang / listing).select(".event-list > [id]"):
        items = heading.find_next_sibling(["ul", "div"]).select(".event-list-title, td a")
        found[heading["id"]] = [a["href"].rsplit("/", 1)[-1] for a in items]
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_upcoming_first_then_past_by_itself(sites, lang: str) -> None:
    before = listed(sites["before"], lang, "index.html")
    assert list(before) == ["upcoming", "year-2025"]
    assert before["upcoming"] == ["2027-01-20-winter-meetup.html"]
    heading = soup(sites["before"] / lang / "index.html").select_one("#upcoming").get_text()
    assert heading == UPCOMING[lang]
    after = listed(sites["after"], lang, "index.html")
    assert list(after) == ["year-2027", "year-2025"]
    assert after["year-2027"] == ["2027-01-20-winter-meetup.html"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_events_lists_the_upcoming_then_the_years(sites, lang: str) -> None:
    """events/ lists the events ahead, then the past years, each on its page;
    a year's page is written once the year has a past event."""
    before = listed(sites["before"], lang, "events/index.html")
    assert before == {"upcoming": ["2027-01-20-winter-meetup.html"], "past": ["2025.html"]}
    assert not (sites["before"] / lang / "events/2027.html").exists()
    after = listed(sites["after"], lang, "events/index.html")
    assert after == {"past": ["2027.html", "2025.html"]}
    year = soup(sites["after"] / lang / "events/2027.html").select(".event-list-title")
    assert [a["href"] for a in year] == ["2027-01-20-winter-meetup.html"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_upcoming_card_leads_with_registration(sites, lang: str) -> None:
    card = soup(sites["before"] / lang / f"{NEW}.html").select_one(".event-card")
    assert card.select_one(".event-announcement").get_text() == (
        "Registration is open: two talks on compilers."
    )
    first = card.find("dd").find("a")
    assert first["href"] == REGISTRATION and "event-registration" in first["class"]
    later = soup(sites["after"] / lang / f"{NEW}.html").select_one(".event-card")
    assert later.select_one(".event-announcement") is None
    assert later.find("dd").find("time") is not None  # the date leads again


def structured(site: Path, lang: str, page: str) -> dict:
    html = soup(site / lang / f"{page}.html")
    scripts = html.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_event_page_has_schema_org_event_data(sites, lang: str) -> None:
    for page, upcoming in ((EVENT, False), (NEW, True)):
        data = structured(sites["before"], lang, page)
        html = soup(sites["before"] / lang / f"{page}.html")
        assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
        for key in REQUIRED:
            assert data.get(key), key
        for key in RECOMMENDED:
            if key == "image" and page == NEW:
                continue  # no photo before the event
            assert data.get(key), key
        start = dt.datetime.fromisoformat(data["startDate"])
        end = dt.datetime.fromisoformat(data["endDate"])
        assert start.utcoffset() == end.utcoffset() == dt.timedelta(hours=9)
        assert start < end
        assert start.date().isoformat() == html.select_one(".event-card time")["datetime"]
        assert data["name"] == html.find("h1").get_text().rstrip("¶")
        assert data["inLanguage"] == lang == html.find("html")["lang"]
        assert data["url"] == html.select_one(f'link[rel="alternate"][hreflang="{lang}"]')["href"]
        assert data["location"]["@type"] == "Place"
        assert data["location"]["address"]["addressCountry"] == "KR"
        assert data["location"]["address"]["addressLocality"] == city(lang, page)
        assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
        assert data["eventStatus"] == "https://schema.org/EventScheduled"
        assert data["organizer"] == {
            "@type": "Organization",
            "name": {"en": "PyTorch Korea User Group", "ko": "파이토치 한국 사용자 모임"}[lang],
            "url": "https://pytorch.kr/",
        }
        assert ("offers" in data) is upcoming
        if upcoming:
            assert data["offers"]["url"] == REGISTRATION
    first = structured(sites["before"], lang, EVENT)
    assert first["image"][0].startswith("https://pytorch.kr/assets/images/")
    assert {"name": "Alban Desmaison", "@type": "Person"} in first["performer"]
    assert "offers" not in structured(sites["after"], lang, NEW)


def calendar_events(path: Path) -> list:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert calendar["version"] == "2.0" and calendar["prodid"]
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Seoul"]
    return calendar.events


def test_calendars_parse_back_and_agree_across_languages(sites) -> None:
    site = sites["before"]
    uids = {}
    for lang in LANGUAGES:
        feed = calendar_events(site / lang / "events.ics")
        assert [e.start.date().isoformat() for e in feed] == ["2025-03-30", "2027-01-20"]
        for page, event in zip((EVENT, NEW), feed, strict=True):
            single = calendar_events(site / lang / f"{page}.ics")
            assert [e["uid"] for e in single] == [event["uid"]]
            html = soup(site / lang / f"{page}.html")
            assert str(event["summary"]) == html.find("h1").get_text().rstrip("¶")
            assert event["summary"].params["LANGUAGE"] == lang
            assert (
                str(event["url"])
                == html.select_one(f'link[rel="alternate"][hreflang="{lang}"]')["href"]
            )
            assert event.start.tzinfo.key == "Asia/Seoul" and event.start.hour == 13
            assert event.end - event.start == dt.timedelta(hours=5)
            assert city(lang, page) in str(event["location"])
            link = html.select_one(".event-card a[type='text/calendar']")
            assert link["href"] == f"{page.rsplit('/', 1)[1]}.ics"
        uids[lang] = [str(e["uid"]) for e in feed]
        head = soup(site / lang / "index.html").select_one('link[type="text/calendar"]')
        assert head["href"].endswith(f"/{lang}/latest/events.ics")
    assert uids["en"] == uids["ko"]
    assert uids["en"][0] == "2025-03-30-pytorch-core-conference@pytorchkr-archive.readthedocs.io"
    # The same identifiers in the next build: calendar apps update, not duplicate.
    again = calendar_events(sites["after"] / "en" / "events.ics")
    assert [str(e["uid"]) for e in again] == uids["en"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feeds_sitemaps_and_speakers_keep_working(sites, lang: str) -> None:
    site = sites["before"]
    feed = feedparser.parse((site / lang / "feed.xml").read_bytes())
    assert any(e.link.endswith("2027-01-20-winter-meetup.html") for e in feed.entries)
    assert "2027-01-20-winter-meetup.html" in (site / lang / "sitemap.xml").read_text("utf-8")
    speakers = soup(site / lang / "speakers.html").select(".speaker-index tbody tr")
    assert len(speakers) == 8  # seven talks of the recap, one announced


def test_calendar_files_keep_rfc_5545s_lines(sites) -> None:
    """CRLF line ends, lines folded at 75 octets, and each event's required properties."""
    for lang in LANGUAGES:
        raw = (sites["before"] / lang / "events.ics").read_bytes()
        assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
        assert max(len(line) for line in raw.split(b"\r\n")) <= 75
        for event in calendar_events(sites["before"] / lang / "events.ics"):
            for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL", "LOCATION"):
                assert key in event, key


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_upcoming_event_passes_axe(sites, page, axe_url: str, lang: str) -> None:
    """The announcement and the registration link first, in both colour schemes."""
    from pytorchkr_archive.sitebuild.localserver import serve
    from tests.browser import open_page, violations_in

    with serve(sites["before"]) as url:
        for name in (NEW, "index"):
            open_page(page, f"{url}/{lang}/{name}.html")
            assert page.locator(".event-registration").count() >= 1
            light: dict[str, list[str]] = {}
            for setting in ("light-desktop", "dark-desktop"):
                found = violations_in(page, axe_url, setting, light)
                assert found == [], setting
