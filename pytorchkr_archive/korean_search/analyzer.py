"""Korean word analysis for search: strip particles and endings, stem English.

Korean attaches particles (조사) and endings (어미) to words: the recap says
내용을, 관심과, 분야의, 구성하는, where a reader searches 내용, 관심, 분야,
구성.  Splitting on spaces, as Sphinx does for a language it does not know,
makes each of those one opaque token.

The analysis here is rule-based, from ``rules.json``, and the same rules run
in the browser (``korean-stemmer.js``): the index and the query are reduced to
the same root, so any inflected form finds any other.  Per word:

* letters are lower-cased;
* a word without Hangul (``pytorch``, ``accelerators``) is stemmed as English
  with the Snowball stemmer Sphinx uses for English;
* a Latin word with Hangul particles attached (``NetsPresso를``) loses them if
  they are particles or endings throughout, then is stemmed as English;
* otherwise, up to ``max_rounds`` times, the longest known particle or ending
  at the end of the word is removed, when what remains is long enough: two
  characters for a one-syllable suffix (so 속도 and 회의 stay whole), one for a
  longer one (일에서 gives 일).  Repeating the step brings every inflection of
  a noun to the same root (전문가, 전문가들이 and 전문가가 all give 전문).

Particles and endings on their own (a link's text followed by ``에도``) are
stop words: never indexed, and skipped in a query.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import snowballstemmer

RULES_PATH = Path(__file__).with_name("rules.json")
#: A word: letters, digits and underscores (emoji, marks and punctuation split).
WORD = re.compile(r"[^\W]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN_WITH_HANGUL_TAIL = re.compile(r"^([a-z][a-z0-9_]*)([\uac00-\ud7a3]+)$")
_LATIN = re.compile(r"[a-z]")


@cache
def rules() -> dict:
    """The suffix rules shared with the JavaScript stemmer."""
    return json.loads(RULES_PATH.read_text(encoding="utf-8"))


@cache
def suffixes() -> tuple[str, ...]:
    """Every particle and ending, longest first (ties in file order)."""
    data = rules()
    ordered = [*data["particles"], *data["endings"]]
    return tuple(sorted(ordered, key=len, reverse=True))


@cache
def _english() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@cache
def _by_length() -> tuple[tuple[int, frozenset[str]], ...]:
    """The suffixes grouped by length, longest first: a word's tail is looked up."""
    lengths = sorted({len(s) for s in suffixes()}, reverse=True)
    return tuple((n, frozenset(s for s in suffixes() if len(s) == n)) for n in lengths)


def split(text: str) -> list[str]:
    """The words of a text."""
    return WORD.findall(text)


def strip_suffixes(word: str, min_root: int | None = None) -> str:
    """Remove particles and endings from the end of ``word``.

    ``min_root`` forces how many characters must remain (the Latin-tail case
    uses 0); by default it is 2 before a one-syllable suffix and 1 otherwise.
    """
    for _ in range(rules()["max_rounds"]):
        for length, group in _by_length():
            if word[-length:] not in group:
                continue
            need = min_root if min_root is not None else (2 if length == 1 else 1)
            if len(word) - length >= need:
                word = word[:-length]
                break
        else:
            return word
    return word


def stem(word: str) -> str:
    """The root a word is indexed and searched under."""
    word = word.lower()
    if not _HANGUL.search(word):
        return _english().stemWord(word) if _LATIN.search(word) else word
    latin = _LATIN_WITH_HANGUL_TAIL.match(word)
    if latin:
        if strip_suffixes(latin.group(2), min_root=0) == "":
            return _english().stemWord(latin.group(1))
        return word
    return strip_suffixes(word)
