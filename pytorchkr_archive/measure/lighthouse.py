"""``make lighthouse``: Lighthouse scores of the built site, written to ``docs/lighthouse.md``.

Lighthouse (the npm package pinned in ``package-lock.json``, run on the
venv's Node.js) drives the browser tests' Chromium on the site as ``make html``
built it, served on localhost by :mod:`pytorchkr_archive.sitebuild.localserver`:
the landing page and the newest event page of each language, in Lighthouse's
mobile and desktop settings (simulated throttling, the defaults), the median
of several runs each.

The photos are hosted by pytorch.kr, which this offline machine cannot reach:
they are blocked (``--blocked-url-patterns``), as in the browser tests, and
Lighthouse does not count a blocked request as a console error.

Targets: 100 in accessibility, best practices and SEO; at least 95 in
performance.  A page that misses one makes the command fail, listing the
audits that cost it points.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pytorchkr_archive.measure import node
from pytorchkr_archive.measure.chromium import CHROMIUM_ARGS, find_chromium, missing_message
from pytorchkr_archive.measure.machine import command_version, machine
from pytorchkr_archive.sitebuild.localserver import serve

LIGHTHOUSE = Path("node_modules/.bin/lighthouse")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = (
    ("first-contentful-paint", "FCP"),
    ("largest-contentful-paint", "LCP"),
    ("total-blocking-time", "TBT"),
    ("cumulative-layout-shift", "CLS"),
    ("speed-index", "SI"),
)
#: The browser tests' flags, headless.
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])
BLOCKED = "https://pytorch.kr/*"
PRESETS = ("mobile", "desktop")


@dataclass
class Run:
    """One Lighthouse run of one page."""

    scores: dict[str, int]
    metrics: dict[str, str]
    lost: list[str]
    weight: int


def lighthouse_command(url: str, preset: str, output: Path) -> list[str]:
    """The Lighthouse command line for one run."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--blocked-url-patterns={BLOCKED}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    return command


def read_report(path: Path) -> Run:
    """Scores, metrics and the audits that cost points, from a JSON report."""
    report = json.loads(path.read_text(encoding="utf-8"))
    audits = report["audits"]
    scores = {
        name: round(100 * (category["score"] or 0))
        for name, category in report["categories"].items()
    }
    lost = [
        f"{name}: {ref['id']} ({audits[ref['id']]['title']}): "
        f"{audits[ref['id']].get('displayValue') or audits[ref['id']]['score']}"
        for name, category in report["categories"].items()
        for ref in category["auditRefs"]
        if ref["weight"] > 0
        and audits[ref["id"]]["score"] is not None
        and audits[ref["id"]]["score"] < 1
    ]
    metrics = {short: audits[key].get("displayValue", "") for key, short in METRICS}
    weight = int(audits["total-byte-weight"].get("numericValue", 0))
    return Run(scores, metrics, lost, weight)


