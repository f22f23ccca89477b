"""What an organizer does after ``make new-event``: replace every TODO of the page.

The tests that build a page made by ``make new-event`` fill it in first, as
the organizer must: a TODO left is an error for the build.
"""

from __future__ import annotations

import re
from pathlib import Path

#: The facts an organizer writes in place of the template's TODOs.
FACTS = {
    "start": '"13:00"',
    "end": '"18:00"',
    "city": "Seoul",
    "registration": "https://event-us.kr/pytorchkr/event/999999",
    "summary": '"An afternoon of talks on compilers."',
    "announcement": '"Registration is open."',
    "- uid": "compilers",
    "title": "Compilers for accelerators",
    "- name": "Ada Park",
}


def fill_in(page: Path, title: str = "Autumn meetup", **facts: str) -> None:
    """Replace every TODO of a page from the template: its fields (``facts``
    overrides :data:`FACTS`, keyed by field), its title and its text."""
    text = page.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    for key, value in {**FACTS, **facts}.items():
        head = re.sub(
            rf"^(\s*{re.escape(key)}): .*\bTODO\b.*$",
            lambda match, value=value: f"{match[1]}: {value}",
            head,
            flags=re.MULTILINE,
        )
    assert "TODO" not in "".join(line.split("#")[0] for line in head.splitlines())
    assert "TODO" in body
    page.write_text(
        f"{head}\n---\n\n# {title}\n\nTwo talks on compilers, in Seoul.\n", encoding="utf-8"
    )
