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
same with 10 or 300 events.  ``tests/pages/test_navigation.py`` checks, on every
page of a test root, that the reused HTML is exactly what Sphinx draws.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains.std import StandardDomain
from sphinx.environment import BuildEnvironment


@dataclass
class SidebarCache:
    """What one build knows about its toctree, and the sidebars drawn so far."""

    parents: dict[str, str]
    near_root: dict[int, frozenset[str]] = field(default_factory=dict)
    drawn: dict[Hashable, str] = field(default_factory=dict)

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
            cache.drawn[key] = draw(**options)
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


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the depth option and the wrapper, before Furo draws its sidebar."""
    app.add_config_value("archive_navigation_depth", 1, "html", types=frozenset({int}))
    app.connect("env-updated", forget_sidebars)
    app.connect("html-page-context", limit_navigation_depth, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
