"""PDFs of the factsheets: each built factsheet page printed to A4 by Chromium (Playwright).

The page is printed with the site's own print stylesheet, served from the assembled site
under its published address (see _print_all), so the PDF says exactly what the page says,
with real (searchable) text and the page's language. Printing is slow, so each PDF is
cached in .cache/pdf/ under a hash of the page's HTML and the stylesheets it uses: a
rebuild with unchanged pages only copies.
Misses are printed a few at a time in one browser. Chromium's creation date is replaced by
the date of SOURCE_DATE_EPOCH, so the same page gives the same bytes.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import html
import mimetypes
import os
import re
import shutil
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from imvo import ROOT
from imvo.i18n import Translator
from imvo.model import LANGUAGES, Corpus
from imvo.problems import BuildError

CHROMIUM = Path(os.environ.get("IMVO_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CACHE_DIR = ROOT / ".cache" / "pdf"
KEEP_DAYS = 30
"""A cached PDF that no build has used for this many days is deleted."""
CACHE_VERSION = b"imvo-pdf-2\n"
"""Part of every cache key: change it when the way PDFs are printed changes."""
MISSING = (
    "Chromium is needed to print the PDFs and was not found at {path}: install it with "
    "`bash scripts/ensure-chromium.sh` (or `apt-get install chromium`), or build without "
    "PDFs with --no-pdf."
)

PRINT_ORIGIN = "http://imvo-print.invalid/"
"""Where pages are printed from when the build has no --site-url: a name that can never
resolve (.invalid); every request is answered from the site folder, none leaves."""
_CANONICAL = re.compile(rb'<link rel="canonical" href="([^"]+)"')
_LINK_HREF = re.compile(rb'(<a\b[^>]*?)\shref="(?!#|[a-zA-Z][a-zA-Z0-9+.-]*:)[^"]*"', re.I)
"""A link to another page of the site (relative): it has no address outside the site."""
MAX_PAGES = 2
"""A factsheet's PDF is a handout: at most this many A4 pages (the build warns beyond)."""
_MARGIN_STYLE = "width:100%;margin:0 12mm;font-size:8pt;color:#333;font-family:sans-serif;"
"""Chromium draws the running header and footer in the page margin, at its own tiny default
size and without the page's styles: everything they need is set here."""

_ABSOLUTE_LINKS = """(base) => {
  for (const a of document.querySelectorAll('.md-content a[href]')) {
    const href = a.getAttribute('href');
    if (!href || href.startsWith('#') || /^[a-z]+:/i.test(href)) continue;
    a.setAttribute('href', new URL(href, base).href);
  }
}"""
"""Turns the page's links to other pages of the site into addresses of the published site,
so that the print stylesheet writes them out after the link, as it does for other sites."""

