"""``make todo``: every message still to translate, as ``file:line: state: English``.

``make stats`` counts; a translator editing by hand needs the list itself,
in the ``file:line:`` form that editors and terminals turn into links (as
potodo lists per file): fuzzy messages (translated, but the English changed:
check the translation against the new English, shown beside the previous
one in the catalog, then remove ``#, fuzzy``) and untranslated ones.

What is listed is what the page shows in English (:mod:`.english`): a
message of the page that the catalog lacks, or holds only as an obsolete
entry, is listed too, at the obsolete entry's line (or the file's first),
with what to run.  A catalog whose page is gone, and a page with no catalog
yet, are named and not counted, as ``make stats`` does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pytorchkr_archive.catalogs.files import catalog_files, languages, to_catalog
from pytorchkr_archive.catalogs.progress import key, pending
from pytorchkr_archive.catalogs.syntax import check_syntax
from pytorchkr_archive.problems import excerpt, shown_path
from pytorchkr_archive.translation.cli import add_catalog_arguments
from pytorchkr_archive.translation.english import english_to_count


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m pytorchkr_archive.translation.todo``)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytorchkr_archive.translation.todo",
        description="List every fuzzy and untranslated message as file:line: state: "
        "the start of its English.",
    )
    add_catalog_arguments(parser, "only this language (repeatable)")
    args = parser.parse_args(argv)
    english = english_to_count(Path.cwd())
    status, left, catalogs, with_work = 0, {"fuzzy": 0, "untranslated": 0}, 0, 0
    orphaned: list[str] = []
    missing: list[str] = []
    for lang in args.languages or languages(args.locale_dir):
        files = list(catalog_files(args.locale_dir, [lang]))
        for file in files:
            shown = shown_path(file.path, Path.cwd())
            if english is not None and file.domain not in english:
                orphaned.append(shown)
                continue
            catalogs += 1
            reading, problems = check_syntax(file, shown)
            if reading is None:
                first = next(p for p in problems if p.severity == "error")
                print(f"{first} (cannot list what is left: make check-po)")
                status = 2
                continue
            catalog = to_catalog(reading)
            held = {key(m) for m in catalog if m.id}
            found = list(pending(catalog, english[file.domain] if english is not None else None))
            with_work += bool(found)
            for state, message in found:
                left[state] += 1
                source = message.id if isinstance(message.id, str) else message.id[0]
                if key(message) in held:
                    print(f"{shown}:{message.lineno}: {state}: {excerpt(source)}")
                    continue
                where = "only as an obsolete entry" if message.lineno else "not"
                print(
                    f"{shown}:{message.lineno or 1}: {state}: {excerpt(source)} ({where} in "
                    "the catalog: run make update-po)"
                )
        missing += [
            shown_path(args.locale_dir / lang / "LC_MESSAGES" / f"{domain}.po", Path.cwd())
            for domain in sorted(set(english or {}) - {file.domain for file in files})
        ]
    print(
        f"todo: {left['fuzzy']} fuzzy, {left['untranslated']} untranslated, in {with_work} of "
        f"{catalogs} catalog(s)"
    )
    if missing:
        print(f"Not listed: {len(missing)} page(s) with no catalog yet (run make update-po, "
              f"which creates {', '.join(missing)}).")  # fmt: skip
    if orphaned:
        print(f"Left out: {len(orphaned)} catalog(s) whose page is gone ({', '.join(orphaned)}); "
              "make check-po says what to do with them.")  # fmt: skip
    return status


if __name__ == "__main__":
    sys.exit(main())
