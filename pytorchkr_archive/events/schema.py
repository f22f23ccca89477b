"""The facts of an event, as its page declares them in front matter.

Every event page starts with a YAML front matter block whose ``event`` key
follows the :class:`Event` schema (documented in ``docs/events.md``).  It is
validated with pydantic: a missing field, an unknown one (a typo), a
malformed date, time, time zone or URL, or a text holding a character the
feeds and calendars cannot carry is a :class:`Problem` naming the file, the line
and the field, and saying what to write instead.

The front matter is in the source language only, like the page: English
text and facts that no language changes (dates, times, the time zone,
URLs).  Every text a reader sees translated (the city, a sponsor's name, the
summary, a talk's title, a speaker's name) is a gettext message of the
page's catalog (:mod:`.messages`), and the languages are data
(``archive_languages`` in ``conf.py``): no field names a language, and the
recaps are keyed by language code.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    ValidationError,
    field_validator,
)

from pytorchkr_archive.escaping.characters import refused_characters

#: ``events/YYYY-MM-DD-slug.md``: the date and the slug of an event page.
FILE_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")


class Strict(BaseModel):
    """A part of the schema: unknown fields are errors, not silently ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


def publishable(value: str) -> str:
    """A text the feeds and calendars can carry (XML 1.0, iCalendar): no control
    character but tab and line feed, no noncharacter."""
    found = refused_characters(value)
    if found:
        raise ValueError(
            f"holds {', '.join(map(str, found))}, which the Atom feed and the calendar "
            "files (XML 1.0, iCalendar) cannot hold; delete it (in YAML it is an escape "
            'such as \\v or \\x0b in a "double-quoted" text)'
        )
    return value


#: A text that a feed or a calendar may show (a name, in the source language).
Plain = Annotated[str, AfterValidator(publishable)]
#: A text of the source language (translated through the page's catalog).
Text = Annotated[str, Field(min_length=1), AfterValidator(publishable)]
#: A language code as ``archive_languages`` has them: ``en``, ``ko``, ``pt_BR``...
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?$")


class Organization(Strict):
    """A venue or a sponsor: its name (translatable) and its site."""

    name: Text
    url: HttpUrl


class Venue(Organization):
    """Where the event takes place: a name, a site and, optionally, its street address."""

    #: The street address, in the source language (translated like the name).
    address: Text | None = None


class Talk(Strict):
    """A talk: the speaker's name, the title (both translatable), the organisation."""

    speaker: Text
    title: Text
    #: Only where a source states it.
    organization: Plain | None = None


class Event(Strict):
    """The facts of one event."""

    date: dt.date
    start: dt.time
    end: dt.time
    timezone: str
    city: Text
    country: Text
    venue: Venue | None = None
    sponsor: Organization | None = None
    registration: HttpUrl | None = None
    #: Where people attend: at the venue, online, or both.
    attendance: Literal["offline", "online", "mixed"] = "offline"
    #: Whether the event takes place as announced.
    status: Literal["scheduled", "cancelled", "postponed"] = "scheduled"
    #: A short announcement, shown until the event has taken place and its
    #: recap is written (what to expect, how to register).
    announcement: Text | None = None
    #: Where the recap was first published, by language code.
    recaps: dict[str, HttpUrl] = {}
    author: Text | None = None
    summary: Text
    #: Organisations the event announced its speakers from (who is from where
    #: is in ``talks``, where a source says it).
    organizations: list[Plain] = []
    talks: list[Talk] = []

    @field_validator("recaps")
    @classmethod
    def language_codes(cls, value: dict[str, HttpUrl]) -> dict[str, HttpUrl]:
        for code in value:
            if not LANGUAGE_CODE.match(code):
                raise ValueError(f"{code!r} is not a language code (en, ko, pt_BR...)")
        return value

    @field_validator("timezone")
    @classmethod
    def known_time_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value

    @field_validator("date", mode="before")
    @classmethod
    def date_only(cls, value: Any) -> Any:
        if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(f"{value!r} is not a date")
        return value

    @field_validator("start", "end", mode="before")
    @classmethod
    def hours_and_minutes(cls, value: Any) -> Any:
        if isinstance(value, int):  # YAML reads 13:00 as 780 (base 60)
            raise ValueError('a time in quotes, "HH:MM"')
        if isinstance(value, str) and not re.fullmatch(r"\d{2}:\d{2}", value):
            raise ValueError('a time as "HH:MM"')
        return value

    @property
    def starts(self) -> dt.datetime:
        return dt.datetime.combine(self.date, self.start, ZoneInfo(self.timezone))

    @property
    def ends(self) -> dt.datetime:
        return dt.datetime.combine(self.date, self.end, ZoneInfo(self.timezone))


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong in an event page's metadata."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


