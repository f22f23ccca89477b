"""The project's languages and the build's clock, as commands read them
without starting Sphinx.

``conf.py``'s ``archive_languages`` table is the one place a language is
declared; the commands that work outside a Sphinx build (``make html``'s
two-language build, ``make update-po``, ``make new-event``) read it here, so
that adding a language is adding an entry to it and nothing else.  The
build's clock (``ARCHIVE_NOW``) is read here too: ``make html`` checks it
once before its builds, and starting that command should not cost the import
of the whole extension (the translator's loop runs it after every edit).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sphinx.config import eval_config_file
from sphinx.util.tags import Tags


@dataclass(frozen=True)
class Languages:
    """The languages of the archive: ``archive_languages`` and the source language."""

    table: dict[str, dict[str, str]]
    default: str

    @property
    def translations(self) -> list[str]:
        """The languages translated from the source, in the table's order."""
        return [code for code in self.table if code != self.default]


def project_languages(source: Path) -> Languages:
    """The languages declared in the project's ``conf.py``."""
    namespace = eval_config_file((source / "conf.py").resolve(), Tags())
    table = namespace.get("archive_languages")
    if not table:
        raise SystemExit(f"{source / 'conf.py'}: no archive_languages table; add one")
    default = namespace.get("archive_default_language", "en")
    if default not in table:
        raise SystemExit(
            f"{source / 'conf.py'}: archive_default_language {default!r} is not a key of "
            "archive_languages; add its entry"
        )
    return Languages(table, default)


#: The environment variable that fixes the build's clock.
NOW_VARIABLE = "ARCHIVE_NOW"


class ClockError(ValueError):
    """``ARCHIVE_NOW`` is set to something that is not a time with an offset."""


def build_clock(environ: Mapping[str, str] = os.environ) -> dt.datetime:
    """The time the build decides by: ``ARCHIVE_NOW`` if set, else now."""
    value = environ.get(NOW_VARIABLE, "").strip()
    if not value:
        return dt.datetime.now(dt.UTC)
    try:
        now = dt.datetime.fromisoformat(value)
    except ValueError:
        now = None
    if now is None or now.tzinfo is None:
        # Written without its offset, it is shown with Seoul's, the archive's usual.
        example = f"{now.isoformat()}+09:00" if now else "2025-03-30T18:00:00+09:00"
        raise ClockError(
            f"{NOW_VARIABLE}={value!r} is not a time with its offset: write it as "
            f"{example} (or unset {NOW_VARIABLE} to build as of now)"
        )
    return now
