"""What the English pages ask of each catalog: their messages, read once, kept until they change.

A catalog is right only against its page: a message the page has and the
catalog lacks (or holds only as an obsolete ``#~`` entry) shows in English;
an entry whose English is gone shows nowhere.  ``make check-po`` (is any
catalog behind?), ``make stats`` and ``make todo`` (what is left on each
page) therefore need the English's messages, and the one authority on them
is Sphinx's own gettext builder, the templates ``make gettext`` writes
(:mod:`.extract`, which adds the events' facts and the interface strings).

Extracting takes a couple of seconds, most of it starting Sphinx, so the
messages are kept in ``_build/english-messages.json`` under a digest of
what decides them: the sources (every ``.md`` file, ``conf.py``), the
archive's extensions and templates, and the installed packages' versions.
While none of these changed, the three commands read the file (a few
milliseconds); ``make update-po`` writes it after its own extraction, so the
``make check`` that follows extracts nothing.  The extraction runs in a
temporary folder of its own: ``_build/gettext`` is ``make gettext``'s, and
two commands run at once never write the same folder.  Nothing is fetched:
it is the same offline build as ``make gettext``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

from pytorchkr_archive.catalogs.files import load
from pytorchkr_archive.catalogs.progress import Asked, key
from pytorchkr_archive.translation.extract import extract

#: Where the English's messages are kept, relative to the project.
CACHE = Path("_build") / "english-messages.json"
#: Changed when the file's layout changes, so that an older one is not misread.
_FORMAT = 1
#: Folders whose files are the archive's code and templates: any change may change the messages.
_CODE = ("pytorchkr_archive", "_templates")
#: Folders that hold no source Sphinx reads (build output, tools, the catalogs themselves).
_NOT_SOURCES = frozenset({"_build", "node_modules", "__pycache__", "locale", *_CODE})
_SOURCE_SUFFIXES = (".md", ".rst", ".txt")

#: The English's messages of every catalog, by text domain (``events/<page>``, ``sphinx``).
English = dict[str, Asked]


class EnglishUnknown(Exception):
    """The English's messages could not be had; the message says why and what to do."""


def _files(root: Path) -> list[Path]:
    """Every file whose change may change the English's messages."""
    found = [root / "conf.py"]
    for folder in _CODE:
        found += sorted(p for p in (root / folder).rglob("*") if p.is_file() and _is_code(p))
    for path, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _NOT_SOURCES)
        found += [Path(path) / n for n in sorted(names) if n.endswith(_SOURCE_SUFFIXES)]
    return found


def _is_code(path: Path) -> bool:
    return "__pycache__" not in path.parts and path.suffix not in (".pyc", ".mo")


def _installed() -> list[str]:
    """The installed packages and their versions, as their ``.dist-info`` folders name them."""
    names = []
    for entry in map(Path, sys.path):
        if entry.name.endswith("-packages") and entry.is_dir():
            names += sorted(p.name for p in entry.iterdir() if p.name.endswith(".dist-info"))
    return [sys.version, *names]


def sources_digest(root: Path) -> str:
    """A digest of everything that decides the English's messages."""
    digest = hashlib.sha256()
    for path in _files(root):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"(unreadable)")
    for name in _installed():
        digest.update(name.encode("utf-8") + b"\0")
    return digest.hexdigest()


def read_templates(pot_dir: Path) -> English:
    """The messages of every template (``.pot``) under ``pot_dir``, by domain."""
    english: English = {}
    for pot in sorted(pot_dir.rglob("*.pot")):
        domain = pot.relative_to(pot_dir).with_suffix("").as_posix()
        english[domain] = {key(m): m.id for m in load(pot) if m.id}
    return english


def remember(root: Path, pot_dir: Path, digest: str) -> English:
    """Read the templates just extracted from sources of ``digest``, and keep them.

    Kept best effort: a ``_build`` that cannot be written only means the
    next command extracts again.
    """
    english = read_templates(pot_dir)
    data = {
        "format": _FORMAT,
        "digest": digest,
        "domains": {
            domain: [[msgid, context, text] for (msgid, context), text in asked.items()]
            for domain, asked in english.items()
        },
    }
    path = root / CACHE
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return english


def _kept(root: Path, digest: str) -> English | None:
    """The kept messages, if they were read from the sources as they are now."""
    try:
        data = json.loads((root / CACHE).read_text(encoding="utf-8"))
        if data["format"] != _FORMAT or data["digest"] != digest:
            return None
        return {
            domain: {
                (msgid, context): tuple(text) if isinstance(text, list) else text
                for msgid, context, text in rows
            }
            for domain, rows in data["domains"].items()
        }
    except (OSError, ValueError, KeyError, TypeError):
        return None


def english_messages(root: Path) -> English | None:
    """The messages the English asks of each catalog; None where ``root`` is no
    Sphinx project (a folder of catalogs alone: there is nothing to compare with).

    Raises :class:`EnglishUnknown` when the extraction fails; Sphinx's own
    messages, naming the page and line, are printed above it.
    """
    if not (root / "conf.py").is_file():
        return None
    digest = sources_digest(root)
    kept = _kept(root, digest)
    if kept is not None:
        return kept
    # Sphinx runs where the project is: conf.py puts its folder on the import path.
    with tempfile.TemporaryDirectory(prefix="archive-english-") as work, contextlib.chdir(root):
        out = Path(work) / "gettext"
        if extract(root, out) != 0:
            raise EnglishUnknown(
                "the English pages' messages could not be extracted (Sphinx's messages "
                "above name the page and line): fix the page, then run the command again"
            )
        return remember(root, out, digest)


def english_to_count(root: Path) -> English | None:
    """The English's messages for ``make stats`` and ``make todo``, or None with a warning.

    Counting goes on without them (the catalogs' own entries are counted), as
    a figure is still of use while a page does not build; the warning says
    the figures may not be the page's.
    """
    try:
        english = english_messages(root)
    except EnglishUnknown as error:
        print(f"warning: {error}; until then the catalogs' own entries are counted, "
              "which may not be what the pages show", file=sys.stderr)  # fmt: skip
        return None
    if english is None:
        print("note: no conf.py here: the catalogs' own entries are counted, not the English "
              "pages' messages (run from the project's folder)", file=sys.stderr)  # fmt: skip
    return english
