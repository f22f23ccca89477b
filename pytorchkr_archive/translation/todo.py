"""``make todo``: every message still to translate, as ``file:line: state: English``.

``make stats`` counts; a translator editing by hand needs the list itself,
in the ``file:line:`` form that editors and terminals turn into links (as
potodo lists per file): fuzzy messages (translated, but the English changed:
check the translation against the new English, shown beside the previous
one in the catalog, then remove ``#, fuzzy``) and untranslated ones.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pytorchkr_archive.catalogs.files import catalog_files, languages, to_catalog
from pytorchkr_archive.catalogs.progress import pending
from pytorchkr_archive.catalogs.syntax import check_syntax
from pytorchkr_archive.problems import excerpt, shown_path
from pytorchkr_archive.translation.cli import add_catalog_arguments


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m pytorchkr_archive.translation.todo``)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytorchkr_archive.translation.todo",
        description="List every fuzzy and untranslated message as file:line: state: "
        "the start of its English.",
    )
    add_catalog_arguments(parser, "only this language (repeatable)")
    args = parser.parse_args(argv)
    status, left, catalogs, with_work = 0, {"fuzzy": 0, "untranslated": 0}, 0, 0
    for lang in args.languages or languages(args.locale_dir):
        for file in catalog_files(args.locale_dir, [lang]):
            catalogs += 1
            shown = shown_path(file.path, Path.cwd())
            reading, problems = check_syntax(file, shown)
            if reading is None:
                first = next(p for p in problems if p.severity == "error")
                print(f"{first} (cannot list what is left: make check-po)")
                status = 2
                continue
            found = list(pending(to_catalog(reading)))
            with_work += bool(found)
            for state, message in found:
                left[state] += 1
                source = message.id if isinstance(message.id, str) else message.id[0]
                print(f"{shown}:{message.lineno}: {state}: {excerpt(source)}")
    print(
        f"todo: {left['fuzzy']} fuzzy, {left['untranslated']} untranslated, in {with_work} of "
        f"{catalogs} catalog(s)"
    )
    return status


if __name__ == "__main__":
    sys.exit(main())
