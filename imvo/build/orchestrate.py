"""Writing: build each language with mkdocs-material, assemble the site, swap it in whole.

Each language is its own mkdocs build (own `<html lang>`, own search index with its own
stemmer, own sitemap); the two run in parallel processes. Everything is built in a temporary
folder beside the target, and the finished site replaces the old one only when every step
succeeded: a failed build leaves the existing site exactly as it was.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from imvo.model import limits
from imvo.history import History
from imvo.build.interrupt import held_signals, signals_as_interrupt, worker_pool
from imvo.model.content import LANGUAGES, Corpus
from imvo.build.options import BuildOptions
from imvo.render.page_list import key_of, source_of
from imvo.messages.problems import BuildError, Problem
from imvo.build.progress import Progress, Stuck, watch
from imvo.render.renderer import Renderer
from imvo.build.target import check_replaceable, check_target, mark


@dataclass
class Timings:
    """Seconds spent in each stage of a build, for the benchmark."""

    stages: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, seconds: float) -> None:
        """Count time against a stage."""
        self.stages[stage] = self.stages.get(stage, 0.0) + seconds


@dataclass(frozen=True)
class PostStep:
    """A step that adds files to the assembled site (data files, PDFs) before it is swapped in."""

    run: Callable[[Corpus, Path, Timings], None]
    needs_pages: bool = True
    """False for a step that works from the content alone: it runs while mkdocs builds."""


@dataclass(frozen=True)
class _Job:
    """What a language's worker needs; handed over by fork, not pickled."""

    corpus: Corpus
    work: Path
    options: BuildOptions
    history: History | None = None


PAGE_SECONDS = limits.PAGE_SECONDS
"""The longest one page may take (its template, its Markdown, the hooks and the theme).
A text can be written so that Python-Markdown needs minutes or hours for it (thousands of
'[a](' in a row); the build then stops with a line naming the file instead of hanging."""
BUILD_SECONDS = limits.BUILD_SECONDS
"""The longest the pages of both languages may take together (imvo/model/limits.py)."""
MAX_SITE_BYTES = limits.MAX_SITE_BYTES
"""The largest the finished site may be: what GitHub Pages publishes (imvo/model/limits.py)."""

_WORKER_JOB: ContextVar[tuple[_Job, dict[str, Progress]]] = ContextVar("imvo_worker_job")
"""In a language's worker process: its job and the progress records, set once when the
worker starts (the pool's initializer), handed over by fork, not pickled."""


def _start_worker(job: _Job, progress: dict[str, Progress]) -> None:
    """Run in each worker as it starts: keep the job the build hands it."""
    _WORKER_JOB.set((job, progress))


def _slow_page(corpus: Corpus, lang: str, stuck: Stuck) -> Problem:
    """The editor's problem for a page that took too long, or that was in progress when the
    pages of the whole site had taken too long (named by its content file)."""
    name = stuck.page.removesuffix(".md")
    source = source_of(corpus, key_of(name, lang), lang)
    shown = source.path if source is not None else stuck.page
    if stuck.whole_site:
        seconds = f"{BUILD_SECONDS:.0f}"
        return Problem.of(shown, 1, "(text)", "build-too-slow", seconds=seconds, page=name)
    return Problem.of(shown, 1, "(text)", "page-too-slow", seconds=f"{PAGE_SECONDS:.0f}")


def _build_language(lang: str) -> tuple[float, float]:
    """Render one language, then build it with mkdocs (in a worker process).

    Returns the seconds spent rendering and in mkdocs; raises BuildError with its problems.
    """
    from imvo.engine.config import language_config
    from imvo.engine.plugin import ImvoPlugin
    from imvo.engine.run import run_build

    job, progress = _WORKER_JOB.get()
    record = progress[lang]
    record.pid.value = os.getpid()
    started = time.perf_counter()
    renderer = Renderer(job.corpus, job.options, history=job.history)
    renderer.on_page = record.begin
    pages = renderer.language(lang)
    record.end()
    if renderer.problems:  # links in the content, found while rendering: nothing is written
        raise BuildError(problems=renderer.problems)
    folder = job.work / "docs" / lang  # stays empty: mkdocs gets the pages from memory
    folder.mkdir(parents=True, exist_ok=True)
    plugin = ImvoPlugin(pages, progress=record)
    config = language_config(
        lang,
        folder,
        job.work / "out" / lang,
        renderer.nav(lang, pages),
        job.options.site_url,
    )
    rendered = time.perf_counter() - started
    run_build(config, plugin, job.options.built)
    return rendered, time.perf_counter() - started - rendered


