"""What markup a MyST message carries, read with MyST's own parser.

A translation is MyST Markdown that Sphinx parses into the page, so it is
read here with the same markdown-it configuration MyST-Parser uses; regular
expressions over Markdown would miss (or invent) links, roles and raw HTML.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.mdit_to_docutils.base import DocutilsRenderer
from myst_parser.parsers.mdit import create_md_parser

#: Token types that any message may contain as many of as it likes: prose and
#: its emphasis.  Links, code and roles are compared on their own; every
#: other type is markup a translation may not bring in.
PROSE_TOKENS = frozenset(
    {
        "inline",
        "text",
        "softbreak",
        "hardbreak",
        "paragraph_open",
        "paragraph_close",
        "strong_open",
        "strong_close",
        "em_open",
        "em_close",
        "link_open",
        "link_close",
        "code_inline",
        "myst_role",
        "footnote_ref",
    }
)
#: Roles that are emphasis written another way: ``{strong}`...``` is how to
#: bold a word followed by a Hangul particle after punctuation.
EMPHASIS_ROLES = {"strong": "strong", "emphasis": "em"}
#: Cross-reference roles, whose content is ``title <target>`` or ``target``:
#: the title may be translated, the target must stay.  (Domain roles such as
#: ``py:func`` are cross-references too.)
REFERENCE_ROLES = frozenset(
    {
        "doc",
        "ref",
        "any",
        "download",
        "numref",
        "term",
        "keyword",
        "option",
        "envvar",
        "token",
        "external",
    }
)
_TITLE_TARGET = re.compile(r"^(?P<title>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass
class Markup:
    """The markup of one message."""

    links: Counter[str] = field(default_factory=Counter)
    images: Counter[str] = field(default_factory=Counter)
    code: Counter[str] = field(default_factory=Counter)
    roles: Counter[tuple[str, str]] = field(default_factory=Counter)
    footnotes: Counter[str] = field(default_factory=Counter)
    numbers: Counter[str] = field(default_factory=Counter)
    emphasis: Counter[str] = field(default_factory=Counter)
    other: Counter[str] = field(default_factory=Counter)
    #: Raw HTML and directives, as written, for the report.
    foreign: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


@cache
def parser() -> MarkdownIt:
    """MyST-Parser's markdown-it, with the extensions the archive enables."""
    return create_md_parser(MdParserConfig(enable_extensions={"colon_fence"}), DocutilsRenderer)


def _walk(tokens: list[Token]):
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def role_target(name: str, content: str) -> str:
    """What must not change in a role: the target of a reference, else the whole content."""
    if name not in REFERENCE_ROLES and ":" not in name:
        return content.strip()
    match = _TITLE_TARGET.match(content)
    return match.group("target").strip() if match else content.strip()


def read(message: str) -> Markup:
    """The markup of a MyST message (a paragraph, a heading, a caption, an alt text)."""
    markup = Markup()
    for token in _walk(parser().parse(message)):
        kind = token.type
        if kind == "link_open":
            markup.links[str(token.attrs.get("href", ""))] += 1
        elif kind == "image":
            markup.images[str(token.attrs.get("src", ""))] += 1
        elif kind == "code_inline":
            markup.code[token.content] += 1
        elif kind == "myst_role":
            name = token.meta.get("name", "")
            if name in EMPHASIS_ROLES:
                markup.emphasis[EMPHASIS_ROLES[name]] += 1
                markup.texts.append(token.content)
            else:
                markup.roles[(name, role_target(name, token.content))] += 1
        elif kind == "footnote_ref":
            markup.footnotes[str(token.meta.get("label", ""))] += 1
        elif kind in ("strong_open", "em_open"):
            markup.emphasis[kind.removesuffix("_open")] += 1
        elif kind == "text":
            markup.texts.append(token.content)
            markup.numbers.update(_NUMBER.findall(token.content))
        elif kind not in PROSE_TOKENS:
            markup.other[kind] += 1
            if kind.startswith("html") or kind in ("fence", "colon_fence", "code_block"):
                shown = (token.content or "").strip() or token.info.strip()
                if kind in ("fence", "colon_fence"):
                    shown = f"{token.markup}{token.info}".strip()
                markup.foreign.append(shown[:60])
    return markup
