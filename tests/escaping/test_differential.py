"""No translation that passes the catalog gate can change the structure of any output.

A translation is untrusted input.  The hostile strings of :data:`CORPUS` are
put at the end of the messages of every Korean catalog, written with polib as
a translator's tool writes them, in two steps.

**The gate, every pair.**  In round ``k`` (no build), message ``i`` holds the
string ``CORPUS[(i + k) % len(CORPUS)]`` alone, so that after
``len(CORPUS)`` rounds every message has met every string.  The gate
(``check_file``, what ``make check-po`` and the build run) refuses some,
naming the catalog and line, which must be the message's; a refused message
gets its translation back and the gate runs again until it refuses nothing.
The rounds are shared by the tests that need them, across xdist workers.

**The builds, every string the gate lets through.**  Each message then holds,
at once, every string the gate accepted for it in the rounds (each behind a
marker naming the message and the string), the gate is run on that, and the
site is built from it: the built site must have exactly the structure of the
unmodified build (the ``site`` fixture's), file by file, as a browser (or feed
reader, calendar, JSON parser) reads it; only text and text attributes may
differ (:mod:`tests.escaping.compare`).  Two builds, the strings in one order
and in the other, so that each string comes early in a message once (a place
that shortens a text sees it too); the very long string only in the second,
last, and in one message of each kind (:func:`long_holders`).
A string the gate accepts alone is accepted beside the others: if not, the
test says which.  The English build reads no Korean catalog: the first build
shows it (both languages built and compared), the second builds Korean only.

Putting every accepted string in one message is what makes two builds do
the work of one build per string (31, at three minutes of the suite's time);
each string still meets every message, alone at the gate and together in
the builds.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import polib
import pytest

from pytorchkr_archive.catalogs.files import catalog_files
from pytorchkr_archive.catalogs.glossary import load_glossary
from pytorchkr_archive.catalogs.report import check_file
from pytorchkr_archive.problems import Problem, shown_path
from pytorchkr_archive.sitebuild.site import sphinx_command
from pytorchkr_archive.sitebuild.sources import copy_sources
from tests.conftest import PROJECT
from tests.escaping.compare import Difference, compare_file, compare_sites
from tests.helpers import once_per_run, python_m

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
#: A marker before each hostile string: the message's number and the string's.
MARKER = re.compile(r"zq(\d{3})s(\d{2})qz")
#: Checks whose line is that of the offending string, not of the msgid
#: (the reader's tokens: tests/catalogs/test_check_po.py's SYNTAX_CASES).
TOKEN_CHECKS = frozenset({"syntax", "encoding"})
LOCALE = Path("locale") / "ko" / "LC_MESSAGES"
#: Differences shown per output file.
SHOWN = 4
#: The orders of the builds' strings.
ORDERS = ("forward", "backward")
#: The seed that picks the messages holding the very long string in the builds.
LONG_SEED = 20251206


def marker(index: int, string: int) -> str:
    return f" zq{index:03d}s{string:02d}qz"


def hostile(text: str, added: str) -> str:
    """``text`` with ``added`` at its end (before a final line break, which
    gettext requires a translation to keep when its source has one)."""
    body = text.rstrip("\n")
    return body + added + text[len(body) :]


Key = tuple[str, str | None, str]


@dataclass
class Placement:
    """One message of one catalog, and the hostile strings it holds."""

    index: int
    catalog: str
    entry: polib.POEntry
    strings: list[int]
    original: object
    line: int = 0
    span: tuple[int, int] = (0, 0)
    refused: list[Problem] = field(default_factory=list)

    @property
    def key(self) -> Key:
        return (self.catalog, self.entry.msgctxt, self.entry.msgid)

    @property
    def label(self) -> str:
        msgid = self.entry.msgid.strip()
        msgid = msgid if len(msgid) <= 40 else msgid[:39] + "…"
        held = ", ".join(NAMES[j] for j in self.strings)
        return f"{self.catalog}:{self.line} {msgid!r} + {held}"

    def restore(self) -> None:
        if self.entry.msgid_plural:
            self.entry.msgstr_plural = dict(self.original)  # type: ignore[call-overload]
        else:
            self.entry.msgstr = self.original  # type: ignore[assignment]


def titled(project: Path) -> list[tuple[Key, bool]]:
    """Every message of the Korean catalogs, and whether it is its page's title
    (the first message without a context of a page's catalog: an event's
    facts come before it; the interface's catalog has no title)."""
    _, found = messages(project)
    first = {
        shown: entry
        for shown, entry in reversed(found)
        if not entry.msgctxt and not shown.endswith("/sphinx.po")
    }
    return [((shown, e.msgctxt, e.msgid), e is first.get(shown)) for shown, e in found]


def messages(project: Path) -> tuple[dict[str, polib.POFile], list[tuple[str, polib.POEntry]]]:
    """Every Korean catalog of ``project``, and its messages in order."""
    catalogs: dict[str, polib.POFile] = {}
    found: list[tuple[str, polib.POEntry]] = []
    for path in sorted((project / LOCALE).rglob("*.po")):
        shown = path.relative_to(project).as_posix()
        catalogs[shown] = polib.pofile(str(path))
        found += [(shown, entry) for entry in catalogs[shown] if not entry.obsolete]
    return catalogs, found


def place(project: Path, chosen) -> tuple[dict[str, polib.POFile], list[Placement]]:
    """Every Korean catalog with, in message ``i``, the strings ``chosen(i, entry)``."""
    catalogs, found = messages(project)
    placements: list[Placement] = []
    for index, (shown, entry) in enumerate(found):
        strings = chosen(index, (shown, entry.msgctxt, entry.msgid))
        added = "".join(marker(index, j) + CORPUS[j][1] for j in strings)
        if entry.msgid_plural:
            original: object = dict(entry.msgstr_plural)
            entry.msgstr_plural = {
                form: hostile(text or (entry.msgid if form == 0 else entry.msgid_plural), added)
                for form, text in (entry.msgstr_plural or {0: ""}).items()
            }
        else:
            original = entry.msgstr
            entry.msgstr = hostile(entry.msgstr or entry.msgid, added)
        placements.append(Placement(index, shown, entry, list(strings), original))
    return catalogs, placements


def rotation(k: int):
    """Round ``k``: message ``i`` holds string ``(i + k) % len(CORPUS)`` alone."""
    return lambda index, key: [(index + k) % len(CORPUS)]


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


def refusals(project: Path, shown: list[str]) -> list[Problem]:
    """The gate's errors on the given catalogs, as the build's gate checks them."""
    terms, _ = load_glossary(project / LOCALE.parent / "glossary.csv", "glossary.csv")
    files = {shown_path(file.path, project): file for file in catalog_files(project / "locale")}
    errors: list[Problem] = []
    for name in shown:
        errors += check_file(files[name], project, terms, errors_only=True).errors
    return errors


def gate(
    project: Path, catalogs: dict[str, polib.POFile], placements: list[Placement]
) -> list[str]:
    """Run the gate until it refuses nothing, putting back each refused message's
    translation (and checking again only the catalogs that changed); returns
    what is wrong with the refusals themselves (a refusal that names no
    message holding a hostile string, or the wrong line)."""
    wrong: list[str] = []
    shown = list(catalogs)
    for _ in range(20):
        save(project, {name: catalogs[name] for name in shown}, placements)
        errors = refusals(project, shown)
        if not errors:
            return wrong
        shown = sorted({problem.path for problem in errors})
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


# -- The gate, every pair -------------------------------------------------------------


@dataclass(frozen=True)
class Round:
    """What the gate did in one round: the messages (by key) whose string it
    refused, every message's string, and what was wrong with its refusals."""

    k: int
    held: dict[Key, int]
    refused: frozenset[Key]
    wrong: tuple[str, ...]


def gate_round(source: Path, folder: Path, k: int) -> Round:
    project = folder / "project"
    shutil.copytree(source / LOCALE.parent, project / LOCALE.parent)
    catalogs, placements = place(project, rotation(k))
    wrong = gate(project, catalogs, placements)
    return Round(
        k,
        {p.key: p.strings[0] for p in placements},
        frozenset(p.key for p in placements if p.refused),
        tuple(wrong),
    )


@pytest.fixture(scope="session")
def snapshot(site: Path) -> Path:
    """The sources the unmodified ``site`` was built from: every round and build
    starts from them, so that a change of the working tree during the run is
    not a difference."""
    return site.parent.parent


def the_round(factory: pytest.TempPathFactory, source: Path, k: int) -> Round:
    """Round ``k``, made once per run whichever test or worker asks first."""
    return once_per_run(
        factory, f"gate-round-{k:02d}", lambda folder: gate_round(source, folder, k)
    )


@pytest.mark.parametrize("k", range(len(CORPUS)), ids=[f"k{k:02d}" for k in range(len(CORPUS))])
def test_the_gate_refuses_each_string_at_its_message(
    k: int, snapshot: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    found = the_round(tmp_path_factory, snapshot, k)
    assert len(found.held) > 300
    assert found.wrong == (), "\n".join(found.wrong)


def accepted(rounds: list[Round]) -> dict[Key, list[int]]:
    """Each message's strings that the gate let through, in the corpus's order."""
    strings: dict[Key, list[int]] = defaultdict(list)
    for found in rounds:
        for key, string in found.held.items():
            if key not in found.refused:
                strings[key].append(string)
    return {key: sorted(held) for key, held in strings.items()}


# -- The builds, every accepted string at once --------------------------------------


def build(project: Path, *languages: str) -> subprocess.CompletedProcess:
    """Each of the given languages (else both) built with ``make html``'s command
    line for it, in this process, warnings as errors; the first failure's."""
    for lang in languages or ("en", "ko"):
        command = sphinx_command(Path(), Path("_build/html"), Path("_build/doctrees"), lang, [])
        process = python_m(command[2:], project)
        if process.returncode:
            break
    return process


def in_order(strings: list[int], order: str, long: bool = True) -> list[int]:
    """The strings in a build's order; the very long one in the second build
    only (where ``long``), and last."""
    ordered = strings if order == ORDERS[0] else strings[::-1]
    very_long = NAMES.index("long")
    last = [j for j in ordered if j == very_long] if long and order != ORDERS[0] else []
    return [j for j in ordered if j != very_long] + last


def kind(key: Key, title: bool) -> tuple[str, str | None, bool]:
    """What decides where a message is shown: its catalog's kind (the interface,
    the people's names, an event's, another page's), its context (an event
    fact's field), and whether it is its page's title."""
    name = key[0].removeprefix(f"{LOCALE.as_posix()}/")
    catalog = {"sphinx.po": "interface", "speakers.po": "people"}.get(name, "page")
    if name.startswith("events/2"):
        catalog = "event"
    return catalog, key[1], title


def long_holders(keys: list[tuple[Key, bool]]) -> set[Key]:
    """The messages that hold the very long string in the builds: one of each
    :func:`kind`, picked with a fixed seed.

    The string is there for its length: what a place does with 5,000
    characters depends on the kind of place, not on which message of the
    kind lands there.  In every message at once it would make each page that
    shows titles (listings, sidebars, people's pages) hundreds of kilobytes,
    which is most of what the builds cost to compare.  At the gate it meets
    every message, alone.
    """
    groups: dict[tuple, list[Key]] = defaultdict(list)
    for key, title in keys:
        groups[kind(key, title)].append(key)
    pick = random.Random(LONG_SEED)
    return {pick.choice(group) for _, group in sorted(groups.items(), key=str)}


def held_by(differences: list[Difference], placements: dict[int, Placement]) -> str:
    found = []
    for difference in differences:
        for match in MARKER.finditer(difference.context):
            placement = placements.get(int(match.group(1)))
            if placement is None:
                continue
            what = f"{placement.label.split(' + ')[0]} + {NAMES[int(match.group(2))]}"
            if what not in found:
                found.append(what)
    return "; ".join(found[:4]) or "(no marker nearby)"


def findings(
    order: str,
    placements: list[Placement],
    wrong: list[str],
    failed: str | None,
    differences: dict[str, list[Difference]],
) -> str:
    by_index = {p.index: p for p in placements}
    live = [p for p in placements if not p.refused]
    parts = [
        f"build {order}: {len(placements)} messages holding "
        f"{sum(len(p.strings) for p in placements)} strings; "
        f"{len(placements) - len(live)} refused together by the gate, {len(live)} built"
    ]
    together = [p for p in placements if p.refused]
    if together:
        parts.append("The gate accepts each of these strings alone, not together:")
        parts += [f"  {p.label}: {p.refused[0]}" for p in together]
    if wrong:
        parts.append("The gate's refusals are not located at the message:")
        parts += [f"  {w}" for w in wrong]
    if failed is not None:
        parts.append("The build failed. Messages that held hostile strings:")
        parts += [f"  {p.label}" for p in live if p.strings][:40]
        parts.append(failed)
    for file, found in differences.items():
        parts.append(f"{file}: {len(found)} difference(s)")
        for difference in found[:SHOWN]:
            parts.append(f"  {difference}\n      held by: {held_by([difference], by_index)}")
    return "\n".join(parts)


def record(order: str, placements: list[Placement], wrong, failed, differences) -> None:
    """With ESCAPING_FINDINGS=<folder>, write the build's findings as JSON there."""
    folder = os.environ.get("ESCAPING_FINDINGS")
    if not folder:
        return
    by_index = {p.index: p for p in placements}
    data = {
        "order": order,
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
    (Path(folder) / f"{order}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1))


@pytest.mark.parametrize("order", ORDERS)
def test_every_string_the_gate_accepts_changes_only_text(
    order: str,
    snapshot: Path,
    site: Path,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    rounds = [the_round(tmp_path_factory, snapshot, k) for k in range(len(CORPUS))]
    strings = accepted(rounds)
    project = copy_sources(snapshot, tmp_path / "project")
    long = long_holders(titled(project))
    catalogs, placements = place(
        project, lambda index, key: in_order(strings[key], order, key in long)
    )
    wrong = gate(project, catalogs, placements)
    # The English build reads no Korean catalog: the first build shows it (both
    # languages compared), the other builds and compares Korean only.
    languages = () if order == ORDERS[0] else ("ko",)
    process = build(project, *languages)
    failed = None
    differences: dict[str, list[Difference]] = {}
    if process.returncode:
        output = (process.stdout + process.stderr).strip().splitlines()
        failed = "\n".join(output[-40:])
    else:
        # Each language's folder: the root page (make html's, from conf.py's
        # table of languages) is not Sphinx's, and no catalog reaches it.
        for lang in languages or ("en", "ko"):
            built = project / "_build" / "html" / lang
            differences |= compare_sites(site / lang, built, prefix=lang)
    record(order, placements, wrong, failed, differences)
    together = [p for p in placements if p.refused]
    if together or wrong or failed is not None or differences:
        pytest.fail(findings(order, placements, wrong, failed, differences), pytrace=False)


def test_every_message_meets_every_string_at_the_gate_and_in_a_build() -> None:
    """The rotation: after len(CORPUS) rounds each message held each string
    once; the builds' messages hold every string they were accepted with."""
    _, found = messages(PROJECT)
    keys = [(shown, entry.msgctxt, entry.msgid) for shown, entry in found]
    assert len(keys) > 300 and len(set(keys)) == len(keys)
    met = {
        (key, rotation(k)(index, key)[0])
        for k in range(len(CORPUS))
        for index, key in enumerate(keys)
    }
    assert met == {(key, j) for key in keys for j in range(len(CORPUS))}
    some = list(range(len(CORPUS)))
    first, second = (in_order(some, order) for order in ORDERS)
    assert sorted(second) == some and second[-1] == NAMES.index("long")
    assert sorted(first) == [j for j in some if NAMES[j] != "long"]
    assert first[0] == second[-2] and first[-1] == second[0]
    assert in_order(some, ORDERS[1], long=False) == second[:-1]
    # The very long string goes to one message of each kind, the same each run.
    holders = long_holders(titled(PROJECT))
    kinds = {kind(key, title) for key, title in titled(PROJECT)}
    assert len(holders) == len(kinds) > 10 and holders == long_holders(titled(PROJECT))
    assert {kind(key, title) for key, title in titled(PROJECT) if key in holders} == kinds
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
