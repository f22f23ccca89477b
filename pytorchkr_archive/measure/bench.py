"""``make bench``: measured figures, written to ``docs/benchmarks.md``.

Timings are medians of several runs on this machine, never asserted in
tests; the file records the machine and the versions with the figures.

Korean search (issue: Korean search that finds Korean words):

* the Korean build with the archive's Korean search against the same build
  with Sphinx's default (``-D html_search_language=en``, which is what Sphinx
  does for ``ko``), and the size of their search indexes;
* recall on the query set (``korean_search/queries.json``) through a port of
  Sphinx's lookup (:mod:`pytorchkr_archive.korean_search.lookup`);
* the time a query takes in Chromium (``Search._parseQuery`` and
  ``Search._performSearch``, the work done between Enter and the results).

A search's bytes (below, ``report_search_bytes``): what a search that finds
every event downloads, on synthetic archives of 100 and 1,000 events, today
and at the commit before the archive wrote its own index and summaries.

The parallel view (:mod:`.bench_parallel`): the event page's weight in the
default view and with the view on, and the time the view takes to show.

Page sizes (:mod:`.bench_builds`): every listing page at 100 and 1,000
events, now and before the listings were cut by year.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import snowballstemmer
from sphinx.search._stopwords.en import ENGLISH_STOPWORDS

from pytorchkr_archive.korean_search import analyzer
from pytorchkr_archive.korean_search.index_format import numbers
from pytorchkr_archive.korean_search.language import SearchKorean
from pytorchkr_archive.korean_search.lookup import korean_related, load_index, search
from pytorchkr_archive.measure.bench_builds import (
    BUILDS_HEADING,
    LANGUAGES,
    PAGES_HEADING,
    SCALE_HEADING,
    archive_build,
    export,
    measure,
    report_builds,
    report_pages,
    report_scale,
    synthetic_archive,
)
from pytorchkr_archive.measure.bench_ko_corpus import CORPUS_HEADING, report_corpus
from pytorchkr_archive.measure.bench_parallel import PARALLEL_HEADING, report_parallel
from pytorchkr_archive.measure.chromium import find_chromium, missing_message
from pytorchkr_archive.measure.korean_corpus import CorpusError
from pytorchkr_archive.measure.machine import machine

RECAP = "events/2025-03-30-pytorch-core-conference"
#: The heading of the Korean search section (kept when not measured).
SEARCH_HEADING = "## Korean search"
QUERIES = Path(analyzer.__file__).with_name("queries.json")


@dataclass
class Build:
    """One way of building the Korean site, measured."""

    name: str
    seconds: float
    index_bytes: int
    index: dict


def build_korean(source: Path, out: Path, extra: list[str]) -> float:
    """One fresh Korean build; its wall time in seconds."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-E",
            "-q",
            "-b",
            "html",
            "-D",
            "language=ko",
            "-d",
            str(out / ".doctrees"),
            *extra,
            str(source),
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


SEARCH_VARIANTS = (
    ("Sphinx default (English rules)", "default", ["-D", "html_search_language=en"]),
    ("archive's Korean analysis", "korean", []),
)


def measure_builds(source: Path, work: Path, runs: int) -> list[Build]:
    """The Korean build with the default search and with the archive's.

    The two alternate run by run, so that whatever else the machine does
    weighs on both alike.
    """
    times: dict[str, list[float]] = {folder: [] for _, folder, _ in SEARCH_VARIANTS}
    for _ in range(runs):
        for _, folder, extra in SEARCH_VARIANTS:
            times[folder].append(build_korean(source, work / folder, extra))
    builds = []
    for name, folder, _ in SEARCH_VARIANTS:
        index_path = work / folder / "searchindex.js"
        builds.append(
            Build(
                name,
                statistics.median(times[folder]),
                index_path.stat().st_size,
                load_index(index_path),
            )
        )
    return builds


