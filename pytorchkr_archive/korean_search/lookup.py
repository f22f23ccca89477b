"""Sphinx's search, as the browser runs it, in Python: for measuring recall.

A port of the term lookup of Sphinx 9.0's ``searchtools.js``
(``_parseQuery`` and ``performTermsSearch``): exact terms and title terms,
substring matches for words longer than two characters, every word
required, and, on the Korean site, the partial matches of
``korean-lookup.js`` (:func:`korean_related`).  The benchmark uses it to
compare analyses without a browser; the browser tests
(``tests/korean_search/test_search.py``) check the real thing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from pytorchkr_archive.korean_search.analyzer import rules
from pytorchkr_archive.korean_search.index_format import read_index


def load_index(path: Path) -> dict:
    """The data of a ``searchindex.js``, in Sphinx's shape."""
    return read_index(path.read_text(encoding="utf-8"))


def _files(value: int | list[int] | None) -> list[int]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


#: A word of exactly two Hangul syllables, the length Sphinx never matches in part.
TWO_HANGUL = re.compile(r"^[\uac00-\ud7a3]{2}$")
#: Which other indexed terms a query word also finds: (word, terms) -> terms.
Related = Callable[[str, dict], list[str]]


def derived_terms(
    word: str, mapping: dict, derivational: Iterable[str], prefixes: Iterable[str]
) -> list[str]:
    """The terms a two-syllable Korean word also finds: itself with a derivational
    suffix (최적 → 최적화, 표현 → 표현식) or prefix (상위 → 최상위), when indexed.

    Sphinx matches part of a word only for words longer than two characters,
    and most Korean nouns have two syllables; a plain prefix match would also
    find every unrelated word that starts with the same two syllables
    (``korean-lookup.js`` does the same in the browser).
    """
    if not TWO_HANGUL.match(word):
        return []
    found = [word + suffix for suffix in derivational if word + suffix in mapping]
    return found + [prefix + word for prefix in prefixes if prefix + word in mapping]


def korean_related(word: str, mapping: dict) -> list[str]:
    """:func:`derived_terms` with the suffixes and prefixes of ``rules.json``."""
    data = rules()
    return derived_terms(word, mapping, data["derivational"], data["prefixes"])


def search(
    index: dict,
    query: str,
    split: Callable[[str], Iterable[str]],
    stem: Callable[[str], str],
    stopwords: Iterable[str],
    related: Related | None = None,
) -> set[str]:
    """The document names a query finds in an index; ``related`` (the Korean
    site's :func:`korean_related`) adds its partial matches."""
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
        if related:
            for mapping in (terms, titles):
                files += [f for term in related(word, mapping) for f in _files(mapping[term])]
        for file in files:
            found.setdefault(file, set()).add(word)
    longer = len([w for w in words if len(w) > 2])
    return {
        index["docnames"][file]
        for file, matched in found.items()
        if len(matched) == len(words) or len(matched) == longer
    }
