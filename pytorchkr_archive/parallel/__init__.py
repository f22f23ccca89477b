"""The parallel view: every block of a page with the same block in another language.

A reader turns it on with the control in the language bar (or a link with
``?parallel=<language>``); under each heading, paragraph, caption and event
card field, the same block is shown in the language asked for, marked with
its ``lang``, and, for translators, with the state of its translation and a
link to its line in the catalog.  Nothing of the other language is loaded
before the reader asks.

How it is built, in the order a page goes through:

- :mod:`.keys`: before Sphinx translates a page, each block is noted with
  its English message, the key that matches blocks across languages;
- :mod:`.markers`: the HTML writer marks where each block starts and ends;
- :mod:`.fragments`: the marks are read out of the body (which leaves it as
  it would be without the view) into each block's HTML and place;
- :mod:`.entries`, :mod:`.edit_links`: each block's catalog entry (line,
  fuzzy, proposed text) and the web editor's link to it;
- :mod:`.page_data`: the page's data file in this language, ``_parallel/``;
- :mod:`.control`: the handler that does the above for each page and gives
  the template the control; the browser's side is in ``static/``.
"""

from __future__ import annotations

import os
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from pytorchkr_archive.pages.theme_l10n import add_module_messages
from pytorchkr_archive.parallel import control
from pytorchkr_archive.parallel.edit_links import repository
from pytorchkr_archive.parallel.keys import NoteBlockMessages
from pytorchkr_archive.parallel.markers import marking


def add_paths(app: Sphinx, config: Config) -> None:
    config.templates_path.insert(0, str(control.TEMPLATES))
    config.html_static_path.append(str(control.STATIC))


def prepare_builder(app: Sphinx) -> None:
    """Mark blocks in the HTML builders' output; put the view's strings in ``sphinx.pot``."""
    add_module_messages(app, control.__file__, control.UI_MESSAGES.values())
    config = app.config
    app.builder.archive_repository = repository(
        config.archive_repository, config.archive_repository_branch, os.environ
    )
    if app.builder.format == "html" and config.archive_parallel_view:
        base = app.registry.get_translator_class(app.builder)
        app.set_translator(app.builder.name, marking(base), override=True)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the view's settings, transform and handlers."""
    app.add_config_value("archive_parallel_view", True, "html", types=frozenset({bool}))
    # The repository's web address (GitHub or GitLab) for the edit links; on
    # Read the Docs, the repository it built from when this is empty.
    app.add_config_value("archive_repository", "", "html", types=frozenset({str}))
    app.add_config_value("archive_repository_branch", "", "html", types=frozenset({str}))
    app.add_transform(NoteBlockMessages)
    app.connect("config-inited", add_paths)
    app.connect("builder-inited", prepare_builder)
    app.connect("html-page-context", control.add_parallel_view, priority=100)
    # After the language module has the page's counterparts (priority 800).
    app.connect("html-page-context", control.add_other_languages, priority=850)
    # Bump env_version when what NoteBlockMessages notes changes.
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
