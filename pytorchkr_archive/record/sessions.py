"""A session of an event and its speakers, as the group's record writes them."""

from __future__ import annotations

from pydantic import Field, HttpUrl

from pytorchkr_archive.record.fields import Plain, Strict, Text, Uid
from pytorchkr_archive.record.media import Slides, Video


class Speaker(Strict):
    """A person who speaks in a session, and where from where a source says it."""

    #: The name in the source language (translated once per person).
    name: Text
    #: Only where a source states it.
    organization: Plain | None = None


class Session(Strict):
    """A session: its uid (its anchor on the page), title, speakers and media."""

    uid: Uid
    title: Text
    speakers: list[Speaker] = Field(default_factory=list)
    video: Video | None = None
    slides: Slides | None = None
    #: The session's code, where a source links it.
    code: HttpUrl | None = None
