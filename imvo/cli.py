"""The command line: python build.py [build|check|serve|new] ... (see --help)."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from imvo import ROOT
from imvo.build.interrupt import Interrupted, signals_as_interrupt
from imvo.build.target import TargetError
from imvo.commands.build import cmd_build, cmd_serve
from imvo.commands.check import cmd_check
from imvo.messages import LANGS, language_from_locale, speaking, text
from imvo.messages.cli_help import HELP
from imvo.messages.problems import BuildError, ContentError, Problem, printable, summary

Command = Callable[[argparse.Namespace], int]


def _print_problems(problems: list[Problem], fmt: str = "text") -> None:
    for problem in sorted(problems):
        print(problem.github() if fmt == "github" else problem.text(), file=sys.stderr)
    if fmt != "github" or not problems:
        print(summary(problems), file=sys.stderr)


def cmd_new(args: argparse.Namespace) -> int:
    """Write a new covenant file with every field, commented."""
    from imvo.editors.scaffold import ScaffoldError, new_covenant

    try:
        path = new_covenant(args.content, args.slug)
    except ScaffoldError as error:
        print(printable(str(error)), file=sys.stderr)  # a new line in the name stays one line
        return 1
    print(text("new-wrote", path=path.as_posix()), file=sys.stderr)
    return 0


def cmd_translations(args: argparse.Namespace) -> int:
    """Report the texts that exist in only one language, per file."""
    from imvo.editors.translations import format_report, untranslated

    print(format_report(untranslated(args.content, Path.cwd())))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the JSON Schemas of the content files to schema/ from the content model."""
    from imvo.editors.schema import write_schemas

    for path in write_schemas():
        print(text("schema-wrote", path=path.relative_to(ROOT).as_posix()), file=sys.stderr)
    return 0


def cmd_import_participants(args: argparse.Namespace) -> int:
    """Add a pasted list or a CSV of names to one covenant's participants file."""
    from imvo.editors.importer import ImportError_, import_participants

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


def parser(lang: str = "en") -> argparse.ArgumentParser:
    """The argument parser of build.py, its help in one language (see cli_help.py)."""
    h = HELP[lang]

    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any = None) -> None:
            super().add_usage(usage, actions, groups, h["usage"] if prefix is None else prefix)

    def worded(command: argparse.ArgumentParser) -> argparse.ArgumentParser:
        """A parser with argparse's own headings and -h in the language."""
        command._positionals.title = h["positionals"]
        command._optionals.title = h["options"]
        for action in command._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = h["help"]
        return command

    main = worded(
        argparse.ArgumentParser(
            prog="build.py", description=h["description"], formatter_class=Formatter
        )
    )
    main.add_argument("--debug", action="store_true", help=h["debug"])
    commands = main.add_subparsers(dest="command", title=h["commands"])
    add_parser = commands.add_parser

    def command(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        return worded(add_parser(name, formatter_class=Formatter, **kwargs))

    def content_arg(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--content", type=Path, default=Path("content"), help=h["content"])

    def format_arg(command: argparse.ArgumentParser, *extra: str) -> None:
        command.add_argument(
            "--format",
            choices=("text", "github", *extra),
            default="text",
            help=h["format"] + (h["format-json"] if extra else ""),
        )
        lang_arg(command)

    def lang_arg(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--lang",
            choices=LANGS,
            default=None,
            help=h["lang"],
        )

    build = command("build", help=h["build"])
    content_arg(build)
    build.add_argument("--site", type=Path, default=Path("site"), help=h["site"])
    build.add_argument(
        "--site-url",
        default=None,
        help=h["site-url"],
    )
    build.add_argument(
        "--report-url",
        default=None,
        help=h["report-url"],
    )
    build.add_argument("--no-pdf", action="store_true", help=h["no-pdf"])
    build.add_argument("--timings", action="store_true", help=h["timings"])
    format_arg(build)
    build.set_defaults(func=cmd_build)

    check = command("check", help=h["check"])
    content_arg(check)
    check.add_argument("--strict", action="store_true", help=h["strict"])
    format_arg(check, "json")
    check.set_defaults(func=cmd_check)

    new = command("new", help=h["new"])
    content_arg(new)
    new.add_argument("slug", help=h["slug"])
    lang_arg(new)
    new.set_defaults(func=cmd_new)

    translations = command("translations", help=h["translations"])
    content_arg(translations)
    lang_arg(translations)
    translations.set_defaults(func=cmd_translations)

    schema = command("schema", help=h["schema"])
    lang_arg(schema)
    schema.set_defaults(func=cmd_schema)

    importing = command(
        "import-participants",
        help=h["import"],
    )
    content_arg(importing)
    importing.add_argument("slug", help=h["import-slug"])
    importing.add_argument(
        "file",
        nargs="?",
        default=None,
        help=h["import-file"],
    )
    importing.add_argument("--source-url", required=True, help=h["source-url"])
    importing.add_argument("--source-title", required=True, help=h["source-title"])
    importing.add_argument("--source-date", default=None, help=h["source-date"])
    lang_arg(importing)
    importing.set_defaults(func=cmd_import_participants)

    serve = command("serve", help=h["serve"])
    content_arg(serve)
    lang_arg(serve)
    serve.add_argument("--port", type=int, default=8000, help=h["port"])
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
    args = parser(_asked_language(args_list)).parse_args(args_list)
    args.lang = getattr(args, "lang", None) or language_from_locale()
    # main() is also called from tests and serve: the language is the command's alone.
    with speaking(args.lang):
        return _run(args)


def _asked_language(args: list[str]) -> str:
    """The language the command is asked for before it is parsed (for its --help): the value
    of --lang, else the locale's."""
    for index, arg in enumerate(args):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        if value in LANGS:
            return value
    return language_from_locale()


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
        print(f"{text('build-not-built')}\n{error}", file=sys.stderr)
        if getattr(args, "format", "text") == "github":
            for problem in error.problems:
                print(problem.github())
        return 1
    except KeyboardInterrupt as error:
        signum = error.signum if isinstance(error, Interrupted) else signal.SIGINT
        if args.command in ("build", None):
            stopped = text("build-interrupted", signal=signal.Signals(signum).name)
            print(stopped, file=sys.stderr)
        return 128 + int(signum)
    except Exception as error:  # never a traceback for an editor; --debug shows it
        if args.debug:
            raise
        because = f"{type(error).__name__}: {printable(str(error))}"
        print(text("build-not-built-because", error=because), file=sys.stderr)
        print(text("build-debug-hint"), file=sys.stderr)
        return 1
