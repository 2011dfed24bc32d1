"""The comment on a pull request: everything that made it red in one place (every problem of
`check --format json`, and any build or test that failed), in Dutch and English, each problem
with links to its line and to GitHub's editor on the pull request's own branch; the date
reminders in a section of their own; and the preview, or why there is none.

Run by .github/workflows/pr-comment.yml from the default branch's code (never the pull
request's) with the system Python: it uses the standard library only, and reads the pull
request's files as data, never as code::

    python3 -m imvo.editors.pr_comment --problems problems.json --changed changed.z \\
        --pull pull.json --jobs jobs.json --repository owner/repo --sha <head sha> \\
        --run-url https://github.com/owner/repo/actions/runs/1 \\
        --preview https://.../pr-12/ --preview-status published > comment.md

Every text that comes from the pull request (file names, messages, job names) is escaped:
no Markdown, no HTML, no link, no mention, no issue reference can come from it. Every
address is built here, with each part from the pull request percent-encoded.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

MARKER = "<!-- imvo-pr-comment -->"
"""The comment's first line: the workflow finds its own comment by it (and by its author,
BOT), and updates it."""
BOT = "github-actions[bot]"
"""The author of the comment: the workflow updates only a comment of this author."""
MAX_PROBLEMS = 60
"""At most this many problems per language in the comment (GitHub limits a comment to 65,536
characters); the rest are in the check's annotations."""
MAX_REMINDERS = 40
"""At most this many reminders per language in the comment."""
MAX_CHARS = 65_000
"""GitHub refuses a comment over 65,536 characters: the lists are shortened below this."""
MAX_NAME = 200
"""A name from the pull request (a file, a job) is cut to this many characters."""

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
TEXT_PAGES: dict[str, tuple[str, str]] = {
    "index": ("index", "index"),
    "how-it-works": ("hoe-werkt-een-convenant", "how-it-works"),
    "now": ("wat-geldt-nu", "what-applies-now"),
    "results": ("werkten-de-convenanten", "did-the-agreements-work"),
    "framework": ("internationaal-kader", "international-framework"),
    "about": ("over-deze-site", "about"),
    "accessibility": ("toegankelijkheid", "accessibility"),
}
"""The text pages' file names (Dutch, English) by key, as imvo/render/page_list.py has them (a test
keeps the two the same: this module may not import the content model)."""
GENERATED_PAGES: dict[str, tuple[str, str]] = {
    "participants": ("doet-mijn-organisatie-mee", "is-my-organisation-taking-part"),
    "law": ("geldt-de-csrd-of-csddd", "does-the-csrd-or-csddd-apply"),
    "parties": ("partijen", "parties"),
    "glossary": ("begrippen", "glossary"),
    "due-diligence": ("due-diligence", "due-diligence"),
}
"""The generated pages a registry file changes, as imvo/render/page_list.py names them."""
REGISTRIES = {
    "content/parties.yaml": "parties",
    "content/glossary.yaml": "glossary",
    "content/due-diligence.yaml": "due-diligence",
    "content/law.yaml": "law",
}
"""A registry file and the page that shows it."""
_COVENANT_RE = re.compile(rf"^content/covenants/({SLUG})\.yaml$")
_PARTICIPANTS_RE = re.compile(rf"^content/participants/({SLUG})\.yaml$")
_TEXT_RE = re.compile(rf"^content/texts/({SLUG})\.(?:nl|en)\.md$")
_REPOSITORY_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")
_PREVIEW_RE = re.compile(r"^https://[a-z0-9-]+\.github\.io/[A-Za-z0-9._-]+/pr-[0-9]+/$")
_SHA_RE = re.compile(r"^[0-9a-f]{40}$")
_SAFE_PATH_RE = re.compile(r"^[^/\x00-\x1f\x7f]+(?:/[^/\x00-\x1f\x7f]+)*$")

PREVIEW_STATES = (
    "none",
    "published",
    "no-site",
    "fork-code",
    "unknown-files",
    "no-token",
    "token",
    "busy",
)
"""What became of the preview: published, or why not (see WORDS, 'preview-<state>')."""

