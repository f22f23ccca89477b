"""What the catalog checks report: a problem at a line of a file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem, located and explained, with what to do about it."""

    path: str
    line: int
    severity: Severity
    check: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: [{self.check}] {self.message}"


def excerpt(text: str, length: int = 60) -> str:
    """The start of a message, to name it in a report."""
    text = " ".join(text.split())
    return repr(text if len(text) <= length else text[: length - 1] + "…")


def shown_path(path: Path, root: Path) -> str:
    """A path as reports show it: relative to the project when it is inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
