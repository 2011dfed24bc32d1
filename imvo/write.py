"""Writing: build each language with mkdocs-material, assemble the site, swap it in whole.

Each language is its own mkdocs build (own `<html lang>`, own search index with its own
stemmer, own sitemap); the two run in parallel processes. Everything is built in a temporary
folder beside the target, and the finished site replaces the old one only when every step
succeeded: a failed build leaves the existing site exactly as it was.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
import shutil
import signal
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing.sharedctypes import RawArray, RawValue
from pathlib import Path
from typing import Any

import yaml

from imvo import ROOT
from imvo.history import History
from imvo.i18n import Translator
from imvo.interrupt import held_signals, signals_as_interrupt, worker_pool
from imvo.markdown_text import abbreviations
from imvo.model import LANGUAGES, Corpus
from imvo.pages import TEXT_PAGES, page_name
from imvo.problems import BuildError, printable
from imvo.render import Page, Renderer
from imvo.target import check_replaceable, check_target, mark


@dataclass
class Timings:
    """Seconds spent in each stage of a build, for the benchmark."""

    stages: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, seconds: float) -> None:
        """Count time against a stage."""
        self.stages[stage] = self.stages.get(stage, 0.0) + seconds


def language_config(
    lang: str,
    docs_dir: Path,
    site_dir: Path,
    nav: list[dict[str, str]],
    site_url: str | None,
    glossary: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The mkdocs configuration of one language, from the shared mkdocs.yml.

    `glossary` holds the abbreviations the abbr extension explains wherever they appear.
    """
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as handle:
        config: dict[str, Any] = yaml.safe_load(handle)
    t = Translator(lang)
    other = next(code for code in LANGUAGES if code != lang)
    config["site_name"] = t("site.name")
    config["site_description"] = t("site.description")
    config["copyright"] = t("site.copyright")
    config["docs_dir"] = str(docs_dir)
    config["site_dir"] = str(site_dir)
    config["nav"] = nav
    config["not_in_nav"] = "/*.md\n"
    config["theme"]["language"] = lang
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks", [])]
    extra = config.setdefault("extra", {})
    root = site_url.rstrip("/") + "/" if site_url else None
    if root:
        config["site_url"] = root if lang == LANGUAGES[0] else f"{root}{lang}/"
    extra["site_root"] = root or ""
    extra["alternate"] = [{"name": t("site.other_language"), "lang": other, "link": "."}]
    extra["other_language"] = t("site.other_language")
    extra["switch_label"] = t("site.switch_label")
    extra["feed_title"] = t("history.feed_title")
    extensions = config["markdown_extensions"]
    if glossary and "abbr" in extensions:
        extensions[extensions.index("abbr")] = {"abbr": {"glossary": glossary}}
    return config


def _mkdocs_build(config_path: str) -> None:
    """Run one mkdocs build (in a worker process); raise BuildError with its warnings.

    mkdocs.yml sets strict: a warning fails the build, so a build that returns had none.
    """
    from imvo.engine import LOGGER, Abort, MkDocsException, build, load_config

    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                # One line each, whatever a link in the content held (see Problem.text).
                messages.append(printable(record.getMessage()))

    logger = LOGGER
    handler = Collect()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        build(load_config(config_path))
    except (Abort, MkDocsException) as error:
        # The closing "Aborted with N warnings in strict mode!" adds nothing to the warnings.
        raise BuildError("\n".join(messages or [str(error)])) from None
    except Exception as error:  # a crash inside mkdocs or an extension: one line, not a trace
        raise BuildError(f"{_STOPPED}{type(error).__name__}: {error}") from error
    finally:
        logger.removeHandler(handler)


_STOPPED = "mkdocs stopped: "
"""How a crash inside mkdocs or an extension begins its one line."""

