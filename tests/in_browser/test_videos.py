"""A session's video costs nothing until the reader asks for it.

On the first event's page, in both languages: before a video's button is
pressed, nothing is requested from YouTube (or from anywhere outside
localhost but the recap's own photos, which the page's ``<img>`` name);
the button is keyboard usable, and pressing it puts the privacy-enhanced
player (youtube-nocookie.com) in place, without autoplay, titled in the
page's language, with the focus on it.  Every request outside localhost is
blocked here, so the player itself does not load: what is checked is what
the page asked for.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser import open_page, scroll_through, url_of
from tests.conftest import EVENT, LANGUAGES
from tests.helpers import soup

TITLE = {
    "en": "Video: The PyTorch roadmap and stories of its development",
    "ko": "영상: PyTorch Roadmap 및 개발 이야기",
}


def outside(urls: list[str]) -> list[str]:
    return [url for url in urls if urlsplit(url).hostname not in ("127.0.0.1", "localhost")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_is_requested_from_youtube_until_the_button_is_pressed(
    page, site, site_url: str, lang: str
) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_page(page, url_of(site_url, f"{lang}/{EVENT}"))
    scroll_through(page)
    photos = {img["src"] for img in soup(site / lang / f"{EVENT}.html").select("article img")}
    assert set(outside(requested)) <= photos, outside(requested)
    assert not [url for url in requested if "youtube" in url or "ytimg" in url]
    buttons = page.locator("button.event-video-play")
    assert buttons.count() == 6  # the six public videos of the record
    button = page.locator("#roadmap button.event-video-play")
    assert button.is_visible()
    # Keyboard: the button takes the focus and Enter presses it.
    button.focus()
    page.keyboard.press("Enter")
    frame = page.locator("#player-roadmap iframe")
    frame.wait_for(state="attached")
    assert frame.get_attribute("src") == "https://www.youtube-nocookie.com/embed/zlXhyeBeQJ0"
    assert "autoplay" not in (frame.get_attribute("allow") or "")
    assert frame.get_attribute("title") == TITLE[lang]
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    assert not button.is_visible()
    assert [url for url in outside(requested) if url not in photos] == [
        "https://www.youtube-nocookie.com/embed/zlXhyeBeQJ0"
    ]
    # The other videos are still only links and buttons.
    assert page.locator(".event-video-player iframe").count() == 1


def test_without_scripts_a_video_is_a_link_and_no_dead_button(browser, site_url: str) -> None:
    from tests.browser import new_page

    reader = new_page(browser, java_script_enabled=False)
    try:
        open_page(reader, url_of(site_url, f"en/{EVENT}"))
        assert reader.locator("button.event-video-play").first.is_hidden()
        watch = reader.locator("#roadmap a.event-video-watch")
        assert watch.get_attribute("href") == "https://www.youtube.com/watch?v=zlXhyeBeQJ0"
        assert watch.is_visible()
    finally:
        reader.context.close()
