"""The pull request's comment and preview: every problem in Dutch and English with a link to
its line, the changed pages' preview addresses, and workflows that never run a pull
request's code with a write token."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from imvo.cli import main
from imvo.editors.pr_comment import (
    GENERATED_PAGES,
    KNOWN_STEPS,
    MARKER,
    PREVIEW_STATES,
    TEXT_PAGES,
    WORDS,
    changed_pages,
    comment,
    read_changed,
)
from imvo.editors.pr_comment import main as pr_comment_main
from imvo.render import page_list as pages

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "content"
SHA = "0123456789abcdef0123456789abcdef01234567"


def load(name: str) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.load(
        (WORKFLOWS / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader
    )
    return data


@pytest.fixture
def report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> dict[str, Any]:
    """What `check --strict --format json` says of the fixture with one wrong party."""
    shutil.copytree(FIXTURES, tmp_path / "content")
    path = tmp_path / "content" / "covenants" / "voorbeeld.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("party: fnv", "party: fvn"))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--strict", "--format", "json"]) == 1
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    return result


PULL = {"head": {"repo": {"full_name": "editor/site"}, "ref": "patch-1"}}
"""The pull request as GitHub's API gives it: its head is a branch of a fork."""


def test_the_comment_lists_every_problem_in_dutch_then_english(report: dict[str, Any]) -> None:
    text = comment(
        report,
        ["content/covenants/voorbeeld.yaml", "README.md"],
        repository="org/site",
        sha=SHA,
        preview="https://org.github.io/site-previews/pr-7",
        preview_status="published",
        pull=PULL,
    )
    lines = text.splitlines()
    assert lines[0] == MARKER
    view = f"https://github.com/org/site/blob/{SHA}/content/covenants/voorbeeld.yaml#L37"
    edit = "https://github.com/editor/site/edit/patch-1/content/covenants/voorbeeld.yaml#L37"
    dutch = (
        f"- ❌ content/covenants/voorbeeld.yaml regel 37 ([bekijken]({view}) · "
        f"[bewerken]({edit})): eerste partij, party: er is geen partij 'fvn' in "
        "content/parties.yaml; bedoel je 'fnv'?"
    )
    english = (
        f"- ❌ content/covenants/voorbeeld.yaml line 37 ([view]({view}) · [edit]({edit})): "
        "first party, party: no party 'fvn' in content/parties.yaml; did you mean 'fnv'?"
    )
    assert dutch in lines and english in lines
    assert lines.index(dutch) < lines.index("---") < lines.index(english)
    assert "1 fout in 1 bestand." in lines and "1 error in 1 file." in lines
    assert (
        "- voorbeeld: [Nederlands](https://org.github.io/site-previews/pr-7/voorbeeld.html) · "
        "[Engels](https://org.github.io/site-previews/pr-7/en/voorbeeld.html)"
    ) in lines
    assert "Het voorbeeld verdwijnt als deze pull request gesloten wordt." in lines


def test_without_a_report_or_preview_the_comment_says_so() -> None:
    text = comment(None, [], repository="org/site", sha=SHA)
    assert "De controle is niet gelopen" in text and "The check did not run" in text
    assert "Er is geen voorbeeld van de site." in text
    assert "There is no preview of the site." in text


@pytest.mark.parametrize(
    ("status", "dutch", "english"),
    [
        ("token", "het token `PREVIEW_TOKEN`) is verlopen", "`PREVIEW_TOKEN`) has expired"),
        (
            "busy",
            "een andere pull request publiceerde op hetzelfde moment",
            "another pull request published a preview at the same moment",
        ),
        ("no-site", "het bouwen lukte niet", "the build failed"),
        ("fork-code", "uit een fork en verandert meer dan", "fork and changes more than"),
        ("no-token", "er is geen plek voor voorbeelden", "no place for previews is set up"),
        ("unknown-files", "konden niet worden gelezen", "could not be read"),
    ],
)
def test_the_comment_says_why_there_is_no_preview(status: str, dutch: str, english: str) -> None:
    report = {"errors": 0, "passed": True, "summary": {"nl": "", "en": ""}, "problems": []}
    text = comment(report, [], repository="org/site", sha=SHA, preview_status=status)
    assert dutch in text and english in text
    assert "Geen fouten gevonden." in text and "github.io" not in text
    others = [s for s in PREVIEW_STATES if s not in (status, "published")]
    for other in others:
        assert WORDS["en"][f"preview-{other}"] not in text


