"""Outputs beside the pages, made after both languages are built: open data, search, PDFs."""

from __future__ import annotations

import sys
import time
from functools import partial
from pathlib import Path

from imvo.build.options import BuildOptions
from imvo.build.orchestrate import PostStep, Timings
from imvo.history import History
from imvo.history.news import FEED_NAME, atom_feed
from imvo.messages import msg
from imvo.messages.problems import Problem
from imvo.model.content import LANGUAGES, Corpus
from imvo.model.dates import PartialDate
from imvo.outputs.open_data import write_data
from imvo.render.i18n import Translator


def data_step(corpus: Corpus, site: Path, timings: Timings) -> None:
    """Write data/covenants.json, data/covenants.csv and data/covenant-parties.csv."""
    started = time.perf_counter()
    write_data(corpus, site)
    timings.add("data", time.perf_counter() - started)


def search_step(corpus: Corpus, site: Path, timings: Timings) -> None:
    """Index each language's pages for search with Pagefind (imvo/outputs/search.py)."""
    from imvo.outputs.search import index_site

    started = time.perf_counter()
    index_site(site)
    timings.add("search", time.perf_counter() - started)


def pdf_step(corpus: Corpus, site: Path, timings: Timings, options: BuildOptions) -> None:
    """Print every factsheet to PDF in both languages, reusing cached PDFs of unchanged pages.

    With the site's published address, each PDF names its page's address and links there."""
    from imvo.outputs.pdf import make_pdfs

    started = time.perf_counter()
    stats = make_pdfs(corpus, site, site_url=options.site_url, built=options.built)
    seconds = time.perf_counter() - started
    timings.add("pdf", seconds)
    print(
        f"PDFs: {stats.misses} printed, {stats.hits} from the cache ({seconds:.1f} s).",
        file=sys.stderr,
    )
    for problem in long_pdfs(corpus, site):
        print(problem.text(options.lang), file=sys.stderr)


def long_pdfs(corpus: Corpus, site: Path) -> list[Problem]:
    """A warning for each factsheet whose PDF runs over the two pages of a handout."""
    from imvo.outputs.pdf import MAX_PAGES, page_count, pdf_path

    found = []
    for slug in sorted(corpus.covenants):
        for lang in LANGUAGES:
            pages = page_count(pdf_path(site, slug, lang))
            if pages > MAX_PAGES:
                where = corpus.positions[slug].path  # the file as the loader named it
                found.append(
                    Problem.of(
                        where, 1, "(file)", "pdf-too-long", "warning",
                        language=msg(f"language-{lang}"), pages=pages, most=MAX_PAGES,
                    )
                )  # fmt: skip
    return found


def feed_step(history: History, site_url: str, built: PartialDate) -> PostStep:
    """Write the Atom feed of each language (feed.xml, en/feed.xml): it needs absolute
    addresses, so only a build with a site URL writes it. `built` dates an empty feed."""

    def run(corpus: Corpus, site: Path, timings: Timings) -> None:
        started = time.perf_counter()
        for lang in LANGUAGES:
            folder = site if lang == LANGUAGES[0] else site / lang
            text = atom_feed(history, corpus, Translator(lang), site_url, built)
            (folder / FEED_NAME).write_text(text, encoding="utf-8")
        timings.add("write", time.perf_counter() - started)

    return PostStep(run)


def post_steps(options: BuildOptions, history: History | None = None) -> list[PostStep]:
    """The steps that add files to the assembled site before it is swapped in: the open
    data, the search index, the feeds (with a site URL and the history) and the PDFs."""
    steps = [PostStep(data_step, needs_pages=False), PostStep(search_step)]
    if options.site_url and history is not None:
        day = options.day
        built = PartialDate(day.year, day.month, day.day)
        steps.append(feed_step(history, options.site_url, built))
    return [*steps, PostStep(partial(pdf_step, options=options))] if options.pdf else steps
