"""schema.org ``Event`` data on each event page, for search engines and chat apps.

A JSON-LD ``<script>`` in the page's head, in the language of the page:
name (the page's title), description (the event's summary, or its
announcement while it is ahead), start and end
with their offset, where (a ``Place`` with its address: street address where
the venue gives one, locality, and the country as an ISO 3166 code, from the
event's time zone), organizer, ``eventAttendanceMode`` and ``eventStatus``,
``inLanguage``, the page's URL, its first photo, the speakers as
performers, and, for an event still ahead whose registration is open, an
``Offer`` at that page.  These are the properties schema.org defines for
``Event`` that Google's event rich results require or recommend.  Each
session is a ``subEvent`` with its speakers as performers and, where its
video is public, the recording as a ``VideoObject`` (``recordedIn``); the
series it is in are its ``superEvent``, each an ``EventSeries``.  An
event whose times are not known has dates alone, and one whose place is not
known no ``location``.
"""

from __future__ import annotations

from typing import Any

from babel.core import get_global
from docutils import nodes
from sphinx.application import Sphinx

from pytorchkr_archive.escaping.json_script import json_for_script
from pytorchkr_archive.events.facts.built import event_page, events_built, title_of
from pytorchkr_archive.events.facts.collection import EventPage
from pytorchkr_archive.events.facts.event_view import EventView, location
from pytorchkr_archive.record.programme import SessionView, SpeakerView
from pytorchkr_archive.record.series import series_docname

SCHEMA = "https://schema.org/"
ATTENDANCE = {
    "offline": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}
STATUS = {
    "scheduled": "EventScheduled",
    # schema.org has no state for an event that took place: it was scheduled.
    "held": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
}


def country_code(timezone: str) -> str | None:
    """The ISO 3166-1 code of the country a time zone is in (CLDR's table)."""
    zones: dict[str, list[str]] = get_global("territory_zones")
    return next((code for code, names in zones.items() if timezone in names), None)


def first_photo(doctree: nodes.document | None) -> str | None:
    """The first photo of the page that is on the web (an absolute URL)."""
    if doctree is None:
        return None
    for image in doctree.findall(nodes.image):
        uri = image.get("uri", "")
        if uri.startswith(("https://", "http://")):
            return uri
    return None


def event_data(
    page: EventPage,
    shown: EventView,
    name: str,
    url: str,
    lang: str,
    organizer: dict[str, str] | list[dict[str, str]],
    photo: str | None,
    series: tuple[tuple[str, str], ...] = (),
) -> dict[str, Any]:
    """The schema.org ``Event`` of a page, as a JSON-LD object; ``series`` are
    the (name, URL) of the series it is in."""
    event = page.event
    address: dict[str, Any] = {"@type": "PostalAddress"}
    if shown.city:
        address["addressLocality"] = shown.city
    country = (country_code(event.timezone) if event.timezone else None) or shown.country
    if country:
        address["addressCountry"] = country
    if shown.venue_address:
        address["streetAddress"] = shown.venue_address
    place: dict[str, Any] = {
        "@type": "Place",
        "name": shown.venue.text if shown.venue else location(shown),
        "address": address,
    }
    if shown.venue and shown.venue.url:
        place["url"] = shown.venue.url
    where: Any = place if location(shown) else None
    if event.attendance != "offline":
        virtual = {"@type": "VirtualLocation", "url": shown.registration or url}
        where = virtual if event.attendance == "online" else [place, virtual]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": name,
        "description": shown.description,
        # A day whose times are not known is a date alone (ISO 8601).
        "startDate": event.starts.isoformat() if event.timed else event.date.isoformat(),
        "endDate": event.ends.isoformat() if event.timed else event.date.isoformat(),
        "eventAttendanceMode": SCHEMA + ATTENDANCE[event.attendance],
        "eventStatus": SCHEMA + STATUS[event.event_status],
        "organizer": organizer,
        "inLanguage": lang,
        "url": url,
    }
    if where is not None:
        data["location"] = where
    if photo:
        data["image"] = [photo]
    if shown.speakers:
        data["performer"] = [
            {"@type": "Person", "name": speaker} for speaker in dict.fromkeys(shown.speakers)
        ]
    if series:
        data["superEvent"] = [
            {"@type": "EventSeries", "name": name, "url": address} for name, address in series
        ]
    if shown.sessions:
        data["subEvent"] = [session_data(session, data, url) for session in shown.sessions]
    if shown.offers_registration:
        data["offers"] = {
            "@type": "Offer",
            "url": shown.registration,
            "availability": SCHEMA + "InStock",
            "validThrough": event.starts.isoformat(),
        }
    return data


