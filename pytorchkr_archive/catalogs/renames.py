"""Which page an orphaned catalog belonged to: a page renamed without its catalog.

A page renamed with ``git mv`` alone leaves its catalog behind under the old
name: an *orphan*, whose page is gone.  Nothing records the rename, but the
messages do: the renamed page asks for the same English as the orphan holds.
An orphan is taken for a page's old catalog when more than half of the
orphan's messages are the page's and more than half of the page's are the
orphan's (by msgid and context).  Two events that share a city, a sponsor or
a speaker share a few facts, never half their messages; a page split in two
matches neither half.  Each orphan goes to one page at most, and each page
takes one orphan at most, the largest overlap first.

``make update-po`` then gives the page the orphan's translations as they were
(:mod:`pytorchkr_archive.translation.update_po`), and ``make check-po`` names
the page in its warning about the orphan.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from pytorchkr_archive.catalogs.progress import Key


def old_catalogs(
    orphans: Mapping[str, Collection[Key]], pages: Mapping[str, Collection[Key]]
) -> dict[str, str]:
    """For each page that was renamed, the orphan that was its catalog: ``{page: orphan}``.

    ``orphans`` holds each orphaned catalog's messages (its domain: the old
    page name), ``pages`` each page's English messages.
    """
    candidates = []
    for orphan, held in orphans.items():
        held = set(held)
        if not held:
            continue
        for page, asked in pages.items():
            shared = len(held.intersection(asked))
            if 2 * shared > len(held) and 2 * shared > len(asked):
                candidates.append((-shared, orphan, page))
    taken: dict[str, str] = {}
    for _, orphan, page in sorted(candidates):
        if page not in taken and orphan not in taken.values():
            taken[page] = orphan
    return taken
