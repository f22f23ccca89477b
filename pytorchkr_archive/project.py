"""The project's languages, as commands read them without starting Sphinx.

``conf.py``'s ``archive_languages`` table is the one place a language is
declared; the commands that work outside a Sphinx build (``make html``'s
two-language build, ``make update-po``, ``make new-event``) read it here, so
that adding a language is adding an entry to it and nothing else.
"""

from __future__ import annotations

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