def run_page(url: str, preset: str, runs: int, work: Path, chromium: Path) -> list[Run]:
    """``runs`` Lighthouse runs of ``url`` in ``chromium``."""
    results = []
    env = node.node_env({**os.environ, "CHROME_PATH": str(chromium)})
    for number in range(runs):
        output = work / f"report-{preset}-{number}.json"
        process = subprocess.run(
            lighthouse_command(url, preset, output),
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        if process.returncode or not output.is_file():
            raise SystemExit(
                f"error: Lighthouse failed on {url} ({preset}):\n{process.stderr.strip()}"
            )
        results.append(read_report(output))
    return results


def median_run(runs: list[Run]) -> Run:
    """The run with the median performance score, as Lighthouse advises for
    variable scores; its other figures come with it, consistent."""
    ordered = sorted(runs, key=lambda run: run.scores["performance"])
    return ordered[len(ordered) // 2]


def pages(site: Path) -> list[tuple[str, str]]:
    """The landing page and the newest event page of each language."""
    found = []
    for lang_dir in sorted(p for p in site.iterdir() if (p / "index.html").is_file()):
        lang = lang_dir.name
        events = sorted(p for p in (lang_dir / "events").glob("*.html") if p.name != "index.html")
        found.append((f"{lang}: landing", f"{lang}/index.html"))
        if events:
            found.append((f"{lang}: event", f"{lang}/events/{events[-1].name}"))
    return found


def report(rows: list[tuple[str, str, Run, list[Run]]], runs: int) -> str:
    """The Markdown page."""
    versions = [
        ("Lighthouse", command_version([str(LIGHTHOUSE), "--version"])),
        ("Node.js", command_version(node.command("node", "--version"))),
    ]
    lines = [
        "# Lighthouse",
        "",
        "Written by `make lighthouse` (`python -m pytorchkr_archive.measure.lighthouse`) on the",
        "site `make html` built, served on localhost; run it again to refresh.",
        f"Median of {runs} runs per page and setting (by performance score), Lighthouse's",
        "default simulated throttling (mobile: a mid-range phone on slow 4G; desktop:",
        "`--preset=desktop`). The photos, hosted by pytorch.kr, are blocked, as this",
        "machine is offline; everything else is the site as published.",
        "",
        "| | |",
        "| --- | --- |",
        *(f"| {key} | {value} |" for key, value in machine(versions)),
        f"| date | {time.strftime('%Y-%m-%d')} |",
        "",
        "Targets: performance at least 95; accessibility, best practices and SEO 100.",
        "",
        "| page | setting | performance | accessibility | best practices | SEO "
        "| FCP | LCP | TBT | CLS | bytes |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, preset, median, all_runs in rows:
        spread = sorted(run.scores["performance"] for run in all_runs)
        performance = f"{median.scores['performance']}"
        if len(spread) > 1:
            performance += f" ({spread[0]}–{spread[-1]})"
        lines.append(
            f"| {label} | {preset} | {performance} | {median.scores['accessibility']} | "
            f"{median.scores['best-practices']} | {median.scores['seo']} | "
            f"{median.metrics['FCP']} | {median.metrics['LCP']} | {median.metrics['TBT']} | "
            f"{median.metrics['CLS']} | {median.weight:,} |"
        )
    missed = [(label, preset, median) for label, preset, median, _ in rows if shortfalls(median)]
    lines.append("")
    if missed:
        lines.append("Missed targets, and the audits that cost points:")
        lines.append("")
        for label, preset, median in missed:
            lines.append(f"- {label} ({preset}): {', '.join(shortfalls(median))}")
            lines.extend(f"  - {audit}" for audit in median.lost)
    else:
        lines.append("Every page meets every target.")
        lost = sorted({audit for _, _, median, _ in rows for audit in median.lost})
        if lost:
            lines += ["", "Audits below full marks in a median run:", ""]
            lines += [f"- {audit}" for audit in lost]
    return "\n".join(lines) + "\n"


def shortfalls(run: Run) -> list[str]:
    """The categories of a run below their target."""
    return [
        f"{name} {run.scores[name]} < {target}"
        for name, target in TARGETS.items()
        if run.scores[name] < target
    ]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``make lighthouse``)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytorchkr_archive.measure.lighthouse",
        description="Run Lighthouse on the built site and write docs/lighthouse.md.",
    )
    parser.add_argument("--site", type=Path, default=Path("_build/html"), help="built site")
    parser.add_argument("--runs", type=int, default=3, help="runs per page and setting")
    parser.add_argument("--preset", choices=PRESETS, action="append", help="default: both")
    parser.add_argument("--out", type=Path, default=Path("docs/lighthouse.md"))
    args = parser.parse_args(argv)
    for needed, hint in (
        (LIGHTHOUSE, "run `make lighthouse`, which installs package-lock.json"),
        (args.site / "index.html", "run `make html` first"),
    ):
        if not needed.exists():
            print(f"error: {needed} is missing: {hint}", file=sys.stderr)
            return 1
    chromium = find_chromium()
    if chromium is None:
        print(f"error: {missing_message()}", file=sys.stderr)
        return 1
    rows = []
    with serve(args.site) as base, tempfile.TemporaryDirectory() as tmp:
        for label, path in pages(args.site):
            for preset in args.preset or PRESETS:
                runs = run_page(f"{base}/{path}", preset, args.runs, Path(tmp), chromium)
                median = median_run(runs)
                rows.append((label, preset, median, runs))
                print(
                    f"{label:>12} {preset:>7}: "
                    + " ".join(f"{name} {median.scores[name]}" for name in CATEGORIES),
                    flush=True,
                )
    text = report(rows, args.runs)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"Written to {args.out}")
    missed = [(label, preset, shortfalls(median)) for label, preset, median, _ in rows]
    missed = [entry for entry in missed if entry[2]]
    for label, preset, what in missed:
        print(f"error: {label} ({preset}) misses its target: {', '.join(what)}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
