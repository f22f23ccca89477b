"""The build refuses catalogs that ``make check-po`` refuses.

A catalog is untrusted input, and Sphinx would publish a malformed one with a
warning at best (Babel prints it and carries on, even with ``-W``) and a
translation's ``<script>`` as written.  Before a translated build reads any
page, every catalog of its language goes through the same checks as
``make check-po``; each error becomes a Sphinx warning located at the file
and line, so a build with ``-W`` (``make html``, Read the Docs) fails on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.gettext import MessageCatalogBuilder
from sphinx.util import logging

from pytorchkr_archive.check_po import check_catalogs

logger = logging.getLogger(__name__)


def guard_catalogs(app: Sphinx) -> None:
    """Check the catalogs of the language being built; warn for each error."""
    config = app.config
    if isinstance(app.builder, MessageCatalogBuilder) or not config.language:
        return
    if config.language == config.archive_default_language:
        return
    srcdir = Path(app.srcdir)
    for locale_dir in config.locale_dirs:
        report = check_catalogs(srcdir, srcdir / locale_dir, [config.language])
        for problem in report.errors:
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
