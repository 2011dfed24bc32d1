"""`python build.py build` and `serve`: validate the content, then build the whole site."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from imvo import ROOT
from imvo.build.options import BuildOptions, from_command
from imvo.history import read_history
from imvo.messages import language, text
from imvo.messages.problems import PLURAL
from imvo.validate import load_content

HISTORY_UNAVAILABLE = ("history-shallow", "history-no-git")
"""What a build says once when git cannot give the history (shallow clone, or no git)."""


def options_of(args: argparse.Namespace) -> BuildOptions:
    """The options of `build` (and `serve`: no PDFs, a temporary site): made once, here."""
    if args.command == "serve":
        return from_command(lang=args.lang, content=args.content, pdf=False)
    return from_command(
        lang=args.lang,
        content=args.content,
        site=args.site,
        site_url=args.site_url,
        report=args.report_url,
        pdf=not args.no_pdf,
    )


def cmd_build(args: argparse.Namespace) -> int:
    """Validate the content, then build the whole site."""
    # Imported here: `check` needs none of the rendering and writing stages.
    from imvo.build.orchestrate import Timings, build_site
    from imvo.build.target import check_target
    from imvo.outputs.steps import post_steps

    options = options_of(args)
    check_target(options.site, content=options.content)  # before anything: a wrong --site deletes
    started = time.perf_counter()
    timings = Timings()
    corpus = load_content(options.content, root=Path.cwd())
    timings.add("load+validate", time.perf_counter() - started)
    started_history = time.perf_counter()
    history = read_history(options.content, ROOT / ".cache" / "history.json", corpus.history)
    timings.add("history", time.perf_counter() - started_history)
    build_site(
        corpus,
        options,
        timings=timings,
        post_steps=post_steps(options, history),
        history=history,
    )
    seconds = time.perf_counter() - started
    for warning in history.warnings:
        print(warning.github() if args.format == "github" else warning.text(), file=sys.stderr)
    if history.unavailable:
        print(text(HISTORY_UNAVAILABLE[history.unavailable != "shallow clone"]), file=sys.stderr)
    count = len(corpus.covenants)
    done = text(
        "build-done",
        count=count,
        s="" if count == 1 else PLURAL[language()],
        site=args.site,
        seconds=f"{seconds:.1f}",
    )
    print(done, file=sys.stderr)
    if args.timings:
        stages = ", ".join(f"{name} {value:.3f}" for name, value in timings.stages.items())
        print(f"Timings (s): {stages}, total {seconds:.3f}", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Build without PDFs, serve on 127.0.0.1 and rebuild on every change."""
    from imvo.build.preview import serve

    return serve(options_of(args), port=args.port)