WORDS = {
    "nl": {
        "title": "Controle van deze wijziging",
        "passed": "Geen fouten gevonden.",
        "failed": "Er is iets dat je moet aanpassen.",
        "not-run": "De controle is niet gelopen: open *Details* bij de controle hieronder.",
        "line": "regel",
        "view": "bekijken",
        "edit": "bewerken",
        "more": "en nog {n} andere; je ziet ze allemaal bij *Files changed*.",
        "how": "Klik op *bewerken* om de regel in GitHub aan te passen, in de branch van deze "
        "pull request; na het opslaan controleert GitHub de wijziging opnieuw en wordt dit "
        "bericht bijgewerkt.",
        "jobs": "Wat verder misging",
        "job-build": "Het bouwen van de site is mislukt.",
        "job-test": "De tests (`make test`) zijn mislukt.",
        "job-properdocs": "Het bouwen en testen op properdocs is mislukt.",
        "job-check": "De controle is mislukt, zonder meldingen in dit bericht.",
        "job-other": "Mislukt: {name}.",
        "job-link": "bekijk wat er gebeurde",
        "reminders": "Herinneringen",
        "reminders-intro": "Deze herinneringen hangen af van de datum van vandaag. Ze laten de "
        "controle niet falen en houden niets tegen; kijk ernaar als je tijd hebt.",
        "reminders-more": "en nog {n} andere; `python build.py check` toont ze allemaal.",
        "preview": "Voorbeeld van de site met deze wijziging",
        "pages": "Gewijzigde pagina's",
        "preview-none": "Er is geen voorbeeld van de site.",
        "preview-no-site": "Er is geen voorbeeld van de site: het bouwen lukte niet.",
        "preview-fork-code": "Er is geen voorbeeld van de site: deze pull request komt uit een "
        "fork en verandert meer dan `content/`. Een beheerder bekijkt de wijziging eerst.",
        "preview-unknown-files": "Er is geen voorbeeld van de site: de gewijzigde bestanden "
        "konden niet worden gelezen. Een beheerder kan de controle opnieuw starten.",
        "preview-no-token": "Er is geen voorbeeld van de site: er is geen plek voor "
        "voorbeelden ingesteld (README, *Previews of pull requests*).",
        "preview-token": "Het voorbeeld kon niet worden gepubliceerd: de toegang tot de "
        "voorbeeldensite (het token `PREVIEW_TOKEN`) is verlopen of ongeldig. Een beheerder "
        "moet een nieuw token instellen; daarna komt het voorbeeld bij de volgende wijziging.",
        "preview-busy": "Het voorbeeld kon niet worden gepubliceerd: een andere pull request "
        "publiceerde op hetzelfde moment een voorbeeld. Het komt bij de volgende wijziging, of "
        "als een beheerder deze controle opnieuw start.",
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
        "view": "view",
        "edit": "edit",
        "more": "and {n} more; every one shows under *Files changed*.",
        "how": "Click *edit* to change the line on GitHub, in this pull request's branch; once "
        "you save, GitHub checks the change again and updates this comment.",
        "jobs": "What else went wrong",
        "job-build": "Building the site failed.",
        "job-test": "The tests (`make test`) failed.",
        "job-properdocs": "Building and testing on properdocs failed.",
        "job-check": "The check failed, without problems in this comment.",
        "job-other": "Failed: {name}.",
        "job-link": "see what happened",
        "reminders": "Reminders",
        "reminders-intro": "These reminders depend on today's date. They never fail the check "
        "and stop nothing; look at them when you have time.",
        "reminders-more": "and {n} more; `python build.py check` shows every one.",
        "preview": "Preview of the site with this change",
        "pages": "Changed pages",
        "preview-none": "There is no preview of the site.",
        "preview-no-site": "There is no preview of the site: the build failed.",
        "preview-fork-code": "There is no preview of the site: this pull request comes from a "
        "fork and changes more than `content/`. A maintainer looks at the change first.",
        "preview-unknown-files": "There is no preview of the site: the changed files could not "
        "be read. A maintainer can run the check again.",
        "preview-no-token": "There is no preview of the site: no place for previews is set up "
        "(README, *Previews of pull requests*).",
        "preview-token": "The preview could not be published: the access to the previews site "
        "(the token `PREVIEW_TOKEN`) has expired or is not valid. A maintainer must set a new "
        "token; the preview then comes with the next change.",
        "preview-busy": "The preview could not be published: another pull request published a "
        "preview at the same moment. It comes with the next change, or when a maintainer runs "
        "this check again.",
        "gone": "The preview is removed when this pull request is closed.",
        "dutch": "Dutch",
        "english": "English",
    },
}