def test_a_preview_not_on_a_previews_site_is_not_linked() -> None:
    text = comment(
        None,
        ["content/covenants/textiel.yaml"],
        repository="org/site",
        sha=SHA,
        preview="https://evil.example/pr-7/",
        preview_status="published",
    )
    assert "evil" not in text and "Er is geen voorbeeld van de site: het bouwen" in text


def _problem(path: str, message: str, severity: str = "error") -> dict[str, Any]:
    return {
        "path": path,
        "line": 3,
        "field": "a",
        "severity": severity,
        "place": {"nl": "a", "en": "a"},
        "message": {"nl": message, "en": message},
    }


def test_text_from_the_pull_request_cannot_become_markdown_or_a_mention() -> None:
    report = {
        "errors": 1,
        "summary": {"nl": "1 fout", "en": "1 error"},
        "problems": [
            _problem(
                "content/covenants/x.yaml",
                "[klik](https://evil.example) @org/team <img> #12 www.evil.example &#64;x GH-3 $x$",
            )
        ],
    }
    text = comment(report, [], repository="org/site", sha=SHA)
    assert "\\[klik\\]\\(https:\u200b//evil.example\\)" in text
    assert "@\u200borg/team" in text and "\\<img\\>" in text
    assert "\\#\u200b12" in text and "www\u200b.evil.example" in text
    assert "\\&\\#\u200b64;x" in text and "GH-\u200b3" in text and "\\$x\\$" in text


@pytest.mark.parametrize(
    "name",
    [
        "content/covenants/[x](https:/evil.example).yaml",
        "content/covenants/@org-team.yaml",
        "content/covenants/<img src=x onerror=alert(1)>.yaml",
        "content/covenants/x\n\n# Kop.yaml",
        "content/covenants/www.evil.example.yaml",
        "content/covenants/a) [b](evil.example).yaml",
        "content/covenants/a) [b](https://evil.example.yaml",
        "content/covenants/\u202egnp.yaml",
    ],
)
def test_a_file_name_cannot_become_a_link_a_mention_or_html(name: str) -> None:
    report = {"errors": 1, "summary": {}, "problems": [_problem(name, "m")]}
    text = comment(report, [name], repository="org/site", sha=SHA, pull=PULL)
    (line,) = [line for line in text.splitlines() if line.startswith("- ❌") and "regel" in line]
    # The only links on the line are the two this module builds, each to github.com (none
    # for a name with a line break or an empty part in it: that is no path to link to).
    targets = re.findall(r"\]\(([^)]*)\)", line)
    assert len(targets) == (0 if "\n" in name or "//" in name else 2)
    prefixes = ("https://github.com/org/site/blob/", "https://github.com/editor/site/edit/")
    assert all(target.startswith(prefixes) for target in targets)
    for target in targets:
        assert not re.search(r"[\s()<>\[\]@\u202e]", target), target
    label = line.split(" regel 3 ")[0]
    assert "<" not in label.replace("\\<", "")
    assert label.count("@") == label.count("@\u200b")
    assert "\n" not in line and "\u202e" not in line
    assert "www." not in line.split(" (")[0]


def test_a_path_that_leaves_the_repository_gets_no_link() -> None:
    report = {"errors": 1, "summary": {}, "problems": [_problem("content/../../x", "m")]}
    text = comment(report, [], repository="org/site", sha=SHA, pull=PULL)
    line = next(line for line in text.splitlines() if line.startswith("- ❌"))
    assert "](" not in line


def test_a_branch_name_is_percent_encoded_in_the_edit_link() -> None:
    pull = {"head": {"repo": {"full_name": "editor/site"}, "ref": "fix/a)b#c"}}
    report = {"errors": 1, "summary": {}, "problems": [_problem("content/x.yaml", "m")]}
    text = comment(report, [], repository="org/site", sha=SHA, pull=pull)
    assert "(https://github.com/editor/site/edit/fix/a%29b%23c/content/x.yaml#L3)" in text