def person(speaker: SpeakerView) -> dict[str, Any]:
    """A speaker as a schema.org ``Person``, with the organization a source states."""
    found: dict[str, Any] = {"@type": "Person", "name": speaker.name}
    if speaker.organization:
        found["affiliation"] = {"@type": "Organization", "name": speaker.organization}
    return found


def video_data(session: SessionView) -> dict[str, Any] | None:
    """A session's public recording as a ``VideoObject``: the properties Google's
    video guidelines ask for that the facts give (its name, thumbnail, page and
    player; the upload date and duration are not in the record)."""
    video = session.video
    if video is None or not video.watch_url:
        return None
    youtube_id = (video.embed_url or "").rpartition("/")[2].partition("?")[0]
    return {
        "@type": "VideoObject",
        "name": session.title,
        "description": f"{session.title} ({session.speaker_names})"
        if session.speakers
        else session.title,
        "thumbnailUrl": [f"https://i.ytimg.com/vi/{youtube_id}/hqdefault.jpg"],
        "url": video.watch_url,
        "embedUrl": video.embed_url,
    }


def session_data(session: SessionView, event: dict[str, Any], url: str) -> dict[str, Any]:
    """A session as a sub-event of its event: on its day, at its anchor.

    Its place, attendance mode and status are its event's (a sub-event is
    read with its ``superEvent``): not repeated, which kept the page within
    its weight budget.
    """
    found: dict[str, Any] = {
        "@type": "Event",
        "name": session.title,
        "url": f"{url}#{session.uid}",
        "startDate": event["startDate"],
    }
    if session.speakers:
        found["performer"] = [person(speaker) for speaker in session.speakers]
    recording = video_data(session)
    if recording:
        found["recordedIn"] = recording
    return found


def add_structured_data(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Put the event's JSON-LD in an event page's head."""
    page = event_page(app.env, pagename)
    if page is None or "metatags" not in context:
        return
    built = events_built(app.config, app.env)
    config = app.config
    shown = built.view(page)
    # The event's own organizers where the record names them, else the archive's.
    organizer: dict[str, str] | list[dict[str, str]] = {
        "@type": "Organization",
        "name": built.language.get("author", config.author),
    }
    if config.archive_organizer_url:
        organizer["url"] = config.archive_organizer_url
    names = (*page.event.organizers, *page.event.co_organizers)
    if names:
        # The group itself, however the record writes it, is the archive's organizer.
        ours = set(config.archive_organizer_names)
        listed = [
            organizer if name in ours else {"@type": "Organization", "name": name}
            for name in names
        ]
        organizer = listed[0] if len(listed) == 1 else listed
    series = tuple(
        (
            title_of(app.env, series_docname(uid), uid),
            built.base + app.builder.get_target_uri(series_docname(uid)),
        )
        for uid in shown.series
    )
    data = event_data(
        page,
        shown,
        title_of(app.env, pagename),
        built.base + app.builder.get_target_uri(pagename),
        built.lang,
        organizer,
        first_photo(doctree),
        series,
    )
    text = json_for_script(data)  # no translation can end the script or change its state
    context["metatags"] += f'\n<script type="application/ld+json">{text}</script>'


def setup(app: Sphinx) -> dict[str, Any]:
    # The organizer's site, for the structured data (the name is the
    # language's author, as the feeds give it).
    app.add_config_value("archive_organizer_url", "", "html", types=frozenset({str}))
    # The names the record gives the archive's own group as an event's organizer.
    app.add_config_value("archive_organizer_names", (), "html", types=frozenset({list, tuple}))
    app.connect("html-page-context", add_structured_data, priority=700)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
