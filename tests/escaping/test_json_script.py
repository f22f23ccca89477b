"""JSON inside ``<script>``: no string can end the element or change the parser's state.

Each hostile value is serialised, read back with ``json.loads``, and put in a
head between ``<script type="application/ld+json">`` and ``</script>``,
followed by a ``<title>``: html5lib (the WHATWG parsing algorithm, as a
browser parses) must find one script whose text is the JSON, then the title.

Then the translator's attack on a real build of a copy of the project: the
Korean event page's title and a speaker's name, each ending in
``<!--<script`` (which ``check-po`` accepts), must leave the page's head
whole and its JSON-LD readable, with each value as the translator wrote it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import html5lib
import pytest

from pytorchkr_archive.escaping.json_script import json_for_script
from tests.conftest import EVENT, copy_project, run
from tests.helpers import build_languages, once_per_run

HOSTILE = [
    "</script>",
    "</SCRIPT ",
    "</script/",
    "</sCrIpT\t>",
    "<!--<script ",
    "<!--<script>",
    "<!--<script/",
    "<!--",
    "-->",
    "<!-- </script> -->",
    "<!--<script></script>-->",
    "]]>",
    "<![CDATA[",
    "&",
    "&amp;",
    "&lt;/script&gt;",
    "<",
    ">",
    "\u2028",
    "\u2029",
    "a\u2028b\u2029c",
    "\x00",
    "nul \x00 in </script>\x00",
    "\\</script>",
    '"</script>"',
    "\\u003C/script>",
    "</" * 20_000 + "<!--<script " * 10_000,
    "가" * 100_000,
    "😀🦄𝕏𠀀",
    "\U0010ffff</script>\U0001f600",
    "파이토치<!--<script ",
]
VALUES: list[Any] = [
    *HOSTILE,
    {"name": "<!--<script ", "</script>": ["-->", "&", 1, None, True]},
    [{"@type": "Person", "name": name} for name in HOSTILE],
]


def ids(value: Any) -> str:
    return ascii(value)[:40]


@pytest.mark.parametrize("value", VALUES, ids=ids)
def test_reads_back_as_the_same_value(value: Any) -> None:
    assert json.loads(json_for_script(value)) == value


@pytest.mark.parametrize("value", VALUES, ids=ids)
def test_is_one_script_followed_by_the_title(value: Any) -> None:
    text = json_for_script(value)
    page = f'<head><script type="application/ld+json">{text}</script><title>T</title></head>'
    head = html5lib.parse(page, namespaceHTMLElements=False).find("head")
    assert [child.tag for child in head] == ["script", "title"]
    script, title = head
    assert script.text == text
    assert title.text == "T"


@pytest.mark.parametrize("value", VALUES, ids=ids)
def test_holds_no_markup_characters(value: Any) -> None:
    text = json_for_script(value)
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}


def test_escapes_as_django_does_and_keeps_korean_readable() -> None:
    assert json_for_script({"이름": "<b>&\u2028\u2029"}) == (
        '{"이름": "\\u003Cb\\u003E\\u0026\\u2028\\u2029"}'
    )
    assert json_for_script(["en", "ko"]) == '["en", "ko"]'


# -- A hostile translation, built ---------------------------------------------------

CATALOG = f"locale/ko/LC_MESSAGES/{EVENT}.po"
#: The translation of the page's title; docutils strips a title's trailing
#: space, so the title case ends with a ``/`` (as dangerous as a space).
TITLE = "PyTorch Core Maintainer와 함께한 기술 교류의 장 - 파이토치 한국 사용자 모임 리뷰"
#: A speaker's name, an event fact (``msgctxt "speaker name"``).
SPEAKER = 'msgctxt "speaker name"\nmsgid "Jerry Lee"\nmsgstr "이제응"'
#: The people's names are the speakers page's catalog's.
SPEAKERS = "locale/ko/LC_MESSAGES/speakers.po"
ATTACKS = {
    "title": (CATALOG, f'msgstr "{TITLE}"', f'msgstr "{TITLE}<!--<script/"'),
    "speaker": (SPEAKERS, SPEAKER, SPEAKER.removesuffix('"') + '<!--<script "'),
}


def build_attacked(folder: Path) -> Path:
    """The Korean event page of a copy of the project whose title's and speaker's
    translations end as :data:`ATTACKS` say, which the catalogs' gate accepts:
    two places of the page's structured data, on one page."""
    project = copy_project(folder / "project", first_event=True)
    for relative, old, new in ATTACKS.values():
        catalog = project / relative
        text = catalog.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} is no longer in {relative}"
        catalog.write_text(text.replace(old, new), encoding="utf-8")
    output = run([sys.executable, "-m", "pytorchkr_archive.translation.check_po"], project)
    assert re.search(r"\b0 error\(s\)", output), output
    return build_languages(project, "ko") / "ko" / f"{EVENT}.html"


@pytest.fixture(scope="module")
def attacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The attacked page, built once for the whole run (every xdist worker)."""
    return once_per_run(tmp_path_factory, "json-script-attacks", build_attacked)


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("title", ("name", TITLE + "<!--<script/")),
        ("speaker", ("performer", "이제응<!--<script ")),
    ],
)
def test_a_hostile_translation_leaves_the_head_whole(
    attacked: Path, case: str, expected: tuple[str, str]
) -> None:
    text = attacked.read_text(encoding="utf-8")
    head = html5lib.parse(text, namespaceHTMLElements=False).find("head")
    tags = [child.tag for child in head if isinstance(child.tag, str)]
    assert "title" in tags
    assert "style" in tags
    assert any(link.get("rel") == "stylesheet" for link in head.findall("link"))
    (script,) = [s for s in head.findall("script") if s.get("type") == "application/ld+json"]
    data = json.loads(script.text)
    key, value = expected
    if key == "performer":
        assert value in [person["name"] for person in data["performer"]]
    else:
        assert data[key] == value
