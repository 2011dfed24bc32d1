"""`python build.py check`: validate the content and report warnings; write nothing."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from imvo.build.options import from_command
from imvo.messages import LANGS, speaking

if TYPE_CHECKING:
    from imvo.editors.check import CheckResult


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the content and report warnings; write nothing."""
    from imvo.editors.check import exit_code, report, run_check

    # The day dates are compared with: SOURCE_DATE_EPOCH (reproducible), else the clock's
    # (a reminder about a date is about today, not about the last commit).
    options = from_command(lang=args.lang, content=args.content, commit=False)
    result = run_check(options.content, Path.cwd(), options.day)
    if args.format == "json":
        # For the pull request's comment: every problem with its code and both wordings.
        print(json.dumps(problems_json(result, strict=args.strict), ensure_ascii=False, indent=1))
        return exit_code(result, strict=args.strict)
    for problem in result.problems:
        if args.format == "github":
            print(problem.github())
        else:
            print(problem.text(), file=sys.stderr)
    print(report(result, strict=args.strict), file=sys.stderr)
    return exit_code(result, strict=args.strict)


def problems_json(result: CheckResult, *, strict: bool) -> dict[str, Any]:
    """What `check --format json` prints: the counts, the closing line in both languages,
    and every problem (see Problem.as_json)."""
    from imvo.editors.check import exit_code, report

    closing = {}
    for lang in LANGS:
        with speaking(lang):
            closing[lang] = report(result, strict=strict)
    return {
        "version": 1,
        "covenants": result.covenants,
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "hints": len(result.hints),
        "strict": strict,
        "passed": exit_code(result, strict=strict) == 0,
        "summary": closing,
        "problems": [problem.as_json() for problem in result.problems],
    }
