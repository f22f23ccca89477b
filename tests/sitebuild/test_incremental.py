"""A translator's rebuild gives the site a fresh build gives, byte for byte.

An incremental build keeps what it need not write again: Sphinx keeps the
pages whose sources did not change; the archive keeps the generated pages
(a person's, a year's), the listings, the calendars and their serialized
events when what they show did not change; ``make html`` starts its staging
copy from the output it replaced last time.  Whatever is kept must be what a
fresh build writes, so after each kind of translator's edit the rebuilt
Korean site is compared, file by file, with a fresh build of the same
sources.  The sitemap is among them: sphinx-sitemap alone lists only the
pages a rebuild wrote (jdillard/sphinx-sitemap#13), two pages after an edit.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

from pytorchkr_archive.sitebuild.sources import copy_sources, keep_only_events
from tests.conftest import EVENT, PROJECT, run

CATALOGS = Path("locale/ko/LC_MESSAGES")
CONFERENCE = CATALOGS / f"{EVENT}.po"
SEMINAR = CATALOGS / "events/2024-07-20-pytorch-3rd-seminar.po"
#: A session title: its event page and its speakers' pages show it.
SESSION = ('msgstr "PyTorch Foundation 소개"', 'msgstr "PyTorch 재단 소개"')
#: An event's title: the listings, year and series pages, people's pages,
#: calendars and feed show it.
TITLE = ('msgstr "PyTorchKR 기술 세미나: 3회"', 'msgstr "PyTorchKR 기술 세미나 3회"')
#: A section's title: every page's sidebar shows it.
SECTION = ('msgid "Speakers"\nmsgstr "발표자"', 'msgid "Speakers"\nmsgstr "연사"')
PEOPLE = CATALOGS / "speakers.po"
#: A recap's paragraph: only its page shows it.
PARAGRAPH = ("을 공유합니다. PyTorch가", "을 공유했습니다. PyTorch가")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
#: Records of the build, not of the site: Sphinx's configuration digest, and the
#: generated pages' digests made with it, which name the project's folder.
RECORDS = {".buildinfo", ".archive-generated-pages.json"}


def korean(project: Path) -> Path:
    """``make html`` of the Korean site, as a translator runs it after an edit."""
    run([sys.executable, "-m", "pytorchkr_archive.sitebuild.site", "-l", "ko"], cwd=project)
    return project / "_build" / "html" / "ko"


def fresh_korean(project: Path) -> Path:
    """The Korean site of a copy that was never built: Sphinx's plain build of it
    (in this process; no earlier output to keep or start from)."""
    out = project / "_build" / "html" / "ko"
    run([sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-b", "html", "-D",
         "language=ko", "-d", "_build/doctrees/ko", ".", str(out)], cwd=project)  # fmt: skip
    return out


def edit(project: Path, catalog: Path, before: str, after: str) -> None:
    path = project / catalog
    text = path.read_text(encoding="utf-8")
    assert text.count(before) == 1, (catalog, before)
    path.write_text(text.replace(before, after), encoding="utf-8")


def files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def stamps(site: Path) -> dict[str, int]:
    return {
        path.relative_to(site).as_posix(): path.stat().st_mtime_ns
        for path in site.rglob("*")
        if path.is_file()
    }


def assert_as_fresh(project: Path, tmp_path: Path, name: str) -> None:
    """The project's built Korean site is what a fresh build of its sources writes."""
    fresh = fresh_korean(copy_sources(project, tmp_path / name))
    rebuilt, expected = files(project / "_build" / "html" / "ko"), files(fresh)
    assert sorted(rebuilt) == sorted(expected)
    differ = [n for n in expected if rebuilt[n] != expected[n] and n not in RECORDS]
    shown = "\n".join(f"{n}: {what_differs(rebuilt[n], expected[n])}" for n in differ[:5])
    assert not differ, (
        f"{name}: kept from an earlier build, not as a fresh build writes them:\n{shown}"
    )


def what_differs(rebuilt: bytes, fresh: bytes) -> str:
    """The first lines that differ (an inventory's, decompressed)."""
    texts = []
    for data in (rebuilt, fresh):
        if data.startswith(b"# Sphinx inventory"):
            head, _, body = data.partition(b"zlib.\n")
            data = head + b"zlib.\n" + zlib.decompress(body)
        texts.append(data.decode("utf-8", "replace").splitlines())
    lines = [(a, b) for a, b in zip(*texts, strict=False) if a != b]
    return f"{lines[:3]} ({len(texts[0])} and {len(texts[1])} lines)"


def test_a_rebuild_after_each_edit_is_the_fresh_build(tmp_path: Path) -> None:
    # Two events: the conference (its recap, its speakers) and a seminar (a
    # year's page, a series), enough for every kind of page an edit touches.
    project = copy_sources(PROJECT, tmp_path / "project")
    keep_only_events(project, EVENT, SEMINAR.with_suffix("").relative_to(CATALOGS).as_posix())
    site = korean(project)
    pages = len(ET.parse(site / "sitemap.xml").getroot().findall(f"{SITEMAP}url"))
    assert pages > 20

    edit(project, CONFERENCE, *SESSION)
    korean(project)
    # Jerry Lee gave that talk: their page was written again.
    person = site / "speakers" / "jerry-lee.html"
    assert "PyTorch 재단 소개" in person.read_text(encoding="utf-8")
    # Every page is in the sitemap, not only the few this rebuild wrote.
    assert len(ET.parse(site / "sitemap.xml").getroot().findall(f"{SITEMAP}url")) == pages
    assert_as_fresh(project, tmp_path, "fresh-session")

    edit(project, SEMINAR, *TITLE)
    korean(project)
    assert "PyTorchKR 기술 세미나 3회" in (site / "events" / "2024.html").read_text(
        encoding="utf-8"
    )
    assert_as_fresh(project, tmp_path, "fresh-title")

    edit(project, PEOPLE, *SECTION)
    korean(project)
    # Every page's sidebar names the section anew (none drawn by an earlier build).
    assert "연사" in (site / "events" / "2024.html").read_text(encoding="utf-8")
    assert_as_fresh(project, tmp_path, "fresh-section")

    before = stamps(site)
    edit(project, CONFERENCE, *PARAGRAPH)
    korean(project)
    after = stamps(site)
    rewritten = sorted(name for name in after if after[name] != before.get(name))
    # The edited page, and what Sphinx writes again on every build (the index,
    # search, the page whose toctree holds the edited one: events/index); no
    # person's or year's page, no calendar, no listing elsewhere.
    assert f"{EVENT}.html" in rewritten
    kept = [
        "speakers/jerry-lee.html",
        "events/2024.html",
        "series/tech-seminars.html",
        "speakers.html",
        "index.html",
        f"{EVENT}.ics",
        "events.ics",
        "events-2024.ics",
        "feed.xml",
    ]
    assert set(kept) <= set(after)
    assert not [name for name in kept if name in rewritten], rewritten
    assert_as_fresh(project, tmp_path, "fresh-paragraph")
