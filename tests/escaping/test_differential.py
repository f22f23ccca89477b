"""No translation that passes the catalog gate can change the structure of any output.

A translation is untrusted input.  Each build here puts a hostile string at
the end of every message of every Korean catalog (build ``k`` gives message
``i`` the string ``CORPUS[(i + k) % len(CORPUS)]``, so that after
``len(CORPUS)`` builds every message has met every string), written with
polib as a translator's tool writes it.  Then either the gate
(``check_catalogs``, what ``make check-po`` and the build run) refuses a
message, naming its catalog and its line, and the message gets its
translation back; or the site built from what is left has exactly the
structure of the unmodified build, file by file, as a browser (or feed
reader, calendar, JSON parser) reads it: only text and text attributes may
differ (:mod:`tests.escaping.compare`).

The English build reads no Korean catalog; the first build shows it (both
languages built and compared), the others build and compare Korean only.

Each hostile string is preceded by a marker (`` zq012qz``, the message's
number) so that a difference can be traced to the message that caused it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import polib
import pytest

from pytorchkr_archive.catalogs.report import check_catalogs
from pytorchkr_archive.problems import Problem
from pytorchkr_archive.sitebuild.sources import copy_sources
from tests.conftest import PROJECT, copy_project
from tests.escaping.compare import Difference, compare_file, compare_sites
from tests.helpers import once_per_run

LONG = ('x<y "z" ' * 700)[:5000]

#: The hostile strings, each with a short name.
CORPUS: tuple[tuple[str, str], ...] = (
    ("attr-dq", '" autofocus onfocus="alert(1)" x="'),
    ("attr-sq", "' onmouseover='alert(1)' x='"),
    ("img-lt-alt", "<img src=x alt=< onerror=alert(1)>"),
    ("svg-onload", "<svg/onload=alert(1)>"),
    ("a-unclosed", "<a href=https://evil.example/ x="),
    ("open-b", "<b"),
    ("lone-lt", "<"),
    ("x-at-end", "<x"),
    ("comment-script", "<!--<script "),
    ("end-script", "</script"),
    ("script-breakout", "</script><script>alert(1)</script>"),
    ("title-breakout", "</title><script>alert(1)</script>"),
    ("textarea-end", "</textarea>"),
    ("cdata-end", "]]>"),
    ("entity-script", "&lt;script&gt;"),
    ("entity-quote", "&quot; onx=1 &#34;"),
    ("amp", "&amp;"),
    ("js-url", "javascript:alert(1)"),
    ("md-js-link", "[x](javascript:alert(1))"),
    ("md-autolink", "<https://evil.example>"),
    ("md-image", "![i](https://evil.example/x.png)"),
    ("jinja", "{{ 7*7 }}"),
    ("percent-format", "%(x)s"),
    ("js-template", "${x}"),
    ("ics-escapes", "\\N;X=1,\\"),
    ("LF", "\nX-INJECTED:1"),
    ("CR", "\rX-INJECTED:1"),
    ("NUL", "a\x00b"),
    ("U+2028", "a\u2028b"),
    ("U+000B", "a\x0bb"),
    ("long", LONG),
)
NAMES = [name for name, _ in CORPUS]
MARKER = re.compile(r"zq(\d{3})qz")
#: Checks whose line is that of the offending string, not of the msgid
#: (the reader's tokens: tests/catalogs/test_check_po.py's SYNTAX_CASES).
TOKEN_CHECKS = frozenset({"syntax", "encoding"})
LOCALE = Path("locale") / "ko" / "LC_MESSAGES"
#: Differences shown per output file.
SHOWN = 4


def marker(index: int) -> str:
    return f" zq{index:03d}qz"


def hostile(text: str, added: str) -> str:
    """``text`` with ``added`` at its end (before a final line break, which
    gettext requires a translation to keep when its source has one)."""
    body = text.rstrip("\n")
    return body + added + text[len(body) :]


@dataclass
class Placement:
    """One message of one catalog, and the hostile string it holds."""

    index: int
    catalog: str
    entry: polib.POEntry
    name: str
    original: object
    line: int = 0
    span: tuple[int, int] = (0, 0)
    refused: list[Problem] = field(default_factory=list)

    @property
    def label(self) -> str:
        msgid = self.entry.msgid.strip()
        msgid = msgid if len(msgid) <= 40 else msgid[:39] + "…"
        return f"{self.catalog}:{self.line} {msgid!r} + {self.name}"

    def restore(self) -> None:
        if self.entry.msgid_plural:
            self.entry.msgstr_plural = dict(self.original)  # type: ignore[call-overload]
        else:
            self.entry.msgstr = self.original  # type: ignore[assignment]


def place(project: Path, k: int) -> tuple[dict[str, polib.POFile], list[Placement]]:
    """Every Korean catalog with build ``k``'s hostile strings appended."""
    catalogs: dict[str, polib.POFile] = {}
    placements: list[Placement] = []
    for path in sorted((project / LOCALE).rglob("*.po")):
        shown = path.relative_to(project).as_posix()
        po = polib.pofile(str(path))
        catalogs[shown] = po
        for entry in po:
            if entry.obsolete:
                continue
            index = len(placements)
            name, string = CORPUS[(index + k) % len(CORPUS)]
            added = marker(index) + string
            if entry.msgid_plural:
                original: object = dict(entry.msgstr_plural)
                entry.msgstr_plural = {
                    form: hostile(
                        text or (entry.msgid if form == 0 else entry.msgid_plural), added
                    )
                    for form, text in (entry.msgstr_plural or {0: ""}).items()
                }
            else:
                original = entry.msgstr
                entry.msgstr = hostile(entry.msgstr or entry.msgid, added)
            placements.append(Placement(index, shown, entry, name, original))
    return catalogs, placements