KIWI_BUILD = r"""
import sys
import snowballstemmer
import sphinx.search
from kiwipiepy import Kiwi
from sphinx.application import Sphinx
from pytorchkr_archive.korean_search.language import SearchKorean

KIWI = Kiwi()
ENGLISH = snowballstemmer.stemmer("english")
KEEP = {"NNG", "NNP", "NNB", "XR", "SL", "SN", "SH"}


class KiwiKorean(SearchKorean):
    # Index side: Kiwi's nouns and roots (a noun and its -XSN suffix joined);
    # the query side stays the archive's JavaScript, which must reach them.
    def split(self, text):
        words, previous = [], None
        for token in KIWI.tokenize(text):
            if token.tag == "XSN" and previous is not None:
                words[-1] += token.form
            elif token.tag in KEEP:
                words.append(token.form)
                previous = token
                continue
            previous = None
        return words

    def stem(self, word):
        word = word.lower()
        return ENGLISH.stemWord(word) if word.isascii() else word


source, out = sys.argv[1], sys.argv[2]
app = Sphinx(source, source, out, out + "/.doctrees", "html", status=None,
             confoverrides={"language": "ko"}, freshenv=True)
sphinx.search.languages["ko"] = KiwiKorean
app.build(force_all=True)
"""


def kiwi_build(source: Path, out: Path, runs: int) -> Build | None:
    """The Korean build indexed by Kiwi (kiwipiepy), if it is installed."""
    try:
        import kiwipiepy  # noqa: F401
    except ImportError:
        return None
    times = []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", KIWI_BUILD, str(source.resolve()), str(out)],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
    index_path = out / "searchindex.js"
    return Build(
        "Kiwi (kiwipiepy) index, archive's query analysis",
        statistics.median(times),
        index_path.stat().st_size,
        load_index(index_path),
    )


def recall(index: dict, korean: bool) -> tuple[int, int, int, int]:
    """Present queries that find the recap, and absent ones that find anything."""
    queries = json.loads(QUERIES.read_text(encoding="utf-8"))
    if korean:
        split, stem, stop = analyzer.split, analyzer.stem, SearchKorean.stopwords
        related = korean_related
    else:
        english = snowballstemmer.stemmer("english")
        split, stem, stop = analyzer.split, english.stemWord, ENGLISH_STOPWORDS
        related = None
    found = sum(RECAP in search(index, q, split, stem, stop, related) for q in queries["present"])
    false = sum(bool(search(index, q, split, stem, stop, related)) for q in queries["absent"])
    return found, len(queries["present"]), false, len(queries["absent"])


def query_times(site: Path, chromium: Path) -> list[float]:
    """Milliseconds per query in Chromium, for every present query.

    The browser's clock is coarse (0.1 ms), so each query runs 200 times in a
    row and the mean is kept.
    """
    from playwright.sync_api import sync_playwright

    from pytorchkr_archive.measure.chromium import (
        CHROMIUM_ARGS,
        OUTSIDE_LOCALHOST,
        block_outside_localhost,
    )
    from pytorchkr_archive.sitebuild.localserver import serve

    queries = json.loads(QUERIES.read_text(encoding="utf-8"))["present"]
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.route(OUTSIDE_LOCALHOST, block_outside_localhost)
        page.goto(f"{url}/search.html")
        page.wait_for_function("() => Search.hasIndex()")
        times = page.evaluate(
            """(queries) => queries.map((q) => {
                const start = performance.now();
                for (let i = 0; i < 200; i++) Search._performSearch(...Search._parseQuery(q));
                return (performance.now() - start) / 200;
            })""",
            queries,
        )
        browser.close()
    return times


def index_data(index_path: Path) -> dict:
    """A built searchindex.js's data (``Search.setIndex(...)``'s argument)."""
    text = index_path.read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def talks_line(index_path: Path) -> str:
    """What every talk and person of the record adds to an index (korean_search.talks)."""
    data = index_data(index_path)
    extra = {key: data.get(key, []) for key in ("talks", "people")}
    size = len(json.dumps(extra, separators=(",", ":"), ensure_ascii=False).encode())
    sessions = sum(len(numbers(talk[-1])) for talk in extra["talks"])
    each = size / sessions if sessions else 0
    return (
        f"Every talk and person of the record in the index (`korean_search/talks.py`): "
        f"{size:,} of its {index_path.stat().st_size:,} bytes, for {sessions} sessions "
        f"and {len(extra['people'])} people: {each:.0f} bytes a session."
    )


def latin_words_line(index_path: Path) -> str:
    """The Latin words of the Korean talks' titles that no Hangul spelling of
    ``rules.json``'s loanwords finds (a reader typing them in Hangul finds nothing)."""
    data = index_data(index_path)
    spelled = {analyzer.stem(word) for word in analyzer.loanwords()}
    words = {
        word.lower()
        for talk in data.get("talks", [])
        for word in re.findall(r"[A-Za-z]{3,}", talk[1])
    }
    missing = sorted(word for word in words if analyzer.stem(word) not in spelled)
    return (
        f"Latin words of the Korean talks' titles: {len(words)}, "
        f"{len(words) - len(missing)} found by a Hangul spelling too (`rules.json`'s "
        f"`loanwords`); without one: {', '.join(missing) or 'none'}."
    )


