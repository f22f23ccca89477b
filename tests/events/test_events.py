"""Event metadata, listings, speakers, feeds and sitemaps, on synthetic events."""

from __future__ import annotations

import multiprocessing
import queue
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
import sphinx_sitemap
from bs4 import BeautifulSoup
from sphinx.errors import ExtensionError

from pytorchkr_archive.events.facts.collection import collect
from pytorchkr_archive.pages.discovery import gather_sitemap_links, replace_listener
from tests.conftest import PROJECT, TESTS

ROOT = TESTS / "roots" / "test-events"
BASE = "https://archive.example.org"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def read(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.sphinx("html", testroot="events")
def test_listing_is_newest_first_and_grouped_by_year(app) -> None:
    app.build()
    for page, level in (("index.html", "h3"), ("events/index.html", "h2")):
        listing = read(app, page).select_one(".event-list")
        assert [h.get_text() for h in listing.find_all(level)] == ["2025", "2024", "2023"]
        titles = [a.get_text() for a in listing.select(".event-list-title")]
        assert titles == ["Delta day", "Gamma conference", "Beta workshop", "Alpha meetup"]
        assert "Friday, November 15, 2024 · Daejeon, Republic of Korea" in listing.get_text()
        assert "The gamma conference." in listing.get_text()
    links = [a["href"] for a in read(app, "events/index.html").select(".event-list-title")]
    assert links[0] == "2025-05-05-delta.html"


@pytest.mark.sphinx("html", testroot="events", confoverrides={"language": "ko"})
def test_listing_and_card_in_korean(app) -> None:
    app.build()
    listing = read(app, "index.html").select_one(".event-list").get_text()
    assert "2024년 11월 15일 금요일 · 대전, 대한민국" in listing
    assert "감마 컨퍼런스." in listing
    card = read(app, "events/2024-11-15-gamma.html").select_one(".event-card")
    facts = dict(
        zip(
            [dt.get_text() for dt in card.find_all("dt")],
            [dd.get_text(" ", strip=True) for dd in card.find_all("dd")],
            strict=True,
        )
    )
    assert facts["Date"] == "2024년 11월 15일 금요일"
    assert facts["Time"] == "오전 10:00 ~ 오후 5:30 (대한민국 표준시, UTC+9)"
    assert facts["Place"] == "대전, 대한민국"
    assert facts["Venue sponsor"] == "예제 회사"
    assert facts["Recap by"] == "최다나"


@pytest.mark.sphinx("html", testroot="events")
def test_speakers_index(app) -> None:
    app.build()
    rows = [
        [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in read(app, "speakers.html").select(".speaker-index tbody tr")
    ]
    # Each person once, by name, with their number of talks.
    assert rows == [["Ada Park", "2"], ["Bo Kim", "1"], ["Chul Lee", "1"]]
    links = [a["href"] for a in read(app, "speakers.html").select(".speaker-index a")]
    assert links == ["speakers/ada-park.html", "speakers/bo-kim.html", "speakers/chul-lee.html"]
    assert all((app.outdir / link).is_file() for link in links)
    # Their talks are on their page, newest first.
    talks = read(app, "speakers/ada-park.html").select(".event-session-title")
    assert [p.get_text(" ", strip=True) for p in talks] == ["Compilers", "Tensors"]


@pytest.mark.sphinx("html", testroot="events", confoverrides={"language": "ko"})
def test_feed_entries(app) -> None:
    app.build()
    feed = feedparser.parse((app.outdir / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "테스트 아카이브"
    assert feed.feed.language == "ko"
    assert [e.link for e in feed.entries] == [
        f"{BASE}/ko/latest/events/{name}.html"
        for name in ("2025-05-05-delta", "2024-11-15-gamma", "2024-02-01-beta", "2023-06-10-alpha")
    ]
    gamma = next(e for e in feed.entries if "gamma" in e.link)
    assert gamma.summary == "감마 컨퍼런스."
    assert gamma.published.startswith("2024-11-15T10:00:00+09:00")
    assert gamma.author == "최다나"
    page = read(app, "index.html")
    link = page.find("link", type="application/atom+xml")
    assert link["href"] == f"{BASE}/ko/latest/feed.xml"


def sitemap_pages(app) -> dict[str, ET.Element]:
    """The sitemap's entries by address."""
    urls = ET.parse(app.outdir / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    return {u.find(f"{SITEMAP}loc").text: u for u in urls}


def written_urls(app) -> set[str]:
    """The address of every page the build wrote but those the sitemap leaves out."""
    return {
        f"{BASE}/en/latest/{path.relative_to(app.outdir).as_posix()}"
        for path in app.outdir.rglob("*.html")
        if path.name not in app.config.sitemap_excludes and "_static" not in path.parts
    }


@pytest.mark.sphinx("html", testroot="events")
def test_sitemap_alternates_and_robots(app) -> None:
    app.build()
    pages = sitemap_pages(app)
    gamma = f"{BASE}/en/latest/events/2024-11-15-gamma.html"
    assert gamma in pages
    alternates = {
        link.get("hreflang"): link.get("href") for link in pages[gamma].findall(f"{XHTML}link")
    }
    assert alternates == {"en": gamma, "ko": gamma.replace("/en/", "/ko/")}
    assert not any(loc.endswith(("search.html", "genindex.html")) for loc in pages)
    assert set(pages) == written_urls(app)
    robots = (app.outdir / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {BASE}/en/latest/sitemap.xml" in robots
    assert f"Sitemap: {BASE}/ko/latest/sitemap.xml" in robots
    # A build that writes in one process gathers the links in a plain queue:
    # no manager process is started for it (sphinx-sitemap starts one in
    # every build; pytorchkr_archive.pages.discovery.gather_sitemap_links).
    assert type(app.sitemap_links) is queue.Queue
    assert multiprocessing.active_children() == []


@pytest.mark.sphinx("html", testroot="events", parallel=2, freshenv=True)
def test_a_build_that_writes_in_parallel_lists_every_page(app) -> None:
    """With ``-j``, the pages written by the other processes are in the sitemap too."""
    app.build()
    assert app.builder.parallel_ok
    assert type(app.sitemap_links) is not queue.Queue
    assert set(sitemap_pages(app)) == written_urls(app)


@pytest.mark.sphinx("html", testroot="events")
def test_the_sitemap_extensions_handler_is_replaced_or_named(app) -> None:
    """sphinx-sitemap's own handler is disconnected; were it not connected (a
    new version of it), the replacement says so instead of being bypassed."""
    handlers = [listener.handler for listener in app.events.listeners["builder-inited"]]
    assert sphinx_sitemap.record_builder_type not in handlers
    assert gather_sitemap_links in handlers
    with pytest.raises(ExtensionError, match=r"record_builder_type is not connected"):
        replace_listener(
            app, "builder-inited", sphinx_sitemap.record_builder_type, gather_sitemap_links
        )


def broken_root(tmp_path: Path, name: str, old: str, new: str) -> Path:
    root = tmp_path / "root"
    shutil.copytree(ROOT, root)
    path = root / "events" / f"{name}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


GAMMA = "2024-11-15-gamma"
BAD_METADATA = {
    "missing field": (
        '  summary: "The gamma conference."\n',
        "",
        2,
        "event.summary",
        "required, and missing: add a 'summary:' line",
    ),
    "unknown field": ("  city:", "  ciy: x\n  city:", 7, "event.ciy", "unknown field"),
    "a translation in the front matter": (
        "city: Daejeon",
        "city: {en: Daejeon, ko: 대전}",
        7,
        "event.city",
        "its translations are in the page's catalog",
    ),
    "recaps keyed by something else": (
        "    ko: https://example.com/ko/gamma",
        "    korean language: https://example.com/ko/gamma",
        14,
        "event.recaps",
        "is not a language code",
    ),
    "malformed date": ("date: 2024-11-15", "date: 2024-13-15", 3, "event.date", "YYYY-MM-DD"),
    "malformed time": ('start: "10:00"', 'start: "10h"', 4, "event.start", '"HH:MM"'),
    "unquoted time": ('start: "10:00"', "start: 10:00", 4, "event.start", "in quotes"),
    "bad URL": (
        "url: https://example.com/",
        "url: example dot com",
        12,
        "event.sponsor.url",
        "https://",
    ),
    "bad time zone": (
        "timezone: Asia/Seoul",
        "timezone: Mars/Base",
        6,
        "event.timezone",
        "unknown time zone",
    ),
    "date not the file's": (
        "date: 2024-11-15",
        "date: 2024-11-16",
        3,
        "event.date",
        "rename the page to events/2024-11-16-gamma.md",
    ),
}


@pytest.mark.parametrize("case", BAD_METADATA, ids=list(BAD_METADATA))
def test_bad_metadata_is_named_by_file_line_and_field(tmp_path: Path, case: str) -> None:
    old, new, line, field, words = BAD_METADATA[case]
    root = broken_root(tmp_path, GAMMA, old, new)
    _, problems = collect(root)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.path, problem.line, problem.field) == (f"events/{GAMMA}.md", line, field)
    assert words in problem.message


def test_duplicate_slug_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(ROOT, root)
    shutil.copy2(root / "events" / f"{GAMMA}.md", root / "events" / "2026-01-01-gamma.md")
    _, problems = collect(root)
    assert [(p.path, p.field) for p in problems if p.field == "slug"] == [
        ("events/2026-01-01-gamma.md", "slug")
    ]


CHECK_EVENTS = "pytorchkr_archive.events.facts.check_events"


def run_check_events(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", CHECK_EVENTS, "--source", str(root)],
        capture_output=True,
        text=True,
        check=False,
        cwd=PROJECT,
    )


def test_check_events_and_the_build_refuse_bad_metadata(tmp_path: Path) -> None:
    root = broken_root(tmp_path, GAMMA, "  city:", "  ciy: x\n  city:")
    process = run_check_events(root)
    assert process.returncode == 1
    assert f"events/{GAMMA}.md:7: event.ciy: unknown field" in process.stdout
    assert "Traceback" not in process.stdout + process.stderr
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            str(root),
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=PROJECT,
    )
    assert build.returncode != 0
    assert f"{GAMMA}.md:7: WARNING: event.ciy: unknown field" in build.stderr
    assert "Traceback" not in build.stderr


def test_the_real_events_are_valid() -> None:
    process = run_check_events(PROJECT)
    assert process.returncode == 0, process.stdout
    assert "0 problem(s) in 13 event page(s)" in process.stdout
