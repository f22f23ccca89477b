"""Debian's Chromium, as the browser tests, ``make bench`` and ``make lighthouse`` start it.

One place for the executable, its flags and the rule that keeps it offline,
so that what is measured is what is tested.
"""

from __future__ import annotations

#: Debian's package ``chromium``.
CHROMIUM = "/usr/bin/chromium"
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


def is_local(url: str) -> bool:
    """Whether ``url`` is served by the local server."""
    return url.startswith(("http://127.0.0.1:", "http://localhost:"))


def block_outside_localhost(route, request) -> None:
    """A Playwright route handler: let local requests through, abort every other."""
    if is_local(request.url):
        route.continue_()
    else:
        route.abort()
