"""The group's record on a synthetic archive: every state of every field.

``tests/roots/test-record`` holds a session in each video and slides state,
a speaker in two events, an event known by its date alone, and events ahead
whose registration is open, not open yet and closed.  It is built with
``sphinx-build -W --keep-going`` in both languages at a fixed clock, and its
pages, calendars, structured data and listings are read as their readers
(a browser's parser, a calendar app, a JSON parser) read them.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import icalendar
import pytest

from pytorchkr_archive.korean_search.index_format import read_index
from tests.conftest import LANGUAGES, PROJECT, TESTS
from tests.helpers import once_per_run, python_m, soup

ROOT = TESTS / "roots" / "test-record"
NOW = "2026-12-01T12:00:00+09:00"
STATES = "events/2023-03-18-every-state"
DATE_ONLY = "events/2022-10-29-date-only"


def build_record(folder: Path) -> Path:
    """The test root built in both languages into ``folder/<lang>``, warnings as errors."""
    source = folder / "source"
    shutil.copytree(ROOT, source)
    # The interface in Korean is the project's own.
    shutil.copy(PROJECT / "locale" / "ko" / "LC_MESSAGES" / "sphinx.po",
                source / "locale" / "ko" / "LC_MESSAGES")  # fmt: skip
    environ = {**os.environ, "ARCHIVE_NOW": NOW}
    for lang in LANGUAGES:
        process = python_m(
            ["sphinx", "-W", "--keep-going", "-q", "-b", "html", "-D", f"language={lang}",
             str(source), str(folder / lang)],
            folder, environ,
        )  # fmt: skip
        assert process.returncode == 0, process.stdout + process.stderr
    return folder


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test root built in both languages (once per run, for every worker)."""
    return once_per_run(tmp_path_factory, "record", build_record)


def sessions(site: Path, lang: str, page: str = STATES) -> dict[str, object]:
    return {li["id"]: li for li in soup(site / lang / f"{page}.html").select("li.event-session")}


def structured(site: Path, lang: str, page: str) -> dict:
    script = soup(site / lang / f"{page}.html").select_one('script[type="application/ld+json"]')
    return json.loads(script.string)


def card(site: Path, lang: str, page: str) -> dict[str, str]:
    found = soup(site / lang / f"{page}.html").select_one(".event-card")
    return dict(
        zip(
            [dt.get_text() for dt in found.find_all("dt")],
            [dd.get_text(" ", strip=True) for dd in found.find_all("dd")],
            strict=True,
        )
    )


# -- the programme ---------------------------------------------------------------


def test_a_public_video_is_a_link_and_a_button_that_loads_nothing(record: Path) -> None:
    li = sessions(record, "en")["public-video"]
    watch = li.select_one("a.event-video-watch")
    assert watch["href"] == "https://www.youtube.com/watch?v=zlXhyeBeQJ0&t=90s"
    button = li.select_one("button.event-video-play")
    assert button["data-embed"] == "https://www.youtube-nocookie.com/embed/zlXhyeBeQJ0?start=90"
    assert "autoplay" not in button["data-embed"]
    assert button.has_attr("hidden")  # shown by the script only: no dead button without it
    assert button["aria-controls"] == "player-public-video"
    assert li.select_one("#player-public-video").find("iframe") is None
    assert button["aria-describedby"] == "title-public-video"  # its description says which video
    slides = li.select_one(".event-slides")
    assert slides.a["href"] == "https://slides.example/compilers.pdf"
    assert slides.get_text(" ", strip=True) == "Slides (PDF, 2.4 MB)"
    assert li.select_one(".event-code a")["href"] == "https://github.com/example/compilers"
    assert li.select_one(".event-session-speakers").get_text(" ", strip=True) == (
        "Ada Park (Example Labs)"
    )


@pytest.mark.parametrize(
    ("lang", "uid", "words"),
    [
        ("en", "pending-video", ["Video: to be published", "Slides: to be published"]),
        ("en", "private-video", ["Video: private", "Slides: private"]),
        ("en", "not-recorded", ["Not recorded"]),
        ("en", "limited-video", ["Video: limited (The sound was not recorded.)"]),
        ("en", "unknown-media", []),
        ("ko", "limited-video", ["영상: 제공 제한 (음성이 녹음되지 않았습니다.)"]),
    ],
)
def test_every_other_state_is_said_in_words_never_a_dead_button(
    record: Path, lang: str, uid: str, words: list[str]
) -> None:
    li = sessions(record, lang)[uid]
    assert li.select("a.event-video-watch, button, .event-slides a") == []
    assert [item.get_text(" ", strip=True) for item in li.select(".event-media-state")] == words
    if not words:  # unknown: the record asks that nothing be shown
        assert li.select_one(".event-session-media") is None


