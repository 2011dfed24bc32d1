"""PDFs of the factsheets: each built factsheet page printed to A4 by Chromium (Playwright).

The page is printed with the site's own print stylesheet, served from the assembled site
under its published address (see printer.print_all), so the PDF says exactly what the page says,
with real (searchable) text and the page's language. Printing is slow, so each PDF is
cached in .cache/pdf/ under a hash of the page's HTML and the stylesheets it uses: a
rebuild with unchanged pages only copies.
Misses are printed a few at a time in one browser. Chromium's creation date is replaced by
the date of SOURCE_DATE_EPOCH, so the same page gives the same bytes.

This module runs it (make_pdfs); cache.py says what to print and keeps the printed PDFs,
printer.py prints with Chromium.
"""

from __future__ import annotations

import asyncio
import os
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from imvo.messages.problems import BuildError
from imvo.model.content import Corpus
from imvo.outputs.pdf.cache import (
    CACHE_DIR,
    MAX_PAGES,
    cache_key,
    jobs,
    page_count,
    page_path,
    pdf_path,
    place,
    prune,
    published_address,
    running_texts,
    stylesheets,
    unique,
)
from imvo.outputs.pdf.printer import CHROMIUM_ARGS, normalise, pdf_date, print_all, redate

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "MAX_PAGES",
    "PdfStats",
    "cache_key",
    "make_pdfs",
    "normalise",
    "page_count",
    "page_path",
    "pdf_date",
    "pdf_path",
    "prune",
    "published_address",
    "running_texts",
    "stylesheets",
]

CHROMIUM = Path(os.environ.get("IMVO_CHROMIUM", "/usr/bin/chromium"))
MISSING = (
    "Chromium is needed to print the PDFs and was not found at {path}: install it with "
    "`bash scripts/ensure-chromium.sh` (or `apt-get install chromium`), or build without "
    "PDFs with --no-pdf."
)


@dataclass
class PdfStats:
    """How many PDFs came from the cache and how many were printed."""

    hits: int = 0
    misses: int = 0


def make_pdfs(
    corpus: Corpus,
    site: Path,
    cache: Path = CACHE_DIR,
    concurrency: int = 3,
    site_url: str | None = None,
    *,
    built: datetime,
) -> PdfStats:
    """Write the PDF of every factsheet in every language, printing only pages not in the cache
    (each dated with the build's moment, `built`)."""
    cache.mkdir(parents=True, exist_ok=True)
    todo = jobs(corpus, site, site_url)
    misses = unique(job for job in todo if not (cache / f"{job.key}.pdf").is_file())
    if misses:
        if not CHROMIUM.is_file():
            raise BuildError(MISSING.format(path=CHROMIUM))
        # In a thread of its own, so that it never meets an event loop of the caller's
        # (a test session driving Playwright's sync API, for one). A daemon, waited for in
        # short steps: Ctrl-C or SIGTERM stops the build at once, not after the last PDF.
        root = site_url.rstrip("/") + "/" if site_url else None
        failed: list[BaseException] = []

        def print_misses() -> None:
            try:
                asyncio.run(print_all(misses, cache, concurrency, site, root, CHROMIUM, built))
            except BaseException as error:  # handed to the build's own thread below
                failed.append(error)

        printer = threading.Thread(target=print_misses, name="imvo-pdf", daemon=True)
        printer.start()
        while printer.is_alive():
            printer.join(0.2)
        if failed:
            raise failed[0]
    date = pdf_date(built)
    for key in {job.key for job in todo} - {job.key for job in misses}:
        redate(cache / f"{key}.pdf", date)  # printed for an earlier build
    prune(cache, keep={f"{job.key}.pdf" for job in todo})
    folders: set[Path] = set()
    for job in todo:
        if job.target.parent not in folders:
            job.target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(job.target.parent)
        place(cache / f"{job.key}.pdf", job.target)
    return PdfStats(hits=len(todo) - len(misses), misses=len(misses))
