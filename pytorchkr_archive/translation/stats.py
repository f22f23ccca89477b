"""``make stats``: how much is translated, per page and in total.

For each catalog: translated, fuzzy, untranslated and obsolete messages, and
the English words in each group (a long paragraph is more work than a
heading).  A table for people, ``--json`` for machines, and ``--fail-under N``
to fail when less than N % of the messages are translated.

The messages counted are those the English page asks for (:mod:`.english`),
as the page's own notice counts them: a message the catalog lacks, or holds
only as an obsolete entry, is untranslated.  A catalog whose page is gone
(an orphan) is named and left out of the total: no page shows it.  A page
with no catalog yet is named, not counted (its page has no notice either):
``make check-po`` fails on it until ``make update-po`` creates the catalog.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from pytorchkr_archive.catalogs.files import catalog_files, languages, to_catalog
from pytorchkr_archive.catalogs.progress import STATES, Counts, count
from pytorchkr_archive.catalogs.report import behind_problems
from pytorchkr_archive.catalogs.syntax import check_syntax
from pytorchkr_archive.problems import shown_path
from pytorchkr_archive.translation.cli import add_catalog_arguments
from pytorchkr_archive.translation.english import English, english_to_count


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


def language_report(locale_dir: Path, lang: str, english: English | None) -> dict[str, object]:
    """One language's rows and total, and the catalogs it could not count or left out."""
    rows, total = [], Counts()
    broken, orphaned, missing, behind = [], [], [], []
    files = list(catalog_files(locale_dir, [lang]))
    for file in files:
        shown = shown_path(file.path, Path.cwd())
        if english is not None and file.domain not in english:
            orphaned.append(shown)
            continue
        reading, problems = check_syntax(file, shown)
        if reading is None:
            first = next(p for p in problems if p.severity == "error")
            print(
                f"error: {shown} cannot be counted: {first} (make check-po lists every problem)",
                file=sys.stderr,
            )
            broken.append(shown)
            continue
        catalog = to_catalog(reading)
        asked = english[file.domain] if english is not None else None
        if asked is not None and behind_problems(catalog, asked, shown):
            behind.append(shown)
        counts = count(catalog, asked)
        rows.append((f"{file.domain}.po", counts))
        total.add(counts)
    for domain in sorted(set(english or {}) - {file.domain for file in files}):
        missing.append(shown_path(locale_dir / lang / "LC_MESSAGES" / f"{domain}.po", Path.cwd()))
        total.add(counts)
    return {"rows": rows, "total": total, "broken": broken, "orphaned": orphaned,
            "missing": missing, "behind": behind}  # fmt: skip


def notes(found: dict[str, object]) -> list[str]:
    """What a person should know about the figures, and what to do."""
    said = []
    if found["broken"]:
        said.append(
            f"The total leaves out {len(found['broken'])} catalog(s) that cannot be read "
            f"({', '.join(found['broken'])}): it is not the language's share until they "
            "are mended."
        )
    if found["orphaned"]:
        said.append(
            f"Left out: {len(found['orphaned'])} catalog(s) whose page is gone "
            f"({', '.join(found['orphaned'])}); make check-po says what to do with them."
        )
    if found["behind"]:
        said.append(
            f"{len(found['behind'])} catalog(s) are behind the English "
            f"({', '.join(found['behind'])}): counted as their pages show them; run make "
            "update-po to bring them up."
        )
    if found["missing"]:
        said.append(
            f"Not counted: {len(found['missing'])} page(s) with no catalog yet (run make "
            f"update-po, which creates {', '.join(found['missing'])})."
        )
    return said


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m pytorchkr_archive.translation.stats``)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytorchkr_archive.translation.stats",
        description="Translation progress per catalog and in total: translated, fuzzy, "
        "untranslated and obsolete messages (and English words), of the messages the "
        "English pages have.",
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
    english = english_to_count(Path.cwd())
    status = 0
    report: dict[str, dict] = {}
    for lang in args.languages or languages(args.locale_dir):
        found = language_report(args.locale_dir, lang, english)
        rows, total, broken = found["rows"], found["total"], found["broken"]
        report[lang] = {
            "catalogs": {name: {**asdict(c), "percent": c.percent} for name, c in rows},
            "total": {**asdict(total), "percent": None if broken else total.percent},
            "broken": broken,
            "orphaned": found["orphaned"],
            "missing": found["missing"],
            "behind": found["behind"],
        }
        if not args.json:
            print(f"Language: {lang} ({args.locale_dir / lang / 'LC_MESSAGES'})")
            print(table(rows, total))
            for line in notes(found):
                print(line)
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
