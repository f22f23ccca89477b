"""Read a ``.po`` file the way GNU gettext reads it: tokens, not lines.

Every tool that writes catalogs lays them out its own way: GNU ``msgcat``
and ``msgmerge`` wrap at 79 columns, polib at 78, Poedit at its "wrap at"
setting, Babel inside ``#|`` comments; previous msgids (``#|``) and
obsolete entries (``#~``, ``#~|``) wrap like any string.  A reader that
works line by line accepts the layouts it was written for and refuses the
others.  GNU gettext's reader, which ``msgfmt --check`` uses and which every
one of those tools is tested against, works on tokens: keywords, strings,
comments, ``#~`` and ``#|`` prefixes, with white space and line breaks
between them of no meaning.  This module reads the same tokens with the
same grammar (GNU gettext 0.21's ``po-lex.c`` and ``po-gram-gen.y``,
written anew here), so that what it accepts and refuses is what gettext
accepts and refuses (``tests/catalogs/test_po_differential.py`` compares the two on
hundreds of broken catalogs), and says what is wrong in words a translator
can act on.

No Python library does this: polib, Babel and translate-toolkit read line by
line, and each accepts files that gettext refuses and refuses files that it
accepts (measured in ``docs/translation-tools.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

BOM = b"\xef\xbb\xbf"
_KEYWORDS = {"msgctxt", "msgid", "msgid_plural", "msgstr", "domain"}
_PREVIOUS_KEYWORDS = {"msgctxt", "msgid", "msgid_plural"}
_SIMPLE_ESCAPES = {
    ord("n"): b"\n",
    ord("t"): b"\t",
    ord("b"): b"\b",
    ord("r"): b"\r",
    ord("f"): b"\f",
    ord("v"): b"\v",
    ord("a"): b"\a",
    ord("\\"): b"\\",
    ord('"'): b'"',
}
_WHITE = b" \t\r\f\v"
_NAME_START = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$")
_NAME_CHAR = _NAME_START | frozenset(b"0123456789")
_DIGITS = frozenset(b"0123456789")
#: Runs of bytes that :meth:`_Lexer._getc` hands over one by one unchanged (no
#: newline, no backslash), inside a string (nor its closing quote) and a
#: comment: taken in one piece, which reads a catalog several times faster.
_PLAIN_STRING = re.compile(rb'[^"\\\n]+')
_PLAIN_COMMENT = re.compile(rb"[^\\\n]+")
_OCTAL = frozenset(b"01234567")
_HEX = frozenset(b"0123456789abcdefABCDEF")
#: The ``charset=`` of a header, as gettext finds it.
_CHARSET = re.compile(r"charset=([^ \t\n]*)")
_FLAG_SEPARATORS = re.compile(r"[\s,]+")


@dataclass(frozen=True)
class Error:
    """Something gettext refuses, at a line, said so that a translator can mend it."""

    line: int
    message: str
    #: ``syntax``, or ``encoding`` for bytes that are not the declared UTF-8.
    kind: str = "syntax"


@dataclass
class Token:
    kind: str  # keyword, STRING, COMMENT, NUMBER, "[", "]", NAME, JUNK, EOF
    value: object
    line: int
    obsolete: bool
    previous: bool


@dataclass
class Entry:
    """One message as gettext reads it."""

    line: int  # of its msgid keyword
    msgid: str
    msgstr: list[str]  # one string, or one per plural form
    msgctxt: str | None = None
    msgid_plural: str | None = None
    obsolete: bool = False
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    #: Comments in order, without their ``#``: ``" text"``, ``". x"``, ``": a"``, ``", f"``.
    comments: list[str] = field(default_factory=list)
    msgstr_line: int = 0

    @property
    def flags(self) -> list[str]:
        """The ``#,`` flags: gettext separates them by commas and by white space alike."""
        return [
            flag
            for comment in self.comments
            if comment.startswith((",", "="))
            for flag in _FLAG_SEPARATORS.split(comment[1:])
            if flag
        ]

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def is_header(self) -> bool:
        return self.msgctxt is None and self.msgid == "" and not self.obsolete