def build_site(
    corpus: Corpus,
    options: BuildOptions,
    *,
    post_steps: list[PostStep] | None = None,
    timings: Timings | None = None,
    jobs: int = 2,
    history: History | None = None,
) -> Timings:
    """Render and build both languages in parallel, add the outputs, then swap in the site.

    Each language is rendered and built by mkdocs in its own worker process, into a folder
    beside `options.site` that replaces it at the end; the content folder
    (`options.content`) is one the site may never replace. Raises TargetError, before
    anything is written, for a site folder it may not replace.
    """
    # SIGTERM and SIGHUP stop the build as Ctrl-C does: the workers end, the temporary
    # folder goes and the existing site stays as it was (a `with`, not a wrapper: the
    # workers inherit this stack, and Markdown's recursion limit counts its frames).
    with signals_as_interrupt():
        timings = timings or Timings()
        given = options.site
        site_dir = check_target(given, content=options.content)
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
        try:
            job = _Job(corpus, work, options, history)
            steps = post_steps or []
            _build_languages(job, steps, timings, jobs)

            started = time.perf_counter()
            final = work / "out" / LANGUAGES[0]
            for lang in LANGUAGES[1:]:
                (work / "out" / lang).rename(final / lang)
            for made in (work / "alongside").iterdir():
                made.rename(final / made.name)
            timings.add("write", time.perf_counter() - started)
            for step in steps:
                if step.needs_pages:
                    step.run(corpus, final, timings)
            started = time.perf_counter()
            mark(final)
            _check_size(final, options)  # the site as it would be published
            with held_signals():
                check_replaceable(given, site_dir)  # as late as possible: nothing is built twice
                swap_in(final, site_dir)
            timings.add("write", time.perf_counter() - started)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return timings


def site_bytes(folder: Path) -> int:
    """The size of every file below a folder, links not followed."""
    total = 0
    for parent, _folders, files in os.walk(folder):
        total += sum(os.lstat(os.path.join(parent, name)).st_size for name in files)
    return total


def _check_size(site: Path, options: BuildOptions) -> None:
    """Stop a site larger than GitHub Pages publishes before it replaces the old one."""
    size = site_bytes(site)
    if size > MAX_SITE_BYTES:
        problem = Problem.of(
            options.content.as_posix(), 1, "(folder)", "site-too-large",
            size=f"{size / 1_000_000:.0f}", limit=f"{MAX_SITE_BYTES / 1_000_000:.0f}",
        )  # fmt: skip
        raise BuildError(problems=[problem])


def _build_languages(job: _Job, steps: list[PostStep], timings: Timings, jobs: int) -> None:
    """Build every language in its worker, and run the steps that need no pages meanwhile
    (into work/alongside); raise BuildError with the problems of every language."""
    started = time.perf_counter()
    progress = {lang: Progress() for lang in LANGUAGES}
    alongside = job.work / "alongside"  # the files of steps that need no pages
    alongside.mkdir()
    workers = max(1, min(jobs, len(LANGUAGES)))
    context = multiprocessing.get_context("fork")
    spent: list[tuple[float, float]] = []
    messages: list[str] = []
    problems: list[Problem] = []
    with worker_pool(workers, context, _start_worker, (job, progress)) as pool:
        futures = [pool.submit(_build_language, lang) for lang in LANGUAGES]
        deadline = time.monotonic() + BUILD_SECONDS  # the pages' budget runs from their start
        for step in steps:
            if not step.needs_pages:
                step.run(job.corpus, alongside, timings)
        stuck = watch(futures, progress, PAGE_SECONDS, deadline)
        for future in futures:
            try:
                spent.append(future.result())
            except BuildError as error:
                problems += error.problems
                messages += [] if error.problems else [str(error)]
            except BrokenProcessPool:
                if not stuck:
                    raise
        problems += [_slow_page(job.corpus, found.lang, found) for found in stuck]
    if problems or messages:
        raise BuildError("\n".join(dict.fromkeys(messages)), problems=problems)
    # The languages run side by side: count the slower worker's render time as render, and
    # the rest of the wall time as mkdocs.
    render_seconds = max(seconds for seconds, _ in spent)
    timings.add("render", render_seconds)
    timings.add("mkdocs", time.perf_counter() - started - render_seconds)


def swap_in(new: Path, target: Path) -> None:
    """Put a finished site in place of the old one with renames, never leaving half a site."""
    old = target.with_name(f".{target.name}-old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)
