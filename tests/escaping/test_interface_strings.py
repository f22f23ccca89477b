"""Interface strings (``sphinx.po``) cannot add markup to a page: escaped where printed,
compared as a browser parses them where the English holds markup.

The regression tests are the attacks of issue 25, as a hostile translator
would write them in a pull request that changes only ``sphinx.po``: each
passed ``make check-po`` and a ``-W`` build, and reached every page.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import html5lib
import pytest
from jinja2.sandbox import SandboxedEnvironment

from pytorchkr_archive.catalogs.messages import interface_markup_problem
from pytorchkr_archive.escaping.html import (
    Escaped,
    install_escaping_translations,
    interface_string,
)
from pytorchkr_archive.escaping.structure import holds_markup, markup_difference, shape
from tests.conftest import EVENT, copy_project, run
from tests.helpers import once_per_run

SPHINX_FOOTER = '<a href="https://www.sphinx-doc.org/">Sphinx</a> and '
COPYRIGHT = '<a href="%(path)s">Copyright</a> &#169; %(copyright)s'

#: (msgid, hostile msgstr) as a translator's editor writes them into sphinx.po.
BREAKOUTS = {
    "Search": '검색" autofocus onfocus="alert(1)" x="',
    "Toggle site navigation sidebar": "사이드바' onclick='alert(2)' x='",
    "Link to this heading": '링크" onclick="alert(3)',
    "Event details": '행사 정보" onmouseover="alert(4)',
}
TAGS = {
    "Back to top": "맨 위로<img src=x alt=< onerror=alert(5)>",
    SPHINX_FOOTER.strip(): '<a href="https://www.sphinx-doc.org/">Sphinx</a>, '
    "<a href=https://evil.example/ x=",
}


# -- The functions ---------------------------------------------------------------


@pytest.mark.parametrize(
    "translation",
    [
        '검색" autofocus onfocus="alert(1)" x="',
        "검색' onfocus='alert(1)",
        "<img src=x alt=< onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "</title><script>alert(1)</script>",
        "<!--<script ",
        "&quot; onfocus=alert(1) &#34;",
        "a\u2028b\nc",
    ],
)
def test_a_plain_string_is_text_in_an_attribute_and_in_an_element(translation: str) -> None:
    printed = interface_string("Search", translation)
    assert isinstance(printed, Escaped)
    page = html5lib.parse(
        f'<input placeholder="{printed}" name="q"><span>{printed}</span><b>end</b>',
        namespaceHTMLElements=False,
    )
    body = page.find("body")
    assert [e.tag for e in body.iter()] == ["body", "input", "span", "b"]
    assert body.find("input").attrib == {"placeholder": translation, "name": "q"}
    assert "".join(body.find("span").itertext()) == page.find("body/input").get("placeholder")


def test_the_english_is_printed_as_the_templates_wrote_it() -> None:
    assert interface_string(COPYRIGHT, COPYRIGHT) == COPYRIGHT
    assert interface_string("Q&A", "Q&A") == "Q&A"


def test_a_markup_translation_keeps_the_sources_tags_and_is_written_back_closed() -> None:
    translated = '<a href="%(path)s">저작권</a> &#169; %(copyright)s'
    printed = interface_string(COPYRIGHT, translated)
    assert printed == '<a href="%(path)s">저작권</a> © %(copyright)s'
    assert printed % {"path": "copyright.html", "copyright": "2025"} == (
        '<a href="copyright.html">저작권</a> © 2025'
    )


@pytest.mark.parametrize(
    "translation",
    [
        '<a href="https://www.sphinx-doc.org/">Sphinx</a>, <a href=https://evil.example/ x=',
        '<a href="https://evil.example/">Sphinx</a>, ',
        '<a href="https://www.sphinx-doc.org/" onclick="alert(1)">Sphinx</a>, ',
        '<a href="https://www.sphinx-doc.org/">Sphinx</a><img src=x onerror=alert(1)>, ',
        '<a href="https://www.sphinx-doc.org/">Sphinx</a>, <b',
        '<a href="https://www.sphinx-doc.org/">Sphinx</a>, <!--',
        '<a href="https://www.sphinx-doc.org/">Sphinx, ',
        "Sphinx, ",
    ],
)
def test_a_markup_translation_with_other_markup_is_refused_and_not_printed(
    translation: str,
) -> None:
    assert markup_difference(SPHINX_FOOTER, translation)
    assert interface_markup_problem(SPHINX_FOOTER, translation)
    assert interface_string(SPHINX_FOOTER, translation) == SPHINX_FOOTER


def test_markup_is_compared_as_a_browser_parses_it_not_as_written() -> None:
    # The same elements and attributes, written otherwise: not a difference.
    assert not markup_difference(
        SPHINX_FOOTER, "<A HREF='https://www.sphinx-doc.org/'>Sphinx</A>와 "
    )
    assert markup_difference(SPHINX_FOOTER, "<a href='https://www.sphinx-doc.org'>Sphinx</a>")
    # A tag a regular expression does not see is an element all the same.
    assert shape("<img src=x alt=< onerror=alert(1)>")[0][1] == "img"
    assert holds_markup("a &amp; b") and holds_markup("<!-- -->")
    assert not holds_markup("a < b & c") and not holds_markup("Q&A")


def test_a_plain_source_refuses_markup_and_references_and_accepts_text() -> None:
    assert interface_markup_problem("Back to top", "맨 위로<img src=x onerror=alert(1)>")
    assert interface_markup_problem("Search", "검색 &amp; 찾기")
    assert interface_markup_problem("Search", '검색" onfocus="alert(1)') is None
    assert interface_markup_problem("Search", "검색 < 찾기") is None


def test_every_gettext_of_a_template_environment_is_escaped() -> None:
    environment = SandboxedEnvironment(extensions=["jinja2.ext.i18n"])
    hostile = '"><script>alert(1)</script>'

    class Hostile:
        def gettext(self, message: str) -> str:
            return hostile

        def ngettext(self, singular: str, plural: str, n: int) -> str:
            return hostile

        def pgettext(self, context: str, message: str) -> str:
            return hostile

        def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
            return hostile

    environment.install_gettext_translations(Hostile())
    install_escaping_translations(environment)
    install_escaping_translations(environment)  # twice: escaped once, not twice
    template = environment.from_string(
        '<i title="{{ _("Search") }}">{{ _("Search")|e }}</i>'
        "{% trans %}Search{% endtrans %}{% trans n=2 %}one{% pluralize %}{{ n }} more"
        '{% endtrans %}{% trans x="<b>" %}Search {{ x }}{% endtrans %}'
        '{{ pgettext("c", "Search") }}{{ npgettext("c", "a", "b", 2) }}'
    )
    out = template.render()
    assert "<script>" not in out
    assert out.count("&lt;script&gt;") == 7


# -- Regression: the attacks of issue 25, on a copy of the project ----------------


def _write(project: Path, replacements: dict[str, str]) -> Path:
    """Translate each msgid as a hostile translator would, with polib (an editor's writer)."""
    import polib

    path = project / "locale" / "ko" / "LC_MESSAGES" / "sphinx.po"
    catalog = polib.pofile(str(path))
    for msgid, msgstr in replacements.items():
        entry = next(e for e in catalog if e.msgid.strip() == msgid.strip())
        entry.msgstr = msgstr
    catalog.save(str(path))
    return path


@pytest.fixture(scope="module")
def attacked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Both attacks' check-po verdicts, the ``-W`` build's, and the pages a preview shows."""

    def make(folder: Path) -> dict[str, object]:
        project = copy_project(folder / "project")
        _write(project, {**BREAKOUTS, **TAGS})
        check = subprocess.run(
            [sys.executable, "-m", "pytorchkr_archive.translation.check_po", "--no-warnings"],
            cwd=project, capture_output=True, text=True, check=False,
        )  # fmt: skip
        strict = subprocess.run(
            [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q",
             "-D", "language=ko", ".", str(folder / "strict")],
            cwd=project, capture_output=True, text=True, check=False,
        )  # fmt: skip
        out = folder / "preview"
        run(
            [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-D", "language=ko", ".",
             str(out)],
            cwd=project,
        )  # fmt: skip
        return {"check": check, "strict": strict, "out": out}

    return once_per_run(tmp_path_factory, "interface-attacks", make)


def _parsed(path: Path):
    return html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)


def _handlers(document) -> list[str]:
    return [
        f"<{e.tag} {name}>"
        for e in document.iter()
        if isinstance(e.tag, str)
        for name in e.attrib
        if name.startswith("on") or name in ("autofocus", "x")
    ]


def test_attribute_breakouts_are_inert_text_on_every_page(attacked) -> None:
    out: Path = attacked["out"]  # type: ignore[assignment]
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        document = _parsed(page)
        assert not _handlers(document), page
    event = _parsed(out / f"{EVENT}.html")
    search = event.find(".//input[@name='q']")
    assert search.get("placeholder") == BREAKOUTS["Search"]
    card = event.find(".//section[@class='event-card']")
    assert card.get("aria-label") == BREAKOUTS["Event details"]
    permalinks = [a.get("title") for a in event.iter("a") if a.get("class") == "headerlink"]
    assert permalinks and set(permalinks) == {BREAKOUTS["Link to this heading"]}
    toggles = [
        e.get("aria-label") for e in event.iter() if e.get("aria-label", "").startswith("사이드바")
    ]
    assert BREAKOUTS["Toggle site navigation sidebar"] in toggles


def test_tags_a_regular_expression_misses_are_refused_with_file_and_line(attacked) -> None:
    check = attacked["check"]
    assert check.returncode == 1, check.stdout
    lines = [line for line in check.stdout.splitlines() if ": error: [markup]" in line]
    assert len(lines) == 2, check.stdout
    assert all(line.startswith("locale/ko/LC_MESSAGES/sphinx.po:") for line in lines)
    assert "Back to top" in lines[0] and "left open" in lines[1]
    strict = attacked["strict"]
    assert strict.returncode != 0
    assert strict.stderr.count("sphinx.po:") == 2 and "Traceback" not in strict.stderr


def test_refused_tags_never_reach_a_page_even_without_w(attacked) -> None:
    out: Path = attacked["out"]  # type: ignore[assignment]
    for page in sorted(out.rglob("*.html")):
        document = _parsed(page)
        assert not [e for e in document.iter("img") if e.get("src") == "x"], page
        hrefs = [a.get("href") for a in document.iter("a")]
        assert "https://evil.example/" not in hrefs, page
        assert "https://pradyunsg.me" in hrefs, page


def test_a_one_line_interface_string_stays_one_line() -> None:
    """Found by the differential test: "Index" is the index's name in objects.inv,
    written one entry a line; a line break there added an entry."""
    from babel.messages.catalog import Catalog, Message

    from pytorchkr_archive.catalogs.messages import interface_message_problems

    def checks(source: str, translation: str) -> list[str]:
        message = Message(source, translation, lineno=98)
        return [p.check for p in interface_message_problems(Catalog(), message, "sphinx.po")]

    assert checks("Index", "색인\nevil std:doc -1 https://evil.example/ x") == ["line breaks"]
    furo = '\n  <a href="https://github.com/pradyunsg/furo">Furo</a>\n  '
    assert checks(furo, furo.replace("Furo<", "푸로<")) == []
