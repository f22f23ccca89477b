"""``make stats``: how much is translated, per page and in total.

For each catalog: translated, fuzzy, untranslated and obsolete messages, and
the English words in each group (a long paragraph is more work than a
heading).  A table for people, ``--json`` for machines, and ``--fail-under N``
to fail when less than N % of the messages are translated.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from pytorchkr_archive.catalogs.files import catalog_files, languages, to_catalog
from pytorchkr_archive.catalogs.progress import STATES, Counts, count
from pytorchkr_archive.catalogs.syntax import check_syntax
from pytorchkr_archive.problems import shown_path
from pytorchkr_archive.translation.cli import add_catalog_arguments


def table(rows: list[tuple[str, Counts]], total: Counts) -> str:
    """A plain-text table for people."""
    header = ("catalog", "done", *STATES, "words left")
    lines = []
    for name, counts in [*rows, ("total", total)]:
        left = counts.words["fuzzy"] + counts.words["untranslated"]
        lines.append(
            (name, f"{counts.percent}%", *(str(counts.messages[s]) for s in STATES), str(left))
        )
    widths = [max(len(row[i]) for row in [header, *lines]) for i in range(len(header))]

    def fmt(row: tuple[str, ...]) -> str:
        return "  ".join(
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
            for i, cell in enumerate(row)
        )

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([fmt(header), rule, *map(fmt, lines[:-1]), rule, fmt(lines[-1])])


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m pytorchkr_archive.translation.stats``)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytorchkr_archive.translation.stats",
        description="Translation progress per catalog and in total: translated, fuzzy, "
        "untranslated and obsolete messages (and English words).",
    )
    add_catalog_arguments(parser, "only this language (repeatable)")
    parser.add_argument("--json", action="store_true", help="print JSON for machines")
    parser.add_argument(
        "--fail-under",
        type=float,
        metavar="N",
        help="exit 1 if less than N %% of the messages are translated",
    )
    args = parser.parse_args(argv)
    status = 0
    report: dict[str, dict] = {}
    for lang in args.languages or languages(args.locale_dir):
        rows, total, broken = [], Counts(), []
        for file in catalog_files(args.locale_dir, [lang]):
            shown = shown_path(file.path, Path.cwd())
            reading, problems = check_syntax(file, shown)
            if reading is None:
                first = next(p for p in problems if p.severity == "error")
                print(
                    f"error: {shown} cannot be counted: {first} (make check-po lists every "
                    "problem)",
                    file=sys.stderr,
                )
                broken.append(shown)
                continue
            counts = count(to_catalog(reading))
            rows.append((f"{file.domain}.po", counts))
            total.add(counts)
        report[lang] = {
            "catalogs": {name: {**asdict(c), "percent": c.percent} for name, c in rows},
            "total": {**asdict(total), "percent": None if broken else total.percent},
            "broken": broken,
        }
        if not args.json:
            print(f"Language: {lang} ({args.locale_dir / lang / 'LC_MESSAGES'})")
            print(table(rows, total))
            if broken:
                print(
                    f"The total leaves out {len(broken)} catalog(s) that cannot be read "
                    f"({', '.join(broken)}): it is not the language's share until they "
                    "are mended."
                )
            print()
        if broken:
            status = 2
        elif args.fail_under is not None and total.percent < args.fail_under:
            print(
                f"error: {lang} is {total.percent}% translated, under the required "
                f"{args.fail_under:g}%",
                file=sys.stderr,
            )
            status = status or 1
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    return status


if __name__ == "__main__":
    sys.exit(main())
