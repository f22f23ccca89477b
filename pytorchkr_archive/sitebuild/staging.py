"""Build output that is replaced whole or not at all.

Sphinx writes its pages one by one into the output folder; a build that fails
half-way (a warning under ``-W``, a broken catalog, an interrupted run) would
leave a mix of new and old pages there.  So the build works on a staging copy
beside the output, and only a build that succeeded takes its place.

The staging folder starts as a copy of the previous output, file times kept,
because Sphinx decides what to rewrite by comparing a page's time with its
source: an incremental build (the translator's loop) stays incremental.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staging_copy(out: Path) -> Iterator[Path]:
    """A copy of ``out`` (empty if there is none yet) to build into; removed on exit.

    Whatever happens inside, ``out`` itself is only changed by :func:`publish`.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-staging-", dir=out.parent))
    try:
        if out.is_dir():
            shutil.copytree(out, staging, symlinks=True, dirs_exist_ok=True)
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def publish(staging: Path, out: Path) -> None:
    """Put ``staging`` in the place of ``out``, then remove the previous output.

    Two renames on one file system: ``out`` is at no time a half-written folder.
    """
    previous = None
    if out.exists():
        previous = Path(tempfile.mkdtemp(prefix=f".{out.name}-previous-", dir=out.parent))
        out.rename(previous / out.name)
    staging.rename(out)
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
