"""What a ``sphinx-build`` child process prints, less what says nothing to our users.

sphinxext-opengraph prints "matplotlib is not installed, social cards will
not be generated" whenever it is imported without matplotlib.  The archive
turns social cards off (``ogp_social_cards`` in ``conf.py``) and so never
needs matplotlib: on every ``make html`` and ``make update-po`` the line
only made a translator wonder what to install.

MyST prints its whole configuration (``myst v5.2.0: MdParserConfig(...)``,
one line of some thirty settings) at the start of every build that is not
``-q``, whatever the settings (``myst_parser.sphinx_ext.main``,
``create_myst_config``, at ``builder-inited``): a problem never shows there.
"""

from __future__ import annotations

import re

NOISE = frozenset({"matplotlib is not installed, social cards will not be generated"})
#: Lines that differ from one release to the next, by their start.
NOISE_PATTERNS = (
    re.compile(r"^(?:\x1b\[[0-9;]*m)*myst v\S+:(?:\x1b\[[0-9;]*m)* MdParserConfig\("),
)


def noise(line: str) -> bool:
    """Whether a line of Sphinx's output says nothing to our users."""
    text = line.strip()
    return text in NOISE or any(pattern.match(text) for pattern in NOISE_PATTERNS)


def clean(output: str) -> str:
    """``output`` without the known noise lines."""
    return "".join(line for line in output.splitlines(True) if not noise(line))