KNOWN_STEPS = {
    "Build the site": "job-build",
    "Lint and test, as the README says": "job-test",
    "Build and test on properdocs": "job-properdocs",
    "Check the content (warnings fail too)": "job-check",
}
"""Steps of the "Pull request" workflow whose failure the comment words itself."""
FAILED = ("failure", "timed_out")


def changed_pages(changed: Sequence[str]) -> list[tuple[str, str, str]]:
    """The pages a change touches: (name, Dutch address, English address), relative to the
    site's root. A covenant file is its factsheet; a participants file is its covenant's
    factsheet and the participants page; a registry (parties, glossary, due diligence, law) is
    its page; a text is its page."""
    pages: dict[str, tuple[str, str, str]] = {}

    def add(nl: str, en: str) -> None:
        pages[nl] = (nl, f"{nl}.html", f"en/{en}.html")

    for name in (line.strip() for line in changed):
        if match := _COVENANT_RE.match(name):
            add(match[1], match[1])
        elif match := _PARTICIPANTS_RE.match(name):
            add(match[1], match[1])
            add(*GENERATED_PAGES["participants"])
        elif name in REGISTRIES:
            add(*GENERATED_PAGES[REGISTRIES[name]])
        elif (match := _TEXT_RE.match(name)) and match[1] in TEXT_PAGES:
            add(*TEXT_PAGES[match[1]])
    return sorted(pages.values())


_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2069]")
_MARKDOWN_RE = re.compile(r"([\\`*_{}\[\]()#+!|<>~&$])")
_BREAK = "\u200b"
"""A zero-width space: put after '@', '#', 'GH-', inside '://' and 'www.', it keeps GitHub
from turning the text into a mention, an issue reference or a link."""
_LINKING_RE = re.compile(r"(@|\\#|(?i:\bgh-)|:(?=//)|(?i:\bwww)(?=\.))")


def escape(text: str, limit: int = 0) -> str:
    """Text from the pull request shown as text: one line, no Markdown, no HTML, no link,
    no mention, no issue reference."""
    text = str(text)
    if limit and len(text) > limit:
        text = text[:limit] + "…"
    text = _CONTROL_RE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
    text = _MARKDOWN_RE.sub(r"\\\1", text)
    return _LINKING_RE.sub(lambda m: m[0] + _BREAK, text)


def fenced(text: str, info: str = "text") -> str:
    """Text from elsewhere shown as it is, in a fenced code block whose fence is longer than
    any run of backticks in it: no Markdown, link, mention or HTML can come from it."""
    text = _CONTROL_RE.sub(
        lambda m: m[0] if m[0] in "\n\t" else f"\\u{ord(m[0]):04x}", str(text)
    ).rstrip("\n")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text}\n{fence}"


def _safe_path(path: str) -> str | None:
    """A repository path fit for an address, percent-encoded; None for one that is not a
    plain relative path (empty, absolute, with '.' or '..' parts or control characters)."""
    if not _SAFE_PATH_RE.match(path) or any(part in (".", "..") for part in path.split("/")):
        return None
    return quote(path, safe="/")


def _links(
    problem: dict[str, Any], where: dict[str, str], words: dict[str, str]
) -> tuple[str, str]:
    """The problem's place as text ('content/x.yaml regel 3') and its links (view, edit)."""
    path = str(problem.get("path", ""))
    try:
        line = max(1, int(problem.get("line", 1) or 1))
    except (TypeError, ValueError):
        line = 1
    label = f"{escape(path, MAX_NAME)} {words['line']} {line}"
    safe = _safe_path(path)
    if safe is None:
        return label, ""
    server, repository, sha = where["server"], where["repository"], where["sha"]
    links = [f"[{words['view']}]({server}/{repository}/blob/{sha}/{safe}#L{line})"]
    if where.get("head_repository") and where.get("head_ref"):
        branch = quote(where["head_ref"], safe="/")
        edit = f"{server}/{where['head_repository']}/edit/{branch}/{safe}#L{line}"
        links.append(f"[{words['edit']}]({edit})")
    return label, " · ".join(links)


