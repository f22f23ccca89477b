"""The checks of one catalog, and of every catalog of a language: what ``make check-po`` reports.

The same checks run in ``make check-po`` (:mod:`pytorchkr_archive.translation.check_po`)
and in the build (:mod:`pytorchkr_archive.translation.catalog_guard`): is the
catalog well-formed (:mod:`.syntax`), does each translation keep its
source's markup and bring none of its own (:mod:`.messages`), is the file in
the archive's format, and what is left to translate.

``make check-po`` also gives the English's messages of each catalog (the
build does not: it shows what the catalogs hold, in English where they lack
a message).  Then what is left is counted against the English, as the page
counts it (:mod:`.progress`); a catalog that lacks a message of the English,
or holds one the English no longer has, is *behind*: an error, because the
page silently shows that message in English until ``make update-po`` is
run; and a catalog whose page is gone (an *orphan*) is a warning that says
what to do with it, and is not counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog

from pytorchkr_archive.catalogs.characters import character_problems
from pytorchkr_archive.catalogs.files import (
    CatalogFile,
    catalog_files,
    languages,
    render,
    same_except_creation_date,
    to_catalog,
)
from pytorchkr_archive.catalogs.glossary import Term, load_glossary
from pytorchkr_archive.catalogs.messages import message_problems
from pytorchkr_archive.catalogs.progress import Asked, count, key
from pytorchkr_archive.catalogs.reader import read_file
from pytorchkr_archive.catalogs.renames import old_catalogs
from pytorchkr_archive.catalogs.syntax import check_syntax
from pytorchkr_archive.problems import Problem, excerpt, shown_path


@dataclass
class Report:
    """What the checks found in every catalog."""

    problems: list[Problem] = field(default_factory=list)
    catalogs: int = 0
    fuzzy: Counter[str] = field(default_factory=Counter)
    untranslated: Counter[str] = field(default_factory=Counter)
    #: Catalogs that could not be read: what they hold is not counted.
    broken: list[str] = field(default_factory=list)
    #: Catalogs behind the English (or missing): ``make update-po`` brings them up.
    behind: list[str] = field(default_factory=list)
    #: Catalogs whose page is gone: checked, but not counted.
    orphaned: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def add(self, other: Report) -> None:
        """Count another report's findings in this one."""
        self.problems += other.problems
        self.catalogs += other.catalogs
        self.fuzzy += other.fuzzy
        self.untranslated += other.untranslated
        self.broken += other.broken
        self.behind += other.behind
        self.orphaned += other.orphaned


def check_file(
    file: CatalogFile,
    root: Path,
    terms: list[Term],
    asked: Asked | None = None,
    errors_only: bool = False,
) -> Report:
    """Every check on one catalog (shown relative to ``root``); with ``asked``,
    the English's messages of its page, whether it is behind them too.

    ``errors_only`` leaves out what can only warn (the file's layout, which
    writes the whole catalog again to compare): the build refuses errors
    only, and checks the catalog a translator just edited on every rebuild.
    """
    report = Report(catalogs=1)
    shown = shown_path(file.path, root)
    reading, problems = check_syntax(file, shown)
    report.problems += problems
    if reading is None:
        report.broken.append(shown)
        return report
    catalog = to_catalog(reading)
    report.problems += message_problems(catalog, file.domain, shown, terms)
    report.problems += character_problems(catalog, shown)
    if errors_only:
        return report
    if not same_except_creation_date(file.path.read_bytes(), render(catalog)):
        report.problems.append(
            Problem(
                shown,
                1,
                "warning",
                "format",
                "the file is not in the archive's format (an editor wrapped or "
                "reordered lines): make update-po rewrites it; see CONTRIBUTING.md "
                "for the editor settings that keep it",
            )
        )
    if asked is not None:
        behind = behind_problems(catalog, asked, shown)
        report.problems += behind
        report.behind += [shown] if behind else []
    counts = count(catalog, asked)
    report.fuzzy[shown] += counts.messages["fuzzy"]
    report.untranslated[shown] += counts.messages["untranslated"]
    return report


