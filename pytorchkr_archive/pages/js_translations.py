"""Complete the JavaScript message catalog that Sphinx ships to the search page.

Sphinx copies its own ``translations.js`` for the language, and Sphinx 9.0's
Korean one leaves the search result count ("Search finished, found ... pages
matching the search query.") untranslated, so the search page of the Korean
site would report its results in English.  After the build, every message that
is empty in the shipped file is filled from the build's catalogs, in which
``locale/<lang>/LC_MESSAGES/sphinx.po`` comes first.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: Search messages that the JavaScript asks for with ``ngettext``.  Korean has
#: one plural form, translated through the catalog's plural message id.
PLURAL_MESSAGES = {
    "Search finished, found one page matching the search query.": (
        "Search finished, found ${resultCount} pages matching the search query."
    ),
}
_CALL = re.compile(r"^(Documentation\.addTranslations\()(.*)(\);\s*)$", re.S)


def fill_catalog(messages: dict[str, Any], gettext: Any) -> list[str]:
    """Fill the empty messages of a ``translations.js`` catalog; return those left empty."""
    missing = []
    for msgid, value in messages.items():
        if isinstance(value, list):
            if all(value):
                continue
            source = PLURAL_MESSAGES.get(msgid, msgid)
            translated = gettext(source)
            messages[msgid] = [translated if translated != source else ""] * len(value)
        elif not value:
            translated = gettext(msgid)
            messages[msgid] = translated if translated != msgid else ""
        if not messages[msgid] or messages[msgid] == [""]:
            missing.append(msgid)
    return missing


def complete_translations_js(app: Sphinx, exception: Exception | None) -> None:
    """Rewrite ``_static/translations.js`` with the missing messages filled in."""
    if exception or app.builder.format != "html" or not app.config.language:
        return
    path = Path(app.outdir, "_static", "translations.js")
    if not path.is_file():
        return
    match = _CALL.match(path.read_text(encoding="utf-8"))
    if not match:
        logger.warning("%s is not in the format Sphinx writes; left as it is", path)
        return
    catalog = json.loads(match.group(2))
    fill_catalog(catalog["messages"], app.translator.gettext)
    body = json.dumps(catalog, ensure_ascii=False, indent=4, sort_keys=True)
    path.write_text(match.group(1) + body + match.group(3), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the post-build step."""
    app.connect("build-finished", complete_translations_js)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
