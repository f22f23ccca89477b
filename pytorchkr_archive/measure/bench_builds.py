"""Build speed and page sizes, for ``make bench``: both languages, the translator's loop, scaling.

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
  memory of the largest build process;
* **at scale** (``make bench BENCH_ARGS="--only scale --against DIR"``, not
  in the default run: half an hour and more): the translator's loop and the
  sizes of the feeds and calendars on synthetic archives of 100 and 1,000
  events, this tree against another checkout (``git worktree add DIR
  <commit>``), their runs paired.

The runs of the things compared alternate, so that whatever else the machine
does weighs on both alike.

**Page sizes** (every listing page at 100 and 1,000 events):

The archive's page budget is 130 KB of HTML, CSS and JavaScript (photos
aside; ``tests/in_browser/test_page_weight.py``).  A listing (the landing
page, ``events/`` and its years, a series and its years, the speakers index)
grows with the archive; this measures the largest of each kind, in each
language, on synthetic archives (:func:`~.bench_builds.synthetic_archive`:
copies of the first event a week apart, with their Korean catalogs, so one
series holds every event) built in both languages from scratch, for the
tree as it is and, to compare, for the commit :data:`BASELINE` (``git
archive`` of it: the listings as they were before they were cut by year).

Two figures per page: its HTML, and its weight as the browser fetches it
(the HTML with the stylesheets and scripts it links; :func:`page_weight`).
The budget is checked here at 1,000 events (a page over it is marked) and
by ``tests/events/test_listing_sizes.py`` on every listing page of the
suite's small archive of 110 (tests/synthetic.py), which holds what keeps
the pages under it at any size.
"""

from __future__ import annotations

import datetime
import itertools
import multiprocessing
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from io import BytesIO
from multiprocessing.connection import Connection
from pathlib import Path

from pytorchkr_archive.measure.machine import machine
from pytorchkr_archive.sitebuild import live
from pytorchkr_archive.sitebuild.site import sphinx_command
from pytorchkr_archive.sitebuild.sources import copy_sources, keep_only_events

#: The heading of this section of docs/benchmarks.md (kept when not measured).
BUILDS_HEADING = "## Build speed"
#: The heading of the loop and the sizes at scale (``--only scale``).
SCALE_HEADING = "## The translator's loop and the feeds at scale"
#: The budget of every page and file a reader downloads whole (bytes).
PAGE_BUDGET = 130 * 1024
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


def build_module(project: Path) -> str:
    """The module ``make html`` runs in ``project``: ``pytorchkr_archive.build``
    in a commit from before the package was grouped by concern (a5b6eb6)."""
    if (project / "pytorchkr_archive" / "sitebuild" / "site.py").is_file():
        return "pytorchkr_archive.sitebuild.site"
    return "pytorchkr_archive.build"


