"""The Makefile installs the lock file once, and again only when it changes."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.conftest import PROJECT, require_tool
from tests.helpers import bare_path

FAKE_PYTHON = """#!/bin/sh
# Stands in for Python: logs how it is called, and makes a venv of itself.
echo "$@" >> "{log}"
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
  mkdir -p "$3/bin" && cp "$0" "$3/bin/python"
fi
"""


def make(folder: Path, *targets: str) -> None:
    subprocess.run(
        [require_tool("make"), "--no-print-directory", *targets, f"PYTHON={folder / 'python'}"],
        cwd=folder,
        check=True,
        capture_output=True,
        env={**os.environ, "MAKEFLAGS": ""},
    )


def test_make_html_installs_once_and_after_a_lock_change(tmp_path: Path) -> None:
    for name in ("Makefile", "requirements.lock"):
        shutil.copy2(PROJECT / name, tmp_path / name)
    log = tmp_path / "calls.log"
    python = tmp_path / "python"
    python.write_text(FAKE_PYTHON.format(log=log))
    python.chmod(0o755)

    def installs() -> int:
        return sum("pip install" in line for line in log.read_text().splitlines())

    make(tmp_path, "html")
    calls = log.read_text()
    assert "-m venv .venv" in calls
    assert "--require-hashes -r requirements.lock" in calls
    assert "-m pytorchkr_archive.sitebuild.site" in calls
    assert installs() == 1

    make(tmp_path, "html")
    assert installs() == 1, "make html reinstalled with nothing changed"

    lock = tmp_path / "requirements.lock"
    later = (tmp_path / ".venv" / ".installed-from-lock").stat().st_mtime + 2
    os.utime(lock, (later, later))
    make(tmp_path, "html")
    assert installs() == 2, "a changed lock file was not installed"
    assert log.read_text().count("-m venv") == 1, "the venv was recreated"


def test_make_test_brings_node_and_a_chromium_itself(tmp_path: Path) -> None:
    """On a machine with Python and make only (PATH: make and a shell), make
    test installs the lock, runs ``npm ci`` through the venv's Node.js, makes
    sure of a Chromium, then runs pytest: no system node, npm or apt-get."""
    for name in ("Makefile", "requirements.lock", "package-lock.json"):
        shutil.copy2(PROJECT / name, tmp_path / name)
    log = tmp_path / "calls.log"
    python = tmp_path / "python"
    # npm ci makes node_modules/, as the real one does.
    python.write_text(
        FAKE_PYTHON.format(log=log)
        + 'case "$*" in *"measure.node npm ci"*) mkdir -p node_modules ;; esac\n'
    )
    python.chmod(0o755)
    bare = bare_path(tmp_path, ("sh", "make", "touch", "test", "mkdir", "cp"))
    subprocess.run(
        [require_tool("make"), "--no-print-directory", "test", f"PYTHON={python}"],
        cwd=tmp_path, check=True, capture_output=True,
        env={"PATH": bare, "MAKEFLAGS": "", "HOME": str(tmp_path)},
    )  # fmt: skip
    calls = [line for line in log.read_text().splitlines() if not line.startswith("-m venv")]
    assert calls == [
        "-m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock",
        "-m pytorchkr_archive.measure.node npm ci --no-audit --no-fund --loglevel=error",
        "-m pytorchkr_archive.measure.chromium --install",
        "-m pytest",
    ]


def test_make_bench_installs_kiwi_once_and_measures_the_corpus_given(tmp_path: Path) -> None:
    """Kiwi comes from requirements-bench.lock, for make bench only (never for
    make html or make test), and KO_CORPUS reaches the benchmark."""
    for name in ("Makefile", "requirements.lock", "requirements-bench.lock"):
        shutil.copy2(PROJECT / name, tmp_path / name)
    log = tmp_path / "calls.log"
    python = tmp_path / "python"
    python.write_text(FAKE_PYTHON.format(log=log))
    python.chmod(0o755)
    make(tmp_path, "html")
    assert "requirements-bench.lock" not in log.read_text()

    make(tmp_path, "bench", "KO_CORPUS=../shared/ko-corpus")
    make(tmp_path, "bench")
    calls = [line for line in log.read_text().splitlines() if "bench" in line]
    assert calls == [
        "-m pip install --quiet --disable-pip-version-check --require-hashes "
        "-r requirements-bench.lock",
        "-m pytorchkr_archive.measure.bench --ko-corpus ../shared/ko-corpus",
        "-m pytorchkr_archive.measure.bench",
    ]
    assert "kiwipiepy==" in (PROJECT / "requirements-bench.lock").read_text(encoding="utf-8")
    assert "kiwipiepy" not in (PROJECT / "requirements.lock").read_text(encoding="utf-8")
