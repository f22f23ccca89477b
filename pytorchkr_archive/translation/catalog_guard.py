"""The build refuses catalogs that ``make check-po`` refuses, and reads them as gettext does.

A catalog is untrusted input, and Sphinx would publish a malformed one with a
warning at best (Babel prints it and carries on, even with ``-W``) and a
translation's ``<script>`` as written.  Before a translated build reads any
page, every catalog of its language goes through the same checks as
``make check-po``; each error becomes a Sphinx warning located at the file
and line, so a build with ``-W`` (``make html``, Read the Docs) fails on it.

A preview without ``-W`` (``make live``) goes on, and must not look right
when it is not: every page then says, at its top, which catalog, line and
message the gate refuses, and a refused message is left out of the compiled
catalog (the paragraph shows in English) rather than shown as written.

The ``.mo`` files the pages are translated from are compiled here too, from
the reading of :mod:`~pytorchkr_archive.catalogs.reader` (GNU gettext's grammar)
instead of Babel's line-by-line one, which misreads some layouts that
gettext and every translation tool accept: what the site shows is what
``make check-po`` checked.

The checks parse every message with MyST's parser, which costs a few
milliseconds a message: with hundreds of events, checking every catalog on
every build would be most of the translator's rebuild.  So the outcome for
each catalog is kept beside the doctrees, under a digest of its bytes, of the
glossary and of the checks' own code; only a catalog that changed is checked
again, and a kept error is reported on every build until it is fixed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import astuple
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from babel.messages.mofile import write_mo
from sphinx.application import Sphinx
from sphinx.builders.gettext import MessageCatalogBuilder
from sphinx.locale import __
from sphinx.util import logging
from sphinx.util.console import bold
from sphinx.util.display import status_iterator
from sphinx.util.i18n import CatalogInfo

from pytorchkr_archive.catalogs import (
    characters,
    files,
    formats,
    glossary,
    markup,
    messages,
    reader,
    report,
    syntax,
)
from pytorchkr_archive.catalogs.files import catalog_files, to_catalog
from pytorchkr_archive.catalogs.glossary import load_glossary
from pytorchkr_archive.catalogs.reader import read_file
from pytorchkr_archive.catalogs.report import check_file
from pytorchkr_archive.catalogs.syntax import GETTEXT_CHECKS
from pytorchkr_archive.escaping import characters as escaping_characters
from pytorchkr_archive.escaping import structure
from pytorchkr_archive.pages.site_pages import write_if_changed
from pytorchkr_archive.problems import Problem, shown_path

logger = logging.getLogger(__name__)

CACHE = "archive-catalog-checks.json"
#: The modules whose code decides a check's outcome.
CHECK_MODULES = (
    characters,
    escaping_characters,
    files,
    formats,
    glossary,
    markup,
    messages,
    reader,
    report,
    structure,
    syntax,
)
#: The errors each running build found, for its pages' notice and its compiler.
_refused: WeakKeyDictionary[Sphinx, list[Problem]] = WeakKeyDictionary()


def digest(*parts: bytes) -> str:
    """A SHA-256 of the parts, each length-prefixed."""
    sha = hashlib.sha256()
    for part in parts:
        sha.update(len(part).to_bytes(8, "big"))
        sha.update(part)
    return sha.hexdigest()


def checks_digest(glossary_path: Path) -> str:
    """What every catalog's outcome also depends on: the checks and the glossary."""
    sources = [Path(module.__file__).read_bytes() for module in CHECK_MODULES]
    terms = glossary_path.read_bytes() if glossary_path.is_file() else b""
    return digest(*sources, terms)


def load_cache(path: Path, key: str) -> dict[str, Any]:
    """The kept outcomes, if they were made by the same checks and glossary."""
    try:
        cache = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return cache.get("catalogs", {}) if cache.get("key") == key else {}


