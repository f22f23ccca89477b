"""What an organizer reads when an event page is wrong: the field's line, the values, what to do.

Each scenario is the organizer's own: ``make new-event`` then ``make check``
then a build; a front matter with a Korean city, a date that is not the file
name's, an end before the start, a misspelt field or time zone, a bad URL;
``ARCHIVE_NOW`` without its offset; ``make new-event`` with a bad date or
slug.  Every message is checked for its line, the values it names and its
advice, and for the absence of pydantic's wording and of a traceback.
Builds are few: one that fails on a page made by ``make new-event`` and a
Korean city, and two that stop at once on a bad ``ARCHIVE_NOW``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pytorchkr_archive.events.facts.collection import collect
from pytorchkr_archive.events.facts.schema import load_event, unknown_zone
from pytorchkr_archive.project import project_languages
from pytorchkr_archive.sphinx_build import clean
from tests.conftest import EVENT, PROJECT, TESTS, copy_project
from tests.events.organizer import fill_in
from tests.helpers import python_m

ROOT = TESTS / "roots" / "test-events"
GAMMA = "events/2024-11-15-gamma.md"
#: What must never reach an organizer: pydantic's words, Python's, Sphinx's crash report.
FOREIGN_WORDS = re.compile(
    r"Input should|valid URL|For further information visit|type=|Field required|Value error|"
    r"Traceback|Configuration error|Extension error|please open an issue|\[type="
)
NEW_EVENT = [sys.executable, "-m", "pytorchkr_archive.events.facts.new_event"]
CHECK_EVENTS = [sys.executable, "-m", "pytorchkr_archive.events.facts.check_events"]


def clean_message(text: str) -> None:
    """No third-party wording, no traceback."""
    assert not FOREIGN_WORDS.search(text), text


def command(args: list[str], cwd: Path, **environ: str) -> subprocess.CompletedProcess:
    """A command in ``cwd``; the archive's and Sphinx's in this process
    (:func:`tests.helpers.python_m`)."""
    env = {**os.environ, **environ}
    if args[:2] == [sys.executable, "-m"]:
        return python_m(args[2:], cwd, env)
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def line_of(path: Path, written: str) -> int:
    """The line of a page that holds ``written``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if written in line)


