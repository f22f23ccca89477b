"""``make bench KO_CORPUS=folder``: Korean search on a corpus, written to the report.

The figures of :mod:`.korean_corpus` for Sphinx's default, the archive's rules
without partial matching, the rules with it, and a plain prefix match (a
two-syllable word finding every word that begins with it) for comparison;
then, per derivational suffix and prefix, what it adds to recall and to extra
hits, which is how ``rules.json`` chose them; then the parity of Python's and
the page's JavaScript analysis on every Korean word of the corpus.

No text of the corpus is written: only counts (the corpus is not the
archive's to copy).  ``--ko-details`` prints the commonest tails of what is
still missed, with examples, to the terminal only.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

from sphinx.search.en import SearchEnglish

from pytorchkr_archive.korean_search.analyzer import rules
from pytorchkr_archive.korean_search.language import SearchKorean
from pytorchkr_archive.korean_search.lookup import (
    TWO_HANGUL,
    Related,
    derived_terms,
    korean_related,
)
from pytorchkr_archive.measure.korean_corpus import (
    CorpusError,
    Document,
    Oracle,
    Score,
    build_index,
    cut_nouns,
    evaluate,
    kiwi_nouns,
    kiwi_oracle,
    read_corpus,
    tails,
    words,
)
from pytorchkr_archive.measure.search_parity import disagreements

#: The archive's own Korean catalogs, measured for noun roots with the corpus.
ARCHIVE_CATALOGS = Path(__file__).resolve().parents[2] / "locale" / "ko"

#: The report's heading, by which an earlier run's figures are kept.
CORPUS_HEADING = "## Korean search on real prose"
#: Suffixes and prefixes tried for partial matching besides those kept in
#: rules.json: common Sino-Korean and native ones that make compound nouns.
CANDIDATE_SUFFIXES = ("적", "자", "책", "권", "별", "명", "집", "서", "도", "법", "체", "용", "량")
CANDIDATE_PREFIXES = ("저", "대", "소", "부", "구", "초", "반", "미")


def plain_prefix(word: str, mapping: dict) -> list[str]:
    """Every indexed word that begins with a two-syllable Korean word."""
    if not TWO_HANGUL.match(word):
        return []
    return [term for term in mapping if term.startswith(word) and term != word]


def _with(derivational: Iterable[str], prefixes: Iterable[str]) -> Related:
    suffixes, heads = tuple(derivational), tuple(prefixes)
    return lambda word, mapping: derived_terms(word, mapping, suffixes, heads)


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "n/a"


def _row(score: Score, today: Score | None) -> str:
    more = _percent(score.extra - today.extra, today.extra) if today else "—"
    return (
        f"| {score.name} | {score.recall * 100:.2f} % | {score.found:,}/{score.relevant:,} "
        f"| {score.extra:,} | {more} |"
    )


def _verdict(gained: int, added: int) -> str:
    """The rule rules.json follows: an affix is kept when it brings two pairs or
    more, and more pairs than extra hits."""
    if gained <= added:
        return "costs as much as it gains, or more"
    if gained < 2:
        return "one pair: too few to decide on"
    return "gains more than it costs"


def affix_table(documents: list[Document], oracle: Oracle, index: dict, full: Score) -> list[str]:
    """What each suffix and prefix adds (or, if kept, what leaving it out costs),
    against ``full``: the score with the affixes of rules.json."""
    korean = SearchKorean({})
    data = rules()
    kept_suffixes, kept_prefixes = list(data["derivational"]), list(data["prefixes"])
    lines = [
        "| affix | kept | recall gained (pairs) | extra hits added | |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    trials = [("-" + s, s, True) for s in [*kept_suffixes, *CANDIDATE_SUFFIXES]]
    trials += [(p + "-", p, False) for p in [*kept_prefixes, *CANDIDATE_PREFIXES]]
    for label, affix, is_suffix in trials:
        kept = affix in (kept_suffixes if is_suffix else kept_prefixes)
        suffixes, prefixes = list(kept_suffixes), list(kept_prefixes)
        group = suffixes if is_suffix else prefixes
        if kept:
            group.remove(affix)
        else:
            group.append(affix)
        other = evaluate("", documents, oracle, korean, _with(suffixes, prefixes), index)
        gained = (full.found - other.found) if kept else (other.found - full.found)
        added = (full.extra - other.extra) if kept else (other.extra - full.extra)
        verdict = _verdict(gained, added)
        lines.append(f"| {label} | {'yes' if kept else 'no'} | {gained} | {added} | {verdict} |")
    return lines


def report_corpus(folder: Path, details: bool = False) -> str:
    """The Korean corpus section of ``docs/benchmarks.md``."""
    documents = read_corpus(folder)
    oracle = kiwi_oracle(documents)
    english, korean = SearchEnglish({}), SearchKorean({})
    index = build_index(documents, korean)
    default = evaluate("Sphinx's default (English word splitting)", documents, oracle, english)
    rules_only = evaluate(
        "the archive's rules, no partial matching", documents, oracle, korean, None, index
    )
    archive = evaluate(
        "the archive's rules and Korean partial matching",
        documents,
        oracle,
        korean,
        korean_related,
        index,
    )
    prefix = evaluate(
        "the archive's rules and a plain prefix match", documents, oracle, korean,
        plain_prefix, index,
    )  # fmt: skip
    corpus_words = words(documents, korean)
    same_split, differ = disagreements(corpus_words)
    if not same_split or differ:
        shown = ", ".join(f"{d.word}: {d.python} / {d.javascript}" for d in differ[:10])
        raise CorpusError(
            f"Python and the page's JavaScript analyse the corpus differently "
            f"(split alike: {same_split}; {len(differ)} words stemmed apart: {shown}): "
            "korean-stemmer.js must do what analyzer.py does"
        )
    characters = sum(len(d.text) for d in documents)
    # The corpus's nouns are the oracle's; the archive's catalogs add theirs.
    nouns = kiwi_nouns(oracle, kiwi_oracle(read_corpus(ARCHIVE_CATALOGS)))
    alone, still = cut_nouns(nouns, keep=frozenset()), cut_nouns(nouns)
    lines = [
        CORPUS_HEADING,
        "",
        f"`make bench KO_CORPUS={folder}`: {len(documents)} documents (one per `.po` file), "
        f"{characters:,} characters of Korean translation, with Kiwi {version('kiwipiepy')} "
        f"as the oracle. Queries: the {len(oracle.queries()):,} nouns Kiwi finds with a "
        f"particle or an ending attached; recall counts the (noun, document) pairs Kiwi "
        f"finds that the search finds too; an extra hit is a document found for a noun "
        f"that Kiwi does not find in it.",
        "",
        "| analysis | recall | pairs found | extra hits | extra hits vs. no partial matching |",
        "| --- | ---: | ---: | ---: | ---: |",
        _row(default, None),
        _row(rules_only, None),
        _row(archive, rules_only),
        _row(prefix, rules_only),
        "",
        "Partial matching, affix by affix (a kept one: what leaving it out would lose; "
        "another: what adding it would bring):",
        "",
        *affix_table(documents, oracle, index, archive),
        "",
        f"Parity: Python and the page's JavaScript reduce all {len(corpus_words):,} "
        f"distinct Korean words of the corpus alike, and split its text alike.",
        "",
        f"Noun roots: of the {len(nouns):,} nouns Kiwi finds in the corpus and the "
        f"archive's catalogs, the suffix rules alone cut {len(alone)} to a piece that is "
        f"no noun ({', '.join(f'{n} to {r}' for n, r in list(alone.items())[:8])}"
        f"{', ...' if len(alone) > 8 else ''}); `rules.json`'s `nouns` keeps "
        + (
            "every one whole."
            if not still
            else f"all but {len(still)} whole: add {', '.join(still)} to it."
        ),
    ]
    if details:
        print("Still missed, by what follows the noun (example word):")
        for tail, count, example in list(tails(archive.missed, documents, korean))[:40]:
            print(f"  {count:4}  {tail or '(the noun alone)'}  ({example})")
        print("Extra hits, by what follows the noun (example word):")
        for tail, count, example in list(tails(archive.excess, documents, korean))[:40]:
            print(f"  {count:4}  {tail or '(the noun alone)'}  ({example})")
    return "\n".join(lines)