def archive_build(project: Path, *languages: str) -> list[str]:
    """``make html`` (all languages, or the ones given), in ``project``."""
    command = [sys.executable, "-m", build_module(project)]
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
    of it, a week apart going back, each with its Korean catalog.

    The record's other events are left out, so that an archive of N events
    has N, each the same size, whatever the record holds.
    """
    project = copy_sources(source, dest)
    keep_only_events(project, f"events/{EVENT}")
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


def written_files(folder: Path) -> dict[str, int]:
    """Every file under ``folder`` and its modification time (ns): a file
    rewritten by a build has another, one left alone keeps it (the staging
    copy keeps times)."""
    return {
        path.relative_to(folder).as_posix(): path.stat().st_mtime_ns
        for path in folder.rglob("*")
        if path.is_file()
    }


def feed_sizes(html: Path) -> dict[str, int]:
    """The sizes in bytes of what feed readers and calendar apps download, in
    every language: ``feed.xml``, ``events.ics``, and the largest year's
    calendar (``events-<year>.ics``), those a commit writes (a5b6eb6 has no calendars)."""
    found = {}
    for lang in LANGUAGES:
        folder = html / lang
        for name in ("feed.xml", "events.ics"):
            if (folder / name).is_file():
                found[f"{lang} {name}"] = (folder / name).stat().st_size
        years = [path.stat().st_size for path in folder.glob("events-*.ics")]
        if years:
            found[f"{lang} events-<year>.ics"] = max(years)
    return found


def commit_of(source: Path) -> str:
    """The commit a checkout is at (short), with ``+`` when its files differ from it."""
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=source, capture_output=True, text=True
    )
    if head.returncode:
        return source.name
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=source,
        capture_output=True,
        text=True,
    )
    return head.stdout.strip() + ("+" if status.stdout.strip() else "")


@dataclass(frozen=True)
class AtScale:
    """One checkout on one synthetic archive."""

    commit: str
    events: int
    full: Measure
    rebuild: float
    rewritten: int
    sizes: dict[str, int]


def at_scale(trees: list[Path], work: Path, events: int, runs: int) -> list[AtScale]:
    """Each checkout's archive of ``events`` events: built whole (both
    languages, once), then ``runs`` Korean rebuilds after one msgstr edit
    each, the checkouts' rebuilds alternating."""
    projects = [
        synthetic_archive(tree, work / f"scale-{number}-{events}", events)
        for number, tree in enumerate(trees)
    ]
    fulls = [measure(archive_build(project), project) for project in projects]
    sizes = [feed_sizes(project / "_build" / "html") for project in projects]
    rewritten: list[list[int]] = [[] for _ in projects]

    def rebuild(number: int) -> Callable[[], Measure]:
        project, edits = projects[number], itertools.cycle(EDITS)

        def step() -> Measure:
            edit_catalog(project, *next(edits))
            folder = project / "_build" / "html" / "ko"
            before = written_files(folder)
            measured = measure(archive_build(project, "ko"), project)
            after = written_files(folder)
            changed = {name for name in before.keys() | after.keys()}
            rewritten[number].append(sum(before.get(n) != after.get(n) for n in changed))
            return measured

        return step

    loops = alternate(runs, *(rebuild(number) for number in range(len(projects))))
    found = [
        AtScale(
            commit_of(tree),
            events,
            full,
            statistics.median([m.seconds for m in loop]),
            int(statistics.median(count)),
            size,
        )
        for tree, full, loop, count, size in zip(
            trees, fulls, loops, rewritten, sizes, strict=True
        )
    ]
    for project in projects:
        shutil.rmtree(project, ignore_errors=True)
    return found


def kb(size: int | None) -> str:
    """A size in KB, marked when it is over the page budget."""
    if size is None:
        return "–"
    return f"{size / 1024:.0f}" + (" **over**" if size >= PAGE_BUDGET else "")


