"""Printing: pages printed to A4 by Chromium (Playwright), served from the site folder under
the published address, and the PDF's dates made those of SOURCE_DATE_EPOCH, so the same
page gives the same bytes."""

from __future__ import annotations

import asyncio
import mimetypes
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from imvo.outputs.pdf.cache import Job

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PRINT_ORIGIN = "http://imvo-print.invalid/"
"""Where pages are printed from when the build has no --site-url: a name that can never
resolve (.invalid); every request is answered from the site folder, none leaves."""
_UNLINK = """() => {
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    if (href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
    a.removeAttribute('href');
  }
}"""
"""Without --site-url a link to another page of the site has no address outside the site:
it prints as text (anchors within the page and full addresses, such as a source's, stay)."""

_ABSOLUTE_LINKS = """(base) => {
  for (const a of document.querySelectorAll('.md-content a[href]')) {
    const href = a.getAttribute('href');
    if (!href || href.startsWith('#') || /^[a-z]+:/i.test(href)) continue;
    a.setAttribute('href', new URL(href, base).href);
  }
}"""
"""Turns the page's links to other pages of the site into addresses of the published site,
so that the print stylesheet writes them out after the link, as it does for other sites."""

_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) ?\((D:[0-9+\-Z']+)\)")


def pdf_date(moment: datetime) -> bytes:
    """The PDF date of the build's moment, as Chromium writes dates: D:YYYYMMDDHHmmSS+00'00'."""
    return moment.astimezone(UTC).strftime("D:%Y%m%d%H%M%S+00'00'").encode()


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


def redate(cached: Path, date: bytes) -> None:
    """Give a PDF from the cache the build's date: one printed for an earlier build carries
    that build's. Written then renamed, as a new one is; left alone when the date is right
    (Chromium writes the dates in the first few hundred bytes, so that is all a rebuild of
    the same moment reads)."""
    with cached.open("rb") as handle:
        head = handle.read(4096)
    found = _PDF_DATE.findall(head)
    if found and all(value == date for _, value in found):
        return
    data = cached.read_bytes()
    dated = normalise(data, date)
    if dated != data:
        partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        partial.write_bytes(dated)
        partial.replace(cached)


async def print_all(
    misses: list[Job],
    cache: Path,
    concurrency: int,
    site: Path,
    root: str | None,
    chromium: Path,
    built: datetime,
) -> None:
    """Print the pages as if from `root`, the published address (or PRINT_ORIGIN).

    A page printed from a file:// address put the build machine's temporary folder into
    every link of the PDF, and so a different PDF on every build. Served from the published
    address (out of the site folder: no request leaves the machine), a link in the PDF
    leads to the published page; without --site-url, links keep no address at all.
    """
    from playwright.async_api import Page, Route, async_playwright

    date = pdf_date(built)
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
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        await route.fulfill(status=200, body=body, content_type=kind)

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(chromium), args=CHROMIUM_ARGS
        )
        # Pages print the same without their scripts (search, menus): skipping them is faster.
        context = await browser.new_context(java_script_enabled=False)
        await context.route("**/*", serve)
        # A few tabs print every page in turn: a new tab for each page would start a new
        # renderer process each time (about half a second of CPU), for the same bytes.
        tabs: asyncio.Queue[Page] = asyncio.Queue()

        async def one(job: Job) -> None:
            page = await tabs.get()
            try:
                address = origin + quote(job.page.resolve().relative_to(folder).as_posix())
                await page.goto(address, wait_until="load")
                if job.address:
                    await page.evaluate(_ABSOLUTE_LINKS, job.address)
                else:
                    await page.evaluate(_UNLINK)
                data = await page.pdf(
                    format="A4",
                    tagged=True,
                    print_background=True,
                    display_header_footer=True,
                    header_template=job.header,
                    footer_template=job.footer,
                    # The same as the print stylesheet's @page, which wins where both are set.
                    margin={"top": "16mm", "bottom": "16mm", "left": "20mm", "right": "20mm"},
                )
            finally:
                tabs.put_nowait(page)
            # Write then rename, so that an interrupted build never leaves half a PDF.
            partial = cache / f"{job.key}.pdf.{os.getpid()}.tmp"
            partial.write_bytes(normalise(data, date))
            partial.replace(cache / f"{job.key}.pdf")

        try:
            for _ in range(min(concurrency, len(misses))):
                tabs.put_nowait(await context.new_page())
            await asyncio.gather(*(one(job) for job in misses))
        finally:
            await browser.close()
