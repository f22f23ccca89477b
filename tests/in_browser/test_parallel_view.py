"""The parallel view in Chromium: every block beside its counterpart, as the catalogs say.

On the built site (both languages) and on a small test root whose Korean
catalog has a fuzzy and an untranslated entry.  The view is turned on as a
reader does (the toggle, a link with ``?parallel=``, the choice remembered)
and what it shows is compared with the catalogs, not with the build's data.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pytorchkr_archive.catalogs.reader import read
from tests.browser import PARALLEL_PAIRS, new_page, open_page, rendered, url_of
from tests.conftest import EVENT, LANGUAGES, PROJECT, TESTS, run
from tests.helpers import markdown_to_text, normalize

OTHER = {"en": "ko", "ko": "en"}


def text(markdown: str) -> str:
    """A message's text as a reader sees it: links, emphasis and code marks gone."""
    shown, _urls = markdown_to_text(markdown)
    return normalize(re.sub(r"\*\*|`", "", shown))


def turn_on(page, lang: str | None = None) -> None:
    selector = "button.parallel-toggle"
    if lang:
        selector += f'[data-parallel-lang="{lang}"]'
    page.locator(selector).click()
    page.wait_for_function("() => document.documentElement.dataset.parallel")


def pairs(page) -> list[dict]:
    return page.evaluate(PARALLEL_PAIRS)


def catalog(lang: str, page: str) -> list:
    """The current entries of a page's catalog in the project, in file order."""
    path = PROJECT / "locale" / lang / "LC_MESSAGES" / f"{page}.po"
    return [e for e in read(path.read_bytes()).entries if e.msgid and not e.obsolete]


# -- The built site ----------------------------------------------------------


def test_the_korean_recap_is_beside_its_english_source_in_order(page, site_url: str) -> None:
    entries = catalog("ko", EVENT)
    open_page(page, url_of(site_url, f"en/{EVENT}") + "?parallel=ko")
    page.wait_for_function("() => document.documentElement.dataset.parallel === 'ko'")
    alts = set(page.evaluate("() => [...document.images].map((image) => image.alt)"))
    messages = [
        e
        for e in entries
        if e.msgctxt is None and e.msgid not in alts and text(e.msgstr[0]) != text(e.msgid)
    ]
    found = [pair for pair in pairs(page) if not pair["card"]]
    assert [normalize(p["shown"]) for p in found] == [text(e.msgstr[0]) for e in messages]
    assert [normalize(p["own"]) for p in found] == [text(e.msgid) for e in messages]
    assert len(found) > 20

    open_page(page, url_of(site_url, f"ko/{EVENT}") + "?parallel=en")
    page.wait_for_function("() => document.documentElement.dataset.parallel === 'en'")
    found = [pair for pair in pairs(page) if not pair["card"]]
    assert [normalize(p["shown"]) for p in found] == [text(e.msgid) for e in messages]
    assert [normalize(p["own"]) for p in found] == [text(e.msgstr[0]) for e in messages]
    # A translator finds each Korean entry: file and line of the catalog.
    lines = {e.msgid: e.line for e in entries}
    where = f"locale/ko/LC_MESSAGES/{EVENT}.po"
    for pair, message in zip(found, messages, strict=True):
        assert len(pair["edit"]) == 1 and pair["edit"][0][1] is None, pair
        assert f"{where}, {lines[message.msgid]}번째 줄" in pair["edit"][0][0]


def test_the_event_card_shows_each_field_in_the_other_language(page, site_url: str) -> None:
    open_page(page, url_of(site_url, f"en/{EVENT}") + "?parallel=ko")
    page.wait_for_function("() => document.documentElement.dataset.parallel")
    card = {normalize(p["own"]): normalize(p["shown"]) for p in pairs(page) if p["card"]}
    assert card["Sunday, March 30, 2025"] == "2025년 3월 30일 일요일"
    assert card["Seoul, Republic of Korea"] == "서울, 대한민국"
    assert card["Jiho Kim"] == "김지호"
    assert card["goorm"] == "구름"


