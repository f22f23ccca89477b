"""axe-core on the record's new pages, in both themes, desktop and phone.

The synthetic archive of tests/roots/test-record has a session in every
video and slides state, a date-only event, open, closed and not yet open
registrations, series and people's pages: each kind of page is checked in
both languages, as test_every_page.py checks the site's: every page in light
at desktop size, and in dark and at phone size every kind of element that no
page of this file or of test_every_page.py has been checked on in that
setting (:func:`tests.browser.violations_of_new_kinds`; the record's states
are kinds of their own).
"""

from __future__ import annotations

import pytest

from tests.browser import (
    SETTINGS,
    element_kinds,
    open_page,
    scroll_through,
    show_in,
    violations_of_new_kinds,
)
from tests.conftest import LANGUAGES
from tests.events.test_record import build_record
from tests.helpers import SharedSets, once_per_run

PAGES = (
    "events/2023-03-18-every-state",
    "events/2022-10-29-date-only",
    "events/2030-05-01-open-registration",
    "events/2030-06-01-closed-registration",
    "events/2030-07-01-not-open",
    "series/seminars",
    "speakers/ada-park",
    "speakers/chul-lee",
    "speakers",
)


@pytest.fixture(scope="module")
def record_url(tmp_path_factory: pytest.TempPathFactory):
    from pytorchkr_archive.sitebuild.localserver import serve

    root = once_per_run(tmp_path_factory, "record", build_record)
    with serve(root) as url:
        yield url


@pytest.fixture(scope="module", params=[f"{lang}/{name}" for lang in LANGUAGES for name in PAGES])
def record_page(request, tab, record_url: str):
    """One of the record's pages, loaded once for its checks in every setting;
    its layout in light by size, and its kinds of element."""
    show_in(tab, "light-desktop", render=False)
    open_page(tab, f"{record_url}/{request.param}.html")
    scroll_through(tab)
    yield tab, {}, element_kinds(tab)


@pytest.mark.parametrize("setting", SETTINGS)
def test_no_violations_on_the_record_s_pages(
    record_page, axe_url: str, checked_kinds: SharedSets, setting: str
) -> None:
    page, light, kinds = record_page
    assert violations_of_new_kinds(page, axe_url, setting, light, kinds, checked_kinds) == []
