"""Every talk and every speaker found from each language's own search page.

The sessions are read from the built pages as a reader sees them (each
programme's ``li.event-session``: its id, its title, its speakers' names, in
the page's language), not from the index.  For every session, in both
languages, the search page is asked for a speaker's name and for a word of
the title (the one fewest other titles share), as a reader types them; the
session's anchor must be among the results, above the pages that only
mention the words.  Each speaker's name also finds their page; on the Korean
site, the name the English page shows finds the talk too (a reader types a
name in either script), and so does a Latin word of a Korean title typed in
Hangul (멀티모달을 for Multimodal).  A talk's result is summed up by its title and
speakers, in the page's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup

from pytorchkr_archive.korean_search.analyzer import loanwords
from tests.conftest import LANGUAGES


@dataclass(frozen=True)
class Talk:
    page: str
    anchor: str
    title: str
    speakers: tuple[str, ...]


def talks_shown(site: Path, lang: str) -> list[Talk]:
    """Every session of every event page of a language, as its page shows it."""
    found = []
    for path in sorted((site / lang / "events").glob("2*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for item in soup.select("li.event-session"):
            found.append(
                Talk(
                    f"events/{path.name}",
                    item["id"],
                    item.select_one(".event-session-title").get_text(" ", strip=True),
                    tuple(
                        a.get_text(strip=True) for a in item.select(".event-session-speakers a")
                    ),
                )
            )
    return found


def title_word(talk: Talk, talks: list[Talk]) -> str:
    """The word of the talk's title that the fewest other titles hold (then the longest)."""
    words = [w for w in re.findall(r"\w+", talk.title) if len(w) >= 2 and not w.isdigit()]
    return min(
        words,
        key=lambda w: (sum(w.lower() in t.title.lower() for t in talks), -len(w)),
    )


def hangul_spellings(title: str) -> list[str]:
    """The Hangul spellings (rules.json's loanwords) of the title's Latin words."""
    words = {word.lower() for word in re.findall(r"[A-Za-z]+", title)}
    return [hangul for hangul, latin in loanwords().items() if latin in words]


def with_object_particle(word: str) -> str:
    """멀티모달을, 파이토치를: the particle a Korean reader writes after the word."""
    return word + ("을" if (ord(word[-1]) - 0xAC00) % 28 else "를")


#: The search page's own search (what ``search.html?q=`` runs, its results
#: before they are shown): the link of each, best first (Sphinx shows the last
#: first).  How a typed query reaches it and is shown: tests/korean_search.
RESULTS = """(query) => Search._performSearch(...Search._parseQuery(query))
  .reverse().map(([page, , anchor]) => page + DOCUMENTATION_OPTIONS.LINK_SUFFIX + anchor)"""


def results(page, query: str) -> list[str]:
    """The links of the search page's results for ``query``, best first."""
    return page.evaluate(RESULTS, query)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_talk_is_found_by_its_speaker_and_a_word_of_its_title(
    reader_context, site: Path, site_url: str, lang: str
) -> None:
    talks = talks_shown(site, lang)
    assert len(talks) >= 30
    english = {(t.page, t.anchor): t.speakers for t in talks_shown(site, "en")}
    page = reader_context.new_page()
    try:
        page.goto(f"{site_url}/{lang}/search.html")
        page.wait_for_function("() => Search.hasIndex()")
        missed = []
        for talk in talks:
            target = f"{talk.page}#{talk.anchor}"
            queries = [title_word(talk, talks), *talk.speakers[:1]]
            if lang != "en":
                queries += english[(talk.page, talk.anchor)][:1]
                # A Latin word of the title typed in Hangul, a particle after it.
                queries += [with_object_particle(h) for h in hangul_spellings(talk.title)]
            for query in queries:
                found = results(page, query)
                if target not in found:
                    missed.append(f"{query!r} -> {target}: {found[:5]}")
                elif query == queries[0] and not all(
                    "#" in link or link.startswith("speakers/")
                    for link in found[: found.index(target)]
                ):
                    missed.append(f"{query!r}: a page ranks above the talk: {found[:5]}")
            for speaker in talk.speakers:
                if not any(link.startswith("speakers/") for link in results(page, speaker)):
                    missed.append(f"{speaker!r}: no person's page found")
        assert missed == [], "\n".join(missed)
        # As shown: a talk's result is summed up by the talk (its title and
        # speakers, as its programme lists them), not by its event page.
        talk = next(t for t in talks if len(t.speakers) > 1)
        page.goto(f"{site_url}/{lang}/search.html?q={quote(talk.speakers[1])}")
        shown = page.locator(f'#search-results li:has(a[href$="#{talk.anchor}"]) p.context')
        summary = shown.first.text_content()
        assert summary.startswith(f"{talk.title} — "), summary
        assert all(speaker in summary for speaker in talk.speakers), summary
    finally:
        page.close()
