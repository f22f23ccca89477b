"""``make bench``'s parallel view section: what the view costs a reader.

Measured in Chromium on a fresh build of both languages, served on
localhost: the bytes of the event page in the default view (its HTML, CSS,
JavaScript and fonts, photos excluded, as the weight test counts them), what
turning the view on adds, and the time the view takes to show once its
files are loaded (``performance.measure("archive-parallel-render")``, from
the data in hand to every block in place) and from the click (which
includes loading the files from localhost, nothing cached).
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from pytorchkr_archive.measure.chromium import (
    CHROMIUM_ARGS,
    OUTSIDE_LOCALHOST,
    block_outside_localhost,
    find_chromium,
)
from pytorchkr_archive.sitebuild.site import build

PARALLEL_HEADING = "## Parallel view"
EVENT = "events/2025-03-30-pytorch-core-conference"
OTHER = {"en": "ko", "ko": "en"}
#: Turn the view on and wait until it shows; the render time and the click's.
TURN_ON = """async () => {
  const start = performance.now();
  document.querySelector("button.parallel-toggle").click();
  while (!document.documentElement.dataset.parallel) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  const render = performance.getEntriesByName("archive-parallel-render").at(-1).duration;
  return [render, performance.now() - start];
}"""


#: The bytes the page has loaded (photos excluded), once its fonts are in:
#: the document and every stylesheet, script and font, decoded.
LOADED_BYTES = """async () => {
  await document.fonts.ready;
  const [navigation] = performance.getEntriesByType("navigation");
  return performance.getEntriesByType("resource")
    .filter((entry) => entry.initiatorType !== "img")
    .reduce((total, entry) => total + entry.decodedBodySize, navigation.decodedBodySize);
}"""


def _measure(url: str, chromium: Path, runs: int) -> list[str]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for lang in OTHER:
            renders, clicks = [], []
            for _run in range(runs):
                # A new context each time: nothing cached, nothing remembered.
                context = browser.new_context()
                context.route(OUTSIDE_LOCALHOST, block_outside_localhost)
                page = context.new_page()
                page.goto(f"{url}/{lang}/{EVENT}.html", wait_until="load")
                default = page.evaluate(LOADED_BYTES)
                render, click = page.evaluate(TURN_ON)
                page.wait_for_load_state("networkidle")
                added = page.evaluate(LOADED_BYTES) - default
                renders.append(render)
                clicks.append(click)
                boxes = page.locator(".parallel-block").count()
                context.close()
            rows.append(
                f"| {lang} beside {OTHER[lang]} | {default / 1000:.1f} KB | "
                f"+{added / 1000:.1f} KB | {boxes} | {statistics.median(renders):.1f} ms | "
                f"{statistics.median(clicks):.1f} ms |"
            )
        browser.close()
    return rows


def report_parallel(source: Path, runs: int) -> str:
    """The parallel view section of the report (empty without Chromium)."""
    from pytorchkr_archive.sitebuild.localserver import serve

    chromium = find_chromium()
    if not chromium:
        return ""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "html"
        if build(source, out, Path(tmp) / "doctrees"):
            raise SystemExit("the site did not build: see above")
        with serve(out) as url:
            rows = _measure(url, chromium, max(runs, 5))
    lines = [
        PARALLEL_HEADING,
        "",
        "The event page in Chromium, served on localhost (photos excluded). The default view",
        "loads nothing of the parallel view but its toggle; turning it on loads the view's",
        "script and style and the two languages' data files. Render: from the data in hand",
        "to every block in place; click: from the click, files (not cached) included. Medians",
        f"of {max(runs, 5)} page loads.",
        "",
        "| page | default view | view on adds | blocks shown | render | click to shown |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        *rows,
    ]
    return "\n".join(lines)