def test_failed_build_and_tests_are_listed_with_a_link_to_their_run() -> None:
    run = "https://github.com/org/site/actions/runs/5"
    jobs = [
        {
            "name": "Check the content and build the site",
            "conclusion": "failure",
            "html_url": f"{run}/job/8",
            "steps": [
                {"name": "Check the content (warnings fail too)", "conclusion": "success"},
                {"name": "Build the site", "conclusion": "failure"},
            ],
        },
        {
            "name": "Lint and test (make test)",
            "conclusion": "failure",
            "html_url": "https://evil.example/x",
            "steps": [{"name": "Lint and test, as the README says", "conclusion": "failure"}],
        },
        {"name": "[x](https://evil.example) @team", "conclusion": "failure", "steps": []},
        {"name": "Build and test on properdocs", "conclusion": "success", "steps": []},
    ]
    report = {"errors": 0, "passed": True, "summary": {"nl": "", "en": ""}, "problems": []}
    text = comment(report, [], repository="org/site", sha=SHA, jobs=jobs, run_url=run)
    lines = text.splitlines()
    assert "Er is iets dat je moet aanpassen." in lines and "Geen fouten gevonden." not in text
    assert f"- ❌ Het bouwen van de site is mislukt. [bekijk wat er gebeurde]({run}/job/8)" in lines
    assert f"- ❌ De tests (`make test`) zijn mislukt. [bekijk wat er gebeurde]({run})" in lines
    assert (
        f"- ❌ Mislukt: \\[x\\]\\(https:\u200b//evil.example\\) @\u200bteam. "
        f"[bekijk wat er gebeurde]({run})"
    ) in lines
    assert f"- ❌ Building the site failed. [see what happened]({run}/job/8)" in lines
    assert "properdocs" not in text and "evil.example/x" not in text


def test_the_steps_the_comment_words_are_steps_of_the_pull_request_workflow() -> None:
    names = {step.get("name") for job in load("pr.yml")["jobs"].values() for step in job["steps"]}
    assert set(KNOWN_STEPS) <= names


def test_reminders_have_a_section_of_their_own_and_do_not_make_it_red() -> None:
    report = {
        "errors": 0,
        "warnings": 0,
        "passed": True,
        "summary": {"nl": "1 herinnering in 1 bestand.", "en": "1 reminder in 1 file."},
        "problems": [_problem("content/covenants/x.yaml", "kijk opnieuw", "reminder")],
    }
    text = comment(report, [], repository="org/site", sha=SHA)
    lines = text.splitlines()
    assert "Geen fouten gevonden." in lines and "No errors found." in lines
    heading = lines.index("#### Herinneringen")
    assert lines[heading + 2].startswith("Deze herinneringen hangen af van de datum van vandaag.")
    assert lines[heading + 4].startswith("- 🔔 content/covenants/x.yaml regel 3 ")
    assert lines[heading + 4].endswith(": a: kijk opnieuw")
    assert "#### Reminders" in lines


@pytest.mark.parametrize(
    ("changed", "pages"),
    [
        (["content/covenants/textiel.yaml"], [("textiel", "textiel.html", "en/textiel.html")]),
        (
            ["content/participants/banken.yaml"],
            [
                ("banken", "banken.html", "en/banken.html"),
                (
                    "doet-mijn-organisatie-mee",
                    "doet-mijn-organisatie-mee.html",
                    "en/is-my-organisation-taking-part.html",
                ),
            ],
        ),
        (["content/parties.yaml"], [("partijen", "partijen.html", "en/parties.html")]),
        (
            ["content/law.yaml"],
            [
                (
                    "geldt-de-csrd-of-csddd",
                    "geldt-de-csrd-of-csddd.html",
                    "en/does-the-csrd-or-csddd-apply.html",
                )
            ],
        ),
        (["content/glossary.yaml"], [("begrippen", "begrippen.html", "en/glossary.html")]),
        (
            ["content/due-diligence.yaml"],
            [("due-diligence", "due-diligence.html", "en/due-diligence.html")],
        ),
        (
            ["content/texts/about.nl.md", "content/texts/about.en.md"],
            [("over-deze-site", "over-deze-site.html", "en/about.html")],
        ),
        (["imvo/cli.py", "content/texts/nope.nl.md", "content/covenants/A b.yaml"], []),
    ],
)
def test_every_kind_of_content_file_lists_its_pages(
    changed: list[str], pages: list[tuple[str, str, str]]
) -> None:
    assert changed_pages(changed) == pages


