"""PDFs: one per factsheet and language, A4, real text in the page's language; cached."""

from __future__ import annotations

import csv
import dataclasses
import os
import re
import shutil
import time
from datetime import timedelta
from pathlib import Path

import pytest
from browser_fixtures import ServedSite
from build_options import MOMENT, options
from pdf_text import Run, pdf_text
from pypdf import PdfReader

from imvo.build.orchestrate import build_site
from imvo.messages.problems import BuildError
from imvo.model.content import LANGUAGES, Corpus
from imvo.outputs import pdf
from imvo.outputs.steps import post_steps
from imvo.render.facts import party_count
from imvo.render.i18n import Translator


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_factsheet_has_an_a4_pdf_with_its_name_as_text(
    built_site: Path, corpus: Corpus, lang: str
) -> None:
    for slug, covenant in corpus.covenants.items():
        read = pdf_text(pdf.pdf_path(built_site, slug, lang))
        assert read.sizes[0] == (595, 842), slug
        assert read.lang == lang, slug
        assert " ".join(covenant.name.get(lang).split()) in read.page(0), slug


def test_factsheet_links_its_pdf(built_site: Path, corpus: Corpus) -> None:
    slug = sorted(corpus.covenants)[0]
    for lang in LANGUAGES:
        html = pdf.page_path(built_site, slug, lang).read_text(encoding="utf-8")
        assert f'<a href="pdf/{slug}.pdf" type="application/pdf">' in html


def test_normalise_sets_the_dates_of_source_date_epoch() -> None:
    date = pdf.pdf_date(MOMENT)
    assert date == b"D:20251121000000+00'00'"
    raw = b"<< /CreationDate (D:20261122000344+00'00')\n/ModDate (D:20261122000344+00'00') >>"
    assert pdf.normalise(raw, date) == (
        b"<< /CreationDate (D:20251121000000+00'00')\n/ModDate (D:20251121000000+00'00') >>"
    )
    # A date of another length is left alone, so the file's offsets stay right.
    assert pdf.normalise(b"/CreationDate (D:2026)", date) == b"/CreationDate (D:2026)"


