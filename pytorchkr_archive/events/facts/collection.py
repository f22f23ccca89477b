"""All the events of the archive, read from their pages and checked together.

Besides each page's schema (:mod:`.schema`) and the slugs, which must differ,
two checks read the page as it is written:

* **Nothing half filled.** ``make new-event`` writes ``TODO`` wherever a
  fact or a text is to come.  The word ``TODO`` (in capitals, as a word) in
  a value of the front matter, or in the page's text outside code, is an
  error at its line, and the event is left out of the site until none is
  left: a page that still has one would put "TODO" on the landing page, or
  a registration link to ``https://TODO``.  Comments are not values: the
  template's commented-out optional fields may stay.
* **The front matter is in the source language.**  A translated field
  (:data:`.messages.CONTEXTS`) that holds letters the source language does
  not write (Hangul in English) is a translation in the wrong place: the
  English site would show it.  Its place is the page's catalog.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import pydantic
import yaml

from pytorchkr_archive.events.facts.messages import CONTEXTS, FieldMessage, field_messages
from pytorchkr_archive.events.facts.schema import (
    FILE_NAME,
    LANGUAGE_CODE,
    Event,
    Problem,
    compose,
    field_name,
    front_matter,
    load_event,
)
from pytorchkr_archive.pages.drafts import is_draft
from pytorchkr_archive.pages.site_pages import write_if_changed
from pytorchkr_archive.problems import excerpt, shown_path
from pytorchkr_archive.project import Languages
from pytorchkr_archive.record.people import NAME_CONTEXT, SPEAKERS_DOC, People
from pytorchkr_archive.record.series import series_ids

#: Where event pages are, relative to the project.
EVENTS_DIR = "events"
#: The languages when the caller does not give the project's: English, and
#: translations whose catalogs a message can only name by pattern.
ENGLISH = Languages({"en": {"name": "English"}}, "en")

#: The word the template writes where something is to come.
PLACEHOLDER = re.compile(r"\bTODO\b")
#: What a placeholder of the template stands for, by field (list indices left out).
WANTED = {
    "event.start": 'the time the event starts, in quotes ("13:00")',
    "event.end": 'the time it ends, in quotes ("18:00")',
    "event.city": "the city's name, in English",
    "event.registration": "the registration page's full URL (https://...), or delete the line",
    "event.summary": "one line on what the event is",
    "event.announcement": "a short announcement (what to expect, how to register), or delete "
    "the line",
    "event.sessions.speakers.name": "the speaker's name, in English",
    "event.sessions.title": "the session's title, or delete the session",
    "event.sessions.uid": "the session's uid (lower-case letters, digits and dashes), "
    "or delete the session",
}

#: The letters a source language does not write, by its code (ranges of code
#: points, inclusive): in a translated field they are a translation.  Another
#: source language is another entry.
FOREIGN_LETTERS: dict[str, dict[str, tuple[tuple[int, int], ...]]] = {
    "en": {
        "Hangul": (
            (0x1100, 0x11FF),  # Jamo
            (0x3130, 0x318F),  # compatibility Jamo
            (0xA960, 0xA97F),  # Jamo extended-A
            (0xAC00, 0xD7A3),  # syllables
            (0xD7B0, 0xD7FF),  # Jamo extended-B
            (0xFFA0, 0xFFDC),  # halfwidth
        ),
        "Chinese characters": (
            (0x3400, 0x4DBF),
            (0x4E00, 0x9FFF),
            (0xF900, 0xFAFF),
            (0x20000, 0x3134F),
        ),
        "kana": ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F)),
    },
}

#: A fence that opens code (```` ```python ````, ``~~~``), or a directive.
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*(\{[^}]*\}|\S*)")
#: Directives whose content is code, not text.
CODE_DIRECTIVES = {"{code}", "{code-block}", "{code-cell}", "{sourcecode}", "{literalinclude}"}
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")


@dataclass(frozen=True)
class EventPage:
    """An event and its page."""

    docname: str
    slug: str
    event: Event
    #: Its translatable fields, as messages of the page's catalog.
    messages: tuple[FieldMessage, ...] = ()


def event_files(srcdir: Path) -> list[Path]:
    """The event pages: every ``events/*.md`` but the folder's index and the
    drafts (``published: false``, :mod:`pytorchkr_archive.pages.drafts`)."""
    folder = srcdir / EVENTS_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.md") if p.stem != "index" and not is_draft(p))


def _nodes(node: yaml.Node, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple, yaml.Node]]:
    """Every node of a YAML tree with its place: keys and list indices."""
    yield loc, node
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if value is not node:  # an alias of itself
                yield from _nodes(value, (*loc, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            if item is not node:
                yield from _nodes(item, (*loc, index))


def _name(loc: tuple[Any, ...]) -> str:
    if loc and loc[0] == "event":
        return field_name(loc[1:])
    return ".".join(map(str, loc))


def _front_matter_placeholders(shown: str, document: yaml.Node, offset: int) -> list[Problem]:
    found = []
    for loc, node in _nodes(document):
        if isinstance(node, yaml.ScalarNode) and PLACEHOLDER.search(node.value):
            kind = ".".join(str(key) for key in loc if not isinstance(key, int))
            wanted = WANTED.get(kind, "what it stands for (docs/events.md says what it holds)")
            found.append(
                Problem(
                    shown,
                    node.start_mark.line + offset,
                    _name(loc),
                    f"{excerpt(node.value)} is left from the template: write {wanted}",
                )
            )
    return found


def _text_placeholders(shown: str, body: str, first: int) -> list[Problem]:
    """``TODO`` in the page's text: its headings and paragraphs, not its code."""
    found = []
    fences: list[tuple[str, bool]] = []  # open fences: the marker, and whether it holds code
    for number, line in enumerate(body.splitlines(), first):
        opened = FENCE.match(line)
        if opened and fences and not opened[2]:
            marker = fences[-1][0]
            if opened[1][0] == marker[0] and len(opened[1]) >= len(marker):
                fences.pop()
                continue
        if fences and fences[-1][1]:
            continue
        if opened:
            info = opened[2]
            fences.append((opened[1], not info.startswith("{") or info in CODE_DIRECTIVES))
            continue
        if line.lstrip().startswith("%"):  # a MyST comment
            continue
        if PLACEHOLDER.search(INLINE_CODE.sub("", line)):
            what = "the event's title" if line.startswith("# ") else "what it asks for"
            found.append(
                Problem(
                    shown,
                    number,
                    "page text",
                    f"{excerpt(line)} is left from the template: write {what}",
                )
            )
    return found


@dataclass(frozen=True)
class PageSource:
    """A page as written, for the checks that read it so: its front matter's
    text and its body's, each with the line it starts on."""

    front_matter: str
    offset: int
    body: str
    body_line: int

    @cached_property
    def document(self) -> yaml.Node | None:
        """The front matter's node tree, read only by a check that needs it: most
        pages have no TODO and no foreign letter, and a parse costs milliseconds."""
        try:
            return compose(self.front_matter)
        except yaml.YAMLError:
            return None  # load_event says where the YAML goes wrong

    @property
    def event(self) -> yaml.MappingNode | None:
        """The ``event:`` mapping's node, if there is one."""
        nodes = getattr(self.document, "value", [])
        event = next((v for k, v in nodes if k.value == "event"), None)
        return event if isinstance(event, yaml.MappingNode) else None


def read_page(path: Path) -> PageSource:
    """Read a page for the checks that need it as written."""
    text = path.read_text(encoding="utf-8")
    found = front_matter(text)
    if found is None:
        return PageSource("", 1, text, 1)
    source, offset = found
    return PageSource(source, offset, text[len(source) + 8 :], source.count("\n") + 3)


def placeholders(page: PageSource, shown: str) -> list[Problem]:
    """Every ``TODO`` left in a page, front matter and text, at its line."""
    problems = []
    if "TODO" in page.body:
        problems += _text_placeholders(shown, page.body, page.body_line)
    if "TODO" in page.front_matter and page.document is not None:
        problems += _front_matter_placeholders(shown, page.document, page.offset)
    return problems


def _by_language(node: yaml.MappingNode) -> bool:
    """Whether a mapping is a table of languages: ``{en: Seoul, ko: 서울}``."""
    keys = [key.value for key, _ in node.value]
    return bool(keys) and all(LANGUAGE_CODE.match(key) for key in keys)


@cache
def _foreign(language: str) -> dict[str, re.Pattern[str]]:
    """The letters ``language`` does not write, by script, as patterns."""
    return {
        script: re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in ranges) + "]")
        for script, ranges in FOREIGN_LETTERS.get(language, {}).items()
    }


def _translated(event: yaml.MappingNode) -> Iterator[tuple[tuple, str, yaml.Node]]:
    """The nodes of the translated fields, with their place and their context."""
    for loc, node in _nodes(event):
        context = CONTEXTS.get(tuple(key for key in loc if not isinstance(key, int)))
        if context is not None:
            yield loc, context, node


def translations_here(
    page: PageSource, path: Path, shown: str, languages: Languages, suspect: bool = False
) -> list[Problem]:
    """Translated fields that hold a translation: letters the source language does
    not write, or a table of languages (``city: {en: Seoul, ko: 서울}``).

    A table is looked for only in a page already ``suspect`` (one with a
    problem, as a table is for the schema): the others are read no further
    than their text, when it has no foreign letter.
    """
    source = languages.default
    letters = _foreign(source)
    foreign = any(pattern.search(page.front_matter) for pattern in letters.values())
    event = page.event if foreign or suspect else None
    if event is None:
        return []
    name = languages.table.get(source, {}).get("name", source)

    def catalogs(docname: str) -> str:
        return ", ".join(
            f"locale/{code}/LC_MESSAGES/{docname}.po" for code in languages.translations
        ) or (f"locale/<language>/LC_MESSAGES/{docname}.po")

    problems = []
    for loc, context, node in _translated(event):
        # A person's name is translated once, in the speakers page's catalog.
        shared = context == NAME_CONTEXT
        whose = "the speakers page's catalog" if shared else "the page's catalog"
        docname = SPEAKERS_DOC if shared else f"{EVENTS_DIR}/{path.stem}"
        where = (
            f"{whose}, {catalogs(docname)} (make update-po adds the message, with "
            f'msgctxt "{context}"; translate it there)'
        )
        if isinstance(node, yaml.MappingNode) and _by_language(node):
            message = (
                f"a translation written here: write the {name} alone; its translations "
                f"are in {where}"
            )
        elif isinstance(node, yaml.ScalarNode):
            scripts = [script for script, pattern in letters.items() if pattern.search(node.value)]
            if not scripts:
                continue
            message = (
                f"{excerpt(node.value)} is in {' and '.join(scripts)}, which {name}, the front "
                f"matter's language, does not write: write the {name} here, and its "
                f"translation in {where}"
            )
        else:
            continue
        line = node.start_mark.line + page.offset
        problems.append(Problem(shown, line, field_name(loc), message))
    return problems


def load_people(srcdir: Path) -> tuple[People, list[Problem]]:
    """Who is who, from the speakers page's front matter (``people:``,
    :mod:`pytorchkr_archive.record.people`), and its problems."""
    path = srcdir / f"{SPEAKERS_DOC}.md"
    if not path.is_file():
        return People(), []
    page = read_page(path)
    shown = shown_path(path, srcdir)
    document = page.document
    nodes = getattr(document, "value", []) if isinstance(document, yaml.MappingNode) else []
    people = next((v for k, v in nodes if k.value == "people"), None)
    if people is None:
        return People(), []
    problems: list[Problem] = []

    def problem(node: yaml.Node, field: str, message: str) -> None:
        problems.append(Problem(shown, node.start_mark.line + page.offset, field, message))

    if not isinstance(people, yaml.SequenceNode):
        problem(people, "people", "a list: one '- name: ...' per person, with 'also: [...]'")
        return People(), problems
    aliases: dict[str, str] = {}
    names: set[str] = set()
    letters = _foreign("en")
    for index, entry in enumerate(people.value):
        field = f"people[{index}]"
        fields = {k.value: v for k, v in getattr(entry, "value", [])}
        if not isinstance(entry, yaml.MappingNode) or not isinstance(
            fields.get("name"), yaml.ScalarNode
        ):
            problem(
                entry,
                field,
                "each person is '- name: ...' (and 'also: [...]', other "
                "spellings the sources use)",
            )
            continue
        unknown = sorted(set(fields) - {"name", "also"})
        if unknown:
            problem(
                entry,
                f"{field}.{unknown[0]}",
                "unknown field: a person has 'name' and "
                "'also' (the other spellings of their name)",
            )
        name = fields["name"].value.strip()
        also = fields.get("also")
        spellings = getattr(also, "value", []) if isinstance(also, yaml.SequenceNode) else []
        if also is not None and not isinstance(also, yaml.SequenceNode):
            problem(also, f"{field}.also", "a list of the other spellings: [Jaeung, ...]")
        for node, written in [(fields["name"], name)] + [(n, n.value.strip()) for n in spellings]:
            scripts = [script for script, pattern in letters.items() if pattern.search(written)]
            if scripts or not written:
                problem(
                    node,
                    field,
                    f"{excerpt(written)} is not a name in English: a person's "
                    f"name in another script is its translation, in {SPEAKERS_DOC}.po",
                )
            elif written in aliases or (written in names and written != name):
                problem(
                    node,
                    field,
                    f"{excerpt(written)} is already one of the people here: "
                    "a spelling is one person's",
                )
            elif written != name:
                aliases[written] = name
        if name in names or name in aliases:
            problem(fields["name"], field, f"{excerpt(name)} is already one of the people here")
        names.add(name)
    return People(aliases), problems


#: What one event file gives: its event (None when it is not valid), its
#: problems, and its messages (None when it is not published).
FileReading = tuple[Event | None, list[Problem], tuple[FieldMessage, ...] | None]


def read_event_file(
    path: Path,
    shown: str,
    languages: Languages,
    today: dt.date | None,
    series: tuple[str, ...],
    people: People,
) -> FileReading:
    """Read and check one event page: what :func:`collect` keeps of it."""
    event, found = load_event(path, shown, today, series)
    # A field left from the template or holding a translation is said so,
    # once: not also as a time or a URL that does not parse.
    page = read_page(path)
    left = placeholders(page, shown)
    left += translations_here(page, path, shown, languages, suspect=bool(found))
    held = {problem.field for problem in left}
    problems = left + [problem for problem in found if problem.field not in held]
    if event is None or left:
        return event, problems, None
    return event, problems, field_messages(path, event, people)


def collect(
    srcdir: Path,
    languages: Languages = ENGLISH,
    today: dt.date | None = None,
    kept: dict[str, tuple[str, FileReading]] | None = None,
) -> tuple[list[EventPage], list[Problem]]:
    """Every valid event, newest first, and every problem found on the way.

    ``languages`` are the project's (``conf.py``): the source language is the
    front matter's, and the others' catalogs are where its translations go.
    ``today`` is the build clock's date (an event ahead must be known in full).

    With ``kept`` (an earlier build's readings, by file), a file is read
    again only when its bytes or what its reading depends on (the date, the
    series, the people, the languages) changed: reading an event costs some
    5 ms, and a build reads every one of them.  ``kept`` is left holding this
    build's readings.
    """
    people, problems = load_people(srcdir)
    series = series_ids(srcdir)
    context = repr((today, series, languages, people)).encode("utf-8")
    readings: dict[str, tuple[str, FileReading]] = {}
    pages: list[EventPage] = []
    by_slug: dict[str, str] = {}
    for path in event_files(srcdir):
        shown = shown_path(path, srcdir)
        name = FILE_NAME.match(path.stem)
        if not name:
            problems.append(
                Problem(
                    shown,
                    1,
                    "file name",
                    "an event page is named "
                    "YYYY-MM-DD-slug.md (lower-case letters, digits and "
                    "hyphens in the slug)",
                )
            )
            continue
        if kept is None:
            reading = read_event_file(path, shown, languages, today, series, people)
        else:
            digest = hashlib.sha256(context + b"\0" + path.read_bytes()).hexdigest()
            earlier = kept.get(shown)
            if earlier is not None and earlier[0] == digest:
                reading = earlier[1]
            else:
                reading = read_event_file(path, shown, languages, today, series, people)
            readings[shown] = (digest, reading)
        event, found, messages = reading
        problems += found
        slug = name.group("slug")
        if slug in by_slug:
            problems.append(
                Problem(
                    shown,
                    1,
                    "slug",
                    f"{slug!r} is already the slug of "
                    f"{by_slug[slug]}: give this event another one",
                )
            )
        by_slug.setdefault(slug, shown)
        if event is None or messages is None:
            continue
        docname = f"{EVENTS_DIR}/{path.stem}"
        pages.append(EventPage(docname, slug, event, messages))
    pages.sort(key=lambda page: (page.event.date, page.docname), reverse=True)
    if kept is not None:
        kept.clear()
        kept.update(readings)
    return pages, sorted(problems)


# The readings kept beside the doctrees from one build to the next: each
# build reads every event page's front matter (some 5 ms an event), seconds of
# a translator's rebuild that changed none of them with a thousand events.
# They are kept in a pickle beside Sphinx's own (the environment is one too),
# under a digest of the code that makes them; a build with other code, or a
# file that cannot be read back, starts afresh.

#: The file, beside the doctrees.
KEPT = "archive-event-readings.pickle"
#: The code a reading is made by: these folders and files of the package.
CODE = ("events", "record", "project.py", "problems.py", "pages/drafts.py")


@cache
def code_digest() -> str:
    """A digest of the code that reads events, and of the versions it runs on."""
    package = Path(__file__).resolve().parents[2]
    sha = hashlib.sha256(f"{sys.version}|{pydantic.VERSION}|{yaml.__version__}".encode())
    for name in CODE:
        path = package / name
        for source in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            sha.update(source.relative_to(package).as_posix().encode())
            sha.update(source.read_bytes())
    return sha.hexdigest()


def load_kept(doctreedir: Path, env_kept: object = None) -> dict[str, Any]:
    """The readings the last build kept, if the same code made them (else none).

    ``env_kept`` is what the last build left in Sphinx's environment
    (:func:`kept_in_env`): the environment is read anyway, and its events are
    the same objects as the readings, so taking them from it saves reading
    them again from the file (half a second at a thousand events).  The file
    serves a build whose environment is new (a changed configuration).
    """
    if isinstance(env_kept, tuple) and len(env_kept) == 2 and env_kept[0] == code_digest():
        return env_kept[1] if isinstance(env_kept[1], dict) else {}
    try:
        key, readings = pickle.loads((doctreedir / KEPT).read_bytes())
    except Exception:  # no file, another format, classes since changed: start afresh
        return {}
    return readings if key == code_digest() and isinstance(readings, dict) else {}


def kept_in_env(readings: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The readings as the environment keeps them, with the code that made them."""
    return code_digest(), readings


def save_kept(doctreedir: Path, readings: dict[str, Any]) -> None:
    """Keep this build's readings for the next one."""
    data = pickle.dumps((code_digest(), readings), pickle.HIGHEST_PROTOCOL)
    write_if_changed(doctreedir / KEPT, data)
