"""Search: the Korean search language Sphinx lacks, and summaries that read well.

Registered with ``app.add_search_language`` (:mod:`.language`), the Korean
language splits and reduces words for the index Sphinx writes and ships the
same rules to the browser for the query (:mod:`.analyzer`, ``rules.json``,
``korean-stemmer.js``), with Korean partial matching (``korean-lookup.js``);
:mod:`.lookup` runs the browser's lookup in Python for ``make bench``, with
the queries of ``queries.json``.  In every language, :mod:`.index_format`
writes ``searchindex.js`` compactly, with every talk and person of the
record in it (:mod:`.talks`: a search for a speaker or a word of a talk's
title leads to the talk), and :mod:`.summaries` gives each result a short
summary without downloading the page found, so that a search's bytes stay
small however many pages it finds.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from pytorchkr_archive.korean_search import index_format, summaries
from pytorchkr_archive.korean_search.language import SearchKorean


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the Korean search language (used when ``language = "ko"``) and
    the compact index and the summaries (every language)."""
    app.add_search_language(SearchKorean)
    index_format.setup(app)
    summaries.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
