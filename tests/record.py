"""The group's record of its events, read from the seeds' facts file.

``tests/seeds/pytorchkr-events.md`` is the facts of the group's own record
(its events, sessions, speakers and videos, each with its source), as the
seeds give them: a YAML block per event and a table of its sessions.  The
record test (tests/events/test_the_record.py) checks the built site against
what this module reads, so it reads only the facts, never guesses: a value
the record marks "not in file" is None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

#: The copy in the project, and the seeds it was copied from (when present).
FACTS = Path(__file__).resolve().parent / "seeds" / "pytorchkr-events.md"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "pytorchkr-events.md"

EVENT_HEADING = re.compile(r"^### E(\d+) — (\S+)$", re.M)
YAML_BLOCK = re.compile(r"```yaml\n(.*?)```", re.S)
#: A top-level ``key: value`` line of an event's block (the blocks are YAML-like
#: notes, not YAML: URLs in flow lists, remarks after values).
FIELD = re.compile(r"^(\w+): (.*?)(?:\s+#.*)?$", re.M)
#: "(two spaces after 키노트, as in source)": the seeds' note on a title, not the title.
NOTE = re.compile(r" \((?:two spaces|[^)]*as in source)[^)]*\)$")


@dataclass(frozen=True)
class RecordSession:
    """A session as the record writes it."""

    uid: str
    title: str
    speakers: tuple[str, ...]
    video_state: str
    youtube_id: str | None


@dataclass(frozen=True)
class RecordEvent:
    """An event as the record writes it (Korean where the record is Korean)."""

    uid: str
    title: str
    date: dt.date
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    group_ids: tuple[str, ...]
    sessions: tuple[RecordSession, ...]

    @property
    def public_videos(self) -> set[str]:
        return {s.youtube_id for s in self.sessions if s.youtube_id}


def _moment(value: object) -> dt.datetime | None:
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}T", value):
        return dt.datetime.fromisoformat(value)
    return None


def _value(written: str) -> object:
    """A value as the block writes it: a quoted text, a ``[list]``, or a word."""
    written = written.strip()
    if written.startswith('"') and written.endswith('"'):
        return written[1:-1]
    if written.startswith("[") and written.endswith("]"):
        return [item.strip() for item in written[1:-1].split(",")]
    return written


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _sessions(section: str) -> tuple[RecordSession, ...]:
    """The session table of an event's section (the first table after its YAML)."""
    lines = [line for line in section.splitlines() if line.startswith("|")]
    if not lines:
        return ()
    header = _cells(lines[0])

    def column(*names: str) -> int:
        return next(i for i, h in enumerate(header) if any(h.startswith(n) for n in names))

    uid, title = column("uid"), column("title")
    speakers, state, youtube = column("speaker"), column("video.state"), column("youtube_id")
    found = []
    for line in lines[2:]:
        cells = _cells(line)
        video = cells[youtube]
        found.append(
            RecordSession(
                uid=cells[uid],
                title=NOTE.sub("", cells[title]),
                speakers=tuple(name.strip() for name in cells[speakers].split(";")),
                video_state=cells[state],
                youtube_id=video if re.fullmatch(r"[\w-]{11}", video) else None,
            )
        )
    return tuple(found)


def read_record(path: Path = FACTS) -> list[RecordEvent]:
    """The record's events, in its order (chronological)."""
    text = path.read_text(encoding="utf-8")
    headings = list(EVENT_HEADING.finditer(text))
    events = []
    for number, heading in enumerate(headings):
        end = headings[number + 1].start() if number + 1 < len(headings) else len(text)
        section = text[heading.end() : end].split("\n---\n")[0]
        block = YAML_BLOCK.search(section)
        facts = {key: _value(value) for key, value in FIELD.findall(block[1])}
        groups = facts.get("group_ids")
        events.append(
            RecordEvent(
                uid=facts["uid"],
                title=facts["title"],
                date=dt.date.fromisoformat(str(facts["event_date"])),
                starts_at=_moment(facts.get("starts_at")),
                ends_at=_moment(facts.get("ends_at")),
                group_ids=tuple(groups) if isinstance(groups, list) else (),
                sessions=_sessions(section[block.end() :]),
            )
        )
    return events
