"""The one issue that lists the date reminders of `check` (what depends on today's date:
a term that has passed, a signing or end date still ahead, a last check more than a year ago),
in Dutch and English, each with links to its line and to GitHub's editor.

Run every week by .github/workflows/reminders.yml with the system Python (standard library
only), on the output of `python build.py check --format json`::

    python3 -m imvo.editors.reminder_issue --problems problems.json --repository owner/repo \\
        --sha <commit> --branch main > body.md
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from imvo.editors.pr_comment import _REPOSITORY_RE, _SHA_RE, MAX_CHARS, WORDS, problem_line

MARKER = "<!-- imvo-reminders -->"
"""The issue's first line: the workflow finds its own issue by it (and by its author)."""
TITLE = "Herinneringen / Reminders"
MAX_REMINDERS = 200
"""At most this many reminders per language (GitHub limits an issue to 65,536 characters)."""

TEXTS = {
    "nl": {
        "title": "Herinneringen",
        "intro": "Deze herinneringen hangen af van de datum van vandaag: een looptijd die "
        "voorbij is, een ondertekening of einddatum die nog moet komen, of feiten die meer "
        "dan een jaar niet met de bronnen zijn vergeleken. Ze laten geen controle falen. "
        "GitHub werkt dit issue elke week bij en sluit het als er geen herinneringen meer zijn.",
        "none": "Er zijn geen herinneringen.",
        "more": "en nog {n} andere; `python build.py check` toont ze allemaal.",
    },
    "en": {
        "title": "Reminders",
        "intro": "These reminders depend on today's date: a term that has passed, a signing or "
        "end date still to come, or facts not compared with their sources for more than a "
        "year. They fail no check. GitHub updates this issue every week and closes it when "
        "there are no reminders left.",
        "none": "There are no reminders.",
        "more": "and {n} more; `python build.py check` shows every one.",
    },
}


def reminders(report: Any) -> list[dict[str, Any]]:
    """The reminders among the problems of `check --format json`."""
    problems = report.get("problems") if isinstance(report, dict) else None
    return [p for p in problems or [] if isinstance(p, dict) and p.get("severity") == "reminder"]


def body(
    report: Any,
    *,
    repository: str,
    sha: str,
    branch: str,
    server: str = "https://github.com",
) -> str:
    """The issue's text, Dutch first: every reminder with links to its line and its editor."""
    if not _REPOSITORY_RE.match(repository) or not _SHA_RE.match(sha):
        raise ValueError("repository must be owner/name and sha a full commit id")
    where = {"server": server, "repository": repository, "sha": sha, "run_url": ""}
    if branch and not re.search(r"[\x00-\x20~^:?*\[\\]", branch):
        where["head_repository"], where["head_ref"] = repository, branch
    found = reminders(report)
    limit = MAX_REMINDERS
    while True:  # shortened until it fits in one issue
        lines = [MARKER]
        for lang in ("nl", "en"):
            texts = TEXTS[lang]
            lines += [f"### {texts['title']}", "", texts["intro"], ""]
            for problem in found[:limit]:
                lines.append(problem_line(problem, lang, where, WORDS[lang]))
            if len(found) > limit:
                lines.append(f"- {texts['more'].format(n=len(found) - limit)}")
            if not found:
                lines.append(texts["none"])
            lines += ["", "---", ""] if lang == "nl" else []
        text = "\n".join(lines).rstrip() + "\n"
        if len(text) <= MAX_CHARS or limit == 0:
            return text[:MAX_CHARS]
        limit //= 2


def main(argv: Sequence[str] | None = None) -> int:
    """Write the issue's text to standard output."""
    parser = argparse.ArgumentParser(description="The reminders issue, in Markdown.")
    parser.add_argument("--problems", type=Path, required=True)
    parser.add_argument("--repository", required=True)
    parser.add_argument("--sha", required=True)
    parser.add_argument("--branch", default="main")
    parser.add_argument("--server", default="https://github.com")
    args = parser.parse_args(argv)
    try:
        report = json.loads(args.problems.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"{args.problems}: no report of check ({error})", file=sys.stderr)
        return 1
    sys.stdout.write(
        body(
            report,
            repository=args.repository,
            sha=args.sha,
            branch=args.branch,
            server=args.server,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
