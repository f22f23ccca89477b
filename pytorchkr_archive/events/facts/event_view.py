"""An event's facts in a reader's language: dates and times by Babel, texts from the catalogs.

How a language writes a time range is data, in the language's entry of
``archive_languages`` (``time_format``, a CLDR pattern or ``short``, and
``time_separator``), not code: a new language needs no change here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from babel.dates import format_date, format_time, get_timezone_name

from pytorchkr_archive.events.facts.collection import EventPage
from pytorchkr_archive.events.facts.messages import FieldMessage
from pytorchkr_archive.events.facts.schedule import is_upcoming
from pytorchkr_archive.events.facts.translations import Translations
from pytorchkr_archive.record.programme import SessionView, session_view
from pytorchkr_archive.record.registration import Registration

#: A language's entry of ``archive_languages`` (``name``, ``title``, ``time_format``...).
Language = dict[str, str]


@dataclass(frozen=True)
class Link:
    """A name and where it leads."""

    text: str
    url: str


@dataclass(frozen=True)
class EventView:
    """What the templates show of an event, in one language."""

    docname: str
    year: int
    iso_date: str
    date: str
    time: str
    place: str
    summary: str
    sponsor: Link | None
    venue: Link | None
    registration: str | None
    recaps: list[tuple[str, str]]
    author: str | None
    #: Not ended yet at the build's clock (:mod:`.schedule`).
    upcoming: bool = False
    announcement: str | None = None
    venue_address: str | None = None
    #: The event's calendar file, relative to the page (set by the card's writer).
    calendar: str | None = None
    city: str = ""
    country: str = ""
    #: The programme: every session with its speakers and media.
    sessions: tuple[SessionView, ...] = ()
    #: Where the registration stands at the build's clock: ``open``,
    #: ``not_open`` (then ``registration_opens`` says when) or ``closed``.
    registration_state: str | None = None
    registration_opens: str | None = None
    registration_closes: str | None = None
    #: Where the facts come from (URL, its host), and the day they were last checked.
    sources: tuple[tuple[str, str], ...] = ()
    last_verified: str | None = None
    iso_last_verified: str | None = None
    #: Pages about the event elsewhere: (kind, title in the language, URL).
    related_links: tuple[tuple[str, str, str], ...] = ()
    #: The series it is in (uids), and as the page being written links them:
    #: (the series' title in the language, its URI) (set by the card's writer).
    series: tuple[str, ...] = ()
    series_links: tuple[tuple[str, str], ...] = ()
    #: Who organized, hosted and supported it, as the record states them.
    organizers: tuple[str, ...] = ()
    co_organizers: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    supporters: tuple[str, ...] = ()

    @property
    def offers_registration(self) -> bool:
        """Whether the card and the listings link the registration page: only
        while it is open and the event ahead, as registering for a past event
        is no longer possible (the page may even be gone or reused)."""
        return (
            self.upcoming and self.registration is not None and self.registration_state == "open"
        )

    @property
    def speakers(self) -> tuple[str, ...]:
        """The speakers' names in the language, in the order of the sessions."""
        return tuple(s.name for session in self.sessions for s in session.speakers)

    @property
    def registration_note(self) -> str | None:
        """What the card says of a registration that is not open: when it
        opens, or that it has closed (only while the event is ahead)."""
        if not self.upcoming or self.registration is None:
            return None
        return self.registration_state if self.registration_state != "open" else None

    @property
    def description(self) -> str:
        """What the event is, in a line: its announcement while it is ahead."""
        return self.announcement if self.upcoming and self.announcement else self.summary


class _Texts:
    """An event's translatable fields in one language, by field name."""

    def __init__(self, page: EventPage, translations: Translations) -> None:
        self.page, self.translations = page, translations
        self.messages: dict[str, FieldMessage] = {m.field: m for m in page.messages}

    def __call__(self, field: str) -> str | None:
        message = self.messages.get(field)
        return self.translations.text(self.page.docname, message) if message else None

    def source(self, field: str) -> str | None:
        """The field's English, as its message has it (a person's name as they go by)."""
        message = self.messages.get(field)
        return message.text if message else None


def location(shown: EventView) -> str:
    """The place as one line: the venue, its address, the city and country."""
    parts = [shown.venue.text] if shown.venue else []
    if shown.venue_address:
        parts.append(shown.venue_address)
    if shown.place:
        parts.append(shown.place)
    return ", ".join(parts)


def time_range(page: EventPage, lang: str, language: Language) -> str:
    """``1:00 PM – 6:00 PM (Korean Standard Time, UTC+9)`` / ``오후 1:00 ~ 오후 6:00 (…)``;
    empty for an event whose times are not known."""
    event = page.event
    if not event.timed:
        return ""
    pattern = language.get("time_format", "short")
    start = format_time(event.starts, format=pattern, locale=lang)
    end = format_time(event.ends, format=pattern, locale=lang)
    zone_name = get_timezone_name(event.starts, width="long", locale=lang, zone_variant="standard")
    offset = event.starts.strftime("%z")
    utc = f"UTC{offset[0]}{int(offset[1:3])}" + (f":{offset[3:]}" if offset[3:] != "00" else "")
    separator = language.get("time_separator", " – ")
    return f"{start}{separator}{end} ({zone_name}, {utc})"


