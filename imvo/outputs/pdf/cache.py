"""What to print: one job per factsheet and language, with its running header and footer,
and the cache of printed PDFs (keyed by a hash of the page and its stylesheets) with the
paths of pages and PDFs in the site."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from imvo import ROOT
from imvo.model.content import LANGUAGES, Corpus
from imvo.render.facts import status_date
from imvo.render.i18n import Translator
from imvo.render.page_list import site_path

CACHE_DIR = ROOT / ".cache" / "pdf"
KEEP_DAYS = 30
"""A cached PDF that no build has used for this many days is deleted."""
CACHE_VERSION = b"imvo-pdf-3\n"
"""Part of every cache key: change it when the way PDFs are printed changes."""
MAX_PAGES = 2
"""A factsheet's PDF is a handout: at most this many A4 pages (the build warns beyond)."""

_MARGIN_STYLE = "width:100%;margin:0 20mm;font-size:10.5pt;color:#000;font-family:sans-serif;"
"""Chromium draws the running header and footer in the page margin, at its own tiny default
size and without the page's styles: everything they need is set here."""


@dataclass(frozen=True)
class Job:
    """One PDF to make: the page it is printed from, where it goes, its cache key."""

    page: Path
    target: Path
    key: str
    header: str = ""
    footer: str = ""
    address: str = ""
    """The page's published address, when built with --site-url."""


def page_path(site: Path, slug: str, lang: str) -> Path:
    """The built factsheet page of a covenant in one language."""
    return site / site_path(lang, slug)


def pdf_path(site: Path, slug: str, lang: str) -> Path:
    """Where the factsheet's PDF lands: pdf/<slug>.pdf beside the page."""
    return page_path(site, slug, lang).parent / "pdf" / f"{slug}.pdf"


def stylesheets(site: Path) -> bytes:
    """A hash of every stylesheet of the site (the theme's and ours): a change to any of them
    may change how a factsheet prints, so it is part of every PDF's cache key."""
    digest = hashlib.sha256()
    for sheet in sorted(site.rglob("*.css")):
        digest.update(sheet.relative_to(site).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(sheet.read_bytes()).digest())
    return digest.digest()


def cache_key(page: Path, sheets: bytes = b"") -> str:
    """A hash of the page's HTML and of the site's stylesheets (see `stylesheets`)."""
    digest = hashlib.sha256(CACHE_VERSION)
    digest.update(page.read_bytes())
    digest.update(sheets)
    return digest.hexdigest()


def published_address(site_url: str | None, slug: str, lang: str) -> str:
    """The address a factsheet is published at, when the build knows the site's (--site-url)."""
    if not site_url:
        return ""
    return site_url.rstrip("/") + "/" + site_path(lang, slug)


def running_texts(corpus: Corpus, slug: str, lang: str, address: str) -> tuple[str, str]:
    """The running header and footer of a factsheet's PDF, as Chromium's templates.

    Header, on every page: the factsheet's title and its status in bold words with its date
    (so that a second page read alone says what it is about and where it stands), and the
    site's name. Footer: the page's published address (when the site was built with
    --site-url) and "pagina N van M". All at the body's size (10.5 pt and more).
    """
    t = Translator(lang)
    covenant = corpus.covenants[slug]
    page = escape(t("pdf.page", n="\x00", m="\x01"))
    page = page.replace("\x00", '<span class="pageNumber"></span>')
    page = page.replace("\x01", '<span class="totalPages"></span>')
    status = f"<b>{escape(t('status.' + covenant.status.value.value))}</b>"
    date = status_date(covenant, t)
    if date:
        status += f" {escape(date)}"
    title = f"<b>{escape(covenant.short_name.get(lang))}</b> · {status}"
    row = f'<div style="{_MARGIN_STYLE}display:flex;justify-content:space-between;gap:2em;">'
    header = f"{row}<span>{title}</span><span>{escape(t('site.name'))}</span></div>"
    footer = f"{row}<span>{escape(address)}</span><span>{page}</span></div>"
    return header, footer


def jobs(corpus: Corpus, site: Path, site_url: str | None = None) -> list[Job]:
    """Every factsheet in every language, with its running texts and cache key."""
    sheets = stylesheets(site)
    found = []
    for slug in sorted(corpus.covenants):
        for lang in LANGUAGES:
            page = page_path(site, slug, lang)
            address = published_address(site_url, slug, lang)
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


def unique(selected: Iterable[Job]) -> list[Job]:
    """One job per cache key: two identical pages are printed once."""
    seen: dict[str, Job] = {}
    for job in selected:
        seen.setdefault(job.key, job)
    return list(seen.values())
