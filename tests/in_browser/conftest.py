"""The browser tests' shared fixture: a page in each colour scheme and size."""

from __future__ import annotations

import pytest

from tests.browser import SCHEMES, VIEWPORTS, new_page


@pytest.fixture(scope="module", params=[(s, v) for v in VIEWPORTS for s in SCHEMES])
def reader(request, browser):
    """A page in each colour scheme and size (one per module and setting)."""
    scheme, viewport = request.param
    page = new_page(browser, color_scheme=scheme, viewport=VIEWPORTS[viewport])
    yield page
    page.context.close()
