"""The checks of one catalog, and of every catalog of a language: what ``make check-po`` reports.

The same checks run in ``make check-po`` (:mod:`pytorchkr_archive.translation.check_po`)
and in the build (:mod:`pytorchkr_archive.translation.catalog_guard`): is the
catalog well-formed (:mod:`.syntax`), does each translation keep its
source's markup and bring none of its own (:mod:`.messages`), is the file in
the archive's format, and what is left to translate.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

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
from pytorchkr_archive.catalogs.progress import count
from pytorchkr_archive.catalogs.syntax import check_syntax
from pytorchkr_archive.problems import Problem, shown_path


@dataclass
class Report:
    """What the checks found in every catalog."""

    problems: list[Problem] = field(default_factory=list)
    catalogs: int = 0
    fuzzy: Counter[str] = field(default_factory=Counter)
    untranslated: Counter[str] = field(default_factory=Counter)
    #: Catalogs that could not be read: what they hold is not counted.
    broken: list[str] = field(default_factory=list)

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


def check_file(file: CatalogFile, root: Path, terms: list[Term]) -> Report:
    """Every check on one catalog (shown relative to ``root``)."""
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
    counts = count(catalog)
    report.fuzzy[shown] += counts.messages["fuzzy"]
    report.untranslated[shown] += counts.messages["untranslated"]
    return report


def check_catalogs(root: Path, locale_dir: Path, langs: list[str] | None = None) -> Report:
    """Run every check on every catalog of the given languages."""
    report = Report()
    for lang in langs or languages(locale_dir):
        glossary_path = locale_dir / lang / "glossary.csv"
        terms, problems = load_glossary(glossary_path, shown_path(glossary_path, root))
        report.problems += problems
        for file in catalog_files(locale_dir, [lang]):
            report.add(check_file(file, root, terms))
    report.problems.sort()
    return report
