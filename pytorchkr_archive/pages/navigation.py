"""The sidebar lists the site's sections, and is drawn once per kind of page.

Furo draws the whole toctree, at every depth, on every page: with one entry
per event, each page carried the whole archive.  The events are listed,
newest first and by year, on the landing page and on the events page; the
sidebar keeps to the sections (``archive_navigation_depth`` levels, 1 by
default), so a page's weight stays flat as the archive grows.

Limiting the depth is not enough for the build time, though: Sphinx's
``global_toctree_for_doc`` copies every entry of the whole tree, for every
page, before pruning it (``make bench``, both languages: 98 ms a page with
10 events and 178 ms with 300 before this cache, 70 ms and 58 ms with it,
together with the other build work measured in ``docs/benchmarks.md``).
A sidebar cut at depth *d* depends only on

- the folder of the page's address (relative links),
- the page's first *d* toctree ancestors (the ``current`` classes),
- and, if the page itself is one of the entries that can show, the page,

so pages that agree on these get the same HTML.  It is drawn by Sphinx once
per such kind of page and build, and reused: an event page now costs the
same with 10 or 300 events.  The sidebars drawn are kept from one build to
the next (:data:`DRAWN`), under a digest of what they are drawn from, so a
translator's rebuild draws none unless the sections changed.
``tests/pages/test_navigation.py`` checks, on every page of a test root, that
the reused HTML is exactly what Sphinx draws.

A page also shows other pages' titles (its sidebar's entries, its "Previous"
and "Next" links): when one changes, the pages that show it are written
again (:func:`pages_whose_links_changed`), not only the page that changed.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import sphinx
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains.std import StandardDomain
from sphinx.environment import BuildEnvironment

from pytorchkr_archive.pages.site_pages import write_if_changed


@dataclass
class SidebarCache:
    """What one build knows about its toctree, and the sidebars drawn so far."""

    parents: dict[str, str]
    near_root: dict[int, frozenset[str]] = field(default_factory=dict)
    drawn: dict[Hashable, str] = field(default_factory=dict)
    #: What the sidebars cut at each depth are drawn from (:func:`tree_signature`).
    signatures: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, env: BuildEnvironment) -> SidebarCache:
        """Map each page to its parent once, as Sphinx does for every page."""
        parents: dict[str, str] = {}
        for parent, children in env.toctree_includes.items():
            parents |= dict.fromkeys(children, parent)
        return cls(parents)

    def ancestors(self, docname: str) -> list[str]:
        """The page's toctree ancestors, top first, ending with the page itself."""
        chain: list[str] = []
        current = docname
        while current in self.parents and current not in chain:
            chain.append(current)
            current = self.parents[current]
        return chain[::-1]

    def within(self, env: BuildEnvironment, depth: int) -> frozenset[str]:
        """Every page that can be an entry of a sidebar cut at ``depth`` (or more)."""
        if depth not in self.near_root:
            found = {env.config.root_doc, *StandardDomain._virtual_doc_names}
            level = [env.config.root_doc]
            for _ in range(depth):
                level = [child for doc in level for child in env.toctree_includes.get(doc, [])]
                found.update(level)
            self.near_root[depth] = frozenset(found)
        return self.near_root[depth]


_caches: WeakKeyDictionary[BuildEnvironment, SidebarCache] = WeakKeyDictionary()

#: The sidebars drawn by the last build, kept beside the doctrees: drawing one
#: copies the whole toctree (0.6 s a kind of page with a thousand events), and
#: a translator's rebuild draws three or four kinds of page whose sidebars
#: have not changed.  By the signature of what they were drawn from, then by
#: the kind of page.
DRAWN = "archive-sidebars.json"


@dataclass
class KeptSidebars:
    """The sidebars of the last build (``before``) and of this one (``now``)."""

    before: dict[str, dict[str, str]]
    now: dict[str, dict[str, str]] = field(default_factory=dict)


_kept: WeakKeyDictionary[BuildEnvironment, KeptSidebars] = WeakKeyDictionary()


