"""The Chromium that the browser tests, ``make bench`` and ``make lighthouse`` start.

Debian's Chromium where it is installed (CI installs it: these machines reach
Debian's archive, not Playwright's downloads), and otherwise Playwright's own,
which ``make test`` installs with ``playwright install chromium``.  One place
for the executable, its flags and the rule that keeps it offline, so that what
is measured is what is tested.

``python -m pytorchkr_archive.measure.chromium --install`` is that step of
``make test``: it prints which Chromium it found, or, where neither can be
had, the one message that says how to get one.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

#: Debian's package ``chromium``; ``CHROMIUM=/path`` names another build.
DEBIAN_CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
#: No sandbox (root in a container), and none of Chromium's own calls to
#: Google's servers, which this machine's closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: What to do where no Chromium can be had: said once by ``make test``, and
#: given as the reason of every browser test it stops.
HOW_TO_GET_ONE = (
    "no Chromium for the browser tests: Debian's ({debian}) is not installed and "
    "Playwright's could not be installed ({why}). Install one of them: "
    "`apt-get install chromium` (Debian, Ubuntu), or "
    "`.venv/bin/playwright install --with-deps chromium` where Playwright's "
    "download is reachable; then run `make test` again."
)


@functools.cache
def playwright_chromium() -> Path:
    """Where Playwright keeps its own Chromium (whether or not it is installed).

    Cached: asking starts Playwright's driver, and the answer does not change
    when the browser is installed."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        return Path(playwright.chromium.executable_path)


def find_chromium() -> Path | None:
    """Debian's Chromium, else Playwright's, else None."""
    if os.access(DEBIAN_CHROMIUM, os.X_OK):
        return DEBIAN_CHROMIUM
    own = playwright_chromium()
    return own if own.is_file() else None


def missing_message(why: str = "it was not installed") -> str:
    """The message for a machine with no Chromium."""
    return HOW_TO_GET_ONE.format(debian=DEBIAN_CHROMIUM, why=why)


def install() -> tuple[Path | None, str]:
    """Find a Chromium, installing Playwright's if there is none: (path, message)."""
    found = find_chromium()
    if found:
        return found, f"Chromium for the browser tests: {found}"
    process = subprocess.run(
        [sys.executable, "-m", "playwright", "install", "chromium"],
        capture_output=True,
        text=True,
        check=False,
    )
    found = find_chromium()
    if found:
        return found, f"Chromium for the browser tests: {found} (installed by Playwright)"
    lines = [line.strip() for line in (process.stderr + process.stdout).splitlines()]
    why = next((line for line in lines if line.startswith("Error:")), None)
    why = why or f"`playwright install chromium` exited {process.returncode}"
    return None, missing_message(why.removeprefix("Error: "))


#: Every URL the local server does not serve: route it to
#: :func:`block_outside_localhost`.  Only these requests are stopped and handed
#: to Python; the local ones go through untouched (routing every request
#: through a handler made each page load 80 % slower here).
OUTSIDE_LOCALHOST = re.compile(r"^(?!http://(127\.0\.0\.1|localhost):)")


@contextlib.contextmanager
def outside_localhost_refused() -> Iterator[list[str]]:
    """Launch arguments with which Chromium itself refuses every request that
    is not for localhost, while the context lasts.

    Every request goes to a proxy on a port this process holds bound and never
    listens on, so each connection to it is refused at once: http, https,
    WebSockets, names and bare addresses alike.  Chromium sends localhost
    past any proxy by itself.  Unlike a Playwright route (:data:`OUTSIDE_LOCALHOST`),
    which pauses every request of a context to match it and turns the context's
    HTTP cache off, this costs the pages nothing: the browser tests' page loads
    took a fifth less processor time.  A refused request fails as a routed one
    does (``requestfailed``, a console error whose source is its URL).
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as held:
        held.bind(("127.0.0.1", 0))
        yield [f"--proxy-server=http://127.0.0.1:{held.getsockname()[1]}"]


def is_local(url: str) -> bool:
    """Whether ``url`` is served by the local server (the same rule as routing)."""
    return OUTSIDE_LOCALHOST.match(url) is None


def block_outside_localhost(route, request) -> None:
    """A Playwright route handler for :data:`OUTSIDE_LOCALHOST`: abort the request."""
    route.abort()


def main(argv: list[str] | None = None) -> int:
    """``--install``: find or install a Chromium; exit 0 either way outside CI, so
    that the tests that need no browser still run (the browser tests then stop
    with the same message); in CI, exit 1."""
    parser = argparse.ArgumentParser(prog="python -m pytorchkr_archive.measure.chromium")
    parser.add_argument(
        "--install", action="store_true", required=True, help="install Playwright's if none"
    )
    parser.parse_args(argv)
    found, message = install()
    if found:
        print(message)
        return 0
    print(f"error: {message}", file=sys.stderr)
    return 1 if os.environ.get("CI") else 0


if __name__ == "__main__":
    raise SystemExit(main())