def root_with(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the test project whose gamma event has ``old`` replaced by ``new``."""
    root = tmp_path / "root"
    shutil.copytree(ROOT, root)
    path = root / GAMMA
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def problems_of(root: Path) -> list:
    _, problems = collect(root, project_languages(root))
    for problem in problems:
        clean_message(str(problem))
    return problems


# -- make new-event, then make check ------------------------------------------------


@pytest.fixture
def new_page(tmp_path: Path) -> tuple[Path, Path]:
    """A test project with a page just made by ``make new-event``, for a date ahead."""
    root = tmp_path / "root"
    shutil.copytree(ROOT, root)
    made = command(
        [*NEW_EVENT, "--date", "2027-01-20", "--slug", "winter-meetup", "--source", str(root)],
        PROJECT,
        ARCHIVE_NOW="2026-12-01T12:00:00+09:00",
    )
    assert made.returncode == 0, made.stderr
    assert "Until none is left, make check, make update-po and make html refuse" in made.stdout
    return root, root / "events" / "2027-01-20-winter-meetup.md"


#: Each TODO the template writes for an event ahead: the text of its line, its field.
TEMPLATE_TODOS = {
    "  start: TODO": ("event.start", '"13:00"'),
    "  end: TODO": ("event.end", '"18:00"'),
    "  city: TODO": ("event.city", "the city's name"),
    "  registration: https://TODO": ("event.registration", "or delete the line"),
    "  summary: ": ("event.summary", "one line on what the event is"),
    "  announcement: ": ("event.announcement", "a short announcement"),
    "        - name: TODO": ("event.sessions[0].speakers[0].name", "the speaker's name"),
    "      title: TODO": ("event.sessions[0].title", "or delete the session"),
    "    - uid: TODO": ("event.sessions[0].uid", "lower-case letters, digits and dashes"),
    "# TODO: the event's title": ("page text", "the event's title"),
    "TODO: what the event will be.": ("page text", "what it asks for"),
}


def test_every_todo_of_the_template_is_an_error_at_its_line(new_page) -> None:
    root, page = new_page
    check = command([*CHECK_EVENTS, "--source", str(root)], PROJECT)
    assert check.returncode == 1
    clean_message(check.stdout + check.stderr)
    shown = "events/2027-01-20-winter-meetup.md"
    found = {
        (int(m["line"]), m["field"]): m["message"]
        for m in re.finditer(
            rf"^{shown}:(?P<line>\d+): (?P<field>[^:]+): (?P<message>.*)$", check.stdout, re.M
        )
    }
    wanted = {
        (line_of(page, text), field): advice for text, (field, advice) in TEMPLATE_TODOS.items()
    }
    assert set(found) == set(wanted)
    for where, advice in wanted.items():
        assert "is left from the template: write" in found[where] and advice in found[where]
    # The commented-out optional fields are comments, not values.
    assert line_of(page, "#   url: https://TODO") not in {line for line, _ in found}
    assert f"check-events: {len(wanted)} problem(s) in 5 event page(s)" in check.stdout
    # Not published: the event is not among the build's events.
    pages, _ = collect(root)
    assert "events/2027-01-20-winter-meetup" not in [p.docname for p in pages]


def test_a_past_event_s_page_and_a_filled_in_page(new_page, tmp_path: Path) -> None:
    root, page = new_page
    made = command(
        [*NEW_EVENT, "--date", "2025-11-30", "--slug", "autumn", "--source", str(root)],
        PROJECT,
        ARCHIVE_NOW="2026-12-01T12:00:00+09:00",
    )
    assert made.returncode == 0
    past = root / "events" / "2025-11-30-autumn.md"
    _, problems = collect(root)
    lines = {p.line for p in problems if p.path.endswith("autumn.md")}
    body = [
        n
        for n, row in enumerate(past.read_text("utf-8").splitlines(), 1)
        if row.startswith(("TODO", "# TODO", "## TODO"))
    ]
    assert len(body) == 4 and set(body) <= lines
    assert line_of(past, "# registration: https://TODO") not in lines  # a comment
    fill_in(page, "Winter meetup")
    fill_in(past)
    pages, problems = collect(root)
    assert problems == []
    assert {"events/2027-01-20-winter-meetup", "events/2025-11-30-autumn"} <= {
        p.docname for p in pages
    }


def test_todo_in_code_or_lower_case_is_not_a_placeholder(tmp_path: Path) -> None:
    root = root_with(
        tmp_path,
        "A synthetic event",
        "A todo list app, `TODO` markers and\n\n```python\n# TODO: x\n```\n\n"
        "% TODO: a comment\n\n```{note}\nTODO: a note is text\n```\n\nA synthetic event",
    )
    problems = problems_of(root)
    note = line_of(root / GAMMA, "TODO: a note is text")
    assert [(p.line, p.field) for p in problems] == [(note, "page text")]


# -- the front matter in English only -----------------------------------------------

TRANSLATED = [
    ("city: Daejeon", "city: 부산", "event.city", "event city", "Hangul"),
    (
        "- name: Chul Lee",
        "- name: 이철",
        "event.sessions[0].speakers[0].name",
        "speaker name",
        "Hangul",
    ),
    ("author: Dana Choi", "author: ㅊㄷㄴ", "event.author", "recap author", "Hangul"),
    ("title: Graphs", "title: グラフ", "event.sessions[0].title", "session title", "kana"),
    (
        "name: Example Corp",
        "name: 例子公司",
        "event.sponsor.name",
        "sponsor name",
        "Chinese characters",
    ),
]


@pytest.mark.parametrize(("old", "new", "field", "context", "script"), TRANSLATED)
def test_a_translation_in_a_translated_field_says_where_it_goes(
    tmp_path: Path, old: str, new: str, field: str, context: str, script: str
) -> None:
    root = root_with(tmp_path, old, new)
    problems = problems_of(root)
    assert [(p.line, p.field) for p in problems] == [(line_of(root / GAMMA, new), field)]
    message = problems[0].message
    assert repr(new.split(": ", 1)[1]) in message and f"is in {script}" in message
    assert "English, the front matter's language, does not write: write the English" in message
    # A person's name is translated once, in the speakers page's catalog.
    catalog = "speakers" if context == "speaker name" else "events/2024-11-15-gamma"
    assert f"locale/ko/LC_MESSAGES/{catalog}.po" in message
    assert f'msgctxt "{context}"' in message and "make update-po" in message


def test_a_translation_table_names_the_catalog_and_context_too(tmp_path: Path) -> None:
    root = root_with(tmp_path, "city: Daejeon", "city: {en: Daejeon, ko: 대전}")
    problems = problems_of(root)
    assert [(p.line, p.field) for p in problems] == [(7, "event.city")]
    assert "its translations are in the page's catalog" in problems[0].message
    assert 'msgctxt "event city"' in problems[0].message


def test_korean_where_nothing_is_translated_stays(tmp_path: Path) -> None:
    """An organisation's name is not translated: written as it is, in any script."""
    root = root_with(
        tmp_path,
        "        - name: Chul Lee",
        "        - name: Chul Lee\n          organization: 네이버",
    )
    assert problems_of(root) == []


# -- each problem at its field's line, with the values and what to write -------------

SCENARIOS = {
    "date not the file's": (
        "date: 2024-11-15",
        "date: 2024-11-16",
        "event.date",
        [
            "2024-11-16",
            "2024-11-15",
            "fix the date",
            "rename the page to events/2024-11-16-gamma.md",
            "locale/*/LC_MESSAGES/events/2024-11-15-gamma.po",
        ],
    ),
    "end before start": (
        'end: "17:30"',
        'end: "09:00"',
        "event.end",
        [
            'ends at "09:00", before it starts ("10:00")',
            "write the time it ends, after its start",
            "ends after midnight is not supported",
        ],
    ),
    "end when it starts": ('end: "17:30"', 'end: "10:00"', "event.end", ["when it starts"]),
    "misspelt field": (
        "- name: Chul Lee",
        "- nmae: Chul Lee",
        "event.sessions[0].speakers[0].nmae",
        ["unknown field: did you mean 'name'?", "'name' is required, and missing"],
    ),
    "old spelling of the sessions": (
        "  sessions:",
        "  talks:",
        "event.talks",
        ["'talks' is now 'sessions', the word of the group's record"],
    ),
    "old spelling of a speaker": (
        "      speakers:\n        - name: Chul Lee",
        "      speaker: Chul Lee",
        "event.sessions[0].speaker",
        ["'speaker' is now 'speakers'", "'- name: ...'"],
    ),
    "old spelling of the status": (
        "city: Daejeon",
        "city: Daejeon\n  status: held",
        "event.status",
        ["'status' is now 'event_status'"],
    ),
    "misspelt field of a venue": (
        "  sponsor:",
        "  venue:\n    name: Hall\n    url: https://hall.example/\n    adress: 1 Road\n  sponsor:",
        "event.venue.adress",
        ["did you mean 'address'?"],
    ),
    "unknown field": (
        "  city:",
        "  hashtag: pytorch\n  city:",
        "event.hashtag",
        ["unknown field: the fields of event are date, start, end"],
    ),
    "time zone of a city without one": (
        "timezone: Asia/Seoul",
        "timezone: Asia/Busan",
        "event.timezone",
        [
            "unknown time zone 'Asia/Busan': did you mean 'Asia/Seoul'?",
            "the time zone of Republic of Korea",
        ],
    ),
    "time zone in lower case": (
        "timezone: Asia/Seoul",
        "timezone: asia/seoul",
        "event.timezone",
        ["did you mean 'Asia/Seoul'?"],
    ),
    "URL without its scheme": (
        "url: https://example.com/",
        "url: example.com",
        "event.sponsor.url",
        [
            "'example.com' is not a full URL",
            "write a full URL starting with https://",
            "'https://example.com'",
        ],
    ),
    "URL of another kind": (
        "registration: https://example.com/register",
        "registration: ftp://example.com/register",
        "event.registration",
        ["'ftp://example.com/register'", "write a full URL starting with https://"],
    ),
    "URL without a host": (
        "en: https://example.com/en/gamma",
        'en: "https://"',
        "event.recaps.en",
        ["'https://' is not a full URL", "write a full URL starting with https://"],
    ),
    "day not in the calendar": (
        "date: 2024-11-15",
        "date: 2024-02-30",
        "event.date",
        ["'2024-02-30' is not a day of the calendar", "YYYY-MM-DD"],
    ),
    "hour not in a day": (
        'start: "10:00"',
        'start: "25:00"',
        "event.start",
        ["'25:00' is not a time of day", '"00:00" to "23:59"'],
    ),
    "unquoted time": (
        'start: "10:00"',
        "start: 10:00",
        "event.start",
        ['write "10:00"', "YAML reads 10:00 as the number 600"],
    ),
    "empty field": ("city: Daejeon", "city:", "event.city", ["an empty value where a text goes"]),
    "value not offered": (
        "city: Daejeon",
        "city: Daejeon\n  event_status: maybe",
        "event.event_status",
        ["'maybe' is not one of its values", "'scheduled', 'held', 'cancelled' or 'postponed'"],
    ),
    "missing field": (
        "  summary:",
        "  summery:",
        "event.summery",
        ["did you mean 'summary'?", "'summary' is required, and missing"],
    ),
    "a past event known in part names its sources": (
        "  country: Republic of Korea\n",
        "",
        "event",
        ["known in part (without country)", "add 'sources:'"],
    ),
}


@pytest.mark.parametrize("case", SCENARIOS, ids=list(SCENARIOS))
def test_each_problem_is_at_its_field_s_line_with_values_and_advice(
    tmp_path: Path, case: str
) -> None:
    old, new, field, words = SCENARIOS[case]
    root = root_with(tmp_path, old, new)
    problems = problems_of(root)
    assert [p.field for p in problems] == [field], problems
    key = field.rsplit(".", 1)[-1].split("[")[0]
    written = line_of(root / GAMMA, f"{key}:") if new else 2  # missing: the event: line
    if case == "misspelt field":
        written = line_of(root / GAMMA, "nmae:")
    assert problems[0].line == written
    for word in words:
        assert word in problems[0].message, (word, problems[0].message)


def test_a_time_zone_without_a_suggestion_says_what_to_write() -> None:
    message = unknown_zone("Mars/Base", "Mars")
    assert "did you mean" not in message
    assert "write an IANA time zone, such as Asia/Seoul" in message


#: Values of every kind YAML can give, for every field: none may reach pydantic's words.
VALUES = [
    "",
    "~",
    "yes",
    "12",
    "1.5",
    "13:00",
    "[a, b]",
    "{a: 1}",
    "{en: x, ko: y}",
    "'2024-02-30'",
    "2024-11-15T10:00",
    "ftp://x",
    "x y",
    "https://",
    "!!binary aGk=",
    "https://a:99999/",
    "'https://" + "a" * 2100 + ".com'",
    "-1",
    "'a' ",
    '"\\x0b"',
]
#: A session, the start of the fields of one.
SESSION = "  sessions:\n    - uid: a\n      title: T\n"
FIELDS = {
    "date": "  date: {}\n",
    "start": "  start: {}\n",
    "end": "  end: {}\n",
    "timezone": "  timezone: {}\n",
    "city": "  city: {}\n",
    "venue": "  venue: {}\n",
    "venue.url": "  venue:\n    name: V\n    url: {}\n",
    "registration": "  registration: {}\n",
    "attendance": "  attendance: {}\n",
    "recaps": "  recaps: {}\n",
    "recaps.en": "  recaps:\n    en: {}\n",
    "recaps key": "  recaps:\n    {}: https://a.example/\n",
    "organizations": "  organizations: {}\n",
    "organizations[0]": "  organizations:\n    - {}\n",
    "sessions": "  sessions: {}\n",
    "sessions[0].uid": "  sessions:\n    - uid: {}\n      title: T\n",
    "sessions[0].speakers[0].name": f"{SESSION}      speakers:\n        - name: {{}}\n",
    "sessions[0].video": f"{SESSION}      video: {{}}\n",
    "sessions[0].video.state": f"{SESSION}      video:\n        state: {{}}\n",
    "sessions[0].video.youtube_id": f"{SESSION}      video:\n        state: public\n"
    "        youtube_id: {}\n",
    "sessions[0].slides.url": f"{SESSION}      slides:\n        state: public\n"
    "        url: {}\n",
    "sources": "  sources: {}\n",
    "last_verified_at": "  last_verified_at: {}\n",
    "group_ids": "  group_ids: {}\n",
    "related_links": "  related_links:\n    - kind: {}\n      title: T\n      url: https://a.example/\n",
    "registration.closes_at": "  registration:\n    url: https://a.example/\n    closes_at: {}\n",
}
BASE = {
    "date": "2024-11-15",
    "start": '"10:00"',
    "end": '"17:30"',
    "timezone": "Asia/Seoul",
    "city": "Daejeon",
    "country": "Republic of Korea",
    "summary": "x",
}


def test_no_value_of_any_field_gets_pydantic_s_words_or_a_traceback(tmp_path: Path) -> None:
    page = tmp_path / "2024-11-15-x.md"
    seen = 0
    for field, template in FIELDS.items():
        top = field.split(".")[0].split("[")[0].split(" ")[0]
        for value in VALUES:
            lines = "".join(f"  {k}: {v}\n" for k, v in BASE.items() if k != top)
            page.write_text(f"---\nevent:\n{lines}{template.format(value)}---\n", "utf-8")
            first = 3 + lines.count("\n")  # the line of the field tried
            _, problems = load_event(page, "events/2024-11-15-x.md")
            for problem in problems:
                clean_message(problem.message)
                # At the field's own line; the front matter's when it is not YAML.
                assert problem.line >= first or problem.field == "event", problem
                seen += 1
    assert seen > 150


# -- the commands and the build -------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "slug", "words"),
    [
        ("2025-13-01", "x", "DATE='2025-13-01' is not a date: write it as YYYY-MM-DD"),
        ("", "x", "DATE is missing: make new-event DATE=YYYY-MM-DD SLUG=name"),
        ("2025-11-30", "Bad_Slug", "SLUG='Bad_Slug': use lower-case letters, digits and hyphens"),
        ("2026-01-01", "gamma", "SLUG='gamma' is already the slug of events/2024-11-15-gamma.md"),
    ],
)
def test_new_event_refuses_in_one_line(tmp_path: Path, date: str, slug: str, words: str) -> None:
    root = tmp_path / "root"
    shutil.copytree(ROOT, root)
    made = command([*NEW_EVENT, "--date", date, "--slug", slug, "--source", str(root)], PROJECT)
    assert made.returncode == 2 and made.stdout == ""
    assert made.stderr.startswith(f"new-event: error: {words}")
    assert made.stderr.count("\n") == 1 and "usage:" not in made.stderr


