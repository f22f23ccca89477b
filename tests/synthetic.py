"""A synthetic archive at a scale where every listing, feed and search is capped.

A copy of the project keeps its first event and grows events a week apart
going back from a few weeks after it, of front matter only (a title, the
facts, a summary, two talks by speakers of a pool), each with a Korean
catalog for its title, places and summary; every event is in a series, one
in ten in a second.  At :data:`EVENTS` it holds more than a year of weekly
events (a year's page as full as a year can be), a series long enough to go
by year, more events than the feeds and calendars hold, and people enough
for a speakers index of many rows; yet it builds in seconds.  The tests of
listing sizes, feeds and a search's bytes share one build of it
(``small_archive`` in tests/conftest.py); ``make bench`` measures the same
pages, feeds and searches at 1,000 events (docs/benchmarks.md).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytorchkr_archive.sitebuild.sources import keep_only_events

EVENTS = 110
PEOPLE = 150
#: The build's clock: the three newest synthetic events are still ahead.
NOW = "2025-04-01T12:00:00+09:00"
AHEAD = 3
FIRST = dt.date(2025, 3, 30)
#: A word of every event's title, in each language: a search that finds them all.
EVERY_EVENT = {"en": "PyTorch", "ko": "파이토치"}

PAGE = """\
---
event:
  date: {date}
  start: "19:00"
  end: "21:00"
  timezone: Asia/Seoul
  city: Seoul
  country: Republic of Korea
  summary: "Synthetic meetup {n}: two talks on training and serving models with PyTorch."
  group_ids: [{series}]
  organizations: []
  sessions:
    - uid: first
      title: "Talk {n}a: scaling PyTorch training"
      speakers:
        - name: Speaker Number {a}
    - uid: second
      title: "Talk {n}b: serving models in production"
      speakers:
        - name: Speaker Number {b}
---

# Synthetic meetup {n}: PyTorch in practice
"""

CATALOG = """\
msgid ""
msgstr ""
"Project-Id-Version: PyTorch Korea User Group Event Archive \\n"
"Language: ko\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Content-Transfer-Encoding: 8bit\\n"

msgid "Synthetic meetup {n}: PyTorch in practice"
msgstr "합성 밋업 {n}: 실전 파이토치"

msgctxt "event city"
msgid "Seoul"
msgstr "서울"

msgctxt "event country"
msgid "Republic of Korea"
msgstr "대한민국"

msgctxt "event summary"
msgid "Synthetic meetup {n}: two talks on training and serving models with PyTorch."
msgstr "{n}번째 합성 밋업: 파이토치로 모델을 학습하고 서비스하는 두 개의 발표."
"""


def name_of(n: int) -> str:
    """The page name of synthetic event ``n`` (1 is the newest)."""
    date = FIRST - dt.timedelta(weeks=n - 1 - AHEAD)
    return f"{date.isoformat()}-synthetic-{n:04d}"


def grow(project: Path, events: int = EVENTS, people: int = PEOPLE) -> None:
    """Keep only the project's first event, and add ``events`` synthetic ones
    with their Korean catalogs."""
    keep_only_events(project, "events/2025-03-30-pytorch-core-conference")
    catalogs = project / "locale" / "ko" / "LC_MESSAGES" / "events"
    for n in range(1, events + 1):
        name = name_of(n)
        series = "tech-seminars, coresig" if n % 10 == 0 else "tech-seminars"
        page = PAGE.format(
            n=n, date=name[:10], series=series, a=n % people, b=(n * 7 + 1) % people
        )
        (project / "events" / f"{name}.md").write_text(page, encoding="utf-8")
        (catalogs / f"{name}.po").write_text(CATALOG.format(n=n), encoding="utf-8")
