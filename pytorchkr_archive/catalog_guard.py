"""The build refuses catalogs that ``make check-po`` refuses.

A catalog is untrusted input, and Sphinx would publish a malformed one with a
warning at best (Babel prints it and carries on, even with ``-W``) and a
translation's ``<script>`` as written.  Before a translated build reads any
page, every catalog of its language goes through the same checks as
``make check-po``; each error becomes a Sphinx warning located at the file
and line, so a build with ``-W`` (``make html``, Read the Docs) fails on it.

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

from sphinx.application import Sphinx
from sphinx.builders.gettext import MessageCatalogBuilder
from sphinx.util import logging

from pytorchkr_archive import catalogs, check_po, glossary, markup, po_checks, po_syntax
from pytorchkr_archive.catalogs import catalog_files
from pytorchkr_archive.check_po import check_file
from pytorchkr_archive.glossary import load_glossary
from pytorchkr_archive.problems import Problem, shown_path

logger = logging.getLogger(__name__)

CACHE = "archive-catalog-checks.json"
#: The modules whose code decides a check's outcome.
CHECK_MODULES = (catalogs, check_po, glossary, markup, po_checks, po_syntax)


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
            report = check_file(file, srcdir, terms)
            entry = {
                "digest": content,
                "errors": [list(astuple(p)) for p in report.errors],
            }
        outcomes[name] = entry
        errors += [Problem(*fields) for fields in entry["errors"]]
    if outcomes != kept:
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        cache_path.write_text(json.dumps({"key": key, "catalogs": outcomes}), encoding="utf-8")
    return errors


def guard_catalogs(app: Sphinx) -> None:
    """Check the catalogs of the language being built; warn for each error."""
    config = app.config
    if isinstance(app.builder, MessageCatalogBuilder) or not config.language:
        return
    if config.language == config.archive_default_language:
        return
    srcdir = Path(app.srcdir)
    for number, locale_dir in enumerate(config.locale_dirs):
        cache_path = Path(app.doctreedir) / f"{number}-{CACHE}"
        for problem in catalog_errors(srcdir, srcdir / locale_dir, config.language, cache_path):
            logger.warning(
                "[%s] %s (run make check-po)",
                problem.check,
                problem.message,
                location=f"{srcdir / problem.path}:{problem.line}",
                type="archive",
                subtype="catalog",
            )


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the check."""
    app.connect("builder-inited", guard_catalogs)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
