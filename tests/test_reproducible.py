"""Two builds of the same content are byte-identical, and dates follow SOURCE_DATE_EPOCH."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from imvo.outputs import post_steps
from imvo.validate import load_content
from imvo.write import build_site

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "content"
URL = "https://example.org/imvo/"


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site with its bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    corpus = load_content(FIXTURE, tmp_path)
    build_site(corpus, tmp_path / "one", site_url=URL, post_steps=post_steps(pdf=False))
    build_site(
        load_content(FIXTURE, tmp_path),
        tmp_path / "two",
        site_url=URL,
        post_steps=post_steps(pdf=False),
    )
    one, two = files(tmp_path / "one"), files(tmp_path / "two")
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    sitemap = one["sitemap.xml"].decode()
    assert "<lastmod>2023-11-14</lastmod>" in sitemap
    assert gzip.decompress(one["sitemap.xml.gz"]).decode() == sitemap
