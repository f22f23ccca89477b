"""Say so on a page whose translation is incomplete.

Sphinx counts, for each page it reads in a translated language, the
translatable elements and those it found a translation for (fuzzy and empty
messages do not count: those paragraphs show in English).  A page below 100 %
gets a notice in its own language with the share translated, a link to the
English page and one to the page on helping to translate.

Sphinx 9.0's count misses three kinds of translated elements, which would put
the notice on complete pages: an image whose alt text was translated, a
table of contents whose caption was, and a message whose translation is the
same text as the source (a name, a talk title kept in English).  Two
transforms around Sphinx's ``Locale`` correct the count before Sphinx totals
it.

Sphinx counts elements, the catalogs hold messages: a heading that is also a
table of contents' caption ("Events" on the landing page) is one message,
but two elements.  A third transform, after Sphinx's total, counts each
message once, so the notice counts what ``make stats`` counts
(:mod:`pytorchkr_archive.catalogs.progress`): the messages of the page's
template, each translated or not.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.locale import init as init_locale
from sphinx.transforms import SphinxTransform
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import NodeMatcher, extract_messages

from pytorchkr_archive.catalogs.progress import share
from pytorchkr_archive.events.facts.built import translations

_SOURCE = "archive_source_message"
#: The message each translatable element comes from, noted before ``Locale`` changes it.
_COUNTED = "archive_counted_message"
#: Elements whose message is an attribute, which ``Locale`` replaces in place.
_MESSAGE_ATTRIBUTES = ((nodes.image, "alt"), (addnodes.toctree, "caption"))


class RememberSourceMessages(SphinxTransform):
    """Keep alt texts and captions in English before ``Locale`` (priority 20) translates them."""

    default_priority = 19

    def apply(self, **kwargs: Any) -> None:
        for node_class, attribute in _MESSAGE_ATTRIBUTES:
            for node in self.document.findall(node_class):
                if node.get(attribute):
                    node[_SOURCE] = node[attribute]
        for node, message in extract_messages(self.document):
            node.setdefault(_COUNTED, message)


class CountAllTranslatedElements(SphinxTransform):
    """Mark as translated what the catalog translates but Sphinx counted as not.

    Runs after ``Locale`` (20) and before Sphinx's progress total (25).
    """

    default_priority = 21

    def apply(self, **kwargs: Any) -> None:
        config = self.config
        if not config.language or config.language == config.archive_default_language:
            return
        domain = docname_to_domain(self.env.docname, config.gettext_compact)
        dirs = [self.env.srcdir / directory for directory in config.locale_dirs]
        translator, has_catalog = init_locale(dirs, config.language, domain)
        catalog = getattr(translator, "_catalog", {}) if has_catalog else {}
        for node in NodeMatcher(nodes.Element, translated=False).findall(self.document):
            if _in_docinfo(node):
                # Front matter fields (orphan: true) are metadata, not shown.
                del node["translated"]
                continue
            message = node.get(_SOURCE) or node.rawsource.replace("\n", " ").strip()
            if message and catalog.get(message):
                node["translated"] = True
        for node in self.document.findall(nodes.Element):
            node.attributes.pop(_SOURCE, None)


#: The page that explains how to help translate, linked from the notice.
HELP_PAGE = "translating"


class CountEachMessageOnce(SphinxTransform):
    """Make the page's progress count messages, not elements.

    Runs after Sphinx's total (25).  An element keeps its ``translated`` mark
    (the parallel view reads it); only the page's total changes.
    """

    default_priority = 26

    def apply(self, **kwargs: Any) -> None:
        progress = self.document.get("translation_progress")
        if progress is not None:
            translated: dict[object, bool] = {}
            for node in NodeMatcher(nodes.Element, translated=Any).findall(self.document):
                message = node.get(_COUNTED, id(node))
                translated[message] = translated.get(message, False) or bool(node["translated"])
            self.document["translation_progress"] = {
                "total": len(translated),
                "translated": sum(translated.values()),
            }
        for node in self.document.findall(nodes.Element):
            node.attributes.pop(_COUNTED, None)


def _in_docinfo(node: nodes.Node) -> bool:
    """Whether a node is part of the page's metadata (front matter fields).

    Before docutils' DocInfo transform, that is a field list at the top of the
    document, outside any section.
    """
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.docinfo) or (
            isinstance(parent, nodes.field_list) and isinstance(parent.parent, nodes.document)
        ):
            return True
        parent = parent.parent
    return False


def translated_percent(
    doctree: nodes.document | None, fields: tuple[int, int] = (0, 0)
) -> int | None:
    """The share of a page's elements that are translated, None if unknown.

    ``fields`` adds an event page's facts (translated, total), which its card
    shows from the catalog like any paragraph.  Rounded as ``make stats``
    rounds (:func:`pytorchkr_archive.catalogs.progress.share`).
    """
    progress = doctree.get("translation_progress") if doctree is not None else None
    translated, total = fields
    if progress:
        translated += progress.get("translated", 0)
        total += progress.get("total", 0)
    if not total:
        return None
    return share(translated, total)


def event_fields(app: Sphinx, pagename: str) -> tuple[int, int]:
    """(translated, total) events' facts this page's catalog holds: an event's
    on its page, the people's names on the speakers page."""
    return translations(app.env).count(pagename)


def add_translation_status(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Give the template the page's translation share when it is incomplete."""
    context["archive_translation_percent"] = None
    if app.config.language == app.config.archive_default_language:
        return
    percent = translated_percent(doctree, event_fields(app, pagename))
    if percent is None or percent >= 100:
        return
    context["archive_translation_percent"] = percent
    context["archive_translation_help"] = (
        context["pathto"](HELP_PAGE) if HELP_PAGE in app.env.found_docs else None
    )


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the transforms and the handler (after the language module's links)."""
    app.add_transform(RememberSourceMessages)
    app.add_transform(CountAllTranslatedElements)
    app.add_transform(CountEachMessageOnce)
    app.connect("html-page-context", add_translation_status, priority=850)
    # Bump env_version when the count changes: doctrees keep its result.
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}