def catalog_errors(srcdir: Path, locale_dir: Path, lang: str, cache_path: Path) -> list[Problem]:
    """The errors of every catalog of ``lang``, checking only the changed ones."""
    glossary_path = locale_dir / lang / "glossary.csv"
    terms, problems = load_glossary(glossary_path, shown_path(glossary_path, srcdir))
    errors = [p for p in problems if p.severity == "error"]
    key = checks_digest(glossary_path)
    kept = load_cache(cache_path, key)
    outcomes: dict[str, Any] = {}
    for file in catalog_files(locale_dir, [lang]):
        name = file.path.as_posix()
        content = digest(file.path.read_bytes(), name.encode())
        entry = kept.get(name)
        if entry is None or entry["digest"] != content:
            report = check_file(file, srcdir, terms, errors_only=True)
            entry = {
                "digest": content,
                "errors": [list(astuple(p)) for p in report.errors],
            }
        outcomes[name] = entry
        errors += [Problem(*fields) for fields in entry["errors"]]
    if outcomes != kept:
        text = json.dumps({"key": key, "catalogs": outcomes})
        write_if_changed(cache_path, text.encode("utf-8"))
    return errors


def guard_catalogs(app: Sphinx) -> None:
    """Check the catalogs of the language being built; warn for each error."""
    config = app.config
    if isinstance(app.builder, MessageCatalogBuilder) or not config.language:
        return
    compile_with_the_archive_reader(app)
    if config.language == config.archive_default_language:
        return
    srcdir = Path(app.srcdir)
    found: list[Problem] = []
    for number, locale_dir in enumerate(config.locale_dirs):
        cache_path = Path(app.doctreedir) / f"{number}-{CACHE}"
        for problem in catalog_errors(srcdir, srcdir / locale_dir, config.language, cache_path):
            found.append(problem)
            logger.warning(
                "[%s] %s (run make check-po)",
                problem.check,
                problem.message,
                location=f"{srcdir / problem.path}:{problem.line}",
                type="archive",
                subtype="catalog",
            )
    _refused[app] = found
    # The events' facts are read from the catalogs themselves, not from the
    # .mo (pytorchkr_archive.events.facts.translations): they leave these out too.
    app.env.archive_refused_messages = {
        (str((srcdir / p.path).resolve()), p.line) for p in found if p.severity == "error"
    }


def compile_catalog(info: CatalogInfo, refused: list[Problem], use_fuzzy: bool) -> bool:
    """Write a catalog's ``.mo`` from the archive's reading, leaving refused messages out.

    A catalog gettext cannot read is not compiled (its last good ``.mo``
    stays); returns whether the file was written.
    """
    po_path = Path(info.po_path)
    reading = read_file(po_path)
    if reading is None:
        return False
    name = po_path.as_posix()
    mine = [p for p in refused if name.endswith(p.path)]
    if reading.errors or any(p.check in GETTEXT_CHECKS for p in mine):
        return False
    catalog = to_catalog(reading)
    lines = {p.line for p in mine}
    for message in list(catalog):
        if message.id and message.lineno in lines:
            catalog.delete(message.id, message.context)
    with Path(info.mo_path).open("wb") as mo:
        write_mo(mo, catalog, use_fuzzy=use_fuzzy)
    return True


def compile_with_the_archive_reader(app: Sphinx) -> None:
    """Make this builder compile catalogs with :func:`compile_catalog`, as Sphinx would with Babel.

    Set on the builder itself (Sphinx calls ``compile_catalogs`` for the
    outdated catalogs of every build, and for all of them with ``-a``).
    """

    builder = app.builder

    def compile_catalogs(catalogs: set[CatalogInfo], message: str) -> None:
        config = builder.config
        if not config.gettext_auto_build:
            return
        logger.info(bold(__("building [mo]: ")) + message)
        refused = _refused.get(app, [])
        for info in status_iterator(
            sorted(catalogs, key=lambda c: str(c.mo_path)),
            __("writing output... "),
            "darkgreen",
            len(catalogs),
            config.verbosity,
            stringify_func=lambda c: Path(c.mo_path).name,
        ):
            compile_catalog(info, refused, config.gettext_allow_fuzzy_translations)

    builder.compile_catalogs = compile_catalogs  # type: ignore[method-assign]


def add_refused_to_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Give the page the gate's errors, which a preview without ``-W`` shows at its top."""
    context["archive_catalog_errors"] = [str(p) for p in _refused.get(app, [])]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the check."""
    app.connect("builder-inited", guard_catalogs)
    app.connect("html-page-context", add_refused_to_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
