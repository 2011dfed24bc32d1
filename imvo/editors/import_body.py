"""The text of the pull request that the participants import opens from GitHub
(.github/workflows/import-participants.yml): which covenant, the source, and the import's own
summary, shown as it is. Standard library only::

    python3 -m imvo.editors.import_body --covenant pensioenfondsen --summary summary.txt \\
        --source-url https://... --source-title "..." [--source-date 2024-05-01] > body.md

Every text an editor typed (the source's title and address) and the summary, which names
the pasted organisations, is escaped or fenced: nothing in it becomes a link, a mention or
Markdown.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from imvo.editors.pr_comment import escape, fenced

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SUMMARY = 50_000
"""At most this many characters of the summary (GitHub limits a body to 65,536)."""


def body(
    covenant: str, summary: str, *, source_url: str, source_title: str, source_date: str = ""
) -> str:
    """The pull request's text, Dutch first."""
    if not SLUG_RE.match(covenant):
        raise ValueError("covenant must be a plain slug")
    if len(summary) > MAX_SUMMARY:
        summary = summary[:MAX_SUMMARY] + "\n…"
    path = f"content/participants/{covenant}.yaml"
    title, url = escape(source_title, 300), escape(source_url, 500)
    date = f" ({escape(source_date, 20)})" if source_date else ""
    return (
        f"Deelnemers geïmporteerd in `{path}` met `python build.py import-participants`, "
        f"gestart op GitHub. Bron: {title}{date}, {url}.\n\n"
        "Kijk bij *Files changed* of alleen de nieuwe namen erbij kwamen, en lees hieronder wat "
        "de import toevoegde en oversloeg.\n\n"
        f"Participants imported into `{path}` with `python build.py import-participants`, "
        f"started on GitHub. Source: {title}{date}, {url}.\n\n"
        "Check under *Files changed* that only the new names were added, and read below what "
        "the import added and skipped.\n\n"
        f"{fenced(summary)}\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Write the pull request's text to standard output."""
    parser = argparse.ArgumentParser(description="The import's pull request text.")
    parser.add_argument("--covenant", required=True)
    parser.add_argument("--summary", type=Path, required=True)
    parser.add_argument("--source-url", required=True)
    parser.add_argument("--source-title", required=True)
    parser.add_argument("--source-date", default="")
    args = parser.parse_args(argv)
    summary = args.summary.read_text(encoding="utf-8", errors="replace")
    sys.stdout.write(
        body(
            args.covenant,
            summary,
            source_url=args.source_url,
            source_title=args.source_title,
            source_date=args.source_date,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
