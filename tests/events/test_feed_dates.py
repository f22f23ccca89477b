"""Feeds and cards in step with time: an entry is published when its page was,
updated when what it shows changed, never in the future; registration only ahead.

The organizer's steps on copies of the project: ``make new-event`` for a date
ahead, every TODO filled in, the site built (both languages, warnings as
errors) with the clock a month before the event, then a minute after it
ended.  Once without ``.git`` (the tests' copies, dated by the events'
facts), once in a git repository whose commits have fixed dates (the
announcement, then the recap, then a revised Korean catalog), and once in
a shallow clone of it, built as Read the Docs builds, before and after the
``git fetch --unshallow`` of ``.readthedocs.yaml``.  Feeds are read back with
feedparser.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sys
from pathlib import Path

import feedparser
import pytest
import yaml

from pytorchkr_archive.events.facts.collection import collect
from pytorchkr_archive.events.for_machines import feeds
from pytorchkr_archive.events.for_machines.feeds import History, entry_dates, read_history
from pytorchkr_archive.sitebuild.sources import keep_only_events
from tests.conftest import (
    EVENT,
    LANGUAGES,
    PROJECT,
    TESTS,
    copy_project,
    require_tool,
    run,
)
from tests.helpers import build_languages, once_per_run, soup

NEW = "events/2027-01-20-winter-meetup"
REGISTRATION = "https://event-us.kr/pytorchkr/event/999999"
#: The clocks of the builds: a month before the event, a minute after its
#: end (18:00 in Seoul), and three weeks after it.
ANNOUNCED = "2026-12-01T12:00:00+09:00"
AFTER = "2027-01-20T09:01:00+00:00"
LATER = "2027-02-10T12:00:00+09:00"
#: The new event, and the first one, as their pages state them.
START, END = "2027-01-20T13:00:00+09:00", "2027-01-20T18:00:00+09:00"
FIRST_START, FIRST_END = "2025-03-30T13:00:00+09:00", "2025-03-30T18:00:00+09:00"
#: When the organizer last saved the new page, without git.
SAVED = "2026-11-30T10:00:00+09:00"
#: The commits: the archive with its first event; the new event announced;
#: its recap replacing the announcement; the first event's Korean catalog revised.
ARCHIVE = "2025-04-02T10:00:00+09:00"
ANNOUNCEMENT = "2026-11-20T09:00:00+09:00"
RECAP = "2027-01-25T10:00:00+09:00"
REVISION = "2027-02-03T10:00:00+09:00"
FIRST_CATALOG = f"locale/ko/LC_MESSAGES/{EVENT}.po"
#: What the organizer writes in place of each TODO of the new page, by field.
FACTS = {
    "start": '"13:00"',
    "end": '"18:00"',
    "city": "Seoul",
    "registration": REGISTRATION,
    "summary": '"A winter meetup of the group, with two talks on compilers."',
    "announcement": '"Registration is open: two talks on compilers."',
    "uid": "compilers",
    "title": "Compilers for PyTorch",
    "name": "Jane Doe",
}
BODY = "The group meets in Seoul for two talks on compilers."
RECAP_BODY = "Forty people came to Seoul for two talks on compilers; here is what was said."


def time(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


def fill_todos(text: str) -> str:
    """The new page as the organizer finishes it: every TODO replaced by a fact,
    the commented-out optional fields and their help left out."""
    _, front, body = text.split("---\n", 2)
    lines = []
    for line in front.splitlines():
        if "TODO" not in line:
            lines.append(line)
        elif not line.lstrip().startswith("#"):
            indent, key = re.match(r"^(\s*(?:- )?)(\w+):", line).groups()
            lines.append(f"{indent}{key}: {FACTS[key]}")
    body = re.sub(r"^# TODO.*$", "# Winter meetup", body, flags=re.M)
    body = re.sub(r"^##+ TODO.*$", "## The talks", body, flags=re.M)
    body = re.sub(r"^TODO.*$", BODY, body, flags=re.M)
    filled = "---\n" + "\n".join(lines) + "\n---\n" + body
    assert "TODO" not in filled, filled
    return filled


def new_event(project: Path, date: str = "2027-01-20", slug: str = "winter-meetup") -> Path:
    """``make new-event`` for a date ahead, and its TODOs filled."""
    environ = {**os.environ, "ARCHIVE_NOW": ANNOUNCED}
    command = [sys.executable, "-m", "pytorchkr_archive.events.facts.new_event"]
    run([*command, "--date", date, "--slug", slug], cwd=project, env=environ)
    page = project / "events" / f"{date}-{slug}.md"
    page.write_text(fill_todos(page.read_text(encoding="utf-8")), encoding="utf-8")
    return page


def build(project: Path, now: str) -> Path:
    return build_languages(project, env={**os.environ, "ARCHIVE_NOW": now})


def build_like_read_the_docs(project: Path, lang: str, now: str) -> Path:
    """One language, as Read the Docs runs sphinx-build, at the clock ``now``."""
    out = project / "_readthedocs" / "html"
    environ = {**os.environ, "ARCHIVE_NOW": now}
    command = [sys.executable, "-m", "sphinx", "-T", "-W", "--keep-going", "-b", "html",
               "-D", f"language={lang}", ".", str(out)]  # fmt: skip
    run(command, cwd=project, env=environ)
    return out


def git(repo: Path, *args: str, date: str | None = None) -> str:
    """Git in ``repo``, whatever this machine's configuration; commits at ``date``."""
    environ = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Organizer",
        "GIT_AUTHOR_EMAIL": "organizer@example.org",
        "GIT_COMMITTER_NAME": "Organizer",
        "GIT_COMMITTER_EMAIL": "organizer@example.org",
    }
    if date:
        environ |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    tool = require_tool("git", "Debian: apt-get install git")
    return run([tool, *args], cwd=repo, env=environ)