#: What to do, by pydantic error type.
ADVICE = {
    "missing": "add it (the fields are listed in docs/events.md)",
    "extra_forbidden": "not a field of the schema: check its spelling (docs/events.md)",
    "date_from_datetime_parsing": "write the date as YYYY-MM-DD",
    "date_parsing": "write the date as YYYY-MM-DD",
    "date_type": "write the date as YYYY-MM-DD",
    "time_parsing": 'write the time as "HH:MM", in quotes',
    "time_type": 'write the time as "HH:MM", in quotes',
    "url_parsing": "write a full URL: https://...",
    "url_scheme": "write a full URL: https://...",
    "url_type": "write a full URL: https://...",
    "string_too_short": "give a value",
    "string_type": "write text",
    "list_type": "write a list (one '- ' item per line)",
    "model_type": "write the fields below it, indented",
    "dict_type": "write one 'code: URL' line per language, indented",
    "literal_error": "write one of the values given",
}


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML without implicit timestamps: dates stay text, for pydantic to check.

    PyYAML would turn ``2024-13-15`` into an exception without a line, and
    ``2024-11-15 10:00`` into a datetime.  The loader is libyaml's where
    PyYAML has it (its wheels do): the pure-Python one took 16 ms an event
    page, most of the time spent reading an archive's events.
    """


_Loader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse(source: str) -> tuple[yaml.Node | None, Any]:
    """The front matter's node tree (for lines) and its data, from one parse."""
    loader = _Loader(source)
    try:
        document = loader.get_single_node()
        data = loader.construct_document(document) if document is not None else None
    finally:
        loader.dispose()
    return document, data


def front_matter(text: str) -> tuple[str, int] | None:
    """The YAML front matter of a page and the line it starts on, if it has one."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 4)
    if end == -1:
        return None
    return text[4 : end + 1], 2


def line_of(node: yaml.Node | None, loc: tuple[Any, ...], offset: int, line: int) -> int:
    """The line of the YAML key at ``loc``, or of its closest existing parent's key."""
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == key), None)
            key_node = next((k for k, v in node.value if k.value == key), None)
            if key_node is None:
                break
            line = key_node.start_mark.line + offset
            node = match
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value)
        ):
            node = node.value[key]
            line = node.start_mark.line + offset
        else:
            break
    return line


def load_event(path: Path, shown: str) -> tuple[Event | None, list[Problem]]:
    """Read and validate the ``event`` front matter of an event page."""
    text = path.read_text(encoding="utf-8")
    found = front_matter(text)
    if found is None:
        return None, [
            Problem(
                shown,
                1,
                "event",
                "no front matter: the page must start with "
                "'---', the event's fields under 'event:', then '---'",
            )
        ]
    source, offset = found
    try:
        document, data = parse(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + offset if mark else offset
        return None, [
            Problem(
                shown,
                line,
                "event",
                f"the front matter is not valid YAML: {getattr(error, 'problem', error)}",
            )
        ]
    if not isinstance(data, dict) or "event" not in data:
        return None, [
            Problem(
                shown,
                offset,
                "event",
                "the front matter has no 'event:' "
                "field: the event's facts go under it (docs/events.md)",
            )
        ]
    event_key, event_node = next((k, v) for k, v in document.value if k.value == "event")
    event_line = event_key.start_mark.line + offset
    try:
        return Event.model_validate(data["event"]), []
    except ValidationError as error:
        problems = []
        for item in error.errors():
            loc = tuple(item["loc"])
            field = "event" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)
            reason = item["msg"].removeprefix("Value error, ")
            advice = ADVICE.get(item["type"], "")
            if item["type"] == "extra_forbidden":
                reason = "unknown field"
            if item["type"] == "string_type" and isinstance(item.get("input"), dict):
                reason = "a text in the source language only"
                advice = (
                    "write the English alone; its translations are in the page's catalog "
                    "(make update-po, then translate the message there)"
                )
            message = f"{reason}; {advice}" if advice else reason
            line = line_of(event_node, loc, offset, event_line)
            problems.append(Problem(shown, line, field, message))
        return None, sorted(problems)
