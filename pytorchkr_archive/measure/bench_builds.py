"""Build speed, for ``make bench``: both languages, the translator's loop, scaling.

Every figure is the median of several runs of real commands on copies of the
project in a temporary folder (the project's own ``_build`` is not touched):

* **both languages**: ``python -m pytorchkr_archive.sitebuild.site`` (what ``make html``
  runs: the languages in parallel, into a staging copy) against the same
  sources built by two plain ``sphinx-build`` runs, one after the other; both
  from scratch, and ours again with nothing changed;
* **the translator's loop**: one ``msgstr`` of the event's catalog edited,
  then the Korean rebuild, by ``build -l ko`` and in ``make live``'s server
  (:mod:`pytorchkr_archive.sitebuild.live`), against a full Korean build from scratch;
  on the site as it is and on a synthetic archive of 100 events;
* **scaling**: synthetic archives of 10, 100 and 300 events (copies of the
  first event under other dates, with their Korean catalogs; never
  published), both languages from scratch: seconds per page and the peak
  memory of the largest build process.

The runs of the things compared alternate, so that whatever else the machine
does weighs on both alike.
"""

from __future__ import annotations

import datetime
import itertools
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from pytorchkr_archive.sitebuild import live
from pytorchkr_archive.sitebuild.site import sphinx_command
from pytorchkr_archive.sitebuild.sources import copy_sources

#: The heading of this section of docs/benchmarks.md (kept when not measured).
BUILDS_HEADING = "## Build speed"
EVENT = "2025-03-30-pytorch-core-conference"
CATALOG = Path("locale/ko/LC_MESSAGES/events") / f"{EVENT}.po"
#: The msgstr fragment the translator's loop edits, back and forth.
EDIT = ("을 공유합니다. PyTorch가", "을 공유했습니다. PyTorch가")
#: The edit and its undoing: cycled, they leave the catalog as it was.
EDITS = (EDIT, EDIT[::-1])
LANGUAGES = ("en", "ko")


@dataclass(frozen=True)
class Measure:
    """One command's run: wall time and the peak memory of its largest process."""

    seconds: float
    peak_kib: int


def measure(command: list[str], cwd: Path) -> Measure:
    """Run ``command`` in ``cwd``; fail loudly if it fails.

    ``os.wait4`` gives the child's resource use, its own waited-for children
    included: ``ru_maxrss`` is then the largest resident set of the process
    tree, in KiB on Linux.
    """
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            output.seek(0)
            text = output.read().decode("utf-8", "replace")
            raise SystemExit(f"error: {' '.join(command)} failed in {cwd}:\n{text}")
    return Measure(seconds, usage.ru_maxrss)


def archive_build(project: Path, *languages: str) -> list[str]:
    """``make html`` (all languages, or the ones given), in ``project``."""
    command = [sys.executable, "-m", "pytorchkr_archive.sitebuild.site"]
    for lang in languages:
        command += ["-l", lang]
    return command


def sphinx_build(lang: str) -> list[str]:
    """One plain ``sphinx-build`` of one language (the command ``make html`` runs
    for each language, here run on its own)."""
    return sphinx_command(Path(), Path("_plain/html"), Path("_plain/doctrees"), lang, [])


def clean(project: Path) -> None:
    """Remove every build output and compiled catalog of a copy."""
    for folder in ("_build", "_plain"):
        shutil.rmtree(project / folder, ignore_errors=True)
    for compiled in (project / "locale").rglob("*.mo"):
        compiled.unlink()


def synthetic_archive(source: Path, dest: Path, events: int) -> Path:
    """A copy of the project with ``events`` events: the first one and copies
    of it, a week apart going back, each with its Korean catalog."""
    project = copy_sources(source, dest)
    page = (project / "events" / f"{EVENT}.md").read_text(encoding="utf-8")
    catalog = (project / CATALOG).read_bytes()
    day = datetime.date(2025, 3, 30)
    for number in range(1, events):
        date = day - datetime.timedelta(weeks=number)
        name = f"{date.isoformat()}-synthetic-event-{number:03d}"
        text = page.replace("date: 2025-03-30", f"date: {date.isoformat()}", 1)
        (project / "events" / f"{name}.md").write_text(text, encoding="utf-8")
        (project / CATALOG.with_name(f"{name}.po")).write_bytes(catalog)
    return project