def kept_sidebars(env: BuildEnvironment) -> KeptSidebars:
    """The kept sidebars, read once per build."""
    if env not in _kept:
        try:
            found = json.loads(Path(env.doctreedir, DRAWN).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            found = {}
        _kept[env] = KeptSidebars(found if isinstance(found, dict) else {})
    return _kept[env]


def tree_signature(builder: Builder, cache: SidebarCache, depth: int) -> str:
    """A digest of everything a sidebar cut at ``depth`` is drawn from: the
    toctree entries that can show (their titles, sections and toctrees, the
    captions among them), the HTML configuration, Sphinx and this module."""
    if depth not in cache.signatures:
        env = builder.env
        info = getattr(builder, "build_info", None)
        parts: list[Any] = [
            sphinx.__version__,
            Path(__file__).read_bytes().decode("utf-8"),
            info.config_hash if info is not None else None,
            depth,
        ]
        for docname in sorted(cache.within(env, depth)):
            title = env.titles.get(docname)
            toc = env.tocs.get(docname)
            parts.append(
                (
                    docname,
                    title.astext() if title is not None else None,
                    toc.pformat() if toc is not None else None,
                    env.toctree_includes.get(docname, []),
                )
            )
        cache.signatures[depth] = hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()
    return cache.signatures[depth]


def save_sidebars(app: Sphinx, exception: Exception | None) -> None:
    """Keep this build's sidebars for the next one (those of its signatures)."""
    kept = _kept.pop(app.env, None)
    if exception or kept is None or not kept.now:
        return
    merged = {
        signature: {**kept.before.get(signature, {}), **drawn}
        for signature, drawn in kept.now.items()
    }
    if merged != kept.before:
        text = json.dumps(merged, ensure_ascii=False)
        write_if_changed(Path(app.doctreedir, DRAWN), text.encode("utf-8"))


def forget_sidebars(app: Sphinx, env: BuildEnvironment) -> None:
    """Start each build's writing with no sidebar drawn: the toctree may have changed."""
    _caches.pop(env, None)


def sidebar_key(
    builder: Builder, cache: SidebarCache, docname: str, depth: int, options: dict[str, Any]
) -> Hashable:
    """What a sidebar cut at ``depth`` can depend on, for this page."""
    folder = posixpath.dirname(builder.get_target_uri(docname))
    itself = docname if docname in cache.within(builder.env, depth) else None
    return (
        folder,
        tuple(sorted(options.items())),
        tuple(cache.ancestors(docname)[:depth]),
        itself,
    )


def drawn_once(builder: Builder, docname: str, draw: Callable[..., str]) -> Callable[..., str]:
    """A ``toctree()`` for the page that reuses a sidebar drawn for a page of its kind.

    Only trees cut at a depth are reused: an uncut tree shows the page's own
    entry wherever it is, so every page's tree differs.
    """

    def toctree(**options: Any) -> str:
        depth = int(options.get("maxdepth") or 0)
        if depth <= 0:
            return draw(**options)
        env = builder.env
        cache = _caches.get(env)
        if cache is None:
            cache = _caches[env] = SidebarCache.of(env)
        key = sidebar_key(builder, cache, docname, depth, options)
        if key not in cache.drawn:
            signature = tree_signature(builder, cache, depth)
            kept = kept_sidebars(env)
            html = kept.before.get(signature, {}).get(repr(key))
            cache.drawn[key] = draw(**options) if html is None else html
            kept.now.setdefault(signature, {})[repr(key)] = cache.drawn[key]
        return cache.drawn[key]

    return toctree


def limit_navigation_depth(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Wrap the page's ``toctree()``: cut at the set depth, drawn once per kind of page."""
    depth = app.config.archive_navigation_depth
    toctree: Callable[..., str] | None = context.get("toctree")
    if toctree is None or depth <= 0:
        return
    reused = drawn_once(app.builder, pagename, toctree)

    def limited(**options: Any) -> str:
        maxdepth = options.get("maxdepth", -1)
        if maxdepth in (None, "") or int(maxdepth) < 0 or int(maxdepth) > depth:
            options["maxdepth"] = depth
        return reused(**options)

    context["toctree"] = limited


@dataclass(frozen=True)
class Links:
    """What pages show of other pages: their titles, each page's parent and
    neighbours (the "Previous" and "Next" links), and the sidebar's entries."""

    titles: dict[str, str]
    relations: dict[str, tuple[str | None, ...]]
    entries: frozenset[str]

    @classmethod
    def of(cls, env: BuildEnvironment) -> Links:
        depth = env.config.archive_navigation_depth
        titles = {docname: title.astext() for docname, title in env.titles.items()}
        relations = {docname: tuple(found) for docname, found in env.collect_relations().items()}
        # An uncut sidebar shows every page of the toctree.
        entries = SidebarCache.of(env).within(env, depth) if depth > 0 else frozenset(titles)
        return cls(titles, relations, entries)


_links_before: WeakKeyDictionary[BuildEnvironment, Links] = WeakKeyDictionary()


def remember_links(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Before the changed sources are read: what every page's links showed."""
    _links_before[env] = Links.of(env)


def pages_whose_links_changed(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: the pages that show a title or a neighbour that changed.

    Sphinx writes again the pages it read, not the pages that show their
    titles: a translator's new title for one event left its neighbours'
    "Previous" and "Next" links, and every sidebar if the page is one of its
    entries, with the old title until a full build
    (``tests/sitebuild/test_incremental.py``).
    """
    before = _links_before.pop(env, None)
    if before is None:
        return []
    after = Links.of(env)
    if after == before:
        return []
    retitled = {
        docname
        for docname in before.titles.keys() | after.titles.keys()
        if before.titles.get(docname) != after.titles.get(docname)
    }
    if after.entries != before.entries or retitled & (after.entries | before.entries):
        return sorted(env.all_docs)
    return sorted(
        docname
        for docname, related in after.relations.items()
        if docname in env.all_docs
        and (related != before.relations.get(docname) or retitled.intersection(related))
    )


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the depth option and the wrapper, before Furo draws its sidebar."""
    app.add_config_value("archive_navigation_depth", 1, "html", types=frozenset({int}))
    app.connect("env-before-read-docs", remember_links)
    app.connect("env-get-updated", pages_whose_links_changed)
    app.connect("env-updated", forget_sidebars)
    app.connect("build-finished", save_sidebars)
    app.connect("html-page-context", limit_navigation_depth, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
