"""Sphinx's search, as the browser runs it, in Python: for measuring recall.

A port of the term lookup of Sphinx 9.0's ``searchtools.js``
(``_parseQuery`` and ``performTermsSearch``): exact terms and title terms,
substring matches for words longer than two characters, and every word
required.  The benchmark uses it to compare analyses on the query set without
a browser; the browser tests (``tests/korean_search/test_search.py``) check the real thing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path


def load_index(path: Path) -> dict:
    """The data of a ``searchindex.js``."""
    text = path.read_text(encoding="utf-8")
    return json.loads(re.search(r"Search\.setIndex\((.*)\)\s*;?\s*$", text, re.S).group(1))


def _files(value: int | list[int] | None) -> list[int]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def search(
    index: dict,
    query: str,
    split: Callable[[str], Iterable[str]],
    stem: Callable[[str], str],
    stopwords: Iterable[str],
) -> set[str]:
    """The document names a query finds in an index."""
    stop = set(stopwords)
    words = {
        stem(term.lower())
        for term in split(query.strip())
        if term.lower() not in stop and not term.isdigit()
    }
    terms, titles = index["terms"], index["titleterms"]
    found: dict[int, set[str]] = {}
    for word in words:
        files = _files(terms.get(word)) + _files(titles.get(word))
        if len(word) > 2:
            for mapping in (terms, titles):
                if word not in mapping:
                    files += [f for term, v in mapping.items() if word in term for f in _files(v)]
        for file in files:
            found.setdefault(file, set()).add(word)
    longer = len([w for w in words if len(w) > 2])
    return {
        index["docnames"][file]
        for file, matched in found.items()
        if len(matched) == len(words) or len(matched) == longer
    }
