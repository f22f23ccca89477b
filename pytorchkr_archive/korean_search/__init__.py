"""Korean search for the Korean site: the search language Sphinx lacks.

Registered with ``app.add_search_language`` (:mod:`.language`), it splits and
reduces words for the index Sphinx writes and ships the same rules to the
browser for the query (:mod:`.analyzer`, ``rules.json``,
``korean-stemmer.js``); :mod:`.lookup` runs the browser's lookup in Python
for ``make bench``, with the queries of ``queries.json``.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from pytorchkr_archive.korean_search.language import SearchKorean


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the Korean search language (used when ``language = "ko"``)."""
    app.add_search_language(SearchKorean)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