def behind_problems(catalog: Catalog, asked: Asked, shown: str) -> list[Problem]:
    """An error when the catalog and its page's English differ in their messages.

    Only ``make update-po`` should bring them together: it keeps what was
    translated (a changed message as fuzzy, with its previous English; a
    removed one as obsolete).  Until then the page shows the new English
    untranslated, and nothing else says so.
    """
    held = {key(m): m for m in catalog if m.id}
    lacking = [wanted for wanted in asked if wanted not in held]
    gone = [message for found, message in held.items() if found not in asked]
    if not lacking and not gone:
        return []
    parts = []
    if lacking:
        parts.append(
            f"it lacks {_messages(len(lacking))} of the page (the first: {excerpt(lacking[0][0])})"
        )
    if gone:
        parts.append(
            f"it holds {_messages(len(gone))} the page no longer has (the first: "
            f"{excerpt(key(gone[0])[0])}, line {gone[0].lineno})"
        )
    return [
        Problem(
            shown,
            gone[0].lineno if gone else 1,
            "error",
            "behind",
            f"the catalog is behind the English page: {' and '.join(parts)}, so the page "
            "shows English there: run make update-po (it keeps every translation), then "
            "translate what it marks",
        )
    ]


def _messages(number: int) -> str:
    return f"{number} message" + ("" if number == 1 else "s")


def orphan_problem(shown: str, domain: str, page: str | None) -> Problem:
    """The warning for a catalog whose page is gone, with what to do about it."""
    if page is not None:
        advice = (
            f"its messages are those of the page {page}, renamed from it: make update-po "
            "gives that page's catalog these translations as they are (if it has not yet); "
            "check the page, then delete this file"
        )
    else:
        advice = (
            "if the page was renamed, git mv this file to the page's new name and run make "
            "update-po; if it was removed, delete this file (git keeps its history)"
        )
    return Problem(
        shown,
        1,
        "warning",
        "orphan",
        f"no English page is named {domain} any more, so nothing shows this catalog and "
        f"it is not counted; {advice}",
    )


def check_catalogs(
    root: Path,
    locale_dir: Path,
    langs: list[str] | None = None,
    english: Mapping[str, Asked] | None = None,
) -> Report:
    """Run every check on every catalog of the given languages; with ``english``
    (each page's messages, by domain), whether each is behind it or orphaned."""
    report = Report()
    for lang in langs or languages(locale_dir):
        glossary_path = locale_dir / lang / "glossary.csv"
        terms, problems = load_glossary(glossary_path, shown_path(glossary_path, root))
        report.problems += problems
        files = list(catalog_files(locale_dir, [lang]))
        for file in files:
            if english is None:
                report.add(check_file(file, root, terms))
            elif file.domain in english:
                report.add(check_file(file, root, terms, english[file.domain]))
        if english is not None:
            report.add(_missing_and_orphaned(files, root, terms, english, locale_dir / lang))
    report.problems.sort()
    return report


def _missing_and_orphaned(
    files: list[CatalogFile],
    root: Path,
    terms: list[Term],
    english: Mapping[str, Asked],
    lang_dir: Path,
) -> Report:
    """One language's pages without a catalog (errors) and catalogs without a page
    (checked like any other, but not counted: a warning)."""
    report = Report()
    domains = {file.domain for file in files}
    for domain in sorted(set(english) - domains):
        shown = shown_path(lang_dir / "LC_MESSAGES" / f"{domain}.po", root)
        what = "the interface (Sphinx's and Furo's strings)" if domain == "sphinx" else domain
        report.problems.append(
            Problem(
                shown,
                1,
                "error",
                "behind",
                f"there is no catalog for {what}: its page shows in English; run make "
                "update-po, which creates this file",
            )
        )
        report.behind.append(shown)
    orphans = [file for file in files if file.domain not in english]
    held = {}
    for file in orphans:
        shown = shown_path(file.path, root)
        checked = check_file(file, root, terms)
        checked.fuzzy.clear()
        checked.untranslated.clear()
        report.add(checked)
        report.orphaned.append(shown)
        reading = read_file(file.path)
        if reading is not None and not reading.errors:
            held[file.domain] = {key(m) for m in to_catalog(reading) if m.id}
    renamed = {orphan: page for page, orphan in old_catalogs(held, english).items()}
    for file in orphans:
        report.problems.append(
            orphan_problem(shown_path(file.path, root), file.domain, renamed.get(file.domain))
        )
    return report
