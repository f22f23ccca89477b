"""One page's blocks in the language being built, as the parallel view loads them.

Every build writes, for each page with blocks, ``_parallel/<page>.js``: a
script (the browser runs it even from a file opened on disk, where it
refuses ``fetch``, as Sphinx's ``searchindex.js`` is loaded) that hands the
view this language's blocks, keyed by message.  The view loads the file of
the page's own language, for the places of its blocks and its interface
strings, and the file of the language the reader asked for, for the text.
The two builds stay independent: each writes only its own language.

Each block says how it stands in its language: ``source`` (the language
pages are written in), ``translated``, ``fuzzy`` (a proposed translation
awaiting review, which the page shows in English) or ``untranslated``; and
where its entry is in the catalog, so that a translator can edit it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pytorchkr_archive.events.facts.collection import EventPage
from pytorchkr_archive.events.facts.event_view import CARD_FIELDS
from pytorchkr_archive.events.facts.translations import Translations
from pytorchkr_archive.parallel.edit_links import Repository
from pytorchkr_archive.parallel.entries import CatalogEntry, Entries
from pytorchkr_archive.parallel.fragments import Fragment
from pytorchkr_archive.parallel.keys import block_key
from pytorchkr_archive.parallel.markers import Marked

#: Where each build writes its pages' blocks, under the output folder.
DATA_DIR = "_parallel"
#: The function of ``archive-parallel.js`` that a data file calls.
RECEIVER = "archiveParallel.receive"


@dataclass(frozen=True)
class Catalog:
    """A page's catalog in a translated language, for the status and edit links."""

    entries: Entries
    #: The catalog's path relative to the repository, as links and notes name it.
    relative: str
    repository: Repository | None


def _entry_fields(entry: CatalogEntry | None, catalog: Catalog | None) -> dict[str, Any]:
    if entry is None or catalog is None:
        return {}
    fields: dict[str, Any] = {"l": catalog.relative, "n": entry.line}
    if catalog.repository:
        fields["e"] = catalog.repository.edit_url(catalog.relative, entry.line)
    return fields


def _status(translated: bool, entry: CatalogEntry | None) -> str:
    if translated:
        return "translated"
    return "fuzzy" if entry and entry.fuzzy and entry.text else "untranslated"


def block_record(
    fragment: Fragment,
    marked: Marked,
    catalog: Catalog | None,
    event: tuple[EventPage, Translations] | None,
) -> dict[str, Any]:
    """A block as the view reads it: key, HTML, place, status and catalog entry.

    ``catalog`` is None in the source language.
    """
    place = fragment.place
    record: dict[str, Any] = {
        "k": f"card:{fragment.field}" if fragment.field else block_key(marked.message),
        "h": fragment.html,
        "p": list(place.path),
        "t": place.tag,
    }
    if place.inside:
        record["i"] = 1
    if catalog is None:
        record["s"] = "source"
        return record
    if fragment.field is not None:
        translated, entry = _card_field(fragment.field, catalog, event)
    else:
        entry = catalog.entries.get((None, marked.message))
        translated = bool(marked.translated)
    record["s"] = _status(translated, entry)
    if record["s"] == "fuzzy" and entry:
        record["f"] = entry.text
    record.update(_entry_fields(entry, catalog))
    return record


def _card_field(
    field: str, catalog: Catalog, event: tuple[EventPage, Translations] | None
) -> tuple[bool, CatalogEntry | None]:
    """Whether a card field is translated, and the entry of its first message."""
    names = dict(CARD_FIELDS).get(field, ())
    if not names or event is None:
        return True, None  # written by Babel, or a link: the same in every language
    page, translations = event
    # A list's messages are named by the list (``related_links``: each link's title).
    messages = [m for m in page.messages if m.field in names or m.field.partition("[")[0] in names]
    translated = all(translations.translated(page.docname, m) for m in messages)
    entries = [catalog.entries.get((m.context, m.text)) for m in messages]
    pending = [e for e in entries if e is not None and (e.fuzzy or not e.text)]
    entry = pending[0] if pending else next((e for e in entries if e is not None), None)
    return translated, entry


def page_data(lang: str, pagename: str, ui: dict[str, Any], blocks: list[dict]) -> str:
    """The data file of one page in one language: a call of the view's receiver."""
    data = {"lang": lang, "page": pagename, "ui": ui, "blocks": blocks}
    return f"{RECEIVER}({json.dumps(data, ensure_ascii=False, separators=(',', ':'))});\n"


def data_path(outdir: Path, pagename: str) -> Path:
    return outdir / DATA_DIR / f"{pagename}.js"
