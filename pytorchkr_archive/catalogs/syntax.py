"""Is a ``.po`` file well-formed?  The same verdict as GNU ``msgfmt --check``.

Babel, which Sphinx uses to compile catalogs, prints a warning for a broken
file and carries on (even with ``-W``); it also misreads files that gettext
reads well (two flags without a comma, a wrapped ``#|`` line).  The archive
reads catalogs with :mod:`~pytorchkr_archive.catalogs.reader`, GNU gettext's
grammar, and refuses here what ``msgfmt --check`` refuses after reading:

* the reader's syntax and encoding errors;
* a message defined twice (``duplicate``);
* a ``Plural-Forms`` header that is not valid, or that does not fit the
  messages' plural forms (``plural``);
* a translation that begins or ends with a line break where its source does
  not, or the other way round (``newlines``);
* placeholders that differ from the source in a message flagged
  ``python-format`` or ``python-brace-format`` (``placeholders``).

Header fields that are missing or still hold a template's default value are
warnings, as they are for msgfmt (``header``).  These are the checks of
:data:`GETTEXT_CHECKS`: their verdict is gettext's
(``tests/catalogs/test_po_differential.py`` compares them with ``msgfmt --check``).
Three more are the archive's own: the file is UTF-8 (``charset``), its
``Language`` header names its folder's language (``language``), and a
``#|`` previous msgid is not left on a message that is no longer fuzzy
(``previous``, a warning).
"""

from __future__ import annotations

import operator
import re
from pathlib import Path

from pytorchkr_archive.catalogs.files import CatalogFile
from pytorchkr_archive.catalogs.formats import PARSERS, format_problem
from pytorchkr_archive.catalogs.reader import (
    Entry,
    Reading,
    charset_of,
    is_utf8,
    read,
    read_file_bytes,
)
from pytorchkr_archive.problems import Problem

#: The checks whose verdict is GNU ``msgfmt --check``'s.
GETTEXT_CHECKS = frozenset(
    {"syntax", "encoding", "duplicate", "header", "plural", "newlines", "placeholders"}
)
#: The header fields msgfmt asks for, and the template defaults it warns about
#: (warnings for msgfmt 0.21, and so here; ``Language`` is the archive's own check).
REQUIRED_FIELDS = {
    "Project-Id-Version": "PACKAGE VERSION",
    "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
    "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
    "Language-Team": "LANGUAGE <LL@li.org>",
    "MIME-Version": None,
    "Content-Type": "text/plain; charset=CHARSET",
    "Content-Transfer-Encoding": "ENCODING",
}


def _line_in_file(lines: list[str], start: int, text: str) -> int:
    """The first line at or after ``start`` that contains ``text`` (else ``start``)."""
    for number in range(max(start, 1), len(lines) + 1):
        if text in lines[number - 1]:
            return number
    return start


def header_problems(header: Entry, lines: list[str], shown: str) -> list[Problem]:
    """Missing header fields, and fields left at a template's default value."""
    problems = []
    fields = header.msgstr[0].split("\n")
    for name, default in REQUIRED_FIELDS.items():
        value = next(
            (f[len(name) + 1 :] for f in fields if f.startswith(name + ":")),
            None,
        )
        if value is None:
            problems.append(
                Problem(
                    shown,
                    header.msgstr_line or header.line,
                    "warning",
                    "header",
                    f'the header has no "{name}:" field: add the line '
                    f'"{name}: ...\\n" to the header (the first msgstr)',
                )
            )
        elif default is not None and value.removeprefix(" ") == default:
            problems.append(
                Problem(
                    shown,
                    _line_in_file(lines, header.msgstr_line, f'"{name}:'),
                    "warning",
                    "header",
                    f'the header field "{name}" still has the template\'s value '
                    f"{default!r}: fill it in",
                )
            )
    return problems