def test_the_page_names_are_the_sites() -> None:
    assert {key: (v["nl"], v["en"]) for key, v in pages.TEXT_PAGES.items()} == TEXT_PAGES
    for key, names in GENERATED_PAGES.items():
        declared = pages.NAMED_PAGES[key].names
        assert names == (declared["nl"], declared["en"])


def test_changed_files_are_read_whole_when_separated_by_nul(tmp_path: Path) -> None:
    path = tmp_path / "changed.z"
    path.write_bytes(b"content/covenants/a.yaml\0content/x\nimvo/y.py\0")
    assert read_changed(path) == ["content/covenants/a.yaml", "content/x\nimvo/y.py"]


def test_the_command_writes_the_comment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "problems.json").write_text("not json", encoding="utf-8")
    (tmp_path / "pull.json").write_text(json.dumps(PULL), encoding="utf-8")
    code = pr_comment_main(
        [
            "--problems", str(tmp_path / "problems.json"),
            "--changed", str(tmp_path / "missing"),
            "--pull", str(tmp_path / "pull.json"),
            "--repository", "org/site",
            "--sha", SHA,
            "--preview-status", "busy",
        ]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0 and out.startswith(MARKER + "\n")
    assert "The check did not run" in out and WORDS["nl"]["preview-busy"] in out


def _uses(workflow: dict[Any, Any]) -> list[str]:
    return [
        step["uses"]
        for job in workflow["jobs"].values()
        for step in job.get("steps", [])
        if "uses" in step
    ]


@pytest.mark.parametrize("name", ["pr-comment.yml", "pr-preview-remove.yml"])
def test_every_action_is_pinned_to_a_full_commit_with_its_version(name: str) -> None:
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if "uses:" in line:
            assert re.search(r"uses: [\w./-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+$", line), line


def test_the_comment_workflow_runs_no_code_of_the_pull_request() -> None:
    workflow = load("pr-comment.yml")
    assert list(workflow["on"]) == ["workflow_run"]
    assert workflow["on"]["workflow_run"]["workflows"] == ["Pull request"]
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {
        "actions": "read",
        "contents": "read",
        "pull-requests": "write",
    }
    checkout = [s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    assert len(checkout) == 1
    assert "ref" not in checkout[0]["with"] and "repository" not in checkout[0]["with"]
    assert checkout[0]["with"]["persist-credentials"] == "false"
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    for forbidden in ("pip install", "build.py", "bash preview-site", "python3 preview-site"):
        assert forbidden not in runs
    assert "python3 -m imvo.editors.pr_comment" in runs
    # The pull request is the open one whose head is the commit that was checked.
    assert '[ "$sha" = "$HEAD_SHA" ]' in runs


def _step(name: str) -> dict[str, Any]:
    (job,) = load("pr-comment.yml")["jobs"].values()
    step: dict[str, Any] = next(s for s in job["steps"] if s.get("name") == name)
    return step


def test_only_the_bots_own_comment_is_updated(tmp_path: Path) -> None:
    """The jq filter of the comment step, run on comments by a person and by the bot."""
    script = _step("Write or update the one comment")["run"]
    jq = re.search(r"--jq '(.*?)' \| head", script, re.S)
    assert jq
    comments = [
        {"id": 1, "user": {"login": "mallory", "type": "User"}, "body": MARKER + "\nfake"},
        {"id": 2, "user": {"login": "github-actions[bot]", "type": "Bot"}, "body": "other"},
        {"id": 3, "user": {"login": "github-actions[bot]", "type": "Bot"}, "body": MARKER},
    ]
    result = subprocess.run(
        ["jq", jq[1]], input=json.dumps(comments), capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["3"]


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True, timeout=120
    )
    return result.stdout.strip()


def decide(tmp_path: Path, files: list[str], *, fork: bool) -> dict[str, str]:
    """The comment workflow's step "Content only, or code too", run on a repository whose pull
    request 1 adds `files` (as a fork's, or as a branch of the repository)."""
    origin = tmp_path / "origin"
    origin.mkdir()
    _git(origin, "init", "-q", "-b", "main")
    _git(origin, "config", "user.email", "ci@example.org")
    _git(origin, "config", "user.name", "CI")
    (origin / "README.md").write_text("base\n", encoding="utf-8")
    _git(origin, "add", "-A")
    _git(origin, "commit", "-q", "-m", "base")
    _git(origin, "checkout", "-q", "-b", "pull")
    for name in files:
        (origin / name).parent.mkdir(parents=True, exist_ok=True)
        (origin / name).write_text(name + "\n", encoding="utf-8")
    _git(origin, "add", "-A")
    _git(origin, "commit", "-q", "-m", "pull request")
    head = _git(origin, "rev-parse", "HEAD")
    _git(origin, "update-ref", "refs/pull/1/head", head)
    _git(origin, "checkout", "-q", "main")
    (origin / "other.txt").write_text("main moved on\n", encoding="utf-8")
    _git(origin, "add", "-A")
    _git(origin, "commit", "-q", "-m", "main")
    base = _git(origin, "rev-parse", "HEAD")
    work = tmp_path / "work"
    subprocess.run(
        ["git", "clone", "-q", "--no-local", str(origin), str(work)], check=True, timeout=120
    )
    pull = {
        "base": {"sha": base},
        "head": {"repo": {"full_name": "editor/site" if fork else "org/site"}},
    }
    (work / "pull.json").write_text(json.dumps(pull), encoding="utf-8")
    output = tmp_path / "output"
    env = {
        "PATH": "/usr/bin:/bin",
        "GITHUB_OUTPUT": str(output),
        "GITHUB_SERVER_URL": "https://github.com",
        "GH_TOKEN": "token",
        "REPOSITORY": "org/site",
        "HEAD_SHA": head,
        "NUMBER": "1",
    }
    script = _step("Content only, or code too")["run"]
    subprocess.run(["bash", "-e", "-c", script], cwd=work, env=env, check=True, timeout=120)
    return dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())


def test_a_fork_with_3001_content_files_and_one_code_file_gets_no_preview(
    tmp_path: Path,
) -> None:
    """GitHub's list of changed files stops at 3,000: the workflow reads the whole diff."""
    files = [f"content/texts/x{n:04}.nl.md" for n in range(3001)] + ["overrides/main.html"]
    assert decide(tmp_path, files, fork=True) == {"scope": "code", "publish": "false"}


def test_a_forks_content_only_pull_request_gets_a_preview(tmp_path: Path) -> None:
    files = ["content/covenants/textiel.yaml", "content/texts/about.nl.md"]
    assert decide(tmp_path, files, fork=True) == {"scope": "content", "publish": "true"}


def test_a_pull_request_from_the_repository_itself_gets_a_preview(tmp_path: Path) -> None:
    assert decide(tmp_path, ["imvo/cli.py"], fork=False) == {"scope": "code", "publish": "true"}


def test_the_removal_runs_on_close_and_checks_nothing_out() -> None:
    workflow = load("pr-preview-remove.yml")
    assert workflow["on"] == {"pull_request_target": {"types": ["closed"]}}
    assert workflow["permissions"] == {}
    assert _uses(workflow) == []
    (job,) = workflow["jobs"].values()
    (step,) = job["steps"]
    assert 'git rm -r --quiet "pr-${NUMBER}"' in step["run"]
    assert "github.event.pull_request.head" not in (WORKFLOWS / "pr-preview-remove.yml").read_text(
        encoding="utf-8"
    )


def _stub(bin_dir: Path, name: str, script: str) -> None:
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / name).write_text("#!/bin/bash\n" + script, encoding="utf-8")
    (bin_dir / name).chmod(0o755)


