"""The first event on the real site: card, listings, speakers, feeds, cards, 404."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from tests.conftest import EVENT, copy_project, run
from tests.events.organizer import fill_in
from tests.helpers import build_languages, soup

BASE = "https://pytorchkr-archive.readthedocs.io"
#: The first event's summary, the listings' line and the pages' description.
SUMMARIES = {
    "en": "A technical conference of the PyTorch Korea User Group with a PyTorch core "
    "maintainer: seven talks and a panel.",
    "ko": "PyTorch Core Maintainer와 함께한 파이토치 한국 사용자 모임의 기술 컨퍼런스: "
    "일곱 개의 발표와 패널 토크.",
}
PLAYLIST = "https://www.youtube.com/playlist?list=PLZPcfGDXL3NlS2JrsgkRlhVPhnJ37lFPN"
CARD = {
    "en": {
        "Date": "Sunday, March 30, 2025",
        "Time": "1:00 PM – 6:00 PM (Korean Standard Time, UTC+9)",
        "Place": "Seoul, Republic of Korea",
        "Venue": "goorm square Gangnam",
        "Venue sponsor": "goorm",
        "Series": "PyTorchKR Tech Seminars",
        "Organized by": "PyTorchKR",
        "Original recaps": "English , 한국어",
        "Recap by": "Jiho Kim",
        "Elsewhere": "Playlist of the public session videos",
        "Calendar": "Add to calendar (.ics)",
        "Sources": "event-us.kr , www.youtube.com (checked on October 2, 2026 )",
    },
    "ko": {
        "날짜": "2025년 3월 30일 일요일",
        "시간": "오후 1:00 ~ 오후 6:00 (대한민국 표준시, UTC+9)",
        "장소": "서울, 대한민국",
        "행사장": "구름스퀘어 강남",
        "장소 후원": "구름",
        "시리즈": "PyTorchKR 기술 세미나",
        "주최": "PyTorchKR",
        "원문 후기": "English , 한국어",
        "후기 작성": "김지호",
        "관련 링크": "공개 발표 영상 재생목록",
        "캘린더": "캘린더에 추가 (.ics)",
        "출처": "event-us.kr , www.youtube.com ( 2026년 10월 2일 확인)",
    },
}


def card(site: Path, lang: str) -> dict[str, str]:
    section = soup(site / lang / f"{EVENT}.html").select_one("article .event-card")
    return dict(
        zip(
            [dt.get_text() for dt in section.find_all("dt")],
            [dd.get_text(" ", strip=True).replace("\u202f", " ") for dd in section.find_all("dd")],
            strict=True,
        )
    )


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_event_card(site: Path, lang: str) -> None:
    """A past event's card: no registration page, which only an event ahead offers."""
    assert card(site, lang) == CARD[lang]
    section = soup(site / lang / f"{EVENT}.html").select_one(".event-card")
    hrefs = [a["href"] for a in section.find_all("a")]
    assert hrefs == [
        "https://goorm.co/",
        "../series/tech-seminars.html",
        "https://pytorch.org/blog/pt-korea-user-group-recap/",
        "https://pytorch.kr/blog/2025/pytorch-core-conference/",
        PLAYLIST,
        "2025-03-30-pytorch-core-conference.ics",
        "https://event-us.kr/pytorchkr/event/100142",
        PLAYLIST,
    ]
    # The card follows the title.
    h1 = soup(site / lang / f"{EVENT}.html").find("article").find("h1")
    assert h1.find_next_sibling()["class"] == ["event-card"]


@pytest.mark.parametrize(
    ("lang", "date"), [("en", "Sunday, March 30, 2025"), ("ko", "2025년 3월 30일 일요일")]
)
def test_listed_on_the_landing_page_and_in_events(site: Path, lang: str, date: str) -> None:
    listing = soup(site / lang / "index.html").select_one(".event-list")
    assert listing.find(["h2", "h3"]).get_text() == "2026"  # the newest year first
    titles = [a["href"] for a in listing.select(".event-list-title")]
    assert len(titles) == 10 and f"{EVENT}.html" in titles  # the ten newest of thirteen
    assert date in listing.get_text()
    more = listing.select_one(".event-list-all a")
    assert more["href"] == "events/index.html" and "13" in more.get_text()
    # events/ lists the years, with their number of events, each on its page.
    rows = soup(site / lang / "events/index.html").select(".event-list-years tbody tr")
    cells = [[td.get_text() for td in tr.find_all("td")] for tr in rows]
    assert cells == [["2026", "6"], ["2025", "3"], ["2024", "2"], ["2023", "1"], ["2022", "1"]]
    assert rows[1].a["href"] == "2025.html"
    year = soup(site / lang / "events/2025.html")
    assert year.h1.get_text() == {"en": "Events of 2025", "ko": "2025년 행사"}[lang]
    links = [a["href"] for a in year.select(".event-list .event-list-title")]
    assert f"{EVENT.split('/')[1]}.html" in links and len(links) == 3
    assert date in year.select_one(".event-list").get_text()
    assert "index.html" in [a["href"] for a in year.select(".event-list-pager a")]


