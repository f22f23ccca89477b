"""How often PO readers agree with GNU ``msgfmt --check`` on broken catalogs.

The question behind :mod:`pytorchkr_archive.catalogs.reader`: is there a
well-kept Python reader whose verdict on a catalog is gettext's?  Each
reader gets the same broken copies of the project's catalogs
(:mod:`pytorchkr_archive.measure.po_mutations`) as ``msgfmt --check``; a reader
"accepts" a file when it reads it without an error.  Two kinds of
disagreement count: files gettext accepts that the reader refuses (a
translator told their file is broken when it is not) and files gettext
refuses that the reader accepts (a broken file published).

``python -m pytorchkr_archive.measure.bench_po`` prints a Markdown table; it needs
GNU gettext, polib and translate-toolkit (``requirements.lock``).
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path

from pytorchkr_archive.catalogs.files import CatalogFile, catalog_files
from pytorchkr_archive.catalogs.syntax import check_bytes, gettext_verdict
from pytorchkr_archive.measure.machine import command_version, machine
from pytorchkr_archive.measure.po_mutations import mutations


def archive(data: bytes, path: Path) -> bool:
    _, problems = check_bytes(data, CatalogFile(path, "ko", "x"), path.name)
    return gettext_verdict(problems)


def polib_reader(data: bytes, path: Path) -> bool:
    import polib

    try:
        polib.pofile(data.decode("utf-8"))
    except Exception:  # OSError for syntax, UnicodeDecodeError, and others
        return False
    return True


def babel_reader(data: bytes, path: Path) -> bool:
    from babel.messages.pofile import read_po

    try:
        read_po(io.BytesIO(data), abort_invalid=True)
    except Exception:  # PoFileError, and on some files LookupError or others
        return False
    return True


def translate_toolkit_reader(data: bytes, path: Path) -> bool:
    from translate.storage import pypo

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pypo.pofile(data)
    except Exception:  # it raises several kinds (ValueError, base.ParseError...)
        return False
    return True


READERS: dict[str, Callable[[bytes, Path], bool]] = {
    "the archive's check (po_reader + po_syntax)": archive,
    "polib 1.x `pofile()`": polib_reader,
    "Babel `read_po(abort_invalid=True)`": babel_reader,
    "translate-toolkit `pypo.pofile`": translate_toolkit_reader,
}


def measure(sources: list[Path], per_catalog: int) -> dict[str, tuple[int, int, int]]:
    """Per reader: (files judged, gettext-accepted ones refused, gettext-refused ones accepted)."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        raise SystemExit("error: msgfmt is not installed (Debian: apt-get install gettext)")
    results = dict.fromkeys(READERS, (0, 0, 0))
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "mutated.po"
        for source in sources:
            for mutation in mutations(source.as_posix(), source.read_bytes(), per_catalog):
                path.write_bytes(mutation.data)
                process = subprocess.run(
                    [msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True
                )
                gnu = process.returncode == 0
                for name, reader in READERS.items():
                    judged, false_refusals, false_accepts = results[name]
                    ours = reader(mutation.data, path)
                    results[name] = (
                        judged + 1,
                        false_refusals + (gnu and not ours),
                        false_accepts + (not gnu and ours),
                    )
    return results


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m pytorchkr_archive.measure.bench_po``)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytorchkr_archive.measure.bench_po",
        description="Compare PO readers with msgfmt --check on broken copies of the catalogs.",
    )
    parser.add_argument("--locale-dir", type=Path, default=Path("locale"))
    parser.add_argument("--per-catalog", type=int, default=50, help="broken copies per catalog")
    args = parser.parse_args(argv)
    sources = [file.path for file in catalog_files(args.locale_dir)]
    results = measure(sources, args.per_catalog)
    print("| reader | files | accepted by msgfmt, refused | refused by msgfmt, accepted |")
    print("| --- | --- | --- | --- |")
    for name, (judged, false_refusals, false_accepts) in results.items():
        print(f"| {name} | {judged} | {false_refusals} | {false_accepts} |")
    print()
    for key, value in machine([("msgfmt", command_version(["msgfmt", "--version"]))]):
        print(f"- {key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
