"""``make check-po``: the quality gate every catalog passes before it is published.

It fails (exit 1), naming file, line and message, on a catalog that is not
well-formed (:mod:`~pytorchkr_archive.catalogs.syntax`) and on a translation that
changes its source's links, code, roles, footnotes or numbers, or brings
markup of its own (:mod:`~pytorchkr_archive.catalogs.messages`).  Glossary misses are
warnings; fuzzy and untranslated messages are counted, not failed (they show
in English on the site, with a banner: see ``make stats``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pytorchkr_archive.catalogs.report import check_catalogs
from pytorchkr_archive.translation.cli import add_catalog_arguments


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
