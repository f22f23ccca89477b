"""Build the site: every language in parallel, then the root landing page.

``make html`` runs this.  Each language is an ordinary ``sphinx-build`` run
(``-D language=XX``, warnings as errors), the way Read the Docs builds each of
its per-language projects, into ``_build/html/<lang>/``; running them side by
side uses the machine's cores, since one Sphinx build of this site keeps one
core busy.  ``_build/html/index.html`` then sends a reader to the language of
the browser (see :mod:`pytorchkr_archive.sitebuild.landing`).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pytorchkr_archive.project import ClockError, build_clock, project_languages
from pytorchkr_archive.sitebuild.landing import write_landing_page
from pytorchkr_archive.sitebuild.staging import publish, staging_copy
from pytorchkr_archive.sphinx_build import clean


@dataclass(frozen=True)
class Result:
    """The outcome of one language's build."""

    lang: str
    returncode: int
    output: str
    seconds: float


def sphinx_command(
    source: Path, out: Path, doctrees: Path, lang: str, extra: list[str]
) -> list[str]:
    """The ``sphinx-build`` command line for one language."""
    return [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-W",
        "--keep-going",
        "-D",
        f"language={lang}",
        "-d",
        str(doctrees / lang),
        *extra,
        str(source),
        str(out / lang),
    ]


def build_language(command: list[str], lang: str) -> Result:
    """Run one language's build and keep its output for printing in one piece."""
    start = time.perf_counter()
    process = subprocess.run(command, capture_output=True, text=True, check=False)
    output = clean(process.stdout + process.stderr)
    return Result(lang, process.returncode, output, time.perf_counter() - start)


def build(
    source: Path,
    out: Path,
    doctrees: Path,
    languages: list[str] | None = None,
    jobs: int | None = None,
    extra: list[str] | None = None,
) -> int:
    """Build the given languages (all of ``conf.py``'s by default); return an exit code."""
    project = project_languages(source)
    table = project.table
    wanted = languages or list(table)
    unknown = [lang for lang in wanted if lang not in table]
    if unknown:
        print(
            f"error: unknown language(s) {', '.join(unknown)}; conf.py's archive_languages "
            f"has {', '.join(table)}",
            file=sys.stderr,
        )
        return 2
    try:
        # Each language's build reads the clock too; a bad ARCHIVE_NOW is said
        # once, here, rather than once per language.
        build_clock()
    except ClockError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    jobs = jobs or min(len(wanted), os.cpu_count() or 1)
    with staging_copy(out) as staging:
        commands = {
            lang: sphinx_command(source, staging, doctrees, lang, extra or []) for lang in wanted
        }
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(lambda lang: build_language(commands[lang], lang), wanted))
        failed = []
        for result in results:
            print(f"== {result.lang} ({result.seconds:.1f} s) ==")
            # Sphinx names the staging folder; the reader knows only ``out``.
            print(result.output.rstrip().replace(str(staging), str(out)))
            if result.returncode:
                failed.append(result.lang)
        if failed:
            kept = (
                f"{out}/ is left as it was" if out.exists() else f"nothing was written to {out}/"
            )
            print(
                f"error: the {', '.join(failed)} build failed: see Sphinx's messages above; "
                f"{kept}",
                file=sys.stderr,
            )
            return 1
        write_landing_page(staging / "index.html", table, project.default)
        publish(staging, out)
    print(f"The site is in {out}/: open {out / 'index.html'} or run `make serve`.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m pytorchkr_archive.sitebuild.site``)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytorchkr_archive.sitebuild.site",
        description="Build every language of the archive (in parallel) and the landing page.",
    )
    parser.add_argument("--source", type=Path, default=Path(), help="project folder")
    parser.add_argument("--out", type=Path, default=Path("_build/html"), help="output folder")
    parser.add_argument(
        "--doctrees", type=Path, default=Path("_build/doctrees"), help="Sphinx's cache folder"
    )
    parser.add_argument(
        "-l", "--language", action="append", dest="languages", help="build only this language"
    )
    parser.add_argument("-j", "--jobs", type=int, help="languages built at once (default: cores)")
    parser.add_argument(
        "sphinx_args", nargs="*", help="further sphinx-build options, after --, such as -E"
    )
    args = parser.parse_args(argv)
    return build(args.source, args.out, args.doctrees, args.languages, args.jobs, args.sphinx_args)


if __name__ == "__main__":
    sys.exit(main())
