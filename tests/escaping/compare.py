"""The structure of every file the archive publishes, compared with a baseline's.

What a translation may change in the output is text: a paragraph's words, a
heading, a ``title`` or ``alt`` attribute, a calendar event's summary.  What
it must never change is structure: the elements and attributes a browser
builds from a page, the keys and types of a JSON value, the elements of an
Atom feed, the properties of a calendar.  Each file is read here as its
consumer reads it (html5lib, the WHATWG parsing algorithm browsers follow;
``json``; lxml without entities or network; ``icalendar``; Sphinx's
inventory format), never with a regular expression over the markup, and
compared with the same file of a baseline build.

:func:`compare_file` compares one file; :func:`compare_sites` two builds.
Each difference keeps a little of the text around it (``context``) so that a
test can tell which translation it came from.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

import html5lib
import icalendar
from lxml import etree

from pytorchkr_archive.korean_search.index_format import expand as expand_index
from pytorchkr_archive.pages.site_pages import RECORD

# -- What may differ -------------------------------------------------------------------

#: Attributes that carry human text (a translation may change their value).
#: Everything else, URLs first (href, src, action, og:url), must be identical.
#: ``data-title`` is a video button's: archive-video.js sets it as the player's
#: ``title`` property, never as markup.
TEXT_ATTRIBUTES = frozenset(
    {"title", "alt", "aria-label", "placeholder", "data-parallel-failed", "data-title"}
)
#: ``<meta name|property=X content=...>`` whose content is human text.
TEXT_META = frozenset(
    {
        "description",
        "og:title",
        "og:description",
        "og:site_name",
        "og:image:alt",
        "twitter:title",
        "twitter:description",
        "twitter:image:alt",
    }
)
#: Elements whose content is not markup but a script or a style sheet: their
#: text is part of the page's behaviour and must be identical (JSON-LD is
#: compared as JSON).
RAW_TEXT = frozenset({"script", "style"})
#: Keys of the schema.org JSON-LD whose string values are human text.
JSON_LD_TEXT = frozenset({"name", "description", "addressLocality", "streetAddress"})
#: iCalendar properties whose values are human text (the site's title names
#: the calendar, hence NAME and X-WR-CALNAME).
ICS_TEXT = frozenset({"SUMMARY", "DESCRIPTION", "LOCATION", "NAME", "X-WR-CALNAME"})
#: iCalendar properties that differ from build to build.
ICS_VOLATILE = frozenset({"DTSTAMP"})
#: A ``_parallel/*.js`` block's fields: text shown with ``textContent``, HTML
#: put in with ``innerHTML``, and the catalog line (which moves when a tool
#: rewraps the catalog).
PARALLEL_TEXT = frozenset({"untranslated", "fuzzy", "edit", "where", "f"})
PARALLEL_HTML = frozenset({"h"})
PARALLEL_NUMBERS = frozenset({"n"})
#: The translated interface string Sphinx's ``sphinx_highlight.js`` inserts as
#: HTML (``createContextualFragment``), inside this markup.  Every other
#: string of ``translations.js`` is set with ``innerText``/``textContent``, or
#: escaped first (``searchtools.js``: ``_escapeHTML(title)``, ``descr``).
TRANSLATIONS_AS_HTML = {
    "Hide Search Matches": (
        '<p class="highlight-link"><a href="javascript:SphinxHighlight.hideSearchWords()">',
        "</a></p>",
    ),
}


@dataclass(frozen=True)
class Difference:
    """One way a file's structure differs from the baseline's."""

    file: str
    where: str
    what: str
    #: Text around the difference in the new file (to find which translation
    #: put it there); not shown.
    context: str = field(default="", compare=False, repr=False)

    def __str__(self) -> str:
        return f"{self.where}: {self.what}" if self.where else self.what


def _short(value: object, length: int = 90) -> str:
    text = repr(value)
    return text if len(text) <= length else text[: length - 1] + "…"


# -- HTML --------------------------------------------------------------------------------


@dataclass
class Node:
    """An element (or comment, or doctype) as a browser's parser builds it."""

    path: str
    tag: str
    attrs: dict[str, str]
    depth: int
    parent: int
    raw: str | None
    context: str

    @property
    def key(self) -> tuple[int, str]:
        return (self.depth, self.tag)

    def describe(self) -> str:
        if self.tag == "#comment":
            return f"<!--{_short(self.raw, 60)}-->"
        attrs = "".join(f" {k}={_short(v, 40)}" for k, v in self.attrs.items())
        return f"<{self.tag}{attrs}>"


