"""Reading built pages and the seed texts, and sharing builds between workers, for the tests."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import socket
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

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


def once_per_run(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], T]) -> T:
    """``make(folder)``, run once for the whole test run however many xdist
    workers ask, and its result (pickled) given to each of them.

    Each worker has its own session, so a session fixture that builds the site
    would build it once per worker: on a two-core machine the builds cost more
    than the tests that read them.  The first worker to ask builds, under a
    file lock in the run's shared temporary folder; the others wait and read.
    What is made this way must not be changed by the tests that use it.
    """
    base = factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder = root / f"shared-{name}"
    result = folder / "result.pickle"
    with FileLock(f"{folder}.lock"):
        if not result.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            value = make(folder)
            result.write_bytes(pickle.dumps(value))
            return value
    return pickle.loads(result.read_bytes())


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
