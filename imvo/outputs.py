"""Outputs beside the pages, made after both languages are built: open data, search, PDFs."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from imvo.data import write_data
from imvo.model import Corpus
from imvo.write import PostStep, Timings


def data_step(corpus: Corpus, site: Path, timings: Timings) -> None:
    """Write data/covenants.json, data/covenants.csv and data/covenant-parties.csv."""
    started = time.perf_counter()
    write_data(corpus, site)
    timings.add("data", time.perf_counter() - started)


def search_step(corpus: Corpus, site: Path, timings: Timings) -> None:
    """Index each language's pages for search with Pagefind (imvo/search.py)."""
    from imvo.search import index_site

    started = time.perf_counter()
    index_site(site)
    timings.add("search", time.perf_counter() - started)


def pdf_step(corpus: Corpus, site: Path, timings: Timings) -> None:
    """Print every factsheet to PDF in both languages, reusing cached PDFs of unchanged pages."""
    from imvo.pdf import make_pdfs

    started = time.perf_counter()
    stats = make_pdfs(corpus, site)
    seconds = time.perf_counter() - started
    timings.add("pdf", seconds)
    print(
        f"PDFs: {stats.misses} printed, {stats.hits} from the cache ({seconds:.1f} s).",
        file=sys.stderr,
    )


def post_steps(*, pdf: bool = True) -> list[PostStep]:
    """The steps that add files to the assembled site before it is swapped in."""
    steps = [PostStep(data_step, needs_pages=False), PostStep(search_step)]
    return [*steps, PostStep(pdf_step)] if pdf else steps
