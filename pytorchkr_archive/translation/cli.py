"""What every translators' command takes on its command line."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_catalog_arguments(parser: argparse.ArgumentParser, language_help: str) -> None:
    """The options every catalog command takes: the locale folder and languages."""
    parser.add_argument("--locale-dir", type=Path, default=Path("locale"), help="default: locale")
    parser.add_argument("-l", "--language", action="append", dest="languages", help=language_help)