_STYLESHEET = re.compile(rb'<link[^>]+rel="stylesheet"[^>]+href="([^"#?]+)', re.IGNORECASE)
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) ?\((D:[0-9+\-Z']+)\)")


@dataclass(frozen=True)
class Job:
    """One PDF to make: the page it is printed from, where it goes, its cache key."""

    page: Path
    target: Path
    key: str
    header: str = ""
    footer: str = ""
    address: str = ""
    """The page's published address (its canonical link), when built with --site-url."""


@dataclass
class PdfStats:
    """How many PDFs came from the cache and how many were printed."""

    hits: int = 0
    misses: int = 0


def page_path(site: Path, slug: str, lang: str) -> Path:
    """The built factsheet page of a covenant in one language."""
    return site / f"{slug}.html" if lang == LANGUAGES[0] else site / lang / f"{slug}.html"


def pdf_path(site: Path, slug: str, lang: str) -> Path:
    """Where the factsheet's PDF lands: pdf/<slug>.pdf beside the page."""
    return page_path(site, slug, lang).parent / "pdf" / f"{slug}.pdf"


def cache_key(page: Path, sheets: dict[Path, bytes] | None = None) -> str:
    """A hash of the page's HTML and of every local stylesheet it links to.

    `sheets` memoises each stylesheet's own hash across pages (they all share the theme's).
    """
    sheets = {} if sheets is None else sheets
    digest = hashlib.sha256(CACHE_VERSION)
    html = page.read_bytes()
    digest.update(html)
    for href in _STYLESHEET.findall(html):
        sheet = (page.parent / href.decode()).resolve()
        if sheet not in sheets:
            sheets[sheet] = hashlib.sha256(sheet.read_bytes()).digest() if sheet.is_file() else b""
        digest.update(href)
        digest.update(sheets[sheet])
    return digest.hexdigest()


def running_texts(corpus: Corpus, slug: str, lang: str, address: str) -> tuple[str, str]:
    """The running header and footer of a factsheet's PDF, as Chromium's templates.

    Header: the site's name and the date the facts were checked. Footer: the page's
    published address (when the site was built with --site-url) and "pagina N van M".
    """
    t = Translator(lang)
    checked = corpus.covenants[slug].checked
    when = t("pdf.checked", date=t.date(checked)) if checked else ""
    page = escape(t("pdf.page", n="\x00", m="\x01"))
    page = page.replace("\x00", '<span class="pageNumber"></span>')
    page = page.replace("\x01", '<span class="totalPages"></span>')
    row = f'<div style="{_MARGIN_STYLE}display:flex;justify-content:space-between;">'
    header = f"{row}<span>{escape(t('site.name'))}</span><span>{escape(when)}</span></div>"
    footer = f"{row}<span>{escape(address)}</span><span>{page}</span></div>"
    return header, footer


def jobs(corpus: Corpus, site: Path) -> list[Job]:
    """Every factsheet in every language, with its running texts and cache key."""
    sheets: dict[Path, bytes] = {}
    found = []
    for slug in sorted(corpus.covenants):
        for lang in LANGUAGES:
            page = page_path(site, slug, lang)
            match = _CANONICAL.search(page.read_bytes())
            address = match.group(1).decode() if match else ""
            header, footer = running_texts(corpus, slug, lang, address)
            digest = hashlib.sha256(cache_key(page, sheets).encode())
            digest.update(f"{header}\n{footer}".encode())
            found.append(
                Job(page, pdf_path(site, slug, lang), digest.hexdigest(), header, footer, address)
            )
    return found


def page_count(pdf: Path) -> int:
    """How many pages a PDF has."""
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def pdf_date(epoch: str | None = None) -> bytes:
    """The PDF date of SOURCE_DATE_EPOCH, as Chromium writes dates: D:YYYYMMDDHHmmSS+00'00'."""
    stamp = epoch if epoch is not None else os.environ.get("SOURCE_DATE_EPOCH", "")
    if not stamp.isdigit():
        return b""
    moment = dt.datetime.fromtimestamp(int(stamp), tz=dt.UTC)
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'").encode()


def normalise(pdf: bytes, date: bytes) -> bytes:
    """Replace Chromium's creation and modification dates by `date` where lengths allow.

    Only same-length replacements are made, so the cross-reference offsets stay right.
    """
    if not date:
        return pdf

    def swap(match: re.Match[bytes]) -> bytes:
        if len(match.group(2)) != len(date):
            return match.group(0)
        return match.group(0).replace(match.group(2), date)

    return _PDF_DATE.sub(swap, pdf)


def site_root(site: Path, pages: Iterable[Path]) -> str | None:
    """The address the site is published at, from a page's canonical link (--site-url)."""
    for page in pages:
        found = _CANONICAL.search(page.read_bytes())
        if found is None:
            return None
        address = html.unescape(found[1].decode("utf-8"))
        relative = page.relative_to(site).as_posix()
        return address.removesuffix(relative) if address.endswith(relative) else None
    return None


def unlinked(page: bytes) -> bytes:
    """The page without the addresses of its links within the site (anchors within the page
    and full addresses, such as a source's, stay)."""
    return _LINK_HREF.sub(rb"\1", page)


async def _print_all(
    misses: list[Job], cache: Path, concurrency: int, site: Path, root: str | None
) -> None:
    """Print the pages as if from `root`, the published address (or PRINT_ORIGIN).

    A page printed from a file:// address put the build machine's temporary folder into
    every link of the PDF, and so a different PDF on every build. Served from the published
    address (out of the site folder: no request leaves the machine), a link in the PDF
    leads to the published page; without --site-url, links keep no address at all.
    """
    from playwright.async_api import Route, async_playwright

    date = pdf_date()
    origin = root or PRINT_ORIGIN
    base = urlsplit(origin).path
    folder = site.resolve()

    async def serve(route: Route) -> None:
        parts = urlsplit(route.request.url)
        if not route.request.url.startswith(origin) or not parts.path.startswith(base):
            await route.abort()
            return
        path = (folder / unquote(parts.path[len(base) :])).resolve()
        if not path.is_relative_to(folder) or not path.is_file():
            await route.fulfill(status=404, body=b"")
            return
        body = path.read_bytes()
        if root is None and path.suffix == ".html":
            body = unlinked(body)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        await route.fulfill(status=200, body=body, content_type=kind)

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        # Pages print the same without their scripts (search, menus): skipping them is faster.
        context = await browser.new_context(java_script_enabled=False)
        await context.route("**/*", serve)
        limit = asyncio.Semaphore(concurrency)

        async def one(job: Job) -> None:
            async with limit:
                page = await context.new_page()
                try:
                    address = origin + quote(job.page.resolve().relative_to(folder).as_posix())
                    await page.goto(address, wait_until="load")
                    if job.address:
                        await page.evaluate(_ABSOLUTE_LINKS, job.address)
                    data = await page.pdf(
                        format="A4",
                        tagged=True,
                        print_background=True,
                        display_header_footer=True,
                        header_template=job.header,
                        footer_template=job.footer,
                        # The same as the print stylesheet's @page, which wins where both are set.
                        margin={"top": "12mm", "bottom": "12mm", "left": "12mm", "right": "12mm"},
                    )
                finally:
                    await page.close()
            # Write then rename, so that an interrupted build never leaves half a PDF.
            partial = cache / f"{job.key}.pdf.{os.getpid()}.tmp"
            partial.write_bytes(normalise(data, date))
            partial.replace(cache / f"{job.key}.pdf")

        try:
            await asyncio.gather(*(one(job) for job in misses))
        finally:
            await browser.close()


def make_pdfs(
    corpus: Corpus, site: Path, cache: Path = CACHE_DIR, concurrency: int = 3
) -> PdfStats:
    """Write the PDF of every factsheet in every language, printing only pages not in the cache."""
    cache.mkdir(parents=True, exist_ok=True)
    todo = jobs(corpus, site)
    misses = _unique(job for job in todo if not (cache / f"{job.key}.pdf").is_file())
    if misses:
        if not CHROMIUM.is_file():
            raise BuildError(MISSING.format(path=CHROMIUM))
        # In a thread of its own, so that it never meets an event loop of the caller's
        # (a test session driving Playwright's sync API, for one). A daemon, waited for in
        # short steps: Ctrl-C or SIGTERM stops the build at once, not after the last PDF.
        root = site_root(site, (job.page for job in todo))
        failed: list[BaseException] = []

        def print_misses() -> None:
            try:
                asyncio.run(_print_all(misses, cache, concurrency, site, root))
            except BaseException as error:  # handed to the build's own thread below
                failed.append(error)

        printer = threading.Thread(target=print_misses, name="imvo-pdf", daemon=True)
        printer.start()
        while printer.is_alive():
            printer.join(0.2)
        if failed:
            raise failed[0]
    prune(cache, keep={f"{job.key}.pdf" for job in todo})
    folders: set[Path] = set()
    for job in todo:
        if job.target.parent not in folders:
            job.target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(job.target.parent)
        place(cache / f"{job.key}.pdf", job.target)
    return PdfStats(hits=len(todo) - len(misses), misses=len(misses))


def prune(cache: Path, keep: set[str], days: float = KEEP_DAYS) -> int:
    """Mark the PDFs in use as used now; delete those no build has used for `days` days."""
    now = time.time()
    removed = 0
    for path in cache.glob("*.pdf"):
        if path.name in keep:
            os.utime(path, (now, now))
        elif now - path.stat().st_mtime > days * 86400:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def place(cached: Path, target: Path) -> None:
    """Put a cached PDF in the site: a hard link where the file system allows, else a copy."""
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


def _unique(selected: Iterable[Job]) -> list[Job]:
    """One job per cache key: two identical pages are printed once."""
    seen: dict[str, Job] = {}
    for job in selected:
        seen.setdefault(job.key, job)
    return list(seen.values())