def _tag(element: Any) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        name = getattr(tag, "__name__", str(tag))
        return "#comment" if name == "Comment" else f"#{name.lower()}"
    return tag.replace("{http://www.w3.org/2000/svg}", "svg:").replace(
        "{http://www.w3.org/1998/Math/MathML}", "math:"
    )


def _nodes(root: Any) -> list[Node]:
    """Every node below ``root`` in document order, with its path."""
    out: list[Node] = []

    def walk(element: Any, path: str, depth: int, parent: int) -> None:
        seen: Counter[str] = Counter()
        for child in element:
            tag = _tag(child)
            here = f"{path}/{tag}[{seen[tag]}]"
            seen[tag] += 1
            attrs = {str(k): str(v) for k, v in child.attrib.items()}
            text = child.text or ""
            raw = text if tag in RAW_TEXT or tag.startswith("#") else None
            context = " ".join([*attrs.values(), text[:2000], (child.tail or "")[:2000]])
            out.append(Node(here, tag, attrs, depth, parent, raw, context))
            walk(child, here, depth + 1, len(out) - 1)

    walk(root, "", 0, -1)
    return out


def parse_document(text: str) -> list[Node]:
    """A whole page as a browser parses it (``html5lib.parse``; the full tree, so
    a comment or doctype outside ``<html>`` counts too)."""
    parser = html5lib.HTMLParser(
        tree=html5lib.getTreeBuilder("etree", fullTree=True), namespaceHTMLElements=False
    )
    return _nodes(parser.parse(text))


def parse_fragment(text: str) -> list[Node]:
    """A piece of HTML as ``innerHTML`` parses it (``html5lib.parseFragment``)."""
    return _nodes(html5lib.parseFragment(text, namespaceHTMLElements=False))


def is_text_attribute(node: Node, name: str) -> bool:
    """Whether an attribute of the baseline's ``node`` holds human text."""
    if name in TEXT_ATTRIBUTES:
        return True
    if node.tag == "meta" and name == "content":
        return (node.attrs.get("name") or node.attrs.get("property") or "") in TEXT_META
    return False


def _context_near(nodes: list[Node], index: int) -> str:
    """The text of a node, the two before it and its parent."""
    picked = [i for i in (index, index - 1, index - 2) if 0 <= i < len(nodes)]
    if picked and nodes[picked[0]].parent >= 0:
        picked.append(nodes[picked[0]].parent)
    return " ".join(nodes[i].context for i in picked)


