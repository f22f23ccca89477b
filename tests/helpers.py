"""Reading built pages and the seed texts, and sharing builds between workers, for the tests."""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import pickle
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TypeVar
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from filelock import FileLock

T = TypeVar("T")

SEEDS = Path(__file__).resolve().parent / "seeds"


def soup(path: Path) -> BeautifulSoup:
    """A built page, parsed."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def normalize(text: str) -> str:
    """Text as compared: NFC, with runs of white space as one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def article_text(page: BeautifulSoup) -> str:
    """The visible text of a page's article, without the heading link marks."""
    article = page.find("article")
    for link in article.select("a.headerlink"):
        link.decompose()
    return normalize(article.get_text())


def seed_blocks(name: str) -> list[str]:
    """The headings and paragraphs of a seed recap, Jekyll front matter and photos left out."""
    text = (SEEDS / name).read_text(encoding="utf-8").split("---", 2)[2]
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    return [b for b in blocks if not b.startswith(("{:", "!["))]


def seed_title(name: str) -> str:
    """The ``title`` of a seed recap's front matter."""
    match = re.search(r"^title: ['\"](.*)['\"]$", (SEEDS / name).read_text("utf-8"), re.M)
    return match.group(1)


def markdown_to_text(block: str) -> tuple[str, list[str]]:
    """A seed block's text as a reader sees it, and the URLs of its links."""
    urls = re.findall(r"\]\((https?://[^)]+)\)", block)
    text = re.sub(r"\[([^\]]*)\]\([^)]+\)", r"\1", block)
    text = re.sub(r"^#+ ", "", text)
    return normalize(text), urls


def seed_photos() -> list[tuple[str, int, str]]:
    """The photo table of the seeds README: (URL, height, Korean alt text) in page order."""
    rows = re.findall(
        r"^\| [^|]+ \| (https://pytorch\.kr/\S+\.png) \| (\d+) \| (.+?) \|$",
        (SEEDS / "README.md").read_text(encoding="utf-8"),
        re.M,
    )
    return [(url, int(height), alt.strip()) for url, height, alt in rows]


def html_pages(root: Path) -> list[Path]:
    """Every HTML page of one language's build."""
    return sorted(root.rglob("*.html"))


def html_of(root: Path) -> dict[str, bytes]:
    """Every HTML page of one language's build, by its path there: its bytes."""
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in html_pages(root)}


