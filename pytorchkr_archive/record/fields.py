"""What every part of an event's facts shares.

Unknown fields are errors (a typo is not silently ignored), texts are
stripped, and a text that a reader sees must be one the Atom feed and the
calendar files can carry (XML 1.0, iCalendar): a control character in it
would otherwise fail the build with a traceback naming no file.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from pytorchkr_archive.escaping.characters import refused_characters

#: A language code as ``archive_languages`` has them: ``en``, ``ko``, ``pt_BR``...
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?$")
#: A uid of the record (a session's, a series'): lower case, digits and dashes.
UID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Strict(BaseModel):
    """A part of the schema: unknown fields are errors, not silently ignored.

    The validators are built when first used (``defer_build``): a rebuild
    whose event pages did not change validates none, and starts sooner.
    """

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, frozen=True, defer_build=True
    )


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


def uid(value: str) -> str:
    """A uid: it becomes an anchor and a file name, so it is plain."""
    if not UID.match(value):
        raise ValueError(
            f"{value!r} is not a uid: write lower-case letters, digits and dashes "
            "(such as 'roadmap' or 'talk-1'), as the group's record does"
        )
    return value


#: A text that a feed or a calendar may show (a name, in the source language).
Plain = Annotated[str, AfterValidator(publishable)]
#: A text of the source language (translated through the page's catalog).
Text = Annotated[str, Field(min_length=1), AfterValidator(publishable)]
#: A uid of the record.
Uid = Annotated[str, AfterValidator(uid)]


def written(value: Any) -> str:
    """A value read from the YAML, as a message names it."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads yes, no, on, off as true or false)"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    return repr(value)
