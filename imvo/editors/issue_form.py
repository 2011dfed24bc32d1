"""Values from an issue form's text, read as data: the file name of a new covenant, and the
inputs of a participants import.

GitHub writes a submitted issue form as Markdown, one `### <label>` heading per field with the
answer under it (`_No response_` when left empty). The "new agreement" workflow
(.github/workflows/new-covenant.yml) takes the file name from it, and uses it only when it is
a plain slug; nothing else of the issue is used. Standard library only::

    ISSUE_BODY="$body" python3 -m imvo.editors.issue_form slug --output slug.txt --comment
    comment.md
    python3 -m imvo.editors.issue_form pull-body --slug kunststof --issue 12 > body.md
    ISSUE_BODY="$body" python3 -m imvo.editors.issue_form import --output inputs.json --comment c.md
"""

from __future__ import annotations

import argparse
import json
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


IMPORT_LABELS = {
    "covenant": "Convenant / Covenant",
    "names": "Namen / Names",
    "source_url": "Adres van de bron / Address of the source",
    "source_title": "Titel van de bron / Title of the source",
    "source_date": "Publicatiedatum / Publication date",
}
"""The fields of the form "Deelnemers importeren / Import participants" by the import
workflow's input names (.github/ISSUE_TEMPLATE/deelnemers-importeren.yml)."""
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
URL_RE = re.compile(r"^https?://\S+$")
MAX_NAMES = 60_000
"""The most characters of names one import takes (a workflow's inputs hold 65,535)."""

IMPORT_REASONS = {
    "covenant": (
        "*Convenant* is geen bestandsnaam: schrijf hem zoals `pensioenfondsen`.",
        "*Covenant* is not a file name: write it like `pensioenfondsen`.",
    ),
    "names": (
        f"*Namen* is leeg of langer dan {MAX_NAMES} tekens: splits de lijst in delen.",
        f"*Names* is empty or longer than {MAX_NAMES} characters: split the list.",
    ),
    "source_url": (
        "*Adres van de bron* is geen webadres: begin met `https://`.",
        "*Address of the source* is not a web address: start it with `https://`.",
    ),
    "source_title": (
        "*Titel van de bron* ontbreekt of is langer dan één regel.",
        "*Title of the source* is missing or longer than one line.",
    ),
    "source_date": (
        "*Publicatiedatum* is geen datum als `2024-05-01`.",
        "*Publication date* is not a date like `2024-05-01`.",
    ),
}
"""Why the import did not start, in Dutch and English, without repeating what was typed."""


def import_inputs(body: str) -> tuple[dict[str, str], list[str]]:
    """The import workflow's inputs from the form, and the fields that are not usable."""
    values = {key: field(body, label) or "" for key, label in IMPORT_LABELS.items()}
    wrong = []
    if not SLUG_RE.match(values["covenant"]) or len(values["covenant"]) > MAX_SLUG:
        wrong.append("covenant")
    if not values["names"] or len(values["names"]) > MAX_NAMES:
        wrong.append("names")
    if not URL_RE.match(values["source_url"]) or len(values["source_url"]) > 2000:
        wrong.append("source_url")
    title = values["source_title"]
    if not title or "\n" in title or len(title) > 300:
        wrong.append("source_title")
    if values["source_date"] and not DATE_RE.match(values["source_date"]):
        wrong.append("source_date")
    return values, wrong


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
    inputs = commands.add_parser("import", help="the import's inputs from the issue's text")
    inputs.add_argument("--body-env", default="ISSUE_BODY", help="the env variable with the body")
    inputs.add_argument("--output", type=Path, required=True, help="the inputs as JSON")
    inputs.add_argument("--comment", type=Path, required=True)
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
    if args.command == "import":
        values, wrong = import_inputs(os.environ.get(args.body_env, ""))
        if wrong:
            lines = [f"- {IMPORT_REASONS[key][0]}" for key in wrong]
            lines += [""] + [f"- {IMPORT_REASONS[key][1]}" for key in wrong]
            args.comment.write_text("\n".join(lines) + "\n", encoding="utf-8")
            print(f"The form cannot start the import ({', '.join(wrong)}).", file=sys.stderr)
            return 1
        args.output.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
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
