"""Shared fixtures of the browser tests: the site built under a sub-path, served, and Chromium.

The site is built once for the whole run into <served>/imvo-convenanten/ and served from
<served> by one local http.server, so every page lives under /imvo-convenanten/ as on a
GitHub Pages project site. The server runs in the process that started pytest (with
pytest-xdist, the one that hands the tests out), from before the first test until after the
last, on a port it chose itself; the first test worker to need the site builds it, under a
lock, and the others wait and use the same site. It is built with site_url pointing at that
server, so the absolute hreflang links (and the sitemap.xml the theme fetches next to them)
stay on the local server.

Set IMVO_BROWSER_CONTENT=fixtures to run these tests on tests/fixtures/content instead of
content/ (faster, for working on the theme).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from functools import cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from build_options import options
from filelock import FileLock
from node_packages import AXE, npm, npm_installed

from imvo.build.orchestrate import build_site
from imvo.build.target import MARKER
from imvo.model.content import Corpus
from imvo.outputs.pdf import CHROMIUM, CHROMIUM_ARGS
from imvo.outputs.steps import post_steps

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "content"

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

    def pages(self) -> list[str]:
        """Every HTML page of the site, as paths relative to the site root, sorted."""
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))

    def url(self, page: str) -> str:
        """The address of a page given relative to the site root."""
        return self.base_url + page


class _Server(ThreadingHTTPServer):
    """A local server that says nothing of a browser closing a connection mid-answer (a page
    closed while it still loads): that is the browser's right, not a fault of the site."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(SimpleHTTPRequestHandler):
    """A quiet static file handler."""

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


def _served_at(folder: Path, port: int, corpus: Corpus) -> ServedSite:
    """The site built under <folder>/imvo-convenanten/ as a server of <folder> on a port
    shows it."""
    return ServedSite(
        root=folder / SUB_PATH,
        base_url=f"http://127.0.0.1:{port}/{SUB_PATH}/",
        host=f"127.0.0.1:{port}",
        corpus=corpus,
    )


def _build(site: ServedSite, corpus: Corpus, *, pdf: bool) -> None:
    """Build a corpus into a served site, with the server's address as its own."""
    built = options(site=site.root, site_url=site.base_url, pdf=pdf)
    build_site(corpus, built, post_steps=post_steps(built))


@contextmanager
def serving_folder(folder: Path, port: int = 0) -> Iterator[int]:
    """Serve a folder on 127.0.0.1 (on a free port unless one is given) until the end of
    the block; yields the port."""
    handler = partial(_Handler, directory=str(folder))
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serving(corpus: Corpus, served: Path, *, pdf: bool) -> Iterator[ServedSite]:
    """Build a corpus under <served>/imvo-convenanten/ and serve <served> on 127.0.0.1."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    site = _served_at(served, port, corpus)
    _build(site, corpus, pdf=pdf)
    with serving_folder(served, port):
        yield site


@dataclass(frozen=True)
class SharedServer:
    """The run's one server of the shared site: the folder it serves and its port."""

    folder: Path
    port: int


SHARED_SERVER = "imvo_shared_server"
"""The key under which the run's server reaches the test workers (their `workerinput`)."""
SHARED_SERVER_KEY = pytest.StashKey[SharedServer]()
"""Where the process that started pytest keeps the run's server."""
_STOP_KEY = pytest.StashKey[ExitStack]()


def pytest_configure(config: pytest.Config) -> None:
    """In the process that started pytest (not in a test worker): start the run's server."""
    if hasattr(config, "workerinput"):
        return
    stack = ExitStack()
    config.stash[SHARED_SERVER_KEY] = stack.enter_context(shared_server())
    config.stash[_STOP_KEY] = stack


def pytest_unconfigure(config: pytest.Config) -> None:
    """After the last test: stop the run's server and remove the shared site."""
    if _STOP_KEY in config.stash:
        config.stash[_STOP_KEY].close()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """pytest-xdist: tell each test worker where the run's server is."""
    server = node.config.stash[SHARED_SERVER_KEY]
    node.workerinput[SHARED_SERVER] = {"folder": str(server.folder), "port": server.port}


@contextmanager
def shared_server() -> Iterator[SharedServer]:
    """Serve a new, empty folder on 127.0.0.1 until the end; the site is built into it later
    (`served_site`), by whichever test worker needs it first."""
    folder = Path(tempfile.mkdtemp(prefix="imvo-served-"))
    try:
        with serving_folder(folder) as port:
            yield SharedServer(folder, port)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def shared_server_of(config: pytest.Config) -> SharedServer:
    """The run's shared server: a test worker has it from the process that started pytest."""
    given = getattr(config, "workerinput", {}).get(SHARED_SERVER)
    if given is not None:
        return SharedServer(Path(given["folder"]), int(given["port"]))
    found: SharedServer = config.stash[SHARED_SERVER_KEY]
    return found


def shared_site(server: SharedServer, corpus: Corpus) -> ServedSite:
    """The run's shared site: built into the server's folder by whoever comes first (a test
    worker, or the build started in the background), under a lock; the others wait."""
    site = _served_at(server.folder, server.port, corpus)
    with FileLock(str(server.folder / "build.lock")):
        if not (site.root / MARKER).is_file():  # a finished build carries the marker
            _build(site, corpus, pdf=True)
    return site


