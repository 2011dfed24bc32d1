"""The command line: python build.py [build|check|serve|new] ... (see --help)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from imvo.model import Corpus
from imvo.outputs import post_steps
from imvo.problems import ContentError, Problem, summary
from imvo.validate import load_content
from imvo.write import ROOT, BuildError, Timings, build_site

Command = Callable[[argparse.Namespace], int]


def _print_problems(problems: list[Problem], fmt: str = "text") -> None:
    for problem in sorted(problems):
        print(problem.github() if fmt == "github" else problem.text(), file=sys.stderr)
    if fmt != "github" or not problems:
        print(summary(problems), file=sys.stderr)


def _load(content: Path) -> Corpus:
    return load_content(content, root=Path.cwd())


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
    os.environ["SOURCE_DATE_EPOCH"] = stamp if stamp.isdigit() else str(int(time.time()))


def cmd_build(args: argparse.Namespace) -> int:
    """Validate the content, then build the whole site."""
    started = time.perf_counter()
    timings = Timings()
    corpus = _load(args.content)
    timings.add("load+validate", time.perf_counter() - started)
    set_source_date_epoch()
    build_site(
        corpus,
        args.site,
        site_url=args.site_url or os.environ.get("SITE_URL") or None,
        timings=timings,
        post_steps=post_steps(pdf=not args.no_pdf),
    )
    seconds = time.perf_counter() - started
    print(
        f"Built {len(corpus.covenants)} covenants in 2 languages into {args.site} "
        f"in {seconds:.1f} s.",
        file=sys.stderr,
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the content only; write nothing."""
    corpus = _load(args.content)
    print(f"{len(corpus.covenants)} covenants checked: no problems.", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser of build.py."""
    main = argparse.ArgumentParser(
        prog="build.py",
        description="Build the bilingual IMVO covenants site from the YAML in content/.",
    )
    main.add_argument("--debug", action="store_true", help="show tracebacks")
    commands = main.add_subparsers(dest="command")

    def content_arg(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--content", type=Path, default=Path("content"), help="content folder (content/)"
        )

    build = commands.add_parser("build", help="validate the content and build the site")
    content_arg(build)
    build.add_argument("--site", type=Path, default=Path("site"), help="output folder (site/)")
    build.add_argument(
        "--site-url",
        default=None,
        help="the address the site is published at, e.g. https://org.github.io/repo/ "
        "(default: $SITE_URL; without it, links between languages are relative)",
    )
    build.add_argument(
        "--no-pdf", action="store_true", help="skip the PDF of each factsheet (faster previews)"
    )
    build.set_defaults(func=cmd_build)

    check = commands.add_parser("check", help="validate the content only")
    content_arg(check)
    check.set_defaults(func=cmd_check)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not any(a in ("build", "check", "serve", "new", "-h", "--help") for a in args_list):
        args_list.insert(0 if not args_list or args_list[0] != "--debug" else 1, "build")
    args = parser().parse_args(args_list)
    try:
        return int(args.func(args))
    except ContentError as error:
        if args.debug:
            raise
        _print_problems(error.problems, getattr(args, "format", "text"))
        return 1
    except BuildError as error:
        if args.debug:
            raise
        print(f"The site was not built (the existing site is unchanged):\n{error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
