"""Markup compared as a browser parses it, element by element and attribute by attribute.

Where a translation may carry its source's HTML (an interface string such as
``<a href="%(path)s">Copyright</a>``), the two are compared as html5lib
parses them: html5lib follows the WHATWG HTML parsing algorithm, the one
every browser runs, so a tag that a regular expression misses
(``<img src=x alt=< onerror=alert(1)>``), an attribute breakout or a
``<`` inside a tag is an element or an attribute here exactly as it is in a
reader's browser.

A fragment is parsed with a sentinel element after it.  A tag left open at
the end of a translation (``<a href=https://evil.example/ x=``) is dropped
by the parser when nothing follows it, but on a page the template's next
markup follows, and the open tag swallows it; the sentinel stands for that
markup, so the swallowing shows as a difference.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from xml.etree.ElementTree import Comment, Element

import html5lib

#: Stands for whatever markup follows the fragment on a page.
SENTINEL = '<b data-archive-end="">'
#: One element of a fragment's shape: depth, tag, attributes (sorted).
Node = tuple[int, str, tuple[tuple[str, str], ...]]


def parse_fragment(text: str) -> Element:
    """The fragment as a browser's parser builds it, in a ``<div>`` (html5lib's etree)."""
    return html5lib.parseFragment(text, namespaceHTMLElements=False)


def _walk(element: Element, depth: int) -> Iterator[Node]:
    for child in element:
        if child.tag is Comment:
            yield (depth, "#comment", ())
            continue
        yield (depth, str(child.tag), tuple(sorted(child.attrib.items())))
        yield from _walk(child, depth + 1)


@lru_cache(maxsize=4096)
def shape(text: str) -> tuple[Node, ...]:
    """Every element and comment of a fragment, in document order; text left out."""
    return tuple(_walk(parse_fragment(text + SENTINEL), 0))


def text_of(element: Element) -> str:
    """The text of a parsed fragment, references resolved, markup left out."""
    return "".join(element.itertext())


@lru_cache(maxsize=4096)
def holds_markup(text: str) -> bool:
    """Whether ``text`` is HTML rather than plain text: an element, a comment or
    a character reference (``&#169;``) that a browser would read as such."""
    fragment = parse_fragment(text)
    return len(fragment) > 0 or text_of(fragment) != text


def start_tag(node: Node) -> str:
    """A node of a shape as a reader would recognise it: ``<a href="...">``."""
    _depth, tag, attributes = node
    if tag == "#comment":
        return "<!-- -->"
    shown = "".join(f' {name}="{value}"' for name, value in attributes)
    return f"<{tag}{shown}>"


def markup_difference(source: str, translation: str) -> str | None:
    """How the translation's markup differs from its source's, or ``None`` if it does not.

    Element names, their nesting and order, and every attribute name and value
    must be those of the source; only text may differ.
    """
    expected, found = shape(source), shape(translation)
    if expected == found:
        return None
    sentinel = shape("")[0]
    if sentinel not in found or found[-1] != sentinel:
        return (
            "a tag or comment is left open at its end, and would swallow the page's "
            "markup that follows it; close it, or write < as &lt;"
        )
    missing = [n for n in expected if n not in found]
    added = [n for n in found if n not in expected]
    parts = []
    if added:
        parts.append("it adds " + ", ".join(start_tag(n) for n in added[:3]))
    if missing:
        parts.append("it lacks the source's " + ", ".join(start_tag(n) for n in missing[:3]))
    if not parts:
        parts.append("its elements are nested or ordered otherwise than the source's")
    return "; ".join(parts)


def serialize(fragment: Element) -> str:
    """A parsed fragment written back as HTML: text and attribute values escaped,
    every tag closed, every attribute quoted."""
    return html5lib.serialize(
        fragment,
        tree="etree",
        quote_attr_values="always",
        omit_optional_tags=False,
        escape_lt_in_attrs=True,
        minimize_boolean_attributes=False,
        resolve_entities=False,
    )