def shared_corpus_folder() -> Path:
    """The content the shared site is built from: content/, or the fixtures' with
    IMVO_BROWSER_CONTENT=fixtures."""
    fixtures = os.environ.get("IMVO_BROWSER_CONTENT") == "fixtures"
    return FIXTURES if fixtures else ROOT / "content"


@pytest.fixture(scope="session")
def served_site(request: pytest.FixtureRequest) -> ServedSite:
    """The real site (with PDFs) built once for the run under /imvo-convenanten/, served on
    127.0.0.1 by the run's server. Tests only read it."""
    fixtures = shared_corpus_folder() == FIXTURES
    corpus: Corpus = request.getfixturevalue("fixture_corpus" if fixtures else "corpus")
    return shared_site(shared_server_of(request.config), corpus)


_BACKGROUND_KEY = pytest.StashKey[subprocess.Popen[bytes]]()


def pytest_collection_finish(session: pytest.Session) -> None:
    """When the tests chosen use the shared site, one test worker starts building it in the
    background at once, and the tests that need it run after the others (tests/conftest.py):
    no worker sits waiting for the build at the start."""
    if session.config.option.collectonly:
        return
    if not any("served_site" in getattr(item, "fixturenames", ()) for item in session.items):
        return
    server = shared_server_of(session.config)
    try:  # the first worker to get here starts it; the file says it has been started
        (server.folder / "build.started").touch(exist_ok=False)
    except FileExistsError:
        return
    log = (server.folder / "build.log").open("wb")
    session.config.stash[_BACKGROUND_KEY] = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("build_shared_site.py")), str(server.folder),
         str(server.port)],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    log.close()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Stop a background build still running (a run stopped early)."""
    build = session.config.stash.get(_BACKGROUND_KEY, None)
    if build is not None and build.poll() is None:
        build.terminate()
        build.wait(timeout=30)


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


VIEWPORT = {"width": 1280, "height": 900}
"""The size of a browser page unless a test sets another."""


def fresh_tab(browser: Any) -> tuple[Any, Any]:
    """A new context and its one page, with the browser's cache off: every page it opens asks
    for everything it uses again, as in a browser that never saw the site."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    return context, page


@pytest.fixture(scope="session")
def _worker_tab(chromium: Any) -> Iterator[list[Any]]:
    """The tab this test worker hands to each test in turn as `browser_page` (replaced when
    a test closed it)."""
    context, page = fresh_tab(chromium)
    tab = [context, page]
    try:
        yield tab
    finally:
        tab[0].close()


@pytest.fixture
def browser_page(_worker_tab: list[Any], chromium: Any) -> Iterator[Any]:
    """A browser page, 1280x900, with no cookies, nothing stored and no cache, and no page
    open in it: one tab per test worker, emptied after each test.

    A new context for every test would start a renderer process and set Playwright's page up
    again each time (about half a second of CPU on these machines, a hundred times a run),
    so every test of a worker uses the same tab, and after each test the tab is brought back
    to how a new one starts: on about:blank, at 1280x900, with no routes, no emulated media,
    no cookies, no permissions and nothing in any site's storage. A test that adds a
    listener (`page.on`) removes it before it ends (`remove_listener`)."""
    context, page = _worker_tab
    if page.is_closed():
        context.close()
        context, page = _worker_tab[:] = fresh_tab(chromium)
    yield page
    if not page.is_closed():
        empty_tab(context, page)


def empty_tab(context: Any, page: Any) -> None:
    """Bring a tab back to how a new one starts: on about:blank, at 1280x900, with no
    routes, no emulated media, no permissions, and no cookies and nothing in the local or
    session storage of any site."""
    page.goto("about:blank")
    page.unroute_all(behavior="ignoreErrors")
    page.set_viewport_size(VIEWPORT)
    page.emulate_media(media="null", color_scheme="null", reduced_motion="null")
    context.clear_permissions()
    cdp = context.new_cdp_session(page)
    cdp.send("Storage.clearDataForOrigin", {"origin": "*", "storageTypes": "all"})
    cdp.detach()


def type_search(page: Any, word: str) -> None:
    """Type a word into the focused search field and wait until the results answer the
    whole word: the search runs 150 ms after the last key, so on a slow machine the
    results of a first part ("conv") can show before the word is complete."""
    page.keyboard.type(word)
    page.wait_for_function(
        "(word) => document.querySelector('.md-search-result__list').dataset.query === word",
        arg=word,
    )


AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
"""WCAG 2.1 A and AA plus axe's best practices; no rule is switched off."""


