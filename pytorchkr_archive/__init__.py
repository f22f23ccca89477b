"""Sphinx extensions and tools of the PyTorch Korea User Group's event archive.

Adding ``"pytorchkr_archive"`` to ``extensions`` sets up every part of the
archive's behaviour; each part lives in a module of its own so it can be
read, tested and replaced on its own.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the archive's Sphinx extensions."""
    app.setup_extension("pytorchkr_archive.languages")
    app.setup_extension("pytorchkr_archive.theme_l10n")
    app.setup_extension("pytorchkr_archive.template_cache")
    app.setup_extension("pytorchkr_archive.translated_doctrees")
    app.setup_extension("pytorchkr_archive.a11y")
    app.setup_extension("pytorchkr_archive.lean_pages")
    app.setup_extension("pytorchkr_archive.navigation")
    app.setup_extension("pytorchkr_archive.js_translations")
    app.setup_extension("pytorchkr_archive.translation_status")
    app.setup_extension("pytorchkr_archive.catalog_guard")
    app.setup_extension("pytorchkr_archive.korean_search")
    app.setup_extension("pytorchkr_archive.events")
    app.setup_extension("pytorchkr_archive.discovery")
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
