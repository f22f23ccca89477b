"""The measuring tools themselves: make bench's synthetic archives, make lighthouse's report."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pytorchkr_archive.events.facts.check_events import main as check_events
from pytorchkr_archive.measure import bench_builds, lighthouse
from pytorchkr_archive.translation.check_po import check_catalogs
from tests.conftest import EVENT, PROJECT, copy_project


def test_a_synthetic_archive_is_a_valid_archive(tmp_path: Path, monkeypatch) -> None:
    project = bench_builds.synthetic_archive(PROJECT, tmp_path / "archive", 4)
    events = sorted(p.name for p in (project / "events").glob("2*.md"))
    assert len(events) == 4
    assert events[-1] == f"{bench_builds.EVENT}.md"
    catalogs = project / "locale" / "ko" / "LC_MESSAGES" / "events"
    assert sorted(p.stem for p in catalogs.glob("2*.po")) == [Path(e).stem for e in events]
    monkeypatch.chdir(project)
    assert check_events([]) == 0
    assert check_catalogs(project, project / "locale").errors == []


def test_measure_reports_time_and_the_largest_process(tmp_path: Path) -> None:
    # A child that holds 64 MiB, started by a parent: the parent's own resident
    # set is smaller, so the figure must come from the grandchild.
    child = "b = bytearray(64 << 20); b[::4096] = bytes(len(b[::4096]))"
    script = (
        f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}], check=True)"
    )
    result = bench_builds.measure([sys.executable, "-c", script], tmp_path)
    assert result.seconds > 0
    assert result.peak_kib > 64 * 1024


def test_the_live_loop_times_rebuilds_that_show_the_edit(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    seconds = bench_builds.live_loop(project, 2)
    assert len(seconds) == 2 and all(s > 0 for s in seconds)
    # Two edits: the second undid the first, and the page shows the original.
    page = project / "_build/live/ko" / f"{EVENT}.html"
    assert bench_builds.EDIT[0] in page.read_text(encoding="utf-8")


def report_json(path: Path, performance: float, seo: float = 1.0) -> Path:
    categories = {
        "performance": performance,
        "accessibility": 1.0,
        "best-practices": 1.0,
        "seo": seo,
    }
    audits = {
        key: {"title": key, "score": 1, "displayValue": "1 s"} for key, _ in lighthouse.METRICS
    }
    audits["total-byte-weight"] = {"title": "bytes", "score": 1, "numericValue": 110_000}
    audits["link-text"] = {"title": "Links have descriptive text", "score": seo}
    path.write_text(
        json.dumps(
            {
                "audits": audits,
                "categories": {
                    name: {
                        "score": score,
                        "auditRefs": [{"id": "link-text", "weight": 1 if name == "seo" else 0}],
                    }
                    for name, score in categories.items()
                },
            }
        )
    )
    return path


def test_lighthouse_median_run_and_targets(tmp_path: Path) -> None:
    runs = [
        lighthouse.read_report(report_json(tmp_path / f"{n}.json", score))
        for n, score in enumerate((0.99, 0.91, 0.97))
    ]
    median = lighthouse.median_run(runs)
    assert median.scores["performance"] == 97
    assert lighthouse.shortfalls(median) == []
    assert lighthouse.shortfalls(runs[1]) == ["performance 91 < 95"]
    text = lighthouse.report([("en: event", "mobile", median, runs)], 3)
    assert "| en: event | mobile | 97 (91–99) | 100 | 100 | 100 |" in text
    assert "Every page meets every target." in text


def test_lighthouse_names_the_audits_that_cost_points(tmp_path: Path) -> None:
    run = lighthouse.read_report(report_json(tmp_path / "r.json", 1.0, seo=0.0))
    assert lighthouse.shortfalls(run) == ["seo 0 < 100"]
    text = lighthouse.report([("ko: event", "mobile", run, [run])], 1)
    assert "- ko: event (mobile): seo 0 < 100" in text
    assert "link-text (Links have descriptive text)" in text


def test_lighthouse_pages_are_the_landing_and_newest_event_pages(tmp_path: Path) -> None:
    for lang in ("en", "ko"):
        (tmp_path / lang / "events").mkdir(parents=True)
        for name in ("index", "2024-01-01-old", "2025-03-30-new"):
            (tmp_path / lang / "events" / f"{name}.html").write_text("")
        (tmp_path / lang / "index.html").write_text("")
    assert lighthouse.pages(tmp_path) == [
        ("en: landing", "en/index.html"),
        ("en: event", "en/events/2025-03-30-new.html"),
        ("ko: landing", "ko/index.html"),
        ("ko: event", "ko/events/2025-03-30-new.html"),
    ]


def test_page_sizes_find_the_listing_pages_and_what_they_link(tmp_path: Path) -> None:
    from pytorchkr_archive.measure.bench_builds import listing_pages, page_weight

    html = tmp_path / "en"
    for name in ("index", "events/index", "events/2024", "series/a", "series/a/2024", "speakers",
                 "events/2024-05-01-meetup", "speakers/ada-park", "series/index"):  # fmt: skip
        (html / f"{name}.html").parent.mkdir(parents=True, exist_ok=True)
        (html / f"{name}.html").write_text("<p>page</p>", encoding="utf-8")
    found = {p.relative_to(html).as_posix() for p in listing_pages(html)}
    assert found == {
        "index.html",
        "events/index.html",
        "events/2024.html",
        "series/a.html",
        "series/a/2024.html",
        "speakers.html",
    }
    (html / "_static").mkdir()
    (html / "_static/site.css").write_text("x" * 100, encoding="utf-8")
    (html / "_static/site.js").write_text("y" * 10, encoding="utf-8")
    page = html / "events/2024.html"
    text = (
        '<link rel="stylesheet" href="../_static/site.css?v=1" />'
        '<script src="../_static/site.js?v=2"></script>'
        '<script src="https://example.com/remote.js"></script>'
    )
    page.write_text(text, encoding="utf-8")
    assert page_weight(page, html) == len(text) + 100 + 10


def test_make_bench_writes_the_section_it_measured_and_keeps_the_others(
    monkeypatch, tmp_path: Path
) -> None:
    """``--only pages`` measures one section (the builds stubbed here) and
    writes it, the last figures of the others kept; it once stopped at
    writing, its report a list of lines where every other is text."""
    from pytorchkr_archive.measure import bench

    out = tmp_path / "benchmarks.md"
    headings = (bench_builds.BUILDS_HEADING, bench_builds.SCALE_HEADING)
    earlier = "# Benchmarks\n\n" + "\n\n".join(f"{h}\n\nearlier figures" for h in headings)
    out.write_text(f"{earlier}\n\n{bench_builds.PAGES_HEADING}\n\nearlier sizes\n", "utf-8")
    figures = {"landing page": {"en": (25_100, 106_100), "ko": (26_500, 131_200)}}
    monkeypatch.setattr(bench_builds, "built_sizes", lambda source, work, events: figures)
    monkeypatch.setattr(bench_builds, "export", lambda source, commit, dest: dest)
    monkeypatch.setattr(bench, "machine", lambda: [("CPU", "test")])
    assert bench.main(["--only", "pages", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "earlier sizes" not in text
    assert "| landing page | 25.1 / 106.1 | 26.5 / 131.2 ⚠ |" in text
    assert text.count("earlier figures") == 2 and all(h in text for h in headings)