@cache
def axe_script() -> str:
    """axe-core's script, from npm: tests/axe/package-lock.json names the version and its hash
    (tests/node_packages.py installs it on first use)."""
    npm_path = npm()
    if npm_path is None:
        pytest.fail(
            "axe-core comes from npm (tests/axe/package-lock.json): install Node.js and npm, "
            "as `make test` does"
        )
    return (npm_installed(AXE, npm_path) / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


def axe_findings(page: Any) -> list[str]:
    """axe-core's findings on the page as it is now, one per rule: 'rule: [the first three
    elements]'. axe comes into the page first where it is not there yet (the visits bring it
    in as each page starts)."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_script())
    # Only the violations come back, not axe's whole answer (about 60 kB a page: every rule
    # that passed or did not apply, with its description and tags).
    found = page.evaluate(
        """(options) => axe.run(options).then((results) => results.violations.map(
             (violation) => [violation.id, violation.nodes.map((node) => node.target)]))""",
        AXE_OPTIONS,
    )
    return [f"{rule}: {[', '.join(target) for target in targets][:3]}" for rule, targets in found]


SHARES = 6
"""Every page of the site is visited in one of this many shares, so that the test workers
(`make test` runs them side by side) each take some."""


@dataclass
class Visit:
    """What one page did when it was opened, and what axe found on it."""

    foreign: list[str] = field(default_factory=list)
    """Requests to another host than the site's own."""
    failed: list[str] = field(default_factory=list)
    """Requests that failed or were answered with a 4xx or 5xx status."""
    cookies: list[str] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)
    """Keys the page left in the browser's local or session storage."""
    violations: list[str] = field(default_factory=list)
    """axe-core's findings: 'rule: [the first three elements]'."""


class _VisitTab:
    """A tab of `visit_pages`, with the page it has open and what that page has done."""

    def __init__(self, browser: Any, site: ServedSite) -> None:
        self.site = site
        self.context, self.page = fresh_tab(browser)
        # axe comes into each page as it starts, as an init script: evaluated into each page
        # after it has loaded, its half megabyte of script took more of Chromium's time.
        self.context.add_init_script(axe_script())
        self.visit: Visit | None = None
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("requestfailed", lambda request: self._failed(request.url))
        self.page.on(
            "response",
            lambda response: (
                self._failed(f"{response.url} ({response.status})")
                if response.status >= 400
                else None
            ),
        )

    def _failed(self, what: str) -> None:
        if self.visit is not None:
            self.visit.failed.append(what)

    def open(self, name: str) -> Visit:
        """Open a page and run axe on it once it has loaded."""
        visit = self.visit = Visit()
        self.requests.clear()
        self.page.goto(self.site.url(name), wait_until="load")
        visit.violations = axe_findings(self.page)
        return visit

    def finish(self) -> None:
        """Once the open page's network has been quiet for half a second (its late requests
        are in), note its requests to other hosts, its cookies and the keys it stored, and
        empty the tab."""
        visit = self.visit
        if visit is None:
            return
        self.page.wait_for_load_state("networkidle")
        visit.foreign = [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob")
            and urlsplit(url).netloc != self.site.host
        ]
        visit.cookies = [cookie["name"] for cookie in self.context.cookies()]
        visit.stored = self.page.evaluate(
            "[...Object.keys(localStorage), ...Object.keys(sessionStorage)]"
        )
        empty_tab(self.context, self.page)
        self.visit = None


def visit_pages(site: ServedSite, browser: Any, names: list[str]) -> dict[str, Visit]:
    """Open each page, run axe on it once it has loaded, and note every request it made
    (until its network was quiet for half a second), every cookie and every key in the
    browser's storage it left behind.

    The pages are opened in turn in two tabs (each its own context, with its own cookies and
    storage), and each page finds its tab as a new browser would: the cache is off (so every
    page asks for everything it uses again, and each request is seen), and the cookies and
    storage are read and emptied after every page. While one tab's page waits for its
    network to be quiet, the other tab opens the next page: with one tab, the half second of
    waiting after each page left the processor idle. A new context per page would start a
    new renderer process each time, and axe would run in a cold JavaScript engine: twice
    the CPU of the whole check."""
    visits: dict[str, Visit] = {}
    tabs: list[_VisitTab] = []
    try:
        for _ in range(2):
            tabs.append(_VisitTab(browser, site))
        for index, name in enumerate(names):
            visits[name] = tabs[index % 2].open(name)
            tabs[(index + 1) % 2].finish()
        for tab in tabs:
            tab.finish()
    finally:
        for tab in tabs:
            tab.context.close()
    return visits


@pytest.fixture(scope="session")
def page_visits(served_site: ServedSite, chromium: Any) -> Any:
    """The visits of one share of the site's pages (`page_visits(share)`), each page opened
    once for all the tests that read them (accessibility, privacy): the first test worker
    to need a share opens its pages, under a lock, and leaves what it saw beside the site
    for the others."""

    def of_share(share: int) -> dict[str, Visit]:
        kept = served_site.root.parent / f"visits-{share}.json"
        with FileLock(str(kept) + ".lock"):
            if not kept.is_file():
                pages = served_site.pages()
                assert "index.html" in pages and "en/index.html" in pages
                visits = visit_pages(served_site, chromium, pages[share::SHARES])
                text = json.dumps({name: asdict(visit) for name, visit in visits.items()})
                kept.write_text(text, encoding="utf-8")
            read = json.loads(kept.read_text(encoding="utf-8"))
        return {name: Visit(**found) for name, found in read.items()}

    return of_share
