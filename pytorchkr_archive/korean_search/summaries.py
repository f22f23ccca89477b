"""Search result summaries without downloading the pages found, in every language.

Sphinx's search page fetched the whole HTML of every page it found to cut a
summary out of it: a search that matched every event downloaded every event
page (more than 1 MB from about 30 events on).  Instead, each build writes a
short summary of each indexed page, ``_search/<page>.txt``, and the search
page (``static/archive-search.js``) fetches the summary of a result only
when the result comes near the screen, so a search downloads the summaries
the reader can see, whatever it matches.

A page's summary is what it is about, not the words around the query: an
event's one-line summary (its description, translated in its catalog), and
for any other page its first :data:`LENGTH` characters, read as Sphinx's
search page reads a page, but with table cells apart (`` · ``) and a space
after every other block, so that a table reads ``발표자 · 발표 · 행사``
and not ``발표자발표행사``.
"""

from __future__ import annotations

import hashlib
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from pytorchkr_archive.events.facts.built import event_page

STATIC = Path(__file__).with_name("static")
SCRIPT = "archive-search.js"
#: Where the summaries are written, under the output folder: ``<page>.txt``.
SUMMARIES = "_search"
#: The length of a summary cut from a page's text, as Sphinx's (240).
LENGTH = 240

_CELLS = frozenset({"th", "td"})
_BLOCKS = frozenset({
    "p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "caption",
    "figcaption", "blockquote", "pre", "div", "section",
})  # fmt: skip
_DROPPED = frozenset({"script", "style"})
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
})  # fmt: skip
_CELL_END = object()
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


class _Text(HTMLParser):
    """A page body's text: Sphinx's ``htmlToText`` with blocks and cells apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[object] = []
        #: The open elements, and whether each is dropped with its content.
        self.open: list[tuple[str, bool]] = []

    @property
    def dropping(self) -> bool:
        return any(dropped for _tag, dropped in self.open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self.dropping:
            self.parts.append(" ")
        if tag in _VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        self.open.append((tag, tag in _DROPPED or "headerlink" in classes))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(t == tag for t, _ in self.open):
            return
        while self.open:
            open_tag, dropped = self.open.pop()
            if open_tag == tag:
                break
        if dropped or self.dropping:
            return
        if tag == "tr":
            # The last cell of a row has no separator after it.
            while self.parts and isinstance(self.parts[-1], str) and not self.parts[-1].strip():
                self.parts.pop()
            if self.parts and self.parts[-1] is _CELL_END:
                self.parts.pop()
        if tag in _CELLS:
            self.parts.append(_CELL_END)
        elif tag in _BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.parts.append(data)

    def text(self) -> str:
        joined = "".join(" · " if part is _CELL_END else str(part) for part in self.parts)
        return " ".join(joined.split())


def page_text(body: str) -> str:
    """The text of a page's body, read with its blocks and table cells apart."""
    parser = _Text()
    parser.feed(body)
    parser.close()
    return parser.text()


def cut(text: str, length: int = LENGTH) -> str:
    """The first ``length`` characters of ``text``, at a space if one is near."""
    if len(text) <= length:
        return text
    head = text[:length]
    space = head.rfind(" ")
    return (head[:space] if space > length * 3 // 4 else head).rstrip() + "..."


def summary(app: Sphinx, pagename: str, context: dict[str, Any]) -> str:
    """A page's summary: an event's description, else the start of its text."""
    if event_page(app.env, pagename) is not None:
        found = _DESCRIPTION.search(context.get("metatags", ""))
        if found:
            return unescape(found.group(1))
    return cut(page_text(context.get("body", "")))


def write_summary(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Write the summary of each page the search index holds; on the search
    page, load the script that shows them (before ``searchindex.js``)."""
    if app.builder.format != "html":
        return
    if pagename == "search":
        digest = hashlib.sha1((STATIC / SCRIPT).read_bytes()).hexdigest()[:8]
        context["archive_search_script"] = f"_static/{SCRIPT}?v={digest}"
    if doctree is None or pagename not in app.env.all_docs:
        return
    path = Path(app.outdir, SUMMARIES, f"{pagename}.txt")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(summary(app, pagename, context), encoding="utf-8")


def add_static_path(app: Sphinx, config: Config) -> None:
    config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> dict[str, Any]:
    # After the event pages' description (600) and the site's (800).
    app.connect("config-inited", add_static_path)
    app.connect("html-page-context", write_summary, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