def test_a_link_turns_the_view_on_and_the_address_says_so(page, site_url: str) -> None:
    open_page(page, url_of(site_url, f"en/{EVENT}") + "?parallel=ko")
    page.wait_for_function("() => document.documentElement.dataset.parallel === 'ko'")
    assert page.locator("button.parallel-toggle").get_attribute("aria-pressed") == "true"
    # The switch to Korean keeps the view: Korean page, English beside it.
    page.locator("a.language-switch-link").click()
    page.wait_for_url(re.compile(rf"/ko/{EVENT}\.html\?parallel="))
    page.wait_for_function("() => document.documentElement.dataset.parallel === 'en'")
    assert page.url.endswith("?parallel=en")
    # Its own language asked for on a page means the other one.
    open_page(page, url_of(site_url, "ko/index") + "?parallel=ko")
    page.wait_for_function("() => document.documentElement.dataset.parallel === 'en'")
    open_page(page, url_of(site_url, "en/index") + "?parallel=off")
    page.wait_for_load_state("load")
    assert page.locator(".parallel-block").count() == 0


def test_the_choice_is_remembered_and_undone(page, site_url: str) -> None:
    open_page(page, url_of(site_url, f"en/{EVENT}"))
    before = page.inner_html("article")
    turn_on(page)
    assert page.url.endswith(f"{EVENT}.html?parallel=ko")
    open_page(page, url_of(site_url, "en/speakers"))
    page.wait_for_function("() => document.documentElement.dataset.parallel === 'ko'")
    assert page.url.endswith("speakers.html?parallel=ko")
    open_page(page, url_of(site_url, f"en/{EVENT}"))
    page.wait_for_function("() => document.documentElement.dataset.parallel === 'ko'")
    page.locator("button.parallel-toggle").click()
    assert page.locator(".parallel-block").count() == 0
    assert page.inner_html("article") == before
    assert page.url.endswith(f"{EVENT}.html")
    open_page(page, url_of(site_url, "en/speakers"))
    assert page.evaluate("() => document.documentElement.dataset.parallel") is None


def test_the_toggle_is_reached_and_worked_from_the_keyboard(page, site_url: str) -> None:
    open_page(page, url_of(site_url, f"ko/{EVENT}"))
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('button.parallel-toggle')"):
            break
    else:
        pytest.fail("Tab never reached the parallel view's toggle")
    assert "English 함께 보기" in normalize(
        page.evaluate("() => document.activeElement.textContent")
    )
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.documentElement.dataset.parallel === 'en'")
    page.keyboard.press("Space")
    page.wait_for_function("() => !document.documentElement.dataset.parallel")


