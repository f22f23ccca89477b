"""An Atom feed per language, ``feed.xml``: an entry per event page, the recent ones.

Written with feedgen after the HTML build, with absolute URLs from the
language's base URL (:func:`pytorchkr_archive.pages.languages.base_url`), the
event's summary, and the page's title in that language.  The feed holds the
:data:`FEED_ENTRIES` entries updated last, as feeds commonly do: a reader
polls it for what changed since it last looked, and a feed of every event
would outgrow the page budget (130 KB) near 150 events; the whole archive is
on the site and in its calendars.  It is written only when its bytes change.

A feed reader shows an entry again when its ``updated`` changes, and sorts by
it, so the dates say what happened to the page, never what the event is: an
entry is *published* when its page first was, and *updated* when what it shows
changed (the recap replacing the announcement is an update), never after the
build's clock (:mod:`.schedule`).  The repository's history knows both, when
the project is a git work tree with its whole history: it is read once per
build (:func:`read_history`, one ``git log`` and one ``git status`` whatever
the number of events).  Without it (a copy without ``.git``, a shallow clone)
the dates come from the event's facts (:func:`entry_dates`).  docs/events.md,
"Feed dates", gives the rules.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from weakref import WeakKeyDictionary

from feedgen.feed import FeedGenerator
from sphinx.application import Sphinx
from sphinx.util import logging

from pytorchkr_archive.events.facts.built import EventsBuilt, events_built, title_of
from pytorchkr_archive.events.facts.collection import EventPage
from pytorchkr_archive.events.facts.schedule import is_upcoming
from pytorchkr_archive.pages.site_pages import write_if_changed

FEED = "feed.xml"
#: How many entries the feed holds: those updated last (about 0.7 KB each).
FEED_ENTRIES = 50

logger = logging.getLogger(__name__)

#: Git with its output the same whatever the user's configuration: paths
#: unquoted, and no lock taken on the index (two languages build at once).
GIT = ("git", "-c", "core.quotePath=false", "--no-optional-locks")
#: How long git may take before the build does without it (seconds).
GIT_TIMEOUT = 120
#: Starts each commit in ``git log``'s output: a character no path holds.
COMMIT_MARK = "\x1e"
#: Whether the project is in a work tree, whether its clone is shallow, and
#: where the project is in the repository (``git rev-parse``).
WHERE = ("--is-inside-work-tree", "--is-shallow-repository", "--show-prefix")
#: Each commit of the branch built (first parents only, a merge compared with
#: its first parent): its committer date, then each file it added (``A``),
#: modified or deleted, relative to the project.  Renames are an addition and
#: a deletion: the entry's URL, its identity, changes with the file's name.
LOG = (
    "--first-parent",
    "--diff-merges=first-parent",
    "--no-renames",
    f"--format={COMMIT_MARK}%cI",
    "--name-status",
    "--relative",
)
#: Every file that differs from the last commit, untracked ones too, one
#: ``XY path`` entry each, NUL-terminated (``git status``).
STATUS = ("--porcelain", "-z", "--untracked-files=all", "--no-renames")


@dataclass(frozen=True)
class History:
    """What the repository says of the files entries are made of (paths
    relative to the project, ``/``-separated).

    Committer dates, not author dates: a commit reaches the branch the site is
    built from when it is committed there (a rebase or a merge of a pull
    request), not when it was first written.
    """

    #: The oldest commit that added each file.
    added: dict[str, dt.datetime]
    #: The newest commit that changed each file (added, modified or deleted).
    changed: dict[str, dt.datetime]
    #: Files whose content is not the last commit's: untracked, modified or
    #: staged; their change is happening now.
    uncommitted: frozenset[str]

    def dates(self, files: Sequence[str], now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
        """When the entry of ``files`` (its page first, then its catalog) was
        first published and last changed, an uncommitted change counting as
        ``now``; a page that was never committed is being published now."""
        page = files[0]
        published = self.added.get(page, now)
        if any(name in self.uncommitted for name in files):
            return published, now
        return published, max((self.changed[n] for n in files if n in self.changed), default=now)


def _git(cwd: Path, *args: str) -> str | None:
    """Git's output, or None where there is no git, no repository, or an error:
    the feed is then dated without history, never the build stopped."""
    try:
        process = subprocess.run(
            [*GIT, *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return process.stdout if process.returncode == 0 else None


def read_history(srcdir: Path, folders: Iterable[str]) -> History | None:
    """The history of every file under ``folders`` (relative to ``srcdir``), or
    None when it cannot be had whole.

    None when the project is not in a git work tree, when the clone is shallow
    (its oldest commit would claim every file as added that day: Read the
    Docs clones shallowly, and ``.readthedocs.yaml`` unshallows), and when no
    commit touched the folders (the project copied into another repository).
    The first parent only, with merges compared to it: a page is published
    when it reached the branch being built, not when its pull request began.
    """
    state = _git(srcdir, "rev-parse", *WHERE)
    if state is None:
        return None
    inside, shallow, prefix = [*state.split("\n"), "", ""][:3]
    if inside != "true" or shallow != "false":
        return None
    paths = ("--", *sorted(set(folders)))
    log = _git(srcdir, "log", *LOG, *paths)
    status = _git(srcdir, "status", *STATUS, *paths)
    if log is None or status is None:
        return None
    added: dict[str, dt.datetime] = {}
    changed: dict[str, dt.datetime] = {}
    for commit in log.split(COMMIT_MARK)[1:]:
        date_line, *lines = commit.split("\n")
        date = dt.datetime.fromisoformat(date_line.strip())
        for line in lines:
            kind, _, name = line.partition("\t")
            if not name:
                continue
            changed[name] = max(changed.get(name, date), date)
            if kind == "A":
                added[name] = min(added.get(name, date), date)
    if not changed:
        return None
    # ``XY path``, relative to the repository's top: made relative to the project.
    uncommitted = frozenset(
        entry[3:].removeprefix(prefix)
        for entry in status.split("\0")
        if entry and entry[3:].startswith(prefix)
    )
    return History(added, changed, uncommitted)


def last_saved(srcdir: Path, files: Sequence[str]) -> dt.datetime | None:
    """The newest modification time of ``files``: when their content last
    changed on this disk, as far as the file system knows."""
    times = [(srcdir / name).stat().st_mtime for name in files if (srcdir / name).is_file()]
    return dt.datetime.fromtimestamp(max(times), dt.UTC) if times else None


def entry_dates(
    page: EventPage,
    files: Sequence[str],
    now: dt.datetime,
    history: History | None,
    srcdir: Path,
) -> tuple[dt.datetime, dt.datetime]:
    """An entry's ``published`` and ``updated``: never after ``now``, and
    published never after updated.

    With the repository's history, they are its dates (:meth:`History.dates`).
    Without it, a past event's are its start and its end: facts, so the same
    in every build (a reader is shown no change where there was none), and in
    the past.  An upcoming event's are when its files were last saved (the
    build's clock in a fresh checkout, which writes every file): its facts
    only give dates in the future, and the clock would change at every build.
    Once the event is over, updated is at least its end, as the page changed
    then (no more announcement nor registration), so a reader sees the change
    even without history.
    """
    event = page.event
    ahead = is_upcoming(page, now)
    if history is not None:
        published, updated = history.dates(files, now)
    elif not ahead:
        published, updated = event.starts, event.ends
    else:
        published = updated = last_saved(srcdir, files) or now
    if not ahead:
        updated = max(updated, event.ends)
    published = min(published, now)
    return published, min(max(updated, published), now)


def entry_files(app: Sphinx, lang: str, docname: str) -> tuple[str, ...]:
    """What an entry in ``lang`` is made of: its page, then, in a translation,
    the page's catalog in each of the project's locale folders."""
    page = PurePosixPath(Path(app.env.doc2path(docname, False)).as_posix())
    if lang == app.config.archive_default_language:
        return (str(page),)
    catalogs = (
        PurePosixPath(folder) / lang / "LC_MESSAGES" / f"{docname}.po"
        for folder in app.config.locale_dirs
    )
    return (str(page), *(str(catalog) for catalog in catalogs))


#: Each running build's entry dates, with the clock and pages they were made for.
_dates: WeakKeyDictionary[
    Sphinx, tuple[tuple[Any, ...], dict[str, tuple[dt.datetime, dt.datetime]]]
]
_dates = WeakKeyDictionary()


def pages_dates(app: Sphinx, built: EventsBuilt) -> dict[str, tuple[dt.datetime, dt.datetime]]:
    """Every event page's ``(published, updated)`` in the language built, by docname.

    Worked out once per build (one ``git log``) for the feed and the
    calendars, whose ``DTSTAMP`` is the same ``updated``: a calendar then
    changes only where its events did.
    """
    key = (built.now, built.lang, tuple(page.docname for page in built.pages))
    kept = _dates.get(app)
    if kept is not None and kept[0] == key:
        return kept[1]
    lang, pages, now = built.lang, built.pages, built.now
    files = {page.docname: entry_files(app, lang, page.docname) for page in pages}
    folders = {str(PurePosixPath(name).parent) for names in files.values() for name in names}
    history = read_history(Path(app.srcdir), folders) if pages else None
    if pages and history is None:
        logger.verbose("feed.xml: no whole git history here; entries are dated by their events")
    dates = {
        page.docname: entry_dates(page, files[page.docname], now, history, Path(app.srcdir))
        for page in pages
    }
    _dates[app] = (key, dates)
    return dates


def feed_pages(
    pages: Sequence[EventPage], dates: dict[str, tuple[dt.datetime, dt.datetime]]
) -> list[EventPage]:
    """The :data:`FEED_ENTRIES` pages updated last (the later event first on a
    tie), in the feed's order: by the event's date."""
    recent = sorted(
        pages,
        key=lambda p: (dates[p.docname][1], p.event.starts, p.docname),
        reverse=True,
    )[:FEED_ENTRIES]
    return sorted(recent, key=lambda p: p.event.date)


def write_feed(app: Sphinx, exception: Exception | None) -> None:
    """Write the language's Atom feed."""
    if exception or app.builder.format != "html":
        return
    config = app.config
    built = events_built(app.config, app.env)
    lang, base, pages, now = built.lang, built.base, built.pages, built.now
    dates = pages_dates(app, built)
    feed = FeedGenerator()
    feed.id(base)
    feed.title(config.archive_languages[lang]["title"])
    feed.subtitle(config.archive_languages[lang]["description"])
    feed.author({"name": config.archive_languages[lang].get("author", config.author)})
    feed.link(href=base, rel="alternate")
    feed.link(href=base + FEED, rel="self")
    feed.language(lang)
    # The feed changed when its newest entry did (the clock: it has none yet).
    feed.updated(max((updated for _, updated in dates.values()), default=now))
    for page in feed_pages(pages, dates):
        url = base + app.builder.get_target_uri(page.docname)
        entry = feed.add_entry()
        entry.id(url)
        entry.title(title_of(app.env, page.docname))
        entry.link(href=url)
        shown = built.view(page)
        entry.summary(shown.summary)
        published, updated = dates[page.docname]
        entry.published(published)
        entry.updated(updated)
        if shown.author:
            entry.author({"name": shown.author})
    write_if_changed(Path(app.outdir, FEED), feed.atom_str(pretty=True))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", write_feed)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