def report_search(source: Path, runs: int, with_kiwi: bool = False) -> str:
    """The Korean search section of the report."""
    with tempfile.TemporaryDirectory() as tmp:
        builds = measure_builds(source, Path(tmp), runs)
        default, ours = builds
        lines = [
            SEARCH_HEADING,
            "",
            f"Korean site, fresh build (`sphinx-build -E`), median of {runs} runs.",
            "",
            "| search analysis | build (s) | searchindex.js (bytes) | recall "
            "| absent words found |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        kiwi = kiwi_build(source, Path(tmp) / "kiwi", runs) if with_kiwi else None
        rows = [(default, False), (ours, True)] + ([(kiwi, True)] if kiwi else [])
        for build, korean in rows:
            found, present, false, absent = recall(build.index, korean)
            lines.append(
                f"| {build.name} | {build.seconds:.2f} | {build.index_bytes:,} | "
                f"{found}/{present} | {false}/{absent} |"
            )
        lines += [
            "",
            f"Build time: {100 * (ours.seconds / default.seconds - 1):+.0f} % "
            f"(budget: +20 %); index size: "
            f"{100 * (ours.index_bytes / default.index_bytes - 1):+.0f} % (budget: +50 %).",
        ]
        lines += ["", talks_line(Path(tmp) / "korean" / "searchindex.js")]
        lines += ["", latin_words_line(Path(tmp) / "korean" / "searchindex.js")]
        chromium = find_chromium()
        if chromium:
            times = query_times(Path(tmp) / "korean", chromium)
            lines += [
                "",
                f"Query time in Chromium over the {len(times)} present queries: "
                f"median {statistics.median(times):.3f} ms, slowest "
                f"{max(times):.3f} ms (budget: 50 ms).",
            ]
        return "\n".join(lines)


# -- A search's bytes ------------------------------------------------------------------
#
# A search's bytes, for ``make bench`` and the budget test: synthetic archives.
#
# A search is the search page opened with ``?q=<query>`` until its result list
# is complete and the requests it set off are done.  Each local response is
# counted by the size of its body as received (the local server does not
# compress; a server that does sends less) in one of three parts:
#
# * ``index``: ``searchindex.js``, which every search downloads whole;
# * ``results``: what is fetched for the results: the summaries
#   (``_search/<page>.txt``) or, as Sphinx's search page did, the pages found;
# * ``page``: the search page itself, its stylesheets, scripts and fonts, the
#   same for every search and within the page budget of ``test_page_weight``.
#
# "A search's bytes", whose budget is :data:`BUDGET`, are ``index`` and
# ``results``: what the archive's size and the query decide.
#
# Each archive (``bench_builds.synthetic_archive``: the 2025 event and copies
# of it under other dates) is built in both languages by today's sources and
# by a baseline commit's (``git archive``, Sphinx's own search page and index
# before the archive wrote its own), then searched in Chromium for a word of
# every event.  Sizes, not times: one run is enough.

#: A search's bytes (index and results) at 1,000 events, whatever it finds.
BUDGET = 300_000
#: A query that finds every event of a synthetic archive, per language.
EVERY_EVENT = {"en": "PyTorch", "ko": "파이토치"}
#: The search page's summary once its result list is complete, in either language.
FINISHED = (
    "() => { const s = document.querySelector('#search-results .search-summary');"
    " return s && /마쳤습니다|일치하는 문서가 없습니다|Search finished|did not match/"
    ".test(s.textContent); }"
)


@dataclass(frozen=True)
class SearchBytes:
    """One search's downloads: bytes per part, and how many results it listed."""

    page: int
    index: int
    results: int
    fetched_results: int
    found: int

    @property
    def search(self) -> int:
        """The bytes the budget counts: the index and what the results fetched."""
        return self.index + self.results


def part_of(url: str, search_page: str) -> str:
    """Which part of a search a local response is (see the module's docstring)."""
    path = urlsplit(url).path
    if path.endswith("/searchindex.js"):
        return "index"
    if "/_search/" in path or (path.endswith(".html") and path != urlsplit(search_page).path):
        return "results"
    return "page"


def measure_search(page, search_page: str, query: str, timeout: float = 120_000) -> SearchBytes:
    """Search ``query`` on ``search_page`` (a Playwright page, fresh: nothing
    cached) and count what it downloads: each finished local request's
    response body, as the browser received it."""
    finished: list = []

    def record(request) -> None:
        if urlsplit(request.url).hostname in ("127.0.0.1", "localhost"):
            finished.append(request)

    page.on("requestfinished", record)
    try:
        page.goto(f"{search_page}?q={quote(query)}", wait_until="load")
        page.wait_for_function(FINISHED, timeout=timeout)
        # The summaries of the results near the screen, then nothing more.
        page.wait_for_load_state("networkidle", timeout=timeout)
        found = page.locator("#search-results ul.search > li").count()
    finally:
        page.remove_listener("requestfinished", record)
    sizes: dict[str, int] = {"page": 0, "index": 0, "results": 0}
    fetched = 0
    for request in finished:
        response = request.response()
        if response is None or not response.ok:
            continue
        part = part_of(request.url, search_page)
        sizes[part] += request.sizes()["responseBodySize"]
        fetched += part == "results"
    return SearchBytes(sizes["page"], sizes["index"], sizes["results"], fetched, found)


#: The heading of this section of docs/benchmarks.md (kept when not measured).
SEARCH_BYTES_HEADING = "## A search's bytes"
#: The commit before the archive wrote its own index and summaries.
BASELINE = "6ac15cc"
SIZES = (100, 1_000)


def built_archive(tree: Path, work: Path, events: int) -> Path:
    """A synthetic archive of ``events`` made from ``tree``, built in both languages
    by ``tree``'s own package; its output folder."""
    project = synthetic_archive(tree, work, events)
    measure(archive_build(project), project)
    return project / "_build" / "html"


def search_site(site: Path, chromium: Path) -> dict[str, SearchBytes]:
    """Each language's search for a word of every event, counted."""
    from playwright.sync_api import sync_playwright

    from pytorchkr_archive.measure.chromium import (
        CHROMIUM_ARGS,
        OUTSIDE_LOCALHOST,
        block_outside_localhost,
    )
    from pytorchkr_archive.sitebuild.localserver import serve

    found = {}
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for lang in LANGUAGES:
            context = browser.new_context()  # nothing cached
            context.route(OUTSIDE_LOCALHOST, block_outside_localhost)
            page = context.new_page()
            found[lang] = measure_search(
                page, f"{url}/{lang}/search.html", EVERY_EVENT[lang], timeout=600_000
            )
            context.close()
        browser.close()
    return found


def rows(site: Path, events: int, label: str, chromium: Path) -> list[str]:
    """The table's rows of one built archive, one per language."""
    found_rows = []
    for lang, found in search_site(site, chromium).items():
        index = (site / lang / "searchindex.js").read_bytes()
        found_rows.append(
            f"| {events:,} | {label} | {lang} | {found.found:,} | "
            f"{found.index:,} | {len(gzip.compress(index, 9)):,} | "
            f"{found.results:,} ({found.fetched_results:,}) | "
            f"**{found.search:,}** | {found.page:,} |"
        )
    return found_rows


def table(lines: list[str], baseline: str) -> str:
    """This section of the report, around the table's rows."""
    return "\n".join([
        SEARCH_BYTES_HEADING,
        "",
        "A search for a word of every event (`PyTorch`, `파이토치`) on synthetic archives "
        "(the 2025 event and copies of it under other dates), both languages built by "
        f"`make html`'s build, with today's sources and with commit `{baseline}`'s "
        "(Sphinx's search page and index); what Chromium downloads, in bytes of "
        "response bodies (the local server does not compress). *A search* is the index "
        "and what is fetched for the results, the summaries or, before, the pages found "
        f"(budget: {BUDGET:,} B at 1,000 events; `tests/in_browser/test_search_bytes.py` "
        "asserts it on the suite's archive of 110); the search page itself (HTML, CSS, "
        "scripts) is the same for every search. The gzip column is what a compressing "
        "server would send of the index. One run: sizes depend on the sources, not on "
        "the machine (only the number of summaries fetched varies a little, with how many "
        "results are near the screen when their summaries arrive).",
        "",
        "| events | sources | language | results | searchindex.js | gzip -9 "
        "| fetched for results (files) | a search | search page |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        *lines,
    ])  # fmt: skip


def report_search_bytes(source: Path, baseline: str = BASELINE) -> str:
    """This section of the report: 100 and 1,000 events, before and now."""
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit(f"error: {missing_message()}")
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        trees = [
            (f"before (`{baseline}`)", export(source, baseline, work / "baseline")),
            ("now", source),
        ]
        for events in SIZES:
            for number, (label, tree) in enumerate(trees):
                site = built_archive(tree, work / f"{events}-{number}", events)
                lines += rows(site, events, label, chromium)
                shutil.rmtree(site.parent.parent)
    return table(lines, baseline)


#: Where the figures that make bench does not measure begin in docs/benchmarks.md.
KEPT = "<!-- Measured by other commands: make bench keeps what follows. -->"


def kept_section(text: str, heading: str) -> str:
    """A ``## heading`` section of an earlier report (up to the next ``##`` or
    the marker), so that figures not measured this time are not lost."""
    start = text.find(f"\n{heading}\n")
    if start < 0:
        return ""
    rest = text[start + 1 :]
    ends = [i for i in (rest.find("\n## ", 1), rest.find(KEPT)) if i > 0]
    return rest[: min(ends)].rstrip() if ends else rest.rstrip()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m pytorchkr_archive.measure.bench``)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytorchkr_archive.measure.bench",
        description="Measure build and search figures and write them to docs/benchmarks.md.",
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per timing (default: 5)")
    parser.add_argument("--out", type=Path, default=Path("docs/benchmarks.md"))
    parser.add_argument(
        "--only",
        choices=("builds", "search", "search-bytes", "parallel", "scale", "pages"),
        help="measure one section only (the others keep their last figures); scale (the "
        "translator's loop and the feeds' sizes) and pages (the listings' sizes), at 100 and "
        "1,000 events, are measured only so",
    )
    parser.add_argument(
        "--against",
        type=Path,
        metavar="DIR",
        help="with --only scale: also measure the checkout in DIR (git worktree add DIR "
        "<commit>), the runs paired",
    )
    parser.add_argument(
        "--with-kiwi",
        action="store_true",
        help="also index the archive with Kiwi (requirements-bench.lock, as make bench installs)",
    )
    parser.add_argument(
        "--ko-corpus",
        type=Path,
        metavar="FOLDER",
        help="also measure Korean search on the .po files of FOLDER, with Kiwi as the "
        "oracle (make bench KO_CORPUS=FOLDER); without it, the last such figures are kept",
    )
    parser.add_argument(
        "--ko-details",
        action="store_true",
        help="with --ko-corpus: print what is still missed and found in excess",
    )
    args = parser.parse_args(argv)
    old = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
    # The corpus first: a folder that cannot be measured stops before the builds.
    if args.ko_corpus:
        try:
            corpus = report_corpus(args.ko_corpus, args.ko_details)
        except CorpusError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    else:
        corpus = kept_section(old, CORPUS_HEADING)
    # A section not measured this time keeps its last figures.
    sections = [
        report_builds(Path(), args.runs)
        if args.only in (None, "builds")
        else kept_section(old, BUILDS_HEADING),
        report_search(Path(), args.runs, args.with_kiwi)
        if args.only in (None, "search")
        else kept_section(old, SEARCH_HEADING),
        report_search_bytes(Path())
        if args.only == "search-bytes"
        else kept_section(old, SEARCH_BYTES_HEADING),
        report_parallel(Path(), args.runs)
        if args.only in (None, "parallel")
        else kept_section(old, PARALLEL_HEADING),
        report_scale(Path(), args.runs, args.against)
        if args.only == "scale"
        else kept_section(old, SCALE_HEADING),
        report_pages(Path()) if args.only == "pages" else kept_section(old, PAGES_HEADING),
        corpus,
    ]
    sections = [section for section in sections if section]
    header = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m pytorchkr_archive.measure.bench`); run it again to",
        "refresh. Measured on:",
        "",
        "| | |",
        "| --- | --- |",
        *(f"| {key} | {value} |" for key, value in machine()),
        f"| date | {time.strftime('%Y-%m-%d')} |",
        "",
    ]
    text = "\n".join(header) + "\n" + "\n\n".join(sections) + "\n"
    # Figures measured otherwise (the installs, the suite's wall time) follow
    # a marker, and are kept.
    if KEPT in old:
        text += "\n" + old[old.index(KEPT) :]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
