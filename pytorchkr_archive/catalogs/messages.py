"""Does a translation keep the markup of its source, and bring none of its own?

Two kinds of catalogs: a page's (messages are MyST Markdown, compared with
:mod:`pytorchkr_archive.catalogs.markup`) and ``sphinx.po`` (the interface: Jinja
template strings with HTML and ``%(name)s`` placeholders, which Furo's
templates output unescaped).  Every check here is one the Sphinx build does
not make: it would publish a dropped link, a changed number or a ``<script>``
as written.
"""

from __future__ import annotations

import re
from collections import Counter

from babel.messages.catalog import Catalog, Message

from pytorchkr_archive.catalogs.glossary import Term, glossary_problems
from pytorchkr_archive.catalogs.markup import read
from pytorchkr_archive.escaping.structure import holds_markup, markup_difference
from pytorchkr_archive.problems import Problem, excerpt

#: The catalog of the interface strings (templates), not of a page.
INTERFACE_DOMAIN = "sphinx"
_HANGUL = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f"
#: An emphasis delimiter run left in the text (not closed) next to Hangul.
_UNCLOSED_EMPHASIS = re.compile(rf"(?<=[^\s*_])(\*{{1,3}}|_{{1,3}})(?=[{_HANGUL}])")
_JS_PLACEHOLDER = re.compile(r"\$\{[^}]*\}")


def _difference(source: Counter, translation: Counter) -> str:
    dropped = list((source - translation).elements())
    added = list((translation - source).elements())
    parts = []
    if dropped:
        parts.append(f"the source's {', '.join(map(str, dropped))} missing")
    if added:
        parts.append(f"{', '.join(map(str, added))} not in the source")
    return "; ".join(parts)


def page_message_problems(message: Message, shown: str, terms: list[Term]) -> list[Problem]:
    """The checks of one translated message of a page (MyST Markdown), glossary included."""
    line = message.lineno or 1
    name = excerpt(message.id)
    source, translation = read(message.id), read(message.string)
    problems = glossary_problems(
        terms, " ".join(source.texts), message.string, shown, line, message.user_comments
    )

    def error(check: str, text: str) -> None:
        problems.append(Problem(shown, line, "error", check, f"{text} (msgid {name})"))

    if source.links != translation.links:
        error(
            "links",
            f"links differ from the source: {_difference(source.links, translation.links)}"
            "; keep every link as an inline link [text](URL) with the same URL",
        )
    if source.images != translation.images:
        error("images", f"images differ: {_difference(source.images, translation.images)}")
    if source.code != translation.code:
        error(
            "code",
            f"inline code differs: {_difference(source.code, translation.code)}; "
            "copy `code` unchanged",
        )
    if source.roles != translation.roles:
        roles = {k: f"{{{k[0]}}}`{k[1]}`" for k in source.roles | translation.roles}
        error(
            "roles",
            "MyST roles or their targets differ: "
            + _difference(
                Counter({roles[k]: n for k, n in source.roles.items()}),
                Counter({roles[k]: n for k, n in translation.roles.items()}),
            )
            + "; keep each {role}`target` (a title may be translated: {doc}`제목 <target>`)",
        )
    if source.footnotes != translation.footnotes:
        error(
            "footnotes",
            "footnote references differ: " + _difference(source.footnotes, translation.footnotes),
        )
    missing_numbers = source.numbers - translation.numbers
    if missing_numbers:
        error(
            "numbers",
            f"the source's number(s) {', '.join(missing_numbers.elements())} "
            "are not in the translation; write numbers as the source does",
        )
    brought = translation.other - source.other
    if brought:
        shown_markup = ", ".join(translation.foreign) or ", ".join(brought)
        error(
            "markup",
            f"the translation brings markup the source does not have "
            f"({', '.join(sorted(brought))}: {shown_markup}); a translation may "
            "not add raw HTML, directives or blocks",
        )
    for text in translation.texts:
        match = _UNCLOSED_EMPHASIS.search(text)
        if match and match.group(1) not in message.id:
            particle = text[match.end()]
            error(
                "emphasis",
                f"{match.group(1)!r} before {particle!r} is not closed: CommonMark "
                "does not end emphasis whose last character is punctuation when a Hangul "
                "letter follows. Write {strong}`...` (or {emphasis}`...`) instead, or end "
                "the emphasis before the punctuation",
            )
            break
    return problems


def _sources(ids: tuple[str, ...], forms: int) -> list[str]:
    """The English each plural form translates: the singular for the first, the plural after."""
    return [ids[0] if index == 0 else ids[-1] for index in range(forms)]


def interface_markup_problem(source: str, translation: str) -> str | None:
    """Why an interface string's translation may not be printed, if it may not.

    The templates print these strings into HTML (:mod:`pytorchkr_archive.escaping.html`):
    a translation of markup must hold exactly the source's elements and
    attributes, as a browser parses both; a translation of text must be text.
    """
    if holds_markup(source):
        difference = markup_difference(source, translation)
        if difference:
            return (
                f"the HTML differs from the source's as a browser reads it: {difference}; "
                "keep the source's tags and attributes exactly, and translate only the text"
            )
        return None
    if holds_markup(translation):
        return (
            "the source is plain text and the interface prints it as text, but the "
            "translation holds HTML (a tag, a comment or a character reference such as "
            "&amp;): write the characters themselves"
        )
    return None


def interface_message_problems(catalog: Catalog, message: Message, shown: str) -> list[Problem]:
    """The checks of one translated interface string (``sphinx.po``)."""
    line = message.lineno or 1
    name = excerpt(message.id if isinstance(message.id, str) else message.id[0])
    # %(name)s and {name} placeholders are checked with the catalog's
    # well-formedness (pytorchkr_archive.catalogs.formats), as msgfmt --check does.
    problems = []
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    source_js = Counter(p for i in ids for p in _JS_PLACEHOLDER.findall(i))
    for string, source in zip(strings, _sources(ids, len(strings)), strict=True):
        difference = interface_markup_problem(source, string)
        if difference:
            problems.append(
                Problem(
                    shown,
                    line,
                    "error",
                    "markup",
                    f"{difference} (msgid {name})",
                )
            )
        if "\n" in string and "\n" not in source:
            problems.append(
                Problem(
                    shown,
                    line,
                    "error",
                    "line breaks",
                    "the source is one line and the translation is not: interface strings "
                    "are labels and titles, some written one to a line (the index's name "
                    f"in objects.inv); write it on one line (msgid {name})",
                )
            )
        if not Counter(_JS_PLACEHOLDER.findall(string)) <= source_js or (
            source_js and not _JS_PLACEHOLDER.search(string)
        ):
            problems.append(
                Problem(
                    shown,
                    line,
                    "error",
                    "placeholders",
                    f"${{...}} placeholders differ from the source (msgid {name})",
                )
            )
    return problems


def message_problems(
    catalog: Catalog, domain: str, shown: str, terms: list[Term]
) -> list[Problem]:
    """Every markup, safety and glossary problem of a catalog's translated messages."""
    problems: list[Problem] = []
    for message in catalog:
        if not message.id or message.fuzzy or not message.string:
            continue
        if domain == INTERFACE_DOMAIN:
            problems += interface_message_problems(catalog, message, shown)
            continue
        problems += page_message_problems(message, shown, terms)
    return problems
