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
* otherwise, up to ``max_rounds`` times, the longest known suffix at the end
  of the word that leaves two characters is removed (so 속도 and 회의 stay
  whole, and 경로는 gives 경로, not 경 + 로는); only if there is none, the
  longest suffix of two syllables or more that leaves one (일에서 gives 일).
  Repeating the step brings every inflection of a noun to the same root
  (전문가, 전문가들이 and 전문가가 all give 전문);
* but a noun of the list ``nouns`` is kept whole, and so is one followed by
  particles and endings only: 페이지, 페이지를 and 페이지가 give 페이지,
  세미나에서 gives 세미나.  These are the nouns that end like a particle or
  an ending (세미나: 나; 페이지: 이 + 지; 온라인: 인) and that the rules would
  cut to a piece that is no word: Kiwi, a morphological analyzer, finds them
  in the archive's catalogs and in a corpus of Korean prose
  (:func:`pytorchkr_archive.measure.korean_corpus.cut_nouns`, measured by
  ``make bench KO_CORPUS=...``);
* and a Hangul spelling of a word the archive writes in Latin letters (the
  list ``loanwords``: 멀티모달 for Multimodal, 파이토치 for PyTorch), alone or
  followed by particles and endings, is analysed as that word: 멀티모달을
  finds a Korean title that says Multimodal, which Korean readers type
  either way.

The suffixes are the particles, the endings, and every form of a predicate
(하, 했, 되, 시키, 이...) followed by every ending that follows one (했 + 다면,
하 + 려는, 합 + 니까): the predicates conjugate, and listing each pair by hand
would miss most of them.

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
#: A Hangul syllable (what makes a word Korean here).
HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN_WITH_HANGUL_TAIL = re.compile(r"^([a-z][a-z0-9_]*)([\uac00-\ud7a3]+)$")
_LATIN = re.compile(r"[a-z]")


@cache
def rules() -> dict:
    """The suffix rules shared with the JavaScript stemmer."""
    return json.loads(RULES_PATH.read_text(encoding="utf-8"))


@cache
def stop_words() -> frozenset[str]:
    """The particles and endings of the lists, which are never words on their own."""
    data = rules()
    return frozenset([*data["particles"], *data["endings"]])


@cache
def suffixes() -> tuple[str, ...]:
    """Every suffix stripped, longest first (ties in file order): the particles, the
    endings, and each form of a predicate (하, 되, 시키, 이...) with each ending
    that follows one (했 + 다면, 하 + 려는, 합 + 니까)."""
    data = rules()
    conjugated = [form + tail for form in data["predicates"] for tail in data["predicate_endings"]]
    ordered = list(dict.fromkeys([*data["particles"], *data["endings"], *conjugated]))
    return tuple(sorted(ordered, key=len, reverse=True))


@cache
def nouns() -> frozenset[str]:
    """The nouns kept whole, however they end."""
    return frozenset(rules()["nouns"])


@cache
def loanwords() -> dict[str, str]:
    """Hangul spellings of words the archive writes in Latin letters -> that word."""
    return rules()["loanwords"]


@cache
def _kept_whole() -> frozenset[str]:
    """The nouns and the loanwords' spellings: each word's head is looked up once."""
    return nouns() | frozenset(loanwords())


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


def _strip_once(word: str, min_root: int | None) -> str | None:
    """``word`` without one suffix, or None if none can go.

    The longest suffix that leaves a root of two characters or more is taken
    (경로는: 는, not 로는; 반대로: 로, not 대로); only when none does, the
    longest suffix of two syllables or more that leaves one (일에서: 에서).
    ``min_root`` instead accepts any suffix that leaves that many characters.
    """
    needs = (min_root,) if min_root is not None else (2, 1)
    for need in needs:
        for length, group in _by_length():
            if min_root is None and need == 1 and length == 1:
                break
            if word[-length:] in group and len(word) - length >= need:
                return word[:-length]
    return None


def strip_suffixes(word: str, min_root: int | None = None) -> str:
    """Remove particles and endings from the end of ``word``, up to ``max_rounds``
    times (``min_root``: see :func:`_strip_once`; the Latin-tail case uses 0)."""
    for _ in range(rules()["max_rounds"]):
        stripped = _strip_once(word, min_root)
        if stripped is None:
            return word
        word = stripped
    return word


def kept_noun(word: str, keep: frozenset[str] | None = None) -> str | None:
    """The longest noun of ``keep`` (the list, by default) that ``word`` is, or
    starts with when particles and endings alone follow it; else None."""
    keep = nouns() if keep is None else keep
    for length in range(len(word), 1, -1):
        head = word[:length]
        if head in keep and (length == len(word) or strip_suffixes(word[length:], 0) == ""):
            return head
    return None


def stem(word: str, keep: frozenset[str] | None = None) -> str:
    """The root a word is indexed and searched under (``keep``: the nouns kept
    whole, the list by default; the measurement of the list passes none)."""
    word = word.lower()
    if not HANGUL.search(word):
        return _english().stemWord(word) if _LATIN.search(word) else word
    latin = _LATIN_WITH_HANGUL_TAIL.match(word)
    if latin:
        if strip_suffixes(latin.group(2), min_root=0) == "":
            return _english().stemWord(latin.group(1))
        return word
    head = kept_noun(word, _kept_whole() if keep is None else keep | frozenset(loanwords()))
    if head in loanwords():
        return _english().stemWord(loanwords()[head])
    return head or strip_suffixes(word)