_LINK_WARNING_RE = re.compile(
    r"Doc file '(?P<page>[^']+)\.md' contains (?:a|an absolute|an unrecognized relative) "
    r"link '(?P<link>.+)'(?:, but the target (?:'[^']+' )?is not found among "
    r"documentation files|, it was left as is| that is (?P<invalid>not a valid address)"
    r"| that is (?P<elsewhere>an image from another site))\."
    r"(?: Did you mean '[^']+'\?)?"
)
"""mkdocs' warnings about a link in a page's Markdown (mkdocs.yml makes each one an error)."""


def page_sources(corpus: Corpus, lang: str, content: str) -> dict[str, str]:
    """For each page file name of one language, the content file an editor would fix."""
    sources = {slug: f"{content}/covenants/{slug}.yaml" for slug in corpus.covenants}
    for key in TEXT_PAGES:
        sources[page_name(key, lang)] = f"{content}/texts/{key}.{lang}.md"
    for key in ("due-diligence", "glossary"):
        sources[page_name(key, lang)] = f"{content}/{key}.yaml"
    return sources


def _line_with(path: str, *needles: str) -> int:
    """The first line of a file that holds the first of the texts found there, or 1."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeError):
        return 1
    for needle in needles:
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return 1


def explain(message: str, sources: dict[str, str], page: str | None = None) -> str:
    """Turn one mkdocs warning into an editor's line (path:line: field: message) if it can.

    `page` is the page mkdocs was making when it stopped, if it stopped inside one.
    """
    stopped = message.removeprefix(_STOPPED)
    if stopped != message and page is not None:
        file = sources.get(page.removesuffix(".md"), page)
        return (
            f"{file}:1: (text): mkdocs could not make this page ({stopped}); look in this "
            "file's texts for an unusual link or a pattern repeated very many times"
        )
    match = _LINK_WARNING_RE.fullmatch(message.strip())
    if match is None:
        return message
    link = match["link"]
    if match["invalid"]:
        text = (
            f"the link '{link}' is not a valid address; look for a space, a bracket or a "
            "missing character in it"
        )
    elif match["elsewhere"]:
        text = (
            f"the image '{link}' cannot be shown: the site shows only its own files and loads "
            "nothing from other sites; link to the image instead: [what it shows](address)"
        )
    elif link.startswith(("/", "\\")):
        text = (
            f"the link '{link}' starts with '{link[0]}', which breaks when the site lives in a "
            "folder (as on GitHub Pages); link to the page by its name, such as 'overzicht.html'"
        )
    else:
        text = (
            f"the link '{link}' leads to no page of the site; link to a page that exists "
            "(such as 'overzicht.html') or to a full https:// address"
        )
    source = sources.get(match["page"])
    if source is None:
        return f"{match['page']}.md: {text}"
    # A Markdown link, (address), or else the address as raw HTML or an escaped YAML text.
    return f"{source}:{_line_with(source, f'({link}', link)}: (link): {text}"


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
    site_url: str | None
    content: str
    pdf_links: bool
    history: History | None = None
    report_url: str | None = None


_JOB: _Job | None = None

PAGE_SECONDS = 60.0
"""The longest one page may take (its template, its Markdown, the hooks and the theme).
A text can be written so that Python-Markdown needs minutes or hours for it (thousands of
'[a](' in a row); the build then stops with a line naming the file instead of hanging."""


@dataclass(frozen=True)
class _Progress:
    """Which page a language's worker is making, and since when; shared with the parent.

    Made before the workers fork, in shared memory, so that the parent can see a page that
    takes too long even while the worker is stuck inside one regular expression.
    """

    page: Any = field(default_factory=lambda: RawArray("c", 512))
    started: Any = field(default_factory=lambda: RawValue("d", 0.0))
    """time.monotonic() when the page began, 0 between pages."""
    pid: Any = field(default_factory=lambda: RawValue("i", 0))


_PROGRESS: dict[str, _Progress] = {}
_LANG = ""
"""The language this worker process builds."""


def page_started(uri: str) -> None:
    """Tell the parent that this worker begins a page (called by the hooks)."""
    progress = _PROGRESS.get(_LANG)
    if progress is not None:
        progress.page.value = uri.encode("utf-8")[:511]
        progress.started.value = time.monotonic()


def page_finished() -> None:
    """Tell the parent that this worker is between pages."""
    progress = _PROGRESS.get(_LANG)
    if progress is not None:
        progress.started.value = 0.0


def page_in_progress() -> str | None:
    """The page this worker is making (name.md), if it is inside one."""
    progress = _PROGRESS.get(_LANG)
    if progress is None or not progress.started.value:
        return None
    return str(progress.page.value.decode("utf-8", "replace"))


def _too_slow() -> list[tuple[str, str]]:
    """The (language, page) of any worker stuck on one page too long; those are stopped."""
    stuck = []
    for lang, progress in _PROGRESS.items():
        started = progress.started.value
        if started and time.monotonic() - started > PAGE_SECONDS and progress.pid.value:
            stuck.append((lang, progress.page.value.decode("utf-8", "replace")))
            os.kill(progress.pid.value, signal.SIGKILL)
            progress.started.value = 0.0
    return stuck


def _slow_page_line(corpus: Corpus, lang: str, uri: str, content: str) -> str:
    """The editor's line for a page that took too long."""
    name = uri.removesuffix(".md")
    source = page_sources(corpus, lang, content).get(name, uri)
    return (
        f"{source}:1: (text): making this page took longer than {PAGE_SECONDS:.0f} s, so the "
        "build stopped; a text in this file is too long or too tangled for Markdown (such "
        "as thousands of '[' in a row): shorten or simplify it"
    )


