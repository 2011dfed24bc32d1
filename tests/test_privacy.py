"""Privacy: loading any page asks nothing of another host and stores nothing in the browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_fixtures import SHARES, ServedSite, empty_tab, serving_folder, visit_pages

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("share", range(SHARES))
def test_no_page_requests_another_host_sets_a_cookie_or_misses_a_file(
    served_site: ServedSite, page_visits: Any, share: int
) -> None:
    """Every page, opened as in a new browser, only talks to the site's own server, gets
    no 404 (the theme's sitemap.xml look-ups included) and leaves no cookie and nothing in
    the browser's local or session storage behind."""
    visits = page_visits(share)
    assert list(visits) == served_site.pages()[share::SHARES] != []  # each page of the share
    found = {
        name: (visit.foreign, visit.failed, visit.cookies, visit.stored)
        for name, visit in visits.items()
        if visit.foreign or visit.failed or visit.cookies or visit.stored
    }
    assert found == {}


BAD_PAGE = """<!doctype html><html lang="en"><head><title>Bad</title></head><body><main>
<h1>Bad</h1><img src="missing.png"><img src="http://tracker.invalid/pixel.gif" alt="">
<script>document.cookie = "seen=1"; localStorage.setItem("kept", "1");
sessionStorage.setItem("tab", "1");</script></main></body></html>"""
GOOD_PAGE = """<!doctype html><html lang="en"><head><title>Good</title></head><body><main>
<h1>Good</h1><p>Nothing else.</p></main></body></html>"""


def test_the_visits_see_what_each_page_does_and_start_every_page_clean(
    chromium: Any, tmp_path: Path
) -> None:
    """The check above can fail: a page that asks another host, misses a file, sets a
    cookie, stores keys and has an image without alt text is seen doing each, and the clean
    pages opened after them (in the same two tabs: bad pages in both, then good ones) are
    charged with none of it."""
    for name in ("bad.html", "bad-again.html"):
        (tmp_path / name).write_text(BAD_PAGE, encoding="utf-8")
    for name in ("good.html", "good-again.html"):
        (tmp_path / name).write_text(GOOD_PAGE, encoding="utf-8")
    with serving_folder(tmp_path) as port:
        site = ServedSite(tmp_path, f"http://127.0.0.1:{port}/", f"127.0.0.1:{port}")
        names = ["bad.html", "bad-again.html", "good.html", "good-again.html"]
        visits = visit_pages(site, chromium, names)
    assert list(visits) == names
    for name in ("bad.html", "bad-again.html"):
        bad = visits[name]
        assert bad.foreign == ["http://tracker.invalid/pixel.gif"]
        assert sorted(bad.failed) == [
            f"http://127.0.0.1:{port}/missing.png (404)",
            "http://tracker.invalid/pixel.gif",
        ]
        assert bad.cookies == ["seen"]
        assert sorted(bad.stored) == ["kept", "tab"]
        assert [found.split(":")[0] for found in bad.violations] == ["image-alt"]
    for name in ("good.html", "good-again.html"):
        good = visits[name]
        assert (good.foreign, good.failed, good.cookies, good.stored, good.violations) == (
            [],
            [],
            [],
            [],
            [],
        )


def test_an_emptied_tab_keeps_nothing_of_the_test_before(browser_page: Any, tmp_path: Path) -> None:
    """The tab the browser tests share (`browser_page`) is emptied after each test: what
    one test stored, routed, emulated or resized is gone for the next."""
    (tmp_path / "good.html").write_text(GOOD_PAGE, encoding="utf-8")
    page = browser_page
    with serving_folder(tmp_path) as port:
        address = f"http://127.0.0.1:{port}/good.html"
        page.goto(address)
        page.evaluate(
            """() => { document.cookie = "seen=1"; localStorage.setItem("kept", "1");
            sessionStorage.setItem("tab", "1"); }"""
        )
        page.set_viewport_size({"width": 360, "height": 740})
        page.emulate_media(media="print")
        page.route("**/*", lambda route: route.abort())
        empty_tab(page.context, page)
        assert page.url == "about:blank"
        page.goto(address)
        found = page.evaluate(
            """() => [document.cookie, Object.keys(localStorage), Object.keys(sessionStorage),
            innerWidth, matchMedia("print").matches]"""
        )
    assert found == ["", [], [], 1280, False]
