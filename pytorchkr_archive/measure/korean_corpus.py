"""Korean search measured on Korean prose that no rule was written for.

``make bench KO_CORPUS=folder`` (or ``python -m pytorchkr_archive.measure.bench
--ko-corpus folder``) reads every ``.po`` file of a folder as one document (its
translated, non-fuzzy ``msgstr``\\ s: what a built page would show), and asks a
morphological analyzer, Kiwi (``kiwipiepy``, a benchmark-only dependency of
``requirements-bench.lock``), which documents hold each noun.  The queries are
the nouns Kiwi finds with a particle or an ending attached somewhere in the
corpus (내용을, 설정했다면): the words a rule-based analysis can get wrong.

For each way of analysing Korean (Sphinx's default, the archive's), every
document is indexed as Sphinx's ``IndexBuilder.feed`` indexes a page's words,
and every query is looked up as the page's search looks it up
(:func:`pytorchkr_archive.korean_search.lookup.search`).  Then:

* **recall**: of the (noun, document) pairs Kiwi finds, the share the search
  finds;
* **extra hits**: documents found for a noun that Kiwi does not find in them
  (a noun inside a longer word, or a root shared by unrelated words).

What is missed and what is found in excess are listed by the word's tail, so
that the next rule comes from the measurement (``--ko-details``).

**Noun roots**: the suffix rules take particles and endings off a word without
knowing it, and some nouns end like one: 세미나 in 나 (사과나 배), 페이지 in
이 + 지, 온라인 in 인.  :func:`cut_nouns` lists the nouns Kiwi finds that the
rules, without their list of nouns kept whole (``rules.json``'s ``nouns``),
cut to a piece that is no noun Kiwi found (전문가 to 전문 lands on a noun and
is left as it is; 세미나 to 세미 does not).  That list is ``nouns``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sphinx.search import SearchLanguage

from pytorchkr_archive.catalogs.reader import read
from pytorchkr_archive.korean_search.analyzer import HANGUL, loanwords, stem
from pytorchkr_archive.korean_search.lookup import Related, search

#: The Kiwi tags of a noun (general, proper), and of what attaches to one.
NOUN_TAGS = ("NNG", "NNP")
ATTACHED_TAGS = ("J", "E", "XSV", "XSA", "VCP")
_HANGUL_WORD = re.compile(r"^[\uac00-\ud7a3]{2,}$")


class CorpusError(Exception):
    """A corpus folder that cannot be measured: the message says which file and why."""


@dataclass(frozen=True)
class Document:
    name: str
    text: str


def read_corpus(folder: Path) -> list[Document]:
    """Every ``.po`` file of ``folder`` (its sub-folders too) as one document of
    its translated text."""
    if not folder.is_dir():
        raise CorpusError(f"{folder}: no such folder (give a folder of .po files)")
    documents = []
    for path in sorted(folder.rglob("*.po")):
        reading = read(path.read_bytes())
        if reading.errors:
            error = reading.errors[0]
            raise CorpusError(
                f"{path}:{error.line}: {error.message} (mend the file or leave it out)"
            )
        strings = [
            string
            for entry in reading.entries
            if not entry.is_header and not entry.obsolete and not entry.fuzzy
            for string in entry.msgstr
            if string
        ]
        documents.append(Document(path.stem, "\n".join(strings)))
    if not documents:
        raise CorpusError(f"{folder}: no .po files in this folder")
    if not any(_has_hangul(d.text) for d in documents):
        raise CorpusError(f"{folder}: the catalogs hold no Korean text")
    return documents


def _has_hangul(text: str) -> bool:
    return HANGUL.search(text) is not None


@dataclass
class Oracle:
    """What Kiwi says: which documents hold each noun, and the nouns seen attached."""

    holds: dict[str, set[int]] = field(default_factory=dict)
    attached: Counter[str] = field(default_factory=Counter)

    def queries(self) -> list[str]:
        """The nouns to search for, in a stable order."""
        return sorted(self.attached)


def kiwi_oracle(documents: list[Document]) -> Oracle:
    """Kiwi's nouns per document (kiwipiepy must be installed: requirements-bench.lock)."""
    try:
        from kiwipiepy import Kiwi
    except ImportError as error:
        raise CorpusError(
            "the Korean corpus measurement needs Kiwi: `make bench` installs it "
            "from requirements-bench.lock (or: .venv/bin/pip install --require-hashes "
            "-r requirements-bench.lock)"
        ) from error
    kiwi = Kiwi()
    oracle = Oracle()
    for number, document in enumerate(documents):
        lines = [line for line in document.text.split("\n") if line.strip()]
        for tokens in kiwi.tokenize(lines):
            for token, following in zip(tokens, [*tokens[1:], None], strict=True):
                if token.tag not in NOUN_TAGS or not _HANGUL_WORD.match(token.form):
                    continue
                oracle.holds.setdefault(token.form, set()).add(number)
                if (
                    following is not None
                    and following.start == token.start + token.len
                    and following.tag.startswith(ATTACHED_TAGS)
                ):
                    oracle.attached[token.form] += 1
    return oracle


