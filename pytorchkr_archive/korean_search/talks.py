"""Every talk and every person in the search index, so that a search lands on them.

The programme of an event page and the people's pages are written at
HTML-writing time, from the event's front matter, outside the doctree that
Sphinx indexes: a session's title, its speakers and their organizations
were found by no search.  Here each build adds to its ``searchindex.js``,
in the language built:

* ``talks``: for each session, its page, its anchor (the session's id on the
  page), its title, its speakers as the programme lists them (with their
  organizations: the result's summary),
  and the words it is found by: its title, its speakers' names (with the
  name they go by in the source language and their other spellings, so that
  a Latin name finds a person on the Korean site), their organizations;
* ``people``: for each person's page, the name it shows and the same words
  of the person.

The words are analysed as Sphinx analyses a page's (the language's
stemmer: the Korean analysis on the Korean site), and ``archive-search.js``
finds a talk, and a person, whose words hold every word of the query; the
result leads to the session's anchor and ranks above the pages that only
mention the words.
"""

from __future__ import annotations

import functools
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.search import SearchLanguage

from pytorchkr_archive.events.facts.built import events, events_built
from pytorchkr_archive.events.facts.collection import load_people
from pytorchkr_archive.record.people import person_docname


def analysed(language: SearchLanguage, texts: list[str]) -> str:
    """The words of ``texts`` as the index holds a page's (``IndexBuilder.feed``),
    space-separated, each once."""
    stem = functools.cache(lambda word: language.stem(word).lower())
    found: dict[str, None] = {}
    for text in texts:
        for word in language.split(text):
            stemmed = stem(word)
            if not language.word_filter(stemmed) and language.word_filter(word):
                stemmed = word
            if language.word_filter(stemmed):
                found[stemmed] = None
    return " ".join(found)


def talks_and_people(app: Sphinx) -> dict[str, list[list[str]]]:
    """The ``talks`` and ``people`` of this build's index (see the module's text)."""
    language = app.builder.indexer.lang  # type: ignore[attr-defined]
    people, _ = load_people(Path(app.srcdir))
    built = events_built(app.config, app.env)
    talks: list[list[str]] = []
    words_of: dict[str, list[str]] = {}
    shown_name: dict[str, str] = {}
    for page in events(app.env):
        shown = built.view(page)
        for session in shown.sessions:
            words = [session.title]
            for speaker in session.speakers:
                person = [speaker.name, speaker.key, *people.spellings(speaker.key)]
                words += person
                if speaker.organization:
                    words.append(speaker.organization)
                words_of.setdefault(speaker.key, person)
                shown_name.setdefault(speaker.key, speaker.name)
            talks.append(
                [
                    page.docname,
                    session.uid,
                    session.title,
                    session.speakers_shown,
                    analysed(language, words),
                ]
            )
    found_people = [
        [person_docname(key), shown_name[key], analysed(language, words)]
        for key, words in sorted(words_of.items())
    ]
    return {"talks": talks, "people": found_people}
