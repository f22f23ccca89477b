"""``make stats``: how much is translated, per page and in total.

For each catalog: translated, fuzzy, untranslated and obsolete messages, and
the English words in each group (a long paragraph is more work than a
heading).  A table for people, ``--json`` for machines, and ``--fail-under N``
to fail when less than N % of the messages are translated.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog

from pytorchkr_archive.catalogs import add_catalog_arguments, catalog_files, languages, load
from pytorchkr_archive.po_syntax import check_syntax
from pytorchkr_archive.problems import shown_path

STATES = ("translated", "fuzzy", "untranslated", "obsolete")
_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")


@dataclass
class Counts:
    """Messages and words in each state."""

    messages: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))
    words: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))

    def add(self, other: Counts) -> None:
        for state in STATES:
            self.messages[state] += other.messages[state]
            self.words[state] += other.words[state]

    @property
    def total(self) -> int:
        """Messages the page has now (obsolete ones are not part of it)."""
        return sum(self.messages[s] for s in STATES if s != "obsolete")

    @property
    def percent(self) -> float:
        """Translated messages, in percent of the page's messages."""
        return 100.0 * self.messages["translated"] / self.total if self.total else 100.0


def words(text: str | tuple[str, ...]) -> int:
    """English words in a message."""
    return len(_WORD.findall(text if isinstance(text, str) else " ".join(text)))


def count(catalog: Catalog) -> Counts:
    """The counts of one catalog."""
    counts = Counts()
    for message in catalog:
        if not message.id:
            continue
        translated = all(message.string) if isinstance(message.string, tuple) else message.string
        state = "fuzzy" if message.fuzzy else "translated" if translated else "untranslated"
        counts.messages[state] += 1
        counts.words[state] += words(message.id)
    for message in catalog.obsolete.values():
        counts.messages["obsolete"] += 1
        counts.words["obsolete"] += words(message.id)
    return counts


def table(rows: list[tuple[str, Counts]], total: Counts) -> str:
    """A plain-text table for people."""
    header = ("catalog", "done", *STATES, "words left")
    lines = []
    for name, counts in [*rows, ("total", total)]:
        left = counts.words["fuzzy"] + counts.words["untranslated"]
        lines.append(
            (name, f"{counts.percent:.0f}%", *(str(counts.messages[s]) for s in STATES), str(left))
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
    """Command-line entry point (``python -m pytorchkr_archive.stats``)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytorchkr_archive.stats",
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
        rows, total = [], Counts()
        for file in catalog_files(args.locale_dir, [lang]):
            shown = shown_path(file.path, Path.cwd())
            if check_syntax(file, shown)[1]:
                print(f"error: {shown} is not well-formed: run make check-po", file=sys.stderr)
                status = 2
                continue
            counts = count(load(file.path))
            rows.append((f"{file.domain}.po", counts))
            total.add(counts)
        report[lang] = {
            "catalogs": {name: {**asdict(c), "percent": round(c.percent, 1)} for name, c in rows},
            "total": {**asdict(total), "percent": round(total.percent, 1)},
        }
        if not args.json:
            print(f"Language: {lang} ({args.locale_dir / lang / 'LC_MESSAGES'})")
            print(f"{table(rows, total)}\n")
        if args.fail_under is not None and total.percent < args.fail_under:
            print(
                f"error: {lang} is {total.percent:.1f}% translated, under the required "
                f"{args.fail_under:g}%",
                file=sys.stderr,
            )
            status = status or 1
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    return status


if __name__ == "__main__":
    sys.exit(main())
