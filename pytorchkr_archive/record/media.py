"""A session's video and slides, each in one of the record's states.

The record says of every video whether it is ``public`` (with its YouTube
id), ``pending`` (to be published), ``private``, ``not_recorded``,
``limited`` (recorded, but not shown in full: a ``reason`` says why) or
``unknown``; slides are ``public`` (with a URL), ``pending``, ``private`` or
``unknown``.  A state asks for its facts and refuses the others: a public
video without its id would be a dead button, an id on a private one a leak.
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urlencode

from pydantic import Field, HttpUrl, field_validator, model_validator

from pytorchkr_archive.record.fields import Plain, Strict, Text

#: A YouTube video id: eleven letters, digits, ``-`` and ``_``.
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
#: How a slides file's format is named (PDF, PPTX, Keynote...).
FORMAT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .+-]{0,15}$")

VideoState = Literal["public", "pending", "private", "not_recorded", "limited", "unknown"]
SlidesState = Literal["public", "pending", "private", "unknown"]


class Video(Strict):
    """A session's recording."""

    state: VideoState
    #: For a public video: its id on YouTube (``youtu.be/<id>``).
    youtube_id: str | None = None
    #: Where the session starts in the video, for a recording of a whole event.
    start_seconds: int | None = Field(default=None, ge=0)
    #: For a limited video: why (translated through the page's catalog).
    reason: Text | None = None

    @field_validator("youtube_id")
    @classmethod
    def video_id(cls, value: str | None) -> str | None:
        if value is not None and not YOUTUBE_ID.match(value):
            raise ValueError(
                f"{value!r} is not a YouTube video id: write the eleven characters after "
                "'watch?v=' or 'youtu.be/' (such as 'zlXhyeBeQJ0'), not the whole URL"
            )
        return value

    @model_validator(mode="after")
    def facts_of_its_state(self) -> Video:
        if self.state == "public" and not self.youtube_id:
            raise ValueError(
                "a public video needs its 'youtube_id:' (the eleven characters after "
                "'watch?v='); if it is not published yet, its state is 'pending'"
            )
        if self.state != "public" and (self.youtube_id or self.start_seconds is not None):
            raise ValueError(
                f"a {self.state} video has no 'youtube_id:' or 'start_seconds:' (only a "
                "public one is linked): delete them, or set 'state: public'"
            )
        if self.state == "limited" and not self.reason:
            raise ValueError(
                "a limited video needs its 'reason:' (why it is not shown in full, such as "
                "'The sound was not recorded.')"
            )
        if self.state != "limited" and self.reason:
            raise ValueError(
                f"only a limited video has a 'reason:'; this one is {self.state}: "
                "delete the reason, or set 'state: limited'"
            )
        return self

    @property
    def watch_url(self) -> str | None:
        """The video on YouTube, at the session's start."""
        if not self.youtube_id:
            return None
        query = {"v": self.youtube_id}
        if self.start_seconds:
            query["t"] = f"{self.start_seconds}s"
        return f"https://www.youtube.com/watch?{urlencode(query)}"

    @property
    def embed_url(self) -> str | None:
        """The privacy-enhanced player (no cookie until it plays), never autoplaying."""
        if not self.youtube_id:
            return None
        query = {"start": str(self.start_seconds)} if self.start_seconds else {}
        return f"https://www.youtube-nocookie.com/embed/{self.youtube_id}" + (
            f"?{urlencode(query)}" if query else ""
        )


class Slides(Strict):
    """A session's slides."""

    state: SlidesState
    #: For public slides: where they are.
    url: HttpUrl | None = None
    #: The file's format, as readers know it (PDF, PPTX...).
    format: Plain | None = None
    #: The file's size, so that a reader on a phone knows before opening it.
    size_bytes: int | None = Field(default=None, gt=0)

    @field_validator("format")
    @classmethod
    def format_name(cls, value: str | None) -> str | None:
        if value is not None and not FORMAT.match(value):
            raise ValueError(
                f"{value!r} is not a file format's name: write it short, such as PDF or PPTX"
            )
        return value

    @model_validator(mode="after")
    def facts_of_its_state(self) -> Slides:
        if self.state == "public" and not self.url:
            raise ValueError(
                "public slides need their 'url:'; if they are not published yet, "
                "their state is 'pending'"
            )
        if self.state != "public" and (self.url or self.format or self.size_bytes):
            raise ValueError(
                f"{self.state} slides have no 'url:', 'format:' or 'size_bytes:' (only "
                "public ones are linked): delete them, or set 'state: public'"
            )
        return self
