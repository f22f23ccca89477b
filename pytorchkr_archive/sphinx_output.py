"""What a ``sphinx-build`` child process prints, less what says nothing to our users.

sphinxext-opengraph prints "matplotlib is not installed, social cards will
not be generated" whenever it is imported without matplotlib.  The archive
turns social cards off (``ogp_social_cards`` in ``conf.py``) and so never
needs matplotlib: on every ``make html`` and ``make update-po`` the line
only made a translator wonder what to install.
"""

from __future__ import annotations

NOISE = frozenset({"matplotlib is not installed, social cards will not be generated"})


def clean(output: str) -> str:
    """``output`` without the known noise lines."""
    return "".join(line for line in output.splitlines(True) if line.strip() not in NOISE)
