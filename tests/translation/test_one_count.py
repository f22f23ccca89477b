"""One count everywhere: the page's notice, make stats, make todo and make check-po agree.

The issue's reproduction: a catalog updated with a template that lacks the
event's facts (what ``msgmerge`` did with Sphinx's templates before the facts
were in them) holds the facts' translations as obsolete entries.  The page
shows the facts in English and says 68 %; the commands counted the catalog's
entries and said 100 %, nothing left, 0 untranslated.  They now count the
messages the English page asks for.  And a message that is two elements of a
page (the landing page's "Events" heading and caption) counts once on the
page, as it is one message in the catalog.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from pytorchkr_archive.catalogs.files import load, save
from tests.conftest import EVENT, copy_project, require_tool
from tests.helpers import once_per_run, python_m, soup
from tests.po_tools import EVENT_PO, tool

INDEX_PO = "locale/ko/LC_MESSAGES/index.po"


def korean_build(project: Path, out: str = "_build/ko") -> Path:
    """The Korean pages, as ``make live`` builds them (without -W: the point is
    the notice), in this process (:func:`tests.helpers.python_m`)."""
    process = python_m(["sphinx", "-q", "-b", "html", "-D", "language=ko", ".", out], project)
    assert process.returncode == 0, process.stderr
    return project / out


def notice_percent(page: Path) -> int | None:
    """The percentage the page's notice gives, None without a notice."""
    notice = soup(page).select_one(".translation-notice")
    if notice is None:
        return None
    return int(re.search(r"(\d+)%", notice.get_text()).group(1))


def stats_percent(project: Path, name: str) -> int:
    data = json.loads(tool(project, "stats", "--json").stdout)
    return data["ko"]["catalogs"][name]["percent"]


def facts_made_obsolete(folder: Path) -> Path:
    """The issue's path: the event's catalog merged (msgmerge) with a template without facts."""
    msgmerge = require_tool("msgmerge")
    project = copy_project(folder / "project")
    pot_dir = folder / "pot"
    process = python_m(["sphinx", "-q", "-b", "gettext", ".", str(pot_dir)], project)
    assert process.returncode == 0, process.stderr
    pot = pot_dir / f"{EVENT}.pot"
    template = load(pot)
    for message in [m for m in template if m.id and m.context]:
        template.delete(message.id, context=message.context)
    save(pot, template)
    subprocess.run(
        [msgmerge, "--update", "--backup=none", "--previous", "--quiet", "--no-wrap",
         str(project / EVENT_PO), str(pot)],
        check=True,
    )  # fmt: skip
    assert (project / EVENT_PO).read_text(encoding="utf-8").count("#~ msgctxt") == 14
    return project


@pytest.fixture(scope="module")
def obsolete_facts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """What the page and each command say of the catalog with obsolete facts (once per run)."""

    def make(folder: Path) -> dict[str, object]:
        project = facts_made_obsolete(folder)
        site = korean_build(project)
        return {
            "project": project,
            "notice": notice_percent(site / f"{EVENT}.html"),
            "stats": json.loads(tool(project, "stats", "--json").stdout),
            "todo": tool(project, "todo").stdout,
            "check": tool(project, "check_po"),
        }

    return once_per_run(tmp_path_factory, "obsolete-facts", make)


def test_the_page_shows_the_facts_in_english_and_says_68(obsolete_facts) -> None:
    assert obsolete_facts["notice"] == 68  # 31 of 45: the 14 facts show in English


def test_stats_counts_the_messages_of_the_page(obsolete_facts) -> None:
    catalog = obsolete_facts["stats"]["ko"]["catalogs"][f"{EVENT}.po"]
    assert catalog["percent"] == obsolete_facts["notice"] == 68
    assert catalog["messages"]["translated"] == 31
    assert catalog["messages"]["untranslated"] == 14
    # An obsolete entry whose English is still on the page is not obsolete: it is the page's.
    assert catalog["messages"]["obsolete"] == 0
    assert obsolete_facts["stats"]["ko"]["total"]["percent"] < 100


def test_todo_lists_each_fact_at_its_obsolete_entry(obsolete_facts) -> None:
    todo = obsolete_facts["todo"]
    assert "todo: 0 fuzzy, 14 untranslated, in 1 of 25 catalog(s)" in todo
    lines = (obsolete_facts["project"] / EVENT_PO).read_text(encoding="utf-8").splitlines()
    line = lines.index('#~ msgid "goorm"') + 1
    assert (
        f"{EVENT_PO}:{line}: untranslated: 'goorm' (only as an obsolete entry in the "
        "catalog: run make update-po)"
    ) in todo


def test_check_po_counts_them_and_says_the_catalog_is_behind(obsolete_facts) -> None:
    check = obsolete_facts["check"]
    assert "0 fuzzy, 14 untranslated" in check.stdout
    assert check.returncode == 1
    assert re.search(rf"^{re.escape(EVENT_PO)}:\d+: error: \[behind\] .*it lacks 14 messages "
                     r".*run make update-po", check.stdout, re.M)  # fmt: skip


def test_update_po_brings_the_facts_back_and_everything_agrees(tmp_path: Path) -> None:
    project = facts_made_obsolete(tmp_path)
    assert tool(project, "update_po").returncode == 0
    assert notice_percent(korean_build(project) / f"{EVENT}.html") is None
    assert stats_percent(project, f"{EVENT}.po") == 100
    assert "todo: 0 fuzzy, 0 untranslated" in tool(project, "todo").stdout
    check = tool(project, "check_po")
    assert check.returncode == 0, check.stdout
    assert "0 fuzzy, 0 untranslated" in check.stdout


def test_a_message_that_is_two_elements_counts_once_on_the_page(tmp_path: Path) -> None:
    """The landing page's "Events" is its heading and a caption: one message of five."""
    project = copy_project(tmp_path / "project")
    po = project / INDEX_PO
    text = po.read_text(encoding="utf-8")
    assert text.count('msgid "Events"\nmsgstr "행사"\n') == 1
    po.write_text(text.replace('msgid "Events"\nmsgstr "행사"\n', 'msgid "Events"\nmsgstr ""\n'),
                  encoding="utf-8")  # fmt: skip
    stats = stats_percent(project, "index.po")
    assert stats == 80  # 4 of 5 messages
    assert notice_percent(korean_build(project) / "index.html") == stats


def test_an_orphaned_catalog_is_not_counted_as_a_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    before = json.loads(tool(project, "stats", "--json").stdout)["ko"]["total"]
    orphan = project / "locale/ko/LC_MESSAGES/events/2019-01-01-gone.po"
    orphan.write_bytes((project / INDEX_PO).read_bytes())
    data = json.loads(tool(project, "stats", "--json").stdout)["ko"]
    assert "events/2019-01-01-gone.po" not in data["catalogs"]
    assert data["orphaned"] == ["locale/ko/LC_MESSAGES/events/2019-01-01-gone.po"]
    assert data["total"]["messages"] == before["messages"]  # the pages' messages, as before
    table = tool(project, "stats").stdout
    assert "Left out: 1 catalog(s) whose page is gone" in table
    assert "2019-01-01-gone" in tool(project, "todo").stdout.splitlines()[-1]
