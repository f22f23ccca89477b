"""Translated text written into HTML: as text, as an attribute value, as an interface string.

Sphinx's template environment does not autoescape, and Sphinx's and Furo's
templates print translated interface strings (``{{ _("Search") }}``,
``{% trans %}``) as they are, many inside attributes
(``placeholder="{{ _("Search") }}"``).  So the translations the templates
see are escaped before they see them: :func:`interface_string` is what a
template's ``_()`` returns.  Where the English itself holds markup (the
footer's ``<a href="https://www.sphinx-doc.org/">Sphinx</a> and``), the
translation may hold exactly the source's elements and attributes
(:mod:`.structure`) and is written back from its parse, every tag closed;
one that holds anything else is not shown (the English is), and the catalog
gate refuses it with its file and line.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from pytorchkr_archive.escaping.structure import (
    holds_markup,
    markup_difference,
    parse_fragment,
    serialize,
)


class Escaped(str):
    """A string already escaped for HTML.

    Jinja's ``|e`` leaves it as it is (it has ``__html__``), so a template
    that escapes ``_()`` itself does not escape it twice; ``%`` and
    ``|format`` give plain strings, as they did before, so the values a
    template puts into a translation are written as the template wrote them.
    """

    __slots__ = ()

    def __html__(self) -> str:
        return str(self)


def attribute(text: str) -> str:
    """``text`` as the value of a quoted attribute (``"`` and ``'`` both)."""
    return html.escape(text, quote=True)


def text(value: str) -> str:
    """``value`` as the text of an element (the attribute escape, which covers it)."""
    return html.escape(value, quote=True)


@lru_cache(maxsize=4096)
def interface_string(source: str, translation: str) -> Escaped:
    """What a template prints for the translation of the interface string ``source``.

    The English (``translation == source``) is the templates' own and is
    printed as written; a translation is escaped for any place in a page, or,
    where the source holds markup, written back from its parse when its markup
    is the source's and replaced by the source when it is not.
    """
    if translation == source:
        return Escaped(source)
    if not holds_markup(source):
        return Escaped(text(translation))
    if markup_difference(source, translation) is not None:
        return Escaped(source)
    return Escaped(serialize(parse_fragment(translation)))


def _source(name: str, arguments: tuple[Any, ...]) -> str:
    """The English a gettext-family call translates, by the function's signature."""
    if name == "gettext":
        return arguments[0]
    if name == "pgettext":
        return arguments[1]
    singular, plural, number = arguments[-3:]
    return singular if number == 1 else plural


def escaping(name: str, translate: Callable[..., str]) -> Callable[..., Escaped]:
    """``translate`` (the ``name`` of the gettext family), returning
    :func:`interface_string`'s output instead of the bare translation."""

    def escaped(*arguments: Any) -> Escaped:
        return interface_string(_source(name, arguments), str(translate(*arguments)))

    escaped.archive_escaping = True  # type: ignore[attr-defined]
    return escaped


#: What a Jinja environment with the i18n extension calls to translate.
GETTEXT_FAMILY = ("gettext", "ngettext", "pgettext", "npgettext")


def install_escaping_translations(environment: Any) -> None:
    """Make a Jinja environment's ``_()``, ``gettext`` and the rest of the family
    (and the ``{% trans %}`` blocks, which call them) return escaped translations.

    The environment keeps its translations (those Sphinx installed, with the
    project's ``locale_dirs`` first); only what they return is escaped.  An
    environment without the i18n extension is left alone.
    """
    names = environment.globals
    for name in GETTEXT_FAMILY:
        translate = names.get(name)
        if callable(translate) and not getattr(translate, "archive_escaping", False):
            names[name] = escaping(name, translate)
