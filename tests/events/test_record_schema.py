"""The record's shapes refuse what would publish a dead button, a leak or a half fact.

Each case is a page an organizer could write; each problem names the field,
its line and what to write, in the archive's words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pytorchkr_archive.events.facts.messages import field_messages
from pytorchkr_archive.events.facts.schema import load_event

HEAD = (
    '---\nevent:\n  date: 2024-11-15\n  start: "10:00"\n  end: "17:30"\n'
    "  timezone: Asia/Seoul\n  city: Seoul\n  country: Republic of Korea\n"
    '  summary: "x"\n'
)
SESSION = "  sessions:\n    - uid: a\n      title: T\n"

CASES = {
    "public video without its id": (
        SESSION + "      video: {state: public}\n",
        "event.sessions[0].video",
        "a public video needs its 'youtube_id:'",
    ),
    "an id on a private video": (
        SESSION + "      video: {state: private, youtube_id: zlXhyeBeQJ0}\n",
        "event.sessions[0].video",
        "a private video has no 'youtube_id:'",
    ),
    "a limited video without its reason": (
        SESSION + "      video: {state: limited}\n",
        "event.sessions[0].video",
        "a limited video needs its 'reason:'",
    ),
    "a reason on a public video": (
        SESSION + "      video: {state: public, youtube_id: zlXhyeBeQJ0, reason: R}\n",
        "event.sessions[0].video",
        "only a limited video has a 'reason:'",
    ),
    "a whole URL for an id": (
        SESSION + "      video: {state: public, youtube_id: 'https://youtu.be/zlXhyeBeQJ0'}\n",
        "event.sessions[0].video.youtube_id",
        "not the whole URL",
    ),
    "a negative start": (
        SESSION + "      video: {state: public, youtube_id: zlXhyeBeQJ0, start_seconds: -5}\n",
        "event.sessions[0].video.start_seconds",
        "",
    ),
    "a state the record does not have": (
        SESSION + "      video: {state: lost}\n",
        "event.sessions[0].video.state",
        "'public', 'pending', 'private', 'not_recorded', 'limited' or 'unknown'",
    ),
    "public slides without their URL": (
        SESSION + "      slides: {state: public, format: PDF}\n",
        "event.sessions[0].slides",
        "public slides need their 'url:'",
    ),
    "a URL on pending slides": (
        SESSION + "      slides: {state: pending, url: 'https://s.example/a.pdf'}\n",
        "event.sessions[0].slides",
        "pending slides have no 'url:'",
    ),
    "two sessions with one uid": (
        SESSION + "    - uid: a\n      title: U\n",
        "event.sessions",
        "two sessions have the uid 'a'",
    ),
    "a uid that is no anchor": (
        "  sessions:\n    - uid: Talk One\n      title: T\n",
        "event.sessions[0].uid",
        "lower-case letters, digits and dashes",
    ),
    "a registration that closes before it opens": (
        "  registration:\n    url: https://r.example/\n"
        '    opens_at: "2024-11-01T10:00:00+09:00"\n    closes_at: "2024-10-01T10:00:00+09:00"\n',
        "event.registration",
        "registration closes (2024-10-01T10:00:00+09:00) before it opens",
    ),
    "a moment without its offset": (
        '  registration:\n    url: https://r.example/\n    closes_at: "2024-10-01T10:00"\n',
        "event.registration.closes_at",
        "with the offset of its time zone",
    ),
    "an original language that is no language code": (
        "  original_language: Korean\n",
        "event.original_language",
        "'Korean' is not a language code",
    ),
    "a related link of no kind": (
        "  related_links:\n    - kind: blog\n      title: T\n      url: https://b.example/\n",
        "event.related_links[0].kind",
        "'recap', 'video'",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_each_shape_refuses_what_it_cannot_publish(tmp_path: Path, case: str) -> None:
    extra, field, words = CASES[case]
    page = tmp_path / "2024-11-15-x.md"
    page.write_text(f"{HEAD}{extra}---\n\n# X\n", encoding="utf-8")
    event, problems = load_event(page, "events/2024-11-15-x.md")
    assert event is None
    assert [p.field for p in problems] == [field], problems
    assert words in problems[0].message
    assert "Input should" not in problems[0].message and "pydantic" not in problems[0].message
    lines = page.read_text(encoding="utf-8").splitlines()
    key = field.rsplit(".", 1)[-1].split("[")[0]
    assert key in lines[problems[0].line - 1], (problems[0].line, lines)


@pytest.mark.parametrize(
    ("facts", "words"),
    [
        ('  date: 2030-01-10\n  summary: "x"\n  sources: [https://s.example/]\n',
         "an event ahead needs start, end, timezone, city, country"),
        ('  date: 2020-01-10\n  summary: "x"\n', "add 'sources:'"),
        ('  date: 2020-01-10\n  start: "10:00"\n  summary: "x"\n  sources: [https://s.example/]\n',
         "both its times or neither"),
        ('  date: 2020-01-10\n  start: "10:00"\n  end: "11:00"\n  summary: "x"\n'
         "  sources: [https://s.example/]\n", "the times need their 'timezone:'"),
    ],
)  # fmt: skip
def test_only_a_past_event_with_its_sources_may_be_known_in_part(
    tmp_path: Path, facts: str, words: str
) -> None:
    date = facts.split("date: ")[1][:10]
    page = tmp_path / f"{date}-x.md"
    page.write_text(f"---\nevent:\n{facts}---\n\n# X\n", encoding="utf-8")
    import datetime as dt

    event, problems = load_event(page, f"events/{page.name}", dt.date(2026, 12, 1))
    assert event is None and len(problems) == 1, problems
    assert words in problems[0].message, problems[0].message


def test_a_past_event_known_by_its_date_and_source_is_valid(tmp_path: Path) -> None:
    import datetime as dt

    page = tmp_path / "2020-01-10-x.md"
    page.write_text(
        '---\nevent:\n  date: 2020-01-10\n  summary: "x"\n  sources: [https://s.example/]\n'
        "---\n\n# X\n",
        encoding="utf-8",
    )
    event, problems = load_event(page, "events/2020-01-10-x.md", dt.date(2026, 12, 1))
    assert problems == [] and event is not None and not event.timed


def test_a_series_without_its_page_is_named_with_what_to_do(tmp_path: Path) -> None:
    page = tmp_path / "2024-11-15-x.md"
    page.write_text(f"{HEAD}  group_ids: [tech-seminar]\n---\n\n# X\n", encoding="utf-8")
    known = ("tech-seminars", "vllm-kr")
    _, problems = load_event(page, "events/2024-11-15-x.md", None, known)
    assert [(p.field, p.line) for p in problems] == [("event.group_ids", 10)]
    assert "did you mean 'tech-seminars'?" in problems[0].message
    _, problems = load_event(page, "events/2024-11-15-x.md", None, ("vllm-kr",))
    assert "add series/tech-seminar.md" in problems[0].message


# -- people --------------------------------------------------------------------------------------


def people_root(tmp_path: Path, registry: str) -> Path:
    (tmp_path / "speakers.md").write_text(f"---\n{registry}---\n\n# Speakers\n", "utf-8")
    return tmp_path


def test_the_people_registry_refuses_what_would_make_two_people_one_or_one_two(
    tmp_path: Path,
) -> None:
    from pytorchkr_archive.events.facts.collection import load_people

    people, problems = load_people(people_root(tmp_path, "people:\n  - name: Jerry Lee\n"
                                                "    also: [Jaeung, 이제응]\n"))  # fmt: skip
    assert [(p.line, p.field) for p in problems] == [(4, "people[0]")]
    assert (
        "is not a name in English" in problems[0].message and "speakers.po" in problems[0].message
    )
    assert people.name("Jaeung") == "Jerry Lee"
    _, problems = load_people(people_root(tmp_path, "people:\n  - name: A Kim\n    also: [B Kim]\n"
                                          "  - name: C Kim\n    also: [B Kim]\n"))  # fmt: skip
    assert [(p.line, p.field) for p in problems] == [(6, "people[1]")]
    assert "already one of the people" in problems[0].message
    _, problems = load_people(people_root(tmp_path, "people:\n  - nmae: A Kim\n"))
    assert problems and problems[0].field == "people[0]"


def test_a_person_translated_two_ways_is_an_error_at_each(tmp_path: Path) -> None:
    from pytorchkr_archive.translation.people_names import name_problems

    root = people_root(tmp_path, "people:\n  - name: Hongseok Kim\n    also: [Hong-seok Kim]\n")
    folder = root / "locale" / "ko" / "LC_MESSAGES"
    (folder / "events").mkdir(parents=True)
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    (folder / "speakers.po").write_text(
        f'{head}msgctxt "speaker name"\nmsgid "Hongseok Kim"\nmsgstr "김홍석"\n', "utf-8"
    )
    (folder / "events" / "2025-08-19-x.po").write_text(
        f'{head}msgctxt "speaker name"\nmsgid "Hong-seok Kim"\nmsgstr "김홍섭"\n', "utf-8"
    )
    problems = name_problems(root, root / "locale")
    assert [(p.path, p.line, p.check) for p in problems] == [
        ("locale/ko/LC_MESSAGES/events/2025-08-19-x.po", 6, "person"),
        ("locale/ko/LC_MESSAGES/speakers.po", 6, "person"),
    ]
    assert "'Hongseok Kim' (written 'Hong-seok Kim') is '김홍섭' here but '김홍석'" in str(
        problems[0]
    )
    (folder / "events" / "2025-08-19-x.po").write_text(
        f'{head}msgctxt "speaker name"\nmsgid "Hong-seok Kim"\nmsgstr "김홍석"\n', "utf-8"
    )
    assert name_problems(root, root / "locale") == []


def test_the_sources_names_are_marked_with_their_language_and_the_summary_is_not(
    tmp_path: Path,
) -> None:
    """``original_language: ko``: the names the sources give (title, place,
    sessions, speakers, links) say so to translators; the archive's own
    sentences (summary) do not."""
    page = tmp_path / "2024-11-15-x.md"
    page.write_text(
        f"{HEAD}  original_language: ko\n  venue:\n    name: Hall\n{SESSION}"
        "      speakers:\n        - name: Ada Park\n---\n\n# X\n",
        encoding="utf-8",
    )
    event, problems = load_event(page, "events/2024-11-15-x.md")
    assert problems == [] and event is not None
    marked = {m.field: m.original for m in field_messages(page, event)}
    assert marked == {
        "city": "ko",
        "country": "ko",
        "venue.name": "ko",
        "summary": None,
        "sessions[0].title": "ko",
        "sessions[0].speakers[0].name": "ko",
    }
    page.write_text(page.read_text(encoding="utf-8").replace("  original_language: ko\n", ""))
    event, _ = load_event(page, "events/2024-11-15-x.md")
    assert event is not None
    assert {m.original for m in field_messages(page, event)} == {None}
