"""A translated page's pickled doctree holds the page, not the whole build
(pytorchkr_archive.speed.translated_doctrees)."""

from __future__ import annotations

import pickle
import pickletools
from pathlib import Path

from docutils import nodes

from pytorchkr_archive.speed import translated_doctrees
from tests.conftest import EVENT


def pickled_names(path: Path) -> set[str]:
    """The class and module names a pickle refers to."""
    names = set()
    for opcode, argument, _ in pickletools.genops(path.read_bytes()):
        if opcode.name in {"SHORT_BINUNICODE", "BINUNICODE", "GLOBAL"} and argument:
            names.add(str(argument))
    return names


def test_korean_doctrees_do_not_carry_the_environment(site: Path) -> None:
    doctrees = site.parent / "doctrees"
    korean = sorted((doctrees / "ko").rglob("*.doctree"))
    assert doctrees.joinpath("ko", f"{EVENT}.doctree") in korean
    for path in korean:
        assert "BuildEnvironment" not in pickled_names(path), path
        doctree = pickle.loads(path.read_bytes())
        strays = [n for n in doctree.findall() if n is not doctree and n.document is not doctree]
        assert not strays, (path, strays[:3])
    # The Korean event page holds what the English one does, in Korean: the
    # same order of size, not the whole build.
    english = doctrees / "en" / f"{EVENT}.doctree"
    assert (doctrees / "ko" / f"{EVENT}.doctree").stat().st_size < 2 * english.stat().st_size


def test_nodes_parsed_elsewhere_are_adopted() -> None:
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    settings = get_default_settings(Parser)
    page, elsewhere = new_document("page", settings), new_document("msgstr", settings)
    paragraph = nodes.paragraph()
    strong = nodes.strong("", "")
    text = nodes.Text("translated")
    elsewhere += paragraph
    paragraph += strong
    strong += text
    section = nodes.section()
    page += section
    # What Sphinx's i18n transform does: the children move, the grandchildren
    # still name the document they were parsed in.
    section.children = paragraph.children
    strong.parent = section
    assert strong.document is elsewhere

    translated_doctrees.adopt_translated_nodes(None, page)  # type: ignore[arg-type]
    assert all(node.document is page for node in page.findall())
