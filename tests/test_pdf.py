"""PDFs: one per factsheet and language, A4, real text in the page's language; cached."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from imvo import pdf
from imvo.model import LANGUAGES, Corpus
from imvo.outputs import post_steps
from imvo.problems import BuildError
from imvo.write import build_site


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_factsheet_has_an_a4_pdf_with_its_name_as_text(
    built_site: Path, corpus: Corpus, lang: str
) -> None:
    for slug, covenant in corpus.covenants.items():
        reader = PdfReader(pdf.pdf_path(built_site, slug, lang))
        first = reader.pages[0]
        assert (int(first.mediabox.width), int(first.mediabox.height)) == (595, 842), slug
        assert str(reader.root_object["/Lang"]) == lang, slug
        text = " ".join(first.extract_text().split())
        assert " ".join(covenant.name.get(lang).split()) in text, slug


def test_factsheet_links_its_pdf(built_site: Path, corpus: Corpus) -> None:
    slug = sorted(corpus.covenants)[0]
    for lang in LANGUAGES:
        html = pdf.page_path(built_site, slug, lang).read_text(encoding="utf-8")
        assert f'<a href="pdf/{slug}.pdf" type="application/pdf">' in html


def test_normalise_sets_the_dates_of_source_date_epoch() -> None:
    date = pdf.pdf_date("1763683200")
    assert date == b"D:20251121000000+00'00'"
    raw = b"<< /CreationDate (D:20261122000344+00'00')\n/ModDate (D:20261122000344+00'00') >>"
    assert pdf.normalise(raw, date) == (
        b"<< /CreationDate (D:20251121000000+00'00')\n/ModDate (D:20251121000000+00'00') >>"
    )
    # A date of another length is left alone, so the file's offsets stay right.
    assert pdf.normalise(b"/CreationDate (D:2026)", date) == b"/CreationDate (D:2026)"


def test_cache_key_follows_the_html_and_its_stylesheets(tmp_path: Path) -> None:
    (tmp_path / "a.css").write_text("p {}", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text('<link rel="stylesheet" href="a.css"><p>x</p>', encoding="utf-8")
    first = pdf.cache_key(page)
    assert pdf.cache_key(page) == first
    (tmp_path / "a.css").write_text("p { color: red }", encoding="utf-8")
    assert pdf.cache_key(page) != first


def test_second_build_reuses_the_cache_and_pdfs_are_reproducible(
    fixture_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763683200")
    site = tmp_path / "site"
    build_site(fixture_corpus, site, post_steps=post_steps(pdf=False), jobs=1)
    cache = tmp_path / "cache"
    assert pdf.make_pdfs(fixture_corpus, site, cache) == pdf.PdfStats(hits=0, misses=2)
    printed = pdf.pdf_path(site, "voorbeeld", "en").read_bytes()
    assert b"/CreationDate (D:20251121000000+00'00')" in printed
    assert pdf.make_pdfs(fixture_corpus, site, cache) == pdf.PdfStats(hits=2, misses=0)
    shutil.rmtree(cache)
    assert pdf.make_pdfs(fixture_corpus, site, cache) == pdf.PdfStats(hits=0, misses=2)
    assert pdf.pdf_path(site, "voorbeeld", "en").read_bytes() == printed


def test_missing_chromium_fails_with_one_line(
    fixture_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    build_site(fixture_corpus, site, post_steps=post_steps(pdf=False), jobs=1)
    missing = tmp_path / "no-chromium"
    monkeypatch.setattr(pdf, "CHROMIUM", missing)
    with pytest.raises(BuildError) as error:
        pdf.make_pdfs(fixture_corpus, site, tmp_path / "cache")
    assert str(error.value) == (
        f"Chromium is needed to print the PDFs and was not found at {missing}: install it "
        "with `bash scripts/ensure-chromium.sh` (or `apt-get install chromium`), or build "
        "without PDFs with --no-pdf."
    )
    assert os.linesep not in str(error.value)


def test_prune_keeps_pdfs_in_use_and_recent_ones(tmp_path: Path) -> None:
    old = time.time() - 31 * 86400
    for name in ("used.pdf", "stale.pdf", "recent.pdf"):
        (tmp_path / name).write_bytes(b"%PDF")
    for name in ("used.pdf", "stale.pdf"):
        os.utime(tmp_path / name, (old, old))
    assert pdf.prune(tmp_path, keep={"used.pdf"}) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["recent.pdf", "used.pdf"]
    assert (tmp_path / "used.pdf").stat().st_mtime > old + 86400
