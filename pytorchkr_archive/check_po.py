"""``make check-po``: the quality gate every catalog passes before it is published.

It fails (exit 1), naming file, line and message, on a catalog that is not
well-formed (:mod:`~pytorchkr_archive.po_syntax`) and on a translation that
changes its source's links, code, roles, footnotes or numbers, or brings
markup of its own (:mod:`~pytorchkr_archive.po_checks`).  Glossary misses are
warnings; fuzzy and untranslated messages are counted, not failed (they show
in English on the site, with a banner: see ``make stats``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pytorchkr_archive.catalogs import (
    CatalogFile,
    add_catalog_arguments,
    catalog_files,
    languages,
    render,
    same_except_creation_date,
    to_catalog,
)
from pytorchkr_archive.glossary import Term, load_glossary
from pytorchkr_archive.po_checks import message_problems
from pytorchkr_archive.po_syntax import check_syntax
from pytorchkr_archive.problems import Problem, shown_path
from pytorchkr_archive.progress import count


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


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m pytorchkr_archive.check_po``)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytorchkr_archive.check_po",
        description="Check every translation catalog: well-formed, same links, code, roles, "
        "footnotes and numbers as the source, no markup of its own, glossary terms. "
        "Exit status 1 when any error is found.",
    )
    add_catalog_arguments(parser, "check only this language (repeatable)")
    parser.add_argument("--no-warnings", action="store_true", help="print errors only")
    args = parser.parse_args(argv)
    if not args.locale_dir.is_dir():
        print(
            f"error: {args.locale_dir} is not a folder (run from the project's folder, "
            "or give --locale-dir)",
            file=sys.stderr,
        )
        return 2
    report = check_catalogs(Path.cwd(), args.locale_dir, args.languages)
    for problem in report.problems:
        if problem.severity == "error" or not args.no_warnings:
            print(problem)
    pending = [
        f"{path}: {report.fuzzy[path]} fuzzy, {report.untranslated[path]} untranslated"
        for path in sorted(set(report.fuzzy) | set(report.untranslated))
    ]
    if pending:
        print(
            "Not failed, still to translate (shown in English on the site until done; "
            "make todo lists each message):"
        )
        print("\n".join(f"  {line}" for line in pending))
    print(
        f"check-po: {len(report.errors)} error(s), {len(report.warnings)} warning(s) in "
        f"{report.catalogs} catalog(s); {sum(report.fuzzy.values())} fuzzy, "
        f"{sum(report.untranslated.values())} untranslated"
    )
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
