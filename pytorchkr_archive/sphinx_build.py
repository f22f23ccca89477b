"""``sphinx-build`` run in this process, and what it prints less what says nothing.

Starting a Python process for Sphinx costs more than a small build: most of a
second goes to importing Sphinx, MyST, Furo and the archive's extensions,
where extracting the English's messages takes half that.  So the commands
that build on the side (``make gettext`` and the translators' commands that
compare with the English, ``make live``'s rebuilds) run Sphinx in their own
process, and the tests build their copies of the project the same way.  A
build is the same in any process: the message templates name the archive's
own templates by their place in the project, wherever Python imported the
archive from (:func:`pytorchkr_archive.pages.theme_l10n.in_project`).
``make html`` starts one process per language, which is how it builds them
side by side.

What Sphinx prints is shown without two kinds of lines that only made a
translator wonder what to install or what went wrong:

- sphinxext-opengraph prints "matplotlib is not installed, social cards will
  not be generated" whenever it is imported without matplotlib.  The archive
  turns social cards off (``ogp_social_cards`` in ``conf.py``) and so never
  needs matplotlib.
- MyST prints its whole configuration (``myst v5.2.0: MdParserConfig(...)``,
  one line of some thirty settings) at the start of every build that is not
  ``-q``, whatever the settings (``myst_parser.sphinx_ext.main``,
  ``create_myst_config``, at ``builder-inited``): a problem never shows there.
"""

from __future__ import annotations

import contextlib
import gettext
import io
import multiprocessing
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

NOISE = frozenset({"matplotlib is not installed, social cards will not be generated"})
#: Lines that differ from one release to the next, by their start.
NOISE_PATTERNS = (
    re.compile(r"^(?:\x1b\[[0-9;]*m)*myst v\S+:(?:\x1b\[[0-9;]*m)* MdParserConfig\("),
)


def noise(line: str) -> bool:
    """Whether a line of Sphinx's output says nothing to our users."""
    text = line.strip()
    return text in NOISE or any(pattern.match(text) for pattern in NOISE_PATTERNS)


def clean(output: str) -> str:
    """``output`` without the known noise lines."""
    return "".join(line for line in output.splitlines(True) if not noise(line))


def import_extensions() -> None:
    """Import Sphinx's own extensions while no language's catalogs are registered.

    Sphinx's ``_()`` is lazy only until a build registers the catalogs of its
    language; then it translates at once.  Sphinx imports its extensions after
    that, when the first build of a process sets up, so the labels they make
    at import (the "Python Module Index" of the inventory's ``py-modindex``)
    kept the first build's language for the process's life: ``make live
    LANG=ko`` builds the English beside the preview first, and the Korean
    preview's inventory said "Python Module Index".  Imported here first,
    they stay lazy and follow each build's language.  Other extensions the
    archive uses translate nothing at import.
    """
    import importlib

    import sphinx.application

    names = sphinx.application.builtin_extensions
    for name in (*names, *getattr(sphinx.application, "_first_party_extensions", ())):
        importlib.import_module(name)


@dataclass(frozen=True)
class Run:
    """A ``sphinx-build`` run: its exit status and, when kept, what it printed
    (standard output, then standard error), noise left out."""

    status: int
    stdout: str = ""
    stderr: str = ""


def run(args: Sequence[str], *, capture: bool = False) -> Run:
    """``sphinx-build args`` in this process (``capture``: its output kept, not printed).

    Each run reads the catalogs afresh: Sphinx keeps its translators, and
    ``gettext.translation()`` every catalog it opened, for the process's
    life; and each run translates in its own language
    (:func:`import_extensions`).  A run leaves no process behind: sphinx-sitemap starts a
    multiprocessing manager for every build and counts on the build's
    process ending to stop it.  ``sys.path``, which ``conf.py`` extends with
    the project's folder, is left as it was.
    """
    import sphinx.cmd.build
    import sphinx.locale

    sphinx.locale.translators.clear()
    # gettext.translation() keeps every catalog it opened, keyed by path; the
    # cache is private but has not changed since Python 2.
    getattr(gettext, "_translations", {}).clear()
    import_extensions()
    running = set(multiprocessing.active_children())
    path = list(sys.path)
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.ExitStack() as stack:
            if capture:
                stack.enter_context(contextlib.redirect_stdout(out))
                stack.enter_context(contextlib.redirect_stderr(err))
            status = sphinx.cmd.build.main(["build", *args])
    finally:
        sys.path[:] = path
        # Killed, not terminated: a worker forked from a running server (make
        # live's) has uvicorn's SIGTERM handler, which only asks a server to stop.
        for process in set(multiprocessing.active_children()) - running:
            process.kill()
            process.join()
    return Run(status, clean(out.getvalue()), clean(err.getvalue()))
