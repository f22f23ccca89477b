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
(Jinja's own cache key covers the Python version only).  A process that
runs builds one after another (``make live``, which builds the English
beside the preview first; the tests' copies of the project) keeps the
compiled code in memory too, under the same key: one build's templates
serve the next, whatever its folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import jinja2
import sphinx
from sphinx.application import Sphinx


def cache_dir(doctreedir: Path) -> Path:
    """Where a build's compiled templates are kept."""
    return Path(doctreedir) / f"jinja-{jinja2.__version__}-sphinx-{sphinx.__version__}"


class KeptBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache on disk, and in this process's memory for the builds after.

    A bucket's key names the template (its name and file); the code kept
    carries the checksum of the source it was compiled from, which Jinja
    checks when it loads it, so an edited template is compiled again.  Code
    found in memory is written to this build's folder too, so that the next
    process finds it there.
    """

    kept: ClassVar[dict[str, bytes]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.kept.get(bucket.key)
        if code is None:
            super().load_bytecode(bucket)
            if bucket.code is not None:
                self.kept[bucket.key] = bucket.bytecode_to_string()
            return
        bucket.bytecode_from_string(code)
        if bucket.code is not None and not Path(self._get_cache_filename(bucket)).exists():
            super().dump_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        super().dump_bytecode(bucket)
        self.kept[bucket.key] = bucket.bytecode_to_string()


def cache_templates(app: Sphinx) -> None:
    """Give the builder's Jinja environment a bytecode cache in the doctrees."""
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if not isinstance(environment, jinja2.Environment):
        return
    folder = cache_dir(app.doctreedir)
    folder.mkdir(parents=True, exist_ok=True)
    environment.bytecode_cache = KeptBytecodeCache(str(folder))


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the cache; templates are compiled lazily, after builder-inited."""
    app.connect("builder-inited", cache_templates)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