def save(project: Path, catalogs: dict[str, polib.POFile], placements: list[Placement]) -> None:
    """Write the catalogs (polib's layout), and find each message's lines in them.

    Lines are counted as gettext counts them (at ``\\n`` only); polib writes
    one entry per block, in order, after the header's block.
    """
    by_catalog: dict[str, list[Placement]] = defaultdict(list)
    for placement in placements:
        by_catalog[placement.catalog].append(placement)
    for shown, po in catalogs.items():
        path = project / shown
        po.save(str(path))
        lines = path.read_bytes().decode("utf-8", "replace").split("\n")
        blocks: list[tuple[int, int, int]] = []  # first line, msgid line, last line
        start = msgid = None
        for number, line in enumerate([*lines, ""], 1):
            if not line.strip(" \t"):
                if start is not None:
                    blocks.append((start, msgid or start, number - 1))
                start = msgid = None
                continue
            start = start or number
            if line.startswith("msgid ") and msgid is None:
                msgid = number
        entries = [
            b
            for b in blocks
            if any(lines[i - 1].startswith("msgid ") for i in range(b[0], b[2] + 1))
        ]
        assert len(entries) == len(by_catalog[shown]) + 1, f"{shown}: blocks {entries}"
        for placement, (first, msgid_line, last) in zip(
            by_catalog[shown], entries[1:], strict=True
        ):
            placement.line, placement.span = msgid_line, (first, last)


def gate(
    project: Path, catalogs: dict[str, polib.POFile], placements: list[Placement]
) -> list[str]:
    """Run the gate until it refuses nothing, putting back each refused message's
    translation; returns what is wrong with the refusals themselves (a refusal
    that names no message holding a hostile string, or the wrong line)."""
    wrong: list[str] = []
    for _ in range(20):
        save(project, catalogs, placements)
        errors = check_catalogs(project, project / "locale", ["ko"]).errors
        if not errors:
            return wrong
        for problem in errors:
            here = [
                p
                for p in placements
                if p.catalog == problem.path and p.span[0] <= problem.line <= p.span[1]
            ]
            if not here:
                wrong.append(f"refusal names no message that holds a hostile string: {problem}")
                # Go on with every message of that catalog put back.
                for placement in placements:
                    if placement.catalog == problem.path:
                        placement.refused.append(problem)
                        placement.restore()
                continue
            placement = here[0]
            if problem.check not in TOKEN_CHECKS and problem.line != placement.line:
                wrong.append(
                    f"refusal at line {problem.line}, not at the message's msgid line "
                    f"{placement.line}: {problem} ({placement.label})"
                )
            placement.refused.append(problem)
            placement.restore()
    pytest.fail("the gate still refused the catalogs after 20 rounds:\n" + "\n".join(wrong))


