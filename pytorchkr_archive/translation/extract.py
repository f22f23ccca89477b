"""``make gettext``: the message templates (``.pot``) of the English sources.

A plain ``sphinx-build -b gettext`` into ``_build/gettext/``, emptied first so
that a page that was removed leaves no template behind, and nothing else:
whatever ``make gettext`` writes, ``sphinx-build -b gettext`` writes too.
The templates carry Furo's interface strings
(:mod:`pytorchkr_archive.pages.theme_l10n`) and each event's facts
(:mod:`pytorchkr_archive.translation.fact_templates`), both added by the
archive's extensions during the gettext build.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from pytorchkr_archive import sphinx_build

DEFAULT_OUT = Path("_build/gettext")


def extract(source: Path = Path(), out: Path = DEFAULT_OUT, quiet: bool = True) -> int:
    """Write the templates into ``out``; return sphinx-build's exit status."""
    shutil.rmtree(out, ignore_errors=True)
    args = [
        "-b",
        "gettext",
        "-W",
        "--keep-going",
        "-d",
        str(out.parent / "doctrees" / "gettext"),
        str(source),
        str(out),
    ]
    if quiet:
        args.insert(0, "-q")
    # In this process: starting another for Sphinx cost more than the extraction.
    done = sphinx_build.run(args, capture=True)
    sys.stdout.write(done.stdout)
    sys.stderr.write(done.stderr)
    return done.status


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m pytorchkr_archive.translation.extract``)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytorchkr_archive.translation.extract",
        description="Extract the message templates (.pot) of the English pages and of the "
        "interface into _build/gettext/ (emptied first).",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"default: {DEFAULT_OUT}")
    parser.add_argument("-v", "--verbose", action="store_true", help="show Sphinx's progress")
    args = parser.parse_args(argv)
    status = extract(Path(), args.out, quiet=not args.verbose)
    if status == 0:
        print(f"The message templates are in {args.out}/.")
    return status


if __name__ == "__main__":
    sys.exit(main())