def charset_of(header: str) -> str | None:
    """The ``charset=`` value of a header's text, as gettext reads it."""
    match = _CHARSET.search(header)
    return match.group(1) if match else None


def is_utf8(charset: str | None) -> bool:
    """Whether gettext takes the charset name for UTF-8 (it compares names case-blind)."""
    return charset is not None and charset.upper() == "UTF-8"


class _Lexer:
    """GNU gettext's tokens, from the bytes of a file."""

    def __init__(self, data: bytes, errors: list[Error]) -> None:
        self.data = data
        self.pos = 0
        self.line = 1
        self.errors = errors
        self.obsolete = False
        self.previous = False
        #: Set once the header declared UTF-8: from then on strings are checked.
        self.validate = False

    def _getc(self) -> int | None:
        """The next byte, skipping backslash-newline (a line continuation)."""
        data = self.data
        while self.pos < len(data):
            byte = data[self.pos]
            self.pos += 1
            if byte == 0x0A:
                self.line += 1
                return byte
            if byte == 0x5C and self.pos < len(data) and data[self.pos] == 0x0A:
                self.pos += 1
                self.line += 1
                continue
            return byte
        return None

    def _ungetc(self, byte: int | None) -> None:
        if byte is None:
            return
        self.pos -= 1
        if byte == 0x0A:
            self.line -= 1

    def _escape(self) -> bytes:
        """The bytes of an escape sequence, the backslash already read."""
        byte = self._getc()
        if byte is not None and byte in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[byte]
        if byte is not None and byte in _OCTAL:
            value = byte - 48
            for _ in range(2):
                nxt = self._getc()
                if nxt is None or nxt not in _OCTAL:
                    self._ungetc(nxt)
                    break
                value = value * 8 + nxt - 48
            return bytes([value & 0xFF])
        if byte == ord("x"):
            value, digits = 0, 0
            nxt = self._getc()
            while nxt is not None and nxt in _HEX:
                value, digits = value * 16 + int(chr(nxt), 16), digits + 1
                nxt = self._getc()
            self._ungetc(nxt)
            if digits:
                return bytes([value & 0xFF])
            shown = "\\x"
        else:
            self._ungetc(byte)
            shown = "\\" + (chr(byte) if byte is not None and 32 <= byte < 127 else "")
        self.errors.append(
            Error(
                self.line,
                f'invalid escape {shown!r} in a string: the escapes are \\n, \\t, \\", '
                "\\\\ (write \\\\ for a backslash)",
            )
        )
        return b" "

    def _string(self, line: int) -> Token:
        chunks = bytearray()
        while True:
            plain = _PLAIN_STRING.match(self.data, self.pos)
            if plain:
                chunks += plain.group()
                self.pos = plain.end()
            byte = self._getc()
            if byte is None:
                self.errors.append(
                    Error(line, 'unterminated string: the file ends before its closing "')
                )
                break
            if byte == 0x0A:
                self.errors.append(
                    Error(
                        line,
                        'unterminated string: a closing " is missing at the end of the line '
                        '(a " inside a string is written \\")',
                    )
                )
                break
            if byte == 0x22:
                break
            if byte == 0x5C:
                chunks += self._escape()
                continue
            chunks.append(byte)
        raw = bytes(chunks)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            if self.validate:
                self.errors.append(
                    Error(
                        line,
                        f"byte 0x{raw[error.start]:02x} in a string is not UTF-8, which "
                        "the header declares: save the file as UTF-8",
                        "encoding",
                    )
                )
            text = raw.decode("utf-8", "replace")
        return Token("STRING", text, line, self.obsolete, self.previous)

    def tokens(self) -> Iterator[Token]:
        while True:
            byte = self._getc()
            if byte is None:
                yield Token("EOF", None, self.line, self.obsolete, self.previous)
                return
            if byte == 0x0A:
                self.obsolete = self.previous = False
                continue
            if byte in _WHITE:
                continue
            line = self.line
            if byte == 0x23:  # '#'
                nxt = self._getc()
                if nxt == ord("~"):
                    self.obsolete = True
                    after = self._getc()
                    if after == ord("|"):
                        self.previous = True
                    else:
                        self._ungetc(after)
                    continue
                if nxt == ord("|"):
                    self.previous = True
                    continue
                text = bytearray()
                while nxt is not None and nxt != 0x0A:
                    text.append(nxt)
                    plain = _PLAIN_COMMENT.match(self.data, self.pos)
                    if plain:
                        text += plain.group()
                        self.pos = plain.end()
                    nxt = self._getc()
                self._ungetc(nxt)
                token = Token(
                    "COMMENT",
                    bytes(text).decode("utf-8", "replace"),
                    line,
                    self.obsolete,
                    self.previous,
                )
                self.obsolete = False
                yield token
                continue
            if byte == 0x22:
                yield self._string(line)
                continue
            if byte in _NAME_START:
                name = bytearray([byte])
                nxt = self._getc()
                while nxt is not None and nxt in _NAME_CHAR:
                    name.append(nxt)
                    nxt = self._getc()
                self._ungetc(nxt)
                word = name.decode("ascii")
                known = _PREVIOUS_KEYWORDS if self.previous else _KEYWORDS
                if word in known:
                    kind = f"prev_{word}" if self.previous else word
                    yield Token(kind, None, line, self.obsolete, self.previous)
                else:
                    yield Token("NAME", word, line, self.obsolete, self.previous)
                continue
            if byte in _DIGITS:
                digits = bytearray([byte])
                nxt = self._getc()
                while nxt is not None and nxt in _DIGITS:
                    digits.append(nxt)
                    nxt = self._getc()
                self._ungetc(nxt)
                yield Token("NUMBER", int(digits), line, self.obsolete, self.previous)
                continue
            if byte in b"[]":
                yield Token(chr(byte), None, line, self.obsolete, self.previous)
                continue
            yield Token("JUNK", byte, line, self.obsolete, self.previous)


