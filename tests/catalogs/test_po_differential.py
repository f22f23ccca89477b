"""``make check-po``'s well-formedness verdict is GNU ``msgfmt --check``'s, on broken catalogs.

Hundreds of copies of real catalogs, each broken one way (a character
deleted, a quote dropped, a line duplicated, a keyword misspelled, a byte
changed: :mod:`tests.po_mutations`), are judged by both.  Whatever gettext
accepts must not be reported as broken, and whatever it refuses must be.
The catalogs are the project's own, plus the ones the tools write
(:mod:`tests.test_po_tools`): wrapped, with previous msgids and obsolete
entries, contexts and plural forms.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pytorchkr_archive.catalogs.files import CatalogFile
from pytorchkr_archive.catalogs.syntax import check_bytes, gettext_verdict
from pytorchkr_archive.measure.po_mutations import mutations
from tests.conftest import PROJECT, require_tool
from tests.po_tools import coverage_catalog, gnu

PER_CATALOG = 30


@pytest.fixture(scope="module")
def catalogs(
    merged: tuple[Path, bytes], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, bytes]:
    """The project's catalogs, the merged one wrapped and not, and every construct's."""
    found = {
        path.relative_to(PROJECT).as_posix(): path.read_bytes()
        for path in sorted((PROJECT / "locale").rglob("*.po"))
    }
    work = tmp_path_factory.mktemp("differential")
    merged_path = work / "merged.po"
    merged_path.write_bytes(merged[1])
    found["msgmerge --previous"] = merged[1]
    found["msgcat --width=40"] = gnu("msgcat", "--width=40", str(merged_path))
    coverage = coverage_catalog(work / "coverage.po")
    found["every construct (polib)"] = coverage.read_bytes()
    found["every construct, CRLF"] = gnu("msgcat", str(coverage)).replace(b"\n", b"\r\n")
    return found


def msgfmt_accepts(path: Path) -> tuple[bool, str]:
    process = subprocess.run(
        [require_tool("msgfmt"), "--check", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        errors="replace",
    )
    return process.returncode == 0, process.stderr


def test_the_verdict_is_msgfmts_on_every_broken_copy(
    catalogs: dict[str, bytes], tmp_path: Path
) -> None:
    path = tmp_path / "mutated.po"
    file = CatalogFile(path, "ko", "mutated")
    judged, refused, disagreements = 0, 0, []
    for name, data in catalogs.items():
        for mutation in mutations(name, data, PER_CATALOG):
            path.write_bytes(mutation.data)
            gnu_accepts, gnu_says = msgfmt_accepts(path)
            _, problems = check_bytes(mutation.data, file, "mutated.po")
            judged += 1
            refused += not gnu_accepts
            if gettext_verdict(problems) != gnu_accepts:
                ours = [str(p) for p in problems if p.severity == "error"]
                disagreements.append(f"{mutation.name}\n  msgfmt: {gnu_says!r}\n  ours: {ours}")
    assert judged >= 250
    # Both kinds of verdict are exercised: most edits break the file, some do not.
    assert 0.2 * judged < refused < 0.95 * judged, refused
    assert not disagreements, "\n".join(disagreements)


def test_every_refusal_names_a_line_and_says_what_to_do(catalogs: dict[str, bytes]) -> None:
    for name, data in catalogs.items():
        for mutation in mutations(name, data, PER_CATALOG, seed=1):
            _, problems = check_bytes(mutation.data, CatalogFile(Path("x.po"), "ko", "x"), "x.po")
            for problem in problems:
                assert problem.line >= 1
                assert len(problem.message) > 20, (mutation.name, problem)
