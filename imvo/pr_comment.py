"""The comment on a pull request: every problem of `check --format json`, in Dutch and
English, each with a link to its line, and the address of the preview of each changed page.

Run by .github/workflows/pr-comment.yml from the default branch's code (never the pull
request's) with the system Python: it uses the standard library only, and reads the pull
request's files as data, never as code::

    python3 -m imvo.pr_comment --problems problems.json --changed changed.txt \\
        --repository owner/repo --sha <head sha> --preview https://.../pr-12/ > comment.md
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

MARKER = "<!-- imvo-pr-comment -->"
"""The comment's first line: the workflow finds its own comment by it, and updates it."""
MAX_PROBLEMS = 60
"""At most this many problems per language in the comment (GitHub limits a comment to 65,536
characters); the rest are in the check's annotations."""
_COVENANT_RE = re.compile(r"^content/covenants/([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$")

WORDS = {
    "nl": {
        "title": "Controle van deze wijziging",
        "passed": "Geen fouten gevonden.",
        "failed": "Er is iets dat je moet aanpassen.",
        "not-run": "De controle is niet gelopen: open *Details* bij de controle hieronder.",
        "line": "regel",
        "more": "en nog {n} andere; je ziet ze allemaal bij *Files changed*.",
        "how": "Klik op een melding om naar de regel te gaan. Pas het bestand aan met het "
        "potlood-icoon; na het opslaan controleert GitHub de wijziging opnieuw en wordt dit "
        "bericht bijgewerkt.",
        "preview": "Voorbeeld van de site met deze wijziging",
        "pages": "Gewijzigde pagina's",
        "no-preview": "Er is (nog) geen voorbeeld van de site: het bouwen lukte niet of er is "
        "geen plek voor voorbeelden ingesteld.",
        "gone": "Het voorbeeld verdwijnt als deze pull request gesloten wordt.",
        "dutch": "Nederlands",
        "english": "Engels",
    },
    "en": {
        "title": "Check of this change",
        "passed": "No errors found.",
        "failed": "Something needs to be changed.",
        "not-run": "The check did not run: open *Details* next to the check below.",
        "line": "line",
        "more": "and {n} more; every one shows under *Files changed*.",
        "how": "Click a message to go to its line. Edit the file with the pencil icon; once "
        "you save, GitHub checks the change again and updates this comment.",
        "preview": "Preview of the site with this change",
        "pages": "Changed pages",
        "no-preview": "There is no preview of the site (yet): the build failed, or no place "
        "for previews is set up.",
        "gone": "The preview is removed when this pull request is closed.",
        "dutch": "Dutch",
        "english": "English",
    },
}


def changed_pages(changed: Sequence[str]) -> list[tuple[str, str, str]]:
    """The pages a change touches: (name, Dutch address, English address), relative to the
    site's root. A covenant file is its factsheet; a text is its page."""
    pages: dict[str, tuple[str, str, str]] = {}
    for name in changed:
        covenant = _COVENANT_RE.match(name.strip())
        if covenant:
            slug = covenant[1]
            pages[slug] = (slug, f"{slug}.html", f"en/{slug}.html")
    return sorted(pages.values())


def _escape(text: str) -> str:
    """Text from the content shown as text: no Markdown, no HTML, no mentions."""
    text = re.sub(r"([\\`*_{}\[\]()#+!|<>~])", r"\\\1", text)
    return text.replace("@", "@\u200b")


def _line_link(problem: dict[str, Any], server: str, repository: str, sha: str) -> str:
    path = str(problem.get("path", ""))
    line = int(problem.get("line", 1) or 1)
    return f"{server}/{repository}/blob/{sha}/{path}#L{line}"


def _section(
    lang: str,
    report: dict[str, Any] | None,
    pages: list[tuple[str, str, str]],
    preview: str,
    where: tuple[str, str, str],
) -> list[str]:
    words = WORDS[lang]
    lines = [f"### {words['title']}", ""]
    if report is None:
        lines += [words["not-run"], ""]
    else:
        lines.append(words["passed"] if report.get("errors", 0) == 0 else words["failed"])
        lines += [str(report.get("summary", {}).get(lang, "")), ""]
        problems = list(report.get("problems", []))
        for problem in problems[:MAX_PROBLEMS]:
            kind = {"warning": "⚠️", "hint": "💡"}.get(str(problem.get("severity")), "❌")
            place = problem.get("place", {}).get(lang, problem.get("field", ""))
            message = problem.get("message", {}).get(lang, "")
            link = _line_link(problem, *where)
            label = f"{_escape(str(problem.get('path', '')))} {words['line']} {problem.get('line')}"
            lines.append(f"- {kind} [{label}]({link}): {_escape(place)}: {_escape(message)}")
        if len(problems) > MAX_PROBLEMS:
            lines.append(f"- {words['more'].format(n=len(problems) - MAX_PROBLEMS)}")
        if problems:
            lines += ["", words["how"]]
        lines.append("")
    if preview:
        lines.append(f"**{words['preview']}:** {preview}")
        if pages:
            lines += ["", f"{words['pages']}:"]
            for name, dutch, english in pages:
                lines.append(
                    f"- {name}: [{words['dutch']}]({preview}{dutch}) · "
                    f"[{words['english']}]({preview}{english})"
                )
        lines += ["", words["gone"]]
    else:
        lines.append(words["no-preview"])
    return lines


def comment(
    report: dict[str, Any] | None,
    changed: Sequence[str],
    *,
    repository: str,
    sha: str,
    preview: str = "",
    server: str = "https://github.com",
) -> str:
    """The whole comment, Dutch first: problems with links to their lines, and the preview."""
    if preview and not preview.endswith("/"):
        preview += "/"
    pages = changed_pages(changed)
    where = (server, repository, sha)
    lines = [MARKER]
    lines += _section("nl", report, pages, preview, where)
    lines += ["", "---", ""]
    lines += _section("en", report, pages, preview, where)
    return "\n".join(lines).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Write the comment to standard output."""
    parser = argparse.ArgumentParser(description="The pull request's comment, in Markdown.")
    parser.add_argument("--problems", type=Path, required=True)
    parser.add_argument("--changed", type=Path, required=True)
    parser.add_argument("--repository", required=True)
    parser.add_argument("--sha", required=True)
    parser.add_argument("--preview", default="")
    parser.add_argument("--server", default="https://github.com")
    args = parser.parse_args(argv)
    report: dict[str, Any] | None = None
    if args.problems.is_file():
        try:
            loaded = json.loads(args.problems.read_text(encoding="utf-8"))
            report = loaded if isinstance(loaded, dict) else None
        except ValueError:
            report = None
    changed = (
        args.changed.read_text(encoding="utf-8").splitlines() if args.changed.is_file() else []
    )
    sys.stdout.write(
        comment(
            report,
            changed,
            repository=args.repository,
            sha=args.sha,
            preview=args.preview,
            server=args.server,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