def test_the_programme_is_translated(record: Path) -> None:
    li = sessions(record, "ko")["public-video"]
    assert li.select_one(".event-session-title").get_text() == "공개된 컴파일러"
    assert li.select_one(".event-session-speakers").get_text(" ", strip=True).startswith("박아다")
    assert li.select_one("a.event-video-watch").get_text() == "YouTube에서 보기"
    assert li.select_one("button")["data-title"] == "영상: 공개된 컴파일러"
    page = soup(record / "ko" / f"{STATES}.html")
    assert page.select_one(".event-programme h2").get_text() == "프로그램"


def test_the_video_script_is_only_on_pages_with_a_video(record: Path) -> None:
    for lang in LANGUAGES:
        for page, wanted in ((STATES, True), ("index", False), ("speakers", False)):
            scripts = [s.get("src", "") for s in soup(record / lang / f"{page}.html")("script")]
            assert any("archive-video.js" in s for s in scripts) == wanted, (lang, page)


# -- events known in part ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_date_only_event_has_a_date_only_card_listing_and_data(record: Path, lang: str) -> None:
    facts = card(record, lang, DATE_ONLY)
    labels = {
        "en": ["Date", "Series", "Calendar", "Sources"],
        "ko": ["날짜", "시리즈", "캘린더", "출처"],
    }
    assert list(facts) == labels[lang]
    assert "www.youtube.com" in facts[labels[lang][3]]
    listing = soup(record / lang / "index.html").select(".event-list-meta")
    metas = [meta.get_text() for meta in listing]
    date_only = next(m for m in metas if "2022" in m)
    assert "·" not in date_only
    data = structured(record, lang, DATE_ONLY)
    assert (data["startDate"], data["endDate"]) == ("2022-10-29", "2022-10-29")
    assert "location" not in data


def test_a_date_only_event_is_an_all_day_event_in_the_calendars(record: Path) -> None:
    for lang in LANGUAGES:
        for path in (record / lang / f"{DATE_ONLY}.ics", record / lang / "events.ics"):
            text = path.read_text(encoding="utf-8")
            assert "DTSTART;VALUE=DATE:20221029" in text
            calendar = icalendar.Calendar.from_ical(text)
            event = next(
                e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("2022-10-29")
            )
            start, end = event.decoded("dtstart"), event.decoded("dtend")
            assert (start.isoformat(), end.isoformat()) == ("2022-10-29", "2022-10-30")
            assert "LOCATION" not in event


# -- registration windows --------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "en", "ko", "link"),
    [
        ("2030-05-01-open-registration", "Registration page (open until April 30, 2030 6:00",
         "신청 페이지 (2030년 4월 30일 오후 6:00까지 신청 가능)", "https://event-us.example/open"),
        ("2030-06-01-closed-registration", "Closed", "마감됨", None),
        ("2030-07-01-not-open", "Opens on June 1, 2030 10:00",
         "2030년 6월 1일 오전 10:00에 신청 시작", None),
    ],
)  # fmt: skip
def test_the_card_offers_registration_only_while_it_is_open(
    record: Path, page: str, en: str, ko: str, link: str | None
) -> None:
    for lang, words in (("en", en), ("ko", ko)):
        facts = card(record, lang, f"events/{page}")
        first = next(iter(facts.items()))
        assert first[0] == {"en": "Registration", "ko": "참가 신청"}[lang]
        assert first[1].replace("\u202f", " ").startswith(words), first
        html = soup(record / lang / f"events/{page}.html")
        links = [a["href"] for a in html.select(".event-card a.event-registration")]
        assert links == ([link] if link else [])
        listed = soup(record / lang / "index.html").select(".event-list a.event-registration")
        assert (link in [a["href"] for a in listed]) == bool(link)
        offers = structured(record, lang, f"events/{page}").get("offers")
        assert (offers or {}).get("url") == link


# -- structured data ---------------------------------------------------------------------


