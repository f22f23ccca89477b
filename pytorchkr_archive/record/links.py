"""An event's related links and the sources its facts were checked against."""

from __future__ import annotations

from typing import Literal

from pydantic import HttpUrl

from pytorchkr_archive.record.fields import Strict, Text

#: The kinds of link the record has, and the archive's own.
LinkKind = Literal["recap", "video", "slides", "photos", "website", "code", "other"]


class RelatedLink(Strict):
    """A page about the event elsewhere: its recap, its playlist..."""

    kind: LinkKind
    #: What the link is, in the source language (translated in the catalog).
    title: Text
    url: HttpUrl
