"""The command line: python build.py [build|check|serve|new] ... (see --help)."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from imvo import ROOT
from imvo.commands.build import cmd_build, cmd_serve
from imvo.commands.check import cmd_check
from imvo.interrupt import Interrupted, signals_as_interrupt
from imvo.messages import LANGS, language_from_locale, speaking, text
from imvo.problems import BuildError, ContentError, Problem, printable, summary
from imvo.target import TargetError

Command = Callable[[argparse.Namespace], int]


def _print_problems(problems: list[Problem], fmt: str = "text") -> None:
    for problem in sorted(problems):
        print(problem.github() if fmt == "github" else problem.text(), file=sys.stderr)
    if fmt != "github" or not problems:
        print(summary(problems), file=sys.stderr)


def cmd_new(args: argparse.Namespace) -> int:
    """Write a new covenant file with every field, commented."""
    from imvo.scaffold import ScaffoldError, new_covenant

    try:
        path = new_covenant(args.content, args.slug)
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    print(text("new-wrote", path=path.as_posix()), file=sys.stderr)
    return 0


def cmd_translations(args: argparse.Namespace) -> int:
    """Report the texts that exist in only one language, per file."""
    from imvo.translations import format_report, untranslated

    print(format_report(untranslated(args.content, Path.cwd())))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the JSON Schemas of the content files to schema/ from the content model."""
    from imvo.schema import write_schemas

    for path in write_schemas():
        print(f"Wrote {path.relative_to(ROOT).as_posix()}", file=sys.stderr)
    return 0