def test_the_pull_request_is_the_open_one_whose_head_was_checked(tmp_path: Path) -> None:
    """The artifact's number only chooses between pull requests that share the commit."""
    head = "a" * 40
    bin_dir = tmp_path / "bin"
    _stub(
        bin_dir,
        "gh",
        'case "$2" in\n'
        f'  *pulls\\?*) printf "5 {head}\\n6 {"b" * 40}\\n9 {head}\\n";;\n'
        '  *) echo "{\\"number\\": ${2##*/}}";;\n'
        "esac\n",
    )
    (tmp_path / "results").mkdir()
    output = tmp_path / "output"
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "GITHUB_OUTPUT": str(output),
        "REPOSITORY": "org/site",
        "HEAD_SHA": head,
    }
    script = _step("Find the pull request")["run"]

    def run(claimed: str) -> str:
        (tmp_path / "results" / "pr-number.txt").write_text(claimed, encoding="utf-8")
        output.write_text("", encoding="utf-8")
        subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=env, check=True)
        return output.read_text(encoding="utf-8")

    assert run("6\n") == "number=5\n"  # 6 is open, but its head is another commit
    assert run("9\n") == "number=9\n"
    assert json.loads((tmp_path / "pull.json").read_text(encoding="utf-8")) == {"number": 9}
    env["HEAD_SHA"] = "c" * 40
    assert run("5\n") == ""  # moved on: no comment from this run