def problem_line(
    problem: dict[str, Any], lang: str, where: dict[str, str], words: dict[str, str]
) -> str:
    kinds = {"warning": "⚠️", "reminder": "🔔", "hint": "💡"}
    kind = kinds.get(str(problem.get("severity")), "❌")
    places = problem.get("place")
    messages = problem.get("message")
    place = places.get(lang, "") if isinstance(places, dict) else problem.get("field", "")
    message = messages.get(lang, "") if isinstance(messages, dict) else ""
    label, links = _links(problem, where, words)
    links = f" ({links})" if links else ""
    return f"- {kind} {label}{links}: {escape(place)}: {escape(message)}"


def _failed_steps(jobs: list[dict[str, Any]], where: dict[str, str]) -> list[tuple[str, str]]:
    """Each failed job of the "Pull request" run: (the step's code or its name, the link)."""
    found: list[tuple[str, str]] = []
    prefix = f"{where['server']}/{where['repository']}/actions/runs/"
    for job in jobs:
        if not isinstance(job, dict) or job.get("conclusion") not in FAILED:
            continue
        url = str(job.get("html_url") or "")
        if not url.startswith(prefix) or not re.match(r"^[0-9]+/job/[0-9]+$", url[len(prefix) :]):
            url = where.get("run_url", "")
        listed = job.get("steps")
        steps = [s for s in listed if isinstance(s, dict)] if isinstance(listed, list) else []
        failed = [str(s.get("name", "")) for s in steps if s.get("conclusion") in FAILED]
        for name in failed or [str(job.get("name", ""))]:
            found.append((KNOWN_STEPS.get(name, name), url))
    return found


def _jobs_lines(failed: list[tuple[str, str]], words: dict[str, str], problems: int) -> list[str]:
    lines = []
    for code, url in failed:
        if code == "job-check" and problems:
            continue  # its problems are listed above
        text = words[code] if code in words else words["job-other"].format(name=escape(code, 200))
        lines.append(f"- ❌ {text}" + (f" [{words['job-link']}]({url})" if url else ""))
    return lines


def _section(
    lang: str,
    report: dict[str, Any] | None,
    failed: list[tuple[str, str]],
    pages: list[tuple[str, str, str]],
    preview: tuple[str, str],
    where: dict[str, str],
    limits: tuple[int, int] = (MAX_PROBLEMS, MAX_REMINDERS),
) -> list[str]:
    words = WORDS[lang]
    max_problems, max_reminders = limits
    lines = [f"### {words['title']}", ""]
    listed = (report or {}).get("problems")
    all_problems = [p for p in listed if isinstance(p, dict)] if isinstance(listed, list) else []
    problems = [p for p in all_problems if p.get("severity") != "reminder"]
    reminders = [p for p in all_problems if p.get("severity") == "reminder"]
    if report is None:
        lines += [words["not-run"], ""]
    else:
        passed = report.get("passed", report.get("errors", 0) == 0) is True
        red = not passed or bool(failed)
        lines.append(words["failed"] if red else words["passed"])
        summary = report.get("summary")
        if isinstance(summary, dict) and summary.get(lang):
            lines.append(escape(summary[lang]))
        lines.append("")
        for problem in problems[:max_problems]:
            lines.append(problem_line(problem, lang, where, words))
        if len(problems) > max_problems:
            lines.append(f"- {words['more'].format(n=len(problems) - max_problems)}")
        if problems:
            lines += ["", words["how"]]
        lines.append("")
    jobs = _jobs_lines(failed, words, len(problems))
    if jobs:
        lines += [f"**{words['jobs']}:**", "", *jobs, ""]
    if reminders:
        lines += [f"#### {words['reminders']}", "", words["reminders-intro"], ""]
        for problem in reminders[:max_reminders]:
            lines.append(problem_line(problem, lang, where, words))
        if len(reminders) > max_reminders:
            more = words["reminders-more"].format(n=len(reminders) - max_reminders)
            lines.append(f"- {more}")
        lines.append("")
    url, state = preview
    if url:
        lines.append(f"**{words['preview']}:** {url}")
        if pages:
            lines += ["", f"{words['pages']}:"]
            for name, dutch, english in pages:
                lines.append(
                    f"- {name}: [{words['dutch']}]({url}{dutch}) · "
                    f"[{words['english']}]({url}{english})"
                )
        lines += ["", words["gone"]]
    else:
        lines.append(words[f"preview-{state}"])
    return lines