class _PluralExpression:
    """GNU gettext's plural expressions (C syntax over ``n``), parsed and evaluated."""

    _TOKEN = re.compile(r"\s*(?:(\d+)|(n)|(==|!=|<=|>=|&&|\|\||[-+*/%?:()<>!]))")

    def __init__(self, text: str) -> None:
        end = len(text)
        for stop in (";", "\n"):
            if stop in text:
                end = min(end, text.index(stop))
        self.tokens: list[str] = []
        source, i = text[:end], 0
        while i < len(source):
            if source[i] in " \t":
                i += 1
                continue
            match = self._TOKEN.match(source, i)
            if not match:
                raise ValueError("unexpected character")
            self.tokens.append(match.group(0).strip())
            i = match.end()
        self.i = 0
        self.tree = self._ternary()
        if self.i != len(self.tokens):
            raise ValueError("text after the expression")

    _BINARY = (("||",), ("&&",), ("==", "!="), ("<", ">", "<=", ">="), ("+", "-"), ("*", "/", "%"))

    def _peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def _ternary(self):
        condition = self._binary(0)
        if self._peek() == "?":
            self.i += 1
            then = self._ternary()
            if self._peek() != ":":
                raise ValueError("'?' without ':'")
            self.i += 1
            return ("?", condition, then, self._ternary())
        return condition

    def _binary(self, level: int):
        if level == len(self._BINARY):
            return self._unary()
        left = self._binary(level + 1)
        while self._peek() in self._BINARY[level]:
            operator = self.tokens[self.i]
            self.i += 1
            left = (operator, left, self._binary(level + 1))
        return left

    def _unary(self):
        token = self._peek()
        if token == "!":
            self.i += 1
            return ("!", self._unary())
        if token == "(":
            self.i += 1
            inner = self._ternary()
            if self._peek() != ")":
                raise ValueError("'(' without ')'")
            self.i += 1
            return inner
        if token == "n":
            self.i += 1
            return ("n",)
        if token is not None and token.isdigit():
            self.i += 1
            return ("number", int(token))
        raise ValueError("an operand is missing")

    def value(self, n: int, node=None) -> int:
        node = node or self.tree
        kind = node[0]
        if kind == "n":
            return n
        if kind == "number":
            return node[1]
        if kind == "!":
            return int(not self.value(n, node[1]))
        if kind == "?":
            return self.value(n, node[2] if self.value(n, node[1]) else node[3])
        left = self.value(n, node[1])
        if kind == "&&":
            return int(bool(left) and bool(self.value(n, node[2])))
        if kind == "||":
            return int(bool(left) or bool(self.value(n, node[2])))
        right = self.value(n, node[2])
        if kind in ("/", "%") and right == 0:
            raise ZeroDivisionError
        return int(_OPERATORS[kind](left, right))


#: The binary operators of plural expressions, as C computes them on integers.
_OPERATORS = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    ">": operator.gt,
    "<=": operator.le,
    ">=": operator.ge,
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.floordiv,
    "%": operator.mod,
}