@pytest.mark.parametrize(
    ("lang", "first"),
    [("en", ["Alban Desmaison", "1"]), ("ko", ["Alban Desmaison", "1"])],
)
def test_speakers_page(site: Path, lang: str, first: list[str]) -> None:
    """Each person once, with their number of talks, leading to their page."""
    rows = soup(site / lang / "speakers.html").select(".speaker-index tbody tr")
    assert len(rows) == 24  # everyone the record names
    cells = [[td.get_text(" ", strip=True) for td in row.find_all("td")] for row in rows]
    assert cells[0] == first
    speakers = [c[0] for c in cells]
    if lang == "ko":
        assert "이제응" in speakers and "김솔" in speakers
    else:
        assert "Jerry Lee" in speakers and "Sol Kim" in speakers
    assert rows[0].a["href"] == "speakers/alban-desmaison.html"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_feed(site: Path, lang: str) -> None:
    feed = feedparser.parse((site / lang / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == lang
    (entry,) = [e for e in feed.entries if e.link == f"{BASE}/{lang}/latest/{EVENT}.html"]
    assert len(feed.entries) == 13
    assert entry.published.startswith("2025-03-30T13:00:00+09:00")
    title = soup(site / lang / f"{EVENT}.html").find("article").find("h1").get_text()
    assert entry.title == title.rstrip("¶")
    for page in (site / lang).rglob("*.html"):
        link = soup(page).find("link", type="application/atom+xml")
        assert link is not None and link["href"] == f"{BASE}/{lang}/latest/feed.xml", page


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_sitemap_and_robots(site: Path, lang: str) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site / lang / "sitemap.xml").getroot()
    locs = {u.find("s:loc", ns).text: u for u in root.findall("s:url", ns)}
    page = f"{BASE}/{lang}/latest/{EVENT}.html"
    assert page in locs
    alternates = {a.get("hreflang"): a.get("href") for a in locs[page].findall("x:link", ns)}
    assert alternates == {code: f"{BASE}/{code}/latest/{EVENT}.html" for code in ("en", "ko")}
    robots = (site / lang / "robots.txt").read_text(encoding="utf-8")
    assert (
        f"Sitemap: {BASE}/en/latest/sitemap.xml\nSitemap: {BASE}/ko/latest/sitemap.xml" in robots
    )


@pytest.mark.parametrize(
    ("lang", "locale", "other"), [("en", "en_US", "ko_KR"), ("ko", "ko_KR", "en_US")]
)
def test_social_cards(site: Path, lang: str, locale: str, other: str) -> None:
    page = soup(site / lang / f"{EVENT}.html")

    def meta(name: str) -> str:
        tag = page.find("meta", property=name) or page.find("meta", attrs={"name": name})
        return tag["content"]

    assert meta("og:locale") == locale
    assert meta("og:locale:alternate") == other
    assert meta("og:image") == "https://pytorch.kr/assets/images/pytorch_core_conference/total.png"
    assert meta("og:url") == f"{BASE}/{lang}/latest/{EVENT}.html"
    assert meta("og:title") == page.find("article").find("h1").get_text().rstrip("¶")
    assert meta("twitter:card") == "summary_large_image"
    # Both are the event's one-line summary, in the page's language.
    assert meta("og:description") == meta("description") == SUMMARIES[lang]


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "Page not found"), ("ko", "페이지를 찾을 수 없습니다")]
)
def test_not_found_page_works_from_any_depth(page, site_url: str, lang: str, title: str) -> None:
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    response = page.goto(f"{site_url}/{lang}/some/deep/missing/page.html")
    assert response.status == 404
    assert page.locator("article h1").inner_text().rstrip("¶").strip() == title
    assert page.evaluate("() => getComputedStyle(document.body).fontFamily") != "Times New Roman"
    assert not [url for url in failed if "127.0.0.1" in url], failed
    page.locator("article p a.reference").first.click()
    page.wait_for_load_state()
    assert page.url == f"{site_url}/{lang}/index.html"


def test_new_event_appears_everywhere_with_no_other_edit(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    run(
        [
            sys.executable,
            "-m",
            "pytorchkr_archive.events.facts.new_event",
            "--date",
            "2025-11-30",
            "--slug",
            "autumn-meetup",
        ],
        cwd=project,
    )
    new = "events/2025-11-30-autumn-meetup"
    fill_in(project / f"{new}.md")
    site = build_languages(project)
    for lang in ("en", "ko"):
        assert (site / lang / f"{new}.html").is_file()
        landing = [a["href"] for a in soup(site / lang / "index.html").select(".event-list-title")]
        assert "events/2025-11-30-autumn-meetup.html" in landing, (lang, landing)
        titles = [
            a["href"] for a in soup(site / lang / "events/2025.html").select(".event-list-title")
        ]
        assert titles[:2] == [
            "2025-11-30-autumn-meetup.html",
            "2025-11-22-pytorchkr-conference.html",
        ]
        speakers = soup(site / lang / "speakers.html").select(".speaker-index tbody tr")
        assert len(speakers) == 25  # the record's 24 and the new event's speaker
        feed = feedparser.parse((site / lang / "feed.xml").read_bytes())
        assert sorted(e.link.rsplit("/", 1)[1] for e in feed.entries) == sorted(
            f"{p.stem}.html" for p in (project / "events").glob("2*.md")
        )
    again = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytorchkr_archive.events.facts.new_event",
            "--date",
            "2026-01-01",
            "--slug",
            "autumn-meetup",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert again.returncode == 2
    assert "already the slug of events/2025-11-30-autumn-meetup.md" in again.stderr
    shutil.rmtree(project)
