"""Reading built pages and the seed texts, for the tests."""

from __future__ import annotations

import re
import socket
import unicodedata
from pathlib import Path

from bs4 import BeautifulSoup

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


def free_port() -> int:
    """A port on localhost that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def left_behind(marker: str) -> list[str]:
    """Command lines of the running processes that contain ``marker``."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            command = cmdline.read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if marker in command:
            found.append(command)
    return found
