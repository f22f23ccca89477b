"""Sphinx extensions and tools of the PyTorch Korea User Group's event archive.

Adding ``"pytorchkr_archive"`` to ``extensions`` sets up every part of the
archive's behaviour.  The package is grouped by concern, each wing a
sub-package whose ``__init__`` says what it is for; a wing imports only the
wings below it in this list:

- :mod:`.problems`, :mod:`.sphinx_build`, :mod:`.project`: shared by every
  wing (a located problem, Sphinx run in this process and its output,
  conf.py's languages);
- :mod:`.escaping`: every place a translation lands, escaped for that place;
- :mod:`.catalogs`: what a translation catalog is and whether it is right;
- :mod:`.pages`: the extensions every page goes through (languages,
  interface, accessibility, navigation, discovery), with the templates;
- :mod:`.speed`: faster Sphinx builds with the same output;
- :mod:`.events`: event metadata, the event card, listings and feeds;
- :mod:`.korean_search`: the Korean search language;
- :mod:`.translation`: the translators' commands and the build's catalog
  extensions;
- :mod:`.parallel`: the parallel view, a page's blocks beside another
  language's;
- :mod:`.sitebuild`: building and previewing the site (commands only; a name
  no tool mistakes for a Python build folder);
- :mod:`.measure`: benchmarks and Lighthouse (commands only).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the commands (make html) import this package without Sphinx
    from sphinx.application import Sphinx

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the archive's Sphinx extensions."""
    app.setup_extension("pytorchkr_archive.escaping.titles")
    app.setup_extension("pytorchkr_archive.pages.languages")
    app.setup_extension("pytorchkr_archive.pages.drafts")
    app.setup_extension("pytorchkr_archive.pages.theme_l10n")
    app.setup_extension("pytorchkr_archive.speed.template_cache")
    app.setup_extension("pytorchkr_archive.speed.translated_doctrees")
    app.setup_extension("pytorchkr_archive.speed.docutils_settings")
    app.setup_extension("pytorchkr_archive.speed.front_matter")
    app.setup_extension("pytorchkr_archive.pages.a11y")
    app.setup_extension("pytorchkr_archive.pages.lean_pages")
    app.setup_extension("pytorchkr_archive.pages.navigation")
    app.setup_extension("pytorchkr_archive.pages.js_translations")
    app.setup_extension("pytorchkr_archive.translation.translation_status")
    app.setup_extension("pytorchkr_archive.translation.catalog_guard")
    app.setup_extension("pytorchkr_archive.translation.fact_templates")
    app.setup_extension("pytorchkr_archive.korean_search")
    app.setup_extension("pytorchkr_archive.events")
    app.setup_extension("pytorchkr_archive.pages.discovery")
    app.setup_extension("pytorchkr_archive.parallel")
    app.setup_extension("pytorchkr_archive.pages.stale_outputs")
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
