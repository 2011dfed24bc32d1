"""Shared fixtures: the real content built once per test session; the marks by fixture."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import imvo.engine  # noqa: F401  (the engine IMVO_ENGINE names, before a test imports mkdocs)
from imvo.model.content import Corpus
from imvo.validate import load_content

if TYPE_CHECKING:
    from browser_fixtures import ServedSite

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

pytest_plugins = ["browser_fixtures"]
"""The browser tests' fixtures: the site served under a sub-path, and Chromium."""

BROWSER_FIXTURES = frozenset(
    {"chromium", "browser_page", "served_site", "built_site", "prints_pdfs"}
)
"""The fixtures that start Chromium: the browser itself, the site builds that print the PDFs
with it, and `prints_pdfs` for a test that prints them itself. A test that uses one
(directly or through another fixture) is marked `browser`, so that `pytest -m "not browser"`
runs without Chromium."""
NO_BROWSER = "/not-marked-browser/chromium"
"""IMVO_CHROMIUM while a test not marked `browser` runs: a build it starts in another process
finds no browser there, and says so."""
SITE_FIXTURES = frozenset({"served_site", "built_site"})
"""The session's builds of the whole site: a test that uses one is marked `slow`."""


@pytest.hookimpl(tryfirst=True)  # before -m deselects by the marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by the fixtures it uses: a mark that follows them cannot be forgotten."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & SITE_FIXTURES:
            item.add_marker(pytest.mark.slow)
    # The tests that need the shared site run after the others, while it is being built in
    # the background (tests/browser_fixtures.py); of those, the ones that read the visits of
    # every page come first: they are the longest, and a share of the visits is made by the
    # first test to need it, so that the others find it made. The order within each part
    # stays.
    items.sort(key=_run_order)


def _run_order(item: pytest.Item) -> tuple[bool, bool]:
    """Where a test runs: the tests that need no shared site first, then the page visits."""
    used = set(getattr(item, "fixturenames", ()))
    return bool(SITE_FIXTURES & used), "page_visits" not in used


class _BrowserGuard:
    """Which test runs now, and whether it may start Chromium (it is marked `browser`)."""

    test: str = ""
    allowed: bool = True


def _guarded(launch: Callable[..., Any]) -> Callable[..., Any]:
    """A Playwright launch that fails in a test not marked `browser`: the mark stays honest."""

    @functools.wraps(launch)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if not _BrowserGuard.allowed:
            raise RuntimeError(
                f"{_BrowserGuard.test} starts Chromium but is not marked browser: use one of "
                f"the fixtures {', '.join(sorted(BROWSER_FIXTURES))}, or mark it browser"
            )
        return launch(*args, **kwargs)

    return guarded


def pytest_configure(config: pytest.Config) -> None:
    """Guard Playwright's launch of a browser, in its sync and its async API."""
    from playwright import async_api, sync_api

    for api in (sync_api, async_api):
        if not hasattr(api.BrowserType.launch, "__wrapped__"):
            api.BrowserType.launch = _guarded(api.BrowserType.launch)  # type: ignore[method-assign]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    """While a test runs (its fixtures included), it may start Chromium only if marked so."""
    _BrowserGuard.test = item.nodeid
    _BrowserGuard.allowed = item.get_closest_marker("browser") is not None
    setting = os.environ.get("IMVO_CHROMIUM")
    if not _BrowserGuard.allowed:
        os.environ["IMVO_CHROMIUM"] = NO_BROWSER
    try:
        yield
    finally:
        _BrowserGuard.test, _BrowserGuard.allowed = "", True
        if setting is None:
            os.environ.pop("IMVO_CHROMIUM", None)
        else:
            os.environ["IMVO_CHROMIUM"] = setting


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The real content of content/, validated."""
    return load_content(ROOT / "content", ROOT)


@pytest.fixture(scope="session")
def fixture_corpus() -> Corpus:
    """The small, valid content set in tests/fixtures/content."""
    return load_content(FIXTURES / "content", ROOT)


@pytest.fixture(scope="session")
def built_site(served_site: ServedSite) -> Path:
    """The real content built (with PDFs and data) once for the whole run: the site the
    browser tests are served (tests/browser_fixtures.py), with its address on the local
    server as its published address. Tests only read it."""
    return served_site.root
