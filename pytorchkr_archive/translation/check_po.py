"""``make check-po``: the quality gate every catalog passes before it is published.

It fails (exit 1), naming file, line and message, on a catalog that is not
well-formed (:mod:`~pytorchkr_archive.catalogs.syntax`) and on a translation that
changes its source's links, code, roles, footnotes or numbers, or brings
markup of its own (:mod:`~pytorchkr_archive.catalogs.messages`).  Glossary misses are
warnings; fuzzy and untranslated messages are counted, not failed (they show
in English on the site, with a banner: see ``make stats``).

Run in the project, it also compares each catalog with its page's English
(:mod:`.english`, extracted once and kept until the sources change): a
catalog that lacks a message of the English or holds one the English no
longer has is *behind*, an error naming it and saying to run ``make
update-po`` (a pull request that edits only the English is told so); a
person translated two ways is an error at each (:mod:`.people_names`); a page
with no catalog is an error too; a catalog whose page is gone is a warning
saying what to do, and left out of the counts.  What is left is counted as
the page counts it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pytorchkr_archive.catalogs.report import check_catalogs
from pytorchkr_archive.translation.cli import add_catalog_arguments
from pytorchkr_archive.translation.english import EnglishUnknown, english_messages
from pytorchkr_archive.translation.people_names import name_problems


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m pytorchkr_archive.translation.check_po``)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytorchkr_archive.translation.check_po",
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
    try:
        english = english_messages(Path.cwd())
    except EnglishUnknown as error:
        print(f"error: cannot tell whether the catalogs are behind the English: {error}")
        english, failed = None, True
    else:
        failed = False
        if english is None:
            print(
                "note: no conf.py here, so the catalogs are not compared with the English "
                "pages (run from the project's folder to compare them)"
            )
    report = check_catalogs(Path.cwd(), args.locale_dir, args.languages, english)
    names = name_problems(Path.cwd(), args.locale_dir, args.languages)
    report.problems = sorted(report.problems + names)
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
    if report.behind:
        print(
            f"{len(report.behind)} catalog(s) behind the English pages: run make update-po "
            "(it keeps every translation), translate what it marks, and commit the catalogs "
            "with the English"
        )
    print(
        f"check-po: {len(report.errors)} error(s), {len(report.warnings)} warning(s) in "
        f"{report.catalogs} catalog(s); {sum(report.fuzzy.values())} fuzzy, "
        f"{sum(report.untranslated.values())} untranslated"
    )
    return 1 if report.errors or failed else 0


if __name__ == "__main__":
    sys.exit(main())
