"""A language is data: a third one is an entry of ``archive_languages`` and nothing else.

On a copy of the project, Japanese is declared in ``conf.py`` (no code is
touched); ``make update-po`` creates its catalogs, a few messages are
translated, and ``make html`` builds it beside English and Korean, with
warnings as errors.  Every cross-language link, feed and sitemap entry
must then be right, and its untranslated pages must say so.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.conftest import EVENT, copy_project, run
from tests.helpers import html_pages, once_per_run, soup
from tests.po_tools import tool

BASE = "https://pytorchkr-archive.readthedocs.io"
LANGS = ("en", "ko", "ja")
JAPANESE = """
archive_languages["ja"] = {
    "name": "日本語",
    "title": "PyTorch韓国ユーザーグループ イベントアーカイブ",
    "og_locale": "ja_JP",
    "description": "PyTorch韓国ユーザーグループのカンファレンスとミートアップの記録です。",
}
"""


def translate(po: Path, context: str | None, msgid: str, msgstr: str) -> None:
    text = po.read_text(encoding="utf-8")
    head = f'msgctxt "{context}"\n' if context else ""
    old = f'{head}msgid "{msgid}"\nmsgstr ""'
    assert old in text, (po, msgid)
    po.write_text(text.replace(old, f'{head}msgid "{msgid}"\nmsgstr "{msgstr}"'), "utf-8")


@pytest.fixture(scope="session")
def trilingual(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The project with a third language, its catalogs made and built (once per run)."""
    return once_per_run(tmp_path_factory, "trilingual", make_trilingual)


def make_trilingual(folder: Path) -> tuple[Path, Path, str]:
    """Japanese added in conf.py, ``update-po`` run, two messages translated, built:
    (project, site, what update-po said)."""
    project = copy_project(folder / "project", first_event=True)
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(JAPANESE)
    update = tool(project, "update_po")
    assert update.returncode == 0, update.stdout + update.stderr
    messages = project / "locale" / "ja" / "LC_MESSAGES"
    translate(messages / f"{EVENT}.po", "event city", "Seoul", "ソウル")
    translate(messages / "events" / "index.po", None, "Events", "イベント")
    run([sys.executable, "-m", "pytorchkr_archive.sitebuild.site"], cwd=project)
    return project, project / "_build" / "html", update.stdout


def test_update_po_creates_the_new_languages_catalogs(trilingual) -> None:
    project, _, output = trilingual
    korean = sorted(
        p.relative_to(project / "locale" / "ko").as_posix()
        for p in (project / "locale" / "ko").rglob("*.po")
    )
    japanese = sorted(
        p.relative_to(project / "locale" / "ja").as_posix()
        for p in (project / "locale" / "ja").rglob("*.po")
    )
    assert japanese == korean
    assert "LC_MESSAGES/sphinx.po" in japanese
    for name in japanese:
        assert f"created: locale/ja/{name}" in output
    # Facts that Korean translated are not offered to Japanese.
    stats = json.loads(tool(project, "stats", "--json").stdout)
    assert set(stats) == {"ko", "ja"}
    assert stats["ko"]["total"]["percent"] == 100
    assert stats["ja"]["total"]["messages"]["translated"] == 2
    assert stats["ja"]["total"]["percent"] < 5
    assert tool(project, "check_po").returncode == 0


def test_every_language_is_built_with_its_translations(trilingual) -> None:
    _, site, _ = trilingual
    assert {p.name for p in site.iterdir() if p.is_dir()} >= set(LANGS)
    card = soup(site / "ja" / f"{EVENT}.html").select_one(".event-card").get_text(" ")
    assert "ソウル" in card
    assert "2025年3月30日日曜日" in card
    assert "イベント" in soup(site / "ja" / "events" / "index.html").find("h1").get_text()
    notice = soup(site / "ja" / f"{EVENT}.html").select_one(".translation-notice")
    assert notice is not None
    assert soup(site / "ko" / f"{EVENT}.html").select_one(".translation-notice") is None


def resolve(site: Path, lang: str, page: Path, href: str) -> Path:
    """The built file a link of a page leads to (relative, or absolute on the base URL)."""
    base = f"{BASE}/{lang}/latest/{page.relative_to(site / lang).as_posix()}"
    url = urljoin(base, href).split("#")[0]
    assert url.startswith(f"{BASE}/"), url
    path = url.removeprefix(f"{BASE}/")
    code, _, rest = path.partition("/latest/")
    return site / code / rest


def test_every_cross_language_link_resolves(trilingual) -> None:
    _, site, _ = trilingual
    checked = 0
    for lang in LANGS:
        pages = [p for p in html_pages(site / lang) if p.name not in ("genindex.html",)]
        assert pages
        for page in pages:
            html = soup(page)
            alternates = {
                link["hreflang"]: link["href"]
                for link in html.select('link[rel="alternate"][hreflang]')
            }
            assert set(alternates) == {*LANGS, "x-default"}, page
            for code in LANGS:
                target = resolve(site, lang, page, alternates[code])
                assert target.is_file(), (page, code, alternates[code])
                checked += 1
            switch = html.select(".language-switch a.language-switch-link")
            assert sorted(a["hreflang"] for a in switch) == sorted(set(LANGS) - {lang}), page
            assert html.select_one(".language-switch details.language-menu") is not None
            for link in switch:
                target = (page.parent / link["href"]).resolve()
                if page.name != "404.html":
                    assert target.is_file(), (page, link["href"])
    assert checked > 40


def test_feeds_sitemaps_and_social_cards_cover_every_language(trilingual) -> None:
    _, site, _ = trilingual
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
                  "x": "http://www.w3.org/1999/xhtml"}  # fmt: skip
    for lang in LANGS:
        tree = ET.parse(site / lang / "sitemap.xml")
        urls = tree.findall("s:url", namespaces)
        assert urls
        for url in urls:
            hreflangs = {link.get("hreflang") for link in url.findall("x:link", namespaces)}
            assert hreflangs >= set(LANGS), url.find("s:loc", namespaces).text
        robots = (site / lang / "robots.txt").read_text(encoding="utf-8")
        for code in LANGS:
            assert f"Sitemap: {BASE}/{code}/latest/sitemap.xml" in robots
        feed = ET.parse(site / lang / "feed.xml").getroot()
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        page = soup(site / lang / f"{EVENT}.html")
        others = {m["content"] for m in page.select('meta[property="og:locale:alternate"]')}
        assert others == {"en_US", "ko_KR", "ja_JP"} - {
            page.select_one('meta[property="og:locale"]')["content"]
        }
    landing = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'var available = \["en", "ko", "ja"\]', landing)
    assert 'hreflang="ja" lang="ja">日本語</a>' in landing


def test_with_three_languages_the_reader_picks_which_to_show_beside(trilingual) -> None:
    """The parallel view's toggles: one per other language, in a menu, each
    with that language's data file, which its own build wrote."""
    _, site, _ = trilingual
    for lang in LANGS:
        page = site / lang / f"{EVENT}.html"
        control = soup(page).select_one(".parallel-control")
        toggles = control.select("details.language-menu button.parallel-toggle")
        assert sorted(t["data-parallel-lang"] for t in toggles) == sorted(set(LANGS) - {lang})
        for toggle in toggles:
            assert toggle["aria-pressed"] == "false"
            data = (page.parent / toggle["data-parallel-src"]).resolve()
            assert data.is_file(), toggle["data-parallel-src"]
            assert f'"lang":"{toggle["data-parallel-lang"]}"' in data.read_text("utf-8")
