"""Each language's build writes its pages' blocks, keyed by message; pages stay as they were."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sphinx.errors import ConfigError

from pytorchkr_archive.catalogs.reader import read
from pytorchkr_archive.parallel.keys import block_key
from pytorchkr_archive.parallel.markers import CLOSE, END, START
from pytorchkr_archive.parallel.page_data import RECEIVER
from tests.conftest import TESTS

ROOT = TESTS / "roots" / "test-parallel"
CATALOG = "locale/ko/LC_MESSAGES/index.po"


def page_data(outdir: Path, page: str = "index") -> dict:
    text = (outdir / "_parallel" / f"{page}.js").read_text(encoding="utf-8")
    assert text.startswith(f"{RECEIVER}(") and text.endswith(");\n")
    return json.loads(text[len(RECEIVER) + 1 : -3])


def catalog_lines() -> dict[str, int]:
    """The line of each msgid in the test root's Korean catalog, as gettext reads it."""
    reading = read((ROOT / CATALOG).read_bytes())
    return {entry.msgid: entry.line for entry in reading.entries if entry.msgid}


#: The messages of index.md shown as blocks: all but the image's alt text.
MESSAGES = [
    "Parallel test page",
    "A first paragraph with [a link](other.md) and **bold** words.",
    "A translated item.",
    "An item awaiting review.",
    "A nested item nobody translated.",
    "The caption of the photo.",
    "Name",
    "Role",
    "Kim",
    "Host",
    "A second section",
    "The last paragraph, kept in the same words.",
    "PyTorch",
]


@pytest.mark.sphinx("html", testroot="parallel")
def test_source_blocks_are_keyed_by_their_message(app) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    data = page_data(app.outdir)
    assert data["lang"] == "en" and data["page"] == "index"
    assert [block["k"] for block in data["blocks"]] == [block_key(m) for m in MESSAGES]
    assert {block["s"] for block in data["blocks"]} == {"source"}
    assert all("l" not in block and "e" not in block for block in data["blocks"])
    tags = [block["t"] for block in data["blocks"]]
    assert tags == ["h1", "p", "p", "p", "p", "figcaption", "p", "p", "p", "p", "h2", "p", "p"]
    assert [block.get("i") for block in data["blocks"]].count(1) == 1  # inside the caption
    assert data["ui"]["languages"] == {"en": "English", "ko": "한국어"}
    assert page_data(app.outdir, "other")["blocks"][0]["k"] == block_key("Another page")


@pytest.mark.sphinx("html", testroot="parallel", confoverrides={"language": "ko"})
def test_translated_blocks_say_how_they_stand_and_where_their_entry_is(app) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    blocks = {block["k"]: block for block in page_data(app.outdir)["blocks"]}
    assert list(blocks) == [block_key(m) for m in MESSAGES]
    status = {m: blocks[block_key(m)]["s"] for m in MESSAGES}
    assert status.pop("An item awaiting review.") == "fuzzy"
    assert status.pop("A nested item nobody translated.") == "untranslated"
    assert set(status.values()) == {"translated"}
    fuzzy = blocks[block_key("An item awaiting review.")]
    assert fuzzy["f"] == "검토를 기다리는 항목."
    assert "An item awaiting review." in fuzzy["h"]  # the page shows the English
    lines = catalog_lines()
    for message in MESSAGES:
        block = blocks[block_key(message)]
        assert (block["l"], block["n"]) == (CATALOG, lines[message]), message
        assert "e" not in block  # no repository configured: file and line only
    assert "병렬 시험 페이지" in blocks[block_key("Parallel test page")]["h"]
    # The root has no sphinx.po: the view's strings are the English ones.
    assert page_data(app.outdir)["ui"]["untranslated"] == "Not translated into %(language)s yet."


@pytest.mark.sphinx(
    "html",
    testroot="parallel",
    confoverrides={"language": "ko", "archive_repository": "https://github.com/example/archive"},
)
def test_a_configured_repository_gives_each_entry_its_web_editor_link(app) -> None:
    app.build()
    block = page_data(app.outdir)["blocks"][1]
    assert block["e"] == (f"https://github.com/example/archive/edit/main/{CATALOG}#L{block['n']}")


def test_read_the_docs_repository_is_used_when_conf_py_names_none(
    make_app, rootdir: Path, sphinx_test_tempdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READTHEDOCS_GIT_CLONE_URL", "git@gitlab.com:group/archive.git")
    monkeypatch.setenv("READTHEDOCS_GIT_IDENTIFIER", "v2")
    srcdir = sphinx_test_tempdir / "parallel-rtd"
    if not srcdir.exists():
        import shutil

        shutil.copytree(rootdir / "test-parallel", srcdir)
    app = make_app("html", srcdir=srcdir, confoverrides={"language": "ko"})
    app.build()
    block = page_data(app.outdir)["blocks"][0]
    assert block["e"] == f"https://gitlab.com/group/archive/-/edit/v2/{CATALOG}#L{block['n']}"


def test_a_repository_without_a_web_editor_stops_the_build(
    make_app, rootdir: Path, sphinx_test_tempdir: Path
) -> None:
    with pytest.raises(ConfigError, match="is not a GitHub or GitLab repository"):
        make_app(
            "html",
            srcdir=rootdir / "test-parallel",
            confoverrides={"archive_repository": "https://bitbucket.org/a/b"},
        )


def _article(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_pages_are_what_they_are_without_the_view(
    make_app, rootdir: Path, tmp_path: Path, lang: str
) -> None:
    """The markers leave no trace: the article is byte for byte the same."""
    import shutil

    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-parallel", srcdir)
    outputs = {}
    for view in (True, False):
        app = make_app(
            "html",
            srcdir=srcdir,
            builddir=tmp_path / f"build-{view}",
            confoverrides={"language": lang, "archive_parallel_view": view},
            freshenv=True,
        )
        app.build()
        outputs[view] = app.outdir
    for page in ("index.html", "other.html"):
        assert _article(outputs[True] / page) == _article(outputs[False] / page)
    assert not (outputs[False] / "_parallel").exists()
    markers = re.compile(f"[{START}{END}{CLOSE}]")
    for path in outputs[True].rglob("*"):
        if path.suffix in (".html", ".js", ".txt", ".xml"):
            assert not markers.search(path.read_text(encoding="utf-8")), path
