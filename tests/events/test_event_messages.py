"""An event's facts are messages of its page's catalog, like every translated word."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from pytorchkr_archive.catalogs.files import load
from pytorchkr_archive.sitebuild import live
from pytorchkr_archive.sitebuild.sources import keep_only_events
from tests.conftest import EVENT, PROJECT, copy_project, run
from tests.events.organizer import fill_in
from tests.helpers import build_languages, soup
from tests.po_tools import EVENT_PO, edit_page, tool

SPEAKERS_PO = "locale/ko/LC_MESSAGES/speakers.po"

SUMMARY = (
    "A technical conference of the PyTorch Korea User Group with a PyTorch core "
    "maintainer: seven talks and a panel."
)
SUMMARY_KO = (
    "PyTorch Core Maintainer와 함께한 파이토치 한국 사용자 모임의 기술 컨퍼런스: "
    "일곱 개의 발표와 패널 토크."
)
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def test_event_pages_hold_no_translation() -> None:
    pages = sorted((PROJECT / "events").glob("*.md"))
    assert pages
    for page in pages:
        assert not HANGUL.search(page.read_text(encoding="utf-8")), page
    template = PROJECT / "pytorchkr_archive" / "events" / "facts" / "event-template.md"
    assert not HANGUL.search(template.read_text(encoding="utf-8"))


def test_the_facts_are_at_the_top_of_the_pages_catalog() -> None:
    catalog = load(PROJECT / EVENT_PO)
    messages = [m for m in catalog if m.id]
    facts = [m for m in messages if m.context is not None]
    assert len(facts) == 14  # the people's names are the speakers page's
    assert messages[: len(facts)] == facts, "the facts come first"
    summary = next(m for m in facts if m.context == "event summary")
    assert (summary.id, summary.string) == (SUMMARY, SUMMARY_KO)
    assert summary.auto_comments == ["event: summary"]
    lines = (PROJECT / f"{EVENT}.md").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("  summary:"))
    assert summary.locations == [(f"../../{EVENT}.md", line)]
    assert not [m for m in facts if m.context == "speaker name"]
    names = [m for m in load(PROJECT / SPEAKERS_PO) if m.context == "speaker name"]
    assert len(names) == 24  # everyone the record names, once each
    speaker = next(m for m in names if m.id == "Jerry Lee")
    assert speaker.string == "이제응"
    assert f"event: {EVENT}: sessions[0].speakers[0].name" in speaker.auto_comments
    assert "original: ko" in speaker.auto_comments  # the record writes the name in Korean
    line = next(n for n, text in enumerate(lines, 1) if "name: Jerry Lee" in text)
    assert (f"../../{EVENT}.md", line) in speaker.locations


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def korean(project: Path) -> Path:
    """The Korean site of the copy (Sphinx's build, in this process)."""
    out = project / "_build" / "html" / "ko"
    run([sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-b", "html", "-D",
         "language=ko", "-d", "_build/doctrees/ko", ".", str(out)], cwd=project)  # fmt: skip
    return out


def set_msgstr(
    project: Path, context: str, msgid: str, msgstr: str, fuzzy: bool = False, po: str = ""
) -> None:
    po = project / (po or EVENT_PO)
    text = po.read_text(encoding="utf-8")
    pattern = f'msgctxt "{re.escape(context)}"\nmsgid "{re.escape(msgid)}"\nmsgstr "[^"]*"'
    entry = re.search(rf"(#, fuzzy\n)?{pattern}", text)
    assert entry, (context, msgid)
    new = ("#, fuzzy\n" if fuzzy else "") + (
        f'msgctxt "{context}"\nmsgid "{msgid}"\nmsgstr "{msgstr}"'
    )
    po.write_text(text.replace(entry.group(0), new), encoding="utf-8")


def test_an_untranslated_or_fuzzy_fact_shows_in_english_and_counts(project: Path) -> None:
    set_msgstr(project, "speaker name", "Jerry Lee", "", po=SPEAKERS_PO)
    set_msgstr(project, "event city", "Seoul", "서울", fuzzy=True)
    site = korean(project)
    card = soup(site / f"{EVENT}.html").select_one(".event-card").get_text()
    assert "Seoul, 대한민국" in card
    speakers = soup(site / "speakers.html").select_one(".speaker-index").get_text()
    assert "Jerry Lee" in speakers and "이제응" not in speakers
    notice = soup(site / f"{EVENT}.html").select_one(".translation-notice").get_text()
    assert "97%" in notice  # 44 of the page's 45 paragraphs and facts
    names = soup(site / "speakers.html").select_one(".translation-notice").get_text()
    assert "96%" in names  # 25 of its 26: its title and paragraph, and 23 of the 24 people
    stats = tool(project, "stats").stdout
    assert re.search(rf"{re.escape(EVENT)}\.po\s+97%\s+44\s+1\s+0", stats), stats
    assert re.search(r"speakers\.po\s+\d+%\s+\d+\s+0\s+1", stats), stats
    todo = tool(project, "todo").stdout
    assert "untranslated: 'Jerry Lee'" in todo and "fuzzy: 'Seoul'" in todo


def test_every_listing_and_feed_reads_the_catalog(project: Path) -> None:
    set_msgstr(project, "event summary", SUMMARY, "새 요약입니다.")
    site = korean(project)
    for page in ("index.html", "events/2025.html"):
        assert "새 요약입니다." in soup(site / page).select_one(".event-list").get_text()
    assert "<summary>새 요약입니다.</summary>" in (site / "feed.xml").read_text(encoding="utf-8")
    assert "새 요약입니다." not in (project / f"{EVENT}.md").read_text(encoding="utf-8")


def test_check_po_checks_the_facts_like_any_message(project: Path) -> None:
    set_msgstr(project, "event summary", SUMMARY, "<script>alert(1)</script> 요약.")
    check = tool(project, "check_po")
    assert check.returncode == 1
    assert re.search(r"error: \[markup\].*<script>", check.stdout)


def test_a_changed_fact_keeps_its_translation_as_fuzzy(project: Path) -> None:
    edit_page(project, lambda t: t.replace("author: Jiho Kim", "author: Jiho Kim (PyTorch KR)"))
    update = tool(project, "update_po")
    assert "1 fuzzy" in update.stdout
    author = next(m for m in load(project / EVENT_PO) if m.context == "recap author")
    assert author.fuzzy and author.string == "김지호"
    assert author.previous_id == ["Jiho Kim"]


def test_a_new_event_is_offered_the_translations_of_the_others(project: Path) -> None:
    run([sys.executable, "-m", "pytorchkr_archive.events.facts.new_event", "--date", "2025-11-30",
         "--slug", "autumn-meetup"], cwd=project)  # fmt: skip
    fill_in(project / "events/2025-11-30-autumn-meetup.md")
    update = tool(project, "update_po")
    created = "locale/ko/LC_MESSAGES/events/2025-11-30-autumn-meetup.po"
    assert f"created: {created}" in update.stdout
    assert "2 filled in from other catalogs (fuzzy: check them)" in update.stdout
    facts = {m.context: m for m in load(project / created) if m.context}
    assert (facts["event city"].string, facts["event city"].fuzzy) == ("서울", True)
    assert (facts["event country"].string, facts["event country"].fuzzy) == ("대한민국", True)
    # Nothing else was guessed: Babel's fuzzy matching gives no field a paragraph's words.
    assert not facts["event summary"].string
    assert not any(m.string for m in load(project / created) if m.id and not m.context)


def test_a_saved_fact_shows_on_the_next_rebuild(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    args = ["-b", "html", "-q", "-D", "language=ko", ".", "_build/live/ko"]
    assert live.sphinx_build(args) == 0
    set_msgstr(project, "sponsor name", "goorm", "구름 주식회사")
    assert live.sphinx_build(args) == 0
    card = soup(project / "_build/live/ko" / f"{EVENT}.html").select_one(".event-card")
    assert "구름 주식회사" in card.get_text()


def test_an_event_page_is_described_by_its_translated_summary(project: Path) -> None:
    set_msgstr(project, "event summary", SUMMARY, "요약 & 설명.")
    page = soup(korean(project) / f"{EVENT}.html")
    for selector in ('meta[name="description"]', 'meta[property="og:description"]'):
        assert [m["content"] for m in page.select(selector)] == ["요약 & 설명."], selector


def test_an_announcement_and_a_venue_address_are_translated_in_the_catalog(
    project: Path,
) -> None:
    """The new fields of an upcoming event are messages like the others."""
    edit_page(
        project,
        lambda text: text.replace(
            "  venue:\n    name: goorm square Gangnam\n",
            "  venue:\n    name: goorm square Gangnam\n    url: https://goorm.co/\n"
            "    address: 12 Example Road\n"
            '  announcement: "Registration is open."\n',
        ),
    )
    assert tool(project, "update_po").returncode == 0
    facts = {m.context: m for m in load(project / EVENT_PO) if m.context}
    assert facts["event announcement"].id == "Registration is open."
    assert facts["event announcement"].auto_comments == ["event: announcement"]
    assert facts["venue address"].id == "12 Example Road"
    set_msgstr(project, "event announcement", "Registration is open.", "참가 신청을 받습니다.")
    set_msgstr(project, "venue address", "12 Example Road", "예시로 12")
    keep_only_events(project, EVENT)  # the later events would be ahead of this clock
    environ = {**os.environ, "ARCHIVE_NOW": "2025-03-30T12:00:00+09:00"}
    build_languages(project, "ko", env=environ)
    card = soup(project / "_build" / "html" / "ko" / f"{EVENT}.html").select_one(".event-card")
    assert card.select_one(".event-announcement").get_text() == "참가 신청을 받습니다."
    assert "구름스퀘어 강남, 예시로 12" in card.get_text()
