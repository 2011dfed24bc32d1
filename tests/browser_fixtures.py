"""Shared fixtures of the browser tests: the site built under a sub-path, served, and Chromium.

The site is built once per session into <tmp>/imvo-convenanten/ and served by a local
http.server from <tmp>, so every page lives under /imvo-convenanten/ as on a GitHub Pages
project site. It is built with site_url pointing at that server, so the absolute hreflang
links (and the sitemap.xml the theme fetches next to them) stay on the local server.

Set IMVO_BROWSER_CONTENT=fixtures to run these tests on tests/fixtures/content instead of
content/ (faster, for working on the theme).
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from build_options import options

from imvo.build.orchestrate import build_site
from imvo.model.content import Corpus
from imvo.outputs.pdf import CHROMIUM, CHROMIUM_ARGS
from imvo.outputs.steps import post_steps

SUB_PATH = "imvo-convenanten"
"""The folder the site is served under, like a GitHub Pages project site."""


@dataclass
class ServedSite:
    """The built site, the folder it is in and the address it is served at."""

    root: Path
    """The site itself: <served folder>/imvo-convenanten."""
    base_url: str
    """http://127.0.0.1:<port>/imvo-convenanten/"""
    host: str
    """127.0.0.1:<port>"""
    corpus: Corpus | None = None
    """The content it was built from."""
    log: list[tuple[str, int]] = field(default_factory=list)
    """Every request the server answered: (path, status)."""

    def pages(self) -> list[str]:
        """Every HTML page of the site, as paths relative to the site root, sorted."""
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))

    def url(self, page: str) -> str:
        """The address of a page given relative to the site root."""
        return self.base_url + page

    def errors_since(self, start: int) -> list[tuple[str, int]]:
        """Requests answered with a 4xx or 5xx status since the log had `start` entries."""
        return [(path, status) for path, status in self.log[start:] if status >= 400]


class _Handler(SimpleHTTPRequestHandler):
    """A quiet static file handler that records each request's path and status."""

    log: list[tuple[str, int]]

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.log.append((self.path, int(code) if str(code).isdigit() else 0))

    def log_message(self, format: str, *args: Any) -> None:
        pass


def require_chromium() -> None:
    """Fail (never skip) with the reason when the browser the build prints with is missing."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Chromium or Chrome. Run them with "
            "`make test`, which finds the browser (or installs Debian's Chromium) and hands "
            "it on as IMVO_CHROMIUM, or set IMVO_CHROMIUM to the browser's path.",
            pytrace=False,
        )


@contextmanager
def serving(corpus: Corpus, served: Path, *, pdf: bool) -> Iterator[ServedSite]:
    """Build a corpus under <served>/imvo-convenanten/ and serve <served> on 127.0.0.1."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    site = ServedSite(
        root=served / SUB_PATH,
        base_url=f"http://127.0.0.1:{port}/{SUB_PATH}/",
        host=f"127.0.0.1:{port}",
        corpus=corpus,
    )
    built = options(site=site.root, site_url=site.base_url, pdf=pdf)
    build_site(corpus, built, post_steps=post_steps(built))
    handler = partial(type("Handler", (_Handler,), {"log": site.log}), directory=str(served))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServedSite]:
    """The real site (with PDFs) built under /imvo-convenanten/ and served on 127.0.0.1."""
    fixtures = os.environ.get("IMVO_BROWSER_CONTENT") == "fixtures"
    corpus: Corpus = request.getfixturevalue("fixture_corpus" if fixtures else "corpus")
    with serving(corpus, tmp_path_factory.mktemp("served"), pdf=True) as site:
        yield site


@pytest.fixture
def prints_pdfs() -> None:
    """For a test that prints PDFs itself (imvo.outputs.pdf, in-process or not): it needs Chromium,
    and using this fixture marks it `browser` (tests/conftest.py)."""
    require_chromium()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium (the one the PDFs print with) for the session, by Playwright."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser_page(chromium: Any) -> Iterator[Any]:
    """A fresh page in its own context (no cookies, no storage, no cache), 1280x900."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()


def type_search(page: Any, word: str) -> None:
    """Type a word into the focused search field and wait until the results answer the
    whole word: the search runs 150 ms after the last key, so on a slow machine the
    results of a first part ("conv") can show before the word is complete."""
    page.keyboard.type(word)
    page.wait_for_function(
        "(word) => document.querySelector('.md-search-result__list').dataset.query === word",
        arg=word,
    )