@pytest.fixture(scope="session")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sources every build of this module copies (one snapshot, so that a
    change of the working tree during the run is not a difference), and
    their unmodified build (once per run)."""

    def make(folder: Path) -> dict[str, Path]:
        source = copy_project(folder / "source")
        project = copy_sources(source, folder / "baseline")
        process = build(project)
        assert process.returncode == 0, process.stdout + process.stderr
        return {"source": source, "html": project / "_build" / "html"}

    return once_per_run(tmp_path_factory, "escaping-baseline", make)


def build(project: Path, *languages: str) -> subprocess.CompletedProcess:
    """``make html`` in ``project`` (the given languages, else both), warnings as errors."""
    only = [arg for lang in languages for arg in ("-l", lang)]
    return subprocess.run(
        [sys.executable, "-m", "pytorchkr_archive.sitebuild.site", *only],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


def held_by(differences: list[Difference], placements: dict[int, Placement]) -> str:
    found = []
    for difference in differences:
        for match in MARKER.finditer(difference.context):
            placement = placements.get(int(match.group(1)))
            if placement and placement.label not in found:
                found.append(placement.label)
    return "; ".join(found[:4]) or "(no marker nearby)"


def findings(
    k: int,
    placements: list[Placement],
    wrong: list[str],
    failed: str | None,
    differences: dict[str, list[Difference]],
) -> str:
    by_index = {p.index: p for p in placements}
    live = [p for p in placements if not p.refused]
    parts = [
        f"build k={k}: {len(placements)} messages, {len(placements) - len(live)} refused by "
        f"the gate, {len(live)} built"
    ]
    if wrong:
        parts.append("The gate's refusals are not located at the message:")
        parts += [f"  {w}" for w in wrong]
    if failed is not None:
        held: dict[str, list[str]] = defaultdict(list)
        for p in live:
            held[p.name].append(p.label.rsplit(" + ", 1)[0])
        parts.append("The build failed. Messages that held hostile strings:")
        parts += [f"  {name}: {', '.join(labels)}" for name, labels in held.items()]
        parts.append(failed)
    for file, found in differences.items():
        parts.append(f"{file}: {len(found)} difference(s)")
        for difference in found[:SHOWN]:
            parts.append(f"  {difference}\n      held by: {held_by([difference], by_index)}")
    return "\n".join(parts)


def record(k: int, placements: list[Placement], wrong, failed, differences) -> None:
    """With ESCAPING_FINDINGS=<folder>, write the build's findings as JSON there."""
    folder = os.environ.get("ESCAPING_FINDINGS")
    if not folder:
        return
    by_index = {p.index: p for p in placements}
    data = {
        "k": k,
        "refused": [
            {"message": p.label, "problems": [str(x) for x in p.refused]}
            for p in placements
            if p.refused
        ],
        "wrong": wrong,
        "failed": failed,
        "differences": {
            file: [
                {"where": d.where, "what": d.what, "held_by": held_by([d], by_index)}
                for d in found
            ]
            for file, found in differences.items()
        },
    }
    Path(folder).mkdir(parents=True, exist_ok=True)
    (Path(folder) / f"{k:02d}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1))


@pytest.mark.parametrize("k", range(len(CORPUS)), ids=[f"k{k:02d}" for k in range(len(CORPUS))])
def test_hostile_translations_are_refused_or_change_only_text(
    k: int, baseline: dict[str, Path], tmp_path: Path
) -> None:
    project = copy_sources(baseline["source"], tmp_path / "project")
    catalogs, placements = place(project, k)
    wrong = gate(project, catalogs, placements)
    # The English build reads no Korean catalog: the first build shows it
    # (both languages compared), the others build and compare Korean only.
    languages = () if k == 0 else ("ko",)
    process = build(project, *languages)
    failed = None
    differences: dict[str, list[Difference]] = {}
    if process.returncode:
        output = (process.stdout + process.stderr).strip().splitlines()
        failed = "\n".join(output[-40:])
    else:
        sub = "/".join(languages)
        differences = compare_sites(
            baseline["html"] / sub, project / "_build" / "html" / sub, prefix=sub
        )
    record(k, placements, wrong, failed, differences)
    if wrong or failed is not None or differences:
        pytest.fail(findings(k, placements, wrong, failed, differences), pytrace=False)


def test_every_message_meets_every_string() -> None:
    """The rotation: after len(CORPUS) builds each message held each string once."""
    met = Counter(
        (p.catalog, p.entry.msgctxt, p.entry.msgid, p.name)
        for k in range(len(CORPUS))
        for p in place(PROJECT, k)[1]  # read only: nothing is saved
    )
    messages = len(place(PROJECT, 0)[1])
    assert messages > 100
    assert len(met) == messages * len(CORPUS) and set(met.values()) == {1}
    assert len(set(NAMES)) == len(NAMES)
    assert len(LONG) == 5000 and "<" in LONG and '"' in LONG


# -- The comparison can fail ---------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>행사</title>
<meta name="description" content="설명">
<script type="application/ld+json">{"@type": "Event", "name": "행사", "url": "https://a.example/"}</script>
</head><body><a class="x" href="https://a.example/" title="링크">행사</a><p>본문</p></body></html>
"""
CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\n"
    "SUMMARY;LANGUAGE=ko:행사\r\nDTSTAMP:20250101T000000Z\r\nUID:a@b\r\n"
    "URL:https://a.example/\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def _whats(file: str, base: str, new: str) -> list[str]:
    return [d.what for d in compare_file(file, base.encode(), new.encode())]


def test_text_alone_is_no_difference() -> None:
    changed = (
        PAGE.replace("<p>본문", "<p>다른 본문 &lt;b&gt;")
        .replace('title="링크"', 'title="다른 &quot;링크&quot;"')
        .replace('content="설명"', 'content="다른 설명"')
        .replace('"name": "행사"', '"name": "다른 \\"행사\\" </b>"')
    )
    assert _whats("ko/index.html", PAGE, changed) == []
    calendar = CALENDAR.replace("행사", "다른 행사\\, 설명").replace("20250101", "20260101")
    assert _whats("ko/events.ics", CALENDAR, calendar) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('title="링크"', 'title="링크" onfocus="alert(1)"', "attribute added: onfocus"),
        ("<p>본문", "<p>본문<script>alert(1)</script>", "element added: <script>"),
        ('href="https://a.example/"', 'href="https://evil.example/"', "attribute href changed"),
        ('"name": "행사"', '"name": "행사"", "x": 1', "does not parse as JSON"),
        ('"name": "행사"', '"name": "행사", "x": 1', "key added"),
        ("<p>본문", "<p>본문<!--", "element added: <!--"),
        ('content="설명"', 'content="설명" x', "attribute added: x"),
    ],
    ids=["attribute", "element", "href", "broken JSON-LD", "JSON-LD key", "comment", "meta"],
)
def test_a_structural_change_of_a_page_is_reported(old: str, new: str, expected: str) -> None:
    assert old in PAGE
    assert any(
        w.startswith(expected) for w in _whats("ko/index.html", PAGE, PAGE.replace(old, new))
    ), _whats("ko/index.html", PAGE, PAGE.replace(old, new))


def test_an_injected_calendar_property_is_reported() -> None:
    injected = CALENDAR.replace("행사\r\n", "행사\r\nX-INJECTED:1\r\n")
    whats = _whats("ko/events.ics", CALENDAR, injected)
    assert any("line added: 'X-INJECTED:1'" in w for w in whats), whats
    assert any("properties differ" in w for w in whats), whats
    bare_lf = CALENDAR.replace("행사\r\n", "행사\nATTACH:https://evil.example/\r\n")
    assert any("line added" in w for w in _whats("ko/events.ics", CALENDAR, bare_lf))
    changed_url = CALENDAR.replace("URL:https://a.example/", "URL:https://evil.example/")
    assert any(
        "VEVENT.URL" in str(d)
        for d in compare_file("a.ics", CALENDAR.encode(), changed_url.encode())
    )


def test_feeds_scripts_and_unknown_files_are_compared() -> None:
    feed = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        '<summary type="html">&lt;b&gt;x&lt;/b&gt;</summary></feed>'
    )
    assert _whats("ko/feed.xml", feed, feed.replace("<title>t", "<title>u")) == []
    assert any(
        "XML" in w for w in _whats("ko/feed.xml", feed, feed.replace("t</title>", "t\x00</title>"))
    )
    added = feed.replace("x&lt;/b&gt;", "x&lt;/b&gt;&lt;img src=x&gt;")
    assert any("element added: <img" in w for w in _whats("ko/feed.xml", feed, added))
    parallel = 'archiveParallel.receive({"lang":"ko","blocks":[{"h":"<p>a</p>","n":3}]});'
    moved = parallel.replace('"n":3', '"n":9').replace("<p>a", "<p>b")
    assert _whats("ko/_parallel/x.js", parallel, moved) == []
    attack = parallel.replace("<p>a</p>", "<p>a</p><img src=x onerror=alert(1)>")
    assert any("element added: <img" in w for w in _whats("ko/_parallel/x.js", parallel, attack))
    escaped = parallel.replace("});", "}); alert(1);")
    assert any("does not parse" in w for w in _whats("ko/_parallel/x.js", parallel, escaped))
    assert _whats("ko/_static/furo.js", "a()", "b()") == [
        "bytes differ in a file that no translation should change"
    ]


def test_the_generated_pages_record_is_compared_by_its_pages() -> None:
    record = ".archive-generated-pages.json"
    base = json.dumps({"speakers/a": "0" * 64, "events/2024": "1" * 64})
    other_digests = json.dumps({"speakers/a": "2" * 64, "events/2024": "3" * 64})
    assert _whats(record, base, other_digests) == []
    more_pages = json.dumps({"speakers/a": "2" * 64, "speakers/<b>": "3" * 64})
    assert _whats(record, base, more_pages) == ["holds other pages than the baseline's"]
    not_digests = json.dumps({"speakers/a": "<script>", "events/2024": "3" * 64})
    assert _whats(record, base, not_digests) == ["holds something else than digests"]
