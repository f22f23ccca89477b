"""Is a ``.po`` file well-formed?  The checks the Sphinx build does not make.

Babel, which Sphinx uses to compile catalogs, prints a warning for a broken
file and carries on (even with ``-W``), and it accepts an unterminated string
or a duplicated message without a word.  This module reads the file the way
GNU ``msgfmt --check`` does and reports every problem with its line: bytes
that are not in the declared encoding, unknown keywords, unterminated strings
and bad escapes (a line scanner), then duplicates and the ``Language`` header
(``polib``'s parse, which keeps each entry's line number).
"""

from __future__ import annotations

import re
from pathlib import Path

import polib

from pytorchkr_archive.catalogs import CatalogFile
from pytorchkr_archive.problems import Problem

_KEYWORD = r"msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?"
_STRING = r'"(?:[^"\\]|\\[\\"abfnrtv?\']|\\[0-7]{1,3}|\\x[0-9a-fA-F]+)*"'
_ENTRY_LINE = re.compile(
    rf"^(?:(?:#[~|]\s*)?(?P<keyword>{_KEYWORD})\s+)?(?P<string>{_STRING})\s*$"
)
_ANY_KEYWORD = re.compile(r"^(?:#[~|]\s*)?(?P<word>[A-Za-z_][\w\[\]]*)")
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """The file's text in its declared charset, or the line where decoding fails."""
    data = path.read_bytes()
    match = _CHARSET.search(data)
    charset = match.group(1).decode("ascii") if match else "utf-8"
    problems = []
    if charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        line = _line_of(data, match.start()) if match else 1
        problems.append(
            Problem(
                shown,
                line,
                "error",
                "encoding",
                f"the catalog declares charset={charset}; save it as UTF-8 and declare "
                "charset=UTF-8",
            )
        )
    try:
        return data.decode("utf-8"), problems
    except UnicodeDecodeError as error:
        line = _line_of(data, error.start)
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        problems.append(
            Problem(
                shown,
                line,
                "error",
                "encoding",
                f"byte 0x{data[error.start]:02x} at column {column} is not UTF-8: "
                "save the file as UTF-8",
            )
        )
        return None, problems


def scan_lines(text: str, shown: str) -> list[Problem]:
    """Unknown keywords, unterminated strings and bad escapes, line by line."""
    problems = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or (line.startswith("#") and not line.startswith(("#~", "#|"))):
            continue
        if line in ("#~", "#|"):
            continue
        if _ENTRY_LINE.match(line):
            continue
        keyword = _ANY_KEYWORD.match(line)
        word = keyword.group("word") if keyword else None
        if word and not re.fullmatch(_KEYWORD, word):
            message = (
                f"unknown keyword {word!r}: the keywords are msgctxt, msgid, msgid_plural, msgstr"
            )
        elif line.count('"') - line.count('\\"') < 2 or not line.rstrip().endswith('"'):
            message = 'unterminated string: a closing " is missing at the end of the line'
        elif re.search(r'\\[^\\"abfnrtv?\'0-7x]', line):
            bad = re.search(r'\\[^\\"abfnrtv?\'0-7x]', line).group(0)
            message = f"invalid escape {bad!r} in a string: write \\\\ for a backslash"
        else:
            message = 'malformed line: expected a keyword and a "string", or a "string"'
        problems.append(Problem(shown, number, "error", "syntax", message))
    return problems


def parse(text: str, shown: str) -> tuple[polib.POFile | None, list[Problem]]:
    """polib's parse, its error turned into a located problem."""
    try:
        return polib.pofile(text, check_for_duplicates=False, wrapwidth=0), []
    except (OSError, ValueError) as error:
        match = re.search(r"\(line (\d+)\)", str(error))
        line = int(match.group(1)) if match else 1
        return None, [Problem(shown, line, "error", "syntax", f"cannot be parsed: {error}")]


def msgid_line(lines: list[str], start: int) -> int:
    """The line of the ``msgid`` of the entry that polib says starts near ``start``."""
    for number in range(max(start - 1, 1), len(lines) + 1):
        if lines[number - 1].lstrip("#~ ").startswith("msgid "):
            return number
    return start


def duplicates(po: polib.POFile, text: str, shown: str) -> list[Problem]:
    """Messages defined twice (msgfmt refuses those; Babel silently keeps one)."""
    lines = text.splitlines()
    seen: dict[tuple[str | None, str], int] = {}
    problems = []
    for entry in po:
        key = (entry.msgctxt, entry.msgid)
        line = msgid_line(lines, entry.linenum)
        if key in seen:
            problems.append(
                Problem(
                    shown,
                    line,
                    "error",
                    "duplicate",
                    f"message {entry.msgid[:50]!r} is already defined at line {seen[key]}: "
                    "keep one of the two",
                )
            )
        else:
            seen[key] = line
    return problems


def header(po: polib.POFile, text: str, file: CatalogFile, shown: str) -> list[Problem]:
    """The ``Language`` header must name the language of the folder."""
    lang = po.metadata.get("Language", "").strip()
    lines = text.splitlines()
    header_line = next(
        (n for n, line in enumerate(lines, 1) if line.startswith('"Language:')),
        next((n for n, line in enumerate(lines, 1) if line.startswith('msgid ""')), 1),
    )
    if lang.replace("-", "_") != file.lang:
        found = f"is {lang!r}" if lang else "is missing"
        return [
            Problem(
                shown,
                header_line,
                "error",
                "header",
                f"the Language header {found}, but the file is in locale/{file.lang}/: "
                f'set "Language: {file.lang}\\n"',
            )
        ]
    return []


def check_syntax(file: CatalogFile, shown: str) -> tuple[polib.POFile | None, list[Problem]]:
    """Every well-formedness problem of a catalog, and its parse when it has none."""
    text, problems = decode(file.path, shown)
    if text is None:
        return None, problems
    problems += scan_lines(text, shown)
    if problems:
        return None, problems
    po, problems = parse(text, shown)
    if po is None:
        return None, problems
    problems = duplicates(po, text, shown) + header(po, text, file, shown)
    return (None if problems else po), problems