def comment(
    report: dict[str, Any] | None,
    changed: Sequence[str],
    *,
    repository: str,
    sha: str,
    preview: str = "",
    preview_status: str = "",
    pull: dict[str, Any] | None = None,
    jobs: list[dict[str, Any]] | None = None,
    run_url: str = "",
    server: str = "https://github.com",
) -> str:
    """The whole comment, Dutch first: what made the pull request red (problems with links to
    their lines and to the editor, failed builds and tests), the reminders, and the preview."""
    if preview and not preview.endswith("/"):
        preview += "/"
    if not _PREVIEW_RE.match(preview):
        preview = ""
    state = preview_status if preview_status in PREVIEW_STATES else "none"
    if state == "published" and not preview:
        state = "no-site"
    if state != "published":
        preview = ""
    where = {"server": server, "repository": repository, "sha": sha, "run_url": ""}
    if not _REPOSITORY_RE.match(repository) or not _SHA_RE.match(sha):
        raise ValueError("repository must be owner/name and sha a full commit id")
    if run_url.startswith(f"{server}/{repository}/actions/runs/") and re.match(
        r"^[0-9]+(?:/attempts/[0-9]+)?$", run_url.rsplit("/runs/", 1)[1]
    ):
        where["run_url"] = run_url
    head = (pull or {}).get("head")
    if isinstance(head, dict):
        repo = head.get("repo")
        name = repo.get("full_name") if isinstance(repo, dict) else None
        ref = head.get("ref")
        if isinstance(name, str) and _REPOSITORY_RE.match(name) and isinstance(ref, str) and ref:
            where["head_repository"], where["head_ref"] = name, ref
    failed = _failed_steps(jobs if isinstance(jobs, list) else [], where)
    pages = changed_pages(changed)
    # The lists are shortened until the whole comment fits in one GitHub comment.
    limits = (MAX_PROBLEMS, MAX_REMINDERS)
    while True:
        lines = [MARKER]
        lines += _section("nl", report, failed, pages, (preview, state), where, limits)
        lines += ["", "---", ""]
        lines += _section("en", report, failed, pages, (preview, state), where, limits)
        text = "\n".join(lines).rstrip() + "\n"
        if len(text) <= MAX_CHARS or limits == (0, 0):
            return text[:MAX_CHARS]
        limits = (limits[0] // 2, limits[1] // 2)


def _read_json(path: Path | None) -> Any:
    """A JSON file's data, or None when it is missing or not JSON."""
    if path is None or not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None


def read_changed(path: Path | None) -> list[str]:
    """The changed files' names: NUL-separated (git diff -z), or one a line."""
    if path is None or not path.is_file():
        return []
    data = path.read_bytes().decode("utf-8", errors="replace")
    return [name for name in (data.split("\0") if "\0" in data else data.splitlines()) if name]


def main(argv: Sequence[str] | None = None) -> int:
    """Write the comment to standard output."""
    parser = argparse.ArgumentParser(description="The pull request's comment, in Markdown.")
    parser.add_argument("--problems", type=Path, required=True)
    parser.add_argument("--changed", type=Path, required=True)
    parser.add_argument("--pull", type=Path, default=None, help="the pull request, from the API")
    parser.add_argument("--jobs", type=Path, default=None, help="the run's jobs, from the API")
    parser.add_argument("--repository", required=True)
    parser.add_argument("--sha", required=True)
    parser.add_argument("--run-url", default="")
    parser.add_argument("--preview", default="")
    parser.add_argument("--preview-status", default="", choices=("", *PREVIEW_STATES))
    parser.add_argument("--server", default="https://github.com")
    args = parser.parse_args(argv)
    report = _read_json(args.problems)
    pull = _read_json(args.pull)
    jobs = _read_json(args.jobs)
    sys.stdout.write(
        comment(
            report if isinstance(report, dict) else None,
            read_changed(args.changed),
            repository=args.repository,
            sha=args.sha,
            preview=args.preview,
            preview_status=args.preview_status or ("published" if args.preview else ""),
            pull=pull if isinstance(pull, dict) else None,
            jobs=jobs.get("jobs") if isinstance(jobs, dict) else None,
            run_url=args.run_url,
            server=args.server,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
