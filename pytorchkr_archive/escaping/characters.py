"""The characters that XML 1.0 and iCalendar cannot hold, found and named for a person.

No escaping can carry these: XML 1.0 has no way to write them at all (not
even as ``&#11;``), so lxml, which writes the Atom feed, refuses the whole
document; an iCalendar value (RFC 5545) may not hold a control character
other than a tab, and a calendar app may drop an event that does.  A
translation, or an English text, that holds one must be mended at its
source, so it is refused before any build, with where it is and what it is
(:mod:`pytorchkr_archive.catalogs.characters` for the catalogs, the event
schema for the front matter).

Refused, and why:

- the C0 controls U+0000-U+0008, U+000B, U+000C and U+000E-U+001F, and
  U+007F (delete): outside XML 1.0's ``Char`` production (U+007F aside) and
  RFC 5545's ``CONTROL``;
- U+000D (carriage return): XML 1.0 holds it only to turn it into a line
  break as it reads, and iCalendar forbids it in a value; a line break
  (U+000A) says what was meant;
- the C1 controls U+0080-U+009F: XML 1.0 (section 2.2) discourages them and
  HTML's parser reports them as errors; in a text they are nearly always a
  character decoded with the wrong code page (U+0092 for a right quotation
  mark);
- lone surrogates U+D800-U+DFFF: not characters at all, and UTF-8 cannot
  encode them, so every writer fails;
- the noncharacters: U+FFFE and U+FFFF (outside XML 1.0's ``Char``),
  U+FDD0-U+FDEF and the last two code points of every plane (Unicode
  reserves them for a program's own use, never for interchange, and XML 1.0
  discourages them).

Allowed: U+0009 (tab) and U+000A (line feed), which both formats carry
(iCalendar as an escaped ``\\n``), and every other character, Hangul and
emoji included.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_NONCHARACTERS = "".join(
    chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17)
)
_REFUSED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]"
)
#: The control characters by the names people know them by.
_CONTROL_NAMES = {
    0x00: "null",
    0x01: "start of heading",
    0x02: "start of text",
    0x03: "end of text",
    0x04: "end of transmission",
    0x05: "enquiry",
    0x06: "acknowledge",
    0x07: "bell",
    0x08: "backspace",
    0x09: "tab",
    0x0A: "line feed",
    0x0B: "vertical tab",
    0x0C: "form feed",
    0x0D: "carriage return",
    0x0E: "shift out",
    0x0F: "shift in",
    0x10: "data link escape",
    0x11: "device control one",
    0x12: "device control two",
    0x13: "device control three",
    0x14: "device control four",
    0x15: "negative acknowledge",
    0x16: "synchronous idle",
    0x17: "end of transmission block",
    0x18: "cancel",
    0x19: "end of medium",
    0x1A: "substitute",
    0x1B: "escape",
    0x1C: "file separator",
    0x1D: "group separator",
    0x1E: "record separator",
    0x1F: "unit separator",
    0x7F: "delete",
    0x85: "next line, a C1 control",
}


@dataclass(frozen=True)
class Refused:
    """A character that cannot be published, at its position in the text."""

    #: The index of the character in the text (0 for the first).
    index: int
    character: str

    def __str__(self) -> str:
        return f"{name(self.character)} at character {self.index + 1}"


def refused_characters(text: str) -> list[Refused]:
    """Every character of ``text`` that XML 1.0 or iCalendar cannot hold, in order."""
    return [Refused(match.start(), match.group()) for match in _REFUSED.finditer(text)]


def name(character: str) -> str:
    """A character as a person can find it: ``U+000B (vertical tab)``."""
    code = ord(character)
    if code in _CONTROL_NAMES:
        what = _CONTROL_NAMES[code]
    elif 0x80 <= code <= 0x9F:
        what = "a C1 control"
    elif 0xD800 <= code <= 0xDFFF:
        what = "a lone surrogate"
    elif 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        what = "a noncharacter"
    else:
        what = unicodedata.name(character, "unnamed").lower()
    return f"U+{code:04X} ({what})"
