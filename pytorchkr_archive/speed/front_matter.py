"""MyST reads each page's front matter with libyaml, as the archive does, not in pure Python.

MyST parses a page's YAML front matter twice (``read_topmatter`` for the
page's own MyST settings, ``render_front_matter`` for its metadata), each
time with ``yaml.safe_load``: PyYAML's parser written in Python.  An event
page's front matter is the whole event, so an event page paid about 9 ms
of parsing per read (56 ms for the thirteen events of the record, a second
for the tests' 110-event archive), where PyYAML's binding of libyaml, the C
library that the archive's own reading of the events already uses
(:mod:`pytorchkr_archive.events.facts.schema`), takes a fifteenth of it.

Both of MyST's readings are given ``safe_load`` with libyaml's safe loader:
the same YAML language and the same Python values, and the same error
classes for a malformed block (MyST's warning is unchanged).  The pages are
the same byte for byte (``tests/speed/test_front_matter.py``).  Where
PyYAML was built without libyaml, nothing is changed.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable, Iterator
from typing import Any

import yaml
from myst_parser.mdit_to_docutils import base
from myst_parser.parsers import docutils_ as myst_docutils
from myst_parser.parsers import sphinx_ as myst_sphinx
from sphinx.application import Sphinx

#: MyST's own reading of the front matter (which imports ``yaml`` when called).
MYST_READ_TOPMATTER = myst_sphinx.read_topmatter


def c_safe_load(text: str) -> Any:
    """``yaml.safe_load`` with libyaml's parser."""
    return yaml.load(text, Loader=yaml.CSafeLoader)


def with_c_yaml(read: Callable[..., Any]) -> Callable[..., Any]:
    """``read`` (MyST's ``read_topmatter``) with ``yaml.safe_load`` as libyaml's
    while it runs: it imports ``yaml`` inside, so no module attribute of MyST's
    can be given the faster one."""

    @functools.wraps(read)
    def reading(text: str | Iterator[str]) -> dict[str, Any] | None:
        pure = yaml.safe_load
        yaml.safe_load = c_safe_load
        try:
            return read(text)
        finally:
            yaml.safe_load = pure

    return reading


def setup(app: Sphinx) -> dict[str, Any]:
    """Give both of MyST's readings of the front matter libyaml's parser."""
    if getattr(yaml, "__with_libyaml__", False):
        base.yaml = types.SimpleNamespace(safe_load=c_safe_load)  # type: ignore[attr-defined]
        reading = with_c_yaml(MYST_READ_TOPMATTER)
        myst_sphinx.read_topmatter = reading  # type: ignore[attr-defined]
        myst_docutils.read_topmatter = reading  # type: ignore[attr-defined]
    return {"parallel_read_safe": True, "parallel_write_safe": True}
