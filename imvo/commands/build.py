"""`python build.py build` and `serve`: validate the content, then build the whole site."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from imvo import ROOT
from imvo.history import read_history
from imvo.history.git import commit_day
from imvo.model import PartialDate
from imvo.problems import counted
from imvo.validate import load_content


def set_source_date_epoch() -> None:
    """Dates the build writes (sitemap, 'today' on the timeline) come from SOURCE_DATE_EPOCH;
    without it, from the last commit, so two builds of the same content are identical."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return
    try:
        stamp = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        stamp = ""
    # A last commit dated in year 10000 (git takes it) would give no day: the clock then.
    usable = stamp.isdigit() and commit_day(stamp) is not None
    os.environ["SOURCE_DATE_EPOCH"] = stamp if usable else str(int(time.time()))


HISTORY_UNAVAILABLE = (
    "History: this is a shallow clone, so the pages show no 'last changed' dates and no "
    "changes; run 'git fetch --unshallow' to show them.",
    "History: the content is not in a git repository (a copy or a release archive), so the "
    "pages show no 'last changed' dates and no changes.",
)
"""What a build says once when git cannot give the history (shallow clone, or no git)."""


def report_url(given: str | None) -> str | None:
    """Where readers report a mistake: --report-url, $REPORT_URL, or the repository that
    GitHub Actions builds (its new-issue form); None when none is known."""
    if given or os.environ.get("REPORT_URL"):
        return given or os.environ["REPORT_URL"]
    server, repository = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    return f"{server}/{repository}/issues/new" if server and repository else None


def build_day() -> PartialDate:
    """The day of SOURCE_DATE_EPOCH (set before the build): never the clock's own day."""
    stamp = int(os.environ["SOURCE_DATE_EPOCH"])
    day = datetime.fromtimestamp(stamp, UTC).date()
    return PartialDate(day.year, day.month, day.day)


def cmd_build(args: argparse.Namespace) -> int:
    """Validate the content, then build the whole site."""
    # Imported here: `check` needs none of the rendering and writing stages.
    from imvo.outputs import post_steps
    from imvo.target import check_target
    from imvo.write import Timings, build_site

    check_target(args.site, content=args.content)  # before anything: a wrong --site deletes
    started = time.perf_counter()
    timings = Timings()
    corpus = load_content(args.content, root=Path.cwd())
    timings.add("load+validate", time.perf_counter() - started)
    set_source_date_epoch()
    started_history = time.perf_counter()
    history = read_history(args.content, ROOT / ".cache" / "history.json", corpus.history)
    timings.add("history", time.perf_counter() - started_history)
    site_url = args.site_url or os.environ.get("SITE_URL") or None
    build_site(
        corpus,
        args.site,
        site_url=site_url,
        timings=timings,
        post_steps=post_steps(
            pdf=not args.no_pdf, history=history, site_url=site_url, built=build_day()
        ),
        pdf_links=not args.no_pdf,
        content=args.content.as_posix(),
        history=history,
        report_url=report_url(args.report_url),
        content_dir=args.content,
    )
    seconds = time.perf_counter() - started
    for warning in history.warnings:
        print(warning.github() if args.format == "github" else warning.text(), file=sys.stderr)
    if history.unavailable:
        print(HISTORY_UNAVAILABLE[history.unavailable != "shallow clone"], file=sys.stderr)
    print(
        f"Built {counted(len(corpus.covenants), 'covenant')} in 2 languages into {args.site} "
        f"in {seconds:.1f} s.",
        file=sys.stderr,
    )
    if args.timings:
        stages = ", ".join(f"{name} {value:.3f}" for name, value in timings.stages.items())
        print(f"Timings (s): {stages}, total {seconds:.3f}", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Build without PDFs, serve on 127.0.0.1 and rebuild on every change."""
    from imvo.serve import serve

    set_source_date_epoch()
    return serve(args.content, port=args.port)
