"""Accessibility fixes to the markup that Sphinx and Furo write.

axe-core (run on every kind of page by ``tests/in_browser/test_accessibility.py``)
finds three faults in an unchanged Sphinx 9.0 + Furo 2025.12 page; each is
fixed here at its cause rather than by disabling the rule:

- Sphinx writes a toctree's caption as ``<p role="heading">`` with no
  ``aria-level``, which a heading role requires (``aria-required-attr``).  The
  captions head the sidebar's groups, under the page's ``<h1>``: level 2.
- Furo writes its announcement bar (where the archive's language switch
  stands), its navigation sidebar and its table of contents as unnamed
  ``<aside>`` elements: several complementary landmarks with no name to tell
  them apart (``landmark-unique``).  Each is named after what it holds, in
  the page's language.
- The search page has no level-one heading (``page-has-heading-one``): the
  archive's ``search.html`` adds one.
- Furo's "Back to top" button stands outside every landmark, so axe reports
  it (``region``) whenever it shows, which Furo does as soon as the reader
  scrolls up: a verdict that depended on scroll timing.  It is put in a
  navigation landmark of its own, named after it; being fixed in place, it
  takes no room there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.locale import _
from sphinx.writers.html5 import HTML5Translator

from pytorchkr_archive.escaping.html import attribute

#: The name of Furo's announcement bar, which holds the language switch and
#: the translation notice, and of its navigation sidebar.  Translated in
#: ``sphinx.po``.
ANNOUNCEMENT_LABEL = "Language and translation"
SIDEBAR_LABEL = "Site navigation"
#: Furo's table of contents is headed "On this page" (in Furo's catalog).
TOC_LABEL = "On this page"
#: Furo's ``<aside>`` start tags (Furo 2025.12.19) and their names.
LANDMARKS = {
    '<aside class="announcement-content">': ANNOUNCEMENT_LABEL,
    '<aside class="sidebar-drawer">': SIDEBAR_LABEL,
    '<aside class="toc-drawer">': TOC_LABEL,
    '<aside class="toc-drawer no-toc">': TOC_LABEL,
}


#: Furo's back-to-top button (Furo 2025.12.19) and the name of its landmark.
BACK_TO_TOP = re.compile(r'<a href="#" class="back-to-top muted-link">.*?</a>', re.S)
BACK_TO_TOP_LABEL = "Back to top"


def name_landmarks(html: str, gettext: Callable[[str], str]) -> str:
    """Give each of Furo's ``<aside>`` landmarks a name in the page's language,
    and its back-to-top button a landmark of its own."""
    for tag, label in LANDMARKS.items():
        html = html.replace(tag, f'{tag[:-1]} aria-label="{attribute(gettext(label))}">')
    name = attribute(gettext(BACK_TO_TOP_LABEL))
    return BACK_TO_TOP.sub(
        lambda m: f'<nav class="back-to-top-landmark" aria-label="{name}">{m.group(0)}</nav>',
        html,
        count=1,
    )


class ArchiveHTMLTranslator(HTML5Translator):
    """Sphinx's HTML5 translator, with toctree captions given a heading level."""

    def visit_title(self, node: nodes.title) -> None:
        """Write a toctree caption as Sphinx does, plus ``aria-level="2"``."""
        parent = node.parent
        if isinstance(parent, addnodes.compact_paragraph) and parent.get("toctree"):
            self.body.append(
                self.starttag(
                    node, "p", "", CLASS="caption", ROLE="heading", **{"aria-level": "2"}
                )
            )
            self.body.append('<span class="caption-text">')
            self.context.append("</span></p>\n")
            return
        super().visit_title(node)

    def add_permalink_ref(self, node: nodes.Element, title: str) -> None:
        """Sphinx's permalink, its translated ``title`` escaped (Sphinx writes it as it is)."""
        super().add_permalink_ref(node, attribute(title))

    def depart_title(self, node: nodes.Element) -> None:
        """Sphinx's, with the permalink's title escaped where Sphinx writes it
        itself (a title that is a link) rather than through :meth:`add_permalink_ref`."""
        start = len(self.body)
        super().depart_title(node)
        raw = _("Link to this heading")
        for index in range(start, len(self.body)):
            self.body[index] = self.body[index].replace(
                f'title="{raw}"', f'title="{attribute(raw)}"'
            )


def setup(app: Sphinx) -> dict[str, Any]:
    """Use the translator for HTML; the template fixes are in the templates and
    :class:`pytorchkr_archive.theme_l10n.LocalizingTemplateLoader`."""
    app.set_translator("html", ArchiveHTMLTranslator, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
