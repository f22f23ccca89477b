"""Build output that is replaced whole or not at all.

Sphinx writes its pages one by one into the output folder; a build that fails
half-way (a warning under ``-W``, a broken catalog, an interrupted run) would
leave a mix of new and old pages there.  So the build works on a staging copy
beside the output, and only a build that succeeded takes its place.

The staging folder starts as a copy of the previous output, file times kept,
because Sphinx decides what to rewrite by comparing a page's time with its
source: an incremental build (the translator's loop) stays incremental.

Copying the whole output for every build cost more than the build itself at
a thousand events (thousands of pages, calendars and search files for one
edited message).  So the output a build replaces is not thrown away: it is
kept beside the new one (``.<out>-spare``), and the next build starts from it,
copying only the files whose size or time differ from the output's and
removing those the output no longer has.  The spare is taken by renaming it,
so two builds at once never share it (the second copies the output whole).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def spare_of(out: Path) -> Path:
    """Where the output a build replaced is kept for the next build to start from."""
    return out.parent / f".{out.name}-spare"


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def _kind(entry: os.DirEntry[str]) -> str:
    if entry.is_symlink():
        return "link"
    return "folder" if entry.is_dir(follow_symlinks=False) else "file"


def _same_file(source: os.DirEntry[str], target: os.DirEntry[str]) -> bool:
    mine, theirs = source.stat(follow_symlinks=False), target.stat(follow_symlinks=False)
    return mine.st_size == theirs.st_size and mine.st_mtime_ns == theirs.st_mtime_ns


def mirror(source: Path, target: Path) -> None:
    """Make ``target`` a copy of ``source``, file times kept, copying only what differs.

    A file is taken as the same when its size and modification time (to the
    nanosecond) are: every build that writes a file gives it a new time, and
    the copies keep the times of what they copy.
    """
    with os.scandir(source) as entries:
        wanted = {entry.name: entry for entry in entries}
    with os.scandir(target) as entries:
        present = {entry.name: entry for entry in entries}
    for name, entry in list(present.items()):
        other = wanted.get(name)
        if other is None or _kind(other) != _kind(entry):
            _remove(Path(entry.path))
            del present[name]
    for name, entry in wanted.items():
        here, there, kind = target / name, present.get(name), _kind(entry)
        if kind == "link":
            link = Path(entry.path).readlink()
            if there is None or here.readlink() != link:
                if there is not None:
                    here.unlink()
                here.symlink_to(link)
        elif kind == "folder":
            if there is None:
                here.mkdir()
            mirror(Path(entry.path), here)
        elif there is None or not _same_file(entry, there):
            shutil.copy2(entry.path, here, follow_symlinks=False)


def _take_spare(out: Path, staging: Path) -> bool:
    """Move the kept spare into ``staging`` (an empty folder); whether there was one."""
    try:
        staging.rmdir()
        spare_of(out).rename(staging)
    except OSError:
        staging.mkdir(exist_ok=True)
        return False
    return True


@contextmanager
def staging_copy(out: Path) -> Iterator[Path]:
    """A copy of ``out`` (empty if there is none yet) to build into; removed on exit.

    Whatever happens inside, ``out`` itself is only changed by :func:`publish`.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-staging-", dir=out.parent))
    try:
        spare = _take_spare(out, staging)
        if out.is_dir():
            if spare:
                mirror(out, staging)
            else:
                shutil.copytree(out, staging, symlinks=True, dirs_exist_ok=True)
        elif spare:
            for child in staging.iterdir():
                _remove(child)
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def publish(staging: Path, out: Path) -> None:
    """Put ``staging`` in the place of ``out``; keep the previous output as the spare.

    Two renames on one file system: ``out`` is at no time a half-written folder.
    """
    previous = None
    if out.exists():
        previous = Path(tempfile.mkdtemp(prefix=f".{out.name}-previous-", dir=out.parent))
        out.rename(previous / out.name)
    staging.rename(out)
    if previous is None:
        return
    # Unless another build's spare is there already.
    with contextlib.suppress(OSError):
        (previous / out.name).rename(spare_of(out))
    shutil.rmtree(previous, ignore_errors=True)
