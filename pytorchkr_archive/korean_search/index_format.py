"""A smaller ``searchindex.js``: the same index, written compactly.

Sphinx writes the list of pages of every word in full (``[0,1,2,...,999]``),
each section title's pages one ``[page, anchor]`` pair at a time, every
page's source file name, and its text as ``\\uXXXX`` escapes.  At 1,000
events the index was about 2 MB, downloaded by every search.  This format
writes the same data with:

* each list of page numbers as ranges (``"0-999"``, ``"3,7-9"``), which a word
  found on most pages (PyTorch, 발표) shrinks to a few bytes;
* a title's pages grouped by anchor (``{"": "0-3", "roadmap": "4,7"}``);
* the source file names left out when each is the page's name and one
  suffix (``"filenames": ".md"``);
* the text as UTF-8 (a Korean syllable is 3 bytes instead of 6);
* no word that is on no page (left by an incremental build).

It also holds what Sphinx does not index: every talk and every person
(``talks``, ``people``: :mod:`.talks`), made afresh at every build; the
talks alike on several pages (an anchor, a title, speakers and words) are
written once, with their pages as ranges.

The file is still one call ``Search.setIndex(<JSON>)``: ``archive-search.js``
(loaded before it on the search page) expands the data to Sphinx's shape
before ``searchtools.js`` sees it, and :func:`expand` does the same for
Python readers, Sphinx's incremental builds among them (:class:`CompactIndex`
is the builder's ``indexer_format``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sphinx.application import Sphinx
from sphinx.search import _JavaScriptIndex, js_index

from pytorchkr_archive.korean_search.talks import talks_and_people

Pages = int | list[int]


def ranges(numbers: list[int]) -> str:
    """Sorted page numbers as ranges: ``[0, 1, 2, 5]`` → ``"0-2,5"``."""
    parts: list[str] = []
    start = previous = None
    for number in [*numbers, None]:
        if start is not None and number == previous + 1:
            previous = number
            continue
        if start is not None:
            parts.append(str(start) if start == previous else f"{start}-{previous}")
        start = previous = number
    return ",".join(parts)


def numbers(text: str) -> list[int]:
    """The page numbers of :func:`ranges`' text."""
    found: list[int] = []
    for part in filter(None, text.split(",")):
        first, _, last = part.partition("-")
        found.extend(range(int(first), int(last or first) + 1))
    return found


def _compact_terms(terms: dict[str, Pages]) -> dict[str, int | str]:
    """The words and their pages; a word on no page is left out.

    Sphinx's incremental build keeps a word whose every page was read again
    without it (a translated title changed), with no pages: a fresh build has
    no such word, and the rebuilt index is the fresh one's.
    """
    return {word: p if isinstance(p, int) else ranges(p) for word, p in terms.items() if p != []}


def _expand_terms(terms: dict[str, int | str]) -> dict[str, Pages]:
    return {word: numbers(p) if isinstance(p, str) else p for word, p in terms.items()}


def _compact_titles(alltitles: dict[str, list]) -> dict[str, dict[str, str]]:
    """``{title: [[page, anchor], ...]}`` → ``{title: {anchor: ranges}}``; a
    page's own title (anchor ``null``) is the anchor ``""``."""
    compact: dict[str, dict[str, str]] = {}
    for title, pairs in alltitles.items():
        by_anchor: dict[str, list[int]] = {}
        for page, anchor in pairs:
            by_anchor.setdefault(anchor or "", []).append(page)
        compact[title] = {anchor: ranges(sorted(pages)) for anchor, pages in by_anchor.items()}
    return compact


def _expand_titles(alltitles: dict[str, dict[str, str]]) -> dict[str, list]:
    expanded = {}
    for title, by_anchor in alltitles.items():
        if isinstance(by_anchor, list):  # Sphinx's own shape (an index written before)
            expanded[title] = by_anchor
            continue
        pairs = [
            [page, anchor or None]
            for anchor, pages in by_anchor.items()
            for page in numbers(pages)
        ]
        expanded[title] = sorted(pairs, key=lambda pair: pair[0])
    return expanded


def _file_suffix(docnames: list[str], filenames: list[str | None]) -> str | None:
    """The one suffix that makes every page's name its file name, if there is one."""
    if not docnames or filenames[0] is None or not filenames[0].startswith(docnames[0]):
        return None
    suffix = filenames[0][len(docnames[0]) :]
    same = all(f == d + suffix for d, f in zip(docnames, filenames, strict=True))
    return suffix if same else None


def compact(index: dict[str, Any]) -> dict[str, Any]:
    """Sphinx's frozen index, in this format."""
    data = dict(index)
    data["terms"] = _compact_terms(index["terms"])
    data["titleterms"] = _compact_terms(index["titleterms"])
    data["alltitles"] = _compact_titles(index["alltitles"])
    suffix = _file_suffix(list(index["docnames"]), list(index["filenames"]))
    if suffix is not None:
        data["filenames"] = suffix
    return data


def expand(data: dict[str, Any]) -> dict[str, Any]:
    """This format's data, in Sphinx's shape (what ``searchtools.js`` reads)."""
    index = dict(data)
    index["terms"] = _expand_terms(data["terms"])
    index["titleterms"] = _expand_terms(data["titleterms"])
    index["alltitles"] = _expand_titles(data["alltitles"])
    if isinstance(data["filenames"], str):
        index["filenames"] = [name + data["filenames"] for name in data["docnames"]]
    return index


#: What the archive adds to Sphinx's index (:mod:`.talks`), not read back.
EXTRA = ("talks", "people")


def compact_talks(talks: list[list[str]], docnames: list[str]) -> list[list[str]]:
    """``talks`` (page, anchor, title, speakers, words) as (anchor, title,
    speakers, words, the pages' numbers as ranges), each alike talk once."""
    number = {name: n for n, name in enumerate(docnames)}
    pages: dict[tuple[str, ...], list[int]] = {}
    for page, *talk in talks:
        if page in number:
            pages.setdefault(tuple(talk), []).append(number[page])
    return [[*talk, ranges(sorted(found))] for talk, found in pages.items()]


class CompactIndex(_JavaScriptIndex):
    """``searchindex.js`` in this format: Sphinx writes and reads it through this.

    ``extra`` gives what the archive adds to the index when it is written
    (the build's talks and people); reading the file back leaves it out, as
    Sphinx's incremental build wants only its own data.
    """

    def __init__(self, extra: Callable[[], dict[str, Any]] | None = None) -> None:
        self.extra = extra

    def dumps(self, data: Any) -> str:
        extra = self.extra() if self.extra else {}
        if "talks" in extra:
            extra["talks"] = compact_talks(extra["talks"], list(data["docnames"]))
        data = compact(data) | extra
        text = json.dumps(data, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
        return self.PREFIX + text + self.SUFFIX

    def loads(self, s: str) -> Any:
        data = super().loads(s)
        return expand({key: value for key, value in data.items() if key not in EXTRA})


compact_index = CompactIndex()


def use_compact_index(app: Sphinx) -> None:
    """Make the HTML builder write and read ``searchindex.js`` in this format,
    with the build's talks and people."""
    if getattr(app.builder, "indexer_format", None) is js_index:
        app.builder.indexer_format = CompactIndex(lambda: talks_and_people(app))  # type: ignore[attr-defined]


def read_index(text: str) -> dict[str, Any]:
    """The data of a ``searchindex.js``, in Sphinx's shape."""
    return compact_index.loads(text.strip().removesuffix(";"))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", use_compact_index)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