_PAGES: dict[str, Page] = {}
"""The pages of the language this process builds, by their file name for mkdocs (name.md)."""


def hand_over(pages: list[Page]) -> None:
    """Give mkdocs the pages of one build: the hooks take them from memory, not from files.

    Writing two files per page (its Markdown and its stashed blocks) for mkdocs to read
    back cost more than a second of system time at 1,000 covenants on these machines.
    """
    _PAGES.clear()
    _PAGES.update({f"{page.name}.md": page for page in pages})


def handed_over() -> dict[str, Page]:
    """The pages of the build in progress in this process (see hand_over)."""
    return _PAGES


def _build_language(lang: str) -> tuple[float, float]:
    """Render one language, write its pages and build it with mkdocs (in a worker process).

    Returns the seconds spent rendering and in mkdocs; raises BuildError with editors' lines.
    """
    global _LANG
    assert _JOB is not None, "build_site sets the job before starting the workers"
    job = _JOB
    _LANG = lang
    if lang in _PROGRESS:
        _PROGRESS[lang].pid.value = os.getpid()
    started = time.perf_counter()
    renderer = Renderer(
        job.corpus,
        pdf_links=job.pdf_links,
        history=job.history,
        report_url=job.report_url,
        site_url=job.site_url,
        content=job.content,
    )
    renderer.on_page = page_started
    pages = renderer.language(lang)
    page_finished()
    if renderer.problems:
        raise BuildError("\n".join(problem.text() for problem in sorted(set(renderer.problems))))
    folder = job.work / "docs" / lang  # stays empty: mkdocs gets the pages from memory
    folder.mkdir(parents=True, exist_ok=True)
    hand_over(pages)
    config = language_config(
        lang,
        folder,
        job.work / "out" / lang,
        renderer.nav(lang, pages),
        job.site_url,
        abbreviations(job.corpus, lang),
    )
    path = job.work / f"mkdocs.{lang}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    rendered = time.perf_counter() - started
    try:
        _mkdocs_build(str(path))
    except BuildError as error:
        sources = page_sources(job.corpus, lang, job.content)
        page = page_in_progress()
        lines = [explain(line, sources, page) for line in str(error).splitlines()]
        raise BuildError("\n".join(lines)) from None
    return rendered, time.perf_counter() - started - rendered


