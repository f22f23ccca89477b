"""Serve a built site on localhost the way Read the Docs serves it.

``make serve`` (a preview), the browser tests and ``make lighthouse`` use it.
Beyond Python's static file server, a missing page under a language folder is
answered with that language's ``404.html`` and status 404, as Read the Docs
does, so the not-found page can be seen and measured at any depth.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


class ArchiveRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, quiet; a missing page gets its language's 404 page."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(
        self, code: int, message: str | None = None, explain: str | None = None
    ) -> None:
        lang = self.path.lstrip("/").split("/", 1)[0]
        not_found = Path(self.directory, lang, "404.html")
        if code != 404 or not lang or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(root: Path, port: int = 0) -> Iterator[str]:
    """Serve ``root`` on localhost (a free port by default); yields the base URL."""
    handler = functools.partial(ArchiveRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``make serve``)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytorchkr_archive.sitebuild.localserver",
        description="Preview the built site on localhost, 404 pages included.",
    )
    parser.add_argument("--root", type=Path, default=Path("_build/html"), help="built site")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    args = parser.parse_args(argv)
    if not (args.root / "index.html").is_file():
        print(f"error: {args.root}/index.html is missing: run `make html` first", file=sys.stderr)
        return 1
    with serve(args.root, args.port) as url:
        print(f"Serving {args.root}/ on {url}/ (Ctrl+C to stop)")
        with suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
