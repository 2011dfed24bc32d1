"""Weight: what a first visit loads stays small (issue 16: a factsheet at most 70 kB gzip)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

WEIGHT_TARGET = 70_000
"""Bytes, gzip-compressed, of a factsheet's first load (issue 16, point 7)."""

_REFERENCES = re.compile(r'<(?:link|script)\b[^>]*?(?:href|src)="([^"]+)"')


def _pages(site: Path) -> list[Path]:
    """Every HTML page of both languages."""
    return sorted(site.glob("*.html")) + sorted((site / "en").glob("*.html"))


def _loaded(page: Path) -> list[str]:
    """The local files a page's <link> and <script> elements load (not its hreflang and
    canonical addresses, which are absolute, nor its feed)."""
    html = page.read_text("utf-8")
    return [
        ref
        for ref in _REFERENCES.findall(html)
        if "://" not in ref and ref.endswith((".css", ".js", ".svg", ".ico", ".png"))
    ]


def _first_load(site: Path, page: Path) -> int:
    """Gzip bytes of a page and of every local file its head and scripts load."""
    total = len(gzip.compress(page.read_bytes(), mtime=0))
    for ref in _loaded(page):
        asset = (page.parent / ref).resolve()
        assert asset.is_file(), f"{page.name}: {ref} is missing"
        total += len(gzip.compress(asset.read_bytes(), mtime=0))
    return total


def test_every_factsheet_loads_at_most_70_kb_gzip(built_site: Path) -> None:
    """The heaviest factsheet's HTML, CSS, JavaScript and icon, gzip-compressed as GitHub
    Pages serves them, stay within the target (headers add about 1 kB in a browser)."""
    factsheets = [p for p in _pages(built_site) if 'class="imvo-pdf"' in p.read_text("utf-8")]
    assert factsheets
    heavy = {p.relative_to(built_site).as_posix(): _first_load(built_site, p) for p in factsheets}
    assert {name: size for name, size in heavy.items() if size > WEIGHT_TARGET} == {}


@pytest.mark.parametrize(
    ("script", "pages"),
    [
        ("imvo.js", {"overzicht.html", "en/overview.html"}),
        (
            "participants.js",
            {"doet-mijn-organisatie-mee.html", "en/is-my-organisation-taking-part.html"},
        ),
    ],
)
def test_the_sites_scripts_load_only_on_their_pages(
    built_site: Path, script: str, pages: set[str]
) -> None:
    """The overview's sorting and the participants' filter load only where they work (a
    participants list split by letter has more pages, named after the first)."""
    loading = {
        p.relative_to(built_site).as_posix()
        for p in _pages(built_site)
        if any(ref.endswith(f"assets/{script}") for ref in _loaded(p))
    }
    stems = tuple(name.removesuffix(".html") for name in pages)
    assert pages <= loading
    assert [name for name in loading if not name.startswith(stems)] == []


def test_no_page_loads_the_themes_javascript(built_site: Path) -> None:
    """mkdocs-material's bundle (35 kB gzip) is not loaded: its search is replaced and its
    language selector fetched both sitemaps on every page for nothing."""
    loading = [
        p.relative_to(built_site).as_posix()
        for p in _pages(built_site)
        if any("javascripts/" in ref for ref in _loaded(p))
    ]
    assert loading == []
