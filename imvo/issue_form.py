"""A value from an issue form's text, read as data: the file name of a new covenant.

GitHub writes a submitted issue form as Markdown, one `### <label>` heading per field with the
answer under it (`_No response_` when left empty). The "new agreement" workflow
(.github/workflows/new-covenant.yml) takes the file name from it, and uses it only when it is
a plain slug; nothing else of the issue is used. Standard library only::

    ISSUE_BODY="$body" python3 -m imvo.issue_form slug --output slug.txt --comment comment.md
    python3 -m imvo.issue_form pull-body --slug kunststof --issue 12 > body.md
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

SLUG_LABEL = "Bestandsnaam / File name"
"""The label of the form's field (.github/ISSUE_TEMPLATE/nieuw-convenant.yml, id `slug`)."""
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""A plain slug, as the content model's SLUG_PATTERN: lower-case letters, digits, hyphens."""
MAX_SLUG = 60
"""The longest file name taken (the page's address is made of it)."""
NO_RESPONSE = "_No response_"

REASONS = {
    "missing": (
        "Het formulier heeft geen bestandsnaam. Vul bij *Bestandsnaam* een korte naam in, zoals "
        "`kunststof`, en laat een beheerder het label opnieuw zetten.",
        "The form has no file name. Fill in *File name* with a short name, such as `kunststof`, "
        "and ask a maintainer to set the label again.",
    ),
    "not-plain": (
        "De bestandsnaam is geen gewone naam: gebruik alleen kleine letters, cijfers en "
        f"streepjes, zoals `kunststof` of `bouw-en-infra` (hoogstens {MAX_SLUG} tekens). Pas het "
        "formulier aan en laat een beheerder het label opnieuw zetten.",
        "The file name is not a plain name: use lower-case letters, digits and hyphens only, "
        f"such as `kunststof` or `bouw-en-infra` (at most {MAX_SLUG} characters). Edit the form "
        "and ask a maintainer to set the label again.",
    ),
}
"""Why no file was made, in Dutch and English: said without repeating what was typed."""


def field(body: str, label: str) -> str | None:
    """The answer under the first `### <label>` heading; None when there is none or it is
    left empty."""
    lines = body.replace("\r\n", "\n").split("\n")
    for index, line in enumerate(lines):
        if line.strip() == f"### {label}":
            answer: list[str] = []
            for rest in lines[index + 1 :]:
                if rest.startswith("### "):
                    break
                answer.append(rest)
            text = "\n".join(answer).strip()
            return None if text in ("", NO_RESPONSE) else text
    return None


def slug(body: str) -> tuple[str | None, str]:
    """The file name from the form, and '' when it is a plain slug; else None and the reason
    ('missing' or 'not-plain')."""
    value = field(body, SLUG_LABEL)
    if value is None:
        return None, "missing"
    if len(value) > MAX_SLUG or not SLUG_RE.match(value):
        return None, "not-plain"
    return value, ""


def pull_body(slug_: str, issue: int) -> str:
    """The text of the pull request with the starter file, in Dutch and English."""
    path = f"content/covenants/{slug_}.yaml"
    return (
        f"Het begin van `{path}`, gemaakt met `python build.py new {slug_}` voor issue "
        f"#{issue}. Vul het in op GitHub: open het bestand in deze branch (*Files changed* → "
        '*⋯* → *Edit file*), vul elke `""` in en haal het `#` weg bij de andere velden die je '
        "gebruikt. Bij je eerste wijziging controleert GitHub het bestand en komt er een "
        "bericht met alle meldingen.\n\n"
        f"The start of `{path}`, written by `python build.py new {slug_}` for issue #{issue}. "
        "Fill it in on GitHub: open the file in this branch (*Files changed* → *⋯* → *Edit "
        'file*), fill in every `""` and remove the `#` of the other fields you use. With your '
        "first change GitHub checks the file and comments with every problem.\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """`slug`: write the slug to --output (exit 0), or the reason as a comment to --comment
    (exit 1). `pull-body`: print the pull request's text for a (plain) slug."""
    parser = argparse.ArgumentParser(description="The new covenant's file name from the form.")
    commands = parser.add_subparsers(dest="command", required=True)
    read = commands.add_parser("slug", help="the file name from the issue's text")
    read.add_argument("--body-env", default="ISSUE_BODY", help="the env variable with the body")
    read.add_argument("--output", type=Path, required=True)
    read.add_argument("--comment", type=Path, required=True)
    body = commands.add_parser("pull-body", help="the pull request's text")
    body.add_argument("--slug", required=True)
    body.add_argument("--issue", type=int, required=True)
    args = parser.parse_args(argv)
    if args.command == "pull-body":
        if not SLUG_RE.match(args.slug) or len(args.slug) > MAX_SLUG:
            print("not a plain file name", file=sys.stderr)
            return 1
        sys.stdout.write(pull_body(args.slug, args.issue))
        return 0
    found, reason = slug(os.environ.get(args.body_env, ""))
    if found is None:
        dutch, english = REASONS[reason]
        args.comment.write_text(f"{dutch}\n\n{english}\n", encoding="utf-8")
        print(f"No plain file name in the form ({reason}).", file=sys.stderr)
        return 1
    args.output.write_text(found, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