def plural_problems(reading: Reading, lines: list[str], shown: str) -> list[Problem]:
    """A ``Plural-Forms`` header that is not valid or does not fit the plural messages."""
    header = reading.header
    translated = [
        e
        for e in reading.entries
        if not e.obsolete and e.msgid_plural is not None and e.msgstr[0] and not e.fuzzy
    ]
    text = header.msgstr[0] if header is not None else ""
    line = _line_in_file(lines, header.msgstr_line, "plural") if header else 1

    def problem(message: str) -> Problem:
        return Problem(shown, line, "error", "plural", message)

    plural_at, nplurals_at = text.find("plural="), text.find("nplurals=")
    if plural_at == -1 or nplurals_at == -1:
        if not translated:
            return []
        return [
            Problem(
                shown,
                translated[0].line,
                "error",
                "plural",
                "this message has plural forms, but the header has no complete "
                '"Plural-Forms: nplurals=...; plural=...;" line: add '
                '"Plural-Forms: nplurals=1; plural=0;\\n" (Korean) to the header',
            )
        ]
    rest = text[nplurals_at + len("nplurals=") :].lstrip(" \t\n\r\f\v")
    digits = re.match(r"\d+", rest)
    problems = []
    if not digits:
        problems.append(
            problem('the Plural-Forms header has no number after "nplurals=": write '
                    '"Plural-Forms: nplurals=1; plural=0;\\n" for Korean')
        )  # fmt: skip
    try:
        expression = _PluralExpression(text[plural_at + len("plural=") :])
    except ValueError:
        problems.append(
            problem('the "plural=" expression of the Plural-Forms header is not valid: write '
                    '"Plural-Forms: nplurals=1; plural=0;\\n" for Korean')
        )  # fmt: skip
        return problems
    if problems:
        return problems
    nplurals = int(digits.group(0))
    for n in range(1001):
        try:
            value = expression.value(n)
        except ZeroDivisionError:
            return [problem("the plural expression divides by zero for some n")]
        if value < 0:
            return [problem("the plural expression gives a negative value for some n")]
        if value >= nplurals:
            return [
                problem(
                    f"nplurals is {nplurals} but the plural expression gives {value} for "
                    f"n = {n}: the forms are numbered from 0 to nplurals - 1"
                )
            ]
    for entry in translated:
        if len(entry.msgstr) != nplurals:
            return [
                Problem(
                    shown,
                    entry.line,
                    "error",
                    "plural",
                    f"the header says nplurals={nplurals}, but this message has "
                    f"{len(entry.msgstr)} plural form(s): give msgstr[0] to "
                    f"msgstr[{nplurals - 1}]",
                )
            ]
    return []


def _newline_problem(source: str, translation: str, where: str) -> str | None:
    if translation.startswith("\n") != source.startswith("\n"):
        return f"{where} and its source do not both begin with a line break (\\n): make them agree"
    if translation.endswith("\n") != source.endswith("\n"):
        return f"{where} and its source do not both end with a line break (\\n): make them agree"
    return None


def message_problems(entry: Entry, shown: str) -> list[Problem]:
    """Line breaks and placeholders of one translated message, as msgfmt checks them."""
    problems = []
    line = entry.line
    pairs = [("the msgstr", entry.msgid, entry.msgstr[0])]
    if entry.msgid_plural is not None:
        if entry.msgid_plural.startswith("\n") != entry.msgid.startswith("\n") or (
            entry.msgid_plural.endswith("\n") != entry.msgid.endswith("\n")
        ):
            problems.append(
                Problem(
                    shown,
                    line,
                    "error",
                    "newlines",
                    "msgid and msgid_plural do not both begin and end with a line break (\\n)",
                )
            )
        pairs = [
            (f"msgstr[{index}]", entry.msgid, string) for index, string in enumerate(entry.msgstr)
        ]
    for where, source, translation in pairs:
        newline = _newline_problem(source, translation, where)
        if newline:
            problems.append(Problem(shown, line, "error", "newlines", newline))
    for flag in entry.flags:
        if flag not in PARSERS:
            continue
        for index, translation in enumerate(entry.msgstr):
            source = (
                entry.msgid if index == 0 or entry.msgid_plural is None else entry.msgid_plural
            )
            found = format_problem(flag, source, translation)
            if found:
                problems.append(Problem(shown, line, "error", "placeholders", f"{found} ({flag})"))
                break
    return problems


def duplicate_problems(reading: Reading, shown: str) -> list[Problem]:
    """Messages defined twice (msgfmt refuses those; Babel silently keeps one)."""
    seen: dict[tuple[str | None, str], int] = {}
    problems = []
    for entry in reading.entries:
        if entry.obsolete:
            continue
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            name = entry.msgid[:50] if entry.msgid else "the header"
            problems.append(
                Problem(
                    shown,
                    entry.line,
                    "error",
                    "duplicate",
                    f"message {name!r} is already defined at line {seen[key]}: "
                    "keep one of the two",
                )
            )
        else:
            seen[key] = entry.line
    return problems