def commit(repo: Path, message: str, date: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)


def keep(site: Path, folder: Path) -> Path:
    shutil.copytree(site, folder)
    return folder


Dates = tuple[dt.datetime, dt.datetime]


def entries(folder: Path) -> tuple[dt.datetime, dict[str, Dates]]:
    """The ``updated`` of the feed in ``folder``, and each entry's
    ``published`` and ``updated``, by page."""
    feed = feedparser.parse((folder / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    found = {
        "events/" + entry.link.rsplit("/", 1)[1].removesuffix(".html"): (
            time(entry.published),
            time(entry.updated),
        )
        for entry in feed.entries
    }
    return time(feed.feed.updated), found


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Without git: the site a month before the new event, then after it (in place)."""

    def make(folder: Path) -> dict[str, Path]:
        project = copy_project(folder / "project")
        keep_only_events(project, EVENT)  # the first event and the new one
        page = new_event(project)
        saved = time(SAVED).timestamp()
        os.utime(page, (saved, saved))
        before = keep(build(project, ANNOUNCED), folder / "before")
        return {"before": before, "after": build(project, AFTER)}

    return once_per_run(tmp_path_factory, "feed-dates-no-git", make)


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """In a git repository: the site once the event was announced, and three
    weeks after it; then a shallow clone built in Korean, before and after
    unshallowing it."""

    def make(folder: Path) -> dict[str, Path]:
        project = copy_project(folder / "project")
        keep_only_events(project, EVENT)  # the first event and the new one
        page = new_event(project)
        announced = page.read_text(encoding="utf-8")
        page.unlink()
        (project / ".gitignore").write_text("/_build/\n/_readthedocs/\n*.mo\n__pycache__/\n")
        git(project, "init", "-q", "-b", "main")
        commit(project, "The archive and its first event", ARCHIVE)
        page.write_text(announced, encoding="utf-8")
        commit(project, "Announce the winter meetup", ANNOUNCEMENT)
        sites = {"announced": keep(build(project, ANNOUNCED), folder / "announced")}
        page.write_text(announced.replace(BODY, RECAP_BODY), encoding="utf-8")
        commit(project, "The winter meetup's recap replaces its announcement", RECAP)
        catalog = project / FIRST_CATALOG
        text = catalog.read_text(encoding="utf-8")
        revision = "PO-Revision-Date: 2027-02-03 01:00+0000"
        revised = re.sub(r"PO-Revision-Date: [^\\]*", revision, text)
        assert revised != text
        catalog.write_text(revised, encoding="utf-8")
        commit(project, "Korean: the first event's catalog revised", REVISION)
        # A page being written, not committed yet.
        new_event(project, "2027-02-05", "spring-hackathon")
        sites["later"] = build(project, LATER)
        clone = folder / "clone"
        git(folder, "clone", "-q", "--depth", "1", project.as_uri(), str(clone))
        assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
        shallow = build_like_read_the_docs(clone, "ko", LATER)
        sites["shallow"] = keep(shallow, folder / "shallow")
        git(clone, "fetch", "-q", "--unshallow")
        sites["unshallowed"] = build_like_read_the_docs(clone, "ko", LATER)
        return sites

    return once_per_run(tmp_path_factory, "feed-dates-git", make)


# -- Without git: the reproduction -----------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("build_", "clock"), [("before", ANNOUNCED), ("after", AFTER)])
def test_no_date_is_after_the_clock(sites, lang: str, build_: str, clock: str) -> None:
    updated, found = entries(sites[build_] / lang)
    assert set(found) == {EVENT, NEW}
    for page, (published, changed) in found.items():
        assert published <= changed <= time(clock), page
    assert updated == max(changed for _, changed in found.values())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_recap_replacing_the_announcement_is_an_update(sites, lang: str) -> None:
    _, before = entries(sites["before"] / lang)
    _, after = entries(sites["after"] / lang)
    # Ahead, without history: when the organizer last saved the page.
    assert before[NEW] == (time(SAVED), time(SAVED))
    # Over: the event's start and end, later than before.
    assert after[NEW] == (time(START), time(END))
    assert after[NEW][1] > before[NEW][1]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_past_event_has_the_same_dates_in_every_build(sites, lang: str) -> None:
    for site in ("before", "after"):
        assert entries(sites[site] / lang)[1][EVENT] == (time(FIRST_START), time(FIRST_END))


def registration_links(site: Path, lang: str, page: str, where: str) -> list[str]:
    html = soup(site / lang / f"{page}.html")
    # The card's sources may name the same page: they are not an offer to register.
    links = html.select(f"{where} a.event-registration")
    return [a["href"] for a in links if "event-us.kr" in a["href"]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_only_an_event_ahead_offers_its_registration(sites, lang: str) -> None:
    before = soup(sites["before"] / lang / f"{NEW}.html").select_one(".event-card")
    first = before.find("dd").find("a")
    assert first["href"] == REGISTRATION and "event-registration" in first["class"]
    assert registration_links(sites["before"], lang, "index", ".event-list") == [REGISTRATION]
    for page in (NEW, EVENT):
        assert registration_links(sites["after"], lang, page, ".event-card") == [], page
        card = soup(sites["after"] / lang / f"{page}.html").select_one(".event-card")
        assert len(card.find_all("dt")) == len(card.find_all("dd"))
    assert registration_links(sites["after"], lang, "index", ".event-list") == []
    assert registration_links(sites["before"], lang, EVENT, ".event-card") == []


# -- In a git repository -------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_announced_entries_are_dated_by_their_commits(repository, lang: str) -> None:
    updated, found = entries(repository["announced"] / lang)
    assert found[NEW] == (time(ANNOUNCEMENT), time(ANNOUNCEMENT))
    assert found[EVENT] == (time(ARCHIVE), time(ARCHIVE))
    assert updated == time(ANNOUNCEMENT)


def test_the_recap_and_a_translation_are_updates_in_their_language(repository) -> None:
    en_updated, en = entries(repository["later"] / "en")
    ko_updated, ko = entries(repository["later"] / "ko")
    # The recap changed the page: an update in every language.
    assert en[NEW] == ko[NEW] == (time(ANNOUNCEMENT), time(RECAP))
    # The revised Korean catalog is an update of the Korean entry only.
    assert en[EVENT] == (time(ARCHIVE), time(ARCHIVE))
    assert ko[EVENT] == (time(ARCHIVE), time(REVISION))
    # A page not committed yet is being published now.
    later = "events/2027-02-05-spring-hackathon"
    assert en[later] == ko[later] == (time(LATER), time(LATER))
    assert en_updated == ko_updated == time(LATER)


def test_a_shallow_clone_is_dated_by_the_facts_until_unshallowed(repository) -> None:
    _, shallow = entries(repository["shallow"])
    assert shallow[EVENT] == (time(FIRST_START), time(FIRST_END))
    assert shallow[NEW] == (time(START), time(END))
    _, whole = entries(repository["unshallowed"])
    assert whole[EVENT] == (time(ARCHIVE), time(REVISION))
    assert whole[NEW] == (time(ANNOUNCEMENT), time(RECAP))


def test_read_the_docs_unshallows_its_clone() -> None:
    config = yaml.safe_load((PROJECT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["build"]["jobs"]["post_checkout"] == ["git fetch --unshallow || true"]


# -- The history and the rules, without a build ---------------------------------


def test_history_of_a_project_in_a_subfolder(tmp_path: Path) -> None:
    """Paths relative to the project; a merge publishes when merged; the work
    tree's changes and new files are uncommitted; the rest is ignored."""
    project = tmp_path / "site"
    (project / "events").mkdir(parents=True)
    git(tmp_path, "init", "-q", "-b", "main")
    (project / "events" / "a.md").write_text("a\n")
    (tmp_path / "README.md").write_text("elsewhere\n")
    commit(tmp_path, "a", "2025-01-01T00:00:00+09:00")
    git(tmp_path, "checkout", "-q", "-b", "feature")
    (project / "events" / "b.md").write_text("b\n")
    commit(tmp_path, "b", "2025-02-01T00:00:00+09:00")
    git(tmp_path, "checkout", "-q", "main")
    (project / "events" / "a.md").write_text("a, revised\n")
    commit(tmp_path, "a revised", "2025-02-15T00:00:00+09:00")
    git(tmp_path, "merge", "-q", "--no-ff", "feature", "-m", "merge", date="2025-03-01T00:00:00Z")
    (project / "events" / "b.md").write_text("b, being revised\n")
    (project / "events" / "c.md").write_text("c\n")
    history = read_history(project, ["events"])
    assert history == History(
        added={
            "events/a.md": time("2025-01-01T00:00:00+09:00"),
            "events/b.md": time("2025-03-01T00:00:00+00:00"),
        },
        changed={
            "events/a.md": time("2025-02-15T00:00:00+09:00"),
            "events/b.md": time("2025-03-01T00:00:00+00:00"),
        },
        uncommitted=frozenset({"events/b.md", "events/c.md"}),
    )
    now = time("2025-06-01T00:00:00+00:00")
    first, revised = time("2025-01-01T00:00:00+09:00"), time("2025-02-15T00:00:00+09:00")
    assert history.dates(["events/a.md"], now) == (first, revised)
    assert history.dates(["events/b.md"], now) == (time("2025-03-01T00:00:00+00:00"), now)
    assert history.dates(["events/c.md"], now) == (now, now)


def test_no_history_without_git_a_whole_clone_or_a_commit(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "a.md").write_text("a\n")
    assert read_history(tmp_path, ["events"]) is None  # not a repository
    git(tmp_path, "init", "-q", "-b", "main")
    assert read_history(tmp_path, ["events"]) is None  # no commit yet
    commit(tmp_path, "a", "2025-01-01T00:00:00+09:00")
    assert read_history(tmp_path, ["events"]) is not None
    assert read_history(tmp_path, ["elsewhere"]) is None  # no commit of these folders
    monkeypatch.setattr(feeds, "GIT", ("no-such-git-here",))
    assert read_history(tmp_path, ["events"]) is None


def test_dates_are_clamped_to_the_clock() -> None:
    """A preview at a clock before the commits (``ARCHIVE_NOW`` in the past)."""
    pages, _ = collect(TESTS / "roots" / "test-events")
    gamma = next(p for p in pages if p.slug == "gamma")  # 2024-11-15, ends 17:30 in Seoul
    files = ["events/2024-11-15-gamma.md"]
    future = time("2030-01-01T00:00:00+00:00")
    history = History({files[0]: future}, {files[0]: future}, frozenset())
    now = time("2024-11-14T00:00:00+00:00")
    assert entry_dates(gamma, files, now, history, TESTS) == (now, now)
    # Over, with an announcement committed long before and never changed since.
    old = time("2024-10-01T00:00:00+00:00")
    history = History({files[0]: old}, {files[0]: old}, frozenset())
    now = time("2024-12-01T00:00:00+00:00")
    assert entry_dates(gamma, files, now, history, TESTS) == (old, gamma.event.ends)