def test_new_event_counts_a_half_filled_page_s_slug(new_page) -> None:
    root, _ = new_page
    made = command(
        [*NEW_EVENT, "--date", "2027-02-01", "--slug", "winter-meetup", "--source", str(root)],
        PROJECT,
    )
    assert made.returncode == 2
    assert "already the slug of events/2027-01-20-winter-meetup.md" in made.stderr


def test_archive_now_without_offset_is_one_line_and_no_crash_report(tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(ROOT, root)
    made = command(
        [*NEW_EVENT, "--date", "2027-02-01", "--slug", "x", "--source", str(root)],
        PROJECT,
        ARCHIVE_NOW="2027-01-01T00:00",
    )
    line = (
        "ARCHIVE_NOW='2027-01-01T00:00' is not a time with its offset: write it as "
        "2027-01-01T00:00:00+09:00 (or unset ARCHIVE_NOW to build as of now)"
    )
    assert made.returncode == 2 and made.stderr == f"new-event: error: {line}\n"
    project = copy_project(tmp_path / "project", first_event=True)
    build = command(
        [sys.executable, "-m", "pytorchkr_archive.sitebuild.site"],
        project,
        ARCHIVE_NOW="2027-01-01T00:00",
    )
    output = build.stdout + build.stderr
    assert build.returncode != 0
    clean_message(output)
    assert "Versions" not in output and "sphinx-err-" not in output
    # One line, once: make html reads the clock before it starts the languages.
    assert build.returncode == 2 and output == f"error: {line}\n"
    assert "reading sources" not in output
    assert not (project / "_build" / "html").exists()


def test_the_build_refuses_a_half_filled_page_and_a_korean_city(tmp_path: Path) -> None:
    """``make new-event``, then the build, as the organizer would run them."""
    project = copy_project(tmp_path / "project", first_event=True)
    environ = {"ARCHIVE_NOW": "2026-12-01T12:00:00+09:00"}
    made = command(
        [*NEW_EVENT, "--date", "2027-01-20", "--slug", "winter-meetup"], project, **environ
    )
    assert made.returncode == 0
    real = project / f"{EVENT}.md"
    real.write_text(real.read_text("utf-8").replace("city: Seoul", "city: 부산"), "utf-8")
    build = command(
        [sys.executable, "-m", "pytorchkr_archive.sitebuild.site", "-l", "en"], project, **environ
    )
    output = build.stdout + build.stderr
    assert build.returncode == 1
    clean_message(output)
    assert "MdParserConfig" not in output
    page = project / "events" / "2027-01-20-winter-meetup.md"
    for text, (field, advice) in TEMPLATE_TODOS.items():
        where = f"{page}:{line_of(page, text)}: WARNING: {field}: "
        assert where in output and advice in output.split(where, 1)[1].split("\n", 1)[0]
    where = f"{real}:{line_of(real, 'city: 부산')}: WARNING: event.city: '부산' is in Hangul"
    assert where in output
    assert "locale/ko/LC_MESSAGES/events/2025-03-30-pytorch-core-conference.po" in output
    assert not (project / "_build" / "html").exists()


def test_myst_s_configuration_line_is_noise() -> None:
    line = "myst v5.2.0: MdParserConfig(commonmark_only=False, gfm_only=False)\n"
    assert clean(
        f"Running Sphinx v9.0.4\n{line}\x1b[01mmyst v5.2.0:\x1b[39;49;00m {line[13:]}"
    ) == ("Running Sphinx v9.0.4\n")
    assert clean("WARNING: myst v5 said MdParserConfig( is odd\n") != ""