def cmd_import_participants(args: argparse.Namespace) -> int:
    """Add a pasted list or a CSV of names to one covenant's participants file."""
    from imvo.importer import ImportError_, import_participants

    if args.file in (None, "-"):
        raw, shown = sys.stdin.buffer.read(), "(stdin)"
    else:
        path = Path(args.file)
        try:
            raw, shown = path.read_bytes(), path.as_posix()
        except OSError as error:
            print(
                f"{printable(args.file)}: {printable(error.strerror or str(error))}",
                file=sys.stderr,
            )
            return 1
    try:
        outcome = import_participants(
            args.content,
            args.slug,
            raw,
            shown,
            source_url=args.source_url,
            source_title=args.source_title,
            source_date=args.source_date,
        )
    except ImportError_ as error:
        for problem in error.problems:
            print(problem.text(), file=sys.stderr)
        print(text("import-failed"), file=sys.stderr)
        return 1
    shown_path = f"{args.content.as_posix().rstrip('/')}/participants/{args.slug}.yaml"
    for name in outcome.added:
        print(f"+ {printable(name)}")
    for reason in outcome.skipped:
        print(f"- {printable(reason.render())}")
    if outcome.added:
        count = len(outcome.added)
        print(
            text(
                "import-added",
                count=count,
                names=text("import-name-one" if count == 1 else "import-name-many"),
                path=shown_path,
                source=outcome.source_id,
                new_source=text("import-new-source") if outcome.source_added else "",
                skipped=len(outcome.skipped),
            )
        )
    else:
        print(text("import-nothing", path=shown_path, skipped=len(outcome.skipped)))
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

    def format_arg(command: argparse.ArgumentParser, *extra: str) -> None:
        command.add_argument(
            "--format",
            choices=("text", "github", *extra),
            default="text",
            help="text (path:line: field: message) or github (annotations for GitHub Actions)"
            + (", or json (every problem with its code, in Dutch and English)" if extra else ""),
        )
        lang_arg(command)

    def lang_arg(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--lang",
            choices=LANGS,
            default=None,
            help="the language of the messages: nl (Dutch, the default) or en (English); "
            "without it, a locale starting with 'en' (LC_ALL, LC_MESSAGES, LANG) chooses English",
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
        "--report-url",
        default=None,
        help="the repository's new-issue address for 'report an error' links, e.g. "
        "https://github.com/org/repo/issues/new (default: $REPORT_URL, or the repository "
        "GitHub Actions builds)",
    )
    build.add_argument(
        "--no-pdf", action="store_true", help="skip the PDF of each factsheet (faster previews)"
    )
    build.add_argument(
        "--timings", action="store_true", help="print the seconds spent in each stage"
    )
    format_arg(build)
    build.set_defaults(func=cmd_build)

    check = commands.add_parser(
        "check", help="validate the content and report warnings (what a pull request runs)"
    )
    content_arg(check)
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    format_arg(check, "json")
    check.set_defaults(func=cmd_check)

    new = commands.add_parser("new", help="write a new covenant file to fill in")
    content_arg(new)
    new.add_argument("slug", help="the file name without .yaml, like 'natuursteen'")
    lang_arg(new)
    new.set_defaults(func=cmd_new)

    translations = commands.add_parser(
        "translations", help="list the texts that exist in only one language, per file"
    )
    content_arg(translations)
    lang_arg(translations)
    translations.set_defaults(func=cmd_translations)

    schema = commands.add_parser(
        "schema", help="write schema/*.schema.json from the content model (for editors' tools)"
    )
    lang_arg(schema)
    schema.set_defaults(func=cmd_schema)

    importing = commands.add_parser(
        "import-participants",
        help="add a pasted list or a CSV of names to content/participants/<slug>.yaml",
    )
    content_arg(importing)
    importing.add_argument("slug", help="the covenant's file name without .yaml, like 'banken'")
    importing.add_argument(
        "file",
        nargs="?",
        default=None,
        help="one name per line, or a CSV with a header row (name, legal_name, joined, left, "
        "website, brands, group; comma or semicolon); '-' or nothing reads standard input",
    )
    importing.add_argument("--source-url", required=True, help="the address of the list")
    importing.add_argument("--source-title", required=True, help="the list's title")
    importing.add_argument(
        "--source-date", default=None, help="when the list was published: YYYY-MM-DD"
    )
    lang_arg(importing)
    importing.set_defaults(func=cmd_import_participants)

    serve = commands.add_parser(
        "serve", help="preview the site at http://127.0.0.1:8000/, rebuilt on every change"
    )
    content_arg(serve)
    lang_arg(serve)
    serve.add_argument("--port", type=int, default=8000, help="the port (8000)")
    serve.set_defaults(func=cmd_serve)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    # No command given (only options, or nothing): `build` is meant. A word that is no
    # command is left for argparse to refuse with the list of commands.
    rest = [a for a in args_list if a != "--debug"]
    if (not rest or rest[0].startswith("-")) and not {"-h", "--help"} & set(rest):
        args_list = ["--debug"] * (len(args_list) - len(rest)) + ["build", *rest]
    args = parser().parse_args(args_list)
    args.lang = getattr(args, "lang", None) or language_from_locale()
    # main() is also called from tests and serve: the language is the command's alone.
    with speaking(args.lang):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Run one parsed command; every editor's error as lines, never a traceback."""
    try:
        with signals_as_interrupt():
            return int(args.func(args))
    except ContentError as error:
        if args.debug:
            raise
        _print_problems(error.problems, getattr(args, "format", "text"))
        return 1
    except TargetError as error:
        print(error, file=sys.stderr)  # one line: nothing was built, nothing was touched
        return 1
    except BuildError as error:
        if args.debug:
            raise
        print(f"The site was not built (the existing site is unchanged):\n{error}", file=sys.stderr)
        if getattr(args, "format", "text") == "github":
            for problem in error.problems:
                print(problem.github())
        return 1
    except KeyboardInterrupt as error:
        signum = error.signum if isinstance(error, Interrupted) else signal.SIGINT
        if args.command in ("build", None):
            print(
                f"The build was stopped ({signal.Signals(signum).name}); the existing site "
                "is unchanged.",
                file=sys.stderr,
            )
        return 128 + int(signum)
    except Exception as error:  # never a traceback for an editor; --debug shows it
        if args.debug:
            raise
        print(
            f"The site was not built (the existing site is unchanged): "
            f"{type(error).__name__}: {printable(str(error))}\n"
            "Run again with --debug to see the details.",
            file=sys.stderr,
        )
        return 1