def test_the_view_works_from_the_files_on_disk(browser, site: Path) -> None:
    """Opened as a file (where the browser refuses ``fetch``), nothing else reached."""
    context = browser.new_context()
    context.route(re.compile(r"^(?!file:)"), lambda route: route.abort())
    try:
        page = context.new_page()
        page.goto((site / "en" / f"{EVENT}.html").as_uri())
        turn_on(page)
        assert len(pairs(page)) > 20
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_phone_the_two_stack_without_scrolling_sideways(
    browser, site_url: str, lang: str
) -> None:
    phone = new_page(
        browser, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    # The view's stylesheet is held until its text is in: the view waits for
    # it, never shown unstyled (wider than the phone) in between.  (It was,
    # for as long as the stylesheet came after the text; seen in a full run.)
    held = []
    phone.route(re.compile(r"/archive-parallel\.css(\?|$)"), lambda route: held.append(route))
    try:
        open_page(phone, url_of(site_url, f"{lang}/{EVENT}"))
        phone.locator("button.parallel-toggle").click()
        phone.wait_for_function(
            "() => performance.getEntriesByType('resource')"
            ".filter((e) => e.name.includes('/_parallel/')).length === 2"
        )
        rendered(phone)
        assert held, "the view's stylesheet was not asked for"
        assert phone.evaluate("() => !document.documentElement.dataset.parallel"), (
            "the view was shown before its stylesheet had loaded"
        )
        held[0].continue_()
        phone.wait_for_function("() => document.documentElement.dataset.parallel")
        assert phone.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
        widths = phone.evaluate(
            "() => [...document.querySelectorAll('.parallel-block')]"
            ".map((box) => box.getBoundingClientRect().right)"
        )
        assert max(widths) <= 360
    finally:
        phone.context.close()


# -- Fuzzy and untranslated blocks (the test root) ---------------------------


@pytest.fixture(scope="module")
def root_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """tests/roots/test-parallel built in both languages side by side, served."""
    from pytorchkr_archive.sitebuild.localserver import serve

    folder = tmp_path_factory.mktemp("parallel-site")
    source = folder / "source"
    # The copy's conf.py finds the package by its own place: tell it where it is.
    environ = {**os.environ, "PYTHONPATH": str(PROJECT)}
    shutil.copytree(TESTS / "roots" / "test-parallel", source)
    for lang in LANGUAGES:
        command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"]
        out = str(folder / "site" / lang)
        run([*command, "-D", f"language={lang}", ".", out], cwd=source, env=environ)
    with serve(folder / "site") as url:
        yield url


def by_own(page) -> dict[str, dict]:
    return {normalize(pair["own"]): pair for pair in pairs(page)}


def test_english_page_notes_what_korean_lacks(page, root_site: str) -> None:
    open_page(page, f"{root_site}/en/index.html?parallel=ko")
    page.wait_for_function("() => document.documentElement.dataset.parallel")
    found = by_own(page)
    assert normalize(found["A translated item."]["shown"]) == "번역된 항목."
    fuzzy = found["An item awaiting review."]
    assert fuzzy["shown"] is None  # the Korean page shows the English: not twice
    assert fuzzy["notes"] == [["Awaiting review in 한국어:", ""], ["검토를 기다리는 항목.", "ko"]]
    missing = found["A nested item nobody translated."]
    assert missing["shown"] is None and missing["notes"] == [
        ["Not translated into 한국어 yet.", ""]
    ]
    # A translated message kept in the same words shows nothing twice.
    assert "PyTorch" not in found
    caption = found["The caption of the photo."]
    assert normalize(caption["shown"]) == "사진 설명."
    # A link in the Korean text leads to the Korean page.
    link = page.locator(".parallel-text a").first
    assert link.get_attribute("href") == f"{root_site}/ko/other.html"


def test_korean_page_marks_its_english_blocks(page, root_site: str) -> None:
    open_page(page, f"{root_site}/ko/index.html")
    turn_on(page)
    found = by_own(page)
    fuzzy = found["An item awaiting review."]
    assert fuzzy["ownLang"] == "en"  # the English on the Korean page says so (WCAG 3.1.2)
    assert fuzzy["shown"] is None
    assert fuzzy["notes"][0][0] == "Awaiting review in 한국어:"
    assert fuzzy["edit"][0][0].endswith("locale/ko/LC_MESSAGES/index.po, line 37")
    assert found["A nested item nobody translated."]["ownLang"] == "en"
    assert found["번역된 항목."]["lang"] == "en"
    page.locator("button.parallel-toggle").click()
    assert page.evaluate("() => document.querySelector('article [lang=en]')") is None


def test_a_missing_data_file_is_said_in_the_bar(page, root_site: str) -> None:
    page.route("**/en/_parallel/**", lambda route: route.abort())
    open_page(page, f"{root_site}/ko/index.html")
    page.locator("button.parallel-toggle").click()
    status = page.locator(".parallel-status[role=status]")
    status.wait_for()
    assert status.text_content() == "The English text could not be loaded: try again later."
    assert page.locator(".parallel-block").count() == 0
