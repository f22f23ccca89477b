"""An event's facts in a reader's language: dates and times by Babel, names from the data."""

from __future__ import annotations

from dataclasses import dataclass

from babel.dates import format_date, format_time, get_timezone_name

from pytorchkr_archive.events.collection import EventPage
from pytorchkr_archive.events.schema import Organization


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


def _organization(value: Organization | None, lang: str) -> Link | None:
    return Link(value.name.get(lang), str(value.url)) if value else None


#: Time patterns where CLDR's short one reads oddly (Babel gives Korean "PM 1:00").
TIME_FORMATS = {"ko": "aaaa h:mm"}


def time_range(page: EventPage, lang: str) -> str:
    """``1:00 PM – 6:00 PM (Korean Standard Time, UTC+9)`` / ``오후 1:00 ~ 오후 6:00 (…)``."""
    event = page.event
    pattern = TIME_FORMATS.get(lang, "short")
    start = format_time(event.starts, format=pattern, locale=lang)
    end = format_time(event.ends, format=pattern, locale=lang)
    zone_name = get_timezone_name(event.starts, width="long", locale=lang, zone_variant="standard")
    offset = event.starts.strftime("%z")
    utc = f"UTC{offset[0]}{int(offset[1:3])}" + (f":{offset[3:]}" if offset[3:] != "00" else "")
    separator = " ~ " if lang == "ko" else " – "
    return f"{start}{separator}{end} ({zone_name}, {utc})"


def view(page: EventPage, lang: str) -> EventView:
    """An event as the templates show it in ``lang``."""
    event = page.event
    recaps = [
        (code, str(url)) for code, url in (("en", event.recaps.en), ("ko", event.recaps.ko)) if url
    ]
    return EventView(
        docname=page.docname,
        year=event.date.year,
        iso_date=event.date.isoformat(),
        date=format_date(event.date, format="full", locale=lang),
        time=time_range(page, lang),
        place=f"{event.city.get(lang)}, {event.country.get(lang)}",
        summary=event.summary.get(lang),
        sponsor=_organization(event.sponsor, lang),
        venue=_organization(event.venue, lang),
        registration=str(event.registration) if event.registration else None,
        recaps=recaps,
        author=event.author.get(lang) if event.author else None,
    )


def by_year(pages: list[EventPage], lang: str) -> list[tuple[int, list[EventView]]]:
    """Events grouped by year, newest year and newest event first."""
    groups: dict[int, list[EventView]] = {}
    for page in pages:
        groups.setdefault(page.event.date.year, []).append(view(page, lang))
    return sorted(groups.items(), reverse=True)


@dataclass(frozen=True)
class SpeakerEntry:
    """One talk in the speakers index."""

    speaker: str
    title: str
    organization: str | None
    docname: str
    event_title: str
    date: str


def speakers(pages: list[EventPage], titles: dict[str, str], lang: str) -> list[SpeakerEntry]:
    """Every talk of every event, by speaker's name in ``lang``, then newest first."""
    entries = [
        SpeakerEntry(
            talk.speaker.get(lang),
            talk.title.get(lang),
            talk.organization,
            page.docname,
            titles.get(page.docname, page.docname),
            format_date(page.event.date, format="long", locale=lang),
        )
        for page in pages
        for talk in page.event.talks
    ]
    return sorted(entries, key=lambda e: (e.speaker.casefold(), e.date))