def test_cache_key_follows_the_html_and_the_sites_stylesheets(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.css").write_text("p {}", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text('<link rel="stylesheet" href="assets/a.css"><p>x</p>', encoding="utf-8")
    first = pdf.cache_key(page, pdf.stylesheets(tmp_path))
    assert pdf.cache_key(page, pdf.stylesheets(tmp_path)) == first
    (tmp_path / "assets" / "a.css").write_text("p { color: red }", encoding="utf-8")
    assert pdf.cache_key(page, pdf.stylesheets(tmp_path)) != first
    page.write_text('<link rel="stylesheet" href="assets/a.css"><p>y</p>', encoding="utf-8")
    assert pdf.cache_key(page, pdf.stylesheets(tmp_path)) not in {first}


def test_a_pdf_names_its_published_address_only_when_the_build_knows_it() -> None:
    assert pdf.published_address("https://org.github.io/repo", "banken", "en") == (
        "https://org.github.io/repo/en/banken.html"
    )
    assert pdf.published_address("https://org.github.io/repo/", "banken", "nl") == (
        "https://org.github.io/repo/banken.html"
    )
    assert pdf.published_address(None, "banken", "nl") == ""


def test_second_build_reuses_the_cache_and_pdfs_are_reproducible(
    fixture_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prints_pdfs: None
) -> None:
    site = tmp_path / "site"
    build_site(
        fixture_corpus, built := options(site=site, pdf=False), post_steps=post_steps(built), jobs=1
    )
    cache = tmp_path / "cache"
    assert pdf.make_pdfs(fixture_corpus, site, cache, built=MOMENT) == pdf.PdfStats(
        hits=0, misses=2
    )
    printed = pdf.pdf_path(site, "voorbeeld", "en").read_bytes()
    assert b"/CreationDate (D:20251121000000+00'00')" in printed
    assert pdf.make_pdfs(fixture_corpus, site, cache, built=MOMENT) == pdf.PdfStats(
        hits=2, misses=0
    )
    shutil.rmtree(cache)
    assert pdf.make_pdfs(fixture_corpus, site, cache, built=MOMENT) == pdf.PdfStats(
        hits=0, misses=2
    )
    assert pdf.pdf_path(site, "voorbeeld", "en").read_bytes() == printed
    # A later build takes the PDFs from the cache with its own date, and a build of the first
    # moment gets the first bytes again: the cache's history never shows in a PDF.
    later = MOMENT + timedelta(days=400, hours=5)
    assert pdf.make_pdfs(fixture_corpus, site, cache, built=later) == pdf.PdfStats(hits=2, misses=0)
    redated = pdf.pdf_path(site, "voorbeeld", "en").read_bytes()
    assert redated == pdf.normalise(printed, pdf.pdf_date(later)) != printed
    assert b"/CreationDate (D:20261226050000+00'00')" in redated
    assert pdf.make_pdfs(fixture_corpus, site, cache, built=MOMENT) == pdf.PdfStats(
        hits=2, misses=0
    )
    assert pdf.pdf_path(site, "voorbeeld", "en").read_bytes() == printed


def test_missing_chromium_fails_with_one_line(
    fixture_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    build_site(
        fixture_corpus, built := options(site=site, pdf=False), post_steps=post_steps(built), jobs=1
    )
    missing = tmp_path / "no-chromium"
    monkeypatch.setattr(pdf, "CHROMIUM", missing)
    with pytest.raises(BuildError) as error:
        pdf.make_pdfs(fixture_corpus, site, tmp_path / "cache", built=MOMENT)
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


def test_running_texts_name_the_title_the_status_the_site_the_address_and_the_page(
    fixture_corpus: Corpus,
) -> None:
    address = "https://org.github.io/imvo/voorbeeld.html"
    header, footer = pdf.running_texts(fixture_corpus, "voorbeeld", "nl", address)
    # Every page says what it is about and where it stands, in bold words, not by colour.
    assert (
        "<span><b>Voorbeeld</b> · <b>Afgelopen</b> juni 2020</span><span>IMVO-convenanten</span>"
    ) in header
    assert (
        f'<span>{address}</span><span>pagina <span class="pageNumber"></span> van '
        '<span class="totalPages"></span></span>'
    ) in footer
    header, footer = pdf.running_texts(fixture_corpus, "voorbeeld", "en", "")
    assert (
        "<span><b>Example</b> · <b>Ended</b> June 2020</span>"
        "<span>IRBC agreements (IMVO-convenanten)</span>"
    ) in header
    assert (
        '<span></span><span>page <span class="pageNumber"></span> of <span class="totalPages">'
        "</span></span>"
    ) in footer
    # Chromium draws these without the page's styles: their size is set on them, the
    # body's smallest size.
    assert "font-size:10.5pt" in header and "font-size:10.5pt" in footer


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_real_factsheet_is_a_handout_of_at_most_two_pages_with_page_numbers(
    built_site: Path, corpus: Corpus, lang: str
) -> None:
    words = {"nl": ("IMVO-convenanten", "pagina {n} van {m}"), "en": ("IRBC", "page {n} of {m}")}
    site_name, numbering = words[lang]
    for slug in corpus.covenants:
        read = pdf_text(pdf.pdf_path(built_site, slug, lang))
        assert len(read.pages) <= pdf.MAX_PAGES, slug
        for number in range(1, len(read.pages) + 1):
            text = read.page(number - 1)
            assert numbering.format(n=number, m=len(read.pages)) in text, (slug, number)
            assert site_name in text, (slug, number)


def _lines(runs: tuple[Run, ...], size: float) -> list[str]:
    """The lines set at one size: the runs on one height of one page, joined."""
    lines: dict[tuple[int, float], str] = {}
    for index, run_size, height, text in runs:
        if run_size == size:
            lines[(index, height)] = lines.get((index, height), "") + text
    return [" ".join(line.split()) for line in lines.values()]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_handout_is_set_for_reading_on_paper(
    built_site: Path, corpus: Corpus, lang: str
) -> None:
    """RNIB's Clear Print, measured in every PDF: body text at least 10.5 pt (no text
    smaller, the running header and footer included), about 90 characters a line; the
    title and the status in words on every page; no screen-only words, no numbered marks
    of a source list the handout leaves off, no address written into the text."""
    t = Translator(lang)
    screen_only = [t("factsheet.see_note"), t("factsheet.parties_named", n="")]
    screen_only.append(t("factsheet.row_sources"))
    for slug, covenant in corpus.covenants.items():
        read = pdf_text(pdf.pdf_path(built_site, slug, lang))
        runs = read.runs
        sizes: dict[float, int] = {}
        for _, size, _, text in runs:
            sizes[size] = sizes.get(size, 0) + len(text.strip())
        body = max(sizes, key=lambda size: sizes[size])
        assert 10.5 <= body <= 12, (slug, body)
        assert min(sizes) >= 10.5, (slug, sorted(sizes))
        lengths = sorted(len(line) for line in _lines(runs, body))
        longest = lengths[int(len(lengths) * 0.9)]
        assert 80 <= longest <= 100, (slug, longest)
        status = t(f"status.{covenant.status.value.value}")
        for number in range(1, len(read.pages) + 1):
            text = read.page(number - 1)
            assert covenant.short_name.get(lang) in text, (slug, number)
            assert status in text, (slug, number)
        whole = read.whole
        for words in screen_only:
            assert words.strip() not in whole, (slug, words)
        assert not re.search(r"\[\d+(, \d+)*\]", whole), slug
        # An address only in the footer (the page's own, when the build knows it).
        written = [text for _, _, height, text in runs if "http" in text and height > 46]
        assert not written, (slug, written)


def test_a_factsheet_whose_content_fits_one_page_prints_on_one(
    fixture_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prints_pdfs: None
) -> None:
    """A short factsheet (the fixture without its lists) is one sheet of paper: nothing in
    the print styles forces a second page."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763683200")
    covenant = fixture_corpus.covenants["voorbeeld"]
    short = covenant.model_copy(
        update={
            "goals": [],
            "oecd_themes": [],
            "risks": [],
            "chairs": [],
            "counts": [],
            "results": [],
            "parties": covenant.parties[:2],
            "union_role": None,
        }
    )
    corpus = dataclasses.replace(fixture_corpus, covenants={"voorbeeld": short}, participants={})
    site = tmp_path / "site"
    build_site(corpus, built := options(site=site, pdf=False), post_steps=post_steps(built), jobs=1)
    pdf.make_pdfs(corpus, site, tmp_path / "cache", built=MOMENT)
    for lang in LANGUAGES:
        assert len(PdfReader(pdf.pdf_path(site, "voorbeeld", lang)).pages) == 1, lang


def test_long_pdfs_are_reported_one_line_each(fixture_corpus: Corpus, tmp_path: Path) -> None:
    from pypdf import PdfWriter

    from imvo.outputs.steps import long_pdfs

    for lang, pages in (("nl", 3), ("en", 2)):
        target = pdf.pdf_path(tmp_path, "voorbeeld", lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        writer = PdfWriter()
        for _ in range(pages):
            writer.add_blank_page(595, 842)
        with target.open("wb") as handle:
            writer.write(handle)
    found = long_pdfs(fixture_corpus, tmp_path)
    # The file as the loader named it (this content is not in content/: --content).
    assert [problem.text("en") for problem in found] == [
        "tests/fixtures/content/covenants/voorbeeld.yaml:1: warning: (file): the PDF of this "
        "factsheet in Dutch has 3 A4 pages; a handout should have at most 2: shorten its "
        "longest texts"
    ]
    assert [problem.text("nl") for problem in found] == [
        "tests/fixtures/content/covenants/voorbeeld.yaml:1: waarschuwing: (bestand): de pdf van "
        "deze factsheet "
        "in het Nederlands heeft 3 A4-pagina's; een hand-out heeft er hoogstens 2: maak de langste "
        "teksten korter"
    ]


def test_overview_factsheet_pdf_and_csv_give_the_same_party_count(
    built_site: Path, corpus: Corpus
) -> None:
    overview = (built_site / "overzicht.html").read_text(encoding="utf-8")
    in_overview = dict(
        re.findall(
            r'<td class="imvo-overview__name"><a href="([^"]+)\.html">.*?'
            r"Partijen: </span>(\d+)</td>",
            overview,
            flags=re.S,
        )
    )
    with (built_site / "data" / "covenants.csv").open(encoding="utf-8-sig") as handle:
        in_csv = {row["slug"]: row["parties"] for row in csv.DictReader(handle)}
    assert sorted(in_overview) == sorted(corpus.covenants)
    for slug, covenant in corpus.covenants.items():
        count = party_count(covenant)
        assert in_overview[slug] == in_csv[slug] == str(count), slug
        page = pdf.page_path(built_site, slug, "nl").read_text(encoding="utf-8")
        assert f'<a href="#parties">{count} op deze pagina</a>' in page, slug
        assert f'<span class="imvo-print-only">{count} genoemd</span>' in page, slug
        # The key facts follow the actions now: the count may stand on the second page.
        assert f"{count} genoemd" in pdf_text(pdf.pdf_path(built_site, slug, "nl")).whole
    # Withdrawn parties are not counted: the gold agreement names one (IUCN NL).
    gold = corpus.covenants["goud"]
    assert any(p.role.value == "withdrawn" for p in gold.parties)
    assert party_count(gold) == len(gold.parties) - 1


@pytest.mark.browser
def test_pdf_footer_gives_the_published_address_and_links_lead_to_published_addresses(
    served_site: ServedSite,
) -> None:
    assert served_site.corpus is not None
    reader = PdfReader(pdf.pdf_path(served_site.root, "metaal", "nl"))
    text = "".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert served_site.url("metaal.html") in text
    # The link to the agreement that followed leads to its published address: a link of
    # the PDF, not an address written into the text.
    links = [
        str(annotation.get_object()["/A"]["/URI"])
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object() and "/URI" in annotation.get_object()["/A"]
    ]
    assert served_site.url("imvo-metaalsectorovereenkomst.html") in links
    assert served_site.url("imvo-metaalsectorovereenkomst.html") not in text
