"""Where to register, and when: a page, or a page with its window.

The record writes a registration as ``{url, opens_at, closes_at}`` (times
with their offset, ``2026-10-01T10:00:00+09:00``); a plain URL is open until
the event ends.  The card offers the page only while it is open, and says
otherwise when it opens or that it has closed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import HttpUrl, field_validator, model_validator

from pytorchkr_archive.record.fields import Strict, written

#: ``YYYY-MM-DDTHH:MM[:SS]`` with its offset (``+09:00``, ``Z``).
MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})$")

#: Where a registration stands at a moment.
RegistrationState = Literal["not_open", "open", "closed"]


class Registration(Strict):
    """A registration page with its window."""

    url: HttpUrl
    opens_at: dt.datetime | None = None
    closes_at: dt.datetime | None = None

    @field_validator("opens_at", "closes_at", mode="before")
    @classmethod
    def moment(cls, value: Any) -> Any:
        if not isinstance(value, str) or not MOMENT.match(value):
            raise ValueError(
                f"{written(value)} is not a moment: write the date and time with the offset "
                'of its time zone, in quotes, such as "2026-10-01T10:00:00+09:00"'
            )
        try:
            dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(
                f"{value!r} is not a moment of the calendar: write it as "
                '"YYYY-MM-DDTHH:MM:SS+09:00"'
            ) from None
        return value

    @model_validator(mode="after")
    def in_order(self) -> Registration:
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValueError(
                f"registration closes ({self.closes_at.isoformat()}) before it opens "
                f"({self.opens_at.isoformat()}): write the moment it closes, after it opens"
            )
        return self

    def state(self, now: dt.datetime, event_end: dt.datetime) -> RegistrationState:
        """Open, not open yet, or closed at ``now`` (at the latest, when the event ends)."""
        if self.opens_at and now < self.opens_at:
            return "not_open"
        if now >= (self.closes_at or event_end):
            return "closed"
        return "open"