@pytest.mark.parametrize(
    ("env", "git", "status"),
    [
        ({"SITE": "failure"}, "", "no-site"),
        ({"PUBLISH": "false", "SCOPE": "code"}, "", "fork-code"),
        ({"PUBLISH": "false", "SCOPE": "unknown"}, "", "unknown-files"),
        ({"PREVIEW_TOKEN": ""}, "", "no-token"),
        ({}, 'if [ "$1" = clone ]; then echo "Authentication failed" >&2; exit 128; fi\n', "token"),
        (
            {},
            'case "$1" in clone) mkdir -p "${@: -1}";; push) echo " ! [rejected] (fetch first)"'
            " >&2; exit 1;; esac\n",
            "busy",
        ),
        ({}, 'case "$1" in clone) mkdir -p "${@: -1}";; esac\n', "published"),
    ],
)
def test_the_preview_step_says_what_became_of_the_preview(
    tmp_path: Path, env: dict[str, str], git: str, status: str
) -> None:
    bin_dir = tmp_path / "bin"
    _stub(bin_dir, "git", git or "exit 0\n")
    _stub(bin_dir, "sleep", "exit 0\n")
    (tmp_path / "preview-site").mkdir()
    (tmp_path / "preview-site" / "index.html").write_text("<p>x</p>", encoding="utf-8")
    output = tmp_path / "output"
    full = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "GITHUB_OUTPUT": str(output),
        "REPOSITORY": "Org/site",
        "HEAD_SHA": SHA,
        "NUMBER": "7",
        "SITE": "success",
        "SCOPE": "content",
        "PUBLISH": "true",
        "PREVIEW_TOKEN": "secret",
        "PREVIEW_REPOSITORY": "",
        **env,
    }
    script = _step("Publish the preview")["run"]
    subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=full, check=True, timeout=60)
    written = output.read_text(encoding="utf-8").splitlines()
    assert written[-1] == f"status={status}"
    if status == "published":
        assert written[0] == "url=https://org.github.io/site-previews/pr-7/"


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
"""Any JSON: what a pull request's own workflow could put in problems.json."""
KEYS = st.sampled_from(["path", "line", "severity", "place", "message", "field", "code"])


@settings(max_examples=150, deadline=None)
@given(
    report=st.dictionaries(
        st.sampled_from(["errors", "passed", "summary", "problems", "strict"]), JSON, max_size=5
    )
    | st.fixed_dictionaries({"problems": st.lists(st.dictionaries(KEYS, JSON), max_size=4)}),
    jobs=JSON,
    pull=JSON,
)
def test_any_report_gives_a_comment_and_never_a_traceback(
    report: dict[str, Any], jobs: Any, pull: Any
) -> None:
    text = comment(
        report,
        [],
        repository="org/site",
        sha=SHA,
        jobs=jobs,
        pull=pull if isinstance(pull, dict) else None,
    )
    assert text.startswith(MARKER + "\n")
    # Every link goes to github.com, to this repository or the pull request's head.
    for target in re.findall(r"\]\(([^)]*)\)", text):
        assert target.startswith("https://github.com/"), target


def test_a_comment_with_many_long_problems_fits_in_one_github_comment() -> None:
    long = "x" * 900
    problems = [
        _problem(f"content/covenants/{'a' * 150}{n}.yaml", long, severity)
        for n in range(200)
        for severity in ("error", "reminder")
    ]
    report = {"errors": 200, "summary": {"nl": "200 fouten", "en": "200 errors"}}
    text = comment({**report, "problems": problems}, [], repository="org/site", sha=SHA, pull=PULL)
    assert len(text) <= 65_536
    assert text.startswith(MARKER) and "### Check of this change" in text
    assert "en nog " in text and "and " in text  # the rest is counted, not dropped silently