def test_each_session_is_a_sub_event_with_its_public_recording(record: Path) -> None:
    data = structured(record, "en", STATES)
    subs = {sub["url"].rpartition("#")[2]: sub for sub in data["subEvent"]}
    assert list(subs) == [
        "public-video", "pending-video", "private-video", "not-recorded", "limited-video",
        "unknown-media",
    ]  # fmt: skip
    public = subs["public-video"]
    assert public["performer"] == [
        {"@type": "Person", "name": "Ada Park",
         "affiliation": {"@type": "Organization", "name": "Example Labs"}}
    ]  # fmt: skip
    video = public["recordedIn"]
    assert video["@type"] == "VideoObject"
    assert video["embedUrl"].startswith("https://www.youtube-nocookie.com/embed/zlXhyeBeQJ0")
    assert video["thumbnailUrl"] == ["https://i.ytimg.com/vi/zlXhyeBeQJ0/hqdefault.jpg"]
    assert video["name"] == "Compilers in public"
    assert all("recordedIn" not in sub for uid, sub in subs.items() if uid != "public-video")
    assert subs["unknown-media"].get("performer") is None
    korean = structured(record, "ko", STATES)
    assert korean["subEvent"][0]["recordedIn"]["name"] == "공개된 컴파일러"


# -- speakers ------------------------------------------------------------------------------


def test_a_speaker_in_two_events_is_listed_once_with_her_sessions(record: Path) -> None:
    rows = soup(record / "en" / "speakers.html").select(".speaker-index tbody tr")
    ada = [row.get_text(" ", strip=True) for row in rows if "Ada Park" in row.get_text()]
    assert ada == ["Ada Park 3"]  # two sessions of one seminar, one of another
    talks = soup(record / "en" / "speakers/ada-park.html").select(".event-session-title")
    assert any("Tensors from the start" in p.get_text() for p in talks)


# -- series and roles ------------------------------------------------------------------------


def test_an_event_names_its_series_and_its_roles_on_its_card(record: Path) -> None:
    facts = card(record, "en", STATES)
    assert facts["Series"] == "Seminars , Meetups"
    assert facts["Organized by"] == "Example Group"
    assert facts["Co-organized by"] == "Partner Group"
    assert facts["Hosted by"] == "Open Hall Inc."
    assert facts["Supported by"] == "Example Labs, Other Labs"
    links = soup(record / "en" / f"{STATES}.html").select(".event-card a[href^='../series/']")
    assert [a["href"] for a in links] == ["../series/seminars.html", "../series/meetups.html"]
    korean = card(record, "ko", STATES)
    assert korean["시리즈"] == "세미나 , Meetups"  # a series' name is its page's title
    assert korean["주최"] == "Example Group"  # an organization's name is not translated
    assert korean["공동 주최"] == "Partner Group"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_series_page_lists_its_events_only(record: Path, lang: str) -> None:
    def listed(series: str) -> list[str]:
        page = soup(record / lang / f"series/{series}.html")
        return [a["href"] for a in page.select(".event-list a.event-list-title")]

    assert listed("seminars") == [
        "../events/2023-03-18-every-state.html",
        "../events/2022-10-29-date-only.html",
    ]
    assert listed("meetups") == ["../events/2023-03-18-every-state.html"]
    everything = soup(record / lang / "index.html").select(".event-list a.event-list-title")
    assert len(everything) == 5
    entry = soup(record / lang / "index.html").select_one(".event-list-series")
    assert entry is not None and entry.a["href"] == "series/seminars.html"


def test_the_structured_data_names_the_series(record: Path) -> None:
    data = structured(record, "ko", STATES)
    assert data["superEvent"] == [
        {"@type": "EventSeries", "name": "세미나",
         "url": "https://archive.example.org/ko/latest/series/seminars.html"},
        {"@type": "EventSeries", "name": "Meetups",
         "url": "https://archive.example.org/ko/latest/series/meetups.html"},
    ]  # fmt: skip
    assert "superEvent" not in structured(record, "en", "events/2030-05-01-open-registration")


# -- drafts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_draft_is_nowhere_in_the_site(record: Path, lang: str) -> None:
    site = record / lang
    names = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert not [name for name in names if "draft" in name], names
    for name in sorted(names):
        if name.endswith((".html", ".js", ".xml", ".ics", ".txt", ".json", ".inv")):
            data = (site / name).read_bytes()
            if name.endswith(".inv"):
                import zlib

                data = zlib.decompress(data.split(b"\n", 4)[4])
            text = data.decode("utf-8", errors="replace")
            for word in ("2030-08-01", "Zed Draft", "secret session", "Draft meetup"):
                assert word not in text, (name, word)


