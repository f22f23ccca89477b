"""Every event read and validated at the start of a build, with its translations.

At ``builder-inited`` the event pages' front matter is read and validated
(:mod:`.schema`, :mod:`.collection`, the readings of the last build kept
for the pages that did not change); each problem is a warning located at
the file and line, naming the field, so a build with warnings as errors
(every build of the archive) fails on it, and the event is left out.  (A
Sphinx error would do it too, but Sphinx 9 prints it as a crash report.)
The build's clock says which events are still ahead (:mod:`.schedule`), and
in a translated build each event's facts come from its page's catalog
(:mod:`.translations`).  What is read is kept in the environment, where
:mod:`.built` makes each event's view from it.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from pytorchkr_archive.events.facts.built import forget_views
from pytorchkr_archive.events.facts.collection import collect, kept_in_env, load_kept, save_kept
from pytorchkr_archive.events.facts.schedule import ClockError, build_clock, is_upcoming
from pytorchkr_archive.events.facts.translations import Translations, load_translations
from pytorchkr_archive.project import Languages

logger = logging.getLogger(__name__)
#: The events' facts each catalog gives, kept beside the doctrees (:mod:`.translations`).
FACTS_CACHE = "archive-event-facts.json"


def load_events(app: Sphinx) -> None:
    """Read and validate every event page; warn, at file and line, for each problem.

    A bad ``ARCHIVE_NOW`` stops the build at once with its one line: any
    exception raised here, ``ConfigError`` included, is printed by Sphinx 9
    as a crash report (versions, traceback, "please open an issue").
    """
    try:
        now = build_clock()
    except ClockError as error:
        raise SystemExit(f"error: {error}") from None
    config = app.config
    languages = Languages(config.archive_languages, config.archive_default_language)
    # The readings of the last build: only a changed event page is read again.
    readings = load_kept(Path(app.doctreedir), getattr(app.env, "archive_event_readings", None))
    before = {shown: digest for shown, (digest, _) in readings.items()}
    pages, problems = collect(app.srcdir, languages, now.date(), readings)
    if {shown: digest for shown, (digest, _) in readings.items()} != before:
        save_kept(Path(app.doctreedir), readings)
    app.env.archive_event_readings = kept_in_env(readings)
    for problem in problems:
        logger.warning(
            "%s: %s (make check lists every problem without building)",
            problem.field,
            problem.message,
            location=f"{app.srcdir / problem.path}:{problem.line}",
            type="archive",
            subtype="event",
        )
    app.env.archive_events = pages
    app.env.archive_now = now
    forget_views(app.env)
    # An event page whose event passed (or came back) since the last build is
    # written again: its card no longer leads with the registration.
    before: dict[str, bool] = getattr(app.env, "archive_upcoming", {})
    upcoming = {page.docname: is_upcoming(page, now) for page in pages}
    app.env.archive_upcoming = upcoming
    app.env.archive_upcoming_changed = {
        docname for docname, ahead in upcoming.items() if before.get(docname, ahead) != ahead
    }
    lang = config.language or config.archive_default_language
    if lang == config.archive_default_language:
        app.env.archive_event_translations = Translations()
        return
    dirs = [Path(app.srcdir) / directory for directory in config.locale_dirs]
    # The catalog gate (pytorchkr_archive.translation.catalog_guard) ran at
    # builder-inited before this, being set up first: its refusals are left out.
    refused = getattr(app.env, "archive_refused_messages", set())
    cache = Path(app.doctreedir) / FACTS_CACHE
    app.env.archive_event_translations = load_translations(pages, dirs, lang, refused, cache)