class _SyntaxError(Exception):
    def __init__(self, token: Token, message: str) -> None:
        super().__init__(message)
        self.token = token
        self.message = message


#: Tokens that can start an entry: where reading resumes after an error.
_RESUME = {"msgid", "msgctxt", "prev_msgid", "prev_msgctxt", "domain", "COMMENT", "EOF"}


def _describe(token: Token) -> str:
    if token.kind == "EOF":
        return "the end of the file"
    if token.kind == "STRING":
        return "a string"
    if token.kind == "COMMENT":
        return "a comment"
    if token.kind == "NAME":
        return repr(token.value)
    if token.kind == "JUNK":
        byte = token.value
        return repr(chr(byte)) if isinstance(byte, int) and 32 <= byte < 127 else "a stray byte"
    if token.kind == "NUMBER":
        return f"the number {token.value}"
    if token.kind.startswith("prev_"):
        return f"'#| {token.kind[5:]}'"
    return repr(token.kind)


class _Parser:
    """The grammar of GNU gettext's ``po-gram-gen.y``, as a recursive descent."""

    def __init__(self, data: bytes) -> None:
        self.errors: list[Error] = []
        self.lexer = _Lexer(data, self.errors)
        self.stream = self.lexer.tokens()
        self.token = next(self.stream)
        self.entries: list[Entry] = []
        self.comments: list[str] = []
        self.intro_obsolete = False

    def advance(self) -> Token:
        token, self.token = self.token, next(self.stream)
        return token

    def expect_consistent(self, token: Token, first: Token) -> None:
        if token.obsolete != first.obsolete:
            self.errors.append(
                Error(
                    token.line,
                    "inconsistent use of #~: every line of an obsolete entry starts with "
                    "#~, and no line of a current one does",
                )
            )

    def strings(self, first: Token, previous: bool = False) -> str:
        parts = []
        while self.token.kind == "STRING" and self.token.previous == previous:
            token = self.advance()
            self.expect_consistent(token, first)
            parts.append(token.value)
        return "".join(parts)

    def require_strings(self, keyword: Token, previous: bool = False) -> str:
        if self.token.kind != "STRING" or self.token.previous != previous:
            name = keyword.kind.removeprefix("prev_")
            raise _SyntaxError(
                self.token,
                f'{"#| " if previous else ""}{name} must be followed by a "string" '
                f"(found {_describe(self.token)})",
            )
        return self.strings(keyword, previous)

    def unexpected(self, message: str | None = None) -> _SyntaxError:
        token = self.token
        if token.kind == "NAME" and token.previous and token.value in _KEYWORDS:
            return _SyntaxError(
                token,
                f"'#| {token.value}' is not valid: a previous entry (#|) has only "
                "msgctxt, msgid and msgid_plural",
            )
        if token.kind == "NAME":
            return _SyntaxError(
                token,
                f"unknown keyword {token.value!r}: the keywords are msgctxt, msgid, "
                "msgid_plural and msgstr",
            )
        if token.kind == "JUNK":
            return _SyntaxError(
                token,
                f"{_describe(token)} outside a string: text goes between double quotes, "
                "comments start with #",
            )
        return _SyntaxError(token, message or f"unexpected {_describe(token)}")

    def parse(self) -> list[Entry]:
        while self.token.kind != "EOF":
            try:
                self.item()
            except _SyntaxError as error:
                self.errors.append(Error(error.token.line, error.message))
                self.recover()
        return self.entries

    def recover(self) -> None:
        """Skip to where an entry can start, as gettext's grammar resumes after an error."""
        if self.token.kind != "EOF":
            self.advance()
        while self.token.kind not in _RESUME:
            self.advance()
        self.comments = []

    def item(self) -> None:
        kind = self.token.kind
        if kind == "COMMENT":
            self.comments.append(self.advance().value)
            return
        if kind == "domain":
            keyword = self.advance()
            self.require_strings(keyword)
            return
        if kind in ("msgid", "msgctxt", "prev_msgid", "prev_msgctxt"):
            self.message()
            return
        if kind in ("msgstr", "msgid_plural"):
            raise _SyntaxError(
                self.token,
                f"{kind} without a msgid before it: every entry starts with "
                'msgid "..." (a line may have been deleted)',
            )
        raise self.unexpected()

    def message(self) -> None:
        first = self.token
        previous_ctxt = previous_id = previous_plural = None
        if first.kind in ("prev_msgid", "prev_msgctxt"):
            if first.kind == "prev_msgctxt":
                keyword = self.advance()
                previous_ctxt = self.require_strings(keyword, previous=True)
                if self.token.kind != "prev_msgid":
                    raise self.unexpected("#| msgctxt must be followed by #| msgid")
                self.expect_consistent(self.token, first)
            keyword = self.advance()
            self.expect_consistent(keyword, first)
            previous_id = self.require_strings(keyword, previous=True)
            if self.token.kind == "prev_msgid_plural":
                keyword = self.advance()
                self.expect_consistent(keyword, first)
                previous_plural = self.require_strings(keyword, previous=True)
            if self.token.kind not in ("msgid", "msgctxt"):
                raise self.unexpected(
                    f"the previous msgid (#|) must be followed by the entry's msgid "
                    f"(found {_describe(self.token)})"
                )
            self.expect_consistent(self.token, first)
        ctxt = None
        intro = self.token
        if intro.kind == "msgctxt":
            keyword = self.advance()
            ctxt = self.require_strings(keyword)
            if self.token.kind != "msgid":
                raise self.unexpected(
                    f"msgctxt must be followed by msgid (found {_describe(self.token)})"
                )
            self.expect_consistent(self.token, intro)
        msgid_token = self.advance()
        msgid = self.require_strings(msgid_token)
        entry = Entry(
            msgid_token.line,
            msgid,
            [],
            msgctxt=ctxt,
            obsolete=msgid_token.obsolete,
            previous_msgctxt=previous_ctxt,
            previous_msgid=previous_id,
            previous_msgid_plural=previous_plural,
            comments=self.comments,
        )
        self.comments = []
        if self.token.kind == "msgstr":
            keyword = self.advance()
            self.expect_consistent(keyword, msgid_token)
            entry.msgstr_line = keyword.line
            if self.token.kind == "[":
                raise _SyntaxError(
                    self.token,
                    "msgstr[N] belongs to a message with msgid_plural; this one has none "
                    "(write msgstr without [N], or add the msgid_plural)",
                )
            entry.msgstr = [self.require_strings(keyword)]
        elif self.token.kind == "msgid_plural":
            keyword = self.advance()
            self.expect_consistent(keyword, msgid_token)
            entry.msgid_plural = self.require_strings(keyword)
            entry.msgstr_line = self.token.line
            entry.msgstr = self.plural_forms(msgid_token)
        else:
            raise _SyntaxError(
                self.token if self.token.kind != "EOF" else msgid_token,
                f"the msgid at line {msgid_token.line} has no msgstr: add "
                'msgstr "" after it (found ' + _describe(self.token) + ")",
            )
        if entry.is_header and not self.lexer.validate:
            self.lexer.validate = is_utf8(charset_of(entry.msgstr[0]))
        self.entries.append(entry)

    def plural_forms(self, first: Token) -> list[str]:
        forms: list[str] = []
        if self.token.kind != "msgstr":
            raise _SyntaxError(
                self.token,
                "msgid_plural must be followed by msgstr[0], msgstr[1]... "
                f"(found {_describe(self.token)})",
            )
        while self.token.kind == "msgstr":
            keyword = self.advance()
            self.expect_consistent(keyword, first)
            if self.token.kind != "[":
                raise _SyntaxError(
                    self.token,
                    "a message with msgid_plural has msgstr[0], msgstr[1]...: "
                    "write the index in brackets",
                )
            self.advance()
            if self.token.kind != "NUMBER":
                raise self.unexpected("msgstr[ must be followed by a number and ]")
            number = self.advance()
            if self.token.kind != "]":
                raise self.unexpected("msgstr[N must be followed by ]")
            self.advance()
            if number.value != len(forms):
                self.errors.append(
                    Error(
                        keyword.line,
                        f"msgstr[{number.value}] is out of order: the plural forms are "
                        f"numbered 0, 1, 2... and this one should be msgstr[{len(forms)}]",
                    )
                )
            forms.append(self.require_strings(keyword))
        return forms