def gettext_problems(reading: Reading, text: str, shown: str) -> list[Problem]:
    """What ``msgfmt --check`` refuses in a file it could read."""
    lines = text.splitlines()
    problems = [Problem(shown, e.line, "error", e.kind, e.message) for e in reading.errors]
    problems += duplicate_problems(reading, shown)
    header = reading.header
    if header is not None and header.msgstr[0]:
        problems += header_problems(header, lines, shown)
    problems += plural_problems(reading, lines, shown)
    for entry in reading.entries:
        if entry.obsolete or entry.is_header or not entry.msgstr[0] or entry.fuzzy:
            continue
        problems += message_problems(entry, shown)
    return problems


def archive_problems(reading: Reading, lines: list[str], file: CatalogFile, shown: str):
    """The archive's own rules: UTF-8, the folder's language, no stale previous msgid."""
    problems = []
    header = reading.header
    text = header.msgstr[0] if header else ""
    charset = charset_of(text)
    header_line = (header.msgstr_line or header.line) if header else 1
    if not is_utf8(charset):
        problems.append(
            Problem(
                shown,
                _line_in_file(lines, header_line, "charset="),
                "error",
                "charset",
                f"the catalog declares charset={charset or '(none)'}: save it as UTF-8 and "
                'declare "Content-Type: text/plain; charset=UTF-8\\n"',
            )
        )
    lang = next((f[9:].strip() for f in text.split("\n") if f.startswith("Language:")), "")
    if lang.replace("-", "_") != file.lang:
        found = f"is {lang!r}" if lang else "is missing"
        problems.append(
            Problem(
                shown,
                _line_in_file(lines, header_line, '"Language:'),
                "error",
                "language",
                f"the Language header {found}, but the file is in locale/{file.lang}/: "
                f'set "Language: {file.lang}\\n"',
            )
        )
    for entry in reading.entries:
        if entry.previous_msgid is not None and not entry.fuzzy and not entry.obsolete:
            problems.append(
                Problem(
                    shown,
                    _line_in_file(lines, max(entry.line - 3, 1), "#|"),
                    "warning",
                    "previous",
                    "a previous msgid (#|) is left on a message that is not fuzzy any more: "
                    "delete the #| lines (make update-po drops them)",
                )
            )
    return problems


def check_bytes(
    data: bytes, file: CatalogFile, shown: str, reading: Reading | None = None
) -> tuple[Reading | None, list[Problem]]:
    """Every well-formedness problem of a catalog's bytes, and its reading when
    it has no error (``reading``: the bytes' reading, when already read)."""
    if reading is None:
        reading = read(data)
    text = data.decode("utf-8", "replace")
    problems = gettext_problems(reading, text, shown)
    problems += archive_problems(reading, text.splitlines(), file, shown)
    problems.sort()
    failed = any(p.severity == "error" for p in problems)
    return (None if failed else reading), problems


def check_syntax(file: CatalogFile, shown: str) -> tuple[Reading | None, list[Problem]]:
    """Every well-formedness problem of a catalog file, and its reading when it has no error.

    The file is read once for the whole process (:func:`.reader.read_file_bytes`):
    a build's catalog gate, its events' facts and its ``.mo`` share the reading.
    """
    found = read_file_bytes(Path(file.path))
    if found is None:
        return check_bytes(Path(file.path).read_bytes(), file, shown)
    data, reading = found
    return check_bytes(data, file, shown, reading)


def gettext_verdict(problems: list[Problem]) -> bool:
    """Whether ``msgfmt --check`` would accept a file with these problems."""
    return not any(p.severity == "error" and p.check in GETTEXT_CHECKS for p in problems)
