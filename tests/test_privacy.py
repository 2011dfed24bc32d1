"""Privacy: loading any page asks nothing of another host and stores nothing in the browser."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from browser_fixtures import ServedSite

pytestmark = pytest.mark.browser


SHARES = 4
"""The pages are opened in this many shares, every page in one of them, so that the test
workers (`make test` runs them side by side) each take some."""


@pytest.mark.parametrize("share", range(SHARES))
def test_no_page_requests_another_host_sets_a_cookie_or_misses_a_file(
    served_site: ServedSite, chromium: Any, share: int
) -> None:
    """Every page, opened in a fresh browser, only talks to the site's own server, gets
    no 404 (the theme's sitemap.xml look-ups included) and leaves no cookie and nothing in
    the browser's local or session storage behind."""
    foreign: list[str] = []
    failed: list[str] = []
    cookies: list[str] = []
    stored: list[str] = []
    pages = served_site.pages()
    assert "index.html" in pages and "en/index.html" in pages
    for name in pages[share::SHARES]:
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request, into=requests: into.append(request.url))
        page.on(
            "requestfailed",
            lambda request, page_name=name, into=failed: into.append(f"{page_name}: {request.url}"),
        )
        page.on(
            "response",
            lambda response, page_name=name, into=failed: (
                into.append(f"{page_name}: {response.url} ({response.status})")
                if response.status >= 400
                else None
            ),
        )
        page.goto(served_site.url(name), wait_until="networkidle")
        foreign += [
            f"{name}: {url}"
            for url in requests
            if urlsplit(url).scheme not in ("data", "blob")
            and urlsplit(url).netloc != served_site.host
        ]
        cookies += [f"{name}: {cookie['name']}" for cookie in context.cookies()]
        keys = page.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
        stored += [f"{name}: {key}" for key in keys]
        context.close()
    assert (foreign, failed, cookies, stored) == ([], [], [], [])