def build_index(documents: list[Document], language: SearchLanguage) -> dict:
    """The search index of the documents' words, as ``IndexBuilder.feed`` builds one."""
    terms: dict[str, set[int]] = {}
    word_filter = language.word_filter
    for number, document in enumerate(documents):
        for word in language.split(document.text):
            stemmed = language.stem(word).lower()
            if not word_filter(stemmed) and word_filter(word):
                stemmed = word
            if word_filter(stemmed):
                terms.setdefault(stemmed, set()).add(number)
    return {
        "terms": {term: sorted(files) for term, files in terms.items()},
        "titleterms": {},
        "docnames": [d.name for d in documents],
    }


@dataclass
class Score:
    """One analysis measured on the corpus."""

    name: str
    queries: int = 0
    relevant: int = 0
    found: int = 0
    extra: int = 0
    #: (noun, document) pairs missed, and found in excess.
    missed: list[tuple[str, int]] = field(default_factory=list)
    excess: list[tuple[str, int]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.relevant if self.relevant else 0.0


def evaluate(
    name: str,
    documents: list[Document],
    oracle: Oracle,
    language: SearchLanguage,
    related: Related | None = None,
    index: dict | None = None,
) -> Score:
    """Recall and extra hits of one analysis over every query of the oracle
    (``related``: the partial matches, as in :func:`lookup.search`)."""
    index = build_index(documents, language) if index is None else index
    number = {d.name: n for n, d in enumerate(documents)}
    score = Score(name)

    def stem(word: str) -> str:
        return language.stem(word).lower()

    for query in oracle.queries():
        want = oracle.holds[query]
        found = {
            number[d]
            for d in search(index, query, language.split, stem, language.stopwords, related)
        }
        score.queries += 1
        score.relevant += len(want)
        score.found += len(want & found)
        score.extra += len(found - want)
        score.missed += [(query, d) for d in sorted(want - found)]
        score.excess += [(query, d) for d in sorted(found - want)]
    return score


def words(documents: list[Document], language: SearchLanguage) -> list[str]:
    """Every distinct word with Hangul of the documents, as the analysis splits them."""
    return sorted({w for d in documents for w in language.split(d.text) if _has_hangul(w)})


def tails(
    pairs: list[tuple[str, int]], documents: list[Document], language: SearchLanguage
) -> Iterator[tuple[str, int, str]]:
    """For each (noun, document) pair, what follows the noun in the document's words
    that begin with it ("" when it is only inside longer words): (tail, count, example)."""
    counted: Counter[str] = Counter()
    example: dict[str, str] = {}
    for noun, number in pairs:
        found = sorted({w for w in language.split(documents[number].text) if noun in w})
        starting = [w for w in found if w.startswith(noun)]
        for word in starting or found[:1]:
            tail = word[len(noun) :] if word.startswith(noun) else "(inside " + word + ")"
            counted[tail] += 1
            example.setdefault(tail, word)
    for tail, count in counted.most_common():
        yield tail, count, example[tail]


#: Words Kiwi takes for one noun, even alone, that are a noun and a particle
#: (에일리어스 + 가): looked at one by one, and left out.
MISREAD = frozenset({"에일리어스가"})


def kiwi_nouns(*oracles: Oracle) -> set[str]:
    """The nouns the oracles hold (of two syllables or more: what Kiwi found in
    their documents), but those Kiwi does not read alone as that one noun too
    (in context it sometimes takes a particle in: 우리의)."""
    from kiwipiepy import Kiwi

    found = sorted({noun for oracle in oracles for noun in oracle.holds})
    alone = Kiwi().tokenize(found)
    return {
        noun
        for noun, tokens in zip(found, alone, strict=True)
        if len(tokens) == 1 and tokens[0].tag in NOUN_TAGS and noun not in MISREAD
    }


def cut_nouns(nouns: Collection[str], keep: frozenset[str] | None = None) -> dict[str, str]:
    """The nouns the analysis cuts to a piece that is no noun of ``nouns``:
    noun -> what it is cut to (``keep``: the nouns kept whole, the rules' by
    default; an empty set measures the suffix rules alone)."""
    return {
        noun: root
        for noun in sorted(nouns)
        if (root := stem(noun, keep=keep)) != noun
        and root not in nouns
        and noun not in loanwords()
    }
