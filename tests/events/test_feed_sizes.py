"""The feed and the calendars stay under the page budget however many events there are.

A reader's feed reader and calendar app download ``feed.xml`` and
``events.ics`` again at every refresh: each holds the recent events only
(:data:`~pytorchkr_archive.events.feeds.FEED_ENTRIES`,
:data:`~pytorchkr_archive.events.calendars.RECENT_PAST`), and each year's
calendar holds that year's events.  Built here, in both languages with
warnings as errors, on the events test root with 200 generated events
(front matter and a title, a week apart, each with its Korean catalog) and
the clock fixed so that some are still ahead.  200, because a file of every
event passes the budget near 160 of them, and because each file then holds
as many events as it would at 1,000 (a Sphinx page costs about 0.1 s to
build: 1,000 would take minutes); ``make bench --sizes`` measures them at
1,000 (docs/benchmarks.md).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import feedparser
import icalendar
import pytest

from pytorchkr_archive.catalogs.files import render, to_catalog
from pytorchkr_archive.catalogs.reader import read
from pytorchkr_archive.events.calendars import RECENT_PAST, YEAR_CALENDAR
from pytorchkr_archive.events.feeds import FEED_ENTRIES
from pytorchkr_archive.sitebuild.site import sphinx_command
from tests.conftest import LANGUAGES, PROJECT, TESTS, run

ROOT = TESTS / "roots" / "test-events"
EVENTS = 200
#: The budget every listing, index, feed and calendar page stays under
#: (``tests/in_browser/test_page_weight.py`` holds the pages to it).
BUDGET = 130 * 1024
#: The last generated event's day; the clock is four weeks before it, at
#: noon: five events are still ahead (that day's ends at 18:00).
LAST = dt.date(2027, 6, 6)
NOW = "2027-05-09T12:00:00+09:00"
AHEAD = 5
#: The root's conf.py finds the package two folders up: not in a copy.
ENVIRON = {**os.environ, "ARCHIVE_NOW": NOW, "PYTHONPATH": str(PROJECT)}
SUMMARY = (
    "A day of talks and hands-on sessions on training, compilers and serving "
    "models with PyTorch, number {n}, with a panel of the group's maintainers."
)
KOREAN_SUMMARY = (
    "파이토치로 모델을 학습하고 컴파일하고 서비스하는 발표와 실습의 하루, {n}번째 모임, "
    "사용자 모임 메인테이너들의 패널 토크와 함께."
)
PAGE = """---
event:
  date: {date}
  start: "13:00"
  end: "18:00"
  timezone: Asia/Seoul
  city: Seoul
  country: Republic of Korea
  summary: "{summary}"
---

# Synthetic event {n}
"""
CATALOG = """msgid ""
msgstr ""
"Project-Id-Version: Test archive VERSION\\n"
"Report-Msgid-Bugs-To: EMAIL@ADDRESS\\n"
"POT-Creation-Date: 2026-12-01 19:14+0000\\n"
"PO-Revision-Date: 2026-12-01 19:14+0000\\n"
"Last-Translator: Tests\\n"
"Language: ko\\n"
"Language-Team: Tests\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Generated-By: Babel 2.18.0\\n"

msgid "Synthetic event {n}"
msgstr "합성 행사 {n}"

msgctxt "event city"
msgid "Seoul"
msgstr "서울"

msgctxt "event country"
msgid "Republic of Korea"
msgstr "대한민국"

msgctxt "event summary"
msgid "{summary}"
msgstr "{korean}"
"""


def generate(project: Path, events: int) -> None:
    """``events`` events a week apart, ending at :data:`LAST`, each with its catalog."""
    catalogs = project / "locale" / "ko" / "LC_MESSAGES" / "events"
    for n in range(events):
        date = LAST - dt.timedelta(weeks=n)
        name = f"{date.isoformat()}-synthetic-{n:04d}"
        summary = SUMMARY.format(n=n)
        page = PAGE.format(date=date.isoformat(), summary=summary, n=n)
        (project / "events" / f"{name}.md").write_text(page, encoding="utf-8")
        text = CATALOG.format(n=n, summary=summary, korean=KOREAN_SUMMARY.format(n=n))
        # In the archive's format, as make update-po writes it: the gate checks it.
        data = render(to_catalog(read(text.encode("utf-8"))))
        (catalogs / f"{name}.po").write_bytes(data)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive of :data:`EVENTS` events, built in both languages."""
    project = tmp_path_factory.mktemp("sizes") / "project"
    shutil.copytree(ROOT, project)
    generate(project, EVENTS)
    out, doctrees = Path("_build/html"), Path("_build/doctrees")
    for lang in LANGUAGES:
        run(sphinx_command(Path(), out, doctrees, lang, ["-q"]), cwd=project, env=ENVIRON)
    return project / out


def sizes(site: Path, lang: str) -> dict[str, int]:
    """The feed's and the calendars' sizes in bytes, by name."""
    files = [site / lang / "feed.xml", *sorted((site / lang).glob("events*.ics"))]
    return {path.name: path.stat().st_size for path in files}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feed_and_calendars_stay_under_the_budget(site: Path, lang: str) -> None:
    found = sizes(site, lang)
    first = (LAST - dt.timedelta(weeks=EVENTS - 1)).year
    assert {"feed.xml", "events.ics", f"events-{first}.ics", "events-2027.ics"} <= set(found)
    over = {name: size for name, size in found.items() if size >= BUDGET}
    assert not over, f"over {BUDGET} bytes: {over}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feed_holds_the_latest_entries(site: Path, lang: str) -> None:
    feed = feedparser.parse((site / lang / "feed.xml").read_bytes())
    assert len(feed.entries) == FEED_ENTRIES
    links = {entry.link.rsplit("/", 1)[-1] for entry in feed.entries}
    # Without git history, an entry's updated is its event's end: the latest events.
    assert "2027-06-06-synthetic-0000.html" in links
    assert f"{(LAST - dt.timedelta(weeks=FEED_ENTRIES - 1)).isoformat()}-synthetic-" in str(links)
    assert not any(link.startswith("2023-") for link in links)


def events_in(path: Path) -> list[str]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return [str(event["UID"]).split("@")[0] for event in calendar.walk("VEVENT")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_calendars_hold_what_is_ahead_the_recent_past_and_each_year(site: Path, lang: str) -> None:
    subscribed = events_in(site / lang / "events.ics")
    assert len(subscribed) == AHEAD + RECENT_PAST
    assert subscribed[-1] == "2027-06-06-synthetic-0000"
    years = sorted((site / lang).glob("events-*.ics"))
    assert all(YEAR_CALENDAR.fullmatch(path.name) for path in years)
    every = [uid for path in years for uid in events_in(path)]
    generated = [uid for uid in every if "synthetic" in uid]
    assert len(generated) == EVENTS and len(set(every)) == len(every)
    for path in years:
        year = path.name.removeprefix("events-").removesuffix(".ics")
        assert all(uid.startswith(year) for uid in events_in(path))


def test_unchanged_rebuild_writes_no_calendar(site: Path) -> None:
    """A build that changes nothing leaves the feed and calendars as they were."""
    project = site.parent.parent
    before = {
        path: path.stat().st_mtime_ns
        for path in (site / "ko").rglob("*")
        if path.suffix in (".ics", ".xml") and path.name != "sitemap.xml"
    }
    command = sphinx_command(Path(), Path("_build/html"), Path("_build/doctrees"), "ko", ["-q"])
    run(command, cwd=project, env=ENVIRON)
    after = {path: path.stat().st_mtime_ns for path in before}
    assert len(before) > EVENTS and after == before
