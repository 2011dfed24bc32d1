"""Two builds of the same content are byte-identical; dates come from git, never the clock."""

from __future__ import annotations

import gzip
from datetime import UTC, date, datetime
from pathlib import Path

from build_options import options

from imvo.build.orchestrate import build_site
from imvo.history import Change, CovenantHistory, History
from imvo.outputs.steps import post_steps
from imvo.validate import load_content

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "content"
URL = "https://example.org/imvo/"
MOMENT = datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
"""SOURCE_DATE_EPOCH=1700000000."""


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site with its bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


HISTORY = History(
    {
        "voorbeeld": CovenantHistory(
            date(2026, 3, 1), (Change("a" * 40, date(2026, 3, 1), "published"),)
        )
    },
    {"covenants/voorbeeld.yaml": date(2026, 3, 1), "texts/about.nl.md": date(2025, 1, 9)},
)


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    for name in ("one", "two"):
        built = options(site=tmp_path / name, site_url=URL, pdf=False, built=MOMENT)
        build_site(
            load_content(FIXTURE, tmp_path),
            built,
            post_steps=post_steps(built, HISTORY),
            history=HISTORY,
        )
    one, two = files(tmp_path / "one"), files(tmp_path / "two")
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    sitemap = one["sitemap.xml"].decode()
    # Each page carries the day git last changed what it shows, not the day of the build.
    assert (
        "<loc>https://example.org/imvo/voorbeeld.html</loc>\n         <lastmod>2026-03-01</lastmod>"
        in sitemap
    )
    assert (
        "<loc>https://example.org/imvo/over-deze-site.html</loc>\n"
        "         <lastmod>2025-01-09</lastmod>" in sitemap
    )
    assert "<lastmod>2023-11-14</lastmod>" not in sitemap
    assert gzip.decompress(one["sitemap.xml.gz"]).decode() == sitemap
    assert "<updated>2026-03-01T00:00:00Z</updated>" in one["en/feed.xml"].decode()


def test_without_history_no_page_gets_a_date(tmp_path: Path) -> None:
    built = options(site=tmp_path / "site", site_url=URL, built=MOMENT)
    build_site(load_content(FIXTURE, tmp_path), built)
    assert "<lastmod>" not in (tmp_path / "site" / "sitemap.xml").read_text()