def compare_nodes(file: str, prefix: str, base: list[Node], new: list[Node]) -> list[Difference]:
    """Elements added, removed or with other attributes; scripts and styles changed."""
    found: list[Difference] = []
    matcher = SequenceMatcher(None, [n.key for n in base], [n.key for n in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            for node in base[i1:i2]:
                found.append(
                    Difference(
                        file,
                        prefix + node.path,
                        f"element removed: {node.describe()}",
                        _context_near(new, j1 - 1) + " " + _context_near(new, j1),
                    )
                )
            for j in range(j1, j2):
                found.append(
                    Difference(
                        file,
                        prefix + new[j].path,
                        f"element added: {new[j].describe()}",
                        _context_near(new, j),
                    )
                )
            continue
        for b, n, j in zip(base[i1:i2], new[j1:j2], range(j1, j2), strict=True):
            found += _compare_pair(file, prefix, b, n, _context_near(new, j))
    return found


def _compare_pair(file: str, prefix: str, b: Node, n: Node, context: str) -> list[Difference]:
    found = []
    where = prefix + n.path
    for name in sorted(set(b.attrs) | set(n.attrs)):
        if name not in n.attrs:
            found.append(Difference(file, where, f"attribute removed: {name}", context))
        elif name not in b.attrs:
            found.append(
                Difference(
                    file, where, f"attribute added: {name}={_short(n.attrs[name])}", context
                )
            )
        elif b.attrs[name] != n.attrs[name] and not is_text_attribute(b, name):
            found.append(
                Difference(
                    file,
                    where,
                    f"attribute {name} changed: {_short(b.attrs[name])} → {_short(n.attrs[name])}",
                    context,
                )
            )
    if b.raw != n.raw and b.tag in RAW_TEXT:
        if b.tag == "script" and b.attrs.get("type") == "application/ld+json":
            found += compare_json_text(
                file, where + " (JSON-LD)", b.raw or "", n.raw or "", JsonRules(JSON_LD_TEXT)
            )
        else:
            found.append(
                Difference(
                    file,
                    where,
                    f"<{b.tag}> content changed: {_short(n.raw, 120)}",
                    (n.raw or "") + " " + context,
                )
            )
    return found


@lru_cache(maxsize=256)
def _baseline_document(text: str) -> list[Node]:
    return parse_document(text)


@lru_cache(maxsize=4096)
def _baseline_fragment(text: str) -> list[Node]:
    return parse_fragment(text)


def compare_html(file: str, base: str, new: str) -> list[Difference]:
    """Two whole pages."""
    return compare_nodes(file, "", _baseline_document(base), parse_document(new))


def compare_fragments(file: str, where: str, base: str, new: str) -> list[Difference]:
    """Two pieces of HTML put into a page with ``innerHTML``."""
    return compare_nodes(file, where + " ", _baseline_fragment(base), parse_fragment(new))


# -- JSON --------------------------------------------------------------------------------


class _Duplicate(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise _Duplicate(f"duplicate key {next(k for k in keys if keys.count(k) > 1)!r}")
    return dict(pairs)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def load_json(text: str) -> Any:
    """Strict JSON: no NaN or Infinity, no key twice."""
    return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)


@dataclass(frozen=True)
class JsonRules:
    """Which keys' string values are text, which are HTML, which numbers may move."""

    text: frozenset[str] = frozenset()
    html: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()


def _type(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def compare_json(
    file: str, where: str, base: Any, new: Any, rules: JsonRules, key: str | None = None
) -> list[Difference]:
    """Same keys, types and list lengths; strings equal unless they are text
    (or HTML, compared as fragments); numbers equal unless allowed to move."""
    if _type(base) != _type(new):
        return [
            Difference(
                file, where, f"{_type(base)} became {_type(new)}: {_short(new)}", str(new)[:2000]
            )
        ]
    found: list[Difference] = []
    if isinstance(base, dict):
        for name in sorted(set(base) - set(new)):
            found.append(Difference(file, f"{where}.{name}", "key removed", json.dumps(new)))
        for name in sorted(set(new) - set(base)):
            found.append(
                Difference(file, f"{where}.{name}", f"key added: {_short(new[name])}", str(new))
            )
        for name in sorted(set(base) & set(new)):
            found += compare_json(file, f"{where}.{name}", base[name], new[name], rules, name)
    elif isinstance(base, list):
        if len(base) != len(new):
            found.append(
                Difference(file, where, f"{len(base)} items became {len(new)}", str(new)[:4000])
            )
        for index, (b, n) in enumerate(zip(base, new, strict=False)):
            found += compare_json(file, f"{where}[{index}]", b, n, rules, key)
    elif base != new:
        text = isinstance(base, str) and key in rules.text
        number = isinstance(base, int | float) and not isinstance(base, bool)
        if isinstance(base, str) and key in rules.html:
            found += compare_fragments(file, where, base, new)
        elif not (text or (number and key in rules.numbers)):
            found.append(
                Difference(file, where, f"{_short(base)} changed to {_short(new)}", str(new))
            )
    return found


def _json_error(file: str, where: str, text: str, error: Exception) -> Difference:
    position = getattr(error, "pos", None) or 0
    context = text[max(position - 300, 0) : position + 100]
    return Difference(file, where, f"does not parse as JSON: {error}", context)


def compare_json_text(
    file: str, where: str, base: str, new: str, rules: JsonRules
) -> list[Difference]:
    try:
        parsed = load_json(new)
    except ValueError as error:
        return [_json_error(file, where, new, error)]
    return compare_json(file, where, load_json(base), parsed, rules)


def script_call(text: str, callee: str) -> str:
    """The argument of a script that is one call ``callee(<JSON>)``."""
    match = re.fullmatch(rf"\s*{re.escape(callee)}\((.*)\);?\s*", text, re.S)
    if not match:
        raise ValueError(f"the script is not one call of {callee}(...)")
    return match.group(1)


def _compare_call(
    file: str,
    base: str,
    new: str,
    callee: str,
    then: Callable[[Any, Any], list[Difference]],
) -> list[Difference]:
    try:
        argument = script_call(new, callee)
        parsed = load_json(argument)
    except ValueError as error:
        return [_json_error(file, callee, new, error)]
    return then(load_json(script_call(base, callee)), parsed)


def compare_parallel(file: str, base: str, new: str) -> list[Difference]:
    """``_parallel/<page>.js``: ``archiveParallel.receive(<JSON>)``; each block's
    ``h`` is HTML the view puts in with ``innerHTML``."""
    rules = JsonRules(PARALLEL_TEXT, PARALLEL_HTML, PARALLEL_NUMBERS)
    return _compare_call(
        file,
        base,
        new,
        "archiveParallel.receive",
        lambda b, n: compare_json(file, "receive", b, n, rules),
    )


def _escape_html(text: str) -> str:
    """``searchtools.js``'s ``_escapeHTML``."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


#: What the archive adds to the index (korean_search/talks.py): for each field
#: of an entry, whether it is "text" (translated, shown as text), "words"
#: (made of the text) or "same" (an anchor, a page, page numbers).
_ARCHIVE_LISTS = {
    "talks": ("same", "text", "text", "words", "same"),
    "people": ("same", "text", "words"),
}


def _archive_list(
    file: str, where: str, base: Any, new: Any, fields: tuple[str, ...]
) -> list[Difference]:
    """The talks or people of the index: as many entries, each of its fields,
    the text ones strings that stay text once escaped, the others the same."""
    if not isinstance(new, list) or len(new) != len(base):
        return [Difference(file, where, f"{len(base)} entries became {_short(new)}")]
    found = []
    for number, (b, n) in enumerate(zip(base, new, strict=True)):
        here = f"{where}[{number}]"
        if not isinstance(n, list) or len(n) != len(fields):
            found.append(Difference(file, here, f"not an entry: {_short(n)}"))
            continue
        for kind, old, value in zip(fields, b, n, strict=True):
            if not isinstance(value, str):
                found.append(Difference(file, here, f"not a string: {_short(value)}"))
            elif kind == "same" and value != old:
                found.append(Difference(file, here, f"{old!r} became {_short(value)}"))
            elif kind == "text":
                found += compare_fragments(
                    file, f"{here} {_short(value, 40)}", "", _escape_html(value)
                )
    return found


def _search_index(file: str, base: dict, new: dict) -> list[Difference]:
    """``searchindex.js``.  Word lists (``terms``, ``titleterms``) and the
    titles (``alltitles`` keys, ``titles``) are made of the text; everything
    else must be identical."""
    found = []
    where = "Search.setIndex"
    for name in sorted(set(base) ^ set(new)):
        found.append(Difference(file, f"{where}.{name}", "key added or removed"))
    documents = len(base.get("docnames", []))
    for name in sorted(set(base) & set(new)):
        b, n = base[name], new[name]
        here = f"{where}.{name}"
        if name in ("terms", "titleterms"):
            if not isinstance(n, dict):
                found.append(Difference(file, here, f"is a {_type(n)}"))
                continue
            for term, value in n.items():
                docs = value if isinstance(value, list) else [value]
                if not all(isinstance(d, int) and 0 <= d < documents for d in docs):
                    found.append(
                        Difference(file, f"{here}[{term!r}]", f"not document numbers: {value!r}")
                    )
        elif name == "alltitles":
            pairs = Counter(
                json.dumps(pair)
                for value in (n.values() if isinstance(n, dict) else [])
                for pair in value
            )
            expected = Counter(json.dumps(pair) for value in b.values() for pair in value)
            if not isinstance(n, dict) or pairs != expected:
                found.append(
                    Difference(file, here, "the (document, anchor) pairs of the titles differ")
                )
        elif name == "titles":
            found += compare_json(file, here, b, n, JsonRules(frozenset({"titles"})), "titles")
        elif name in _ARCHIVE_LISTS:
            found += _archive_list(file, here, b, n, _ARCHIVE_LISTS[name])
        else:
            found += compare_json(file, here, b, n, JsonRules())
    # searchtools.js puts a result's title (and an object's description) into
    # the page with innerHTML, escaped first: it must stay text.
    titles = [*(new.get("titles") or []), *(new.get("alltitles") or {})]
    for title in titles:
        if isinstance(title, str):
            found += compare_fragments(
                file, f"{where} title {_short(title, 40)}", "", _escape_html(title)
            )
    return found


def compare_search_index(file: str, base: str, new: str) -> list[Difference]:
    """``searchindex.js``, written compactly (index_format.py): compared in
    Sphinx's shape, as the search page expands it."""

    def then(b: Any, n: Any) -> list[Difference]:
        try:
            n = expand_index(n)
        except (AttributeError, KeyError, TypeError, ValueError) as error:
            why = f"not the archive's index format: {error}"
            return [Difference(file, "Search.setIndex", why)]
        return _search_index(file, expand_index(b), n)

    return _compare_call(file, base, new, "Search.setIndex", then)


def _translations(file: str, base: dict, new: dict) -> list[Difference]:
    where = "Documentation.addTranslations"
    found = compare_json(
        file,
        where,
        {k: v for k, v in base.items() if k != "messages"},
        {k: v for k, v in new.items() if k != "messages"},
        JsonRules(),
    )
    messages_b, messages_n = base.get("messages", {}), new.get("messages")
    if not isinstance(messages_n, dict):
        return [*found, Difference(file, f"{where}.messages", f"is a {_type(messages_n)}")]
    text_keys = frozenset(messages_b)
    found += compare_json(file, f"{where}.messages", messages_b, messages_n, JsonRules(text_keys))
    for msgid, (before, after) in TRANSLATIONS_AS_HTML.items():
        if isinstance(messages_b.get(msgid), str) and isinstance(messages_n.get(msgid), str):
            found += compare_fragments(
                file,
                f"{where}.messages[{msgid!r}] as sphinx_highlight.js inserts it",
                before + messages_b[msgid] + after,
                before + messages_n[msgid] + after,
            )
    return found


def compare_translations(file: str, base: str, new: str) -> list[Difference]:
    """``_static/translations.js``: ``Documentation.addTranslations(<JSON>)``."""
    return _compare_call(
        file, base, new, "Documentation.addTranslations", lambda b, n: _translations(file, b, n)
    )


# -- XML (Atom feeds, sitemaps) ----------------------------------------------------------


def _xml_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )


def _xml_nodes(data: bytes) -> tuple[list[Node], list[tuple[str, str]]]:
    """The nodes of an XML document, and the text of its ``type="html"`` elements."""
    root = etree.fromstring(data, _xml_parser())
    nodes: list[Node] = []
    html: list[tuple[str, str]] = []
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        nodes.append(
            Node("/#doctype", "#doctype", {"doctype": tree.docinfo.doctype}, 0, -1, None, "")
        )

    def tag_of(element: Any) -> str:
        if element.tag is etree.Comment:
            return "#comment"
        if element.tag is etree.ProcessingInstruction:
            return "#pi"
        if element.tag is etree.Entity:
            return "#entity"
        return element.tag

    def walk(element: Any, path: str, depth: int, parent: int) -> None:
        tag = tag_of(element)
        attrs = {str(k): str(v) for k, v in element.attrib.items()} if tag[0] != "#" else {}
        if parent < 0 or (
            element.getparent() is not None and element.nsmap != element.getparent().nsmap
        ):
            attrs.update({f"xmlns:{k}" if k else "xmlns": v for k, v in element.nsmap.items()})
        raw = element.text if tag[0] == "#" else None
        nodes.append(
            Node(
                path, tag, attrs, depth, parent, raw, f"{element.text or ''} {element.tail or ''}"
            )
        )
        if attrs.get("type") == "html":
            html.append((path, element.text or ""))
        index = len(nodes) - 1
        seen: Counter[str] = Counter()
        for child in element:
            child_tag = tag_of(child)
            walk(child, f"{path}/{child_tag}[{seen[child_tag]}]", depth + 1, index)
            seen[child_tag] += 1

    for sibling in reversed(list(root.itersiblings(preceding=True))):
        nodes.append(Node("/" + tag_of(sibling), tag_of(sibling), {}, 0, -1, sibling.text, ""))
    walk(root, f"/{root.tag}", 0, -1)
    for sibling in root.itersiblings():
        nodes.append(Node("/" + tag_of(sibling), tag_of(sibling), {}, 0, -1, sibling.text, ""))
    return nodes, html


def compare_xml(file: str, base: bytes, new: bytes) -> list[Difference]:
    """Same elements and attributes; only text differs; ``type="html"`` text is
    compared as HTML."""
    try:
        new_nodes, new_html = _xml_nodes(new)
    except etree.XMLSyntaxError as error:
        line = error.lineno or 1
        lines = new.decode("utf-8", "replace").split("\n")
        return [
            Difference(
                file,
                f"line {line}",
                f"does not parse as XML: {error}",
                " ".join(lines[max(line - 3, 0) : line + 1]),
            )
        ]
    base_nodes, base_html = _xml_nodes(base)
    found = compare_nodes(file, "", base_nodes, new_nodes)
    base_by_path = dict(base_html)
    for path, text in new_html:
        found += compare_fragments(file, path + " (type=html)", base_by_path.get(path, ""), text)
    return found


# -- iCalendar ---------------------------------------------------------------------------


def _content_lines(data: bytes) -> list[str]:
    """The content lines of an iCalendar file, unfolded, split at any line
    break (CRLF, LF or CR, as lenient readers do)."""
    lines: list[str] = []
    for line in re.split(r"\r\n|\r|\n", data.decode("utf-8", "replace")):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += line[1:]
        elif line:
            lines.append(line)
    return lines


def _property_name(line: str) -> str:
    return re.split(r"[;:]", line, maxsplit=1)[0].upper()


def _ics_items(data: bytes) -> list[tuple[str, str, dict[str, str], bytes]]:
    calendar = icalendar.Calendar.from_ical(data)
    items = []
    for component in calendar.walk():
        errors = getattr(component, "errors", None)
        if errors:
            raise ValueError(f"{component.name}: {errors}")
        for name, value in component.property_items(recursive=False):
            if name in ("BEGIN", "END"):
                continue
            params = dict(getattr(value, "params", {}) or {})
            items.append((component.name, name, {k: str(v) for k, v in params.items()}, value))
    return items


def _ics_value(value: Any) -> bytes:
    data = value.to_ical() if hasattr(value, "to_ical") else str(value)
    return data.encode() if isinstance(data, str) else data


def compare_ics(file: str, base: bytes, new: bytes) -> list[Difference]:
    """Same components, properties and parameters; values equal except the text
    ones (and DTSTAMP)."""
    found: list[Difference] = []
    base_lines, new_lines = _content_lines(base), _content_lines(new)
    names_b = [_property_name(line) for line in base_lines]
    names_n = [_property_name(line) for line in new_lines]
    matcher = SequenceMatcher(None, names_b, names_n, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for line in base_lines[i1:i2]:
            found.append(Difference(file, "content lines", f"line removed: {_short(line)}", ""))
        for j in range(j1, j2):
            found.append(
                Difference(
                    file,
                    "content lines",
                    f"line added: {_short(new_lines[j])}",
                    " ".join(new_lines[max(j - 2, 0) : j + 1]),
                )
            )
    try:
        new_items = _ics_items(new)
    except (ValueError, KeyError, IndexError, TypeError) as error:
        return [
            *found,
            Difference(
                file, "calendar", f"does not parse: {error}", new.decode("utf-8", "replace")
            ),
        ]
    base_items = _ics_items(base)
    keys_b = [(c, n) for c, n, _, _ in base_items]
    keys_n = [(c, n) for c, n, _, _ in new_items]
    if keys_b != keys_n:
        extra = Counter(keys_n) - Counter(keys_b)
        missing = Counter(keys_b) - Counter(keys_n)
        found.append(
            Difference(
                file,
                "calendar",
                f"properties differ: added {sorted(extra)}, removed {sorted(missing)}",
                new.decode("utf-8", "replace"),
            )
        )
        return found
    for (component, name, params_b, value_b), (_, _, params_n, value_n) in zip(
        base_items, new_items, strict=True
    ):
        where = f"{component}.{name}"
        context = _ics_value(value_n).decode("utf-8", "replace")
        if params_b != params_n:
            found.append(
                Difference(file, where, f"parameters {params_b} became {params_n}", context)
            )
        if name in ICS_TEXT or name in ICS_VOLATILE:
            continue
        if _ics_value(value_b) != _ics_value(value_n):
            found.append(
                Difference(
                    file,
                    where,
                    f"value {_short(_ics_value(value_b))} became {_short(_ics_value(value_n))}",
                    context,
                )
            )
    return found


# -- Sphinx's own files ------------------------------------------------------------------

_INVENTORY_LINE = re.compile(r"(.+?)\s+(\S+)\s+(-?\d+)\s+?(\S*)\s+(.*)")


def _inventory(data: bytes) -> tuple[list[bytes], list[str]]:
    """The header lines of an ``objects.inv`` and its entry lines, split as
    Sphinx's reader splits them (at ``\\n``)."""
    header = data.split(b"\n", 4)
    lines = zlib.decompress(header[4]).decode("utf-8").split("\n")
    return header[:4], [line for line in lines if line]


def _inventory_key(line: str) -> tuple[str, ...]:
    """An entry's (name, type, priority, URI); its display name is text."""
    match = _INVENTORY_LINE.fullmatch(line)
    return match.groups()[:4] if match else ("(not an entry)", line)


def compare_inventory(file: str, base: bytes, new: bytes) -> list[Difference]:
    """``objects.inv`` as Sphinx reads it: the same entries (name, type,
    priority, URI); the display name is text."""
    found = []
    head_b, lines_b = _inventory(base)
    head_n, lines_n = _inventory(new)
    if head_b != head_n:
        found.append(Difference(file, "header", f"{head_b} became {head_n}"))
    keys_b = [_inventory_key(line) for line in lines_b]
    keys_n = [_inventory_key(line) for line in lines_n]
    matcher = SequenceMatcher(None, keys_b, keys_n, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for key in keys_b[i1:i2]:
            found.append(
                Difference(
                    file,
                    f"entry {key[0]!r}",
                    f"entry removed: {' '.join(key)}",
                    " ".join(lines_n[max(j1 - 1, 0) : j1 + 1]),
                )
            )
        for j in range(j1, j2):
            found.append(
                Difference(
                    file,
                    f"line {j + 1}",
                    f"entry added: {_short(lines_n[j])}",
                    " ".join(lines_n[max(j - 1, 0) : j + 1]),
                )
            )
    return found


_BUILDINFO = re.compile(
    r"# Sphinx build info version 1\n# This file records the configuration used when building "
    r"these files\. When it is not found, a full rebuild will be done\.\nconfig: [0-9a-f]{32}\n"
    r"tags: [0-9a-f]{32}\n?"
)


def compare_buildinfo(file: str, base: bytes, new: bytes) -> list[Difference]:
    """``.buildinfo`` holds hashes of the configuration, which differ between
    copies of the project: only its form is compared."""
    if _BUILDINFO.fullmatch(new.decode("utf-8", "replace")):
        return []
    return [
        Difference(file, "", "not in Sphinx's .buildinfo form", new.decode("utf-8", "replace"))
    ]


def compare_page_record(file: str, base: bytes, new: bytes) -> list[Difference]:
    """The generated pages' digests (:mod:`pytorchkr_archive.pages.site_pages`)
    change with what the pages show and with the configuration's hash: the
    same pages, each with a SHA-256, is what is compared."""
    try:
        before, after = json.loads(base), json.loads(new)
    except ValueError as error:
        return [Difference(file, "", f"is not JSON: {error}")]
    if not isinstance(after, dict) or sorted(after) != sorted(before):
        return [Difference(file, "", "holds other pages than the baseline's", str(after))]
    if not all(isinstance(d, str) and re.fullmatch(r"[0-9a-f]{64}", d) for d in after.values()):
        return [Difference(file, "", "holds something else than digests", str(after))]
    return []


# -- Every file ------------------------------------------------------------------------


def compare_file(file: str, base: bytes, new: bytes) -> list[Difference]:
    """Compare one output file (``file`` is its path under ``_build/html/``)."""
    if base == new:
        return []
    name = file.rsplit("/", 1)[-1]

    def text(data: bytes) -> str:
        return data.decode("utf-8")

    try:
        if name == ".buildinfo":
            return compare_buildinfo(file, base, new)
        if name == RECORD:
            return compare_page_record(file, base, new)
        if name.endswith(".html"):
            return compare_html(file, text(base), text(new))
        if "/_parallel/" in f"/{file}" and name.endswith(".js"):
            return compare_parallel(file, text(base), text(new))
        if name == "searchindex.js":
            return compare_search_index(file, text(base), text(new))
        if "/_search/" in f"/{file}" and name.endswith(".txt"):
            # A search summary: text, put into the page as text (textContent).
            text(new)
            return []
        if file.endswith("_static/translations.js"):
            return compare_translations(file, text(base), text(new))
        if name.endswith(".xml"):
            return compare_xml(file, base, new)
        if name.endswith(".ics"):
            return compare_ics(file, base, new)
        if name == "objects.inv":
            return compare_inventory(file, base, new)
    except UnicodeDecodeError as error:
        return [Difference(file, "", f"is not UTF-8: {error}")]
    return [Difference(file, "", "bytes differ in a file that no translation should change")]


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def compare_sites(base: Path, new: Path, prefix: str = "") -> dict[str, list[Difference]]:
    """Every file of two builds (``_build/html``, or one language's folder of it,
    named ``prefix``): path → its differences."""
    found: dict[str, list[Difference]] = {}
    base_files, new_files = _files(base), _files(new)
    for file in sorted(base_files | new_files):
        name = f"{prefix}/{file}" if prefix else file
        if file not in new_files:
            found[name] = [Difference(name, "", "in the baseline, missing from this build")]
        elif file not in base_files:
            found[name] = [Difference(name, "", "in this build, not in the baseline")]
        else:
            differences = compare_file(name, (base / file).read_bytes(), (new / file).read_bytes())
            if differences:
                found[name] = differences
    return found