def pages_built(project: Path) -> int:
    """HTML pages of every language in ``_build/html`` (the root page aside)."""
    html = project / "_build" / "html"
    return sum(
        1
        for lang in LANGUAGES
        for path in (html / lang).rglob("*.html")
        if "_static" not in path.parts
    )


def alternate(runs: int, *steps: Callable[[], Measure]) -> list[list[Measure]]:
    """Run the steps in turn, ``runs`` times; each step's measures."""
    results: list[list[Measure]] = [[] for _ in steps]
    for _ in range(runs):
        for i, step in enumerate(steps):
            results[i].append(step())
    return results


def both_languages(source: Path, work: Path, runs: int) -> list[str]:
    """The archive's parallel build against two sequential sphinx-builds."""
    project = copy_sources(source, work / "both")

    def ours() -> Measure:
        clean(project)
        return measure(archive_build(project), project)

    def sequential() -> Measure:
        clean(project)
        parts = [measure(sphinx_build(lang), project) for lang in LANGUAGES]
        return Measure(sum(p.seconds for p in parts), max(p.peak_kib for p in parts))

    def unchanged() -> Measure:
        return measure(archive_build(project), project)

    ours_runs, sequential_runs = alternate(runs, ours, sequential)
    clean(project)
    measure(archive_build(project), project)
    unchanged_runs = [unchanged() for _ in range(runs)]
    a = statistics.median([m.seconds for m in ours_runs])
    b = statistics.median([m.seconds for m in sequential_runs])
    c = statistics.median([m.seconds for m in unchanged_runs])
    return [
        "### Both languages",
        "",
        f"The site as it is, from scratch; median of {runs} runs.",
        "",
        "| build | seconds |",
        "| --- | ---: |",
        f"| `make html` (`python -m pytorchkr_archive.sitebuild.site`, parallel) | {a:.2f} |",
        f"| two `sphinx-build` runs, one after the other | {b:.2f} |",
        f"| `make html` again, nothing changed | {c:.2f} |",
        "",
        f"`make html` takes {100 * a / b:.0f} % of the sequential time "
        f"({'no slower' if a <= b else 'slower'}; the target is no slower).",
    ]


#: ``make live LANG=ko``'s Sphinx arguments, quiet, with warnings as errors.
LIVE_ARGS = ["-b", "html", "-W", "--keep-going", "-q", "-D", "language=ko"]


def edit_catalog(project: Path, before: str, after: str) -> None:
    """Edit one msgstr of the event's Korean catalog, as a translator would."""
    catalog = project / CATALOG
    text = catalog.read_text(encoding="utf-8")
    if before not in text:
        raise SystemExit(f"error: {catalog} no longer has {before!r}: update EDIT in {__file__}")
    catalog.write_text(text.replace(before, after), encoding="utf-8")


def live_rebuilds(project: Path, edits: int, results: Connection) -> None:
    """In a process of its own: ``make live``'s first build, then ``edits``
    rebuilds after one msgstr edit each, handed to a worker process as
    sphinx-autobuild's watcher does; sends their durations in seconds."""
    os.chdir(project)
    args = [*LIVE_ARGS, ".", "_build/live/ko"]
    if live.sphinx_build(args):
        raise SystemExit(f"error: make live's first build failed in {project}")
    cycle = itertools.cycle(EDITS)
    seconds = []
    for _ in range(edits):
        edit_catalog(project, *next(cycle))
        start = time.perf_counter()
        # A forked worker, as sphinx-autobuild's watcher gets on Linux (its
        # default start method; this process was spawned, whose default is not).
        with ProcessPoolExecutor(mp_context=multiprocessing.get_context("fork")) as pool:
            status = pool.submit(live.sphinx_build, args).result()
        seconds.append(time.perf_counter() - start)
        if status:
            raise SystemExit(f"error: make live's rebuild failed in {project}")
    results.send(seconds)


def live_loop(project: Path, edits: int) -> list[float]:
    """:func:`live_rebuilds` in a fresh interpreter, as ``make live`` starts one."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=live_rebuilds, args=(project, edits, send))
    process.start()
    send.close()
    try:
        seconds: list[float] = receive.recv()
    except EOFError:
        raise SystemExit(f"error: make live's builds failed in {project}") from None
    finally:
        process.join()
    return seconds


@dataclass(frozen=True)
class Loop:
    """The translator's loop on one archive, in seconds (medians)."""

    full: float
    rebuild: float
    live: float