def view(
    page: EventPage,
    lang: str,
    translations: Translations,
    language: Language | None = None,
    now: dt.datetime | None = None,
) -> EventView:
    """An event as the templates show it in ``lang``; upcoming if it has not
    ended at ``now`` (None: the archive's past)."""
    event = page.event
    text = _Texts(page, translations)
    venue = (
        Link(text("venue.name"), str(event.venue.url) if event.venue.url else "")
        if event.venue
        else None
    )
    sponsor = Link(text("sponsor.name"), str(event.sponsor.url)) if event.sponsor else None
    registration = event.registration
    window = registration if isinstance(registration, Registration) else None
    registration_url = str(window.url if window else registration) if registration else None
    state = (
        (window.state(now, event.ends) if window else "open")
        if registration and now is not None
        else None
    )

    def moment(value: dt.datetime | None) -> str | None:
        """A moment in the event's time zone: its date, then its time."""
        if value is None:
            return None
        local = value.astimezone(event.zone)
        day = format_date(local, format="long", locale=lang)
        pattern = (language or {}).get("time_format", "short")
        return f"{day} {format_time(local, format=pattern, locale=lang)}"

    return EventView(
        docname=page.docname,
        year=event.date.year,
        iso_date=event.date.isoformat(),
        date=format_date(event.date, format="full", locale=lang),
        time=time_range(page, lang, language or {}),
        place=", ".join(filter(None, (text("city"), text("country")))),
        summary=text("summary") or "",
        sponsor=sponsor,
        venue=venue,
        registration=registration_url,
        recaps=[(code, str(url)) for code, url in event.recaps.items()],
        author=text("author"),
        upcoming=now is not None and is_upcoming(page, now),
        announcement=text("announcement"),
        venue_address=text("venue.address"),
        city=text("city") or "",
        country=text("country") or "",
        sessions=tuple(
            session_view(session, index, text, lang, text.source)
            for index, session in enumerate(event.sessions)
        ),
        registration_state=state,
        registration_opens=moment(window.opens_at) if window else None,
        registration_closes=moment(window.closes_at) if window else None,
        sources=tuple((str(url), url.host or str(url)) for url in event.sources),
        last_verified=format_date(event.last_verified_at, format="long", locale=lang)
        if event.last_verified_at
        else None,
        iso_last_verified=event.last_verified_at.isoformat() if event.last_verified_at else None,
        related_links=tuple(
            (link.kind, text(f"related_links[{index}].title") or link.title, str(link.url))
            for index, link in enumerate(event.related_links)
        ),
        series=tuple(event.group_ids),
        organizers=tuple(event.organizers),
        co_organizers=tuple(event.co_organizers),
        hosts=tuple(event.hosts),
        supporters=tuple(event.supporters),
    )


#: The event card's fields in the order ``archive-event-card.html`` shows
#: them, each with the metadata messages its text is made of (none: the date
#: and time are written by Babel, the links are the same in every language).
#: The registration page leads, and only while the event is ahead.
CARD_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("registration", ()),
    ("date", ()),
    ("time", ()),
    ("place", ("city", "country")),
    ("venue", ("venue.name", "venue.address")),
    ("sponsor", ("sponsor.name",)),
    ("series", ()),
    ("organizers", ()),
    ("co_organizers", ()),
    ("hosts", ()),
    ("supporters", ()),
    ("recaps", ()),
    ("author", ("author",)),
    ("links", ("related_links",)),
    ("calendar", ()),
    ("sources", ()),
)


def card_fields(event: EventView) -> list[tuple[str, tuple[str, ...]]]:
    """The card's fields that ``event`` shows, in the card's order.

    The parallel view matches the card of two languages field by field, by
    name: the template leaves a field out when the event has no value for it.
    """
    shown = {
        "time": event.time,
        "place": event.place,
        "venue": event.venue,
        "sponsor": event.sponsor,
        "registration": event.offers_registration or event.registration_note,
        "links": event.related_links,
        "series": event.series_links,
        "organizers": event.organizers,
        "co_organizers": event.co_organizers,
        "hosts": event.hosts,
        "supporters": event.supporters,
        "sources": event.sources or event.last_verified,
        "recaps": event.recaps,
        "author": event.author,
        "calendar": event.calendar,
    }
    return [(name, messages) for name, messages in CARD_FIELDS if shown.get(name, True)]


@dataclass(frozen=True)
class SpeakerEntry:
    """One session of one speaker in the speakers index."""

    speaker: str
    title: str
    organization: str | None
    docname: str
    event_title: str
    date: str
    #: The session's anchor on its event page.
    uid: str = ""
    #: The session's media, as the programme shows them.
    session: SessionView | None = None
    #: The person's name in the source language: their page's key.
    key: str = ""
    iso_date: str = ""


def speakers(
    pages: list[EventPage],
    titles: dict[str, str],
    lang: str,
    views: Callable[[EventPage], EventView],
) -> list[SpeakerEntry]:
    """Every session of every event, by speaker's name in ``lang``, then oldest first.

    The sessions are the events' views' (``views``: the build's, made once
    for every page that shows an event), not made again for each speaker.
    """
    entries = []
    for page in pages:
        date = format_date(page.event.date, format="long", locale=lang)
        for session, shown in zip(page.event.sessions, views(page).sessions, strict=True):
            for speaker in shown.speakers:
                entries.append(
                    SpeakerEntry(
                        speaker.name,
                        shown.title,
                        speaker.organization,
                        page.docname,
                        titles.get(page.docname, page.docname),
                        date,
                        session.uid,
                        shown,
                        speaker.key,
                        page.event.date.isoformat(),
                    )
                )
    return sorted(entries, key=lambda e: (e.speaker.casefold(), e.iso_date, e.uid))
