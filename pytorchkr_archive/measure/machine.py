"""What a measurement was taken on: written next to every figure.

``make bench`` and ``make lighthouse`` print figures that mean something only
with the machine and the versions they were measured with.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
from pathlib import Path

import sphinx

from pytorchkr_archive.measure.chromium import find_chromium


def command_version(command: list[str]) -> str:
    """The first line a ``--version`` command prints, or "not installed"."""
    if not shutil.which(command[0]):
        return "not installed"
    process = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = (process.stdout or process.stderr).strip().splitlines()
    return lines[0] if process.returncode == 0 and lines else "not installed"


def machine(extra: list[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    """What the figures were measured on (``extra``: further tools' versions)."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    if Path("/proc/meminfo").is_file():
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.0f} GiB"
    return [
        ("CPU", f"{cpu}, {os.cpu_count()} cores"),
        ("memory", memory),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("Sphinx", sphinx.__display_version__),
        ("browser", command_version([str(find_chromium() or "chromium"), "--version"])),
        *(extra or []),
    ]
