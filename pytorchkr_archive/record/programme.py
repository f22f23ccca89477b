"""An event's sessions as a reader sees them, in one language.

Each session becomes a :class:`SessionView`: its title and speakers in the
language (through a ``text`` function that the events wing gives, reading
the page's catalog), and what its media offer by state: a public video is a
link to YouTube at the session's start and a player loaded only when asked
(:data:`SessionView.video`), public slides a link with their format and
size; any other known state is said in words, and an unknown one shows
nothing, as the group's record asks ("no button rendered").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from babel.numbers import format_decimal

from pytorchkr_archive.record.sessions import Session

#: A field's text (``sessions[0].title``), or None: in the language being
#: built, or in the source language as its message has it.
TextOf = Callable[[str], "str | None"]


@dataclass(frozen=True)
class VideoView:
    """A session's video as the programme shows it."""

    state: str
    watch_url: str | None = None
    embed_url: str | None = None
    start_seconds: int | None = None
    #: Why a limited video is limited, in the language.
    reason: str | None = None


@dataclass(frozen=True)
class SlidesView:
    """A session's slides as the programme shows them."""

    state: str
    url: str | None = None
    format: str | None = None
    #: The size in the language's units and digits ("2.4 MB"), if known.
    size: str | None = None


@dataclass(frozen=True)
class SpeakerView:
    """A speaker of a session: the name in the language, and the organization."""

    name: str
    organization: str | None
    #: The name the person goes by in the source language: their page's key.
    key: str


@dataclass(frozen=True)
class SessionView:
    """A session in one language."""

    uid: str
    title: str
    speakers: tuple[SpeakerView, ...]
    video: VideoView | None
    slides: SlidesView | None
    code: str | None

    @property
    def speaker_names(self) -> str:
        return ", ".join(speaker.name for speaker in self.speakers)

    @property
    def speakers_shown(self) -> str:
        """The speakers as the programme lists them: ``Name (Organization), Name``."""
        return ", ".join(
            f"{speaker.name} ({speaker.organization})" if speaker.organization else speaker.name
            for speaker in self.speakers
        )


def file_size(size: int, lang: str) -> str:
    """A file's size as a reader reads it: ``2.4 MB``, ``850 kB`` (decimal units)."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= factor:
            return f"{format_decimal(round(size / factor, 1), locale=lang)} {unit}"
    return f"{format_decimal(size, locale=lang)} B"


def session_view(
    session: Session, index: int, text: TextOf, lang: str, source: TextOf
) -> SessionView:
    """Session ``index`` of an event in ``lang``; ``text`` gives its translated
    fields, ``source`` their messages' English (a person's name as they go by)."""
    here = f"sessions[{index}]"
    video = session.video
    slides = session.slides
    return SessionView(
        uid=session.uid,
        title=text(f"{here}.title") or session.title,
        speakers=tuple(
            SpeakerView(
                text(f"{here}.speakers[{n}].name") or speaker.name,
                speaker.organization,
                source(f"{here}.speakers[{n}].name") or speaker.name,
            )
            for n, speaker in enumerate(session.speakers)
        ),
        video=VideoView(
            video.state,
            video.watch_url,
            video.embed_url,
            video.start_seconds,
            text(f"{here}.video.reason") or video.reason,
        )
        if video and video.state != "unknown"
        else None,
        slides=SlidesView(
            slides.state,
            str(slides.url) if slides.url else None,
            slides.format,
            file_size(slides.size_bytes, lang) if slides.size_bytes else None,
        )
        if slides and slides.state != "unknown"
        else None,
        code=str(session.code) if session.code else None,
    )
