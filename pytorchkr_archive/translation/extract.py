"""``make gettext``: the message templates (``.pot``) of the English sources.

A plain ``sphinx-build -b gettext`` into ``_build/gettext/``, emptied first so
that a page that was removed leaves no template behind.  The templates carry
Furo's interface strings too (see :mod:`pytorchkr_archive.pages.theme_l10n`).

An event page's template then gets the page's facts, at its top: each
translatable field of the front matter (:mod:`pytorchkr_archive.events.messages`)
as a message with its context, a translator comment naming the field and the
field's line.  Sphinx's gettext builder writes neither contexts nor comments,
so they are added here, to the templates it wrote.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from pytorchkr_archive.catalogs.files import load, render
from pytorchkr_archive.events.collection import EventPage, collect
from pytorchkr_archive.sphinx_output import clean

DEFAULT_OUT = Path("_build/gettext")


def extract(source: Path = Path(), out: Path = DEFAULT_OUT, quiet: bool = True) -> int:
    """Write the templates into ``out``; return sphinx-build's exit status."""
    shutil.rmtree(out, ignore_errors=True)
    command = [
        sys.executable,
        "-m",
        "sphinx",
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
        command.insert(3, "-q")
    process = subprocess.run(command, check=False, capture_output=True, text=True)
    sys.stdout.write(clean(process.stdout))
    sys.stderr.write(clean(process.stderr))
    if process.returncode == 0:
        pages, _ = collect(source)
        for page in pages:
            add_event_messages(page, source, out)
    return process.returncode


def event_messages(page: EventPage, source: Path, out: Path) -> list[Message]:
    """The messages of an event's facts, one per distinct text and context."""
    path = source / f"{page.docname}.md"
    location = os.path.relpath(path, out).replace(os.sep, "/")
    merged: dict[tuple[str, str], Message] = {}
    for field in page.messages:
        key = (field.context, field.text)
        if key not in merged:
            merged[key] = Message(field.text, context=field.context, flags=())
        merged[key].locations.append((location, field.line))
        merged[key].auto_comments.append(f"event: {field.field}")
    return list(merged.values())


def add_event_messages(page: EventPage, source: Path, out: Path) -> None:
    """Put an event's facts at the top of its page's template."""
    pot = out / f"{page.docname}.pot"
    if not pot.is_file():
        return
    template = load(pot)
    facts = Catalog(header_comment=template.header_comment, fuzzy=template.fuzzy)
    facts.mime_headers = template.mime_headers
    for message in [*event_messages(page, source, out), *(m for m in template if m.id)]:
        facts[message.id] = message
    pot.write_bytes(render(facts))


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
