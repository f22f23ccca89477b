"""Korean search for the Korean site: see :mod:`.analyzer` for how words are reduced."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from pytorchkr_archive.korean_search.language import SearchKorean


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the Korean search language (used when ``language = "ko"``)."""
    app.add_search_language(SearchKorean)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
