"""The facts of an event, as its page declares them in front matter.

Every event page starts with a YAML front matter block whose ``event`` key
follows the :class:`Event` schema (documented in ``docs/events.md``).  It is
validated with pydantic: a missing field, an unknown one (a typo), a
malformed date, time, time zone or URL, a date that is not the file name's,
an end before the start, or a text holding a character the feeds and
calendars cannot carry is a :class:`Problem` naming the file, the line of the
field, the value and what to write instead.  The words are the archive's
(:data:`WORDS`): pydantic's own ("Input should be a valid URL, relative URL
without a base") speak to a programmer, not to an organizer.  A misspelt
field or time zone gets a suggestion (``speakr``: did you mean ``speaker``?).

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
import difflib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import yaml
from pydantic import (
    BaseModel,
    Discriminator,
    Field,
    HttpUrl,
    Tag,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from pytorchkr_archive.pages.drafts import front_matter
from pytorchkr_archive.record.fields import (
    LANGUAGE_CODE,
    Plain,
    Strict,
    Text,
    Uid,
    publishable,
    written,
)
from pytorchkr_archive.record.links import RelatedLink
from pytorchkr_archive.record.registration import Registration
from pytorchkr_archive.record.series import unknown_series
from pytorchkr_archive.record.sessions import Session

__all__ = ["LANGUAGE_CODE", "Plain", "Strict", "Text", "front_matter", "publishable", "written"]

#: ``events/YYYY-MM-DD-slug.md``: the date and the slug of an event page.
FILE_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")


class Organization(Strict):
    """A venue or a sponsor: its name (translatable) and its site."""

    name: Text
    url: HttpUrl


class Venue(Strict):
    """Where the event takes place: a name and, where known, its site and street address."""

    name: Text
    url: HttpUrl | None = None
    #: The street address, in the source language (translated like the name).
    address: Text | None = None


#: The two forms of a registration (a URL, or ``{url, opens_at, closes_at}``),
#: as pydantic names them in an error's place (left out of messages).
PAGE, WINDOW = "registration page", "registration window"

#: Old spellings of fields, and the record's word that replaced them.
RENAMED = {
    "talks": "sessions",
    "speaker": "speakers",
    "status": "event_status",
}


class Event(Strict):
    """The facts of one event."""

    date: dt.date
    #: The times, in the time zone; an event of the past may be known without them.
    start: dt.time | None = None
    end: dt.time | None = None
    timezone: str | None = None
    city: Text | None = None
    country: Text | None = None
    venue: Venue | None = None
    sponsor: Organization | None = None
    #: A page, or a page with its window (``{url, opens_at, closes_at}``).
    registration: (
        Annotated[
            Annotated[HttpUrl, Tag(PAGE)] | Annotated[Registration, Tag(WINDOW)],
            Discriminator(lambda value: WINDOW if isinstance(value, dict) else PAGE),
        ]
        | None
    ) = None
    #: Where people attend: at the venue, online, or both.
    attendance: Literal["offline", "online", "mixed"] = "offline"
    #: Whether the event takes place (or took place) as announced.
    event_status: Literal["scheduled", "held", "cancelled", "postponed"] = "scheduled"
    #: A short announcement, shown until the event has taken place and its
    #: recap is written (what to expect, how to register).
    announcement: Text | None = None
    #: Where the recap was first published, by language code.
    recaps: dict[str, HttpUrl] = Field(default_factory=dict)
    author: Text | None = None
    summary: Text
    #: Organisations the event announced its speakers from (who is from where
    #: is in ``sessions``, where a source says it).
    organizations: list[Plain] = Field(default_factory=list)
    sessions: list[Session] = Field(default_factory=list)
    #: Who organized, hosted and supported the event, as the record states them
    #: (names, as each organization writes its own).
    organizers: list[Plain] = Field(default_factory=list)
    co_organizers: list[Plain] = Field(default_factory=list)
    hosts: list[Plain] = Field(default_factory=list)
    supporters: list[Plain] = Field(default_factory=list)
    #: The language the event's sources name it in (a language code): its
    #: title, place, sessions, speakers and links.  Their messages say so to
    #: translators and reviewers (``#. original: ko``): that language's
    #: translation is the sources' own text, and the English is a translation.
    original_language: str | None = None
    #: The series the event belongs to (the record's ``_groups``), by uid.
    group_ids: list[Uid] = Field(default_factory=list)
    #: Pages about the event elsewhere: its recap, its playlist...
    related_links: list[RelatedLink] = Field(default_factory=list)
    #: Where the facts come from (required for an event known in part).
    sources: list[HttpUrl] = Field(default_factory=list)
    #: The day the facts were last checked against the sources.
    last_verified_at: dt.date | None = None

    @field_validator("original_language")
    @classmethod
    def language_code(cls, value: str | None) -> str | None:
        if value is not None and not LANGUAGE_CODE.match(value):
            raise ValueError(
                f"{value!r} is not a language code: write the code of the language the "
                "sources write the event's names in, such as ko"
            )
        return value

    @field_validator("recaps")
    @classmethod
    def language_codes(cls, value: dict[str, HttpUrl]) -> dict[str, HttpUrl]:
        for code in value:
            if not LANGUAGE_CODE.match(code):
                raise ValueError(
                    f"{code!r} is not a language code: key each recap by its language's "
                    "code (en, ko, pt_BR...), one 'code: URL' line per language"
                )
        return value

    @field_validator("timezone")
    @classmethod
    def known_time_zone(cls, value: str | None, info: ValidationInfo) -> str | None:
        """An IANA zone, the only kind the calendars and Babel know; a wrong one
        gets the zone it is likely meant for (the event's country is in the context)."""
        if value is None:
            return None
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long
            raise ValueError(unknown_zone(value, (info.context or {}).get("country"))) from None
        return value

    @field_validator("date", "last_verified_at", mode="before")
    @classmethod
    def date_only(cls, value: Any) -> Any:
        # YAML's own dates are off (see _Loader): the date arrives as written.
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(
                f"{written(value)} is not a date: write it as YYYY-MM-DD, such as 2025-03-30"
            )
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(
                f"{value!r} is not a day of the calendar: write the date as YYYY-MM-DD"
            ) from None
        return value

    @field_validator("date")
    @classmethod
    def named_by_file(cls, value: dt.date, info: ValidationInfo) -> dt.date:
        """The file name says the date too (it sorts the pages): they must agree."""
        page: PurePosixPath | None = (info.context or {}).get("page")
        name = FILE_NAME.match(page.stem) if page else None
        if page and name and value.isoformat() != name["date"]:
            renamed = page.with_name(f"{value.isoformat()}-{name['slug']}.md")
            raise ValueError(
                f"{value} is not the date in the file name, {name['date']}: fix the date, "
                f"or rename the page to {renamed} (and its catalogs, "
                f"locale/*/LC_MESSAGES/{page.with_suffix('.po')}, to match)"
            )
        return value

    @field_validator("timezone", "city", "country", mode="before")
    @classmethod
    def written_if_there(cls, value: Any) -> Any:
        """A field that may be left out is not written empty: ``city:`` alone is
        a fact forgotten, not a fact unknown."""
        if value is None:
            raise ValueError(
                "an empty value where a text goes: write it, or delete the line "
                "if the fact is not known"
            )
        return value

    @field_validator("start", "end", mode="before")
    @classmethod
    def hours_and_minutes(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            # YAML 1.1 reads 13:00 without quotes as 780, a number in base 60.
            if 60 <= value < 24 * 60:
                hhmm = f"{value // 60:02d}:{value % 60:02d}"
                raise ValueError(
                    f'a time in quotes, "HH:MM": write "{hhmm}" (without quotes, YAML reads '
                    f"{hhmm} as the number {value})"
                )
            raise ValueError(f'{value} is a number: write the time in quotes, "HH:MM"')
        match = re.fullmatch(r"(\d{2}):(\d{2})", value) if isinstance(value, str) else None
        if match is None:
            raise ValueError(
                f'{written(value)} is not a time: write it as "HH:MM", in quotes, such as "13:00"'
            )
        if int(match[1]) > 23 or int(match[2]) > 59:
            raise ValueError(
                f'{value!r} is not a time of day: write it as "HH:MM", from "00:00" to "23:59"'
            )
        return value

    @field_validator("end")
    @classmethod
    def after_start(cls, value: dt.time, info: ValidationInfo) -> dt.time:
        """An event has one date: its end is on it, after its start (a calendar
        app would otherwise show it ending before it begins)."""
        start = info.data.get("start")
        if value is not None and start is not None and value <= start:
            when = "when" if value == start else "before"
            raise ValueError(
                f'the event ends at "{value:%H:%M}", {when} it starts ("{start:%H:%M}"): '
                "write the time it ends, after its start; an event starts and ends on its "
                "date (one that ends after midnight is not supported)"
            )
        return value

    @field_validator("group_ids")
    @classmethod
    def described_series(cls, value: list[str], info: ValidationInfo) -> list[str]:
        """Each series has its page (``series/<uid>.md``): the card links it."""
        known = (info.context or {}).get("series")
        for uid in value:
            if known is not None and uid not in known:
                raise ValueError(unknown_series(uid, tuple(known)))
        return value

    @field_validator("sessions")
    @classmethod
    def unique_uids(cls, value: list[Session]) -> list[Session]:
        seen: set[str] = set()
        for session in value:
            if session.uid in seen:
                raise ValueError(
                    f"two sessions have the uid {session.uid!r}: a uid is a session's "
                    "anchor on the page, so each session needs its own"
                )
            seen.add(session.uid)
        return value

    @model_validator(mode="after")
    def known_enough(self, info: ValidationInfo) -> Event:
        """An event ahead has every fact a reader needs to come; one of the past
        may be known in part (a date, a name, a source), as the record has it."""
        if (self.start is None) != (self.end is None):
            raise ValueError(
                "an event has both its times or neither: write 'start:' and 'end:' "
                '("HH:MM"), or delete the one written if the other is not known'
            )
        if self.start is not None and self.timezone is None:
            raise ValueError(
                "the times need their 'timezone:' (an IANA time zone, such as Asia/Seoul)"
            )
        missing = [
            name
            for name in ("start", "end", "timezone", "city", "country")
            if getattr(self, name) is None
        ]
        today = (info.context or {}).get("today") or dt.date.today()
        if missing and self.date >= today:
            raise ValueError(
                f"an event ahead needs {', '.join(missing)}: readers need them to come; "
                "only an event of the past may be known in part"
            )
        if missing and not self.sources:
            raise ValueError(
                f"an event known in part (without {', '.join(missing)}) names where its "
                "facts come from: add 'sources:', a list of the URLs they were checked against"
            )
        return self

    @property
    def timed(self) -> bool:
        """Whether the event's times are known (else it is a whole day)."""
        return self.start is not None and self.end is not None

    @property
    def zone(self) -> ZoneInfo:
        """The event's time zone; UTC for a day whose zone is not known."""
        return ZoneInfo(self.timezone or "UTC")

    @property
    def starts(self) -> dt.datetime:
        """When it starts: at its start time, or when its day starts."""
        return dt.datetime.combine(self.date, self.start or dt.time(), self.zone)

    @property
    def ends(self) -> dt.datetime:
        """When it ends: at its end time, or when its day ends."""
        if self.end is None:
            return dt.datetime.combine(self.date + dt.timedelta(days=1), dt.time(), self.zone)
        return dt.datetime.combine(self.date, self.end, self.zone)


#: Country names organizers write that CLDR's English names (Babel's) do not
#: have: South Korea's formal name, which this archive's events use.
COUNTRY_CODES = {"republic of korea": "KR"}
ZONES_LIST = "https://en.wikipedia.org/wiki/List_of_tz_database_time_zones"


def zone_suggestion(value: str, country: Any) -> tuple[str, str] | None:
    """The time zone meant by ``value`` and why, if one can be told.

    By spelling first (``asia/seoul``, ``Seoul``, ``Asia/Seul``), then by the
    event's country: a zone is named after one city of its region, so a city
    without its own (``Asia/Busan``) is in its country's (``Asia/Seoul``).
    """
    zones = available_timezones()
    folded = {zone.casefold(): zone for zone in zones}
    if value.casefold() in folded:
        return folded[value.casefold()], "a time zone is written with its capitals"
    city = value.rsplit("/", 1)[-1].casefold().replace(" ", "_")
    same_city = [zone for zone in zones if zone.rsplit("/", 1)[-1].casefold() == city]
    if len(same_city) == 1:
        return same_city[0], "a time zone is named by its region too"
    close = difflib.get_close_matches(value, sorted(zones), n=1, cutoff=0.8)
    if close:
        return close[0], ""
    if not isinstance(country, str):
        return None
    from babel import Locale
    from babel.core import get_global

    names = {name.casefold(): code for code, name in Locale("en").territories.items()}
    code = (names | COUNTRY_CODES).get(country.strip().casefold())
    found = [zone for zone in get_global("territory_zones").get(code, []) if zone in zones]
    if len(found) == 1:
        return found[0], (
            f"the time zone of {country.strip()}: a zone is named after one city of its region"
        )
    return None


def unknown_zone(value: str, country: Any = None) -> str:
    """Why ``value`` is not a time zone, and which one to write."""
    guess = zone_suggestion(value, country)
    if guess:
        zone, why = guess
        return f"unknown time zone {value!r}: did you mean {zone!r}?" + (
            f" ({why})" if why else ""
        )
    return (
        f"unknown time zone {value!r}: write an IANA time zone, such as Asia/Seoul "
        f"(one per region, named after a city of it: {ZONES_LIST})"
    )


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong in an event page's metadata."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


#: What each error pydantic can find in an event means, in the archive's words
#: (pydantic's own messages are never shown).  ``{value}`` is the value as
#: written, ``{name}`` the field's name, ``{fields}`` the fields it takes and
#: ``{choices}`` the values it accepts.  The schema's own checks (dates,
#: times, time zones, language codes, characters) raise their words whole.
WORDS = {
    "missing": "required, and missing: add a '{name}:' line (docs/events.md says what it holds)",
    "model_type": "{value} where its fields go: write them below it, indented ({fields})",
    "model_attributes_type": "{value} where its fields go: write them below it, indented "
    "({fields})",
    "string_type": "{value} where a text goes: write the text, in quotes if YAML would read "
    'it otherwise ("...")',
    "string_too_short": "empty: write the text, or leave an optional field out",
    "string_unicode": "not text: write the text",
    "list_type": "{value} where a list goes: write one '- ' item per line, indented below it",
    "dict_type": "{value} where the recaps go: write one 'code: URL' line per language, "
    "indented below it (en: https://...)",
    "url_type": "{value} is not a URL: write a full URL starting with https://",
    "url_parsing": "{value} is not a full URL: write a full URL starting with https://",
    "url_syntax_violation": "{value} is not a full URL: write a full URL starting with https://",
    "url_scheme": "{value} is not the address of a web page: write a full URL starting with "
    "https://",
    "url_too_long": "a URL longer than 2083 characters: write a shorter address of the page",
    "literal_error": "{value} is not one of its values, {choices}; write one of the values given",
    "date_type": "{value} is not a date: write it as YYYY-MM-DD, such as 2025-03-30",
    "date_parsing": "{value} is not a date: write it as YYYY-MM-DD, such as 2025-03-30",
    "date_from_datetime_parsing": "{value} is not a date: write it as YYYY-MM-DD, such as "
    "2025-03-30",
    "date_from_datetime_inexact": "{value} is not a date: write it as YYYY-MM-DD, such as "
    "2025-03-30",
    "time_type": '{value} is not a time: write it as "HH:MM", in quotes, such as "13:00"',
    "time_parsing": '{value} is not a time: write it as "HH:MM", in quotes, such as "13:00"',
}
#: For an error the table does not name (a pydantic release may add one).
OTHER_ERROR = "{value} is not what {name} holds: docs/events.md says what to write"
#: A text written as a translation table (``city: {en: Seoul, ko: 서울}``).
TRANSLATION_HERE = (
    "a text in the source language only: write the English alone; its translations are in "
    "the page's catalog (make update-po, then translate the message there)"
)


def model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The part of the schema at ``loc`` (``("sessions", 0)`` is a :class:`Session`)."""
    model: type[BaseModel] | None = Event
    for key in loc:
        if model is None or isinstance(key, int):
            continue
        field = model.model_fields.get(key)
        model = _model_in(field.annotation) if field else None
    return model


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next(filter(None, map(_model_in, get_args(annotation))), None)


def _names(loc: tuple[Any, ...]) -> list[str]:
    model = model_at(loc)
    return list(model.model_fields) if model else []


def field_name(loc: tuple[Any, ...]) -> str:
    """A field as messages name it: ``event.talks[0].speaker``; a wrong key of
    the recaps is the recaps' problem (``event.recaps``)."""
    if loc and loc[-1] == "[key]":
        loc = loc[:-2]
    return "event" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)


def guess_field(loc: tuple[Any, ...]) -> str | None:
    """The field of the schema an unknown one at ``loc`` is likely a misspelling of."""
    guess = difflib.get_close_matches(str(loc[-1]), _names(loc[:-1]), n=1, cutoff=0.6)
    return guess[0] if guess else None


def unknown_field(loc: tuple[Any, ...], missing: set[tuple[Any, ...]]) -> str:
    """An unknown field: what it may be meant for, or which fields there are."""
    new = RENAMED.get(str(loc[-1]))
    if new and new in _names(loc[:-1]):
        how = {
            "speakers": f"a list of people, '- name: ...' (and 'organization: ...' where a "
            f"source says it) under '{new}:'",
        }.get(new, f"'{new}:' with the same content")
        return (
            f"'{loc[-1]}' is now '{new}', the word of the group's record: write {how} "
            "(docs/events.md)"
        )
    guess = guess_field(loc)
    if guess:
        missed = (*loc[:-1], guess) in missing
        required = f" ({guess!r} is required, and missing)" if missed else ""
        return f"unknown field: did you mean {guess!r}?{required}"
    fields = ", ".join(_names(loc[:-1]))
    return f"unknown field: the fields of {field_name(loc[:-1])} are {fields} (docs/events.md)"


def _one_of(values: list[str]) -> str:
    """``'a', 'b' or 'c'``."""
    return " or ".join([", ".join(values[:-1]), values[-1]] if len(values) > 1 else values)


def _by_language(value: Any) -> bool:
    """Whether a value is a table of languages: ``{en: Seoul, ko: 서울}``."""
    codes = value if isinstance(value, dict) else {}
    return bool(codes) and all(isinstance(c, str) and LANGUAGE_CODE.match(c) for c in codes)


def explain(item: ErrorDetails, missing: set[tuple[Any, ...]]) -> str:
    """What is wrong and what to write, for one of pydantic's errors, in our words."""
    kind, loc, value = item["type"], tuple(item["loc"]), item.get("input")
    if kind in ("value_error", "assertion_error"):
        return str(item.get("ctx", {}).get("error", "")) or OTHER_ERROR.format(
            value=written(value), name=field_name(loc)
        )
    if kind == "extra_forbidden":
        return unknown_field(loc, missing)
    if loc and loc[-1] == "[key]":
        return f"{written(value)} is not a language code: write en, ko, pt_BR..."
    if kind == "string_type" and _by_language(value):
        return TRANSLATION_HERE
    if kind == "url_parsing" and isinstance(value, str) and value and "://" not in value:
        return (
            f"{value!r} is not a full URL: write a full URL starting with https://, "
            f"such as 'https://{value}'"
        )
    model = model_at(loc[:-1])
    field = model.model_fields.get(loc[-1]) if model and loc else None
    choices = [repr(c) for c in get_args(field.annotation)] if field else []
    return WORDS.get(kind, OTHER_ERROR).format(
        value=written(value),
        name=loc[-1] if loc else "event",
        fields=", ".join(_names(loc)),
        choices=_one_of(choices),
    )


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


def compose(source: str) -> yaml.Node | None:
    """The front matter's node tree alone: where each value is, as written."""
    loader = _Loader(source)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


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


def load_event(
    path: Path,
    shown: str,
    today: dt.date | None = None,
    series: tuple[str, ...] | None = None,
) -> tuple[Event | None, list[Problem]]:
    """Read and validate the ``event`` front matter of an event page; ``today``
    (the build clock's date) tells an event ahead from one of the past, and
    ``series`` (when given) are the series an event may name."""
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
    raw = data["event"]
    context = {
        "page": PurePosixPath(shown),
        "country": raw.get("country") if isinstance(raw, dict) else None,
        "today": today,
        "series": series,
    }
    try:
        return Event.model_validate(raw, context=context), []
    except ValidationError as error:
        # A registration's form (page or window) is pydantic's, not a field.
        errors = [
            {**item, "loc": tuple(p for p in item["loc"] if p not in (PAGE, WINDOW))}
            for item in error.errors()
        ]
        missing = {tuple(item["loc"]) for item in errors if item["type"] == "missing"}
        problems = []
        for item in errors:
            loc = tuple(item["loc"])
            message = explain(item, missing)
            if item["type"] == "missing" and _misspelt(loc, errors):
                continue  # the unknown field's message says it: "did you mean speaker?"
            line = line_of(
                event_node, loc[:-2] if loc[-1:] == ("[key]",) else loc, offset, event_line
            )
            problems.append(Problem(shown, line, field_name(loc), message))
        return None, sorted(problems)


def _misspelt(loc: tuple[Any, ...], errors: list[ErrorDetails]) -> bool:
    """Whether a missing field is what an unknown one beside it was meant to be."""
    return any(
        item["type"] == "extra_forbidden"
        and tuple(item["loc"][:-1]) == loc[:-1]
        and guess_field(tuple(item["loc"])) == loc[-1]
        for item in errors
    )