def run_folder(factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of the whole run, which every xdist worker sees
    (each worker's own is a folder in it)."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


class SharedSets:
    """Sets of strings that every xdist worker of the run adds to and reads,
    one file of lines per name in ``folder``, under a file lock."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def read(self, name: str) -> set[str]:
        path = self.folder / name
        with FileLock(f"{path}.lock"):
            return self._lines(path)

    def add(self, name: str, items: Iterable[str]) -> None:
        """Add what the set does not hold yet (each string is written once)."""
        path = self.folder / name
        with FileLock(f"{path}.lock"):
            new = set(items) - self._lines(path)
            with path.open("a", encoding="utf-8") as file:
                file.writelines(f"{item}\n" for item in sorted(new))

    @staticmethod
    def _lines(path: Path) -> set[str]:
        return set(path.read_text(encoding="utf-8").splitlines()) if path.is_file() else set()


def once_per_run(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], T]) -> T:
    """``make(folder)``, run once for the whole test run however many xdist
    workers ask, and its result (pickled) given to each of them.

    Each worker has its own session, so a session fixture that builds the site
    would build it once per worker: on a two-core machine the builds cost more
    than the tests that read them.  The first worker to ask builds, under a
    file lock in the run's shared temporary folder; the others wait and read.
    What is made this way must not be changed by the tests that use it.
    """
    folder = run_folder(factory) / f"shared-{name}"
    result = folder / "result.pickle"
    with FileLock(f"{folder}.lock"):
        if not result.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            value = make(folder)
            result.write_bytes(pickle.dumps(value))
            return value
    return pickle.loads(result.read_bytes())


#: The commands run in the tests' own process: ``python -m sphinx`` and the
#: archive's commands.  Others (and every ``python -m`` that is the subject of
#: a test of the command line itself) start a process.
IN_PROCESS = re.compile(
    r"sphinx|pytorchkr_archive\.(translation\.\w+|events\.facts\.(new_event|check_events)"
    r"|sitebuild\.site)"
)


@contextlib.contextmanager
def environment(env: Mapping[str, str] | None) -> Iterator[None]:
    """``os.environ`` as ``env`` (when given) for the duration, then as it was."""
    if env is None:
        yield
        return
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def python_m(
    args: Sequence[str], cwd: Path, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m module args`` (``args`` begins with the module), as a command line
    runs it: exit status, standard output and standard error.

    Sphinx and the archive's commands (:data:`IN_PROCESS`) run in this
    process, in ``cwd`` and ``env``: starting Python, Sphinx and the
    extensions again cost more than most of the tests' builds.  What a
    process would print of an uncaught exception, its traceback, is their
    standard error, with exit status 1, as ``python -m`` gives.
    """
    module, *rest = args
    if not IN_PROCESS.fullmatch(module):
        return subprocess.run(
            [sys.executable, "-m", *args], cwd=cwd, env=env, capture_output=True, text=True
        )
    if module == "sphinx":
        from pytorchkr_archive.sphinx_build import run as sphinx_run

        with environment(env), contextlib.chdir(cwd):
            done = sphinx_run(rest, capture=True)
        return subprocess.CompletedProcess(args, done.status, done.stdout, done.stderr)
    out, err = io.StringIO(), io.StringIO()
    with (
        environment(env),
        contextlib.chdir(cwd),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        mock.patch("pytorchkr_archive.sitebuild.site.build_language", build_language_here),
    ):
        try:
            status = importlib.import_module(module).main(rest)
        except SystemExit as stop:
            code = stop.code
            status = code if isinstance(code, int) else (0 if code is None else 1)
            if isinstance(code, str):
                print(code, file=sys.stderr)
        except Exception:
            traceback.print_exc()
            status = 1
    return subprocess.CompletedProcess(args, status or 0, out.getvalue(), err.getvalue())


#: One Sphinx run at a time in this process: a run changes the process's
#: folder, output and translators while it lasts.
_ONE_RUN = threading.Lock()


def build_language_here(command: list[str], lang: str):  # -> site.Result
    """``make html``'s build of one language (``site.build_language``), run in
    this process rather than in one of its own: the same command line, exit
    status and output, without starting Python and Sphinx again.  The
    languages are built one after the other; the staging copy, the landing
    page and what is published are ``make html``'s own (tests/sitebuild runs
    it whole, a process per language, too)."""
    from pytorchkr_archive.sitebuild.site import Result
    from pytorchkr_archive.sphinx_build import run as sphinx_run

    assert command[1:3] == ["-m", "sphinx"], command
    start = time.perf_counter()
    with _ONE_RUN:
        done = sphinx_run(command[3:], capture=True)
    return Result(lang, done.status, done.stdout + done.stderr, time.perf_counter() - start)


def build_languages(project: Path, *languages: str, env: Mapping[str, str] | None = None) -> Path:
    """Each language of ``project`` (both by default) built with ``make html``'s
    command line for it, one after the other in this process; the output folder.

    For the tests that need a copy's pages, not ``make html`` itself (its
    staging copy, its landing page, its processes: tests/sitebuild).  A copy
    is built one way throughout: the configuration names the archive's
    templates where the code that runs has them, so a build in another
    process would see it changed and start over.
    """
    from pytorchkr_archive.sitebuild.site import sphinx_command

    out, doctrees = Path("_build/html"), Path("_build/doctrees")
    for lang in languages or ("en", "ko"):
        command = sphinx_command(Path(), out, doctrees, lang, [])
        done = python_m(command[2:], project, env)
        assert done.returncode == 0, f"{lang}: {done.stdout}{done.stderr}"
    return project / out


def bare_path(folder: Path, tools: tuple[str, ...] = ("sh",)) -> str:
    """A ``PATH`` of one folder holding only ``tools`` (those this machine has),
    as on a contributor's machine with no Node.js, npm or Chromium."""
    bare = folder / "bare-bin"
    bare.mkdir()
    for tool in tools:
        found = shutil.which(tool)
        if found:
            (bare / tool).symlink_to(found)
    return str(bare)


def free_port() -> int:
    """A port on localhost that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def processes() -> Iterator[tuple[int, int, str]]:
    """(id, parent's id, command line) of every running process (none without /proc)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (stat.parent / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue
        command = cmdline.replace(b"\0", b" ").decode("utf-8", "replace")
        yield int(stat.parent.name), parent, command


def left_behind(marker: str) -> list[str]:
    """Command lines of the running processes that contain ``marker``."""
    return [command for _, _, command in processes() if marker in command]