@dataclass
class Reading:
    """What gettext would read of a file, and what it would refuse."""

    entries: list[Entry]
    errors: list[Error]
    #: Comments after the last entry (gettext keeps them with no message).
    trailing_comments: list[str] = field(default_factory=list)

    @property
    def header(self) -> Entry | None:
        return next((e for e in self.entries if e.is_header), None)


def read(data: bytes) -> Reading:
    """Read the bytes of a ``.po`` file as GNU gettext does."""
    errors: list[Error] = []
    if data.startswith(BOM):
        errors.append(
            Error(
                1,
                "the file starts with a byte-order mark (BOM), which gettext does not "
                "accept: save it as UTF-8 without BOM (Poedit does; in VS Code click "
                "'UTF-8 with BOM' in the status bar and choose 'Save with Encoding', "
                "'UTF-8'; in Notepad choose 'UTF-8', not 'UTF-8 with BOM')",
                "encoding",
            )
        )
        data = data[len(BOM) :]
    parser = _Parser(data)
    entries = parser.parse()
    return Reading(entries, errors + parser.errors, parser.comments)


#: Readings of files, by path, with the bytes they were read from.
_READ_FILES: dict[Path, tuple[bytes, Reading]] = {}


def read_file_bytes(path: Path) -> tuple[bytes, Reading] | None:
    """The bytes of a ``.po`` file and their reading (None if there is none),
    read again only once the file changed.

    A translated build reads a page's catalog more than once: in the catalog
    gate, for the events' facts when it starts, for the ``.mo`` it compiles,
    for the parallel view's entries as the page is written.  One reading
    serves them all; a file saved since (``make live``) has other bytes and
    is read afresh.  Its bytes, not its time and size: reading a file costs
    little beside parsing it, and an edit that keeps the size within the
    file system's clock tick would keep both.  The reading is shared:
    callers do not change it.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None
    kept = _READ_FILES.get(path)
    if kept and kept[0] == data:
        return kept
    reading = read(data)
    _READ_FILES[path] = (data, reading)
    return data, reading


def read_file(path: Path) -> Reading | None:
    """The reading of a ``.po`` file (None if there is none): :func:`read_file_bytes`'s."""
    found = read_file_bytes(path)
    return found[1] if found is not None else None