def test_a_page_neither_published_nor_not_is_an_error_at_its_line(tmp_path: Path) -> None:
    from pytorchkr_archive.pages.drafts import published

    page = tmp_path / "page.md"
    page.write_text("---\nevent:\n  date: 2030-01-01\npublished: maybe\n---\n\n# P\n", "utf-8")
    shown, problem, line = published(page)
    assert (shown, line) == (False, 4)
    assert "published: maybe is neither true nor false" in problem
    page.write_text("---\npublished: no  # not yet\n---\n\n# P\n", "utf-8")
    assert published(page) == (False, None, 2)
    page.write_text("---\npublished: true\n---\n\n# P\n", "utf-8")
    assert published(page)[0]
    page.write_text("# A page without front matter\n\npublished: false\n", "utf-8")
    assert published(page)[0]


# -- speakers as people ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_person_has_a_page_with_their_sessions_across_events(record: Path, lang: str) -> None:
    page = soup(record / lang / "speakers/ada-park.html")
    assert page.find("h1").get_text() == {"en": "Ada Park", "ko": "박아다"}[lang]
    titles = [
        li.select_one(".event-session-title a") for li in page.select(".person-sessions > li")
    ]
    assert [a["href"] for a in titles] == [
        "../events/2023-03-18-every-state.html#public-video",
        "../events/2023-03-18-every-state.html#private-video",
        "../events/2022-10-29-date-only.html#talk-1",
    ]  # newest first
    first = page.select(".person-sessions > li")[0]
    assert first.select_one("a.event-video-watch")["href"].startswith("https://www.youtube.com/")
    assert first.select_one("button") is None  # the player is on the event's page
    assert first.select_one(".event-slides a")["href"] == "https://slides.example/compilers.pdf"
    switch = [a["href"] for a in page.select("link[hreflang], a[hreflang]")]
    other = {"en": "ko", "ko": "en"}[lang]
    assert any(href.endswith(f"{other}/speakers/ada-park.html") for href in switch), switch
    sitemap = (record / lang / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/{lang}/latest/speakers/ada-park.html" in sitemap


def test_the_index_and_the_programme_lead_to_the_person(record: Path) -> None:
    rows = soup(record / "ko" / "speakers.html").select(".speaker-index tbody tr")
    ada = [row.select_one("td a") for row in rows if "박아다" in row.get_text()]
    assert [a["href"] for a in ada] == ["speakers/ada-park.html"]
    li = sessions(record, "ko")["private-video"]
    people = [(a.get_text(), a["href"]) for a in li.select(".event-session-speakers a")]
    assert people == [
        ("이철", "../speakers/chul-lee.html"),
        ("박아다", "../speakers/ada-park.html"),
    ]


def test_two_spellings_of_a_person_are_one_person(record: Path) -> None:
    for lang, name in (("en", "Chul Lee"), ("ko", "이철")):
        assert not (record / lang / "speakers/chul-lee-2.html").exists()
        page = soup(record / lang / "speakers/chul-lee.html")
        assert page.find("h1").get_text() == name
        assert len(page.select(".person-sessions > li")) == 2
        if lang == "en":
            assert page.select_one(".person-spellings").get_text() == "Also written as: Chul-Lee"
        li = sessions(record, lang, DATE_ONLY)["talk-1"]
        assert name in li.select_one(".event-session-speakers").get_text()


# -- feeds and search ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_feed_and_the_search_index_hold_every_published_event(record: Path, lang: str) -> None:
    import feedparser

    feed = feedparser.parse((record / lang / "feed.xml").read_text(encoding="utf-8"))
    assert not feed.bozo, feed.bozo_exception
    links = sorted(entry.link.rpartition("/events/")[2] for entry in feed.entries)
    assert links == [
        "2022-10-29-date-only.html",
        "2023-03-18-every-state.html",
        "2030-05-01-open-registration.html",
        "2030-06-01-closed-registration.html",
        "2030-07-01-not-open.html",
    ]
    data = read_index((record / lang / "searchindex.js").read_text(encoding="utf-8"))
    documents = set(data["docnames"])
    assert {"events/2022-10-29-date-only", STATES, "series/seminars"} <= documents
    assert not [name for name in documents if "draft" in name]