def translator_loop(project: Path, runs: int) -> Loop:
    """Full Korean build, and the rebuild after one msgstr edit with ``make
    html -l ko`` and in ``make live``."""
    edits = itertools.cycle(EDITS)

    def full() -> Measure:
        clean(project)
        return measure(archive_build(project, "ko"), project)

    def edit_and_rebuild() -> Measure:
        edit_catalog(project, *next(edits))
        return measure(archive_build(project, "ko"), project)

    full_runs = []
    loop_runs = []
    for _ in range(runs):
        full_runs.append(full())
        loop_runs += [edit_and_rebuild() for _ in range(2)]
    clean(project)
    live_runs = live_loop(project, 2 * runs)
    return Loop(
        statistics.median([m.seconds for m in full_runs]),
        statistics.median([m.seconds for m in loop_runs]),
        statistics.median(live_runs),
    )


def share(seconds: float, full: float) -> str:
    """Seconds, and their share of ``full``."""
    return f"{seconds:.2f} ({100 * seconds / full:.0f} %)"


def loop_section(source: Path, work: Path, runs: int) -> list[str]:
    """The translator's loop on the site and on a 100-event archive."""
    rows = []
    for label, project in (
        ("the site (1 event)", copy_sources(source, work / "loop-site")),
        ("100 events", synthetic_archive(source, work / "loop-100", 100)),
    ):
        loop = translator_loop(project, runs)
        rebuild, live_rebuild = (share(s, loop.full) for s in (loop.rebuild, loop.live))
        rows.append(f"| {label} | {loop.full:.2f} | {rebuild} | {live_rebuild} |")
    return [
        "### The translator's loop",
        "",
        "One `msgstr` of the event's catalog edited, then the Korean rebuild, against",
        f"a full Korean build from scratch (`make html`'s build, median of {runs}).",
        f"Rebuilds: median of {2 * runs} edits, each undoing the one before, with `make html`'s",
        "build (`python -m pytorchkr_archive.sitebuild.site -l ko`, a new process each time) and",
        "in `make live LANG=ko` (the preview translators use: its rebuilds start from",
        "a process that has everything imported; the watcher's 50 ms wait for the",
        "file to settle is not counted). Target: at most 25 % of the full build.",
        "",
        "| archive | full Korean build (s) | rebuild: `make html` (s) | `make live` (s) |",
        "| --- | ---: | ---: | ---: |",
        *rows,
    ]


def scaling_section(source: Path, work: Path, runs: int, sizes: tuple[int, ...]) -> list[str]:
    """Seconds per page and peak memory as the archive grows."""
    rows = []
    for size in sizes:
        project = synthetic_archive(source, work / f"scale-{size}", size)

        def fresh(project: Path = project) -> Measure:
            clean(project)
            return measure(archive_build(project), project)

        measures = [fresh() for _ in range(runs if size < 300 else max(1, runs // 2 + 1))]
        seconds = statistics.median([m.seconds for m in measures])
        peak = max(m.peak_kib for m in measures)
        pages = pages_built(project)
        rows.append(
            f"| {size} | {pages} | {seconds:.1f} | {1000 * seconds / pages:.0f} | "
            f"{peak / 1024:.0f} |"
        )
        shutil.rmtree(project, ignore_errors=True)
    return [
        "### Scaling",
        "",
        "Synthetic archives (the first event copied under other dates, with its",
        "Korean catalog), both languages from scratch with `make html`'s build;",
        f"median of {runs} runs (fewer for 300 events). Peak memory: the largest",
        "build process's resident set.",
        "",
        "| events | pages (both languages) | seconds | ms per page | peak memory (MiB) |",
        "| ---: | ---: | ---: | ---: | ---: |",
        *rows,
    ]


def report_builds(source: Path, runs: int, sizes: tuple[int, ...] = (10, 100, 300)) -> str:
    """The build speed section of the report."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        lines = [BUILDS_HEADING, ""]
        for section in (
            both_languages(source, work, runs),
            loop_section(source, work, runs),
            scaling_section(source, work, runs, sizes),
        ):
            lines += [*section, ""]
            print("\n".join(section), flush=True)
        return "\n".join(lines).rstrip()
