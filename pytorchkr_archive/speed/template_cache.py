"""Keep the theme's compiled templates between builds.

Sphinx compiles every Jinja template a build renders (Furo's page, its
sidebar parts, the archive's own) from source in each new process: about
25 templates, a fifth of a second, on every build however little changed.
That is most of what separates a rebuild after one edited ``msgstr`` from a
full build of a small archive.  Jinja's bytecode cache keeps the compiled
code on disk, keyed by the template's name and a checksum of its source, so
an edited template is compiled again.

The cache lives with the doctrees, which are a build's other cache: ``make
clean`` and a fresh checkout start without it.  Its folder is named after
the Jinja and Sphinx versions, because the compiled code depends on both
(Jinja's own cache key covers the Python version only).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import sphinx
from sphinx.application import Sphinx


def cache_dir(doctreedir: Path) -> Path:
    """Where a build's compiled templates are kept."""
    return Path(doctreedir) / f"jinja-{jinja2.__version__}-sphinx-{sphinx.__version__}"


def cache_templates(app: Sphinx) -> None:
    """Give the builder's Jinja environment a bytecode cache in the doctrees."""
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if not isinstance(environment, jinja2.Environment):
        return
    folder = cache_dir(app.doctreedir)
    folder.mkdir(parents=True, exist_ok=True)
    environment.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the cache; templates are compiled lazily, after builder-inited."""
    app.connect("builder-inited", cache_templates)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
