"""The translators' glossary: English terms and their approved renderings.

``locale/<lang>/glossary.csv`` has three columns, ``term``, ``translations``
(approved renderings, separated by ``|``) and ``note``.  Weblate imports the
same CSV as a glossary; Poedit users keep it open beside the catalog.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from pytorchkr_archive.problems import Problem

COLUMNS = ["term", "translations", "note"]


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    term: str
    translations: tuple[str, ...]
    note: str
    line: int

    def pattern(self) -> re.Pattern[str]:
        """The term as a whole word or words, case-insensitive, plural allowed."""
        words = r"\s+".join(re.escape(w) for w in self.term.split())
        return re.compile(rf"(?<![\w-]){words}(?:s|es)?(?![\w-])", re.I)

    def rendered_in(self, translation: str) -> bool:
        """Whether the translation uses an approved rendering, or keeps the term as is.

        A term left in English (a talk title, a product name) is not a miss.
        """
        folded = translation.casefold()
        if self.pattern().search(translation):
            return True
        return any(t.casefold() in folded for t in self.translations)


def load_glossary(path: Path, shown: str) -> tuple[list[Term], list[Problem]]:
    """Read a glossary file; a malformed row is an error naming its line."""
    if not path.is_file():
        return [], []
    terms, problems = [], []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header != COLUMNS:
            return [], [
                Problem(
                    shown,
                    1,
                    "error",
                    "glossary",
                    f"the first row must be {','.join(COLUMNS)}, not {header}",
                )
            ]
        for row in reader:
            line = reader.line_num
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) != 3 or not row[0].strip() or not row[1].strip():
                problems.append(
                    Problem(
                        shown,
                        line,
                        "error",
                        "glossary",
                        "a row is: term,translations,note (the term and at least one "
                        "translation, separated by |)",
                    )
                )
                continue
            translations = tuple(t.strip() for t in row[1].split("|") if t.strip())
            terms.append(Term(row[0].strip(), translations, row[2].strip(), line))
    return terms, problems


#: A translator's comment (``# glossary-ok: term, term``) that accepts, for one
#: message, a rendering the glossary does not list.
ACCEPT_COMMENT = re.compile(r"^glossary-ok:\s*(?P<terms>.+)$", re.I)


def accepted_terms(comments: list[str]) -> set[str]:
    """The terms a message's translator comments accept as they are."""
    accepted = set()
    for comment in comments:
        match = ACCEPT_COMMENT.match(comment.strip())
        if match:
            accepted |= {t.strip().casefold() for t in match.group("terms").split(",")}
    return accepted


def glossary_problems(
    terms: list[Term],
    msgid_text: str,
    msgstr: str,
    shown: str,
    line: int,
    comments: list[str] = (),
) -> list[Problem]:
    """Warnings for glossary terms of the source whose approved rendering is missing."""
    problems = []
    accepted = accepted_terms(list(comments))
    for term in terms:
        if term.term.casefold() in accepted:
            continue
        if term.pattern().search(msgid_text) and not term.rendered_in(msgstr):
            approved = " or ".join(repr(t) for t in term.translations)
            problems.append(
                Problem(
                    shown,
                    line,
                    "warning",
                    "glossary",
                    f"{term.term!r} is in the source; the glossary renders it as "
                    f"{approved}; use it, or accept this rendering with a translator "
                    f"comment '# glossary-ok: {term.term}'",
                )
            )
    return problems
