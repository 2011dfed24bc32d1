"""Privacy: loading any page asks nothing of another host and stores nothing in the browser."""

from __future__ import annotations

from typing import Any

import pytest
from browser_fixtures import SHARES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("share", range(SHARES))
def test_no_page_requests_another_host_sets_a_cookie_or_misses_a_file(
    page_visits: Any, share: int
) -> None:
    """Every page, opened in a fresh browser, only talks to the site's own server, gets
    no 404 (the theme's sitemap.xml look-ups included) and leaves no cookie and nothing in
    the browser's local or session storage behind."""
    visits = page_visits(share)
    assert len(visits) >= 10  # the share has pages: the site was found and opened
    found = {
        name: (visit.foreign, visit.failed, visit.cookies, visit.stored)
        for name, visit in visits.items()
        if visit.foreign or visit.failed or visit.cookies or visit.stored
    }
    assert found == {}
