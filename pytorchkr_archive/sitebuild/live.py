"""``make live``: the preview server, rebuilding without starting Python again.

sphinx-autobuild runs every rebuild as ``python -m sphinx build``: a new
interpreter that imports Sphinx, MyST, Furo and the archive's extensions
(half a second) before it looks at the one ``.po`` file a translator saved.
On this archive that start-up was most of the translator's loop: a rebuild
after one edited ``msgstr`` took as long as a full Korean build.

Here the first build runs in the server's own process.  sphinx-autobuild's
watcher hands each rebuild to a new worker process (a ``ProcessPoolExecutor``,
forked: Python's default start method on Linux up to 3.13), so a rebuild
starts with everything already imported and whatever it changes ends with it.
It is otherwise Sphinx's own command line with the same arguments, with one
exception: message catalogs are cached per process, by Sphinx
(``sphinx.locale.translators``) and by Python's ``gettext`` (by the ``.mo``
file's path), and a forked worker inherits those of the first build, which
would serve the translations as they were then.  Both caches are emptied
before each build.

The parallel view shows each block beside the same block in another
language, which is another build's output.  The preview serves one language
at the root of its folder; before its first build, the other languages are
built once into sub-folders named by their code (``_build/live/ko/en/``),
where the page's relative links to them lead (a path cannot go above the
server's root, so ``../en/`` from a page at the root is ``/en/``).  A
translator sees a saved change beside its English source; a change to the
English sources shows in the other languages on the next ``make live``.

Changes to the archive's Python code are not picked up by a running server:
restart it.

Stopping: Ctrl+C stops the server and its workers.  So does the end of the
``make`` that started it, however it ends (``kill``, a closed terminal, an
IDE's stop button): the server watches its parent process, since a signal
sent to ``make`` alone does not reach its commands.  The port is checked
before anything is built or announced: a busy port is an error that says
which ``PORT=`` to give instead.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import sphinx.cmd.build
from sphinx_autobuild import __main__ as autobuild
from sphinx_autobuild.build import Builder
from sphinx_autobuild.utils import show_command, show_message

from pytorchkr_archive.sphinx_build import run as sphinx_run


def sphinx_build(args: Sequence[str]) -> int:
    """``sphinx-build`` with ``args``, in this process, its output on the terminal."""
    return sphinx_run(args).status


def _shown(paths: Sequence[Path]) -> list[str]:
    shown = []
    for path in paths[:5]:
        if path.exists():
            with contextlib.suppress(ValueError):
                path = path.relative_to(Path.cwd())
            shown.append(path.as_posix())
    return shown


class WarmBuilder(Builder):
    """sphinx-autobuild's builder, running Sphinx in its own (warm) process."""

    def __call__(self, *, changed_paths: Sequence[Path]) -> None:
        if changed_paths:
            if shown := _shown(changed_paths):
                show_message(f"Detected changes ({', '.join(shown)})")
            show_message("Rebuilding...")
        if self._run_commands(self.pre_build_commands, "pre-build") != 0:
            return
        show_command(["sphinx-build", *self.sphinx_args])
        status = sphinx_build(self.sphinx_args)
        if status:
            print(
                f"Sphinx exited with exit code: {status}\n"
                "The server goes on serving the last build, which no longer matches "
                "the sources: fix the problem above, or press Ctrl+C to stop."
            )
        else:
            self._run_commands(self.post_build_commands, "post-build")
        show_message(f"Serving on {self.uri}")


def build_beside(args: Sequence[str]) -> None:
    """Build, once, every language but the previewed one into the preview's folder.

    ``args`` is the preview's command line (sphinx-autobuild's, read by its own
    parser): its source and output folders, and ``-D language=xx``.
    """
    from pytorchkr_archive.project import project_languages

    where, build_args = autobuild._parse_args(list(args))
    defines = sphinx.cmd.build.get_parser().parse_args(build_args).define or []
    lang = next((d.partition("=")[2] for d in defines if d.startswith("language=")), "")
    languages = project_languages(where.sourcedir)
    for code, entry in languages.table.items():
        if code == (lang or languages.default):
            continue
        show_message(f"Building {entry['name']} beside it, for the parallel view (once)")
        out = where.outdir / code
        status = sphinx_build(
            ["-b", "html", "-q", "-D", f"language={code}", str(where.sourcedir), str(out)]
        )
        if status:
            print(f"The {code} build failed (see above): the parallel view will say so.")


def port_in_use(host: str, port: int) -> bool:
    """Whether another process listens on ``host:port`` (as uvicorn binds it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as error:
            return error.errno in (errno.EADDRINUSE, errno.EACCES)
    return False


def stop_with_parent(interval: float = 0.5) -> None:
    """Stop this server when the process that started it (``make``) is gone.

    When the parent ends, the process is adopted by another one, and its
    parent's id changes: then SIGTERM, which uvicorn answers by shutting
    down in order (before the server runs, it ends the process at once).
    """
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="stop-with-parent", daemon=True).start()


def main(argv: Sequence[str] | None = None) -> int:
    """sphinx-autobuild's command line, with :class:`WarmBuilder` as its builder."""
    args = list(argv) if argv is not None else sys.argv[1:]
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument("--host", default="127.0.0.1")
    where.add_argument("--port", type=int, default=8000)
    known, _ = where.parse_known_args(args)
    if known.port and port_in_use(known.host, known.port):
        print(
            f"error: port {known.port} is in use (another make live or make serve?): stop "
            f"that server, or give another port: make live PORT={known.port + 1}",
            file=sys.stderr,
        )
        return 2
    stop_with_parent()
    print("Ctrl+C stops the preview.")
    build_beside(args)
    autobuild.Builder = WarmBuilder  # type: ignore[misc]
    autobuild.main(args)
    return 0


if __name__ == "__main__":
    # Run the module's own copy, not __main__'s: the worker processes find
    # the builder by its importable name.
    from pytorchkr_archive.sitebuild.live import main as _main

    sys.exit(_main())