def build_site(
    corpus: Corpus,
    site_dir: Path,
    *,
    site_url: str | None = None,
    post_steps: list[PostStep] | None = None,
    timings: Timings | None = None,
    jobs: int = 2,
    content: str = "content",
    content_dir: Path | None = None,
    pdf_links: bool = True,
    history: History | None = None,
    report_url: str | None = None,
) -> Timings:
    """Render and build both languages in parallel, add the outputs, then swap in the site.

    Each language is rendered and built by mkdocs in its own worker process. `content` is
    the content folder as editors see it, to name the file behind a failure; `pdf_links`
    says whether factsheets link their PDF (off when the build makes no PDFs). `content_dir`
    is the content folder on disk (by default `content`), which the site may never replace.
    Raises TargetError, before anything is written, for a site folder it may not replace.
    """
    global _JOB
    # SIGTERM and SIGHUP stop the build as Ctrl-C does: the workers end, the temporary
    # folder goes and the existing site stays as it was (a `with`, not a wrapper: the
    # workers inherit this stack, and Markdown's recursion limit counts its frames).
    with signals_as_interrupt():
        timings = timings or Timings()
        given = site_dir
        site_dir = check_target(site_dir, content=content_dir or Path(content))
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
        try:
            started = time.perf_counter()
            _JOB = _Job(corpus, work, site_url, content, pdf_links, history, report_url)
            failures: list[str] = []
            context = multiprocessing.get_context("fork")
            workers = max(1, min(jobs, len(LANGUAGES)))
            steps = post_steps or []
            alongside = work / "alongside"  # the files of steps that need no pages
            alongside.mkdir()
            _PROGRESS.clear()
            _PROGRESS.update({lang: _Progress() for lang in LANGUAGES})
            with worker_pool(workers, context) as pool:
                futures = [pool.submit(_build_language, lang) for lang in LANGUAGES]
                for step in steps:
                    if not step.needs_pages:
                        step.run(corpus, alongside, timings)
                stuck = _watch(futures)
                spent = []
                for future in futures:
                    try:
                        spent.append(future.result())
                    except BuildError as error:
                        failures += str(error).splitlines()
                    except BrokenProcessPool:
                        if not stuck:
                            raise
                failures += [_slow_page_line(corpus, lang, uri, content) for lang, uri in stuck]
            _JOB = None
            _PROGRESS.clear()
            if failures:
                raise BuildError("\n".join(dict.fromkeys(failures)))
            # The languages run side by side: count the slower worker's render time as render,
            # and the rest of the wall time as mkdocs.
            render_seconds = max(seconds for seconds, _ in spent)
            timings.add("render", render_seconds)
            timings.add("mkdocs", time.perf_counter() - started - render_seconds)

            started = time.perf_counter()
            final = work / "out" / LANGUAGES[0]
            for lang in LANGUAGES[1:]:
                (work / "out" / lang).rename(final / lang)
            for made in alongside.iterdir():
                made.rename(final / made.name)
            timings.add("write", time.perf_counter() - started)
            for step in steps:
                if step.needs_pages:
                    step.run(corpus, final, timings)
            started = time.perf_counter()
            mark(final)
            with held_signals():
                check_replaceable(given, site_dir)  # as late as possible: nothing is built twice
                swap_in(final, site_dir)
            timings.add("write", time.perf_counter() - started)
        finally:
            _JOB = None
            _PROGRESS.clear()
            shutil.rmtree(work, ignore_errors=True)
        return timings


def _watch(futures: list[Future[tuple[float, float]]]) -> list[tuple[str, str]]:
    """Wait for the workers; stop any that spends too long on one page, and say which."""
    pending = set(futures)
    while pending:
        done, pending = wait(pending, timeout=0.25)
        for future in done:
            # A worker stopped by a signal of its own: the whole build stops, now.
            stopped = future.exception()
            if isinstance(stopped, KeyboardInterrupt):
                raise stopped
        stuck = _too_slow()
        if stuck:
            return stuck
    return []


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