def report_scale(
    source: Path, runs: int, against: Path | None = None, sizes: tuple[int, ...] = (100, 1000)
) -> str:
    """The translator's loop and the feeds' sizes at scale, this tree against
    ``against`` (a checkout of another commit) when given."""
    trees = [source.resolve(), *([against.resolve()] if against else [])]
    rows, size_rows = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for events in sizes:
            # The 1,000-event archive: a minute and more a build; fewer runs.
            count = runs if events < 1000 else max(3, runs // 2)
            results = at_scale(trees, Path(tmp), events, count)
            base = results[-1].rebuild
            for result in results:
                ratio = f"{result.rebuild / base:.2f}x" if len(results) > 1 else "–"
                rows.append(
                    f"| {events:,} | {result.commit} | {result.full.seconds:.1f} | "
                    f"{result.full.peak_kib / 1024:.0f} | {result.rebuild:.2f} ({count} runs) | "
                    f"{ratio} | {result.rewritten} |"
                )
                size = result.sizes
                size_rows.append(
                    f"| {events:,} | {result.commit} | "
                    + " | ".join(
                        f"{kb(size.get(f'en {name}'))} / {kb(size.get(f'ko {name}'))}"
                        for name in ("feed.xml", "events.ics", "events-<year>.ics")
                    )
                    + " |"
                )
            print("\n".join([*rows[-len(results) :], *size_rows[-len(results) :]]), flush=True)
    compared = f", against {commit_of(against)} ({against})" if against else ""
    return "\n".join(
        [
            SCALE_HEADING,
            "",
            "Synthetic archives (the first event copied a week apart, with its Korean",
            f"catalog), this tree{compared}; each checkout's own code builds its copy",
            '(`make bench BENCH_ARGS="--only scale --against DIR"`, DIR a',
            "`git worktree add DIR <commit>`). Built whole once (both languages, from",
            "scratch); then one `msgstr` of the first event's catalog edited and the",
            "Korean rebuild (`make html -l ko`'s build), the checkouts' rebuilds",
            "alternating; median seconds, and the files of `_build/html/ko` the",
            "rebuild wrote (the staging copy keeps the others' times).",
            "",
            "| events | commit | full build (s) | peak memory (MiB) | Korean rebuild after "
            "one edit (s) | against the last row | files rewritten |",
            "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            "What feed readers and calendar apps download again at every refresh,",
            f"English / Korean, in KB (budget: {PAGE_BUDGET // 1024} KB; `events-<year>.ics`: the",
            "largest year's calendar, where there are such):",
            "",
            "| events | commit | `feed.xml` | `events.ics` | `events-<year>.ics` |",
            "| ---: | --- | ---: | ---: | ---: |",
            *size_rows,
            "",
            "Measured on its own, so with its own machine: "
            + "; ".join(f"{key} {value}" for key, value in machine() if key != "browser")
            + f"; {time.strftime('%Y-%m-%d')}.",
        ]
    )


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


# -- Page sizes ----------------------------------------------------------------------

#: The heading of the page sizes section (kept when not measured).
PAGES_HEADING = "## Page sizes"
#: The commit before the listings were cut (the landing page, events/, the
#: series and the speakers index listed everything).
BASELINE = "6ac15cc"
SIZES = (100, 1000)
BUDGET = 130_000
#: Each kind of listing page, by the pattern of its path under a language.
KINDS = (
    ("landing page", re.compile(r"index\.html")),
    ("events/", re.compile(r"events/index\.html")),
    ("a year of events/ (largest)", re.compile(r"events/\d{4}\.html")),
    ("a series (largest)", re.compile(r"series/(?!index)[^/]+\.html")),
    ("a year of a series (largest)", re.compile(r"series/[^/]+/\d{4}\.html")),
    ("speakers index", re.compile(r"speakers\.html")),
)
_LINKED = re.compile(r'<(?:link[^>]*?rel="stylesheet"[^>]*?href|script[^>]*?src)="([^"?#]+)[^"]*"')


def listing_pages(html: Path) -> list[Path]:
    """Every listing page of one language's output: ``html`` is ``_build/html/<lang>``."""
    return sorted(
        path
        for path in html.rglob("*.html")
        if any(pattern.fullmatch(path.relative_to(html).as_posix()) for _, pattern in KINDS)
    )


def page_weight(page: Path, html: Path) -> int:
    """The page's bytes as the browser fetches them: its HTML and every local
    stylesheet and script it links (fonts and photos aside; there are none in
    the listings)."""
    text = page.read_text(encoding="utf-8")
    total = len(text.encode("utf-8"))
    for url in sorted(set(_LINKED.findall(text))):
        if "://" in url or url.startswith("//"):
            continue
        linked = (page.parent / url).resolve()
        if linked.is_file():
            total += linked.stat().st_size
    return total


def sizes(output: Path) -> dict[str, dict[str, tuple[int, int]]]:
    """Per kind of page and language, the largest page's (HTML bytes, weight)."""
    found: dict[str, dict[str, tuple[int, int]]] = {}
    for lang in LANGUAGES:
        html = output / lang
        for path in listing_pages(html):
            name = path.relative_to(html).as_posix()
            kind = next(k for k, pattern in KINDS if pattern.fullmatch(name))
            figure = (path.stat().st_size, page_weight(path, html))
            shown = found.setdefault(kind, {})
            if figure > shown.get(lang, (0, 0)):
                shown[lang] = figure
    return found


def export(source: Path, commit: str, dest: Path) -> Path:
    """The project's files at ``commit`` (``git archive``), in ``dest``."""
    tar = subprocess.run(
        ["git", "-C", str(source), "archive", "--format=tar", commit],
        check=True,
        capture_output=True,
    ).stdout
    dest.mkdir(parents=True)
    with tarfile.open(fileobj=BytesIO(tar)) as archive:
        archive.extractall(dest, filter="data")
    return dest


def built_sizes(source: Path, work: Path, events: int) -> dict[str, dict[str, tuple[int, int]]]:
    """Build a synthetic archive of ``events`` events from ``source``; its sizes."""
    project = synthetic_archive(source, work / f"archive-{events}", events)
    measure(archive_build(project), project)
    return sizes(project / "_build" / "html")


def page_kb(figure: tuple[int, int] | None) -> str:
    """A page's HTML and weight in KB, marked when the weight is over the budget."""
    if figure is None:
        return "–"
    html, weight = figure
    mark = "" if weight < BUDGET else " ⚠"
    return f"{html / 1000:,.1f} / {weight / 1000:,.1f}{mark}"


def table(results: dict[int, dict[str, dict[str, tuple[int, int]]]]) -> list[str]:
    """One row per kind of page; per size and language, HTML / weight in KB."""
    head = " | ".join(f"{n:,} events, {lang}" for n in SIZES for lang in LANGUAGES)
    lines = [f"| page | {head} |", "| --- |" + " ---: |" * (len(SIZES) * len(LANGUAGES))]
    for kind, _ in KINDS:
        cells = [page_kb(results[n].get(kind, {}).get(lang)) for n in SIZES for lang in LANGUAGES]
        if any(cell != "–" for cell in cells):
            lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return lines


Sizes = dict[int, dict[str, dict[str, tuple[int, int]]]]


def report_pages(source: Path, baseline: str | None = BASELINE) -> str:
    """The page sizes section: the tree as it is, and ``baseline`` (if given)."""
    source = source.resolve()
    with tempfile.TemporaryDirectory(prefix="archive-pages-") as tmp:
        work = Path(tmp)
        after = {n: built_sizes(source, work / "after", n) for n in SIZES}
        before = None
        if baseline:
            old = export(source, baseline, work / "baseline")
            before = {n: built_sizes(old, work / "before", n) for n in SIZES}
    return "\n".join(section(after, before, baseline))


def section(after: Sizes, before: Sizes | None, baseline: str | None) -> list[str]:
    """The section's text, from the figures of the tree and of ``baseline``."""
    lines = [
        PAGES_HEADING,
        "",
        "The largest listing page of each kind on synthetic archives (copies of the "
        "first event a week apart, with their Korean catalogs; one series holds every "
        "event), both languages built from scratch: its HTML / its weight with the "
        f"stylesheets and scripts it links, in KB (⚠: over the {BUDGET // 1000} KB page "
        "budget). `python -m pytorchkr_archive.measure.bench --only pages`. "
        "`tests/events/test_listing_sizes.py` asserts the budget on the HTML of every "
        "listing page of the suite's archive of 110 events; the weight adds the "
        "stylesheets and scripts every page links (about 80 KB, Furo's mostly), which "
        "the browser keeps from page to page.",
        "",
        "The tree as it is:",
        "",
        *table(after),
    ]
    if before is not None:
        heading = f"Before, at {baseline} (every event listed on one page):"
        lines += ["", heading, "", *table(before)]
    return lines
