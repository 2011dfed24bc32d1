"""The pull request's comment and preview: every problem in Dutch and English with a link to
its line, the changed pages' preview addresses, and workflows that never run a pull
request's code with a write token."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from imvo.cli import main
from imvo.pr_comment import MARKER, changed_pages, comment

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


def test_the_comment_lists_every_problem_in_dutch_then_english(report: dict[str, Any]) -> None:
    text = comment(
        report,
        ["content/covenants/voorbeeld.yaml", "README.md"],
        repository="org/site",
        sha=SHA,
        preview="https://org.github.io/site-previews/pr-7",
    )
    lines = text.splitlines()
    assert lines[0] == MARKER
    link = f"https://github.com/org/site/blob/{SHA}/content/covenants/voorbeeld.yaml#L37"
    dutch = (
        f"- ❌ [content/covenants/voorbeeld.yaml regel 37]({link}): eerste partij, party: er is "
        "geen partij 'fvn' in content/parties.yaml; bedoel je 'fnv'?"
    )
    english = (
        f"- ❌ [content/covenants/voorbeeld.yaml line 37]({link}): parties\\[0\\].party: no "
        "party 'fvn' in content/parties.yaml; did you mean 'fnv'?"
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
    assert "Er is (nog) geen voorbeeld van de site" in text


def test_text_from_the_pull_request_cannot_become_markdown_or_a_mention() -> None:
    report = {
        "errors": 1,
        "summary": {"nl": "1 fout", "en": "1 error"},
        "problems": [
            {
                "path": "content/covenants/x.yaml",
                "line": 3,
                "field": "a",
                "place": {"nl": "a", "en": "a"},
                "message": {"nl": "[klik](https://evil.example) @org/team <img>", "en": "x"},
            }
        ],
    }
    text = comment(report, [], repository="org/site", sha=SHA)
    assert "\\[klik\\]\\(https://evil.example\\)" in text
    assert "@\u200borg/team" in text and "\\<img\\>" in text


def test_only_covenant_files_are_pages() -> None:
    assert changed_pages(
        ["content/covenants/textiel.yaml", "content/parties.yaml", "imvo/cli.py"]
    ) == [("textiel", "textiel.html", "en/textiel.html")]


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
    assert "python3 -m imvo.pr_comment" in runs
    assert 'if [ "$head" != "$HEAD_SHA" ]' in runs  # the number is checked against the commit


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
